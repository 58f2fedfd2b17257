#include "inventory/inventory.h"

#include <QCoreApplication>

namespace labdeck {

const Host *Inventory::host(const QString &hostName) const
{
    for (const Host &h : hosts) {
        if (h.name == hostName)
            return &h;
    }
    return nullptr;
}

const Site *Inventory::site(const QString &id) const
{
    for (const Site &s : sites) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QList<const Host *> Inventory::hostsAt(const QString &siteId) const
{
    QList<const Host *> out;
    for (const Host &h : hosts) {
        if (h.site == siteId)
            out << &h;
    }
    return out;
}

QList<const Workload *> Inventory::workloadsOn(const QString &hostName) const
{
    QList<const Workload *> out;
    for (const Workload &w : workloads) {
        if (w.host == hostName)
            out << &w;
    }
    return out;
}

QList<PublicUrl> Inventory::publicUrls() const
{
    QList<PublicUrl> out;
    for (const Workload &w : workloads) {
        if (!w.url.isEmpty())
            out << PublicUrl{w.url, w.host, w.qualifiedName(), w.title(), w.nodePort};
    }
    for (const ComposeService &s : compose.services) {
        if (!s.url.isEmpty())
            out << PublicUrl{s.url, compose.host, s.name, s.title(), 0};
    }
    return out;
}

QStringList Inventory::tailscaleHosts() const
{
    QStringList out;
    for (const Host &h : hosts) {
        if (!h.addresses.tailscale.isEmpty() || !h.sources.tailscaleHost.isEmpty())
            out << h.name;
    }
    return out;
}

namespace {
struct KindName
{
    HostKind kind;
    const char *id;
};
constexpr KindName kHostKinds[] = {
    {HostKind::K8sControlPlane, "k8s-control-plane"},
    {HostKind::K8sWorker, "k8s-worker"},
    {HostKind::ComposeHost, "compose-host"},
    {HostKind::GpuServer, "gpu-server"},
};
struct WorkloadKindName
{
    WorkloadKind kind;
    const char *id;
};
constexpr WorkloadKindName kWorkloadKinds[] = {
    {WorkloadKind::Deployment, "Deployment"}, {WorkloadKind::StatefulSet, "StatefulSet"},
    {WorkloadKind::DaemonSet, "DaemonSet"},   {WorkloadKind::StaticPod, "StaticPod"},
    {WorkloadKind::Group, "Group"},
};
} // namespace

QString hostKindId(HostKind kind)
{
    for (const auto &k : kHostKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.id);
    }
    return {};
}

std::optional<HostKind> hostKindFromId(const QString &id)
{
    for (const auto &k : kHostKinds) {
        if (id == QLatin1String(k.id))
            return k.kind;
    }
    return std::nullopt;
}

QString workloadKindId(WorkloadKind kind)
{
    for (const auto &k : kWorkloadKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.id);
    }
    return {};
}

std::optional<WorkloadKind> workloadKindFromId(const QString &id)
{
    for (const auto &k : kWorkloadKinds) {
        if (id == QLatin1String(k.id))
            return k.kind;
    }
    return std::nullopt;
}

QString hostKindTitle(HostKind kind)
{
    switch (kind) {
    case HostKind::K8sControlPlane:
        return QCoreApplication::translate("labdeck::Inventory", "Kubernetes control plane");
    case HostKind::K8sWorker:
        return QCoreApplication::translate("labdeck::Inventory", "Kubernetes worker");
    case HostKind::ComposeHost:
        return QCoreApplication::translate("labdeck::Inventory", "Docker Compose host");
    case HostKind::GpuServer:
        return QCoreApplication::translate("labdeck::Inventory", "GPU server");
    }
    return {};
}

} // namespace labdeck
