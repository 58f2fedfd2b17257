// Relative times ("45s", "3 min ago") keep counting while their table is
// shown: the ticker emits dataChanged for the relative-time columns only,
// with Qt::DisplayRole only, at a period that fits the youngest shown time,
// and nothing while the table is hidden.
#include "kube/tablepane.h"
#include "kubemodels.h"
#include "relativetimeticker.h"
#include "remotemodels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace labdeck;

namespace {

kube::PodInfo pod(const QString &name, qint64 ageSeconds)
{
    kube::PodInfo p;
    p.ns = QStringLiteral("apps");
    p.name = name;
    p.uid = name;
    p.phase = QStringLiteral("Running");
    p.status = QStringLiteral("Running");
    p.created = QDateTime::currentDateTimeUtc().addSecs(-ageSeconds);
    return p;
}

// Every dataChanged of the spy covers exactly `column` over all `rows`, for
// Qt::DisplayRole only.
bool onlyColumn(const QList<QList<QVariant>> &spy, int column, int rows, QString *why)
{
    for (const QList<QVariant> &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        const auto roles = args.at(2).value<QList<int>>();
        if (tl.column() != column || br.column() != column || tl.row() != 0 ||
            br.row() != rows - 1 || roles != QList<int>{Qt::DisplayRole}) {
            *why = QStringLiteral("dataChanged (%1,%2)-(%3,%4) roles %5")
                       .arg(tl.row())
                       .arg(tl.column())
                       .arg(br.row())
                       .arg(br.column())
                       .arg(roles.size());
            return false;
        }
    }
    return true;
}

} // namespace

class TestRelativeTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelsNameTheirRelativeTimeColumns()
    {
        QCOMPARE(PodModel().relativeTimeColumns(), QList<int>{PodModel::Age});
        PodModel pods;
        QCOMPARE(WorkloadModel(&pods).relativeTimeColumns(), QList<int>{WorkloadModel::Age});
        QCOMPARE(NodeModel().relativeTimeColumns(), QList<int>{NodeModel::Age});
        QCOMPARE(EventModel().relativeTimeColumns(), QList<int>{EventModel::LastSeen});
        QCOMPARE(TunnelModel().relativeTimeColumns(), QList<int>{TunnelModel::LastSeen});
        QVERIFY(ComposeModel().relativeTimeColumns().isEmpty());
    }

    void tickRefreshesOnlyTheAgeColumn()
    {
        PodModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(pod(QStringLiteral("young"), 10));
        model.upsert(pod(QStringLiteral("old"), 7200));
        RelativeTimeTicker ticker(&model, model.relativeTimeColumns(), roles::Sort);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!ticker.isActive());
        ticker.tick();
        QCOMPARE(changed.size(), 1);
        QString why;
        QVERIFY2(onlyColumn(changed, PodModel::Age, 2, &why), qPrintable(why));
        QVERIFY(ticker.youngestAgeSeconds() >= 10 && ticker.youngestAgeSeconds() < 20);

        // Under a minute: every second while shown.
        ticker.setActive(true);
        QCOMPARE(changed.size(), 2); // shown: refreshed at once
        QCOMPARE(ticker.interval(), RelativeTimeTicker::kFastMs);
        // Only old rows left: every 30 s.
        model.remove(model.at(0).key());
        ticker.tick();
        QCOMPARE(ticker.interval(), RelativeTimeTicker::kSlowMs);
        QVERIFY2(onlyColumn(changed.mid(2), PodModel::Age, 1, &why), qPrintable(why));
        // A young row arrives: back to every second at once.
        model.upsert(pod(QStringLiteral("new"), 0));
        QCOMPARE(ticker.interval(), RelativeTimeTicker::kFastMs);
    }

    void ticksWhileActiveAndStopsWhenInactive()
    {
        PodModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(pod(QStringLiteral("a"), 5));
        model.upsert(pod(QStringLiteral("b"), 50));
        RelativeTimeTicker ticker(&model, model.relativeTimeColumns(), roles::Sort);
        ticker.setPeriods(20, 400);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ticker.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 4, 5000);
        QString why;
        QVERIFY2(onlyColumn(changed, PodModel::Age, 2, &why), qPrintable(why));
        ticker.setActive(false);
        changed.clear();
        // Five periods pass with nothing.
        QVERIFY(!changed.wait(100));
        QCOMPARE(changed.size(), 0);
    }

    void tablePaneTicksOnlyWhileShown()
    {
        PodModel pods;
        QAbstractItemModelTester tester(&pods,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        pods.upsert(pod(QStringLiteral("web"), 3));
        QTabWidget tabs;
        auto *pane = new TablePane(&pods, QStringLiteral("filter"), true);
        auto *other = new QWidget;
        tabs.addTab(pane, QStringLiteral("Pods"));
        tabs.addTab(other, QStringLiteral("Other"));
        QVERIFY(pane->ticker());
        QCOMPARE(pane->ticker()->columns(), QList<int>{PodModel::Age});
        QVERIFY(!pane->ticker()->isActive()); // not shown yet
        pane->ticker()->setPeriods(20, 400);

        QSignalSpy changed(&pods, &QAbstractItemModel::dataChanged);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QVERIFY(pane->ticker()->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 3, 5000);
        QString why;
        QVERIFY2(onlyColumn(changed, PodModel::Age, 1, &why), qPrintable(why));
        // The view shows the refreshed text.
        const QModelIndex age = pane->table()->model()->index(0, PodModel::Age);
        QVERIFY(age.data().toString().endsWith(QLatin1Char('s')));

        // Another tab in front: the pods table is hidden, nothing ticks.
        tabs.setCurrentWidget(other);
        QVERIFY(!pane->ticker()->isActive());
        changed.clear();
        QVERIFY(!changed.wait(100));

        // Back in front: refreshed at once, then ticking again.
        tabs.setCurrentWidget(pane);
        QVERIFY(pane->ticker()->isActive());
        QVERIFY(changed.size() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 3, 5000);

        // The window hidden: stops.
        tabs.hide();
        QVERIFY(!pane->ticker()->isActive());
    }

    void tailscaleLastSeenTicks()
    {
        TunnelModel tunnels;
        QAbstractItemModelTester tester(&tunnels,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        TunnelRow offline;
        offline.host = QStringLiteral("bracky");
        offline.found = true;
        offline.peer.online = false;
        offline.peer.lastSeen = QDateTime::currentDateTimeUtc().addSecs(-20);
        tunnels.upsert(offline);
        TablePane pane(&tunnels, QStringLiteral("filter"), false);
        QVERIFY(pane.ticker());
        pane.ticker()->setPeriods(20, 400);
        QSignalSpy changed(&tunnels, &QAbstractItemModel::dataChanged);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(pane.ticker()->interval(), 20); // seen 20 s ago: the fast period
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 3, 5000);
        QString why;
        QVERIFY2(onlyColumn(changed, TunnelModel::LastSeen, 1, &why), qPrintable(why));
        QVERIFY(tunnels.index(0, TunnelModel::LastSeen)
                    .data()
                    .toString()
                    .contains(QStringLiteral("ago")));
        pane.hide();
        QVERIFY(!pane.ticker()->isActive());
    }

    void paneWithoutRelativeTimesHasNoTicker()
    {
        ComposeModel compose;
        TablePane pane(&compose, QStringLiteral("filter"), false);
        QVERIFY(!pane.ticker());
    }
};

QTEST_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
