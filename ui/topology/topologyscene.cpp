#include "topology/topologyscene.h"

#include "hostmodel.h"
#include "labselection.h"

#include <QSet>
#include <algorithm>

namespace labdeck {

namespace {
constexpr qreal kMargin = 30;
constexpr qreal kColumnGap = 44;
constexpr qreal kRowGap = 170;
constexpr qreal kGroupTitle = 46;
constexpr qreal kSiteGap = 90;
constexpr qreal kInternetWidth = 250;
} // namespace

TopologyScene::TopologyScene(HostModel *model, LabSelection *selection, QObject *parent)
    : QGraphicsScene(parent)
    , m_model(model)
    , m_selection(selection)
{
    connect(m_model, &HostModel::modelReset, this, &TopologyScene::rebuild);
    connect(m_model, &HostModel::dataChanged, this, &TopologyScene::onDataChanged);
    // Rows come and go when live workloads differ from the inventory; that is
    // rare, so the scene is simply laid out again.
    connect(m_model, &HostModel::rowsInserted, this, &TopologyScene::rebuild);
    connect(m_model, &HostModel::rowsRemoved, this, &TopologyScene::rebuild);
    connect(m_selection, &LabSelection::currentChanged, this, &TopologyScene::showSelection);
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::publishSelection);
    rebuild();
}

TopologyScene::~TopologyScene()
{
    // QGraphicsScene's destructor removes the items and would report the
    // selection change to this (already destroyed) subclass.
    blockSignals(true);
}

QString TopologyScene::urlId(const QUrl &url)
{
    return QStringLiteral("url:") + url.toString();
}

HostCardItem *TopologyScene::hostCard(const QString &host) const
{
    return m_cards.value(host);
}

StatusItem *TopologyScene::itemForId(const QString &id) const
{
    return m_items.value(id);
}

void TopologyScene::addLink(LinkKind kind, QGraphicsItem *from, QGraphicsItem *to,
                            const QString &label, const QStringList &targets, qreal bend)
{
    if (!from || !to || from == to)
        return;
    auto *link = new LinkItem(kind, from, to, label, targets, bend);
    addItem(link);
    m_links << link;
}

void TopologyScene::rebuild()
{
    m_syncing = true;
    clear();
    m_items.clear();
    m_cards.clear();
    m_order.clear();
    m_links.clear();
    m_groups.clear();
    m_internet = nullptr;

    const Inventory &inv = m_model->inventory();

    // NFS tags for rows whose data lives on the NFS server.
    QSet<QString> onNfs;
    for (const Workload &w : inv.workloads) {
        if (!w.volume.isEmpty())
            onNfs.insert(HostModel::workloadId(w.ns, w.name));
    }
    for (const ComposeService &s : inv.compose.services) {
        if (!s.volume.isEmpty())
            onNfs.insert(HostModel::composeId(s.name));
    }

    // Cards with their rows, from the model so ids and texts match the tree.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex hi = m_model->index(r, 0);
        const QString hostName = hi.data(HostModel::HostNameRole).toString();
        auto *card = new HostCardItem(
            hi.data(HostModel::IdRole).toString(), hi.data(Qt::DisplayRole).toString(),
            m_model->index(r, HostModel::KindColumn).data().toString(),
            m_model->index(r, HostModel::EndpointColumn).data().toString());
        card->setBaseToolTip(hi.data(Qt::ToolTipRole).toString());
        card->setHealth(Health(hi.data(HostModel::HealthRole).toInt()));
        card->setBaseNote(hi.data(HostModel::NoteRole).toString());
        m_items.insert(card->id(), card);
        m_cards.insert(hostName, card);
        for (int c = 0; c < m_model->rowCount(hi); ++c) {
            const QModelIndex ci = m_model->index(c, 0, hi);
            const QString id = ci.data(HostModel::IdRole).toString();
            RowItem *row =
                card->addRow(id, ci.data().toString(),
                             m_model->index(c, HostModel::EndpointColumn, hi).data().toString(),
                             onNfs.contains(id) ? tr("NFS") : QString());
            row->setToolTip(ci.data(Qt::ToolTipRole).toString());
            row->setHealth(Health(ci.data(HostModel::HealthRole).toInt()));
            row->setNote(ci.data(HostModel::NoteRole).toString());
            m_items.insert(id, row);
        }
        addItem(card);
    }

    // The Internet and the public URLs that reach the lab.
    const QList<PublicUrl> urls = inv.publicUrls();
    if (!urls.isEmpty()) {
        m_internet = new InternetItem(tr("Internet"), kInternetWidth);
        for (const PublicUrl &u : urls) {
            StatusItem *item = m_internet->addUrl(urlId(u.url), u.url.host(), u.title);
            item->setToolTip(tr("%1\nserved by %2 on %3").arg(u.url.toString(), u.target, u.host));
            m_items.insert(item->id(), item);
        }
        addItem(m_internet);
    }

    layOut(inv);
    HostCardItem *ingress = m_cards.value(inv.ingress.host);

    // Links.
    if (m_internet && ingress) {
        QStringList targets;
        for (const PublicUrl &u : urls)
            targets << u.url.toString();
        if (!inv.ingress.via.isEmpty())
            targets.prepend(tr("TLS ends at %1 on %2").arg(inv.ingress.via, inv.ingress.host));
        addLink(LinkKind::Ingress, m_internet, ingress, tr("HTTPS :443"), targets, 0);
    }
    if (ingress) {
        for (const Host &h : inv.hosts) {
            QStringList ports;
            QStringList targets;
            for (const Workload *w : inv.workloadsOn(h.name)) {
                if (w->nodePort) {
                    ports << QStringLiteral(":%1").arg(w->nodePort);
                    targets << HostModel::workloadId(w->ns, w->name);
                }
            }
            if (!targets.isEmpty())
                addLink(LinkKind::NodePort, ingress, m_cards.value(h.name),
                        ports.join(QLatin1Char(' ')), targets, -46);
        }
    }
    const QStringList meshHosts = inv.tailscaleHosts();
    QString hub = inv.tailscaleStatusHost;
    if (hub.isEmpty() && !meshHosts.isEmpty())
        hub = meshHosts.first();
    for (const QString &h : meshHosts) {
        if (h == hub)
            continue;
        const Host *host = inv.host(h);
        const QString name = host->sources.tailscaleHost.isEmpty() ? host->addresses.tailscale
                                                                   : host->sources.tailscaleHost;
        addLink(LinkKind::Tailscale, m_cards.value(hub), m_cards.value(h), QString(),
                {tr("Tailscale: %1").arg(name)}, 0);
    }
    if (!inv.nfs.server.isEmpty()) {
        for (const Host &h : inv.hosts) {
            if (h.name == inv.nfs.server)
                continue;
            QStringList volumes;
            for (const Workload *w : inv.workloadsOn(h.name)) {
                if (!w->volume.isEmpty())
                    volumes << w->volume;
            }
            if (!volumes.isEmpty())
                addLink(LinkKind::Nfs, m_cards.value(inv.nfs.server), m_cards.value(h.name),
                        tr("NFS \u00d7%1").arg(volumes.size()), volumes, 46);
        }
    }

    QList<QPair<LinkKind, QString>> legend;
    legend << qMakePair(LinkKind::Ingress, tr("HTTPS ingress (TLS)"))
           << qMakePair(LinkKind::NodePort, tr("NodePort routing"))
           << qMakePair(LinkKind::Tailscale, tr("Tailscale mesh"))
           << qMakePair(LinkKind::Nfs, tr("NFS volumes"));
    auto *legendItem = new LegendItem(legend);
    addItem(legendItem);
    const QRectF all = itemsBoundingRect();
    legendItem->setPos(all.left(), all.bottom() + 16);

    // Reading order for the keyboard: by card position, then rows; URLs first.
    QList<HostCardItem *> cards = m_cards.values();
    std::sort(cards.begin(), cards.end(), [](const HostCardItem *a, const HostCardItem *b) {
        if (!qFuzzyCompare(a->pos().y() + 1, b->pos().y() + 1))
            return a->pos().y() < b->pos().y();
        return a->pos().x() < b->pos().x();
    });
    if (m_internet) {
        for (StatusItem *u : m_internet->urls())
            m_order << u;
    }
    for (HostCardItem *c : cards) {
        m_order << c;
        for (RowItem *r : c->rows())
            m_order << r;
    }

    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
    m_syncing = false;
    showSelection(m_selection->current());
    Q_EMIT rebuilt();
}

void TopologyScene::layOut(const Inventory &inv)
{
    auto rowHeight = [](const QList<HostCardItem *> &row) {
        qreal h = 0;
        for (const HostCardItem *c : row)
            h = qMax(h, c->boundingRect().height());
        return h;
    };
    const qreal colWidth = HostCardItem::kWidth + kColumnGap;
    auto columnX = [&](qreal left, int column) { return left + kMargin + column * colWidth; };
    auto rowRect = [&](qreal left, int firstColumn, int columns, qreal top, qreal height) {
        return QRectF(columnX(left, firstColumn) - kMargin, top,
                      columns * HostCardItem::kWidth + (columns - 1) * kColumnGap + 2 * kMargin,
                      height);
    };
    auto siteTitle = [](const Site &site) {
        return site.network.isEmpty() ? site.label
                                      : QStringLiteral("%1 (%2)").arg(site.label, site.network);
    };

    // The first site, as the seed draws it: Kubernetes nodes on the top row,
    // the other hosts below, starting under the second column so the first
    // column's free corner holds the Internet; the frame follows the rows.
    QList<const Site *> sites;
    for (const Site &site : inv.sites) {
        if (!inv.hostsAt(site.id).isEmpty())
            sites << &site;
    }
    if (sites.isEmpty())
        return;
    QList<HostCardItem *> top;
    QList<HostCardItem *> bottom;
    for (const Host *h : inv.hostsAt(sites.first()->id))
        (h->isKubernetesNode() ? top : bottom) << m_cards.value(h->name);
    if (top.isEmpty())
        std::swap(top, bottom);
    for (int i = 0; i < top.size(); ++i)
        top[i]->setPos(columnX(0, i), kGroupTitle);
    const qreal topHeight = rowHeight(top);
    const qreal secondTop = kGroupTitle + topHeight + kRowGap;
    const int offset = (top.size() >= 2 && bottom.size() < top.size()) ? 1 : 0;
    for (int i = 0; i < bottom.size(); ++i)
        bottom[i]->setPos(columnX(0, i + offset), secondTop);
    QList<QRectF> rows{rowRect(0, 0, int(top.size()), 0, kGroupTitle + topHeight + kMargin)};
    if (!bottom.isEmpty()) {
        rows << rowRect(0, offset, int(bottom.size()), kGroupTitle + topHeight,
                        secondTop - kGroupTitle - topHeight + rowHeight(bottom) + kMargin);
    }
    auto *mainGroup = new GroupItem(siteTitle(*sites.first()), rows);
    addItem(mainGroup);
    m_groups << mainGroup;
    const QRectF mainRect = mainGroup->shape().boundingRect();

    // The other sites: in the free corner right of the second row when they
    // fit there, otherwise to the right of the first site.
    const int freeColumns = bottom.isEmpty() ? 0 : int(top.size()) - offset - int(bottom.size());
    qreal nextX = bottom.isEmpty() ? mainRect.right() + kSiteGap
                                   : columnX(0, offset + int(bottom.size())) - kMargin + kColumnGap;
    qreal nextY = bottom.isEmpty() ? 0 : secondTop - kGroupTitle;
    int usedColumns = 0;
    for (qsizetype s = 1; s < sites.size(); ++s) {
        const QList<const Host *> hosts = inv.hostsAt(sites.at(s)->id);
        if (usedColumns + hosts.size() > freeColumns && nextY > 0) {
            nextX = mainRect.right() + kSiteGap;
            nextY = 0;
        }
        QList<HostCardItem *> row;
        for (int i = 0; i < hosts.size(); ++i) {
            HostCardItem *card = m_cards.value(hosts.at(i)->name);
            card->setPos(columnX(nextX, i), nextY + kGroupTitle);
            row << card;
        }
        auto *group = new GroupItem(
            siteTitle(*sites.at(s)),
            {rowRect(nextX, 0, int(hosts.size()), nextY, kGroupTitle + rowHeight(row) + kMargin)});
        addItem(group);
        m_groups << group;
        nextX = group->shape().boundingRect().right() + kSiteGap;
        usedColumns += int(hosts.size()) + 1;
    }

    // The Internet with the public URLs: in the free corner left of the
    // ingress host, or left of everything.
    if (m_internet) {
        HostCardItem *ingress = m_cards.value(inv.ingress.host);
        const qreal y = ingress ? ingress->pos().y() : kGroupTitle;
        if (offset > 0 && ingress && bottom.contains(ingress))
            m_internet->setPos(columnX(0, 0) - kMargin / 2, y);
        else
            m_internet->setPos(-kInternetWidth - kSiteGap, y);
    }
}

void TopologyScene::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                  const QList<int> &roles)
{
    if (!roles.isEmpty() && !roles.contains(HostModel::HealthRole) &&
        !roles.contains(Qt::ToolTipRole) && !roles.contains(HostModel::NoteRole))
        return;
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
        const QModelIndex idx = m_model->index(r, 0, topLeft.parent());
        if (StatusItem *item = m_items.value(idx.data(HostModel::IdRole).toString())) {
            item->setHealth(Health(idx.data(HostModel::HealthRole).toInt()));
            // A card also carries notes and a tooltip part of other sources.
            if (auto *card = dynamic_cast<HostCardItem *>(item)) {
                card->setBaseNote(idx.data(HostModel::NoteRole).toString());
                card->setBaseToolTip(idx.data(Qt::ToolTipRole).toString());
                continue;
            }
            item->setNote(idx.data(HostModel::NoteRole).toString());
            item->setToolTip(idx.data(Qt::ToolTipRole).toString());
        }
    }
}

void TopologyScene::showSelection(const QString &id)
{
    if (m_syncing)
        return;
    m_syncing = true;
    clearSelection();
    if (StatusItem *item = m_items.value(id)) {
        item->setSelected(true);
        setFocusItem(item);
    }
    m_syncing = false;
}

void TopologyScene::clearLabSelection()
{
    m_selection->clear();
    clearSelection();
}

void TopologyScene::publishSelection()
{
    if (m_syncing)
        return;
    const QList<QGraphicsItem *> selected = selectedItems();
    if (selected.isEmpty())
        return; // clicking the background keeps the selection; Esc clears it
    m_syncing = true;
    m_selection->select(selected.first()->data(kIdKey).toString());
    m_syncing = false;
}

} // namespace labdeck
