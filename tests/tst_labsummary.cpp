// LabSummary: the lab's worst state and its problems in one line, for the
// tray: what is down with a dead host is counted under it, not listed again;
// a problem elsewhere is still listed; contributions (alerts, checks) count.

#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labsummary.h"
#include "notificationpolicy.h"

#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace labdeck;

class TestLabSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_labsummary"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void init()
    {
        m_model = std::make_unique<HostModel>();
        m_model->setInventory(*InventoryLoader::loadBuiltIn().inventory);
    }

    void nothingKnownIsNotOk()
    {
        LabSummary s(m_model.get());
        QCOMPARE(s.worst(), Health::Unknown);
        QVERIFY(s.problems().isEmpty());
        QCOMPARE(s.text(), QStringLiteral("Waiting for the lab's state"));
        // Most things ok, one still unknown: not called ok.
        const QStringList ids = m_model->ids();
        for (const QString &id : ids.mid(1))
            QVERIFY(m_model->setHealth(id, Health::Ok, {}, now()));
        s.update();
        QCOMPARE(s.worst(), Health::Unknown);
        QVERIFY2(s.text().contains(QLatin1String("1 of")), qPrintable(s.text()));
    }

    void allOk()
    {
        LabSummary s(m_model.get());
        setAll(Health::Ok);
        s.update();
        QCOMPARE(s.worst(), Health::Ok);
        QCOMPARE(s.text(), QStringLiteral("All %1 items ok").arg(m_model->ids().size()));
    }

    void aDeadHostCarriesWhatRunsOnIt()
    {
        LabSummary s(m_model.get());
        setAll(Health::Ok);
        s.update();
        QSignalSpy changed(&s, &LabSummary::changed);
        // bracky NotReady: it and everything on it critical.
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        QVERIFY(m_model->setHealth(bracky, Health::Critical, QStringLiteral("NotReady"), now()));
        const QModelIndex host = m_model->indexForId(bracky);
        const int onIt = m_model->rowCount(host);
        QVERIFY(onIt > 0);
        for (int c = 0; c < onIt; ++c)
            QVERIFY(
                m_model->setHealth(m_model->index(c, 0, host).data(HostModel::IdRole).toString(),
                                   Health::Critical, QStringLiteral("on a NotReady node"), now()));
        // Elsewhere, a warning from a check.
        const QString metamon = HostModel::hostId(QStringLiteral("metamon"));
        QVERIFY(m_model->setContribution(metamon, QStringLiteral("alerts"), Health::Warning,
                                         QStringLiteral("1 alert firing")));
        QTRY_VERIFY(changed.count() > 0); // coalesced, not one per row
        QVERIFY(changed.count() < 3);
        QCOMPARE(s.worst(), Health::Critical);
        QCOMPARE(s.problems().size(), 2);
        QCOMPARE(s.problems().at(0).id, bracky);
        QCOMPARE(s.problems().at(0).affected, onIt);
        QCOMPARE(s.problems().at(1).id, metamon);
        QCOMPARE(s.problems().at(1).health, Health::Warning);
        QCOMPARE(s.count(Health::Critical), 1);
        QCOMPARE(s.text(), QStringLiteral("1 critical: bracky NotReady (%1 more affected); 1 "
                                          "warning: metamon 1 alert firing")
                               .arg(onIt));

        // A workload on a healthy host is its own problem.
        const QString shlink =
            HostModel::workloadId(QStringLiteral("apps"), QStringLiteral("shlink"));
        if (m_model->indexForId(shlink).parent() != host) {
            QVERIFY(
                m_model->setHealth(shlink, Health::Critical, QStringLiteral("OOMKilled"), now()));
            s.update();
            QCOMPARE(s.count(Health::Critical), 2);
        }
        // Recovered: back to ok.
        setAll(Health::Ok);
        m_model->clearContributions(QStringLiteral("alerts"));
        s.update();
        QCOMPARE(s.worst(), Health::Ok);
        QVERIFY(s.problems().isEmpty());
    }

    void quietHoursHoldNotifications()
    {
        using namespace std::chrono_literals;
        NotificationPolicy::Settings q;
        q.quietFrom = QTime(22, 0);
        q.quietTo = QTime(7, 0);
        QVERIFY(NotificationPolicy::isQuiet(q, QTime(23, 30)));
        QVERIFY(NotificationPolicy::isQuiet(q, QTime(6, 59)));
        QVERIFY(!NotificationPolicy::isQuiet(q, QTime(7, 0)));
        QVERIFY(!NotificationPolicy::isQuiet(q, QTime(12, 0)));
        q.quietFrom = QTime(13, 0);
        q.quietTo = QTime(14, 0);
        QVERIFY(NotificationPolicy::isQuiet(q, QTime(13, 30)));
        QVERIFY(!NotificationPolicy::isQuiet(q, QTime(23, 0)));

        LabSummary s(m_model.get());
        setAll(Health::Ok);
        s.update();
        NotificationPolicy policy(&s);
        // A night in local time.
        QDateTime clock = QDateTime(QDate(2026, 12, 3), QTime(23, 0)).toUTC();
        policy.setClock([&clock] { return clock; });
        NotificationPolicy::Settings settings;
        settings.debounce = 60s;
        settings.quietFrom = QTime(22, 0);
        settings.quietTo = QTime(7, 0);
        policy.setSettings(settings);
        QList<NotificationPolicy::Note> notes;
        connect(&policy, &NotificationPolicy::notify, this,
                [&notes](const NotificationPolicy::Note &n) { notes << n; });
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        QVERIFY(m_model->setHealth(bracky, Health::Critical, QStringLiteral("NotReady"), now()));
        s.update(); // evaluates the policy
        clock = clock.addSecs(600);
        policy.evaluate();
        QVERIFY(notes.isEmpty()); // quiet
        // A flap at night is forgotten: metamon comes and goes.
        const QString metamon = HostModel::hostId(QStringLiteral("metamon"));
        QVERIFY(m_model->setHealth(metamon, Health::Critical, QStringLiteral("NotReady"), now()));
        s.update();
        QVERIFY(m_model->setHealth(metamon, Health::Ok, QStringLiteral("Ready"), now()));
        s.update();
        // 07:01: what still holds is said, once.
        clock = QDateTime(QDate(2026, 12, 4), QTime(7, 1)).toUTC();
        policy.evaluate();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().id, bracky);
        QCOMPARE(notes.first().kind, NotificationPolicy::Note::Kind::Problem);
        policy.evaluate();
        QCOMPARE(notes.size(), 1);
        // Twelve hours on, a reminder; then recovered, with how long.
        clock = clock.addSecs(12 * 3600);
        policy.evaluate();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.last().kind, NotificationPolicy::Note::Kind::Reminder);
        QVERIFY(m_model->setHealth(bracky, Health::Ok, QStringLiteral("Ready"), now()));
        s.update();
        QCOMPARE(notes.size(), 3);
        QCOMPARE(notes.last().kind, NotificationPolicy::Note::Kind::Recovered);
        QVERIFY2(notes.last().body.startsWith(QLatin1String("after 20h")),
                 qPrintable(notes.last().body));
    }

    void eachKindHasItsOwnWaitAndMute()
    {
        using namespace std::chrono_literals;
        // Every item of the lab is of one kind.
        QSet<QString> kinds;
        for (const QString &id : m_model->ids()) {
            const QString kind = NotificationPolicy::categoryOf(id);
            QVERIFY2(NotificationPolicy::categories().contains(kind), qPrintable(id));
            kinds.insert(kind);
        }
        QVERIFY(kinds.contains(QStringLiteral("hosts")));
        QVERIFY(kinds.contains(QStringLiteral("workloads")));
        QCOMPARE(NotificationPolicy::categoryOf(QStringLiteral("url:https://ha.example.com")),
                 QStringLiteral("urls"));

        LabSummary s(m_model.get());
        setAll(Health::Ok);
        s.update();
        NotificationPolicy policy(&s);
        QDateTime clock = QDateTime(QDate(2026, 12, 4), QTime(12, 0)).toUTC();
        policy.setClock([&clock] { return clock; });
        NotificationPolicy::Settings settings;
        settings.debounce = 60s;
        settings.categoryDebounce.insert(QStringLiteral("compose"), 10min);
        settings.mutedCategories.insert(QStringLiteral("workloads"));
        policy.setSettings(settings);
        QCOMPARE(settings.debounceFor(HostModel::hostId(QStringLiteral("pochama"))), 60s);
        QCOMPARE(settings.debounceFor(HostModel::composeId(QStringLiteral("nextcloud"))), 10min);
        QList<NotificationPolicy::Note> notes;
        connect(&policy, &NotificationPolicy::notify, this,
                [&notes](const NotificationPolicy::Note &n) { notes << n; });

        // A host, a Compose service and a workload on a healthy node go bad at once.
        const QString host = HostModel::hostId(QStringLiteral("pochama"));
        QString compose;
        QString workload;
        for (const QString &id : m_model->ids()) {
            if (compose.isEmpty() && id.startsWith(QLatin1String("compose:")))
                compose = id;
            if (workload.isEmpty() && id.startsWith(QLatin1String("workload:")))
                workload = id;
        }
        QVERIFY(!compose.isEmpty() && !workload.isEmpty());
        QVERIFY(m_model->setHealth(host, Health::Warning, QStringLiteral("disk 91 % full"), now()));
        QVERIFY(m_model->setHealth(compose, Health::Critical, QStringLiteral("exited"), now()));
        QVERIFY(m_model->setHealth(workload, Health::Critical, QStringLiteral("CrashLoopBackOff"),
                                   now()));
        s.update();
        clock = clock.addSecs(61);
        policy.evaluate();
        // The host after the general minute; the Compose service waits its ten.
        QStringList ids;
        for (const auto &n : std::as_const(notes))
            ids << n.id;
        QVERIFY2(ids.contains(host), qPrintable(ids.join(QLatin1Char(','))));
        QVERIFY2(!ids.contains(compose) && !ids.contains(workload),
                 qPrintable(ids.join(QLatin1Char(','))));
        clock = clock.addSecs(10 * 60);
        policy.evaluate();
        ids.clear();
        for (const auto &n : std::as_const(notes))
            ids << n.id;
        QVERIFY2(ids.contains(compose), qPrintable(ids.join(QLatin1Char(','))));
        // Workloads are muted as a kind: never said.
        QVERIFY(!ids.contains(workload));
        QVERIFY(policy.isCategoryMuted(QStringLiteral("workloads")));

        // A kind muted for an hour: its recovery is not said either, the host's is.
        policy.muteCategory(QStringLiteral("compose"), clock.addSecs(3600));
        QVERIFY(policy.isCategoryMuted(QStringLiteral("compose")));
        const int before = int(notes.size());
        QVERIFY(m_model->setHealth(compose, Health::Ok, QStringLiteral("running"), now()));
        QVERIFY(m_model->setHealth(host, Health::Ok, QStringLiteral("disk 40 % full"), now()));
        s.update();
        QCOMPARE(notes.size(), before + 1);
        QCOMPARE(notes.last().id, host);
        QCOMPARE(notes.last().kind, NotificationPolicy::Note::Kind::Recovered);
        clock = clock.addSecs(3601);
        QVERIFY(!policy.isCategoryMuted(QStringLiteral("compose")));

        // The settings keep both.
        settings.save();
        const NotificationPolicy::Settings loaded = NotificationPolicy::Settings::load();
        QCOMPARE(loaded.categoryDebounce.value(QStringLiteral("compose")), 10min);
        QVERIFY(loaded.mutedCategories.contains(QStringLiteral("workloads")));
        QVERIFY(!loaded.mutedCategories.contains(QStringLiteral("hosts")));
    }

    void longListsAreCut()
    {
        LabSummary s(m_model.get());
        setAll(Health::Warning);
        s.update();
        QVERIFY(s.problems().size() > 4);
        QVERIFY2(s.text(2).contains(QStringLiteral("and %1 more").arg(s.problems().size() - 2)),
                 qPrintable(s.text(2)));
    }

private:
    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }
    void setAll(Health h)
    {
        for (const QString &id : m_model->ids())
            QVERIFY(m_model->setHealth(id, h, {}, now()));
    }

    std::unique_ptr<HostModel> m_model;
};

QTEST_MAIN(TestLabSummary)
#include "tst_labsummary.moc"
