#include "detailspanel.h"

#include "clustermodels.h"
#include "common/format.h"
#include "hostmodel.h"
#include "kube/nodemetrics.h"
#include "kubemodels.h"
#include "labselection.h"

#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace labdeck {

namespace {

QString row(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
}

QString table(const QString &rows)
{
    return QStringLiteral("<table cellspacing='2'>%1</table>").arg(rows);
}

} // namespace

DetailsPanel::DetailsPanel(HostModel *model, LabSelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_selection(selection)
    , m_view(new QTextBrowser(this))
    , m_refresh(new QTimer(this))
{
    // Live data changes often; the text follows at most twice a second.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(500);
    connect(m_refresh, &QTimer::timeout, this, &DetailsPanel::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setOpenLinks(false);
    m_view->setAccessibleName(tr("Details of the selection"));
    connect(m_selection, &LabSelection::currentChanged, this, &DetailsPanel::refresh);
    connect(m_model, &HostModel::modelReset, this, &DetailsPanel::refresh);
    connect(m_model, &HostModel::dataChanged, this, &DetailsPanel::refreshSoon);
    refresh();
}

void DetailsPanel::setClusterModels(ClusterModels *cluster)
{
    m_cluster = cluster;
    connect(cluster->nodes(), &NodeModel::nodesChanged, this, &DetailsPanel::refreshSoon);
    connect(cluster->pods(), &PodModel::podsChanged, this, &DetailsPanel::refreshSoon);
    connect(cluster->workloads(), &WorkloadModel::workloadsChanged, this,
            &DetailsPanel::refreshSoon);
    refresh();
}

QString DetailsPanel::nodeHtml(const QString &nodeName) const
{
    if (!m_cluster)
        return {};
    const kube::NodeInfo *n = m_cluster->nodes()->find(nodeName);
    if (!n)
        return {};
    QString rows;
    const kube::Verdict v = NodeModel::verdict(*n);
    rows += row(
        tr("Node"),
        tr("%1 %2 — %3").arg(HealthText::glyph(v.health), NodeModel::statusText(*n), v.summary));
    rows += row(tr("What to do"), v.advice);
    if (n->lastHeartbeat.isValid())
        rows += row(tr("Last heartbeat"),
                    Format::ago(n->lastHeartbeat.secsTo(QDateTime::currentDateTimeUtc())));
    QStringList taints;
    for (const kube::Taint &t : n->taints)
        taints << QStringLiteral("%1:%2").arg(t.key, t.effect);
    rows += row(tr("Taints"), taints.join(QStringLiteral(", ")));
    rows += row(tr("Roles"), n->roles.join(QStringLiteral(", ")));
    rows += row(tr("Kubelet"), n->kubeletVersion);
    // Quantities as people read them ("5.8 GiB", not "6090129Ki"); the raw
    // value when it is not a quantity.
    const auto cpus = [](const QString &q) {
        const double value = kube::parseQuantity(q);
        return std::isnan(value) ? q : Format::cpus(value, QString());
    };
    const auto bytes = [](const QString &q) {
        const double value = kube::parseQuantity(q);
        return std::isnan(value) ? q : Format::bytes(value);
    };
    rows += row(tr("CPU (capacity / allocatable)"),
                QStringLiteral("%1 / %2").arg(cpus(n->cpuCapacity), cpus(n->cpuAllocatable)));
    rows +=
        row(tr("Memory (capacity / allocatable)"),
            QStringLiteral("%1 / %2").arg(bytes(n->memoryCapacity), bytes(n->memoryAllocatable)));
    QStringList labels;
    for (auto it = n->labels.cbegin(); it != n->labels.cend(); ++it)
        labels << (it.value().isEmpty() ? it.key() : it.key() + QLatin1Char('=') + it.value());
    rows += row(tr("Labels"), labels.join(QStringLiteral(", ")));
    QString conditions;
    for (const kube::Condition &c : n->conditions) {
        // The condition's name never breaks inside a word ("MemoryPressure").
        conditions += QStringLiteral("<tr><td style='white-space:nowrap'>%1</td>"
                                     "<td style='white-space:nowrap'>%2</td><td>%3</td></tr>")
                          .arg(c.type.toHtmlEscaped(), c.status.toHtmlEscaped(),
                               (c.reason + QLatin1Char(' ') + c.message).trimmed().toHtmlEscaped());
    }
    QString html =
        QStringLiteral("<h3>%1</h3>").arg(tr("Kubernetes node").toHtmlEscaped()) + table(rows);
    if (!conditions.isEmpty())
        html += QStringLiteral("<h3>%1</h3><table cellspacing='2'>%2</table>")
                    .arg(tr("Conditions").toHtmlEscaped(), conditions);
    return html;
}

QString DetailsPanel::podsHtml(const QString &ns, const QString &workload) const
{
    if (!m_cluster)
        return {};
    QString rows;
    for (const kube::PodInfo &p : m_cluster->pods()->rows()) {
        if (p.ns != ns || p.workloadName != workload)
            continue;
        const kube::Verdict v = m_cluster->pods()->verdict(p);
        const QString state = v.health == Health::Ok || v.summary.startsWith(p.status)
                                  ? (v.health == Health::Ok ? p.status : v.summary)
                                  : p.status + QStringLiteral(" — ") + v.summary;
        rows +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3/%4</td><td>%5</td><td>%6</td></tr>")
                .arg(p.name.toHtmlEscaped(),
                     (HealthText::glyph(v.health) + QLatin1Char(' ') + state).toHtmlEscaped())
                .arg(p.readyContainers)
                .arg(p.totalContainers)
                .arg(p.nodeName.toHtmlEscaped(),
                     tr("%n restart(s)", nullptr, p.restarts).toHtmlEscaped());
    }
    if (rows.isEmpty())
        return QStringLiteral("<h3>%1</h3><p>%2</p>")
            .arg(tr("Pods").toHtmlEscaped(), tr("none").toHtmlEscaped());
    return QStringLiteral("<h3>%1</h3><table cellspacing='2'>%2</table>")
        .arg(tr("Pods").toHtmlEscaped(), rows);
}

QString DetailsPanel::html() const
{
    return m_view->toHtml();
}

void DetailsPanel::refresh()
{
    const QString id = m_selection->current();
    QString html;
    if (id.isEmpty()) {
        html = QStringLiteral("<p>%1</p>")
                   .arg(tr("Select a host, workload or URL in the topology or the Lab tree to see "
                           "its details here.")
                            .toHtmlEscaped());
    } else if (id.startsWith(QLatin1String("url:"))) {
        html = urlHtml(id.mid(4));
    } else if (id.startsWith(QLatin1String("host:"))) {
        html = hostHtml(id.mid(5));
    } else {
        html = itemHtml(id);
    }
    if (!id.isEmpty()) {
        for (const SectionProvider &provider : std::as_const(m_sections)) {
            const Section section = provider(id);
            if (section.rows.isEmpty())
                continue;
            QString rows;
            for (const auto &r : section.rows)
                rows += row(r.first, r.second);
            html += QStringLiteral("<h3>%1</h3>").arg(section.title.toHtmlEscaped()) + table(rows);
        }
    }
    m_view->setHtml(html);
}

void DetailsPanel::addSection(SectionProvider provider)
{
    m_sections << std::move(provider);
    refreshSoon();
}

void DetailsPanel::addWidget(QWidget *widget)
{
    layout()->addWidget(widget);
}

void DetailsPanel::refreshSoon()
{
    if (!m_refresh->isActive())
        m_refresh->start();
}

QString DetailsPanel::statusRows(const QModelIndex &idx) const
{
    // The rolled-up state, then each source that makes it what it is.
    const Health h = Health(idx.data(HostModel::HealthRole).toInt());
    const Health own = Health(idx.data(HostModel::OwnHealthRole).toInt());
    const QString reason = idx.data(HostModel::HealthReasonRole).toString();
    QString rows = row(tr("Status"),
                       h == own && !reason.isEmpty()
                           ? tr("%1 %2 (%3)").arg(HealthText::glyph(h), HealthText::name(h), reason)
                           : tr("%1 %2").arg(HealthText::glyph(h), HealthText::name(h)));
    const QStringList why = idx.data(HostModel::RollupRole).toStringList();
    if (h != own || why.size() > 1) {
        for (const QString &line : why) {
            if (h == own && !reason.isEmpty() && line.endsWith(reason))
                continue; // already on the Status row
            rows += row(tr("Because"), line);
        }
    }
    return rows;
}

QString DetailsPanel::hostHtml(const QString &name) const
{
    const Inventory &inv = m_model->inventory();
    const Host *h = inv.host(name);
    if (!h)
        return {};
    const QModelIndex idx = m_model->indexForId(HostModel::hostId(name));
    QString rows;
    rows += row(tr("Kind"), hostKindTitle(h->kind));
    rows += row(tr("Role"), h->role);
    if (const Site *s = inv.site(h->site))
        rows += row(tr("Site"),
                    s->network.isEmpty() ? s->label : tr("%1 (%2)").arg(s->label, s->network));
    rows += row(tr("Size"), Format::size(h->resources.cpus, h->resources.cpuUnit,
                                         h->resources.memoryGB, h->resources.diskGB));
    rows += row(tr("Architecture"), h->resources.arch);
    rows += row(tr("GPU"), h->gpu);
    QStringList labels;
    for (auto it = h->labels.cbegin(); it != h->labels.cend(); ++it)
        labels << (it.value().isEmpty() ? it.key() : it.key() + QLatin1Char('=') + it.value());
    rows += row(tr("Node labels"), labels.join(QStringLiteral(", ")));
    rows +=
        row(tr("Public IP"),
            h->addresses.hasPublicIp
                ? (h->addresses.publicAddress.isEmpty() ? tr("yes") : h->addresses.publicAddress)
                : QString());
    rows += row(tr("Private address"), h->addresses.privateAddress);
    rows += row(tr("Tailscale"), h->addresses.tailscale);
    if (h->ssh) {
        QString ssh = h->ssh->host;
        if (!h->ssh->user.isEmpty())
            ssh = h->ssh->user + QLatin1Char('@') + ssh;
        if (h->ssh->port != 22)
            ssh += QLatin1Char(':') + QString::number(h->ssh->port);
        rows += row(tr("SSH"), ssh);
    }
    rows += row(tr("Kubernetes node name"), h->sources.kubernetesNode);
    rows += row(tr("Prometheus instance"), h->sources.prometheusInstance);
    rows += row(tr("Tailscale host name"), h->sources.tailscaleHost);
    rows += statusRows(idx);

    QString children;
    for (int c = 0; c < m_model->rowCount(idx); ++c) {
        const QModelIndex ci = m_model->index(c, 0, idx);
        children +=
            QStringLiteral("<li>%1 <span style='color:gray'>%2 %3</span></li>")
                .arg(
                    ci.data().toString().toHtmlEscaped(),
                    m_model->index(c, HostModel::KindColumn, idx).data().toString().toHtmlEscaped(),
                    m_model->index(c, HostModel::EndpointColumn, idx)
                        .data()
                        .toString()
                        .toHtmlEscaped());
    }
    QString html = QStringLiteral("<h2>%1</h2>").arg(h->title().toHtmlEscaped()) + table(rows);
    if (h->isKubernetesNode())
        html += nodeHtml(h->nodeName());
    if (!children.isEmpty())
        html +=
            QStringLiteral("<h3>%1</h3><ul>%2</ul>").arg(tr("Runs here").toHtmlEscaped(), children);
    return html;
}

QString DetailsPanel::itemHtml(const QString &id) const
{
    const QModelIndex idx = m_model->indexForId(id);
    if (!idx.isValid())
        return {};
    QString rows;
    rows += row(tr("Kind"),
                m_model->index(idx.row(), HostModel::KindColumn, idx.parent()).data().toString());
    rows += row(tr("Host"), idx.data(HostModel::HostNameRole).toString());
    const int nodePort = idx.data(HostModel::NodePortRole).toInt();
    if (nodePort)
        rows += row(tr("NodePort"), QString::number(nodePort));
    rows += row(tr("URL"), idx.data(HostModel::UrlRole).toUrl().toString());
    rows += statusRows(idx);
    const Inventory &inv = m_model->inventory();
    for (const Workload &w : inv.workloads) {
        if (HostModel::workloadId(w.ns, w.name) != id)
            continue;
        rows += row(tr("Namespace"), w.ns);
        rows += row(tr("Kubernetes name"), w.name);
        if (!w.volume.isEmpty())
            rows += row(tr("Storage"), tr("NFS %1:%2").arg(inv.nfs.server, w.volume));
    }
    QString pods;
    if (id.startsWith(QLatin1String("workload:"))) {
        const QString qualified = id.mid(9);
        pods = podsHtml(qualified.section(QLatin1Char('/'), 0, 0),
                        qualified.section(QLatin1Char('/'), 1));
    }
    for (const ComposeService &s : inv.compose.services) {
        if (HostModel::composeId(s.name) != id)
            continue;
        rows += row(tr("Compose project"), inv.compose.project);
        rows += row(tr("Description"), s.description);
        if (!s.volume.isEmpty())
            rows += row(tr("Storage"), s.volume);
    }
    return QStringLiteral("<h2>%1</h2>").arg(idx.data().toString().toHtmlEscaped()) + table(rows) +
           pods;
}

QString DetailsPanel::urlHtml(const QString &url) const
{
    const Inventory &inv = m_model->inventory();
    for (const PublicUrl &u : inv.publicUrls()) {
        if (u.url.toString() != url)
            continue;
        QString rows;
        rows += row(tr("Service"), u.title);
        rows += row(tr("Runs on"), u.host);
        if (u.nodePort)
            rows += row(tr("Route"),
                        tr("%1 (TLS) -> %2:%3").arg(inv.ingress.host, u.host).arg(u.nodePort));
        else
            rows += row(tr("Route"), tr("%1 (TLS), served on the same host").arg(inv.ingress.host));
        rows +=
            row(tr("Certificate"), inv.ingress.certResolver.isEmpty()
                                       ? QString()
                                       : tr("from certResolver %1").arg(inv.ingress.certResolver));
        // The item that serves the URL carries its check results.
        QModelIndex served;
        for (const QString &id : m_model->idsForUrl(u.url)) {
            served = m_model->indexForId(id);
            break;
        }
        if (served.isValid() &&
            Health(served.data(HostModel::HealthRole).toInt()) != Health::Unknown)
            rows += statusRows(served);
        else
            rows += row(tr("Status"), tr("unknown (not checked yet)"));
        return QStringLiteral("<h2>%1</h2>").arg(url.toHtmlEscaped()) + table(rows);
    }
    return {};
}

} // namespace labdeck
