#include "compose/composepanes.h"

#include "blastradius.h"
#include "common/format.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "kube/tablepane.h"
#include "labselection.h"
#include "mainwindow.h"
#include "remotemodels.h"
#include "remotestatus.h"

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

using Verb = compose::ComposeService::Verb;

namespace {
enum LogColumn { Started, Action, State, Exit, Duration, Command, LogColumnCount };
constexpr int kTailLines = 200;

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}
} // namespace

ComposePanes::ComposePanes(MainWindow *window, RemoteStatus *status,
                           compose::ComposeService *service, HostModel *hosts,
                           LabSelection *selection)
    : QObject(window)
    , m_window(window)
    , m_status(status)
    , m_service(service)
    , m_hosts(hosts)
    , m_selection(selection)
    , m_table(new TablePane(status->composeModel(), tr("Filter compose services (type to filter)"),
                            false))
    , m_log(new QTreeWidget)
    , m_output(new QPlainTextEdit)
    , m_state(new QLabel)
    , m_statusBar(new QLabel)
    , m_lines(new QSpinBox)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(bar);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    auto *right = new QSplitter(Qt::Vertical);
    m_log->setColumnCount(LogColumnCount);
    m_log->setHeaderLabels(
        {tr("Started"), tr("Action"), tr("Status"), tr("Exit"), tr("Duration"), tr("Command")});
    m_log->setRootIsDecorated(false);
    m_log->setUniformRowHeights(true);
    m_log->setAccessibleName(tr("Compose actions"));
    right->addWidget(m_log);
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(5000);
    m_output->setPlaceholderText(tr("The output of the selected action appears here."));
    m_output->setAccessibleName(tr("Compose output"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setFont(mono);
    right->addWidget(m_output);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_table->table()->sortByColumn(ComposeModel::Service, Qt::AscendingOrder);
    m_table->table()->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->table()->horizontalHeader()->setSectionResizeMode(ComposeModel::Status,
                                                               QHeaderView::Stretch);
    m_table->table()->horizontalHeader()->setStretchLastSection(false);
    m_log->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_dock = new QDockWidget(tr("Compose"), window);
    m_dock->setObjectName(QStringLiteral("ComposeDock"));
    m_dock->setWidget(page);
    window->addBottomDock(m_dock);
    window->addViewToggle(m_dock->toggleViewAction());

    m_menu = window->addMenuBeforeHelp(tr("C&ompose"));
    auto refresh = m_menu->addAction(tr("R&efresh Compose"));
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    connect(refresh, &QAction::triggered, this, [this] {
        if (m_service)
            m_service->refresh();
    });
    bar->addAction(refresh);
    bar->addSeparator();
    m_menu->addSeparator();

    struct Item
    {
        QString text;
        QString projectText;
        Verb verb;
        bool follow;
        QKeySequence key;
    };
    const QList<Item> items{
        {tr("&Restart Service..."), tr("Restart &Project..."), Verb::Restart, false,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T)},
        {tr("&Up Service..."), tr("Up Project..."), Verb::Up, false,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U)},
        {tr("Pull Service &Image..."), tr("Pull Project Images..."), Verb::Pull, false,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P)},
        {tr("&Stop Service..."), tr("Stop Project..."), Verb::Stop, false,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)},
        {tr("Service &Logs"), tr("Project Logs"), Verb::Logs, false,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L)},
        {tr("&Follow Service Logs"), tr("Follow Project Logs"), Verb::Logs, true,
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F)},
    };
    auto *projectMenu = new QMenu(tr("Whole &Project"), m_menu);
    for (const Item &it : items) {
        QAction *a = m_menu->addAction(it.text);
        a->setShortcut(it.key);
        const Verb verb = it.verb;
        const bool follow = it.follow;
        connect(a, &QAction::triggered, this, [this, verb, follow] {
            if (auto c = current())
                act(verb, c->first, c->second, follow);
        });
        m_serviceActions << a;
        // The command palette offers it for every Compose service ("restart traefik").
        a->setProperty(kPaletteAppliesTo, QStringLiteral("compose"));
        QAction *p = projectMenu->addAction(it.projectText);
        connect(p, &QAction::triggered, this, [this, verb, follow] {
            if (auto c = current())
                act(verb, c->first, QString(), follow);
        });
        m_projectActions << p;
    }
    m_menu->addSeparator();
    m_menu->addMenu(projectMenu);
    auto *cancel = m_menu->addAction(tr("Stop Following / &Cancel Action"));
    connect(cancel, &QAction::triggered, this, [this] {
        if (m_shown)
            m_shown->cancel();
    });
    m_serviceActions << cancel;

    // Toolbar: the service actions by short names, and the project ones behind a button.
    const QStringList shortNames{tr("Restart"), tr("Up"),   tr("Pull"),
                                 tr("Stop"),    tr("Logs"), tr("Follow")};
    for (int i = 0; i < shortNames.size(); ++i) {
        auto *b = new QToolButton;
        b->setDefaultAction(m_serviceActions.at(i));
        b->setText(shortNames.at(i));
        b->setToolTip(m_serviceActions.at(i)->text().remove(QLatin1Char('&')));
        bar->addWidget(b);
    }
    auto *projectButton = new QToolButton;
    projectButton->setText(tr("Project"));
    projectButton->setMenu(projectMenu);
    projectButton->setPopupMode(QToolButton::InstantPopup);
    bar->addSeparator();
    bar->addWidget(projectButton);
    bar->addSeparator();
    auto *linesLabel = new QLabel(tr("Log lines:"));
    m_lines->setRange(1, 100000);
    m_lines->setValue(kTailLines);
    m_lines->setAccessibleName(tr("Log lines"));
    m_lines->setToolTip(tr("How many of the last log lines Logs shows (per container)"));
    linesLabel->setBuddy(m_lines);
    bar->addWidget(linesLabel);
    bar->addWidget(m_lines);
    auto *cancelButton = new QToolButton;
    cancelButton->setDefaultAction(cancel);
    cancelButton->setText(tr("Cancel"));
    bar->addWidget(cancelButton);

    // Context menu: service actions, then project ones.
    QList<QAction *> context = m_serviceActions.mid(0, items.size());
    auto *sep = new QAction(m_table->table());
    sep->setSeparator(true);
    context << sep << projectMenu->menuAction();
    m_table->table()->addActions(context);

    connect(m_log, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        if (compose::ComposeAction *action = m_actions.value(item))
            showAction(action);
    });
    if (m_service)
        connect(m_service, &compose::ComposeService::actionStarted, this, &ComposePanes::track);
    connect(m_table->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                updateActions();
                if (m_following)
                    return;
                if (auto c = current()) {
                    const QString id = HostModel::composeId(c->second);
                    if (m_hosts->indexForId(id).isValid())
                        m_selection->select(id);
                }
            });
    connect(m_selection, &LabSelection::currentChanged, this, &ComposePanes::followSelection);
    connect(status->composeModel(), &QAbstractItemModel::dataChanged, this,
            &ComposePanes::updateState);
    connect(status->composeModel(), &QAbstractItemModel::rowsInserted, this,
            &ComposePanes::updateState);
    if (m_service)
        connect(m_service, &compose::ComposeService::failed, this, &ComposePanes::updateState);
    window->statusBar()->addPermanentWidget(m_statusBar);
    auto *tick = new QTimer(this);
    tick->start(1000);
    connect(tick, &QTimer::timeout, this, &ComposePanes::updateState);
    updateState();
    updateActions();
}

ComposePanes::~ComposePanes() = default;

bool ComposePanes::confirm(const QString &title, const QString &text, const QString &button,
                           bool destructive)
{
    if (m_confirm)
        return m_confirm(title, text, button, destructive);
    QMessageBox box(destructive ? QMessageBox::Warning : QMessageBox::Question, title, text,
                    QMessageBox::NoButton, m_window);
    QPushButton *go =
        box.addButton(button, destructive ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    QPushButton *no = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(destructive ? no : go); // Stop defaults to Cancel
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == go;
}

QString ComposePanes::confirmText(Verb verb, const QString &project, const QString &service) const
{
    QString text = actionText(verb, project, service);
    // What else stops with it, from the inventory.
    if (verb == Verb::Restart || verb == Verb::Stop || verb == Verb::Up) {
        QStringList services{service};
        if (service.isEmpty() && m_service)
            services = m_service->services(project);
        const QString radius =
            BlastRadius::text(m_hosts->inventory(), services, verb == Verb::Stop);
        if (!radius.isEmpty())
            text += QStringLiteral("\n\n") + radius;
    }
    return text;
}

QString ComposePanes::actionText(Verb verb, const QString &project, const QString &service) const
{
    const QString host = m_service ? m_service->host() : QString();
    const int count = m_service ? int(m_service->services(project).size()) : 0;
    if (service.isEmpty()) {
        switch (verb) {
        case Verb::Restart:
            return tr("Restart project %1 on %2: all %3 of its services are stopped and started "
                      "again; each is "
                      "unavailable for a moment.")
                .arg(project, host)
                .arg(count);
        case Verb::Up:
            return tr("Up project %1 on %2 (up -d): every service is started as the compose file "
                      "says, and "
                      "containers whose configuration changed are recreated.")
                .arg(project, host);
        case Verb::Pull:
            return tr("Pull the images of project %1 on %2: newer images are downloaded; running "
                      "containers keep "
                      "the old ones until the next up.")
                .arg(project, host);
        case Verb::Stop:
            return tr("Stop project %1 on %2: all %3 of its services stop and serve nothing until "
                      "started again.")
                .arg(project, host)
                .arg(count);
        case Verb::Logs:
            break;
        }
        return {};
    }
    switch (verb) {
    case Verb::Restart:
        return tr("Restart service %1 of project %2 on %3: its container is stopped and started "
                  "again; it is "
                  "unavailable for a moment.")
            .arg(service, project, host);
    case Verb::Up:
        return tr("Up service %1 of project %2 on %3 (up -d): it is started as the compose file "
                  "says, and recreated "
                  "if its configuration changed.")
            .arg(service, project, host);
    case Verb::Pull:
        return tr("Pull the image of service %1 of project %2 on %3: a newer image is downloaded; "
                  "the running "
                  "container keeps the old one until the next up.")
            .arg(service, project, host);
    case Verb::Stop:
        return tr("Stop service %1 of project %2 on %3: its container stops and serves nothing "
                  "until it is started "
                  "again.")
            .arg(service, project, host);
    case Verb::Logs:
        break;
    }
    return {};
}

void ComposePanes::act(Verb verb, const QString &project, const QString &service, bool follow)
{
    if (!m_service)
        return;
    if (verb != Verb::Logs) {
        QString button;
        switch (verb) {
        case Verb::Restart:
            button = tr("Restart");
            break;
        case Verb::Up:
            button = tr("Up");
            break;
        case Verb::Pull:
            button = tr("Pull");
            break;
        case Verb::Stop:
            button = tr("Stop");
            break;
        case Verb::Logs:
            break;
        }
        const QString object = service.isEmpty() ? tr("project %1").arg(project) : service;
        if (!confirm(tr("%1 %2").arg(button, object), confirmText(verb, project, service), button,
                     verb == Verb::Stop))
            return;
    }
    m_service->run(verb, project, service, m_lines->value(), follow);
}

void ComposePanes::track(compose::ComposeAction *action)
{
    auto *item = new QTreeWidgetItem;
    item->setText(Started, QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    item->setText(Action, action->title());
    item->setText(State, tr("running"));
    item->setForeground(State, healthColor(Health::Unknown));
    m_actions.insert(item, action);
    m_log->insertTopLevelItem(0, item);
    pruneLog();
    // The command is known once the action was accepted (after this signal).
    QTimer::singleShot(0, item->treeWidget(),
                       [item, action = QPointer<compose::ComposeAction>(action)] {
                           if (action) {
                               item->setText(Command, action->command());
                               item->setToolTip(Command, action->host() + QStringLiteral(": ") +
                                                             action->command());
                           }
                       });
    connect(action, &compose::ComposeAction::outputArrived, m_log,
            [this, action](const QByteArray &chunk) {
                if (m_shown == action) {
                    m_output->moveCursor(QTextCursor::End);
                    m_output->insertPlainText(QString::fromUtf8(chunk));
                    m_output->moveCursor(QTextCursor::End);
                }
            });
    connect(action, &compose::ComposeAction::finished, m_log,
            [this, item, action](compose::ComposeAction::State state, const QString &message) {
                switch (state) {
                case compose::ComposeAction::State::Succeeded:
                    item->setText(State, tr("\u2713 done"));
                    item->setForeground(State, healthColor(Health::Ok));
                    break;
                case compose::ComposeAction::State::Failed:
                    item->setText(State, tr("\u00d7 failed"));
                    item->setForeground(State, healthColor(Health::Critical));
                    break;
                case compose::ComposeAction::State::Cancelled:
                case compose::ComposeAction::State::Running:
                    item->setText(State, tr("stopped"));
                    item->setForeground(State, healthColor(Health::Warning));
                    break;
                }
                item->setText(Exit, action->exitStatus() >= 0
                                        ? QString::number(action->exitStatus())
                                        : QString());
                item->setText(Duration, seconds(action->elapsedMs()));
                item->setToolTip(State, message);
                item->setToolTip(Action, message);
                if (m_shown == action)
                    showAction(action);
                updateActions();
                pruneLog(); // may delete item: last
            });
    m_log->setCurrentItem(item);
    showAction(action);
    m_dock->show();
    m_dock->raise();
    updateActions();
}

void ComposePanes::pruneLog()
{
    for (int row = m_log->topLevelItemCount() - 1;
         row >= 0 && m_log->topLevelItemCount() > kKeepActions; --row) {
        QTreeWidgetItem *item = m_log->topLevelItem(row);
        const QPointer<compose::ComposeAction> action = m_actions.value(item);
        if (action && action->state() == compose::ComposeAction::State::Running)
            continue; // a running action stays until it finishes
        m_actions.remove(item);
        delete item;
        if (action) {
            if (m_shown == action)
                m_output->clear();
            action->deleteLater();
        }
    }
}

void ComposePanes::showAction(compose::ComposeAction *action)
{
    m_shown = action;
    QString text;
    if (!action->command().isEmpty())
        text = QStringLiteral("$ %1\n").arg(action->command());
    text += QString::fromUtf8(action->output());
    if (action->state() != compose::ComposeAction::State::Running) {
        const bool failed = action->state() != compose::ComposeAction::State::Succeeded;
        text += action->exitStatus() >= 0 ? tr("\n[exit status %1 after %2]")
                                                .arg(action->exitStatus())
                                                .arg(seconds(action->elapsedMs()))
                                          : QString();
        if (failed)
            text += tr("\n[%1]").arg(action->message());
    }
    m_output->setPlainText(text);
    m_output->moveCursor(QTextCursor::End);
}

std::optional<std::pair<QString, QString>> ComposePanes::current() const
{
    const int row = m_table->currentSourceRow();
    if (row >= 0) {
        const compose::Container &c = m_status->composeModel()->at(row);
        return std::make_pair(c.project, c.service);
    }
    const QString id = m_selection->current();
    if (id.startsWith(QLatin1String("compose:"))) {
        const QString svc = id.mid(8);
        for (const compose::Container &c : m_status->composeModel()->rows()) {
            if (c.service == svc)
                return std::make_pair(c.project, c.service);
        }
    }
    return std::nullopt;
}

void ComposePanes::followSelection(const QString &id)
{
    if (id.isEmpty()) {
        m_following = true;
        m_table->table()->clearSelection();
        m_following = false;
    }
    if (id.startsWith(QLatin1String("compose:"))) {
        m_following = true;
        const QString svc = id.mid(8);
        for (const compose::Container &c : m_status->composeModel()->rows()) {
            if (c.service == svc) {
                m_table->selectKey(ComposeModel::key(c));
                break;
            }
        }
        m_following = false;
    }
    updateActions();
}

void ComposePanes::updateActions()
{
    const bool can = m_service && m_service->transport() && current().has_value();
    for (int i = 0; i < m_serviceActions.size() - 1; ++i)
        m_serviceActions.at(i)->setEnabled(can);
    for (QAction *a : std::as_const(m_projectActions))
        a->setEnabled(can);
    m_serviceActions.last()->setEnabled(m_shown &&
                                        m_shown->state() == compose::ComposeAction::State::Running);
}

void ComposePanes::updateState()
{
    const Freshness &f = m_status->composeModel()->freshness();
    QString text;
    Health h = Health::Unknown;
    if (!m_service) {
        text = tr("No compose host in the inventory.");
    } else if (!m_service->transport()) {
        text = tr("%1: SSH: not connected. Compose actions need an SSH connection to the compose "
                  "host.")
                   .arg(m_service->host());
    } else if (f.stale) {
        text = f.fetchedAt.isValid()
                   ? tr("%1 via %2: stale, %3")
                         .arg(m_service->host(), m_service->transport()->name(), f.tooltip())
                   : tr("%1 via %2: %3")
                         .arg(m_service->host(), m_service->transport()->name(),
                              f.reason.isEmpty() ? tr("listing\u2026") : f.reason);
        h = f.reason.isEmpty() ? Health::Unknown : Health::Warning;
    } else {
        text = tr("%1 via %2 \u00b7 %3")
                   .arg(m_service->host(), m_service->transport()->name(), f.tooltip());
        h = Health::Ok;
    }
    m_state->setText(text);
    const QString host = m_service ? m_service->host() : tr("Compose");
    m_statusBar->setText(tr("%1 SSH %2").arg(host, HealthText::glyph(h)));
    m_statusBar->setToolTip(text);
    QPalette pal = m_statusBar->palette();
    pal.setColor(QPalette::WindowText, healthColor(h));
    m_statusBar->setPalette(pal);
    updateActions();
}

} // namespace labdeck
