#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace labdeck {

// The lab as one value: what the inventory file says, validated. Plain data,
// cheap to copy; every list keeps the file's order.

struct Site
{
    QString id;      // "oci", "home"
    QString label;   // "OCI VCN"
    QString network; // "10.0.0.0/16", may be empty
};

enum class HostKind { K8sControlPlane, K8sWorker, ComposeHost, GpuServer };

struct HostResources
{
    double cpus = 0; // in cpuUnit
    QString cpuUnit; // "OCPU"; empty means plain CPUs
    double memoryGB = 0;
    double diskGB = 0;
    QString arch; // "arm64", "amd64", may be empty
};

struct HostAddresses
{
    bool hasPublicIp = false;
    QString publicAddress;  // may be empty even when hasPublicIp
    QString privateAddress; // VCN / LAN address
    QString tailscale;      // MagicDNS name or 100.x address
};

struct SshEndpoint
{
    QString host; // a ~/.ssh/config alias or a host name
    QString user; // empty: from ~/.ssh/config or the local user
    int port = 22;
};

// How the host is named in each data source; these differ between labs.
struct SourceNames
{
    QString kubernetesNode;
    QString prometheusInstance;
    QString sshAlias;
    QString tailscaleHost;
};

// A service that runs on a host outside Kubernetes and Compose (Ollama, ...).
struct HostService
{
    QString name;
    QString displayName;
    QString description;
    QUrl endpoint; // may be empty
};

struct Host
{
    QString name;
    QString displayName; // falls back to name
    QString site;        // a Site id
    HostKind kind = HostKind::K8sWorker;
    QString role;
    QMap<QString, QString> labels; // Kubernetes node labels
    HostResources resources;
    HostAddresses addresses;
    std::optional<SshEndpoint> ssh;
    SourceNames sources;
    QStringList components; // system components (etcd, CoreDNS, ...)
    QString gpu;
    QList<HostService> services;

    [[nodiscard]] QString title() const { return displayName.isEmpty() ? name : displayName; }
    [[nodiscard]] bool isKubernetesNode() const
    {
        return kind == HostKind::K8sControlPlane || kind == HostKind::K8sWorker;
    }
    // Its Node's metadata.name: sources.kubernetesNode, else the host name.
    [[nodiscard]] QString nodeName() const
    {
        return sources.kubernetesNode.isEmpty() ? name : sources.kubernetesNode;
    }
};

struct Namespace
{
    QString name;
    QString host;
    QString description;
};

enum class WorkloadKind { Deployment, StatefulSet, DaemonSet, StaticPod, Group };

struct Workload
{
    QString name;
    QString displayName;
    QString ns; // namespace
    WorkloadKind kind = WorkloadKind::Deployment;
    QString host;
    int nodePort = 0; // 0: none
    QUrl url;         // public https URL, may be empty
    QString volume;   // NFS path, may be empty

    [[nodiscard]] QString title() const { return displayName.isEmpty() ? name : displayName; }
    // "monitoring/grafana"
    [[nodiscard]] QString qualifiedName() const { return ns + QLatin1Char('/') + name; }
};

struct ComposeService
{
    QString name;
    QString displayName;
    QString description;
    QUrl url; // public https URL, may be empty
    QList<int> ports;
    QString volume;

    [[nodiscard]] QString title() const { return displayName.isEmpty() ? name : displayName; }
};

struct ComposeProject
{
    QString host; // empty: the lab has no compose host
    QString project;
    QList<ComposeService> services;
};

struct NfsExport
{
    QString path;
    QString description;
};

struct Nfs
{
    QString server;
    QList<NfsExport> exports;
};

struct Ingress
{
    QString host;
    QString via;
    QString certResolver;
};

// A public URL and what serves it.
struct PublicUrl
{
    QUrl url;
    QString host;   // the inventory host that runs the service
    QString target; // workload qualified name or compose service name
    QString title;
    int nodePort = 0;
};

struct Inventory
{
    int version = 1;
    QString name;
    QList<Site> sites;
    QList<Host> hosts;
    QList<Namespace> namespaces;
    QList<Workload> workloads;
    ComposeProject compose;
    Nfs nfs;
    Ingress ingress;
    QString tailscaleStatusHost;
    QUrl prometheusUrl;
    QUrl ollamaUrl;
    // An inventory host whose SSH session carries the Ollama traffic (the
    // URL's host and port are then reached from that host); empty: direct.
    QString ollamaTunnel;

    // Where it came from: a path, or ":/inventory/default-lab.yaml".
    QString sourceFile;
    bool isBuiltIn = false;

    [[nodiscard]] const Host *host(const QString &name) const;
    [[nodiscard]] const Site *site(const QString &id) const;
    [[nodiscard]] QList<const Host *> hostsAt(const QString &siteId) const;
    [[nodiscard]] QList<const Workload *> workloadsOn(const QString &hostName) const;
    // Every public URL: workloads first, then compose services, in file order.
    [[nodiscard]] QList<PublicUrl> publicUrls() const;
    // Hosts with a Tailscale name.
    [[nodiscard]] QStringList tailscaleHosts() const;
};

[[nodiscard]] QString hostKindId(HostKind kind);         // "k8s-control-plane"
[[nodiscard]] QString workloadKindId(WorkloadKind kind); // "Deployment"
[[nodiscard]] QString hostKindTitle(HostKind kind);      // translated
[[nodiscard]] std::optional<HostKind> hostKindFromId(const QString &id);
[[nodiscard]] std::optional<WorkloadKind> workloadKindFromId(const QString &id);

} // namespace labdeck
