#pragma once

#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"

#include <QMainWindow>
#include <functional>

class QLabel;
class QFrame;
class QTreeView;
class QLineEdit;
class QSortFilterProxyModel;
class QDockWidget;
class QToolBar;

namespace labdeck {

// A QAction property: the kind of lab item ("workload", "compose", "host",
// "url") the action works on once that item is selected. The command palette
// offers the action for each such item ("restart shlink").
inline constexpr const char *kPaletteAppliesTo = "labdeckPaletteAppliesTo";
// A QAction property: more words the palette matches the action by ("certs").
inline constexpr const char *kPaletteKeywords = "labdeckPaletteKeywords";

class HostModel;
class LabSelection;
class TopologyScene;
class TopologyView;
class DetailsPanel;
class SettingsDialog;

// The main window of ux.md: topology in the centre, the Lab tree and the
// Details docks, menus with shortcuts, and a status bar. UI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(HostModel *model, LabSelection *selection, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the chosen inventory. On errors the last good lab stays on screen
    // under a banner that lists every error; the errors also go to stderr.
    // Returns true when the inventory loaded.
    bool loadInventory(const InventoryLocator::Choice &choice);

    // Shows the default dock layout and stops saving the layout on close
    // (screenshots and tests must not depend on, or change, the user's layout).
    void useDefaultLayout();
    // Calls done once, after the topology is painted for the first time.
    void notifyFirstPaint(std::function<void()> done);

    // Adds a dock to the bottom area, tabbed with the other bottom docks, and
    // its toggle to the View menu.
    void addBottomDock(QDockWidget *dock);
    void addViewToggle(QAction *toggle);
    // Ctrl+F in `pane` (or a widget in it) focuses `filter` instead of the
    // lab tree's filter.
    void addFilterField(QWidget *pane, QLineEdit *filter);
    // View > Go To: one action per bottom dock, Ctrl+3 … Ctrl+9 in the
    // order they were added, that shows the dock in front and focuses it.
    [[nodiscard]] QList<QAction *> goToActions() const { return m_goTo; }
    // A widget at the start of the main toolbar (the context switcher).
    void addToolBarWidget(QWidget *widget);
    // A menu placed before Help.
    QMenu *addMenuBeforeHelp(const QString &title);

    [[nodiscard]] TopologyScene *topologyScene() const { return m_scene; }
    [[nodiscard]] TopologyView *topologyView() const { return m_view; }
    [[nodiscard]] QTreeView *labTree() const { return m_tree; }
    [[nodiscard]] DetailsPanel *detailsPanel() const { return m_details; }
    // The error banner's text; empty when the last load succeeded.
    [[nodiscard]] QString errorText() const;

    // Resident mode: when set and it returns true, closing the window hides
    // it and Labdeck keeps running (the tray); otherwise closing quits.
    // File > Quit always quits.
    void setKeepRunningOnClose(std::function<bool()> keepRunning);
    // Quits Labdeck (File > Quit, the tray's Quit), saving the layout.
    void quitApplication();
    // Settings (File > Settings…, Ctrl+,); made on first use.
    [[nodiscard]] SettingsDialog *settingsDialog();
    void openSettings();

Q_SIGNALS:
    // F5: the inventory is read again; sources waiting to retry try now.
    void reloadRequested();
    // The Settings dialog was made (once): others add their pages to it.
    void settingsCreated(SettingsDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createDocks();
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void reload();
    void openInventory();
    void createUserInventory();
    void useBuiltIn();
    void about();
    void showErrors(const InventoryLocator::Choice &choice, const QList<LocatedError> &errors);
    void treeSelectionChanged();
    void followSelection(const QString &id);

    HostModel *m_model;
    LabSelection *m_selection;
    TopologyScene *m_scene;
    TopologyView *m_view;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QDockWidget *m_labDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_filter = nullptr;
    QList<QPair<QWidget *, QLineEdit *>> m_filterFields;
    QList<QAction *> m_goTo;
    QMenu *m_goToMenu = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    DetailsPanel *m_details = nullptr;
    QLabel *m_inventoryLabel;
    QMenu *m_viewMenu = nullptr;
    SettingsDialog *m_settings = nullptr;
    std::function<bool()> m_keepRunning;
    bool m_quitting = false;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_dockTogglesEnd = nullptr;
    QList<QDockWidget *> m_bottomDocks;
    InventoryLocator::Choice m_choice;
    QByteArray m_defaultState;
    bool m_following = false;
    bool m_persistLayout = true;
    std::function<void()> m_firstPaint;
};

} // namespace labdeck
