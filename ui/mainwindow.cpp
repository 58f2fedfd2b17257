#include "mainwindow.h"

#include "detailspanel.h"
#include "hostmodel.h"
#include "kube/execapproval.h"
#include "labselection.h"
#include "settings/settingsdialog.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace labdeck {

namespace {
constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr int kStateVersion = 1;
} // namespace

MainWindow::MainWindow(HostModel *model, LabSelection *selection, QWidget *parent)
    : QMainWindow(parent)
    , m_model(model)
    , m_selection(selection)
    , m_scene(new TopologyScene(model, selection, this))
    , m_view(new TopologyView(m_scene))
    , m_banner(new QFrame)
    , m_bannerText(new QLabel)
    , m_inventoryLabel(new QLabel)
{
    setWindowTitle(tr("Labdeck"));
    setObjectName(QStringLiteral("MainWindow"));

    // Centre: an error banner (hidden while all is well) over the topology.
    auto *centre = new QWidget;
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setObjectName(QStringLiteral("inventoryErrorBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(QStringLiteral("#inventoryErrorBanner { background: rgba(208, 49, 45, "
                                           "0.12); border: 1px solid #d0312d; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_bannerText, 1);
    auto *buttons = new QVBoxLayout;
    auto *reloadButton = new QPushButton(tr("Reload"));
    auto *builtInButton = new QPushButton(tr("Use Built-in Lab"));
    buttons->addWidget(reloadButton);
    buttons->addWidget(builtInButton);
    buttons->addStretch();
    bannerLayout->addLayout(buttons);
    connect(reloadButton, &QPushButton::clicked, this, &MainWindow::reload);
    connect(builtInButton, &QPushButton::clicked, this, &MainWindow::useBuiltIn);
    m_banner->hide();
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    setCentralWidget(centre);

    statusBar()->addWidget(m_inventoryLabel, 1);

    createDocks();
    createActions();
    connect(m_selection, &LabSelection::currentChanged, this, &MainWindow::followSelection);
    resize(1440, 900);
    m_defaultState = saveState(kStateVersion);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_labDock = new QDockWidget(tr("Lab"), this);
    m_labDock->setObjectName(QStringLiteral("LabDock"));
    auto *labWidget = new QWidget;
    auto *labLayout = new QVBoxLayout(labWidget);
    labLayout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter hosts and workloads (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_tree = new QTreeView;
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAccessibleName(tr("Hosts and workloads"));
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The endpoint is on the card and in Details; the tree keeps to what fits.
    m_tree->setColumnHidden(HostModel::EndpointColumn, true);
    m_tree->header()->moveSection(HostModel::HealthColumn, HostModel::KindColumn);
    m_tree->expandAll();
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_model, &HostModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::treeSelectionChanged);
    labLayout->addWidget(m_filter);
    labLayout->addWidget(m_tree);
    m_labDock->setWidget(labWidget);
    addDockWidget(Qt::LeftDockWidgetArea, m_labDock);

    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("DetailsDock"));
    m_details = new DetailsPanel(m_model, m_selection);
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    resizeDocks({m_labDock, m_detailsDock}, {340, 320}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Inventory..."), this, &MainWindow::openInventory);
    open->setShortcut(QKeySequence::Open);
    QAction *reloadAction = file->addAction(tr("&Reload Inventory"), this, &MainWindow::reload);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setIconText(tr("Reload"));
    file->addAction(tr("&Create My Inventory from the Built-in Lab..."), this,
                    &MainWindow::createUserInventory);
    file->addAction(tr("Use the &Built-in Lab"), this, &MainWindow::useBuiltIn);
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings..."), this, &MainWindow::openSettings);
    // Ctrl+, everywhere, and the desktop's own Preferences key where it differs.
    QList<QKeySequence> settingsKeys{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Preferences))
        if (!settingsKeys.contains(k))
            settingsKeys << k;
    settings->setShortcuts(settingsKeys);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quitApplication);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = m_viewMenu->addAction(tr("Zoom &In"), m_view, &TopologyView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomIn->setIconText(tr("Zoom In"));
    QAction *zoomOut = m_viewMenu->addAction(tr("Zoom &Out"), m_view, &TopologyView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setIconText(tr("Zoom Out"));
    QAction *fit = m_viewMenu->addAction(tr("&Fit to Window"), m_view, &TopologyView::fitToWindow);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setIconText(tr("Fit"));
    m_viewMenu->addSeparator();
    QAction *labToggle = m_labDock->toggleViewAction();
    labToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_viewMenu->addAction(labToggle);
    QAction *detailsToggle = m_detailsDock->toggleViewAction();
    detailsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_viewMenu->addAction(detailsToggle);
    m_dockTogglesEnd = m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    m_goToMenu = m_viewMenu->addMenu(tr("&Go To"));
    QAction *filter = new QAction(tr("Filter"), this);
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        // The filter of the pane that has the focus, else the lab tree's.
        for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
            for (const auto &[pane, edit] : std::as_const(m_filterFields)) {
                if (w == pane && edit->isVisible()) {
                    edit->setFocus(Qt::ShortcutFocusReason);
                    edit->selectAll();
                    return;
                }
            }
        }
        m_labDock->show();
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(filter);
    // Esc: nothing selected, in every pane that follows the selection.
    QAction *clear = new QAction(tr("Clear Selection"), this);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(clear, &QAction::triggered, this, [this] { m_selection->clear(); });
    addAction(clear);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(tr("&About Labdeck"), this, &MainWindow::about);

    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->addAction(reloadAction);
    bar->addSeparator();
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    bar->addAction(fit);
    m_viewMenu->addAction(bar->toggleViewAction());
}

void MainWindow::addBottomDock(QDockWidget *dock)
{
    if (m_bottomDocks.isEmpty())
        addDockWidget(Qt::BottomDockWidgetArea, dock);
    else
        tabifyDockWidget(m_bottomDocks.first(), dock);
    m_bottomDocks << dock;
    if (m_goTo.size() < 7) {
        // Ctrl+3 … Ctrl+9: the bottom tabs, in the order they were added.
        QAction *go = m_goToMenu->addAction(dock->windowTitle());
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_3 + m_goTo.size())));
        connect(go, &QAction::triggered, this, [dock] {
            dock->show();
            dock->raise();
            // Its list (or else its first control) gets the keyboard.
            QWidget *w = dock->widget();
            if (!w)
                return;
            QWidget *target = nullptr;
            for (QWidget *c : w->findChildren<QWidget *>()) {
                if (!c->isVisible() || !(c->focusPolicy() & Qt::TabFocus))
                    continue;
                if (qobject_cast<QAbstractItemView *>(c)) {
                    target = c;
                    break;
                }
                if (!target)
                    target = c;
            }
            (target ? target : w)->setFocus(Qt::ShortcutFocusReason);
        });
        m_goTo << go;
    }
    // The first bottom dock (Workloads) is the one in front by default, and
    // the topology keeps most of the height.
    m_bottomDocks.first()->raise();
    resizeDocks({m_bottomDocks.first()}, {220}, Qt::Vertical);
    // The docks exist now: their default layout and the saved one apply.
    m_defaultState = saveState(kStateVersion);
    restoreLayout();
}

void MainWindow::addToolBarWidget(QWidget *widget)
{
    const QList<QAction *> actions = m_toolBar->actions();
    QAction *first = actions.isEmpty() ? nullptr : actions.first();
    m_toolBar->insertWidget(first, widget);
    m_toolBar->insertSeparator(first);
}

void MainWindow::addFilterField(QWidget *pane, QLineEdit *filter)
{
    m_filterFields.append({pane, filter});
}

void MainWindow::addViewToggle(QAction *toggle)
{
    m_viewMenu->insertAction(m_dockTogglesEnd, toggle);
}

QMenu *MainWindow::addMenuBeforeHelp(const QString &title)
{
    auto *menu = new QMenu(title, this);
    menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    return menu;
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray(), kStateVersion);
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState(kStateVersion));
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, kStateVersion);
    m_labDock->show();
    m_detailsDock->show();
}

void MainWindow::useDefaultLayout()
{
    m_persistLayout = false;
    resetLayout();
}

void MainWindow::notifyFirstPaint(std::function<void()> done)
{
    m_firstPaint = std::move(done);
    m_view->viewport()->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && watched == m_view->viewport() && m_firstPaint) {
        m_view->viewport()->removeEventFilter(this);
        // Report once this paint has finished and reached the screen.
        QTimer::singleShot(0, this, [this] {
            auto done = std::move(m_firstPaint);
            m_firstPaint = nullptr;
            done();
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_persistLayout)
        saveLayout();
    if (!m_quitting && m_keepRunning && m_keepRunning()) {
        // Resident: the tray keeps watching.
        event->ignore();
        hide();
        return;
    }
    event->accept();
    // With a tray, Qt does not quit when the last window closes.
    if (m_keepRunning)
        QCoreApplication::quit();
}

void MainWindow::setKeepRunningOnClose(std::function<bool()> keepRunning)
{
    m_keepRunning = std::move(keepRunning);
}

void MainWindow::quitApplication()
{
    m_quitting = true;
    if (isVisible()) {
        close();
    } else if (m_persistLayout) {
        saveLayout();
    }
    QCoreApplication::quit();
}

bool MainWindow::loadInventory(const InventoryLocator::Choice &choice)
{
    const InventoryLoadResult result = choice.source == InventoryLocator::Source::BuiltIn
                                           ? InventoryLoader::loadBuiltIn()
                                           : InventoryLoader::loadFile(choice.path);
    m_choice = choice;
    if (!result.ok()) {
        showErrors(choice, result.errors);
        return false;
    }
    m_banner->hide();
    m_bannerText->clear();
    const QString current = m_selection->current();
    m_model->setInventory(*result.inventory);
    // Keep the selection across reloads when the item still exists.
    if (!current.isEmpty() && !m_scene->itemForId(current))
        m_selection->clear();
    m_inventoryLabel->setText(tr("Inventory: %1").arg(choice.describe()));
    const QString name = result.inventory->name;
    setWindowTitle(name.isEmpty() ? tr("Labdeck") : tr("%1 - Labdeck").arg(name));
    return true;
}

QString MainWindow::errorText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void MainWindow::showErrors(const InventoryLocator::Choice &choice,
                            const QList<LocatedError> &errors)
{
    QTextStream err(stderr);
    QStringList items;
    for (const LocatedError &e : errors) {
        err << e.toString() << Qt::endl;
        items << QStringLiteral("<li><code>%1</code></li>").arg(e.toString().toHtmlEscaped());
    }
    const bool keptOld = m_model->rowCount() > 0;
    QString text = QStringLiteral("<b>%1</b><ul>%2</ul>%3")
                       .arg(tr("The inventory %1 has %n error(s); it was not loaded.", nullptr,
                               int(errors.size()))
                                .arg(choice.describe())
                                .toHtmlEscaped(),
                            items.join(QString()),
                            (keptOld ? tr("The lab shown is the last one that loaded. Fix the file "
                                          "and press Reload (F5); Labdeck never changes it.")
                                     : tr("Fix the file and press Reload (F5), or use the built-in "
                                          "lab. Labdeck never changes your file."))
                                .toHtmlEscaped());
    m_bannerText->setText(text);
    m_banner->show();
    m_inventoryLabel->setText(tr("Inventory: %1 (errors)").arg(choice.describe()));
}

void MainWindow::reload()
{
    loadInventory(m_choice);
    Q_EMIT reloadRequested();
}

void MainWindow::useBuiltIn()
{
    loadInventory(InventoryLocator::Choice{InventoryLocator::Source::BuiltIn, {}});
}

void MainWindow::openInventory()
{
    const QString start =
        m_choice.path.isEmpty() ? QDir::homePath() : QFileInfo(m_choice.path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Inventory"), start, tr("Lab inventory (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        loadInventory(InventoryLocator::Choice{InventoryLocator::Source::CommandLine, path});
}

void MainWindow::createUserInventory()
{
    const QString path = InventoryLocator::userInventoryPath();
    if (QFileInfo::exists(path)) {
        QMessageBox::information(this, tr("Create My Inventory"),
                                 tr("%1 already exists and was left as it is. Labdeck never "
                                    "overwrites an inventory; edit it, or move it away first.")
                                     .arg(QDir::toNativeSeparators(path)));
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Create My Inventory"),
        tr("Write a copy of the built-in lab to %1 so you can edit it to describe your own lab?")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    if (answer != QMessageBox::Save)
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(InventoryLoader::builtInYaml()) < 0 ||
        !file.commit()) {
        QMessageBox::warning(
            this, tr("Create My Inventory"),
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    loadInventory(InventoryLocator::Choice{InventoryLocator::Source::UserConfig, path});
}

SettingsDialog *MainWindow::settingsDialog()
{
    if (!m_settings) {
        m_settings = new SettingsDialog(kube::ExecApprovalStore::defaultPath(), this);
        m_settings->setAttribute(Qt::WA_DeleteOnClose, false);
        Q_EMIT settingsCreated(m_settings);
    }
    return m_settings;
}

void MainWindow::openSettings()
{
    SettingsDialog *dialog = settingsDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Labdeck"),
        tr("<h3>Labdeck %1</h3><p>A native control panel for a small homelab: "
           "Kubernetes nodes, a Docker Compose host and a GPU server, seen at once.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::treeSelectionChanged()
{
    if (m_following)
        return;
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        m_selection->select(current.data(HostModel::IdRole).toString());
}

void MainWindow::followSelection(const QString &id)
{
    m_following = true;
    const QModelIndex source = m_model->indexForId(id);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    } else {
        m_tree->selectionModel()->clearSelection();
    }
    m_following = false;
}

} // namespace labdeck
