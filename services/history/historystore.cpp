#include "history/historystore.h"

#include "history/historydatabase.h"
#include "history/logging_p.h"

#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace labdeck::history {

// Lives on the history thread; owns the database there.
class HistoryStore::Worker final : public QObject
{
public:
    explicit Worker(HistoryOptions historyOptions)
        : options(std::move(historyOptions))
    {}

    // The next piece of retention, each its own event so writes queued in
    // the meantime go first.
    void compactSoon()
    {
        if (compacting || !db || !db->status().recording())
            return;
        compacting = true;
        QTimer::singleShot(0, this, [this] { compactPiece(); });
    }
    void compactPiece()
    {
        if (!db) {
            compacting = false;
            return;
        }
        if (db->compactStep(QDateTime::currentMSecsSinceEpoch()))
            QTimer::singleShot(0, this, [this] { compactPiece(); });
        else
            compacting = false;
        if (report)
            report(false);
    }
    void shutDown()
    {
        delete compactTimer;
        compactTimer = nullptr;
        db.reset();
    }

    HistoryOptions options;
    std::unique_ptr<HistoryDatabase> db;
    QTimer *compactTimer = nullptr;
    std::chrono::milliseconds compactEvery = std::chrono::hours(24);
    bool compacting = false;
    HistoryState reportedState = HistoryState::Closed;
    std::function<void(bool)> report;
};

HistoryStore::HistoryStore(HistoryOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_worker(new Worker(m_options))
{
    qRegisterMetaType<HistoryStatus>();
    qRegisterMetaType<HistoryError>();
    m_status.path = m_options.resolvedPath();
    m_thread.setObjectName(QStringLiteral("labdeck-history"));
    m_worker->moveToThread(&m_thread);
    Worker *w = m_worker;
    w->report = [this, w](bool wrote) { reportFrom(w, wrote); };
    // The worker goes on its own thread, after the last queued job.
    connect(
        &m_thread, &QThread::finished, w,
        [w] {
            w->shutDown();
            delete w;
        },
        Qt::DirectConnection);
    m_thread.start();
}

HistoryStore::~HistoryStore()
{
    // Quitting from a job queued behind the others: every write asked for
    // before goes in first.
    QMetaObject::invokeMethod(
        m_worker, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

template<typename Job> void HistoryStore::post(Job job)
{
    QMetaObject::invokeMethod(m_worker, std::move(job), Qt::QueuedConnection);
}

void HistoryStore::reportFrom(Worker *w, bool wrote)
{
    // On the history thread: copy what to say, say it on ours.
    if (!w->db)
        return;
    const HistoryStatus status = w->db->status();
    const HistoryError error = w->db->lastError();
    w->db->clearError();
    const bool changed = status.state != w->reportedState;
    w->reportedState = status.state;
    QMetaObject::invokeMethod(
        this,
        [this, status, error, changed, wrote] {
            if (changed) {
                m_status = status;
                Q_EMIT statusChanged(status);
            }
            if (error.kind != HistoryFailure::None)
                Q_EMIT failed(error);
            else if (wrote)
                Q_EMIT recorded();
        },
        Qt::QueuedConnection);
}

void HistoryStore::open()
{
    Worker *w = m_worker;
    post([w] {
        w->db = std::make_unique<HistoryDatabase>(w->options);
        w->db->open();
        w->reportedState = HistoryState::Closed;
        w->report(false);
        w->compactSoon();
        if (!w->compactTimer) {
            w->compactTimer = new QTimer(w);
            QObject::connect(w->compactTimer, &QTimer::timeout, w, [w] { w->compactSoon(); });
        }
        w->compactTimer->start(w->compactEvery);
    });
}

void HistoryStore::setCompactionInterval(std::chrono::milliseconds every)
{
    Worker *w = m_worker;
    post([w, every] {
        w->compactEvery = std::max(every, std::chrono::milliseconds(1000));
        if (w->compactTimer)
            w->compactTimer->start(w->compactEvery);
    });
}

void HistoryStore::record(const QList<checks::CheckResult> &results, const QDateTime &at)
{
    Worker *w = m_worker;
    const qint64 ms = at.toMSecsSinceEpoch();
    post([w, results, ms] {
        if (!w->db)
            return;
        w->db->record(results, ms);
        w->report(true);
    });
}

void HistoryStore::recordStates(const QHash<QString, ItemState> &states, const QDateTime &at)
{
    Worker *w = m_worker;
    const qint64 ms = at.toMSecsSinceEpoch();
    post([w, states, ms] {
        if (!w->db)
            return;
        const int n = w->db->recordStates(states, ms);
        if (n != 0)
            w->report(n > 0);
    });
}

void HistoryStore::recordSessionEnd(const QDateTime &at, const QString &reason)
{
    Worker *w = m_worker;
    const qint64 ms = at.toMSecsSinceEpoch();
    post([w, ms, reason] {
        if (w->db)
            (void)w->db->recordSessionEnd(ms, reason);
    });
}

void HistoryStore::compactNow()
{
    Worker *w = m_worker;
    post([w] { w->compactSoon(); });
}

int HistoryStore::requestTimeline(const QString &item, const QDateTime &from, const QDateTime &to,
                                  int buckets)
{
    const int id = ++m_nextRequest;
    Worker *w = m_worker;
    const qint64 a = from.toMSecsSinceEpoch();
    const qint64 b = to.toMSecsSinceEpoch();
    post([this, w, id, item, a, b, buckets] {
        const QList<TimelineBucket> out =
            w->db ? w->db->timeline(item, a, b, buckets) : QList<TimelineBucket>{};
        w->report(false);
        QMetaObject::invokeMethod(
            this, [this, id, out] { Q_EMIT timelineReady(id, out); }, Qt::QueuedConnection);
    });
    return id;
}

int HistoryStore::requestUptime(const QString &item, const QDateTime &from, const QDateTime &to)
{
    const int id = ++m_nextRequest;
    Worker *w = m_worker;
    const qint64 a = from.toMSecsSinceEpoch();
    const qint64 b = to.toMSecsSinceEpoch();
    post([this, w, id, item, a, b] {
        const Uptime out = w->db ? w->db->uptime(item, a, b) : Uptime{};
        w->report(false);
        QMetaObject::invokeMethod(
            this, [this, id, out] { Q_EMIT uptimeReady(id, out); }, Qt::QueuedConnection);
    });
    return id;
}

int HistoryStore::requestIncidents(const QString &item, const QDateTime &since, int limit)
{
    const int id = ++m_nextRequest;
    Worker *w = m_worker;
    const qint64 a = since.toMSecsSinceEpoch();
    post([this, w, id, item, a, limit] {
        const QList<Incident> out = w->db ? w->db->incidents(item, a, limit) : QList<Incident>{};
        w->report(false);
        QMetaObject::invokeMethod(
            this, [this, id, out] { Q_EMIT incidentsReady(id, out); }, Qt::QueuedConnection);
    });
    return id;
}

int HistoryStore::requestTransitions(const TransitionFilter &filter, const QDateTime &since,
                                     int limit)
{
    const int id = ++m_nextRequest;
    Worker *w = m_worker;
    const qint64 a = since.toMSecsSinceEpoch();
    post([this, w, id, filter, a, limit] {
        const QList<Transition> out =
            w->db ? w->db->transitions(filter, a, limit) : QList<Transition>{};
        w->report(false);
        QMetaObject::invokeMethod(
            this, [this, id, out] { Q_EMIT transitionsReady(id, out); }, Qt::QueuedConnection);
    });
    return id;
}

} // namespace labdeck::history
