#pragma once

#include "common/health.h"
#include "kube/kubeclient.h"
#include "kube/reflector.h"
#include "kube/verdicts.h"

#include <QHash>
#include <QObject>

namespace labdeck::kube {

// The resource collections Labdeck follows.
enum class Resource {
    Nodes,
    Namespaces,
    Pods,
    Deployments,
    StatefulSets,
    DaemonSets,
    Services,
    PersistentVolumes,
    PersistentVolumeClaims,
    Events,
};

// The API path of a collection across all namespaces ("/api/v1/pods").
[[nodiscard]] QString collectionPath(Resource resource);
// The path of one object ("/apis/apps/v1/namespaces/apps/deployments/shlink");
// ns is ignored for cluster-scoped resources.
[[nodiscard]] QString objectPath(Resource resource, const QString &ns, const QString &name);
[[nodiscard]] QString kindOf(Resource resource); // "Deployment"
[[nodiscard]] std::optional<Resource> workloadResource(const QString &kind);
[[nodiscard]] QString pluralOf(Resource resource); // "statefulsets"
[[nodiscard]] QString groupOf(Resource resource);  // "apps"; "" for the core API
// What a failed read of a collection says about access to it: 403 is
// NotPermitted, 404 Absent, anything else Failing. verb: what was asked.
[[nodiscard]] KindAccess failedAccess(Resource resource, const KubeResponse &response,
                                      const QString &verb);

// One connection to one cluster (a kubeconfig context, or the demo lab): the
// client and a reflector per followed collection. Summarises their state for
// the status bar. UI thread.
class KubeSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeSession)
public:
    KubeSession(QString name, QUrl server, Authenticator *authenticator, QObject *parent = nullptr);
    ~KubeSession() override;

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] KubeClient *client() const { return m_client; }
    // The reflector of a collection; created on first use, started by start().
    Reflector *reflector(Resource resource);

    void start(const QList<Resource> &resources);
    void stop();

    // Ok when every readable reflector watches; Warning while listing or in
    // backoff after having synced; Critical when never synced and failing, or
    // when no kind at all may be read; Unknown idle. A kind the user may not
    // read (403) or the server does not serve (404) does not count against
    // the others.
    [[nodiscard]] Health health() const;
    // "watching 7 collections" or the first error; kinds that cannot be read
    // are named.
    [[nodiscard]] QString stateText() const;
    // Per kind: live, syncing, not permitted, absent or failing.
    [[nodiscard]] KindAccess access(Resource resource) const;
    // Every followed kind by plural ("statefulsets").
    [[nodiscard]] QHash<QString, KindAccess> access() const;
    // Kinds that cannot be read, in words ("this user may not list statefulsets").
    [[nodiscard]] QStringList unreadable() const;
    // Reflectors waiting in a backoff try again now (F5).
    void retryNow();
    // Oldest last-sync time among the reflectors (UTC); invalid before all synced.
    [[nodiscard]] QDateTime lastSync() const;

Q_SIGNALS:
    void stateChanged();

private:
    QString m_name;
    KubeClient *m_client;
    QHash<int, Reflector *> m_reflectors;
};

} // namespace labdeck::kube
