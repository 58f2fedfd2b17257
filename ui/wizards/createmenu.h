#pragma once

#include "inventory/inventory.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QMenu;

namespace labdeck {

namespace kube {
class KubeActions;
class KubeClient;
} // namespace kube
class MainWindow;

// The Create menu: New Service… (Ctrl+N) and Apply Folder…, each opening
// its dialog on the current session. UI thread.
class CreateMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateMenu)
public:
    struct Session
    {
        kube::KubeClient *client = nullptr; // nullptr: not connected (files only)
        kube::KubeActions *actions = nullptr;
    };
    // lab and session are asked for each time a dialog opens, so a changed
    // inventory or cluster context is used.
    CreateMenu(MainWindow *window, std::function<Inventory()> lab,
               std::function<Session()> session);

    [[nodiscard]] QMenu *menu() const { return m_menu; }
    [[nodiscard]] QAction *newServiceAction() const { return m_newService; }
    [[nodiscard]] QAction *applyFolderAction() const { return m_applyFolder; }

    void newService();
    void applyFolder();

private:
    MainWindow *m_window;
    std::function<Inventory()> m_lab;
    std::function<Session()> m_session;
    QMenu *m_menu;
    QAction *m_newService;
    QAction *m_applyFolder;
};

} // namespace labdeck
