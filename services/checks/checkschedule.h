#pragma once

#include "checks/checkresult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>

namespace labdeck::checks {

// Re-runs categories of checks on a schedule, one timer per category (the
// exporter's `--serve` and the tray's background checks). Two rules:
//  - never two rounds of one category at once: a round still running when
//    the next is due is skipped, and the skip is counted;
//  - backoff: after a round in which every result timed out (the runner's
//    deadline, or a target that never answered: details "timedOut"), the
//    category's interval doubles, up to 4 times the configured one; the
//    first round with any other outcome brings it back to normal.
// A scrape or any other read of the state never starts a round. Lives on
// one thread and never blocks.
class CheckSchedule final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckSchedule)
public:
    // Called once per round; the starter runs the category's checks and
    // calls `done` exactly once, later (never inside the call), with the
    // results and how long the round took in milliseconds.
    using Done = std::function<void(const QList<CheckResult> &results, qint64 durationMs)>;
    using RoundStarter = std::function<void(const QString &category, Done done)>;

    static constexpr int kMaxBackoff = 4;

    struct State
    {
        QString category;
        std::chrono::milliseconds interval{0}; // as configured
        int backoff = 1;                       // 1, 2 or 4: the interval is multiplied by it
        bool running = false;
        quint64 rounds = 0;  // rounds finished
        quint64 skipped = 0; // rounds not started because the last one still ran
        int timedOutInARow = 0;
        qint64 lastDurationMs = 0;
        QDateTime lastRun; // UTC, when the last round finished; invalid before the first
        QList<CheckResult> results;
        [[nodiscard]] std::chrono::milliseconds effectiveInterval() const
        {
            return interval * backoff;
        }
    };

    explicit CheckSchedule(RoundStarter starter, QObject *parent = nullptr);
    ~CheckSchedule() override;

    // The categories, in report order, each with its interval (> 0).
    void addCategory(const QString &category, std::chrono::milliseconds interval);
    // Starts a round of every category now, then on their schedules. With
    // repeat false, one round each and no timers (`--textfile` without
    // `--serve`); allFinished() says when the last one ends.
    void start(bool repeat = true);
    void stop();

    [[nodiscard]] QStringList categories() const { return m_order; }
    [[nodiscard]] const State *state(const QString &category) const;
    [[nodiscard]] QList<const State *> states() const;
    // Every category has finished at least one round.
    [[nodiscard]] bool allRan() const;
    // A round counts as timed out when it has results and each one does.
    [[nodiscard]] static bool timedOut(const QList<CheckResult> &results);

Q_SIGNALS:
    void roundStarted(const QString &category);
    void roundFinished(const QString &category);
    void roundSkipped(const QString &category);
    // With start(false): every category has finished its round.
    void allFinished();

private:
    struct Slot
    {
        State state;
        std::unique_ptr<QTimer> timer;
        quint64 generation = 0; // a stop() makes older rounds' `done` calls void
    };
    void due(const QString &category);
    void finished(const QString &category, quint64 generation, const QList<CheckResult> &results,
                  qint64 durationMs);

    RoundStarter m_starter;
    QStringList m_order;
    QHash<QString, std::shared_ptr<Slot>> m_slots;
    bool m_repeat = true;
    bool m_active = false;
};

} // namespace labdeck::checks
