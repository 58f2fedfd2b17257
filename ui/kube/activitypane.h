#pragma once

#include <QHash>
#include <QPointer>
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
    // The list keeps this many actions with their text; older finished
    // ones are dropped (and their actions deleted) as new ones start.
    static constexpr int kKeepActions = 200;

Q_SIGNALS:
    // An action was added; the window may bring the pane forward.
    void activity();

private:
    void prune();

    QTreeWidget *m_list;
    QHash<QTreeWidgetItem *, QPointer<kube::KubeAction>> m_actions;
};

} // namespace labdeck
