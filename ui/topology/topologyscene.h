#pragma once

#include "topology/topologyitems.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

namespace labdeck {

class HostModel;
struct Inventory;
class LabSelection;

// The lab drawn as the seed draws it: one frame per site (OCI VCN, Home),
// Kubernetes nodes on the top row, other hosts below, the Internet with the
// public URLs on the left, and links for ingress -> NodePorts, the Tailscale
// mesh and NFS volumes. Built from HostModel (rows, health) and its inventory
// (links); follows and drives the LabSelection. UI thread only.
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)
public:
    TopologyScene(HostModel *model, LabSelection *selection, QObject *parent = nullptr);
    ~TopologyScene() override;

    [[nodiscard]] HostCardItem *hostCard(const QString &host) const;
    // A selectable item by id: "host:x", "workload:ns/name", "url:https://...".
    [[nodiscard]] StatusItem *itemForId(const QString &id) const;
    [[nodiscard]] const QList<LinkItem *> &links() const { return m_links; }
    [[nodiscard]] const QList<GroupItem *> &groups() const { return m_groups; }
    [[nodiscard]] InternetItem *internet() const { return m_internet; }
    // Selectable items in reading order (keyboard navigation).
    [[nodiscard]] QList<StatusItem *> selectableItems() const { return m_order; }

    [[nodiscard]] static QString urlId(const QUrl &url);
    // Clears the scene's and the lab's selection (Esc).
    void clearLabSelection();

Q_SIGNALS:
    void rebuilt();

private:
    void rebuild();
    // Places cards, site frames and the Internet (cards and the Internet
    // item must exist).
    void layOut(const Inventory &inv);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void showSelection(const QString &id);
    void publishSelection();
    void addLink(LinkKind kind, QGraphicsItem *from, QGraphicsItem *to, const QString &label,
                 const QStringList &targets, qreal bend);

    HostModel *m_model;
    LabSelection *m_selection;
    QHash<QString, StatusItem *> m_items;
    QHash<QString, HostCardItem *> m_cards;
    QList<StatusItem *> m_order;
    QList<LinkItem *> m_links;
    QList<GroupItem *> m_groups;
    InternetItem *m_internet = nullptr;
    bool m_syncing = false;
};

} // namespace labdeck
