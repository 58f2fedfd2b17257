#pragma once

#include "kube/watchparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace labdeck::kube {

class KubeClient;
class KubeCall;
struct KubeResponse;

// Keeps one resource collection in sync the way client-go's Reflector does:
// a paged LIST, then a WATCH from its resourceVersion with bookmarks; resume
// from the last resourceVersion when a watch ends; LIST again on 410
// Gone/Expired; exponential backoff with jitter (0.8 s up to 30 s, reset after
// 2 minutes of health) on errors, honouring Retry-After. Thread: its client's.
class Reflector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reflector)
public:
    enum class State { Idle, Listing, Watching, Backoff };
    Q_ENUM(State)

    // path: a collection, e.g. "/api/v1/pods" or "/apis/apps/v1/deployments".
    Reflector(KubeClient *client, QString path, QObject *parent = nullptr);
    ~Reflector() override;

    void start();
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString resourceVersion() const { return m_resourceVersion; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // The HTTP status of the last failure (0: no answer, or none yet), the
    // API's own message and what was asked ("list", "watch").
    [[nodiscard]] int lastHttpStatus() const { return m_lastHttpStatus; }
    [[nodiscard]] QString lastStatusMessage() const { return m_lastStatusMessage; }
    [[nodiscard]] QString lastVerb() const { return m_lastVerb; }
    // When the next try is due (UTC) while in Backoff; invalid otherwise.
    [[nodiscard]] QDateTime nextTry() const;
    // Ends a backoff now and lists again (F5, a context switch): a 403 waits
    // the longest backoff otherwise.
    void retryNow();
    // When the data was last known to be current (UTC); invalid before the first list.
    [[nodiscard]] QDateTime lastSync() const { return m_lastSync; }
    [[nodiscard]] int listCount() const { return m_lists; }
    [[nodiscard]] int watchCount() const { return m_watches; }

    // Tuning, mainly for tests.
    void setPageSize(int limit) { m_pageSize = limit; }
    void setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds max);
    void setWatchTimeout(std::chrono::seconds min, std::chrono::seconds max);
    // Bookmarks are asked for by default; off, a quiet collection's
    // resourceVersion ages (tests of the 410 path).
    void setAllowBookmarks(bool allow) { m_bookmarks = allow; }
    // The next retry delay the backoff would use (without jitter), for tests.
    [[nodiscard]] std::chrono::milliseconds currentBackoff() const;

Q_SIGNALS:
    // A LIST is handed out page by page, so no one holds every object as
    // JSON at once: listStarted(), listPage() for each page, then listed().
    // Only at listed() is the list complete: replace what was known with the
    // pages' items.
    void listStarted();
    void listPage(const QList<QJsonObject> &items);
    void listed(const QString &resourceVersion, int count);
    // Changes from the watch, in order, in batches of about 8 ms of parsing so
    // that the thread that applies them stays responsive; bookmarks are
    // consumed here.
    void events(const QList<labdeck::kube::WatchEvent> &batch);
    void stateChanged(labdeck::kube::Reflector::State state, const QString &detail);

private:
    void setState(State s, const QString &detail = {});
    void requestPage(const QString &continueToken);
    void onPage(const KubeResponse &r);
    void watch();
    void onWatchData(const QByteArray &bytes);
    void processWatchSlice();
    void onWatchEnd(const KubeResponse &r);
    void fail(const QString &error, int retryAfterSeconds, bool relist);
    void noteFailure(const KubeResponse &r, const QString &verb);
    void relist();

    QPointer<KubeClient> m_client;
    QString m_path;
    State m_state = State::Idle;
    QString m_resourceVersion;
    QString m_lastError;
    int m_lastHttpStatus = 0;
    QString m_lastStatusMessage;
    QString m_lastVerb;
    QDateTime m_nextTry;
    QDateTime m_lastSync;
    int m_listedItems = 0; // items handed out by the LIST in progress
    bool m_sliceScheduled = false;
    QPointer<KubeCall> m_call;
    WatchParser m_parser;
    QTimer m_retry;
    QElapsedTimer m_healthySince;
    bool m_relistAfterBackoff = false;
    bool m_running = false;
    bool m_bookmarks = true;
    int m_failures = 0;
    int m_pageSize = 500;
    int m_lists = 0;
    int m_watches = 0;
    std::chrono::milliseconds m_backoffInitial{800};
    std::chrono::milliseconds m_backoffMax{30000};
    std::chrono::seconds m_watchMin{300};
    std::chrono::seconds m_watchMax{600};
};

} // namespace labdeck::kube
