#include "lab/simulatedfailures.h"

#include "demolab/demochecks.h"
#include "demolab/demotransport.h"
#include "demolab/kubesimulator.h"

namespace labdeck {

namespace {

constexpr int kOomWorkloads = 4;
constexpr int kBadImageDeployments = 3;
constexpr int kPageSize = 5;
const QStringList kDenied{QStringLiteral("statefulsets"), QStringLiteral("secrets"),
                          QStringLiteral("events")};

// StatefulSets (the databases) first, then Deployments.
QList<Workload> oomCandidates(const Inventory &lab)
{
    QList<Workload> out;
    for (const WorkloadKind kind : {WorkloadKind::StatefulSet, WorkloadKind::Deployment}) {
        for (const Workload &w : lab.workloads) {
            if (w.kind == kind && out.size() < kOomWorkloads)
                out << w;
        }
    }
    return out;
}

QList<Workload> imageCandidates(const Inventory &lab)
{
    QList<Workload> out;
    for (const Workload &w : lab.workloads) {
        if (w.kind == WorkloadKind::Deployment && out.size() < kBadImageDeployments)
            out << w;
    }
    return out;
}

QStringList certificateHosts(const Inventory &lab)
{
    QStringList out;
    for (const PublicUrl &u : lab.publicUrls()) {
        if (demolab::DemoCheckLab::specFor(u).kind != demolab::CertKind::Expired)
            out << u.url.host(); // the expired one already is
    }
    return out;
}

QStringList tunnelHosts(const Inventory &lab)
{
    QStringList out;
    for (const Host &h : lab.hosts) {
        if (!h.sources.tailscaleHost.isEmpty() && h.name != lab.tailscaleStatusHost)
            out << h.name;
    }
    return out;
}

} // namespace

QList<SimulatedFailures::Failure> SimulatedFailures::list(const Inventory &lab,
                                                          const Targets &targets)
{
    QList<Failure> out;
    if (targets.simulator) {
        for (const Host &h : lab.hosts) {
            if (h.isKubernetesNode())
                out << Failure{QStringLiteral("kubelet:") + h.nodeName(),
                               tr("Stop kubelet on %1").arg(h.nodeName())};
        }
        for (const Host &h : lab.hosts) {
            if (h.isKubernetesNode())
                out << Failure{QStringLiteral("pressure:") + h.nodeName(),
                               tr("Memory pressure on %1").arg(h.nodeName())};
        }
        bool first = true;
        for (const Workload &w : oomCandidates(lab)) {
            out << Failure{QStringLiteral("oom:") + w.qualifiedName(),
                           tr("OOM-kill %1").arg(w.qualifiedName()), first};
            first = false;
        }
        for (const Workload &w : imageCandidates(lab))
            out << Failure{QStringLiteral("image:") + w.qualifiedName(),
                           tr("Roll out a bad image to %1").arg(w.qualifiedName())};
        const QString user = demolab::KubeSimulator::demoUserName();
        first = true;
        for (const QString &plural : kDenied) {
            out << Failure{QStringLiteral("deny:") + plural,
                           tr("Deny %1 to the demo user (%2)").arg(plural, user), first};
            first = false;
        }
        out << Failure{QStringLiteral("metrics"), tr("Remove the metrics API (metrics.k8s.io)")};
        out << Failure{QStringLiteral("paging"),
                       tr("Page every list by %n item(s)", nullptr, kPageSize)};
    }
    bool first = true;
    if (targets.expireCertificate) {
        for (const QString &host : certificateHosts(lab)) {
            out << Failure{QStringLiteral("cert:") + host,
                           tr("Expire certificate of https://%1").arg(host), first};
            first = false;
        }
    }
    if (targets.transport) {
        for (const QString &host : tunnelHosts(lab)) {
            out << Failure{QStringLiteral("tunnel:") + host,
                           tr("Take %1's tunnel offline").arg(host), first};
            first = false;
        }
    }
    return out;
}

bool SimulatedFailures::apply(const Inventory &lab, const Targets &targets, const QString &id,
                              bool on)
{
    bool offered = false;
    for (const Failure &f : list(lab, targets))
        offered = offered || f.id == id;
    if (!offered)
        return false;
    const QString kind = id.section(QLatin1Char(':'), 0, 0);
    const QString arg = id.section(QLatin1Char(':'), 1);
    const QString ns = arg.section(QLatin1Char('/'), 0, 0);
    const QString name = arg.section(QLatin1Char('/'), 1);
    auto sim = [&targets](std::function<void(demolab::KubeSimulator *)> work) {
        targets.simulator(std::move(work));
    };
    if (kind == QLatin1String("kubelet"))
        sim([arg, on](demolab::KubeSimulator *s) { s->setKubeletStopped(arg, on); });
    else if (kind == QLatin1String("pressure"))
        sim([arg, on](demolab::KubeSimulator *s) {
            s->setNodePressure(arg, QStringLiteral("MemoryPressure"), on);
        });
    else if (kind == QLatin1String("oom"))
        sim([ns, name, on](demolab::KubeSimulator *s) { s->setOomKilled(ns, name, on); });
    else if (kind == QLatin1String("image"))
        sim([ns, name, on](demolab::KubeSimulator *s) { s->setBadImage(ns, name, on); });
    else if (kind == QLatin1String("deny"))
        sim([arg, on](demolab::KubeSimulator *s) { s->setForbidden(arg, on); });
    else if (kind == QLatin1String("metrics"))
        sim([on](demolab::KubeSimulator *s) {
            s->setApiGroupAbsent(QStringLiteral("metrics.k8s.io"), on);
        });
    else if (kind == QLatin1String("paging"))
        sim([on](demolab::KubeSimulator *s) { s->setMaxPageSize(on ? kPageSize : 0); });
    else if (kind == QLatin1String("cert"))
        targets.expireCertificate(arg, on);
    else if (kind == QLatin1String("tunnel"))
        targets.transport->setTunnelOffline(arg, on);
    return true;
}

} // namespace labdeck
