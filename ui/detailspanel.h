#pragma once

#include <QList>
#include <QModelIndex>
#include <QPair>
#include <QWidget>
#include <functional>

class QTextBrowser;
class QTimer;

namespace labdeck {

class ClusterModels;
class HostModel;
class LabSelection;

// The Details dock: everything the inventory says about the selection, and
// its live state (unknown until a source is connected).
class DetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)
public:
    DetailsPanel(HostModel *model, LabSelection *selection, QWidget *parent = nullptr);

    // Live Kubernetes data for hosts and workloads (node conditions, pods).
    void setClusterModels(ClusterModels *cluster);

    // A section another pane adds for a selection ("host:bracky",
    // "url:https://…"): a title and key/value rows; no rows, no section.
    struct Section
    {
        QString title;
        QList<QPair<QString, QString>> rows;
    };
    using SectionProvider = std::function<Section(const QString &id)>;
    void addSection(SectionProvider provider);
    // A widget another pane puts under the text (the selection's history);
    // it follows the selection itself.
    void addWidget(QWidget *widget);
    // A section's data changed: the text follows (at most twice a second).
    void refreshSoon();

    // The HTML shown now (for tests).
    [[nodiscard]] QString html() const;

private:
    void refresh();
    [[nodiscard]] QString hostHtml(const QString &name) const;
    [[nodiscard]] QString itemHtml(const QString &id) const;
    [[nodiscard]] QString urlHtml(const QString &url) const;
    [[nodiscard]] QString nodeHtml(const QString &nodeName) const;
    [[nodiscard]] QString podsHtml(const QString &ns, const QString &workload) const;
    [[nodiscard]] QString statusRows(const QModelIndex &index) const;

    HostModel *m_model;
    LabSelection *m_selection;
    QTextBrowser *m_view;
    ClusterModels *m_cluster = nullptr;
    QTimer *m_refresh;
    QList<SectionProvider> m_sections;
};

} // namespace labdeck
