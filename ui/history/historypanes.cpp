#include "history/historypanes.h"

#include "detailspanel.h"
#include "history/historystore.h"
#include "history/itemhistoryview.h"
#include "history/transitionspane.h"
#include "hostmodel.h"
#include "labselection.h"
#include "labsummary.h"
#include "mainwindow.h"

#include <QDockWidget>
#include <QStatusBar>

namespace labdeck {

using history::HistoryStore;

HistoryPanes *HistoryPanes::attach(MainWindow *window, HistoryStore *store, LabSelection *selection)
{
    return new HistoryPanes(window, store, selection);
}

HistoryPanes::HistoryPanes(MainWindow *window, HistoryStore *store, LabSelection *selection)
    : QObject(window)
    , m_window(window)
    , m_item(new ItemHistoryView(store, selection))
    , m_transitions(new TransitionsPane(store))
    , m_dock(new QDockWidget(tr("History"), window))
{
    window->detailsPanel()->addWidget(m_item);
    m_dock->setObjectName(QStringLiteral("historyDock"));
    m_dock->setWidget(m_transitions);
    window->addBottomDock(m_dock);
    window->addViewToggle(m_dock->toggleViewAction());
    connect(m_transitions, &TransitionsPane::itemActivated, selection,
            [selection](const QString &id) {
                // Check results have no item in the lab tree to select.
                if (!id.startsWith(QLatin1String("check:")))
                    selection->select(id);
            });
    connect(store, &HistoryStore::statusChanged, this, &HistoryPanes::onStatus);
    connect(store, &HistoryStore::failed, this, &HistoryPanes::onFailure);
    // A write went in: a full disk or a lock is over.
    connect(store, &HistoryStore::recorded, this,
            [this] { m_transitions->setProblem(m_statusText); });
    m_transitions->refresh();
}

void HistoryPanes::onStatus(const history::HistoryStatus &status)
{
    m_statusText = status.state == history::HistoryState::Ready ? QString() : status.message;
    m_transitions->setProblem(m_statusText);
    if (!m_statusText.isEmpty())
        m_window->statusBar()->showMessage(m_statusText, 60000);
}

void HistoryPanes::onFailure(const history::HistoryError &error)
{
    m_transitions->setProblem(error.message);
    m_window->statusBar()->showMessage(error.message, 30000);
}

LabHistoryRecorder::LabHistoryRecorder(HistoryStore *store, HostModel *hosts, LabSummary *summary,
                                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_hosts(hosts)
{
    // The summary is recomputed, coalesced, when the tree changes.
    connect(summary, &LabSummary::changed, this, &LabHistoryRecorder::recordStates);
}

LabHistoryRecorder::~LabHistoryRecorder()
{
    if (m_store)
        m_store->recordSessionEnd(QDateTime::currentDateTimeUtc(), tr("Labdeck was not running"));
}

void LabHistoryRecorder::recordRound(const QList<checks::CheckResult> &results, const QDateTime &at)
{
    if (m_store && !results.isEmpty())
        m_store->record(results, at.isValid() ? at : QDateTime::currentDateTimeUtc());
}

void LabHistoryRecorder::recordStates()
{
    if (m_store)
        m_store->recordStates(snapshot(), QDateTime::currentDateTimeUtc());
}

QHash<QString, history::ItemState> LabHistoryRecorder::snapshot() const
{
    QHash<QString, history::ItemState> out;
    for (const QString &id : m_hosts->ids()) {
        const QModelIndex index = m_hosts->indexForId(id);
        out.insert(
            id, history::ItemState{static_cast<Health>(index.data(HostModel::HealthRole).toInt()),
                                   index.data(HostModel::HealthReasonRole).toString()});
    }
    return out;
}

} // namespace labdeck
