#pragma once

// The history for the window: a HistoryDatabase on its own thread. Every
// call returns at once; writes are queued in order, queries are answered by
// a signal carrying the request id the call returned. Errors (a locked,
// damaged or full file) arrive as statusChanged / failed with a message for
// the status bar; nothing here blocks the calling thread except the
// destructor, which lets the queued writes finish and closes the file.
// Create, call and destroy from one thread (the UI thread).

#include "checks/checkresult.h"
#include "history/historytypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>
#include <chrono>

namespace labdeck::history {

class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)
public:
    explicit HistoryStore(HistoryOptions options = {}, QObject *parent = nullptr);
    ~HistoryStore() override;

    // Opens the file on the history thread; statusChanged follows. Then
    // compacts, a bounded piece per event, and again every compactEvery.
    void open();
    // How often retention runs after the one at open (default a day).
    void setCompactionInterval(std::chrono::milliseconds every);
    // The last status the history thread reported (Closed until then).
    [[nodiscard]] const HistoryStatus &status() const { return m_status; }

    // Writes, in the order called (see HistoryDatabase for what each stores).
    void record(const QList<checks::CheckResult> &results, const QDateTime &at);
    void recordStates(const QHash<QString, ItemState> &states, const QDateTime &at);
    void recordSessionEnd(const QDateTime &at, const QString &reason);
    // Runs retention now (the next pieces are queued behind the writes).
    void compactNow();

    // Queries; each returns the request id its answer signal carries.
    int requestTimeline(const QString &item, const QDateTime &from, const QDateTime &to,
                        int buckets);
    int requestUptime(const QString &item, const QDateTime &from, const QDateTime &to);
    int requestIncidents(const QString &item, const QDateTime &since, int limit = 200);
    int requestTransitions(const TransitionFilter &filter, const QDateTime &since, int limit = 500);

Q_SIGNALS:
    // After open(), and whenever the state changes (a file found damaged
    // while running is set aside and a new one started).
    void statusChanged(const labdeck::history::HistoryStatus &status);
    // A write or query failed; the message names the file and what to do.
    void failed(const labdeck::history::HistoryError &error);
    // Something was written (views showing the history may ask again).
    void recorded();
    void timelineReady(int requestId, const QList<labdeck::history::TimelineBucket> &buckets);
    void uptimeReady(int requestId, const labdeck::history::Uptime &uptime);
    void incidentsReady(int requestId, const QList<labdeck::history::Incident> &incidents);
    void transitionsReady(int requestId, const QList<labdeck::history::Transition> &transitions);

private:
    class Worker;
    // Runs job on the history thread.
    template<typename Job> void post(Job job);
    // Called on the history thread after each job: reports errors and changes.
    void reportFrom(Worker *worker, bool wrote);

    HistoryOptions m_options;
    HistoryStatus m_status;
    QThread m_thread;
    Worker *m_worker;
    int m_nextRequest = 0;
};

} // namespace labdeck::history

Q_DECLARE_METATYPE(labdeck::history::TimelineBucket)
Q_DECLARE_METATYPE(labdeck::history::Uptime)
Q_DECLARE_METATYPE(labdeck::history::Incident)
Q_DECLARE_METATYPE(labdeck::history::Transition)
