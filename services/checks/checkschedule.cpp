#include "checks/checkschedule.h"

#include "checks/logging_p.h"

#include <QPointer>
#include <algorithm>
#include <limits>

namespace labdeck::checks {

namespace {
// QTimer counts in int milliseconds (24 days).
int timerMs(std::chrono::milliseconds interval)
{
    return int(std::min<qint64>(interval.count(), std::numeric_limits<int>::max()));
}
} // namespace

CheckSchedule::CheckSchedule(RoundStarter starter, QObject *parent)
    : QObject(parent)
    , m_starter(std::move(starter))
{}

CheckSchedule::~CheckSchedule()
{
    stop();
}

void CheckSchedule::addCategory(const QString &category, std::chrono::milliseconds interval)
{
    Q_ASSERT(interval.count() > 0);
    if (m_slots.contains(category))
        return;
    auto slot = std::make_shared<Slot>();
    slot->state.category = category;
    slot->state.interval = interval;
    slot->timer = std::make_unique<QTimer>();
    connect(slot->timer.get(), &QTimer::timeout, this, [this, category] { due(category); });
    m_slots.insert(category, slot);
    m_order << category;
}

void CheckSchedule::start(bool repeat)
{
    m_repeat = repeat;
    m_active = true;
    for (const QString &category : std::as_const(m_order)) {
        const auto &slot = m_slots.value(category);
        if (repeat)
            slot->timer->start(timerMs(slot->state.effectiveInterval()));
        // From the event loop, so a caller connects its signals first.
        QMetaObject::invokeMethod(
            this, [this, category] { due(category); }, Qt::QueuedConnection);
    }
}

void CheckSchedule::stop()
{
    m_active = false;
    for (const auto &slot : std::as_const(m_slots)) {
        slot->timer->stop();
        ++slot->generation;
        slot->state.running = false;
    }
}

const CheckSchedule::State *CheckSchedule::state(const QString &category) const
{
    const auto it = m_slots.constFind(category);
    return it == m_slots.constEnd() ? nullptr : &it.value()->state;
}

QList<const CheckSchedule::State *> CheckSchedule::states() const
{
    QList<const State *> out;
    for (const QString &category : m_order)
        out << &m_slots.value(category)->state;
    return out;
}

bool CheckSchedule::allRan() const
{
    for (const auto &slot : m_slots) {
        if (slot->state.rounds == 0)
            return false;
    }
    return !m_slots.isEmpty();
}

bool CheckSchedule::timedOut(const QList<CheckResult> &results)
{
    if (results.isEmpty())
        return false;
    for (const CheckResult &r : results) {
        if (!r.details.value(QLatin1String("timedOut")).toBool())
            return false;
    }
    return true;
}

void CheckSchedule::due(const QString &category)
{
    if (!m_active)
        return;
    const std::shared_ptr<Slot> slot = m_slots.value(category);
    if (!slot)
        return;
    if (slot->state.running) {
        ++slot->state.skipped;
        qCDebug(lcChecks).noquote()
            << "the last round of" << category << "still runs; skipped this one";
        Q_EMIT roundSkipped(category);
        return;
    }
    slot->state.running = true;
    const quint64 generation = slot->generation;
    Q_EMIT roundStarted(category);
    QPointer<CheckSchedule> self(this);
    m_starter(category,
              [self, category, generation](const QList<CheckResult> &results, qint64 durationMs) {
                  if (self)
                      self->finished(category, generation, results, durationMs);
              });
}

void CheckSchedule::finished(const QString &category, quint64 generation,
                             const QList<CheckResult> &results, qint64 durationMs)
{
    const std::shared_ptr<Slot> slot = m_slots.value(category);
    if (!slot || generation != slot->generation || !slot->state.running)
        return;
    State &s = slot->state;
    s.running = false;
    ++s.rounds;
    s.results = results;
    s.lastDurationMs = durationMs;
    s.lastRun = QDateTime::currentDateTimeUtc();
    s.timedOutInARow = timedOut(results) ? s.timedOutInARow + 1 : 0;
    const int backoff = s.timedOutInARow == 0 ? 1 : std::min(kMaxBackoff, 1 << s.timedOutInARow);
    if (backoff != s.backoff) {
        s.backoff = backoff;
        qCInfo(lcChecks).noquote()
            << category << "now runs every" << s.effectiveInterval().count() << "ms";
        // The next round is one (new) interval from now; while the backoff
        // stays, the timer keeps its rate, so a slow round still skips.
        if (m_repeat && m_active)
            slot->timer->start(timerMs(s.effectiveInterval()));
    }
    Q_EMIT roundFinished(category);
    if (!m_repeat && allRan())
        Q_EMIT allFinished();
}

} // namespace labdeck::checks
