#pragma once

#include "compose/composeservice.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace labdeck {

class HostModel;
class LabSelection;
class MainWindow;
class RemoteStatus;
class TablePane;

// The Compose part of the window: a bottom dock with the compose host's
// projects and services (state, health, ports), the actions Restart, Up,
// Pull, Stop and Logs per service and per project (toolbar, context menu
// and a Compose menu), each change confirmed first in one sentence, and a
// log of every action with its command, output, exit status and duration.
// UI thread.
class ComposePanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposePanes)
public:
    // service may be nullptr (no compose host, or not connected).
    ComposePanes(MainWindow *window, RemoteStatus *status, compose::ComposeService *service,
                 HostModel *hosts, LabSelection *selection);
    ~ComposePanes() override;

    using Confirm = std::function<bool(const QString &title, const QString &text,
                                       const QString &button, bool destructive)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // An action on the service of the current row, or (service empty) its
    // project. Asks first for every change; logs never ask.
    void act(compose::ComposeService::Verb verb, const QString &project, const QString &service,
             bool follow = false);

    // The confirmation sentence, e.g. "Stop service nextcloud of project
    // infra on pochama: its container stops and serves nothing until it is
    // started again.", then what else stops with it (BlastRadius).
    [[nodiscard]] QString confirmText(compose::ComposeService::Verb verb, const QString &project,
                                      const QString &service) const;

    [[nodiscard]] TablePane *table() const { return m_table; }
    [[nodiscard]] QTreeWidget *actionLog() const { return m_log; }
    // The log keeps this many actions; older finished ones (and their
    // output) are dropped as new ones start.
    static constexpr int kKeepActions = 200;
    [[nodiscard]] QPlainTextEdit *output() const { return m_output; }
    [[nodiscard]] QLabel *stateLabel() const { return m_state; }
    [[nodiscard]] QSpinBox *logLines() const { return m_lines; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }
    [[nodiscard]] QMenu *menu() const { return m_menu; }
    // The (project, service) of the current row; nullopt when none.
    [[nodiscard]] std::optional<std::pair<QString, QString>> current() const;

private:
    [[nodiscard]] QString actionText(compose::ComposeService::Verb verb, const QString &project,
                                     const QString &service) const;
    void track(compose::ComposeAction *action);
    void showAction(compose::ComposeAction *action);
    void pruneLog();
    void updateState();
    void updateActions();
    void followSelection(const QString &id);
    bool confirm(const QString &title, const QString &text, const QString &button,
                 bool destructive);

    MainWindow *m_window;
    RemoteStatus *m_status;
    QPointer<compose::ComposeService> m_service;
    HostModel *m_hosts;
    LabSelection *m_selection;
    TablePane *m_table;
    QTreeWidget *m_log;
    QPlainTextEdit *m_output;
    QLabel *m_state;
    QLabel *m_statusBar;
    QSpinBox *m_lines; // Logs: how many of the last lines
    QDockWidget *m_dock;
    QMenu *m_menu;
    QList<QAction *> m_serviceActions;
    QList<QAction *> m_projectActions;
    QPointer<compose::ComposeAction> m_shown;
    // The action behind each log row; a pruned row takes its finished action with it.
    QHash<QTreeWidgetItem *, QPointer<compose::ComposeAction>> m_actions;
    Confirm m_confirm;
    bool m_following = false;
};

} // namespace labdeck
