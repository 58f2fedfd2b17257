#pragma once

#include "common/health.h"
#include "inventory/inventory.h"
#include "roles.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QUrl>

namespace labdeck {

// The lab as a tree: hosts at the top level, and under each host what runs
// there (workloads, compose services, host services, system components).
// Every item starts with Health::Unknown; sources set it later through
// setHealth(), which emits dataChanged for that row only. UI thread only.
class HostModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostModel)
public:
    enum Column { NameColumn = 0, KindColumn, EndpointColumn, HealthColumn, ColumnCount };

    // The roles of roles.h that the tree answers, under the names its callers use.
    enum Role {
        IdRole = roles::Key,            // QString: "host:pikachu", "workload:apps/shlink", ...
        ItemTypeRole = roles::ItemType, // int: ItemType
        HostNameRole = roles::Host,     // QString: the inventory host the item belongs to
        HealthRole = roles::Health,     // int: labdeck::Health, rolled up
        HealthReasonRole = roles::HealthReason, // QString: why the health is what it is
        UpdatedRole = roles::Updated,           // QDateTime (UTC): when health was last set
        UrlRole = roles::Url,                   // QUrl: public URL, or the service endpoint
        NodePortRole = roles::NodePort,         // int: 0 when none
        NoteRole = roles::Note,           // QString: "missing", "on bracky", "not in inventory"
        ExtraRole = roles::Extra,         // bool: found live but not in the inventory
        OwnHealthRole = roles::OwnHealth, // int: labdeck::Health of the item itself
        RollupRole = roles::Rollup,       // QStringList: why HealthRole is what it is
    };
    Q_ENUM(Role)

    enum class ItemType { Host = 0, Workload, ComposeService, HostService, Component };
    Q_ENUM(ItemType)

    explicit HostModel(QObject *parent = nullptr);
    ~HostModel() override;

    // Replaces everything (a new or reloaded inventory): a model reset.
    void setInventory(const Inventory &inventory);
    [[nodiscard]] const Inventory &inventory() const { return m_inventory; }

    // Every item's id, hosts first and each host's items after it (tree order).
    [[nodiscard]] QStringList ids() const;

    // Ids of the items; stable across reloads of the same inventory.
    [[nodiscard]] static QString hostId(const QString &host);
    [[nodiscard]] static QString workloadId(const QString &ns, const QString &name);
    [[nodiscard]] static QString composeId(const QString &service);
    [[nodiscard]] static QString serviceId(const QString &host, const QString &service);
    [[nodiscard]] static QString componentId(const QString &host, const QString &component);

    [[nodiscard]] QModelIndex indexForId(const QString &id, int column = NameColumn) const;
    // The items that serve a public URL (its workload or compose service).
    [[nodiscard]] QStringList idsForUrl(const QUrl &url) const;
    // Sets an item's health; returns false for an unknown id. at is UTC.
    bool setHealth(const QString &id, Health health, const QString &reason, const QDateTime &at,
                   const QString &note = QString());
    // Sets every item's health back to unknown with the reason (a source was
    // lost or switched), keeping notes cleared.
    void resetHealth(const QString &reason);

    // Another source's judgement of an item ("checks", "alerts"): the item's
    // HealthRole is the worst of its own health and every contribution, and
    // a host's also of its children's, so a card is never green while
    // something on it is broken. An empty reason with Health::Unknown
    // removes the contribution. Returns false for an unknown id.
    bool setContribution(const QString &id, const QString &source, Health health,
                         const QString &reason);
    // Removes a source's contributions from every item.
    void clearContributions(const QString &source);

    // A workload running on a host that the inventory does not list.
    struct ExtraWorkload
    {
        QString ns;
        QString name;
        QString kind;
        Health health = Health::Unknown;
        QString reason;
    };
    // Replaces the extra workloads of every host (rows inserted and removed
    // one by one; unchanged rows stay).
    void setExtraWorkloads(const QHash<QString, QList<ExtraWorkload>> &byHost, const QDateTime &at);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Contribution
    {
        Health health = Health::Unknown;
        QString reason;
    };
    struct Entry
    {
        ItemType type = ItemType::Host;
        QString id;
        QString host;
        QString title;
        QString kind;
        QString endpoint;
        QString details; // multi-line description for tooltips
        QUrl url;
        int nodePort = 0;
        Health health = Health::Unknown;
        QString reason;
        QString note;
        bool extra = false;
        QDateTime updated;
        QMap<QString, Contribution> contributions; // source -> what it says
    };
    struct HostEntry
    {
        Entry entry;
        QList<Entry> children;
    };

    [[nodiscard]] const Entry *entry(const QModelIndex &index) const;
    Entry *mutableEntry(const QModelIndex &index);
    [[nodiscard]] Health rolledUp(const QModelIndex &index) const;
    [[nodiscard]] QStringList rollupLines(const QModelIndex &index) const;
    void emitChanged(const QModelIndex &index);
    [[nodiscard]] QString tooltip(const QModelIndex &index) const;
    void build();

    Inventory m_inventory;
    QList<HostEntry> m_hosts;
};

} // namespace labdeck
