#pragma once

#include "common/health.h"
#include "compose/composeparser.h"
#include "gpu/nvidiasmi.h"
#include "gpu/ollamaparser.h"
#include "healthcolor.h"
#include "keyedtablemodel.h"
#include "roles.h"
#include "tailscale/tailscalestatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <functional>

namespace labdeck {

// Freshness shared by the tables of the remote panes: when the rows were
// fetched, and whether they are stale (with why). Stale rows are drawn grey
// with the reason in their tooltip; fresh ones say how old they are.
struct Freshness
{
    QDateTime fetchedAt; // UTC; invalid: never
    bool stale = true;
    QString reason; // why stale ("pochama: SSH: not connected")

    [[nodiscard]] QString tooltip() const;
};

// A table over a list of values whose columns are given as functions, for
// the small tables of the Compose, GPU and Tailscale panes. It answers the
// shared roles of roles.h as the Kubernetes tables do, so TablePane can
// filter and sort them: roles::Key, roles::Health (an int) and roles::Sort.
template<typename T> class ColumnTableModel : public KeyedTableModel<T>
{
public:
    struct Column
    {
        QString header;
        std::function<QVariant(const T &)> display;
        std::function<QVariant(const T &)> sort; // may be empty: display
    };

    ColumnTableModel(typename KeyedTableModel<T>::KeyFn key, QList<Column> columns,
                     std::function<Health(const T &)> health, QObject *parent)
        : KeyedTableModel<T>(std::move(key), parent)
        , m_columns(std::move(columns))
        , m_health(std::move(health))
    {}

    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }

    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override
    {
        if (o == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
            section < m_columns.size())
            return m_columns.at(section).header;
        return {};
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!this->checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid))
            return {};
        const T &v = this->at(index.row());
        const Column &c = m_columns.at(index.column());
        switch (role) {
        case Qt::DisplayRole:
            return c.display(v);
        case roles::Key:
            return this->rowKey(v);
        case roles::Health:
            return int(m_health ? m_health(v) : Health::Unknown);
        case roles::Sort:
            return c.sort ? c.sort(v) : c.display(v);
        case Qt::ToolTipRole:
            return m_freshness.tooltip();
        case Qt::ForegroundRole:
            return foreground(v, index.column());
        default:
            return {};
        }
    }

    // Marks every row fresh or stale (one dataChanged for the table).
    void setFreshness(const Freshness &f)
    {
        m_freshness = f;
        if (this->rowCount() > 0)
            Q_EMIT this->dataChanged(this->index(0, 0),
                                     this->index(this->rowCount() - 1, columnCount() - 1),
                                     {Qt::ToolTipRole, Qt::ForegroundRole});
    }
    [[nodiscard]] const Freshness &freshness() const { return m_freshness; }
    // The column drawn in the health colour (-1: none).
    void setHealthColumn(int column) { m_healthColumn = column; }
    // The columns whose text is relative to now ("3 min ago").
    void setRelativeTimeColumns(QList<int> columns) { m_relativeColumns = std::move(columns); }
    [[nodiscard]] QList<int> relativeTimeColumns() const override { return m_relativeColumns; }

protected:
    virtual QString rowKey(const T &v) const = 0;
    QVariant foreground(const T &v, int column) const
    {
        if (m_freshness.stale)
            return QColor(Qt::gray);
        if (column == m_healthColumn && m_health)
            return healthColor(m_health(v));
        return {};
    }

private:
    QList<Column> m_columns;
    std::function<Health(const T &)> m_health;
    Freshness m_freshness;
    int m_healthColumn = -1;
    QList<int> m_relativeColumns;
};

// --- Compose ------------------------------------------------------------------

// The containers of every project on the compose host.
class ComposeModel final : public ColumnTableModel<compose::Container>
{
public:
    enum Columns { Service = 0, Project, State, Ports, Status, Image, ColumnCount };
    explicit ComposeModel(QObject *parent = nullptr);
    // Replaces the rows of one project.
    void setProject(const QString &project, const QList<compose::Container> &containers);
    [[nodiscard]] static QString key(const compose::Container &c);

protected:
    QString rowKey(const compose::Container &c) const override { return key(c); }
};

// --- GPU and Ollama -----------------------------------------------------------

class GpuProcessModel final : public ColumnTableModel<gpu::GpuProcess>
{
public:
    explicit GpuProcessModel(QObject *parent = nullptr);

protected:
    QString rowKey(const gpu::GpuProcess &p) const override { return QString::number(p.pid); }
};

class OllamaModelsModel final : public ColumnTableModel<gpu::OllamaModel>
{
public:
    enum Columns { Name = 0, Size, Family, Parameters, Quantization, Modified, ColumnCount };
    explicit OllamaModelsModel(QObject *parent = nullptr);

protected:
    QString rowKey(const gpu::OllamaModel &m) const override { return m.name; }
};

class LoadedModelsModel final : public ColumnTableModel<gpu::LoadedModel>
{
public:
    enum Columns { Name = 0, Size, Vram, Processor, Until, Context, ColumnCount };
    explicit LoadedModelsModel(QObject *parent = nullptr);

protected:
    QString rowKey(const gpu::LoadedModel &m) const override { return m.name; }
};

// --- Tailscale ----------------------------------------------------------------

// One inventory host in the mesh and the node `tailscale status` shows for it.
struct TunnelRow
{
    QString host;          // inventory host
    QString tailscaleName; // the host's sources.tailscaleHost
    bool found = false;    // the status lists it
    tailscale::Peer peer;
    bool self = false; // the status host itself

    [[nodiscard]] Health health() const;
    // "online · direct 10.0.0.12:41641", "offline · last seen 3 h ago", "not in the tailnet".
    [[nodiscard]] QString text(const QDateTime &now) const;
};

class TunnelModel final : public ColumnTableModel<TunnelRow>
{
public:
    enum Columns { Host = 0, Name, State, Path, LastSeen, Address, ColumnCount };
    explicit TunnelModel(QObject *parent = nullptr);

protected:
    QString rowKey(const TunnelRow &r) const override { return r.host; }
};

class RemoteModelsText
{
    Q_DECLARE_TR_FUNCTIONS(RemoteModelsText)
};

} // namespace labdeck
