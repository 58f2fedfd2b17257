#include "common/poller.h"

namespace labdeck {

Poller::Poller(std::chrono::milliseconds idlePeriod, QObject *parent)
    : QObject(parent)
    , m_idlePeriod(idlePeriod)
{
    connect(&m_timer, &QTimer::timeout, this, &Poller::refresh);
}

Poller::~Poller() = default;

void Poller::start(std::chrono::milliseconds interval)
{
    if (interval.count() > 0)
        m_timer.start(interval);
    else
        m_timer.stop();
    refresh();
}

void Poller::stop()
{
    m_timer.stop();
}

void Poller::refresh()
{
    // A slow poll is not overlapped by the next tick: that tick is skipped.
    if (m_polling)
        return;
    m_polling = true;
    poll();
}

std::chrono::milliseconds Poller::period() const
{
    return m_timer.isActive() ? m_timer.intervalAsDuration() : m_idlePeriod;
}

bool Poller::isStale() const
{
    if (!m_fetchedAt.isValid() || !m_error.isEmpty())
        return true;
    return m_fetchedAt.msecsTo(QDateTime::currentDateTimeUtc()) >
           qint64(m_staleAfter) * period().count();
}

void Poller::succeeded()
{
    m_polling = false;
    m_fetchedAt = QDateTime::currentDateTimeUtc();
    m_error.clear();
    Q_EMIT updated();
}

void Poller::fail(const QString &error)
{
    m_polling = false;
    m_error = error;
    Q_EMIT failed(error);
    Q_EMIT updated();
}

} // namespace labdeck
