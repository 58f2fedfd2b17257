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

qint64 HistoryDatabase::metaValue(const QString &key, qint64 fallback)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.bindValue(0, key);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return fallback;
}

void HistoryDatabase::setMetaValue(const QString &key, qint64 value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE "
                             "SET value = excluded.value"));
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!q.exec())
        fail(q.lastError(), tr("compacting"));
}

bool HistoryDatabase::compactionDue(qint64 nowMs)
{
    if (!m_q)
        return false;
    return metaValue(QStringLiteral("compacted_at"), 0) <= nowMs - kDayMs;
}

bool HistoryDatabase::compactStep(qint64 nowMs)
{
    if (!m_q)
        return false;
    if (!m_compacting) {
        m_compactRawCut = floorHour(nowMs - qint64(m_options.rawRetentionDays) * kDayMs);
        m_compactAggregateCut =
            floorHour(nowMs - qint64(m_options.aggregateRetentionDays) * kDayMs);
        m_compactQueue = m_itemKeys.keys();
        std::sort(m_compactQueue.begin(), m_compactQueue.end());
        m_compacting = true;
    }
    if (m_compactQueue.isEmpty()) {
        // Give freed pages back, a bounded number at a time.
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next() && q.value(0).toInt() > 0) {
            const int pages = std::min(q.value(0).toInt(), kVacuumPagesPerStep);
            q.finish();
            // QSQLITE steps a statement without columns once, and each step
            // of incremental_vacuum frees one page: step it that often, in
            // one transaction.
            if (!begin())
                return false;
            QSqlQuery vacuum(m_db);
            vacuum.prepare(QStringLiteral("PRAGMA incremental_vacuum"));
            for (int i = 0; i < pages; ++i) {
                if (!vacuum.exec()) {
                    const QSqlError e = vacuum.lastError();
                    rollback();
                    fail(e, tr("compacting"));
                    m_compacting = false;
                    return false;
                }
            }
            vacuum.finish();
            if (!commit()) {
                m_compacting = false;
                return false;
            }
            return true;
        }
        q.finish();
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM transitions WHERE t < ?"));
        del.bindValue(0, m_compactAggregateCut);
        if (!del.exec())
            fail(del.lastError(), tr("compacting"));
        setMetaValue(QStringLiteral("compacted_at"), nowMs);
        m_compacting = false;
        return false;
    }
    const qint64 no = m_compactQueue.first();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT min(t) FROM results WHERE item_id = ?"));
    q.bindValue(0, no);
    if (!q.exec() || !q.next()) {
        fail(q.lastError(), tr("compacting"));
        m_compacting = false;
        return false;
    }
    const QVariant first = q.value(0);
    q.finish();
    if (first.isNull() || first.toLongLong() >= m_compactRawCut) {
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM hourly WHERE item_id = ? AND hour < ?"));
        del.bindValue(0, no);
        del.bindValue(1, m_compactAggregateCut);
        if (!del.exec())
            fail(del.lastError(), tr("compacting"));
        m_compactQueue.removeFirst();
        return true;
    }
    const qint64 from = floorHour(first.toLongLong());
    const qint64 end = std::min(m_compactRawCut, from + kCompactChunkMs);
    if (!begin()) {
        m_compacting = false;
        return false;
    }
    QSqlQuery add(m_db);
    add.prepare(QStringLiteral(
        "INSERT INTO hourly(item_id, hour, n_ok, n_warning, n_critical, n_unknown, worst) "
        "SELECT item_id, (t / 3600000) * 3600000, sum(severity = 0), sum(severity = 1), "
        "sum(severity = 2), sum(severity NOT IN (0, 1, 2)), 0 FROM results WHERE item_id = ? AND "
        "t < ? GROUP BY 2 ON CONFLICT(item_id, hour) DO UPDATE SET n_ok = n_ok + excluded.n_ok, "
        "n_warning = n_warning + excluded.n_warning, n_critical = n_critical + "
        "excluded.n_critical, n_unknown = n_unknown + excluded.n_unknown"));
    add.bindValue(0, no);
    add.bindValue(1, end);
    QSqlQuery worst(m_db);
    worst.prepare(QStringLiteral(
        "UPDATE hourly SET worst = CASE WHEN n_critical > 0 THEN 2 WHEN n_warning > 0 THEN 1 "
        "WHEN n_unknown > 0 THEN 3 ELSE 0 END WHERE item_id = ? AND hour >= ? AND hour < ?"));
    worst.bindValue(0, no);
    worst.bindValue(1, from);
    worst.bindValue(2, end);
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM results WHERE item_id = ? AND t < ?"));
    del.bindValue(0, no);
    del.bindValue(1, end);
    for (QSqlQuery *step : {&add, &worst, &del}) {
        if (!step->exec()) {
            const QSqlError e = step->lastError();
            rollback();
            fail(e, tr("compacting"));
            m_compacting = false;
            return false;
        }
    }
    if (!commit()) {
        m_compacting = false;
        return false;
    }
    return true;
}

void HistoryDatabase::compactAll(qint64 nowMs)
{
    m_compacting = false;
    while (compactStep(nowMs)) {
    }
}

} // namespace labdeck::history
