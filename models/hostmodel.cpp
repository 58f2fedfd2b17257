#include "hostmodel.h"

#include "common/format.h"
#include "healthcolor.h"

#include <QSet>
#include <algorithm>

namespace labdeck {

namespace {
// Children carry their host's row + 1 in internalId; hosts carry 0.
constexpr quintptr kTopLevel = 0;

} // namespace

HostModel::HostModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

HostModel::~HostModel() = default;

QStringList HostModel::ids() const
{
    QStringList out;
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex host = index(r, NameColumn);
        out << host.data(IdRole).toString();
        for (int c = 0; c < rowCount(host); ++c)
            out << index(c, NameColumn, host).data(IdRole).toString();
    }
    return out;
}

QString HostModel::hostId(const QString &host)
{
    return QStringLiteral("host:") + host;
}

QString HostModel::workloadId(const QString &ns, const QString &name)
{
    return QStringLiteral("workload:%1/%2").arg(ns, name);
}

QString HostModel::composeId(const QString &service)
{
    return QStringLiteral("compose:") + service;
}

QString HostModel::serviceId(const QString &host, const QString &service)
{
    return QStringLiteral("service:%1/%2").arg(host, service);
}

QString HostModel::componentId(const QString &host, const QString &component)
{
    return QStringLiteral("component:%1/%2").arg(host, component);
}

void HostModel::setInventory(const Inventory &inventory)
{
    beginResetModel();
    m_inventory = inventory;
    build();
    endResetModel();
}

void HostModel::build()
{
    m_hosts.clear();
    const QString notConnected = tr("no live source connected yet");
    for (const Host &h : std::as_const(m_inventory.hosts)) {
        HostEntry he;
        Entry &e = he.entry;
        e.type = ItemType::Host;
        e.id = hostId(h.name);
        e.host = h.name;
        e.title = h.title();
        e.kind = h.role.isEmpty() ? hostKindTitle(h.kind) : h.role;
        e.endpoint = Format::size(h.resources.cpus, h.resources.cpuUnit, h.resources.memoryGB,
                                  h.resources.diskGB);
        if (!h.gpu.isEmpty())
            e.endpoint = e.endpoint.isEmpty() ? h.gpu : e.endpoint + QStringLiteral(" / ") + h.gpu;
        QStringList details;
        details << hostKindTitle(h.kind);
        if (const Site *s = m_inventory.site(h.site))
            details << (s->network.isEmpty() ? s->label : tr("%1 (%2)").arg(s->label, s->network));
        for (auto it = h.labels.cbegin(); it != h.labels.cend(); ++it)
            details << tr("label %1")
                           .arg(it.value().isEmpty() ? it.key()
                                                     : it.key() + QLatin1Char('=') + it.value());
        if (!h.addresses.tailscale.isEmpty())
            details << tr("Tailscale: %1").arg(h.addresses.tailscale);
        if (h.ssh)
            details << tr("SSH: %1").arg(h.ssh->host);
        e.details = details.join(QLatin1Char('\n'));
        e.reason = notConnected;

        for (const QString &c : h.components) {
            Entry ce;
            ce.type = ItemType::Component;
            ce.id = componentId(h.name, c);
            ce.host = h.name;
            ce.title = c;
            ce.kind = tr("system component");
            ce.reason = notConnected;
            he.children << ce;
        }
        for (const Workload *w : m_inventory.workloadsOn(h.name)) {
            Entry we;
            we.type = ItemType::Workload;
            we.id = workloadId(w->ns, w->name);
            we.host = h.name;
            we.title = w->title();
            we.kind = tr("%1 in %2").arg(workloadKindId(w->kind), w->ns);
            QStringList ep;
            if (w->nodePort)
                ep << QStringLiteral(":%1").arg(w->nodePort);
            if (!w->url.isEmpty())
                ep << w->url.host();
            we.endpoint = ep.join(QLatin1Char(' '));
            we.url = w->url;
            we.nodePort = w->nodePort;
            QStringList d;
            d << tr("Kubernetes %1 %2").arg(workloadKindId(w->kind), w->qualifiedName());
            if (w->nodePort)
                d << tr("NodePort %1 on %2").arg(w->nodePort).arg(h.name);
            if (!w->url.isEmpty())
                d << tr("Public URL %1").arg(w->url.toString());
            if (!w->volume.isEmpty())
                d << tr("NFS volume %1 on %2").arg(w->volume, m_inventory.nfs.server);
            we.details = d.join(QLatin1Char('\n'));
            we.reason = notConnected;
            he.children << we;
        }
        if (m_inventory.compose.host == h.name) {
            for (const ComposeService &s : std::as_const(m_inventory.compose.services)) {
                Entry se;
                se.type = ItemType::ComposeService;
                se.id = composeId(s.name);
                se.host = h.name;
                se.title = s.title();
                se.kind = tr("Compose service");
                QStringList ep;
                for (int p : s.ports)
                    ep << QStringLiteral(":%1").arg(p);
                if (!s.url.isEmpty())
                    ep << s.url.host();
                se.endpoint = ep.join(QLatin1Char(' '));
                se.url = s.url;
                QStringList d;
                d << tr("Compose service %1 in project %2")
                         .arg(s.name, m_inventory.compose.project);
                if (!s.description.isEmpty())
                    d << s.description;
                if (!s.url.isEmpty())
                    d << tr("Public URL %1").arg(s.url.toString());
                if (!s.volume.isEmpty())
                    d << tr("Data in %1").arg(s.volume);
                se.details = d.join(QLatin1Char('\n'));
                se.reason = notConnected;
                he.children << se;
            }
        }
        for (const HostService &s : h.services) {
            Entry se;
            se.type = ItemType::HostService;
            se.id = serviceId(h.name, s.name);
            se.host = h.name;
            se.title = s.displayName.isEmpty() ? s.name : s.displayName;
            se.kind = s.description.isEmpty() ? tr("service") : s.description;
            se.endpoint = s.endpoint.isEmpty() ? QString() : s.endpoint.authority();
            se.url = s.endpoint;
            se.details =
                s.endpoint.isEmpty() ? se.kind : tr("%1 at %2").arg(se.kind, s.endpoint.toString());
            se.reason = notConnected;
            he.children << se;
        }
        m_hosts << he;
    }
}

const HostModel::Entry *HostModel::entry(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const quintptr id = index.internalId();
    if (id == kTopLevel)
        return &m_hosts.at(index.row()).entry;
    return &m_hosts.at(int(id - 1)).children.at(index.row());
}

QModelIndex HostModel::indexForId(const QString &id, int column) const
{
    for (int r = 0; r < m_hosts.size(); ++r) {
        const HostEntry &he = m_hosts.at(r);
        if (he.entry.id == id)
            return createIndex(r, column, kTopLevel);
        for (int c = 0; c < he.children.size(); ++c) {
            if (he.children.at(c).id == id)
                return createIndex(c, column, quintptr(r + 1));
        }
    }
    return {};
}

QStringList HostModel::idsForUrl(const QUrl &url) const
{
    QStringList out;
    for (const HostEntry &he : m_hosts) {
        for (const Entry &c : he.children) {
            if (c.url.isValid() && c.url.host() == url.host())
                out << c.id;
        }
    }
    return out;
}

bool HostModel::setHealth(const QString &id, Health health, const QString &reason,
                          const QDateTime &at, const QString &note)
{
    const QModelIndex idx = indexForId(id);
    if (!idx.isValid())
        return false;
    Entry *e = idx.internalId() == kTopLevel
                   ? &m_hosts[idx.row()].entry
                   : &m_hosts[int(idx.internalId() - 1)].children[idx.row()];
    if (e->health == health && e->reason == reason && e->note == note) {
        e->updated = at; // fresher, same meaning: no repaint needed
        return true;
    }
    e->health = health;
    e->reason = reason;
    e->note = note;
    e->updated = at;
    emitChanged(idx);
    return true;
}

HostModel::Entry *HostModel::mutableEntry(const QModelIndex &idx)
{
    return idx.internalId() == kTopLevel ? &m_hosts[idx.row()].entry
                                         : &m_hosts[int(idx.internalId() - 1)].children[idx.row()];
}

void HostModel::emitChanged(const QModelIndex &idx)
{
    const QList<int> roles{HealthRole,       OwnHealthRole,      RollupRole,
                           HealthReasonRole, UpdatedRole,        NoteRole,
                           Qt::DisplayRole,  Qt::DecorationRole, Qt::ToolTipRole};
    Q_EMIT dataChanged(index(idx.row(), 0, idx.parent()),
                       index(idx.row(), ColumnCount - 1, idx.parent()), roles);
    // A child's state is part of its host's.
    if (idx.parent().isValid()) {
        const QModelIndex host = idx.parent();
        Q_EMIT dataChanged(
            index(host.row(), 0), index(host.row(), ColumnCount - 1),
            {HealthRole, RollupRole, Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole});
    }
}

bool HostModel::setContribution(const QString &id, const QString &source, Health health,
                                const QString &reason)
{
    const QModelIndex idx = indexForId(id);
    if (!idx.isValid())
        return false;
    Entry *e = mutableEntry(idx);
    const bool remove = health == Health::Unknown && reason.isEmpty();
    const auto it = e->contributions.constFind(source);
    if (remove) {
        if (it == e->contributions.constEnd())
            return true;
        e->contributions.remove(source);
    } else {
        if (it != e->contributions.constEnd() && it->health == health && it->reason == reason)
            return true;
        e->contributions.insert(source, Contribution{health, reason});
    }
    emitChanged(idx);
    return true;
}

void HostModel::clearContributions(const QString &source)
{
    for (int r = 0; r < m_hosts.size(); ++r) {
        if (m_hosts[r].entry.contributions.remove(source) > 0)
            emitChanged(index(r, 0));
        const QModelIndex parent = index(r, 0);
        for (int c = 0; c < m_hosts[r].children.size(); ++c) {
            if (m_hosts[r].children[c].contributions.remove(source) > 0)
                emitChanged(index(c, 0, parent));
        }
    }
}

Health HostModel::rolledUp(const QModelIndex &cell) const
{
    const QModelIndex idx = cell.siblingAtColumn(0);
    const Entry *e = entry(idx);
    Health worst = e->health;
    for (const Contribution &c : e->contributions)
        worst = std::max(worst, c.health);
    if (idx.internalId() == kTopLevel) {
        for (int c = 0; c < m_hosts.at(idx.row()).children.size(); ++c)
            worst = std::max(worst, rolledUp(index(c, 0, idx)));
    }
    return worst;
}

QStringList HostModel::rollupLines(const QModelIndex &cell) const
{
    // One line per source that makes the state worse than ok, worst first.
    const QModelIndex idx = cell.siblingAtColumn(0);
    const Entry *e = entry(idx);
    QList<QPair<Health, QString>> lines;
    if (e->health > Health::Ok)
        lines.append({e->health, e->reason.isEmpty() ? HealthText::name(e->health) : e->reason});
    for (auto it = e->contributions.cbegin(); it != e->contributions.cend(); ++it) {
        if (it->health > Health::Ok)
            lines.append({it->health, it->reason});
    }
    if (idx.internalId() == kTopLevel) {
        QMap<int, QStringList> byHealth;
        for (int c = 0; c < m_hosts.at(idx.row()).children.size(); ++c) {
            const Health h = rolledUp(index(c, 0, idx));
            if (h > Health::Ok)
                byHealth[int(h)] << m_hosts.at(idx.row()).children.at(c).title;
        }
        for (auto it = byHealth.cbegin(); it != byHealth.cend(); ++it) {
            lines.append(
                {Health(it.key()), tr("%n item(s) %1 here: %2", nullptr, int(it.value().size()))
                                       .arg(HealthText::name(Health(it.key())),
                                            it.value().join(QStringLiteral(", ")))});
        }
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList out;
    for (const auto &l : std::as_const(lines))
        out << HealthText::glyph(l.first) + QLatin1Char(' ') + l.second;
    return out;
}

void HostModel::resetHealth(const QString &reason)
{
    for (int r = 0; r < m_hosts.size(); ++r) {
        HostEntry &he = m_hosts[r];
        he.entry.health = Health::Unknown;
        he.entry.reason = reason;
        he.entry.note.clear();
        for (Entry &c : he.children) {
            c.health = Health::Unknown;
            c.reason = reason;
            c.note.clear();
        }
    }
    if (!m_hosts.isEmpty()) {
        // Health, reason and note changed; what is drawn from them with them.
        const QList<int> roles{HealthRole, OwnHealthRole,   RollupRole,         HealthReasonRole,
                               NoteRole,   Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole};
        Q_EMIT dataChanged(index(0, 0), index(int(m_hosts.size()) - 1, ColumnCount - 1), roles);
        for (int r = 0; r < m_hosts.size(); ++r) {
            const QModelIndex parent = index(r, 0);
            const int n = rowCount(parent);
            if (n > 0)
                Q_EMIT dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent),
                                   roles);
        }
    }
}

void HostModel::setExtraWorkloads(const QHash<QString, QList<ExtraWorkload>> &byHost,
                                  const QDateTime &at)
{
    for (int r = 0; r < m_hosts.size(); ++r) {
        HostEntry &he = m_hosts[r];
        const QModelIndex parent = index(r, 0);
        const QList<ExtraWorkload> wanted = byHost.value(he.entry.host);
        QSet<QString> wantedIds;
        for (const ExtraWorkload &x : wanted)
            wantedIds.insert(workloadId(x.ns, x.name));
        // Remove extras that are gone: each run of adjacent rows in one step,
        // from the bottom up.
        const auto gone = [&](int c) {
            return he.children.at(c).extra && !wantedIds.contains(he.children.at(c).id);
        };
        for (int last = int(he.children.size()) - 1; last >= 0; --last) {
            if (!gone(last))
                continue;
            int first = last;
            while (first > 0 && gone(first - 1))
                --first;
            beginRemoveRows(parent, first, last);
            he.children.remove(first, last - first + 1);
            endRemoveRows();
            last = first;
        }
        // The new extras are appended in one step, after the known ones are updated.
        QList<Entry> added;
        for (const ExtraWorkload &x : wanted) {
            const QString id = workloadId(x.ns, x.name);
            bool found = false;
            for (int c = 0; c < he.children.size() && !found; ++c)
                found = he.children.at(c).id == id;
            if (found) {
                setHealth(id, x.health, x.reason, at, tr("not in inventory"));
                continue;
            }
            // Listed twice: the later state wins, as setHealth() would have it.
            const auto twice = std::find_if(added.begin(), added.end(),
                                            [&id](const Entry &e) { return e.id == id; });
            if (twice != added.end()) {
                twice->health = x.health;
                twice->reason = x.reason;
                twice->updated = at;
                continue;
            }
            Entry e;
            e.type = ItemType::Workload;
            e.id = id;
            e.host = he.entry.host;
            e.title = x.name;
            e.kind = tr("%1 in %2").arg(x.kind, x.ns);
            e.details = tr("Kubernetes %1 %2/%3, running here but not listed in the inventory")
                            .arg(x.kind, x.ns, x.name);
            e.health = x.health;
            e.reason = x.reason;
            e.note = tr("not in inventory");
            e.extra = true;
            e.updated = at;
            added << e;
        }
        if (!added.isEmpty()) {
            const int row = int(he.children.size());
            beginInsertRows(parent, row, row + int(added.size()) - 1);
            he.children << added;
            endInsertRows();
        }
    }
}

QModelIndex HostModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    if (parent.internalId() != kTopLevel)
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex HostModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int HostModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel)
        return 0;
    return int(m_hosts.at(parent.row()).children.size());
}

int HostModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString HostModel::tooltip(const QModelIndex &index) const
{
    const Entry &e = *entry(index);
    QString text = QStringLiteral("<b>%1</b>").arg(e.title.toHtmlEscaped());
    if (!e.details.isEmpty())
        text += QStringLiteral("<br>") +
                e.details.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    if (!e.note.isEmpty())
        text += QStringLiteral("<br><i>%1</i>").arg(e.note.toHtmlEscaped());
    const Health h = rolledUp(index);
    QString state = tr("Status: %1").arg(HealthText::name(h));
    if (!e.reason.isEmpty() && h == e.health)
        state += QStringLiteral(" (") + e.reason + QLatin1Char(')');
    text += QStringLiteral("<br>") + state.toHtmlEscaped();
    for (const QString &line : rollupLines(index)) {
        if (h != e.health || !line.endsWith(e.reason))
            text += QStringLiteral("<br>") + line.toHtmlEscaped();
    }
    if (e.updated.isValid()) {
        text +=
            QStringLiteral("<br>") +
            tr("Updated %1").arg(Format::ago(e.updated.secsTo(QDateTime::currentDateTimeUtc())));
    }
    return text;
}

QVariant HostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry *e = entry(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return e->title;
        case KindColumn:
            return e->kind;
        case EndpointColumn:
            return e->endpoint;
        case HealthColumn: {
            const Health h = rolledUp(index);
            return QStringLiteral("%1 %2").arg(HealthText::glyph(h), HealthText::name(h));
        }
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == HealthColumn)
            return healthColor(rolledUp(index));
        return {};
    case Qt::ToolTipRole:
        return tooltip(index);
    case IdRole:
        return e->id;
    case ItemTypeRole:
        return int(e->type);
    case HostNameRole:
        return e->host;
    case HealthRole:
        return int(rolledUp(index));
    case OwnHealthRole:
        return int(e->health);
    case RollupRole:
        return rollupLines(index);
    case HealthReasonRole:
        return e->reason;
    case UpdatedRole:
        return e->updated;
    case UrlRole:
        return e->url;
    case NodePortRole:
        return e->nodePort;
    case NoteRole:
        return e->note;
    case ExtraRole:
        return e->extra;
    default:
        return {};
    }
}

QVariant HostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Role");
    case EndpointColumn:
        return tr("Endpoint");
    case HealthColumn:
        return tr("Status");
    }
    return {};
}

QHash<int, QByteArray> HostModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(ItemTypeRole, "itemType");
    names.insert(HostNameRole, "hostName");
    names.insert(HealthRole, "health");
    names.insert(HealthReasonRole, "healthReason");
    names.insert(UpdatedRole, "updated");
    names.insert(UrlRole, "url");
    names.insert(NodePortRole, "nodePort");
    names.insert(NoteRole, "note");
    names.insert(ExtraRole, "extra");
    names.insert(OwnHealthRole, "ownHealth");
    names.insert(RollupRole, "rollup");
    return names;
}

} // namespace labdeck
