#pragma once

#include "manifests/yamltree.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace labdeck {
struct Inventory;
}

namespace labdeck::manifests {

// Which worker runs the service: the seed's node labels.
enum class NodeRole {
    Apps,   // role=apps (bracky)
    DevOps, // role=devops (metamon)
};

struct EnvVar
{
    QString name;
    QString value;
    bool secret = false; // sent to the cluster in a Secret, never written to disk
};

struct Probe
{
    enum class Kind { None, Http, Tcp };
    Kind kind = Kind::None;
    QString path = QStringLiteral("/"); // Http only
    int initialDelaySeconds = 5;
    int periodSeconds = 10;
};

// What the new-service wizard asks for. Quantities are Kubernetes strings
// ("250m", "512Mi").
struct ServiceSpec
{
    QString name;
    QString ns = QStringLiteral("apps");
    bool createNamespace = false; // also write base/namespace-<ns>.yaml
    NodeRole role = NodeRole::Apps;
    QString image = QStringLiteral("registry.example.com/"); // repository, without the tag
    QString tag = QStringLiteral("latest");
    int containerPort = 8080;
    int nodePort = 0; // 0: a ClusterIP Service only
    int replicas = 1;
    QString cpuRequest = QStringLiteral("100m");
    QString cpuLimit = QStringLiteral("500m");
    QString memoryRequest = QStringLiteral("128Mi");
    QString memoryLimit = QStringLiteral("512Mi");
    QList<EnvVar> env;
    bool storage = false;
    QString storageSize = QStringLiteral("1Gi");
    QString mountPath = QStringLiteral("/data");
    QString nfsServer = QStringLiteral("pochama"); // the inventory's nfs.server
    Probe readiness;
    Probe liveness;
    QString publicHost;                                   // "app.example.com"; empty: no public URL
    QString certResolver = QStringLiteral("letsencrypt"); // the inventory's ingress.certResolver
    QString nodeAddress; // where Traefik reaches the NodePort ("bracky"); empty: the role's node

    [[nodiscard]] QString nodeName() const;  // "bracky" / "metamon" (the seed's)
    [[nodiscard]] QString roleLabel() const; // "apps" / "devops"
    [[nodiscard]] QString secretName() const { return name + QStringLiteral("-secrets"); }
    [[nodiscard]] QString nfsPath() const { return QStringLiteral("/srv/nfs/k8s/") + name; }
    [[nodiscard]] bool hasSecrets() const;
};

// Fills the spec's lab-dependent defaults from an inventory: NFS server,
// cert resolver, the node's reachable address, image registry.
void applyLabDefaults(ServiceSpec &spec, const Inventory &lab);

// Facts from the lab and the live cluster the checks need.
struct LabFacts
{
    // NodePort -> who uses it ("apps/shlink (inventory)", "apps/hello (cluster)").
    QMap<int, QString> usedNodePorts;
    QSet<QString> namespaces; // existing ones (inventory and cluster)
    // Allocatable per node (millicores, bytes) and what its pods already request.
    struct Node
    {
        qint64 allocatableMilliCpu = 1000;                   // 1 OCPU
        qint64 allocatableMemory = 6LL * 1024 * 1024 * 1024; // 6 GB
        qint64 requestedMilliCpu = 0;
        qint64 requestedMemory = 0;
    };
    QMap<QString, Node> nodes; // by node name
};

// What the inventory says: its NodePorts, namespaces and node sizes.
[[nodiscard]] LabFacts labFacts(const Inventory &lab);
// Adds what the live cluster says: NodePorts of a Service list, and the
// CPU/memory requests of a Pod list per node (running and pending pods).
void addClusterServices(LabFacts &facts, const QJsonObject &serviceList);
void addClusterPods(LabFacts &facts, const QJsonObject &podList);
void addClusterNamespaces(LabFacts &facts, const QJsonObject &namespaceList);
// Replaces the inventory's sizes with the nodes' status.allocatable.
void addClusterNodes(LabFacts &facts, const QJsonObject &nodeList);

// One problem with one field of the spec, shown on the page where it was typed.
struct FieldIssue
{
    enum class Severity { Error, Warning };
    QString field; // "name", "nodePort", "env[2].name", ...
    QString message;
    Severity severity = Severity::Error;
};

class SpecCheck
{
    Q_DECLARE_TR_FUNCTIONS(SpecCheck)
public:
    // Every problem of the spec, in page order.
    [[nodiscard]] static QList<FieldIssue> validate(const ServiceSpec &spec, const LabFacts &facts);
    // One field's DNS-1123 label check ("must be at most 63 characters", ...);
    // empty when valid.
    [[nodiscard]] static QString dnsLabelProblem(const QString &value);
};

// Kubernetes quantities: "250m" / "1" / "0.5" -> millicores; "512Mi" / "1G" -> bytes.
// nullopt when not a quantity.
[[nodiscard]] std::optional<qint64> parseMilliCpu(const QString &quantity);
[[nodiscard]] std::optional<qint64> parseBytes(const QString &quantity);

// One object the wizard makes.
struct Manifest
{
    QString apiVersion;
    QString kind;
    QString ns; // empty: cluster-scoped
    QString name;
    QString file;       // relative to the manifests folder ("apps/hello.yaml"); empty: not written
    YamlValue object;   // what is written and applied
    YamlValue redacted; // the same, secret values replaced (what is shown, logged, written)
    [[nodiscard]] bool hasSecretData() const { return kind == QLatin1String("Secret"); }
    [[nodiscard]] QString title() const; // "Deployment apps/hello"
};

// The objects for a spec, in apply order: Namespace, PV, PVC, Secret,
// Deployment, Service. The spec must validate without errors.
[[nodiscard]] QList<Manifest> generateManifests(const ServiceSpec &spec);

// A non-Kubernetes file written next to the manifests.
struct ExtraFile
{
    QString file; // relative ("traefik/hello.yaml")
    QByteArray content;
};
// Traefik's file-provider route for pochama (router + service to the
// NodePort, TLS via the cert resolver); nullopt without a public host or NodePort.
[[nodiscard]] std::optional<ExtraFile> traefikRoute(const ServiceSpec &spec);

// The files to write: manifests grouped per file (multi-document), secrets
// left out, plus the Traefik route. Path -> content, in apply order.
[[nodiscard]] QList<ExtraFile> manifestFiles(const ServiceSpec &spec);

} // namespace labdeck::manifests
