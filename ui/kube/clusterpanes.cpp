#include "kube/clusterpanes.h"

#include "clustermodels.h"
#include "common/format.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "kube/activitypane.h"
#include "kube/kubeactions.h"
#include "kube/logspane.h"
#include "kube/tablepane.h"
#include "kubemodels.h"
#include "labselection.h"
#include "mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

namespace labdeck {

namespace {

QDockWidget *makeDock(MainWindow *window, const QString &title, const QString &objectName,
                      QWidget *widget)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    window->addBottomDock(dock);
    if (auto *table = qobject_cast<TablePane *>(widget))
        window->addFilterField(table, table->filter()); // Ctrl+F in the pane
    return dock;
}

// Kinds are shown as Kubernetes spells them ("Deployment").
QString lower(const QString &kind)
{
    return kind;
}

} // namespace

ClusterPanes::ClusterPanes(MainWindow *window, ClusterModels *models, HostModel *hosts,
                           LabSelection *selection)
    : QObject(window)
    , m_window(window)
    , m_models(models)
    , m_hosts(hosts)
    , m_selection(selection)
    , m_workloads(new TablePane(models->workloads(), tr("Filter workloads (type to filter)"), true))
    , m_pods(new TablePane(models->pods(), tr("Filter pods (type to filter)"), true))
    , m_nodes(new TablePane(models->nodes(), tr("Filter nodes (type to filter)"), false))
    , m_events(new TablePane(models->events(), tr("Filter events (type to filter)"), true))
    , m_logs(new LogsPane)
    , m_activity(new ActivityPane)
    , m_status(new QLabel)
{
    m_workloadsDock =
        makeDock(window, tr("Workloads"), QStringLiteral("WorkloadsDock"), m_workloads);
    m_podsDock = makeDock(window, tr("Pods"), QStringLiteral("PodsDock"), m_pods);
    m_nodesDock = makeDock(window, tr("Nodes"), QStringLiteral("NodesDock"), m_nodes);
    m_eventsDock = makeDock(window, tr("Events"), QStringLiteral("EventsDock"), m_events);
    m_logsDock = makeDock(window, tr("Logs"), QStringLiteral("LogsDock"), m_logs);
    m_activityDock = makeDock(window, tr("Activity"), QStringLiteral("ActivityDock"), m_activity);
    m_workloadsDock->raise();
    auto stretch = [](TablePane *pane, int column) {
        pane->table()->horizontalHeader()->setStretchLastSection(false);
        pane->table()->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    };
    stretch(m_workloads, WorkloadModel::Images);
    stretch(m_pods, PodModel::Name);
    stretch(m_nodes, NodeModel::Conditions);
    m_nodes->table()->sortByColumn(NodeModel::Name, Qt::AscendingOrder);
    stretch(m_events, EventModel::Message);
    m_events->table()->sortByColumn(EventModel::LastSeen, Qt::DescendingOrder);
    m_workloads->table()->sortByColumn(WorkloadModel::Namespace, Qt::AscendingOrder);
    m_pods->table()->sortByColumn(PodModel::Namespace, Qt::AscendingOrder);

    m_menu = window->addMenuBeforeHelp(tr("&Cluster"));
    auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        QAction *a = m_menu->addAction(text);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_restart =
        add(tr("&Restart Workload..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] {
            if (auto w = currentWorkload())
                restart(*w);
        });
    m_scale = add(tr("&Scale Workload..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] {
        if (auto w = currentWorkload())
            scale(*w);
    });
    m_logsAction = add(tr("Show &Logs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] {
        if (m_pods->table()->hasFocus()) {
            if (auto p = currentPod())
                showLogs(*p);
        } else if (auto w = currentWorkload()) {
            showWorkloadLogs(*w);
        } else if (auto p = currentPod()) {
            showLogs(*p);
        }
    });
    m_eventsAction =
        add(tr("Show &Events"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] {
            if (m_pods->table()->hasFocus()) {
                if (auto p = currentPod())
                    showEvents(p->name);
            } else if (auto w = currentWorkload()) {
                showEvents(w->name);
            }
        });
    // The command palette offers these for every workload ("restart shlink").
    for (QAction *a : {m_restart, m_scale, m_logsAction, m_eventsAction})
        a->setProperty(kPaletteAppliesTo, QStringLiteral("workload"));
    m_menu->addSeparator();
    m_deletePod = add(tr("&Delete Pod..."), QKeySequence(Qt::SHIFT | Qt::Key_Delete), [this] {
        if (auto p = currentPod())
            deletePod(*p);
    });
    m_cordon = add(tr("C&ordon Node..."), QKeySequence(), [this] {
        if (!currentNode().isEmpty())
            setCordoned(currentNode(), true);
    });
    m_uncordon = add(tr("&Uncordon Node..."), QKeySequence(), [this] {
        if (!currentNode().isEmpty())
            setCordoned(currentNode(), false);
    });
    m_menu->addSeparator();
    for (QDockWidget *d :
         {m_workloadsDock, m_podsDock, m_nodesDock, m_eventsDock, m_logsDock, m_activityDock})
        window->addViewToggle(d->toggleViewAction());

    // Context menus of the tables offer the same actions.
    m_workloads->table()->addActions({m_restart, m_scale, m_logsAction, m_eventsAction});
    m_pods->table()->addActions({m_logsAction, m_eventsAction, m_deletePod});
    connect(m_workloads->table(), &QTableView::doubleClicked, this, [this] {
        if (auto w = currentWorkload())
            showWorkloadLogs(*w);
    });
    connect(m_pods->table(), &QTableView::doubleClicked, this, [this] {
        if (auto p = currentPod())
            showLogs(*p);
    });

    // One selection: a workload row selects the workload in the lab, and the
    // lab's selection picks its row.
    connect(m_workloads->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                if (m_following)
                    return;
                if (auto w = currentWorkload()) {
                    const QString id = HostModel::workloadId(w->ns, w->name);
                    if (m_hosts->indexForId(id).isValid())
                        m_selection->select(id);
                }
                updateActions();
            });
    connect(m_pods->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ClusterPanes::updateActions);
    // A node row selects its host.
    connect(m_nodes->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                if (m_following)
                    return;
                const int row = m_nodes->currentSourceRow();
                if (row < 0)
                    return;
                const QString node = m_models->nodes()->at(row).name;
                for (const Host &h : m_hosts->inventory().hosts) {
                    if (h.isKubernetesNode() && h.nodeName() == node)
                        m_selection->select(HostModel::hostId(h.name));
                }
                updateActions();
            });
    connect(m_selection, &LabSelection::currentChanged, this, &ClusterPanes::followSelection);
    connect(m_activity, &ActivityPane::activity, m_activityDock,
            [this] { m_activityDock->show(); });

    window->statusBar()->addPermanentWidget(m_status);
    connect(m_models, &ClusterModels::connectionChanged, this, &ClusterPanes::updateStatus);
    auto *tick = new QTimer(this);
    tick->start(1000); // "3 s ago" keeps counting
    connect(tick, &QTimer::timeout, this, &ClusterPanes::updateStatus);
    updateStatus();
    updateActions();
}

ClusterPanes::~ClusterPanes() = default;

void ClusterPanes::setSession(kube::KubeActions *actions, kube::KubeClient *client)
{
    m_actions = actions;
    m_client = client;
    m_logs->setClient(client);
    if (actions)
        connect(actions, &kube::KubeActions::actionStarted, m_activity, &ActivityPane::track,
                Qt::UniqueConnection);
    updateActions();
    updateStatus();
}

bool ClusterPanes::confirm(const QString &title, const QString &text, const QString &button,
                           bool destructive)
{
    if (m_confirm)
        return m_confirm(title, text, button, destructive);
    QMessageBox box(destructive ? QMessageBox::Warning : QMessageBox::Question, title, text,
                    QMessageBox::NoButton, m_window);
    QPushButton *go =
        box.addButton(button, destructive ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    // Destructive actions default to Cancel.
    box.setDefaultButton(destructive ? cancel : go);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

QString ClusterPanes::restartText(const kube::WorkloadInfo &w)
{
    const QString what = tr("Restart %1 %2 in %3").arg(w.kind, w.name, w.ns);
    const bool one = w.desired == 1;
    if (w.updateStrategy == QLatin1String("OnDelete"))
        return tr("%1: its pod template changes, but with updateStrategy OnDelete no pod is "
                  "replaced until "
                  "you delete it.")
            .arg(what);
    if (w.kind == QLatin1String("DaemonSet"))
        return one ? tr("%1: its pod on the one node is replaced.").arg(what)
                   : tr("%1: its pod on each of %2 nodes is replaced, one node at a time.")
                         .arg(what)
                         .arg(w.desired);
    if (w.kind == QLatin1String("StatefulSet"))
        return one ? tr("%1: its pod is replaced; it is down while the new one starts.").arg(what)
                   : tr("%1: its %2 pods are replaced one at a time, highest ordinal first.")
                         .arg(what)
                         .arg(w.desired);
    if (w.updateStrategy == QLatin1String("Recreate"))
        return one ? tr("%1: its pod is stopped first, then replaced; it is down meanwhile.")
                         .arg(what)
                   : tr("%1: all %2 pods are stopped first, then replaced; it is down meanwhile.")
                         .arg(what)
                         .arg(w.desired);
    return one ? tr("%1: its 1 pod is replaced, one at a time.").arg(what)
               : tr("%1: its %2 pods are replaced, one at a time.").arg(what).arg(w.desired);
}

void ClusterPanes::restart(const kube::WorkloadInfo &w)
{
    if (!m_actions)
        return;
    if (w.paused) {
        QMessageBox::information(
            m_window, tr("Restart"),
            tr("%1 %2 is paused; resume its rollout first.").arg(w.kind, w.name));
        return;
    }
    if (!confirm(tr("Restart %1").arg(w.name), restartText(w), tr("Restart"), false))
        return;
    m_actions->restart(w.kind, w.ns, w.name);
}

void ClusterPanes::scale(const kube::WorkloadInfo &w)
{
    if (!m_actions)
        return;
    if (w.kind == QLatin1String("DaemonSet")) {
        QMessageBox::information(m_window, tr("Scale"),
                                 tr("A DaemonSet runs one pod per node and cannot be scaled."));
        return;
    }
    const QString text =
        tr("Scale %1 %2 in %3 from %4 to:").arg(lower(w.kind), w.name, w.ns).arg(w.desired);
    std::optional<int> replicas;
    if (m_askNumber) {
        replicas = m_askNumber(tr("Scale %1").arg(w.name), text, w.desired, tr("Scale"));
    } else {
        QInputDialog dialog(m_window);
        dialog.setWindowTitle(tr("Scale %1").arg(w.name));
        dialog.setLabelText(text);
        dialog.setInputMode(QInputDialog::IntInput);
        dialog.setIntRange(0, 100);
        dialog.setIntValue(w.desired);
        dialog.setOkButtonText(tr("Scale"));
        if (dialog.exec() == QDialog::Accepted)
            replicas = dialog.intValue();
    }
    if (!replicas || *replicas == w.desired)
        return;
    if (*replicas == 0 && !confirm(tr("Scale %1 to 0").arg(w.name),
                                   tr("Scale %1 %2 in %3 to 0: all its pods stop and it serves "
                                      "nothing until scaled up again.")
                                       .arg(lower(w.kind), w.name, w.ns),
                                   tr("Scale to 0"), true))
        return;
    m_actions->scale(w.kind, w.ns, w.name, *replicas);
}

void ClusterPanes::deletePod(const kube::PodInfo &pod)
{
    if (!m_actions)
        return;
    const bool orphan =
        pod.workloadKind.isEmpty() || pod.workloadKind == QLatin1String("StaticPod");
    const QString text =
        orphan ? tr("Delete pod %1 in %2: it is stopped now and nothing recreates it.")
                     .arg(pod.name, pod.ns)
               : tr("Delete pod %1 in %2: it is stopped now and its %3 %4 starts a replacement.")
                     .arg(pod.name, pod.ns, pod.workloadKind, pod.workloadName);
    if (!confirm(tr("Delete pod %1").arg(pod.name), text, tr("Delete Pod"), true))
        return;
    m_actions->deletePod(pod.ns, pod.name);
}

void ClusterPanes::setCordoned(const QString &node, bool cordoned)
{
    if (!m_actions)
        return;
    const QString text =
        cordoned
            ? tr("Cordon node %1: no new pods are scheduled on it; the pods running there stay.")
            : tr("Uncordon node %1: new pods may be scheduled on it again.");
    if (!confirm(cordoned ? tr("Cordon %1").arg(node) : tr("Uncordon %1").arg(node), text.arg(node),
                 cordoned ? tr("Cordon") : tr("Uncordon"), false))
        return;
    m_actions->setCordoned(node, cordoned);
}

void ClusterPanes::showLogs(const kube::PodInfo &pod)
{
    m_logsDock->show();
    m_logsDock->raise();
    m_logs->openPod(pod.ns, pod.name, pod.containers);
}

void ClusterPanes::showWorkloadLogs(const kube::WorkloadInfo &w)
{
    // The newest ready pod of the workload, else any.
    const kube::PodInfo *best = nullptr;
    for (const kube::PodInfo &p : m_models->pods()->rows()) {
        if (p.ns != w.ns || p.workloadName != w.name || p.deleting)
            continue;
        if (!best || (p.ready && !best->ready) ||
            (p.ready == best->ready && p.created > best->created))
            best = &p;
    }
    if (!best) {
        QMessageBox::information(m_window, tr("Logs"),
                                 tr("%1 has no pods to show logs of.").arg(w.name));
        return;
    }
    showLogs(*best);
}

void ClusterPanes::showEvents(const QString &objectName)
{
    m_eventsDock->show();
    m_eventsDock->raise();
    m_events->setFilterText(objectName);
}

std::optional<kube::WorkloadInfo> ClusterPanes::currentWorkload() const
{
    const int row = m_workloads->currentSourceRow();
    if (row >= 0)
        return m_models->workloads()->at(row);
    const QString id = m_selection->current();
    if (id.startsWith(QLatin1String("workload:"))) {
        const QString qualified = id.mid(9);
        for (const kube::WorkloadInfo &w : m_models->workloads()->rows()) {
            if (w.ns + QLatin1Char('/') + w.name == qualified)
                return w;
        }
    }
    return std::nullopt;
}

std::optional<kube::PodInfo> ClusterPanes::currentPod() const
{
    const int row = m_pods->currentSourceRow();
    if (row >= 0)
        return m_models->pods()->at(row);
    return std::nullopt;
}

QString ClusterPanes::currentNode() const
{
    const QString id = m_selection->current();
    if (!id.startsWith(QLatin1String("host:")))
        return {};
    const Host *h = m_hosts->inventory().host(id.mid(5));
    if (!h || !h->isKubernetesNode())
        return {};
    return h->nodeName();
}

void ClusterPanes::followSelection(const QString &id)
{
    if (id.isEmpty()) {
        // Esc: no row stays highlighted.
        m_following = true;
        m_workloads->table()->clearSelection();
        m_pods->table()->clearSelection();
        m_following = false;
    }
    if (id.startsWith(QLatin1String("workload:"))) {
        m_following = true;
        const QString qualified = id.mid(9);
        for (const kube::WorkloadInfo &w : m_models->workloads()->rows()) {
            if (w.ns + QLatin1Char('/') + w.name == qualified) {
                m_workloads->selectKey(w.key());
                break;
            }
        }
        m_following = false;
    }
    updateActions();
}

void ClusterPanes::updateActions()
{
    const bool connected = m_actions != nullptr;
    const auto w = currentWorkload();
    m_restart->setEnabled(connected && w.has_value());
    m_scale->setEnabled(connected && w.has_value() && w->kind != QLatin1String("DaemonSet"));
    m_logsAction->setEnabled(connected && (w.has_value() || currentPod().has_value()));
    m_eventsAction->setEnabled(w.has_value() || currentPod().has_value());
    m_deletePod->setEnabled(connected && currentPod().has_value());
    const QString node = currentNode();
    const kube::NodeInfo *n = node.isEmpty() ? nullptr : m_models->nodes()->find(node);
    m_cordon->setEnabled(connected && n && !n->unschedulable);
    m_uncordon->setEnabled(connected && n && n->unschedulable);
}

void ClusterPanes::updateStatus()
{
    const Health h = m_models->health();
    const QString name = m_models->session() ? m_models->session()->name() : tr("none");
    QString text = tr("Kubernetes %1 %2").arg(HealthText::glyph(h), name);
    const QDateTime last = m_models->lastSync();
    if (last.isValid())
        text +=
            QStringLiteral(" \u00b7 ") + Format::ago(last.secsTo(QDateTime::currentDateTimeUtc()));
    // The nodes' verdicts, in the same words as their cards and rows.
    Health worst = h;
    QStringList nodes;
    QStringList tips{m_models->stateText()};
    for (const kube::NodeInfo &n : m_models->nodes()->rows()) {
        const kube::Verdict v = NodeModel::verdict(n);
        if (v.health <= Health::Ok)
            continue;
        worst = std::max(worst, v.health);
        nodes << tr("%1 %2 %3")
                     .arg(HealthText::glyph(v.health), n.name,
                          v.note.isEmpty() ? v.status : v.note);
        tips << tr("%1: %2").arg(n.name, v.summary);
    }
    if (!nodes.isEmpty())
        text += QStringLiteral(" \u00b7 ") + nodes.join(QStringLiteral(", "));
    const QStringList cannot =
        m_models->session() ? m_models->session()->unreadable() : QStringList();
    if (!cannot.isEmpty())
        text +=
            QStringLiteral(" \u00b7 ") + tr("%n kind(s) not readable", nullptr, int(cannot.size()));
    m_status->setText(text);
    m_status->setToolTip(tips.join(QLatin1Char('\n')));
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, healthColor(worst));
    m_status->setPalette(pal);
    updateActions();
}

} // namespace labdeck
