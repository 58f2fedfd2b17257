#pragma once

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace labdeck {

namespace kube {
class KubeAction;
}

// Every action the user started: what, the exact request, progress, result
// and duration. Failed ones keep their error text. Newest first.
class ActivityPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPane)
public:
    explicit ActivityPane(QWidget *parent = nullptr);

    void track(kube::KubeAction *action);
    [[nodiscard]] QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    // An action was added; the window may bring the pane forward.
    void activity();

private:
    QTreeWidget *m_list;
};

} // namespace labdeck
