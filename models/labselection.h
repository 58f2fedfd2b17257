#pragma once

#include <QObject>
#include <QString>

namespace labdeck {

// The one selection every pane follows (topology, tree, details, later the
// tables). Items are named by HostModel ids ("host:pikachu",
// "workload:monitoring/grafana", ...). UI thread only.
class LabSelection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabSelection)
public:
    explicit LabSelection(QObject *parent = nullptr);

    [[nodiscard]] QString current() const { return m_current; }

public Q_SLOTS:
    // Emits currentChanged only when the id differs, so panes that echo the
    // selection back do not loop.
    void select(const QString &id);
    void clear() { select(QString()); }

Q_SIGNALS:
    void currentChanged(const QString &id);

private:
    QString m_current;
};

} // namespace labdeck
