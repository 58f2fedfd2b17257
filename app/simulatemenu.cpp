#include "simulatemenu.h"

#include "demolab/demochecks.h"
#include "demolab/demotransport.h"
#include "demolab/kubesimulator.h"

#include <QAction>
#include <QMenu>

namespace labdeck {

namespace {

constexpr int kOomWorkloads = 4;
constexpr int kBadImageDeployments = 3;
constexpr int kPageSize = 5;

QString nodeName(const Host &h)
{
    return h.sources.kubernetesNode.isEmpty() ? h.name : h.sources.kubernetesNode;
}

} // namespace

SimulateMenu::SimulateMenu(QMenu *menu, const Inventory &lab, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_hooks(std::move(hooks))
{
    m_menu->setToolTipsVisible(true);
    // Nodes.
    for (const Host &h : lab.hosts) {
        if (!h.isKubernetesNode())
            continue;
        const QString node = nodeName(h);
        addSwitch(QStringLiteral("kubelet:") + node, tr("Stop kubelet on %1").arg(node),
                  [this, node](bool on) {
                      onSimulator([node, on](demolab::KubeSimulator *s) {
                          s->setKubeletStopped(node, on);
                      });
                  });
    }
    for (const Host &h : lab.hosts) {
        if (!h.isKubernetesNode())
            continue;
        const QString node = nodeName(h);
        addSwitch(QStringLiteral("pressure:") + node, tr("Memory pressure on %1").arg(node),
                  [this, node](bool on) {
                      onSimulator([node, on](demolab::KubeSimulator *s) {
                          s->setNodePressure(node, QStringLiteral("MemoryPressure"), on);
                      });
                  });
    }
    m_menu->addSeparator();
    // Workloads.
    // StatefulSets (the databases) first, then Deployments.
    QList<Workload> candidates;
    for (const WorkloadKind kind : {WorkloadKind::StatefulSet, WorkloadKind::Deployment}) {
        for (const Workload &w : lab.workloads) {
            if (w.kind == kind && candidates.size() < kOomWorkloads)
                candidates << w;
        }
    }
    for (const Workload &w : std::as_const(candidates)) {
        const QString ns = w.ns;
        const QString name = w.name;
        addSwitch(QStringLiteral("oom:") + w.qualifiedName(),
                  tr("OOM-kill %1").arg(w.qualifiedName()), [this, ns, name](bool on) {
                      onSimulator([ns, name, on](demolab::KubeSimulator *s) {
                          s->setOomKilled(ns, name, on);
                      });
                  });
    }
    int images = 0;
    for (const Workload &w : lab.workloads) {
        if (images >= kBadImageDeployments)
            break;
        if (w.kind != WorkloadKind::Deployment)
            continue;
        ++images;
        const QString ns = w.ns;
        const QString name = w.name;
        addSwitch(QStringLiteral("image:") + w.qualifiedName(),
                  tr("Roll out a bad image to %1").arg(w.qualifiedName()),
                  [this, ns, name](bool on) {
                      onSimulator([ns, name, on](demolab::KubeSimulator *s) {
                          s->setBadImage(ns, name, on);
                      });
                  });
    }
    m_menu->addSeparator();
    // The API server.
    const QString user = demolab::KubeSimulator::demoUserName();
    const QList<QPair<QString, QString>> denials{
        {QStringLiteral("statefulsets"), tr("Deny statefulsets to the demo user (%1)").arg(user)},
        {QStringLiteral("secrets"), tr("Deny secrets to the demo user (%1)").arg(user)},
        {QStringLiteral("events"), tr("Deny events to the demo user (%1)").arg(user)}};
    for (const auto &[plural, text] : denials) {
        const QString resource = plural;
        addSwitch(QStringLiteral("deny:") + resource, text, [this, resource](bool on) {
            onSimulator(
                [resource, on](demolab::KubeSimulator *s) { s->setForbidden(resource, on); });
        });
    }
    addSwitch(QStringLiteral("metrics"), tr("Remove the metrics API (metrics.k8s.io)"),
              [this](bool on) {
                  onSimulator([on](demolab::KubeSimulator *s) {
                      s->setApiGroupAbsent(QStringLiteral("metrics.k8s.io"), on);
                  });
              });
    addSwitch(QStringLiteral("paging"), tr("Page every list by %n item(s)", nullptr, kPageSize),
              [this](bool on) {
                  onSimulator(
                      [on](demolab::KubeSimulator *s) { s->setMaxPageSize(on ? kPageSize : 0); });
              });
    m_menu->addSeparator();
    // The checks' servers.
    if (m_hooks.expireCertificate) {
        for (const PublicUrl &u : lab.publicUrls()) {
            if (demolab::DemoCheckLab::specFor(u).kind == demolab::CertKind::Expired)
                continue; // expired already
            const QString host = u.url.host();
            m_certificateHosts << host;
            addSwitch(QStringLiteral("cert:") + host,
                      tr("Expire certificate of %1").arg(u.url.toString()),
                      [this, host](bool on) { m_hooks.expireCertificate(host, on); });
        }
    }
    if (m_hooks.transport) {
        for (const Host &h : lab.hosts) {
            if (h.sources.tailscaleHost.isEmpty() || h.name == lab.tailscaleStatusHost)
                continue;
            const QString host = h.name;
            m_tunnelHosts << host;
            addSwitch(QStringLiteral("tunnel:") + host, tr("Take %1's tunnel offline").arg(host),
                      [this, host](bool on) {
                          if (m_hooks.transport)
                              m_hooks.transport->setTunnelOffline(host, on);
                      });
        }
    }
    m_menu->addSeparator();
    m_undoAll = m_menu->addAction(tr("Undo all"));
    m_undoAll->setToolTip(tr("Puts the demo lab back as it was"));
    connect(m_undoAll, &QAction::triggered, this, &SimulateMenu::undoAll);
}

SimulateMenu::~SimulateMenu() = default;

void SimulateMenu::addSwitch(const QString &id, const QString &text,
                             std::function<void(bool)> apply)
{
    QAction *action = m_menu->addAction(text);
    action->setCheckable(true);
    action->setObjectName(id);
    // triggered, not toggled: undoAll() unchecks without applying each switch.
    connect(action, &QAction::triggered, this, [apply = std::move(apply)](bool on) { apply(on); });
    m_actions.insert(id, action);
    m_order << id;
}

void SimulateMenu::onSimulator(std::function<void(demolab::KubeSimulator *)> work) const
{
    if (m_hooks.simulator)
        m_hooks.simulator(std::move(work));
}

void SimulateMenu::undoAll()
{
    onSimulator([](demolab::KubeSimulator *s) { s->undoAllFailures(); });
    for (const QString &host : std::as_const(m_certificateHosts)) {
        if (m_actions.value(QStringLiteral("cert:") + host)->isChecked())
            m_hooks.expireCertificate(host, false);
    }
    if (m_hooks.transport) {
        for (const QString &host : std::as_const(m_tunnelHosts))
            m_hooks.transport->setTunnelOffline(host, false);
    }
    for (QAction *a : std::as_const(m_actions))
        a->setChecked(false);
}

} // namespace labdeck
