// The Checks pane on the demo lab: Check all fills the table row by row as
// results arrive, colours and glyphs by severity, copies as text, takes its
// thresholds from the settings, and badges the topology's URL labels and
// host cards.

#include "checkresultsfilter.h"
#include "checkresultsmodel.h"
#include "checks/checkrunner.h"
#include "checks/checkschedule.h"
#include "checks/checkspanes.h"
#include "checks/checkssettingspage.h"
#include "detailspanel.h"
#include "healthcolor.h"
#include "hostmodel.h"
#include "lab/lab.h"
#include "labselection.h"
#include "mainwindow.h"
#include "topology/topologyitems.h"
#include "topology/topologyscene.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace labdeck;

class TestCheckUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<LabSelection> m_selection;
    std::unique_ptr<MainWindow> m_window;
    ChecksPanes *m_panes = nullptr;
    std::unique_ptr<lab::Lab> m_lab;

    int rowOf(const QString &category, const QString &target) const
    {
        const auto &results = m_panes->model()->results();
        for (int i = 0; i < results.size(); ++i) {
            if (results[i].category == category && results[i].target == target)
                return i;
        }
        return -1;
    }

    bool runAll()
    {
        QSignalSpy done(m_panes, &ChecksPanes::runFinished);
        m_panes->checkAllAction()->trigger();
        return done.wait(60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_checkui"));
        QSettings().clear();
        m_hosts = std::make_unique<HostModel>();
        m_selection = std::make_unique<LabSelection>();
        m_window = std::make_unique<MainWindow>(m_hosts.get(), m_selection.get());
        m_window->useDefaultLayout();
        QVERIFY(m_window->loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        m_panes = new ChecksPanes(m_window.get(), m_hosts.get(), m_selection.get());
        // The demo lab's HTTPS servers and Traefik API; no cluster connected.
        m_lab = lab::Lab::demo(m_hosts->inventory());
        m_panes->setCheckSource(m_lab.get());
    }

    void checkAllFillsTheTableAsResultsArrive()
    {
        QCOMPARE(m_panes->checkAllAction()->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        CheckResultsModel *model = m_panes->model();
        QAbstractItemModelTester tester(model);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QVERIFY(runAll());
        const int rows = model->rowCount();
        QVERIFY(rows > 20);
        QCOMPARE(inserted.size(), rows); // one insert per result, no resets
        QCOMPARE(rows, int(m_panes->runner()->results().size()));
        QVERIFY(m_panes->checkAllAction()->isEnabled());

        const int grafana =
            rowOf(QStringLiteral("certs"), QStringLiteral("https://grafana.example.com"));
        QVERIFY(grafana >= 0);
        const QModelIndex sev = model->index(grafana, CheckResultsModel::SeverityColumn);
        QCOMPARE(sev.data(CheckResultsModel::SeverityRole).toInt(), int(Health::Critical));
        QCOMPARE(sev.data(Qt::DisplayRole).toString(),
                 HealthText::glyph(Health::Critical) + QStringLiteral(" critical"));
        QCOMPARE(sev.data(Qt::ForegroundRole).value<QBrush>().color(),
                 healthColor(Health::Critical));
        QVERIFY(model->index(grafana, CheckResultsModel::SummaryColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("expires in 5 days")));
        QVERIFY(model->index(grafana, CheckResultsModel::AdviceColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("certResolver")));
        // With no cluster, k8s says it could not run.
        const int k8s = rowOf(QStringLiteral("k8s"), QStringLiteral("Kubernetes cluster"));
        QVERIFY(k8s >= 0);
        QCOMPARE(model->result(k8s).severity, Health::Unknown);
    }

    void badgesOnTheTopology()
    {
        TopologyScene *scene = m_window->topologyScene();
        StatusItem *grafana = scene->itemForId(
            TopologyScene::urlId(QUrl(QStringLiteral("https://grafana.example.com"))));
        QVERIFY(grafana);
        QCOMPARE(grafana->health(), Health::Critical);
        QVERIFY(grafana->toolTip().contains(QLatin1String("expires in 5 days")));
        StatusItem *ha =
            scene->itemForId(TopologyScene::urlId(QUrl(QStringLiteral("https://ha.example.com"))));
        QCOMPARE(ha->health(), Health::Ok); // every check of it passed
        // Shlink's closed NodePort is a problem of bracky; the broken Traefik
        // router one of pochama.
        QVERIFY2(
            scene->hostCard(QStringLiteral("bracky"))->note().contains(QLatin1String("checks")),
            qPrintable(scene->hostCard(QStringLiteral("bracky"))->note()));
        QVERIFY(
            scene->hostCard(QStringLiteral("pochama"))->note().contains(QLatin1String("checks")));
        QVERIFY(
            !scene->hostCard(QStringLiteral("pikachu"))->note().contains(QLatin1String("checks")));
        // The Details dock lists a selected host's problems.
        m_selection->select(QStringLiteral("host:bracky"));
        QTRY_VERIFY2(m_window->detailsPanel()->html().contains(QLatin1String("Checks")),
                     qPrintable(m_window->detailsPanel()->html()));
        QVERIFY(m_window->detailsPanel()->html().contains(QLatin1String("30080")));
    }

    void copyAsText()
    {
        m_panes->table()->clearSelection();
        m_panes->copyResults();
        const QString all = QGuiApplication::clipboard()->text();
        QVERIFY(all.contains(QLatin1String("https://grafana.example.com")));
        QVERIFY(all.contains(QLatin1String("what to do:")));
        QVERIFY(all.contains(QLatin1String("critical")));
        m_panes->problemsOnlyBox()->setChecked(false);
        const int row = rowOf(QStringLiteral("certs"), QStringLiteral("https://cloud.example.com"));
        m_panes->table()->selectRow(
            m_panes->proxy()->mapFromSource(m_panes->model()->index(row, 0)).row());
        m_panes->copyResults();
        const QString one = QGuiApplication::clipboard()->text();
        QVERIFY(one.contains(QLatin1String("cloud.example.com")));
        QVERIFY(!one.contains(QLatin1String("grafana.example.com")));
    }

    void theTableLeadsWithProblemsInAStableOrder()
    {
        CheckResultsFilter *proxy = m_panes->proxy();
        m_panes->problemsOnlyBox()->setChecked(false);
        m_panes->filterEdit()->clear();
        QCOMPARE(proxy->rowCount(), m_panes->model()->rowCount());
        auto shown = [proxy] {
            QList<checks::CheckResult> list;
            for (int r = 0; r < proxy->rowCount(); ++r)
                list << static_cast<CheckResultsModel *>(proxy->sourceModel())
                            ->result(proxy->mapToSource(proxy->index(r, 0)).row());
            return list;
        };
        const QList<checks::CheckResult> first = shown();
        const QStringList order = checks::allCategories();
        for (int i = 1; i < first.size(); ++i) {
            const auto &a = first.at(i - 1);
            const auto &b = first.at(i);
            const int ra = CheckResultsFilter::rank(a.severity);
            const int rb = CheckResultsFilter::rank(b.severity);
            QVERIFY2(ra >= rb, qPrintable(a.target + QLatin1String(" before ") + b.target));
            if (ra == rb && a.category != b.category)
                QVERIFY2(order.indexOf(a.category) < order.indexOf(b.category),
                         qPrintable(a.category + QLatin1String(" before ") + b.category));
            if (ra == rb && a.category == b.category)
                QVERIFY(QString::compare(a.target, b.target, Qt::CaseInsensitive) <= 0);
        }
        QCOMPARE(first.first().severity, Health::Critical);
        // The same order after another run.
        QVERIFY(runAll());
        m_panes->problemsOnlyBox()->setChecked(false);
        const QList<checks::CheckResult> second = shown();
        QCOMPARE(second.size(), first.size());
        for (int i = 0; i < first.size(); ++i) {
            QCOMPARE(second.at(i).category, first.at(i).category);
            QCOMPARE(second.at(i).target, first.at(i).target);
        }
        // The summary counts by severity and category.
        int critical = 0;
        for (const auto &r : first)
            critical += r.severity == Health::Critical;
        QVERIFY2(m_panes->summaryText().startsWith(QStringLiteral("%1 critical: ").arg(critical)),
                 qPrintable(m_panes->summaryText()));
        QVERIFY2(m_panes->summaryText().contains(QLatin1String(" certs")),
                 qPrintable(m_panes->summaryText()));
    }

    void problemsOnlyAfterARunWithProblemsAndFilterAsYouType()
    {
        CheckResultsFilter *proxy = m_panes->proxy();
        // The demo lab has problems: the last run turned "problems only" on.
        QVERIFY(runAll());
        QVERIFY(m_panes->problemsOnlyBox()->isChecked());
        int problems = 0;
        for (const auto &r : m_panes->model()->results())
            problems += r.severity != Health::Ok;
        QCOMPARE(proxy->rowCount(), problems);
        QVERIFY(problems < m_panes->model()->rowCount());
        QVERIFY2(
            m_panes->summaryText().contains(
                QStringLiteral("showing %1 of %2").arg(problems).arg(m_panes->model()->rowCount())),
            qPrintable(m_panes->summaryText()));
        // Words in any order, each must match.
        QTest::keyClicks(m_panes->filterEdit(), QStringLiteral("grafana certs"));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, CheckResultsModel::TargetColumn).data().toString(),
                 QStringLiteral("https://grafana.example.com"));
        // The whole text of the selected row, with what to do.
        m_panes->table()->selectRow(0);
        QVERIFY2(m_panes->selectedText().contains(QLatin1String("expires in 5 days")),
                 qPrintable(m_panes->selectedText()));
        QVERIFY2(m_panes->selectedText().contains(QLatin1String("What to do:")),
                 qPrintable(m_panes->selectedText()));
        m_panes->filterEdit()->clear();
        // A host's results only.
        m_panes->showResultsFor(QStringLiteral("bracky"), {});
        QVERIFY(proxy->rowCount() > 0);
        for (int r = 0; r < proxy->rowCount(); ++r)
            QCOMPARE(proxy->index(r, 0).data(CheckResultsModel::HostRole).toString(),
                     QStringLiteral("bracky"));
        m_panes->showResultsFor({}, {});
        // Chosen by the user, it stays as chosen after the next run.
        m_panes->problemsOnlyBox()->setChecked(true);
        m_panes->problemsOnlyBox()->click();
        QVERIFY(!m_panes->problemsOnlyBox()->isChecked());
        QVERIFY(runAll());
        QVERIFY(!m_panes->problemsOnlyBox()->isChecked());
        QCOMPARE(proxy->rowCount(), m_panes->model()->rowCount());
    }

    void thresholdsFromTheSettings()
    {
        QSettings().setValue(QLatin1String(checksettings::kCriticalDays), 3);
        QVERIFY(runAll());
        const int grafana =
            rowOf(QStringLiteral("certs"), QStringLiteral("https://grafana.example.com"));
        QCOMPARE(m_panes->model()->result(grafana).severity, Health::Warning);
        QSettings().remove(QLatin1String(checksettings::kCriticalDays));
    }

    void aBackgroundRoundReplacesItsCategoryInPlace()
    {
        QVERIFY(runAll());
        CheckResultsModel *model = m_panes->model();
        QAbstractItemModelTester tester(model);
        const int rows = model->rowCount();
        const QString ha = QStringLiteral("https://ha.example.com");
        const int haRow = rowOf(QStringLiteral("certs"), ha);
        QVERIFY(haRow >= 0);
        QCOMPARE(model->result(haRow).severity, Health::Ok);
        QList<checks::CheckResult> others;
        for (const checks::CheckResult &r : model->results()) {
            if (r.category != QLatin1String("certs"))
                others << r;
        }

        // ha.example.com's certificate expires; a round of certs alone sees it.
        m_lab->setDemoCertificateExpired(QStringLiteral("ha.example.com"), true);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy round(m_panes, &ChecksPanes::roundFinished);
        int reported = -1;
        m_panes->runRound(QStringLiteral("certs"), [&](const QList<checks::CheckResult> &results,
                                                       qint64) { reported = int(results.size()); });
        QVERIFY(round.wait(60000));
        QCOMPARE(round.first().at(0).toStringList(), QStringList{QStringLiteral("certs")});
        const auto results = round.first().at(1).value<QList<checks::CheckResult>>();
        QCOMPARE(reported, int(results.size()));
        for (const checks::CheckResult &r : results)
            QCOMPARE(r.category, QStringLiteral("certs"));
        // The same targets: changed in place, nothing reset, added or removed.
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), int(results.size()));
        QCOMPARE(model->rowCount(), rows);
        QCOMPARE(rowOf(QStringLiteral("certs"), ha), haRow);
        QCOMPARE(model->result(haRow).severity, Health::Critical);
        QVERIFY2(model->result(haRow).summary.contains(QLatin1String("expired")),
                 qPrintable(model->result(haRow).summary));
        // The other categories' rows are as they were.
        int i = 0;
        for (const checks::CheckResult &r : model->results()) {
            if (r.category == QLatin1String("certs"))
                continue;
            QCOMPARE(r.target, others.at(i).target);
            QCOMPARE(r.summary, others.at(i).summary);
            ++i;
        }
        QCOMPARE(i, int(others.size()));
        // The badges follow: the URL label and the URL's item turn critical.
        StatusItem *label = m_window->topologyScene()->itemForId(TopologyScene::urlId(QUrl(ha)));
        QVERIFY(label);
        QCOMPARE(label->health(), Health::Critical);
        bool critical = false;
        for (const QString &id : m_hosts->idsForUrl(QUrl(ha)))
            critical = critical || m_hosts->indexForId(id).data(HostModel::HealthRole).toInt() ==
                                       int(Health::Critical);
        QVERIFY(critical);

        // And back.
        m_lab->setDemoCertificateExpired(QStringLiteral("ha.example.com"), false);
        m_panes->runRound(QStringLiteral("certs"));
        QVERIFY(round.wait(60000));
        QCOMPARE(model->result(haRow).severity, Health::Ok);
        QCOMPARE(label->health(), Health::Ok);
    }

    void theScheduleRunsEveryCategoryWithoutOverlap()
    {
        ChecksPanes::Background b;
        b.intervals.insert(QStringLiteral("routes"), std::chrono::seconds(60));
        QCOMPARE(b.interval(QStringLiteral("routes")), std::chrono::seconds(60));
        QCOMPARE(b.interval(QStringLiteral("certs")), std::chrono::seconds(6 * 3600));
        QCOMPARE(b.interval(QStringLiteral("k8s")), std::chrono::seconds(300));
        m_panes->setBackground(b);
        QSignalSpy round(m_panes, &ChecksPanes::roundFinished);
        m_panes->startBackground();
        checks::CheckSchedule *schedule = m_panes->schedule();
        QVERIFY(schedule);
        QCOMPARE(schedule->categories(), checks::allCategories());
        QCOMPARE(schedule->state(QStringLiteral("routes"))->interval, std::chrono::seconds(60));
        // A first round of each category at once, each reported once.
        QTRY_VERIFY_WITH_TIMEOUT(schedule->allRan(), 60000);
        QStringList seen;
        for (const QList<QVariant> &args : std::as_const(round))
            seen << args.at(0).toStringList();
        seen.sort();
        QStringList all = checks::allCategories();
        all.sort();
        QCOMPARE(seen, all);
        // One round each so far: the next are minutes away.
        for (const checks::CheckSchedule::State *s : schedule->states())
            QCOMPARE(s->rounds, quint64(1));
        m_panes->stopBackground();
        QVERIFY(!m_panes->schedule());
    }

    void theChecksSettingsPageAppliesAtOnce()
    {
        QSettings().clear();
        m_panes->setBackground(ChecksPanes::Background::load());
        ChecksSettingsPage page(m_panes);
        QSpinBox *certs = page.intervalBox(QStringLiteral("certs"));
        QVERIFY(certs);
        QCOMPARE(certs->value(), 360);
        QCOMPARE(page.intervalBox(QStringLiteral("gpu"))->value(), 5);
        m_panes->startBackground();
        QVERIFY(m_panes->schedule());
        page.intervalBox(QStringLiteral("gpu"))->setValue(15);
        page.apply();
        // Kept, and the running schedule uses it.
        QCOMPARE(ChecksPanes::Background::load().interval(QStringLiteral("gpu")),
                 std::chrono::seconds(15 * 60));
        QVERIFY(m_panes->schedule());
        QCOMPARE(m_panes->schedule()->state(QStringLiteral("gpu"))->interval,
                 std::chrono::milliseconds(15 * 60 * 1000));
        // Off stops it, and says so.
        page.enabledBox()->setChecked(false);
        QVERIFY(!m_panes->schedule());
        QVERIFY(!ChecksPanes::Background::load().enabled);
        page.enabledBox()->setChecked(true);
        QVERIFY(m_panes->schedule());
        m_panes->stopBackground();
        QSettings().clear();
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        m_window.reset();
    }
};

QTEST_MAIN(TestCheckUi)
#include "tst_checkui.moc"
