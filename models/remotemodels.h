#pragma once

#include "common/health.h"
#include "compose/composeparser.h"
#include "gpu/nvidiasmi.h"
#include "healthcolor.h"
#include "keyedtablemodel.h"
#include "ollama/ollamaparser.h"
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

// A table over a list of values whose columns are given as functions
// (KeyedColumnModel), for the small tables of the Compose, GPU and Tailscale
// panes. It answers the shared roles of roles.h as the Kubernetes tables do,
// so TablePane can filter and sort them: roles::Key, roles::Health (an int)
// and roles::Sort.
template<typename T> class ColumnTableModel : public KeyedColumnModel<T>
{
public:
    using Column = typename KeyedColumnModel<T>::Column;

    ColumnTableModel(typename KeyedTableModel<T>::KeyFn key, QList<Column> columns,
                     std::function<Health(const T &)> health, QObject *parent)
        : KeyedColumnModel<T>(std::move(key), std::move(columns),
                              {roles::Health, Qt::ToolTipRole, Qt::ForegroundRole}, parent)
        , m_health(std::move(health))
    {}

    // Marks every row fresh or stale (one dataChanged for the table).
    void setFreshness(const Freshness &f)
    {
        m_freshness = f;
        if (this->rowCount() > 0)
            Q_EMIT this->dataChanged(this->index(0, 0),
                                     this->index(this->rowCount() - 1, this->columnCount() - 1),
                                     {Qt::ToolTipRole, Qt::ForegroundRole});
    }
    [[nodiscard]] const Freshness &freshness() const { return m_freshness; }
    // The column drawn in the health colour (-1: none).
    void setHealthColumn(int column) { m_healthColumn = column; }
    // The columns whose text is relative to now ("3 min ago").
    void setRelativeTimeColumns(QList<int> columns) { m_relativeColumns = std::move(columns); }
    [[nodiscard]] QList<int> relativeTimeColumns() const override { return m_relativeColumns; }

protected:
    QVariant rowData(const T &v, int column, int role) const override
    {
        switch (role) {
        case roles::Health:
            return int(m_health ? m_health(v) : Health::Unknown);
        case Qt::ToolTipRole:
            return m_freshness.tooltip();
        case Qt::ForegroundRole:
            return foreground(v, column);
        default:
            return {};
        }
    }
    QVariant foreground(const T &v, int column) const
    {
        if (m_freshness.stale)
            return QColor(Qt::gray);
        if (column == m_healthColumn && m_health)
            return healthColor(m_health(v));
        return {};
    }

private:
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
};

// --- GPU and Ollama -----------------------------------------------------------

class GpuProcessModel final : public ColumnTableModel<gpu::GpuProcess>
{
public:
    explicit GpuProcessModel(QObject *parent = nullptr);
};

class OllamaModelsModel final : public ColumnTableModel<ollama::OllamaModel>
{
public:
    enum Columns { Name = 0, Size, Family, Parameters, Quantization, Modified, ColumnCount };
    explicit OllamaModelsModel(QObject *parent = nullptr);
};

class LoadedModelsModel final : public ColumnTableModel<ollama::LoadedModel>
{
public:
    enum Columns { Name = 0, Size, Vram, Processor, Until, Context, ColumnCount };
    explicit LoadedModelsModel(QObject *parent = nullptr);
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
};

class RemoteModelsText
{
    Q_DECLARE_TR_FUNCTIONS(RemoteModelsText)
};

} // namespace labdeck
