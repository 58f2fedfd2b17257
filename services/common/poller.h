#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>

namespace labdeck {

// The shape every monitor shares: poll now and then every interval, never
// two polls at once, keep when the last good poll ended and the last error,
// and call the values stale when they are older than a few periods. A
// subclass implements poll() and ends every poll with succeeded() or
// fail(), exactly once, synchronously or later. UI thread.
class Poller : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Poller)
public:
    // idlePeriod: the period isStale() assumes while not polling periodically.
    explicit Poller(std::chrono::milliseconds idlePeriod, QObject *parent = nullptr);
    ~Poller() override;

    // Polls now, then every interval (0: only on refresh()).
    void start(std::chrono::milliseconds interval);
    void stop();
    // Polls now unless a poll is running.
    void refresh();

    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }
    [[nodiscard]] bool isPolling() const { return m_polling; }
    // The period while active, else idlePeriod.
    [[nodiscard]] std::chrono::milliseconds period() const;
    // Stale after this many periods without a good poll (default 3).
    void setStaleAfter(int periods) { m_staleAfter = periods; }
    [[nodiscard]] int staleAfter() const { return m_staleAfter; }

    [[nodiscard]] QDateTime fetchedAt() const { return m_fetchedAt; } // UTC; invalid: never
    [[nodiscard]] QString lastError() const { return m_error; } // empty: the last poll was good
    // Never fetched, the last poll failed, or older than staleAfter() periods.
    [[nodiscard]] bool isStale() const;

Q_SIGNALS:
    // After every poll, good or not.
    void updated();
    // After a failed poll, before updated().
    void failed(const QString &error);

protected:
    // Start one poll; end it with succeeded() or fail().
    virtual void poll() = 0;
    // The poll ended well: fetchedAt() is now, lastError() empty; emits updated().
    void succeeded();
    // The poll failed: lastError() is `error`, fetchedAt() stays; emits failed() and updated().
    void fail(const QString &error);

private:
    QTimer m_timer;
    std::chrono::milliseconds m_idlePeriod;
    int m_staleAfter = 3;
    QDateTime m_fetchedAt;
    QString m_error;
    bool m_polling = false;
};

} // namespace labdeck
