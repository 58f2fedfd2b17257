// The history in the window, on a real SQLite file and the store's thread:
// the selection's strip (coloured buckets), uptime and incidents under
// Details, the History dock with its filter, what the window records (the
// lab tree's changes, check rounds), and a damaged file said in the status
// bar and on the dock.

#include "detailspanel.h"
#include "healthcolor.h"
#include "history/historydatabase.h"
#include "history/historypanes.h"
#include "history/historystore.h"
#include "history/itemhistoryview.h"
#include "history/timelinestrip.h"
#include "history/transitionspane.h"
#include "hostmodel.h"
#include "labselection.h"
#include "labsummary.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace labdeck;
using namespace labdeck::history;

namespace {

constexpr qint64 kHour = 3600LL * 1000;

checks::CheckResult nodeResult(Health h, const QString &summary)
{
    checks::CheckResult r;
    r.category = QStringLiteral("k8s");
    r.target = QStringLiteral("node bracky");
    r.host = QStringLiteral("bracky");
    r.severity = h;
    r.summary = summary;
    return r;
}

} // namespace

class TestHistoryUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    qint64 m_now = 0;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<HistoryStore> m_store;
    HistoryPanes *m_panes = nullptr;

    bool waitUpdated(QObject *view)
    {
        QSignalSpy spy(view, SIGNAL(updated()));
        return spy.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("history.sqlite"));
        m_now = QDateTime::currentMSecsSinceEpoch();
        {
            // Five hours ago bracky went NotReady for an hour.
            HistoryDatabase db(HistoryOptions{path});
            QCOMPARE(db.open().state, HistoryState::Ready);
            QVERIFY(db.recordStates({{QStringLiteral("host:bracky"), {Health::Ok, QString()}}},
                                    m_now - 10 * kHour) == 1);
            QVERIFY(db.recordStates({{QStringLiteral("host:bracky"),
                                      {Health::Critical, QStringLiteral("NotReady")}}},
                                    m_now - 5 * kHour) == 1);
            QVERIFY(db.recordStates({{QStringLiteral("host:bracky"), {Health::Ok, QString()}}},
                                    m_now - 4 * kHour) == 1);
            QVERIFY(db.record({nodeResult(Health::Warning, QStringLiteral("DiskPressure"))},
                              m_now - 2 * kHour));
            QVERIFY(db.record({nodeResult(Health::Ok, QStringLiteral("Ready"))}, m_now - kHour));
        }
        m_hosts = std::make_unique<HostModel>();
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        m_window->useDefaultLayout();
        QVERIFY(m_window->loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        m_store = std::make_unique<HistoryStore>(HistoryOptions{path});
        QSignalSpy opened(m_store.get(), &HistoryStore::statusChanged);
        m_store->open();
        QVERIFY(opened.wait(5000));
        m_panes = HistoryPanes::attach(m_window.get(), m_store.get(), m_selection.get());
        m_window->resize(1200, 800);
        m_window->show();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_store.reset();
    }

    void theSelectionsStripUptimeAndIncidents()
    {
        ItemHistoryView *view = m_panes->itemView();
        QVERIFY(view->parentWidget() != nullptr);
        m_selection->select(QStringLiteral("host:bracky"));
        QVERIFY(waitUpdated(view));
        QCOMPARE(view->item(), QStringLiteral("host:bracky"));
        const QList<TimelineBucket> &buckets = view->strip()->buckets();
        QCOMPARE(buckets.size(), 96);
        // 15-minute buckets, the last ending now: 5 h ago is bucket 76.
        const int critical = 96 - 20;
        QCOMPARE(buckets[critical].worst, Health::Critical);
        QCOMPARE(buckets[critical - 2].worst, Health::Ok);
        // The check about bracky's node counts in its buckets.
        QCOMPARE(buckets[96 - 9].worst, Health::Warning);
        // Before the first state nothing is known: drawn grey.
        QVERIFY(buckets[0].empty());
        // Drawn in the colours of the lab.
        view->strip()->resize(960, 20);
        const QImage image = view->strip()->grab().toImage();
        QCOMPARE(QColor(image.pixel(critical * 10 + 4, 10)), healthColor(Health::Critical));
        QCOMPARE(QColor(image.pixel((critical - 2) * 10 + 4, 10)), healthColor(Health::Ok));
        QCOMPARE(QColor(image.pixel(4, 10)), TimelineStrip::colorFor(buckets[0]));
        QVERIFY(view->strip()->bucketText(critical).contains(QLatin1String("critical")));
        const qsizetype red = std::count_if(buckets.begin(), buckets.end(), [](const auto &b) {
            return b.worst == Health::Critical;
        });
        QVERIFY(red >= 4);
        QVERIFY2(
            view->strip()->accessibleDescription().contains(QStringLiteral("%1 critical").arg(red)),
            qPrintable(view->strip()->accessibleDescription()));
        // 9 of 10 watched hours ok.
        const QString uptime = view->uptimeLabel()->text();
        QVERIFY2(uptime.contains(QLatin1String("Uptime 90")) ||
                     uptime.contains(QLatin1String("Uptime 89.9")),
                 qPrintable(uptime));
        QVERIFY2(uptime.contains(QLatin1String("watched")), qPrintable(uptime));
        // Its own incident and the check's, newest first.
        QTreeWidget *list = view->incidentList();
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(list->topLevelItem(0)->text(3).contains(QLatin1String("DiskPressure")));
        QVERIFY(list->topLevelItem(0)->text(3).contains(QLatin1String("check:k8s:node bracky")));
        QVERIFY(list->topLevelItem(1)->text(2).contains(QLatin1String("critical")));
        QCOMPARE(list->topLevelItem(1)->text(3), QStringLiteral("NotReady"));

        view->setSpan(ItemHistoryView::Span::Week);
        QVERIFY(waitUpdated(view));
        QCOMPARE(view->strip()->buckets().size(), 168);
        view->setSpan(ItemHistoryView::Span::Day);
        QVERIFY(waitUpdated(view));

        // Another item: its own (empty) history.
        m_selection->select(QStringLiteral("host:pikachu"));
        QVERIFY(waitUpdated(view));
        QCOMPARE(view->incidentList()->topLevelItemCount(), 0);
        QVERIFY(view->uptimeLabel()->text().contains(QLatin1String("Nothing recorded")));
    }

    void theHistoryDockListsAndFilters()
    {
        TransitionsPane *pane = m_panes->transitions();
        QVERIFY(m_panes->dock()->toggleViewAction() != nullptr);
        pane->refresh();
        QVERIFY(waitUpdated(pane));
        // bracky ok, critical, ok; the node check warning, ok.
        QCOMPARE(pane->list()->topLevelItemCount(), 5);
        pane->severityBox()->setCurrentIndex(2); // critical only
        QVERIFY(waitUpdated(pane));
        QCOMPARE(pane->list()->topLevelItemCount(), 1);
        QCOMPARE(pane->list()->topLevelItem(0)->text(1), QStringLiteral("host:bracky"));
        pane->severityBox()->setCurrentIndex(0);
        QVERIFY(waitUpdated(pane));
        pane->filterEdit()->setText(QStringLiteral("diskpressure"));
        QVERIFY(waitUpdated(pane)); // after the typing pause
        QCOMPARE(pane->list()->topLevelItemCount(), 1);
        QCOMPARE(pane->list()->topLevelItem(0)->text(1), QStringLiteral("check:k8s:node bracky"));
        pane->filterEdit()->clear();
        QVERIFY(waitUpdated(pane));
        // Activating a lab item's row selects it.
        QTreeWidgetItem *bracky =
            pane->list()->findItems(QStringLiteral("host:bracky"), Qt::MatchExactly, 1).first();
        m_selection->clear();
        Q_EMIT pane->list()->itemActivated(bracky, 0);
        QCOMPARE(m_selection->current(), QStringLiteral("host:bracky"));
    }

    void theWindowRecordsTheLabTreesChangesAndCheckRounds()
    {
        LabSummary summary(m_hosts.get());
        LabHistoryRecorder recorder(m_store.get(), m_hosts.get(), &summary);
        QSignalSpy recorded(m_store.get(), &HistoryStore::recorded);
        TransitionsPane *pane = m_panes->transitions();
        QVERIFY(m_hosts->setHealth(QStringLiteral("host:metamon"), Health::Critical,
                                   QStringLiteral("kubelet stopped"),
                                   QDateTime::currentDateTimeUtc()));
        QVERIFY(recorded.wait(10000)); // summary (coalesced) -> store -> recorded
        QVERIFY(waitUpdated(pane));    // the dock asks again
        const auto found =
            pane->list()->findItems(QStringLiteral("host:metamon"), Qt::MatchExactly, 1);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()->text(3), QStringLiteral("kubelet stopped"));
        // The same state again writes nothing.
        QCOMPARE(recorder.snapshot().value(QStringLiteral("host:metamon")).health,
                 Health::Critical);
        const int before = int(recorded.size());
        recorder.recordStates();
        recorder.recordRound({nodeResult(Health::Critical, QStringLiteral("NotReady"))},
                             QDateTime::currentDateTimeUtc());
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), before + 1, 10000);
        QVERIFY(waitUpdated(pane));
        QCOMPARE(pane->list()->topLevelItem(0)->text(1), QStringLiteral("check:k8s:node bracky"));
    }

    void aDamagedFileIsSaidInTheStatusBarAndOnTheDock()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, '\x42'));
        }
        HostModel hosts;
        LabSelection selection;
        MainWindow window(&hosts, &selection);
        window.useDefaultLayout();
        HistoryStore store(HistoryOptions{path});
        HistoryPanes *panes = HistoryPanes::attach(&window, &store, &selection);
        QSignalSpy status(&store, &HistoryStore::statusChanged);
        store.open();
        QVERIFY(status.wait(5000));
        QCOMPARE(store.status().state, HistoryState::Recovered);
        QVERIFY(!panes->transitions()->banner()->isHidden());
        QVERIFY2(panes->transitions()->banner()->text().contains(QLatin1String(".corrupt-")),
                 qPrintable(panes->transitions()->banner()->text()));
        QVERIFY(window.statusBar()->currentMessage().contains(path));
        QVERIFY(QFileInfo::exists(store.status().movedTo));
    }
};

QTEST_MAIN(TestHistoryUi)
#include "tst_historyui.moc"
