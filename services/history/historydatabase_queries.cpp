#include "history/historydatabase.h"
#include "history/historydatabase_p.h"
#include "history/logging_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <optional>

namespace labdeck::history {

using namespace detail;

Health HistoryDatabase::stateAt(qint64 itemNo, qint64 atMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT to_sev FROM transitions WHERE item_id = ? AND t < ? ORDER BY "
                             "t DESC, rowid DESC LIMIT 1"));
    q.bindValue(0, itemNo);
    q.bindValue(1, atMs);
    if (q.exec() && q.next())
        return healthFromCode(q.value(0).toInt());
    return Health::Unknown;
}

QList<TimelineBucket> HistoryDatabase::timeline(const QString &item, qint64 fromMs, qint64 toMs,
                                                int buckets)
{
    QList<TimelineBucket> out;
    if (toMs <= fromMs || buckets <= 0)
        return out;
    buckets = std::min(buckets, kMaxBuckets);
    const qint64 width = std::max<qint64>(1, (toMs - fromMs + buckets - 1) / buckets);
    for (int i = 0; i < buckets; ++i) {
        TimelineBucket b;
        b.from = fromMs + i * width;
        b.to = std::min(toMs, b.from + width);
        if (b.from >= toMs)
            break;
        out << b;
    }
    const QList<qint64> numbers = numbersFor(item);
    if (numbers.isEmpty() || !m_q)
        return out;
    const qint64 no = itemNumber(item, false); // the item's own states; -1 when none
    auto bucketOf = [&](qint64 t) {
        return int(std::clamp<qint64>((t - fromMs) / width, 0, out.size() - 1));
    };

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Its own results and those of the checks about it.
    for (qint64 number : numbers) {
        q.prepare(
            QStringLiteral("SELECT (t - ?) / ?, severity, count(*) FROM results WHERE item_id = "
                           "? AND t >= ? AND t < ? GROUP BY 1, 2"));
        q.bindValue(0, fromMs);
        q.bindValue(1, width);
        q.bindValue(2, number);
        q.bindValue(3, fromMs);
        q.bindValue(4, toMs);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the timeline"));
            return out;
        }
        while (q.next()) {
            const int b = std::clamp(q.value(0).toInt(), 0, int(out.size()) - 1);
            const int code = std::clamp(q.value(1).toInt(), 0, 3);
            out[b].counts[size_t(code)] += q.value(2).toInt();
        }
        q.prepare(
            QStringLiteral("SELECT (hour - ?) / ?, sum(n_ok), sum(n_warning), sum(n_critical), "
                           "sum(n_unknown) FROM hourly WHERE item_id = ? AND hour >= ? AND hour "
                           "< ? GROUP BY 1"));
        q.bindValue(0, fromMs);
        q.bindValue(1, width);
        q.bindValue(2, number);
        q.bindValue(3, fromMs);
        q.bindValue(4, toMs);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the timeline"));
            return out;
        }
        while (q.next()) {
            const int b = std::clamp(q.value(0).toInt(), 0, int(out.size()) - 1);
            for (int c = 0; c < 4; ++c)
                out[b].counts[size_t(c)] += q.value(1 + c).toInt();
        }
    }
    // A lab-tree item: time in each state, from its transitions.
    if (no >= 0 && !item.startsWith(QLatin1String("check:"))) {
        const qint64 end = std::min(toMs, QDateTime::currentMSecsSinceEpoch());
        auto addSpan = [&](qint64 a, qint64 b, Health h) {
            if (b <= a)
                return;
            const size_t code = size_t(severityCode(h));
            for (int i = bucketOf(a); i < out.size() && out[i].from < b; ++i)
                out[i].stateMs[code] += std::min(b, out[i].to) - std::max(a, out[i].from);
        };
        Health state = stateAt(no, fromMs);
        bool known = state != Health::Unknown;
        qint64 since = fromMs;
        q.prepare(QStringLiteral("SELECT t, to_sev FROM transitions WHERE item_id = ? AND t >= ? "
                                 "AND t < ? ORDER BY t, rowid LIMIT %1")
                      .arg(kMaxQueryRows * 10));
        q.bindValue(0, no);
        q.bindValue(1, fromMs);
        q.bindValue(2, end);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the timeline"));
            return out;
        }
        while (q.next()) {
            const qint64 t = q.value(0).toLongLong();
            if (known)
                addSpan(since, t, state);
            state = healthFromCode(q.value(1).toInt());
            known = true;
            since = t;
        }
        if (known)
            addSpan(since, end, state);
    }
    for (TimelineBucket &b : out) {
        Health worst = Health::Ok;
        for (int c = 0; c < 4; ++c) {
            if (b.counts[size_t(c)] > 0 || b.stateMs[size_t(c)] > 0)
                worst = worseOf(worst, healthFromCode(c));
        }
        b.worst = b.empty() ? Health::Unknown : worst;
    }
    return out;
}

Uptime HistoryDatabase::uptime(const QString &item, qint64 fromMs, qint64 toMs)
{
    Uptime u;
    const QList<TimelineBucket> all = timeline(item, fromMs, toMs, 1);
    if (all.isEmpty())
        return u;
    const TimelineBucket &b = all.first();
    u.samples = b.counts[CodeOk] + b.counts[CodeWarning] + b.counts[CodeCritical];
    u.okSamples = b.counts[CodeOk];
    u.knownMs = b.stateMs[CodeOk] + b.stateMs[CodeWarning] + b.stateMs[CodeCritical];
    u.okMs = b.stateMs[CodeOk];
    if (u.knownMs > 0)
        u.percent = 100.0 * double(u.okMs) / double(u.knownMs);
    else if (u.samples > 0)
        u.percent = 100.0 * u.okSamples / u.samples;
    return u;
}

QList<Incident> HistoryDatabase::incidents(const QString &item, qint64 sinceMs, int limit)
{
    QList<Incident> out;
    if (!m_q)
        return out;
    limit = std::clamp(limit, 1, kMaxQueryRows);
    QList<qint64> numbers;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!item.isEmpty()) {
        // The item's own and those of the checks about it.
        numbers = numbersFor(item);
        if (numbers.isEmpty())
            return out;
    } else {
        q.prepare(QStringLiteral("SELECT DISTINCT item_id FROM transitions WHERE t >= ?"));
        q.bindValue(0, sinceMs);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading incidents"));
            return out;
        }
        while (q.next())
            numbers << q.value(0).toLongLong();
        // Going on since before sinceMs, without a change since.
        for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
            if (isProblem(it->health) && !numbers.contains(it.key()))
                numbers << it.key();
        }
        std::sort(numbers.begin(), numbers.end());
    }
    for (qint64 no : std::as_const(numbers)) {
        qint64 start = sinceMs;
        if (isProblem(stateAt(no, sinceMs))) {
            q.prepare(QStringLiteral(
                "SELECT max(t) FROM transitions WHERE item_id = ? AND t < ? AND to_sev IN (1, 2) "
                "AND from_sev NOT IN (1, 2)"));
            q.bindValue(0, no);
            q.bindValue(1, sinceMs);
            if (q.exec() && q.next() && !q.value(0).isNull())
                start = q.value(0).toLongLong();
            else
                start = 0;
        }
        q.prepare(QStringLiteral("SELECT t, to_sev, reason FROM transitions WHERE item_id = ? AND "
                                 "t >= ? ORDER BY t, rowid LIMIT %1")
                      .arg(kMaxQueryRows * 10));
        q.bindValue(0, no);
        q.bindValue(1, start);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading incidents"));
            return out;
        }
        std::optional<Incident> current;
        const QString key = m_itemKeys.value(no);
        while (q.next()) {
            const qint64 t = q.value(0).toLongLong();
            const Health to = healthFromCode(q.value(1).toInt());
            if (isProblem(to)) {
                if (!current)
                    current = Incident{key, t, 0, to, q.value(2).toString()};
                else
                    current->worst = worseOf(current->worst, to);
            } else if (to == Health::Ok && current) {
                current->to = t;
                if (current->to >= sinceMs)
                    out << *current;
                current.reset();
            }
        }
        if (current)
            out << *current;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Incident &a, const Incident &b) { return a.from > b.from; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QList<Transition> HistoryDatabase::transitions(const TransitionFilter &filter, qint64 sinceMs,
                                               int limit)
{
    QList<Transition> out;
    if (!m_q)
        return out;
    limit = std::clamp(limit, 1, kMaxQueryRows);
    QString sql = QStringLiteral("SELECT x.t, i.key, x.from_sev, x.to_sev, x.reason FROM "
                                 "transitions x JOIN items i ON i.id = x.item_id WHERE x.t >= ?");
    QVariantList binds{sinceMs};
    if (!filter.item.isEmpty()) {
        sql += QStringLiteral(" AND i.key = ?");
        binds << bounded(filter.item, kMaxItemIdLength);
    }
    if (!filter.text.isEmpty()) {
        sql += QStringLiteral(" AND (instr(lower(i.key), ?) > 0 OR instr(lower(x.reason), ?) > 0)");
        const QString needle = bounded(filter.text.toLower(), 256);
        binds << needle << needle;
    }
    switch (filter.minimum) {
    case Health::Critical:
        sql += QStringLiteral(" AND x.to_sev = 2");
        break;
    case Health::Warning:
        sql += QStringLiteral(" AND x.to_sev IN (1, 2)");
        break;
    case Health::Ok:
        sql += QStringLiteral(" AND x.to_sev IN (0, 1, 2)");
        break;
    case Health::Unknown:
        break;
    }
    sql += QStringLiteral(" ORDER BY x.t DESC, x.rowid DESC LIMIT %1").arg(limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec()) {
        fail(q.lastError(), tr("reading transitions"));
        return out;
    }
    while (q.next())
        out << Transition{q.value(0).toLongLong(), q.value(1).toString(),
                          healthFromCode(q.value(2).toInt()), healthFromCode(q.value(3).toInt()),
                          q.value(4).toString()};
    return out;
}

QStringList HistoryDatabase::items(qint64 sinceMs)
{
    QStringList out;
    if (!m_q)
        return out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM results WHERE item_id = ? AND t >= ?) OR EXISTS(SELECT 1 "
        "FROM transitions WHERE item_id = ? AND t >= ?) OR EXISTS(SELECT 1 FROM hourly WHERE "
        "item_id = ? AND hour >= ?)"));
    for (auto it = m_itemKeys.constBegin(); it != m_itemKeys.constEnd(); ++it) {
        for (int i = 0; i < 2; ++i) {
            q.bindValue(2 * i, it.key());
            q.bindValue(2 * i + 1, sinceMs);
        }
        q.bindValue(4, it.key());
        q.bindValue(5, floorHour(sinceMs));
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the items"));
            return out;
        }
        if (q.next() && q.value(0).toBool())
            out << it.value();
        // In an open incident since before sinceMs: still part of the span.
        else if (isProblem(m_states.value(it.key()).health))
            out << it.value();
        q.finish();
    }
    out.sort();
    return out;
}

qint64 HistoryDatabase::rawResultCount(const QString &item)
{
    QSqlQuery q(m_db);
    if (item.isEmpty()) {
        q.prepare(QStringLiteral("SELECT count(*) FROM results"));
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM results WHERE item_id = ?"));
        q.bindValue(0, itemNumber(item, false));
    }
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 HistoryDatabase::aggregatedResultCount(const QString &item)
{
    QSqlQuery q(m_db);
    const QString sum = QStringLiteral(
        "SELECT coalesce(sum(n_ok + n_warning + n_critical + n_unknown), 0) FROM hourly");
    if (item.isEmpty()) {
        q.prepare(sum);
    } else {
        q.prepare(sum + QStringLiteral(" WHERE item_id = ?"));
        q.bindValue(0, itemNumber(item, false));
    }
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

QString HistoryDatabase::integrityCheck()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return errorText(q.lastError());
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

qint64 HistoryDatabase::usedBytes()
{
    QSqlQuery q(m_db);
    auto pragma = [&q](const char *name) -> qint64 {
        if (q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next())
            return q.value(0).toLongLong();
        return 0;
    };
    const qint64 pageSize = pragma("page_size");
    return pageSize * (pragma("page_count") - pragma("freelist_count"));
}

} // namespace labdeck::history
