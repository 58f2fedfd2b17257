#pragma once

// The Kubernetes REST surface over the store: routing, authentication,
// list (paged, filtered, streamed), watch, get, create, update, the patch
// flavours and server-side apply, delete, the scale/status/log subresources,
// discovery, Status errors, and injected failures for tests.

#include "demolab/httpserver_p.h"
#include "demolab/store_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <algorithm>
#include <chrono>

namespace labdeck::demolab::detail {

class Cluster;
class PodLogs;

struct ApiError
{
    int code = 500;
    QString reason;
    QString message;
    QJsonObject details;
    int retryAfterSeconds = 0;
};

class ApiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)
public:
    ApiServer(Store *store, Cluster *cluster, PodLogs *logs, QObject *parent);

    void setBearerToken(const QString &token) { m_token = token; }
    void setServerAddress(const QString &hostPort) { m_serverAddress = hostPort; }
    void setBookmarkInterval(std::chrono::milliseconds interval) { m_bookmarkInterval = interval; }
    [[nodiscard]] std::chrono::milliseconds bookmarkInterval() const { return m_bookmarkInterval; }
    void injectFailures(int count, int httpStatus, int retryAfterSeconds,
                        const QString &pathPrefix);
    // Forgets the list snapshots that continue tokens point at.
    void dropSnapshots();

    // Who the token (or a verified client certificate) authenticates.
    [[nodiscard]] static QString userName() { return QStringLiteral("labdeck-demo"); }
    // Simulated failures: RBAC denying get/list/watch of a resource ("statefulsets"
    // or "statefulsets.apps"), an aggregated API group that is gone, a server
    // that pages every list (0: off).
    void setForbidden(const QString &resource, bool denied);
    void setApiGroupAbsent(const QString &group, bool absent);
    void setMaxPageSize(int items) { m_maxPageSize = std::max(0, items); }
    void undoFailures();

    void serve(labdeck::demolab::detail::HttpConnection *connection,
               const labdeck::demolab::detail::HttpRequest &request);

    // Emits requestServed for a request answered by a stream.
    void served(const HttpRequest &request, int status);

Q_SIGNALS:
    void requestServed(const QString &method, const QString &path, int status);

private:
    void reply(HttpConnection *c, const HttpRequest &r, int status, const QByteArray &contentType,
               const QByteArray &body, const HttpHeaders &headers = {});
    void replyJson(HttpConnection *c, const HttpRequest &r, int status, const QByteArray &json);
    void replyError(HttpConnection *c, const HttpRequest &r, const ApiError &error);
    void replyObject(HttpConnection *c, const HttpRequest &r, int status, const ResourceType &type,
                     const QJsonObject &object);

    void routeGroupVersion(HttpConnection *c, const HttpRequest &r, const QString &group,
                           const QString &version, QStringList rest);
    void collection(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                    const QString &ns, bool watch);
    void item(HttpConnection *c, const HttpRequest &r, const ResourceType &type, const QString &ns,
              const QString &name);
    void subresource(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                     const QString &ns, const QString &name, const QString &sub);

    void list(HttpConnection *c, const HttpRequest &r, const ResourceType &type, const QString &ns);
    void watch(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
               const QString &ns);
    void create(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                const QString &ns);
    void replace(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                 const QString &ns, const QString &name, const QString &sub);
    void patch(HttpConnection *c, const HttpRequest &r, const ResourceType &type, const QString &ns,
               const QString &name, const QString &sub);
    void apply(HttpConnection *c, const HttpRequest &r, const ResourceType &type, const QString &ns,
               const QString &name);
    void remove(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                const QString &ns, const QString &name);
    void removeCollection(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                          const QString &ns);
    void scale(HttpConnection *c, const HttpRequest &r, const ResourceType &type, const QString &ns,
               const QString &name);
    void logs(HttpConnection *c, const HttpRequest &r, const QString &ns, const QString &name);

    // Validation, defaults, managedFields and the write; the error when refused.
    std::optional<ApiError> commitUpdate(const ResourceType &type, const QJsonObject &existing,
                                         QJsonObject updated, const QString &manager,
                                         const QString &subresource, bool dryRun,
                                         QJsonObject *result);
    // Whether admission checks that a pod's spec is unchanged but for the few
    // mutable fields: replace, patch and scale do; create and server-side apply
    // (create and update alike) do not.
    enum class PodSpecCheck { Immutable, Skipped };
    // Admission, shared by every write: defaults, then (not for a status write)
    // Service addresses, the pod spec check, validation.
    std::optional<ApiError> admit(const ResourceType &type, const QString &name,
                                  QJsonObject &object, const QJsonObject &existing,
                                  bool statusWrite, PodSpecCheck podSpec);
    // The write after admission: a create when existing is empty, else an
    // update that answers existing when nothing changed. A dry run stores
    // nothing and answers what would have been stored.
    QJsonObject persist(const ResourceType &type, QJsonObject object, const QJsonObject &existing,
                        bool dryRun);
    [[nodiscard]] std::optional<ApiError> checkNamespace(const ResourceType &type,
                                                         const QString &ns) const;
    [[nodiscard]] bool denied(const QString &group, const QString &resource,
                              const QString &verb) const;
    void accessReview(HttpConnection *c, const HttpRequest &r);

    Store *m_store;
    Cluster *m_cluster;
    PodLogs *m_logs;
    QString m_token;
    QString m_serverAddress;
    std::chrono::milliseconds m_bookmarkInterval{10000};

    struct Failure
    {
        int remaining = 0;
        int status = 500;
        int retryAfter = 0;
        QString prefix;
    };
    Failure m_failure;

    struct Snapshot
    {
        ObjectMap objects;
        QElapsedTimer age;
    };
    QHash<QPair<int, qint64>, Snapshot> m_snapshots;

    QSet<QString> m_forbidden; // "plural.group" ("pods" for the core group)
    QSet<QString> m_absentGroups;
    int m_maxPageSize = 0;
};

} // namespace labdeck::demolab::detail
