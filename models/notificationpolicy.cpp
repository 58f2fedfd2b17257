#include "notificationpolicy.h"

#include "common/format.h"

#include <QSettings>

namespace labdeck {

QStringList NotificationPolicy::categories()
{
    return {QStringLiteral("hosts"), QStringLiteral("workloads"), QStringLiteral("compose"),
            QStringLiteral("components"), QStringLiteral("urls")};
}

QString NotificationPolicy::categoryOf(const QString &id)
{
    const QStringView kind =
        QStringView(id).left(std::max<qsizetype>(id.indexOf(QLatin1Char(':')), 0));
    if (kind == QLatin1String("host"))
        return QStringLiteral("hosts");
    if (kind == QLatin1String("workload"))
        return QStringLiteral("workloads");
    if (kind == QLatin1String("compose") || kind == QLatin1String("service"))
        return QStringLiteral("compose");
    if (kind == QLatin1String("component"))
        return QStringLiteral("components");
    if (kind == QLatin1String("url"))
        return QStringLiteral("urls");
    return {};
}

QString NotificationPolicy::categoryTitle(const QString &category)
{
    if (category == QLatin1String("hosts"))
        return tr("Hosts and nodes");
    if (category == QLatin1String("workloads"))
        return tr("Kubernetes workloads");
    if (category == QLatin1String("compose"))
        return tr("Compose and host services");
    if (category == QLatin1String("components"))
        return tr("Host components (tunnels, NFS, GPU)");
    if (category == QLatin1String("urls"))
        return tr("Public URLs and certificates");
    return category;
}

std::chrono::milliseconds NotificationPolicy::Settings::debounceFor(const QString &id) const
{
    return categoryDebounce.value(categoryOf(id), debounce);
}

NotificationPolicy::Settings NotificationPolicy::Settings::load()
{
    QSettings q;
    Settings s;
    s.debounce = std::chrono::seconds(std::clamp(
        q.value(QStringLiteral("notifications/debounceSeconds"), 60).toInt(), 0, 24 * 3600));
    for (const QString &category : categories()) {
        const QVariant v =
            q.value(QStringLiteral("notifications/categoryDebounceSeconds/") + category);
        if (v.isValid())
            s.categoryDebounce.insert(category,
                                      std::chrono::seconds(std::clamp(v.toInt(), 0, 24 * 3600)));
        if (q.value(QStringLiteral("notifications/muted/") + category, false).toBool())
            s.mutedCategories.insert(category);
    }
    s.reminder = std::chrono::hours(
        std::clamp(q.value(QStringLiteral("notifications/reminderHours"), 12).toInt(), 1, 24 * 30));
    s.quietFrom = QTime::fromString(q.value(QStringLiteral("notifications/quietFrom")).toString(),
                                    QStringLiteral("HH:mm"));
    s.quietTo = QTime::fromString(q.value(QStringLiteral("notifications/quietTo")).toString(),
                                  QStringLiteral("HH:mm"));
    return s;
}

void NotificationPolicy::Settings::save() const
{
    QSettings q;
    q.setValue(QStringLiteral("notifications/debounceSeconds"),
               int(std::chrono::duration_cast<std::chrono::seconds>(debounce).count()));
    q.setValue(QStringLiteral("notifications/reminderHours"),
               int(std::chrono::duration_cast<std::chrono::hours>(reminder).count()));
    q.setValue(QStringLiteral("notifications/quietFrom"),
               quietFrom.isValid() ? quietFrom.toString(QStringLiteral("HH:mm")) : QString());
    q.setValue(QStringLiteral("notifications/quietTo"),
               quietTo.isValid() ? quietTo.toString(QStringLiteral("HH:mm")) : QString());
    for (const QString &category : categories()) {
        const QString key = QStringLiteral("notifications/categoryDebounceSeconds/") + category;
        if (categoryDebounce.contains(category) && categoryDebounce.value(category) != debounce)
            q.setValue(key, int(std::chrono::duration_cast<std::chrono::seconds>(
                                    categoryDebounce.value(category))
                                    .count()));
        else
            q.remove(key);
        const QString muted = QStringLiteral("notifications/muted/") + category;
        if (mutedCategories.contains(category))
            q.setValue(muted, true);
        else
            q.remove(muted);
    }
}

bool NotificationPolicy::isQuiet(const Settings &s, const QTime &local)
{
    if (!s.quietFrom.isValid() || !s.quietTo.isValid() || s.quietFrom == s.quietTo)
        return false;
    if (s.quietFrom < s.quietTo)
        return local >= s.quietFrom && local < s.quietTo;
    return local >= s.quietFrom || local < s.quietTo; // across midnight
}

NotificationPolicy::NotificationPolicy(LabSummary *summary, QObject *parent)
    : QObject(parent)
    , m_summary(summary)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<Note>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationPolicy::evaluate);
    connect(summary, &LabSummary::changed, this, &NotificationPolicy::evaluate);
    evaluate();
}

void NotificationPolicy::setSettings(const Settings &settings)
{
    m_settings = settings;
    evaluate();
}

void NotificationPolicy::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

QDateTime NotificationPolicy::now() const
{
    return m_now();
}

void NotificationPolicy::mute(const QString &id, const QDateTime &until)
{
    m_muted.insert(id, until);
}

void NotificationPolicy::muteCategory(const QString &category, const QDateTime &until)
{
    m_mutedCategories.insert(category, until);
}

bool NotificationPolicy::isCategoryMuted(const QString &category) const
{
    if (m_settings.mutedCategories.contains(category))
        return true;
    const auto it = m_mutedCategories.constFind(category);
    return it != m_mutedCategories.cend() && now() < *it;
}

void NotificationPolicy::pause(const QDateTime &until)
{
    m_pausedUntil = until;
}

bool NotificationPolicy::isPaused() const
{
    return m_pausedUntil.isValid() && now() < m_pausedUntil;
}

bool NotificationPolicy::isMuted(const QString &id) const
{
    const auto it = m_muted.constFind(id);
    return it != m_muted.cend() && now() < *it;
}

bool NotificationPolicy::silenced(const QString &id) const
{
    return isPaused() || isMuted(id) || isCategoryMuted(categoryOf(id));
}

void NotificationPolicy::send(Note::Kind kind, const Tracked &t)
{
    Note n;
    n.kind = kind;
    n.id = t.problem.id;
    const LabSummary::Problem &p = t.problem;
    if (kind == Note::Kind::Recovered) {
        n.health = t.worst;
        n.summary = tr("%1 recovered").arg(p.name);
        n.body =
            tr("after %1 (it was %2: %3)")
                .arg(Format::age(t.firstSeen.secsTo(now())), HealthText::name(t.worst), p.reason);
    } else {
        n.health = p.health;
        n.summary = p.reason.isEmpty() ? p.name : tr("%1 %2").arg(p.name, p.reason);
        QStringList body{HealthText::name(p.health)};
        if (p.affected > 0)
            body << tr("%1 more affected").arg(p.affected);
        if (kind == Note::Kind::Reminder)
            body << tr("still, for %1").arg(Format::age(t.firstSeen.secsTo(now())));
        n.body = body.join(QStringLiteral(" \u00b7 "));
    }
    Q_EMIT notify(n);
}

void NotificationPolicy::evaluate()
{
    const QDateTime t = now();
    QHash<QString, LabSummary::Problem> current;
    for (const LabSummary::Problem &p : m_summary->problems())
        current.insert(p.id, p);

    // Ended: "recovered" for what was said, nothing for a flap.
    for (auto it = m_tracked.begin(); it != m_tracked.end();) {
        if (current.contains(it.key())) {
            ++it;
            continue;
        }
        if (it->notified && !silenced(it.key()) && !isQuiet(m_settings, t.toLocalTime().time()))
            send(Note::Kind::Recovered, *it);
        it = m_tracked.erase(it);
    }
    for (const LabSummary::Problem &p : std::as_const(current)) {
        auto it = m_tracked.find(p.id);
        if (it == m_tracked.end()) {
            Tracked tr;
            tr.problem = p;
            tr.since = t;
            tr.firstSeen = t;
            tr.worst = p.health;
            it = m_tracked.insert(p.id, tr);
            continue;
        }
        if (severityRank(p.health) > severityRank(it->problem.health)) {
            // Worse: a new transition, said once it holds.
            it->since = t;
            it->notified = false;
        }
        if (severityRank(p.health) > severityRank(it->worst))
            it->worst = p.health;
        it->problem = p; // reason and affected count as they are now
    }
    const bool quiet = isQuiet(m_settings, t.toLocalTime().time());
    for (auto it = m_tracked.begin(); it != m_tracked.end(); ++it) {
        Tracked &tr = *it;
        if (quiet)
            continue; // held until the quiet hours end
        if (!tr.notified) {
            if (tr.since.msecsTo(t) >= m_settings.debounceFor(it.key()).count()) {
                tr.notified = true;
                tr.lastNotified = t;
                if (!silenced(it.key()))
                    send(Note::Kind::Problem, tr);
            }
        } else if (tr.lastNotified.msecsTo(t) >= m_settings.reminder.count()) {
            tr.lastNotified = t;
            if (!silenced(it.key()))
                send(Note::Kind::Reminder, tr);
        }
    }
    scheduleNext();
}

void NotificationPolicy::scheduleNext()
{
    const QDateTime t = now();
    qint64 next = -1;
    for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
        const Tracked &tr = *it;
        const qint64 due = tr.notified
                               ? m_settings.reminder.count() - tr.lastNotified.msecsTo(t)
                               : m_settings.debounceFor(it.key()).count() - tr.since.msecsTo(t);
        if (next < 0 || due < next)
            next = due;
    }
    if (next < 0) {
        m_timer.stop();
        return;
    }
    if (isQuiet(m_settings, t.toLocalTime().time())) {
        // Look again when the quiet hours end.
        QDateTime end(t.toLocalTime().date(), m_settings.quietTo);
        if (end <= t.toLocalTime())
            end = end.addDays(1);
        next = t.toLocalTime().msecsTo(end);
    }
    // At least 50 ms apart; at most an hour (the clock may jump: sleep).
    m_timer.start(int(std::clamp<qint64>(next, 50, 3600 * 1000)));
}

} // namespace labdeck
