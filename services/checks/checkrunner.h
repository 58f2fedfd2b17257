#pragma once

#include "checks/check.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace labdeck::checks {

// Runs categories of checks at once and streams their results. Each check
// bounds its own targets by the timeout; the runner adds a deadline per
// check (timeout + a grace second), so a run takes about as long as its
// slowest target, never the sum. Lives on one thread (the UI thread in the
// app); never blocks.
class CheckRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckRunner)
public:
    explicit CheckRunner(CheckRegistry registry = builtInChecks(), QObject *parent = nullptr);
    ~CheckRunner() override;

    // Starts the categories (unknown names give an Unknown result). A run in
    // progress is cancelled first. Results arrive queued, never inside start().
    void start(const QStringList &categories, const CheckContext &context);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const QList<CheckResult> &results() const { return m_results; }
    [[nodiscard]] const RunSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void started(const QStringList &categories);
    void resultReady(const labdeck::checks::CheckResult &result);
    void finished(const labdeck::checks::RunSummary &summary);

private:
    void onResult(const CheckResult &result);
    void onCheckFinished(Check *check);
    void expire();
    void finish();

    CheckRegistry m_registry;
    QList<Check *> m_checks;
    QList<CheckResult> m_results;
    RunSummary m_summary;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace labdeck::checks
