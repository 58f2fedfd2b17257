#include "wizards/createmenu.h"

#include "mainwindow.h"
#include "wizards/applyfolderdialog.h"
#include "wizards/servicewizard.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>

namespace labdeck {

CreateMenu::CreateMenu(MainWindow *window, std::function<Inventory()> lab,
                       std::function<Session()> session)
    : QObject(window)
    , m_window(window)
    , m_lab(std::move(lab))
    , m_session(std::move(session))
    , m_menu(window->addMenuBeforeHelp(tr("C&reate")))
{
    m_newService = m_menu->addAction(tr("&New Service…"), this, &CreateMenu::newService);
    m_newService->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newService->setStatusTip(
        tr("Write the manifests of a new service into the manifests folder and apply them"));
    m_applyFolder = m_menu->addAction(tr("&Apply Folder…"), this, &CreateMenu::applyFolder);
    m_applyFolder->setStatusTip(
        tr("Apply a manifests folder in the seed's order, after a dry run"));
}

void CreateMenu::newService()
{
    const Session s = m_session();
    auto *wizard = new ServiceWizard(m_lab(), s.client, s.actions, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
}

void CreateMenu::applyFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Apply Folder"),
                                                             ServiceWizard::savedFolder());
    if (folder.isEmpty())
        return;
    const Session s = m_session();
    auto *dialog = new ApplyFolderDialog(folder, s.client, s.actions, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace labdeck
