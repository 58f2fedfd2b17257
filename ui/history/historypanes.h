#pragma once

#include "checks/checkresult.h"
#include "history/historytypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>

class QDockWidget;

namespace labdeck {

namespace history {
class HistoryStore;
}
class HostModel;
class ItemHistoryView;
class LabSelection;
class LabSummary;
class MainWindow;
class TransitionsPane;

// The history in the window: the selection's timeline, uptime and incidents
// under the Details text, the History dock of every transition (View menu),
// and the store's problems (a locked, damaged or full file) in the status
// bar and on the dock. UI thread.
class HistoryPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanes)
public:
    // Adds the panes to the window; they belong to it.
    static HistoryPanes *attach(MainWindow *window, history::HistoryStore *store,
                                LabSelection *selection);

    [[nodiscard]] ItemHistoryView *itemView() const { return m_item; }
    [[nodiscard]] TransitionsPane *transitions() const { return m_transitions; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }

private:
    HistoryPanes(MainWindow *window, history::HistoryStore *store, LabSelection *selection);
    void onStatus(const history::HistoryStatus &status);
    void onFailure(const history::HistoryError &error);

    MainWindow *m_window;
    ItemHistoryView *m_item;
    TransitionsPane *m_transitions;
    QDockWidget *m_dock;
    QString m_statusText; // the standing problem (memory only, recovered)
};

// What the window writes into the history: each finished check round, and
// the lab tree's states whenever the lab's summary changes (the store keeps
// only those that changed). Ends the session (every item unknown) when
// destroyed. UI thread.
class LabHistoryRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabHistoryRecorder)
public:
    LabHistoryRecorder(history::HistoryStore *store, HostModel *hosts, LabSummary *summary,
                       QObject *parent = nullptr);
    ~LabHistoryRecorder() override;

    void recordRound(const QList<checks::CheckResult> &results, const QDateTime &at);
    void recordStates();
    // Every item of the lab tree: its health and why (HostModel's HealthRole
    // and HealthReasonRole).
    [[nodiscard]] QHash<QString, history::ItemState> snapshot() const;

private:
    QPointer<history::HistoryStore> m_store;
    HostModel *m_hosts;
};

} // namespace labdeck
