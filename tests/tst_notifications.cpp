// Desktop notifications against a real D-Bus: a private session bus whose
// org.freedesktop.Notifications is a recording stand-in
// (support/fakesniwatcher --notifications). Transitions only, a debounce
// that swallows flaps, one notification for a dead host and what runs on it,
// "recovered" with how long it lasted, urgency by severity, and the actions:
// Open raises the window with the item selected, Mute 1 h silences it.
// Run by ctest through dbus-run-session and xvfb-run.

#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labselection.h"
#include "labsummary.h"
#include "mainwindow.h"
#include "notificationpolicy.h"
#include "tray/desktopnotifier.h"
#include "tray/labtray.h"

#include <QApplication>
#include <QDBusConnection>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace labdeck;
using namespace std::chrono_literals;

namespace {

struct Sent
{
    uint id = 0;
    uint replaces = 0;
    int urgency = -1;
    QString summary;
    QString body;
    QStringList actions;
};

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_notifications"));
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no session bus (ctest runs this test through dbus-run-session)");
        m_server.setProgram(QStringLiteral(LABDECK_FAKE_SNI_WATCHER));
        m_server.setArguments({QStringLiteral("--notifications")});
        m_server.start();
        QVERIFY(m_server.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT((m_out += m_server.readAll()).contains("ready"), 5000);
        QSettings().setValue(QLatin1String(LabTray::kKeepRunningKey), true);

        m_model.setInventory(*InventoryLoader::loadBuiltIn().inventory);
        for (const QString &id : m_model.ids())
            QVERIFY(m_model.setHealth(id, Health::Ok, {}, now()));
        m_summary = std::make_unique<LabSummary>(&m_model);
        m_window = std::make_unique<MainWindow>(&m_model, &m_selection);
        m_window->useDefaultLayout();
        m_tray = std::make_unique<LabTray>(m_window.get(), m_summary.get(), nullptr);
        m_tray->show();
        m_policy = std::make_unique<NotificationPolicy>(m_summary.get());
        NotificationPolicy::Settings s;
        s.debounce = 400ms;
        s.reminder = 24h;
        m_policy->setSettings(s);
        m_notifier = std::make_unique<DesktopNotifier>(m_policy.get(), m_tray.get(), &m_selection);
        m_tray->setNotificationPolicy(m_policy.get());
    }

    void aDeadHostIsOneNotificationAfterTheDebounce()
    {
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        const QModelIndex host = m_model.indexForId(bracky);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(m_model.setHealth(bracky, Health::Critical, QStringLiteral("NotReady"), now()));
        const int onIt = m_model.rowCount(host);
        for (int c = 0; c < onIt; ++c)
            QVERIFY(m_model.setHealth(m_model.index(c, 0, host).data(HostModel::IdRole).toString(),
                                      Health::Critical, QStringLiteral("on a NotReady node"),
                                      now()));
        QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 1, 5000);
        // Not before the state held for the debounce.
        QVERIFY2(clock.elapsed() >= 400, qPrintable(QString::number(clock.elapsed())));
        const Sent n = sent().first();
        QCOMPARE(n.summary, QStringLiteral("bracky NotReady"));
        QVERIFY2(n.body.contains(QStringLiteral("%1 more affected").arg(onIt)), qPrintable(n.body));
        QCOMPARE(n.urgency, 2);
        QCOMPARE(n.actions, QStringList({QStringLiteral("default"), QStringLiteral("mute")}));
        m_braky = n.id;

        // The same state again, or the count of what it carries changing, says nothing more.
        QVERIFY(m_model.setHealth(bracky, Health::Critical, QStringLiteral("NotReady"), now()));
        // Bounded check that nothing more is sent: none within twice the debounce.
        QVERIFY(!QTest::qWaitFor([&] { return sent().size() > 1; }, 900));
    }

    void aFlapSaysNothing()
    {
        const int before = sent().size();
        const QString metamon = HostModel::hostId(QStringLiteral("metamon"));
        QVERIFY(m_model.setContribution(metamon, QStringLiteral("alerts"), Health::Warning,
                                        QStringLiteral("1 alert firing")));
        // The warning holds for 150 ms, less than the debounce, and nothing is sent meanwhile.
        QVERIFY(!QTest::qWaitFor([&] { return sent().size() > before; }, 150));
        QVERIFY(m_model.setContribution(metamon, QStringLiteral("alerts"), Health::Unknown, {}));
        // Bounded check that the flap says nothing: no notification within twice the debounce.
        QVERIFY(!QTest::qWaitFor([&] { return sent().size() > before; }, 900));
    }

    void openRaisesTheWindowWithTheItemSelected()
    {
        QVERIFY(m_braky != 0);
        m_window->hide();
        m_selection.clear();
        m_server.write(QStringLiteral("invoke %1 default\n").arg(m_braky).toLatin1());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isVisible(), 5000);
        QCOMPARE(m_selection.current(), HostModel::hostId(QStringLiteral("bracky")));
    }

    void recoveredSaysHowLongItLasted()
    {
        const int before = sent().size();
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        const QModelIndex host = m_model.indexForId(bracky);
        QVERIFY(m_model.setHealth(bracky, Health::Ok, QStringLiteral("Ready"), now()));
        for (int c = 0; c < m_model.rowCount(host); ++c)
            QVERIFY(m_model.setHealth(m_model.index(c, 0, host).data(HostModel::IdRole).toString(),
                                      Health::Ok, {}, now()));
        QTRY_COMPARE_WITH_TIMEOUT(sent().size(), before + 1, 5000);
        const Sent n = sent().last();
        QCOMPARE(n.summary, QStringLiteral("bracky recovered"));
        QVERIFY2(n.body.startsWith(QLatin1String("after ")), qPrintable(n.body));
        QVERIFY2(n.body.contains(QLatin1String("critical: NotReady")), qPrintable(n.body));
        QCOMPARE(n.urgency, 0);
        QCOMPARE(n.actions, QStringList{QStringLiteral("default")});
    }

    void muteSilencesTheItem()
    {
        const QString pochama = HostModel::hostId(QStringLiteral("pochama"));
        int before = sent().size();
        QVERIFY(
            m_model.setHealth(pochama, Health::Warning, QStringLiteral("disk 91 % full"), now()));
        QTRY_COMPARE_WITH_TIMEOUT(sent().size(), before + 1, 5000);
        const Sent n = sent().last();
        QCOMPARE(n.urgency, 1);
        m_server.write(QStringLiteral("invoke %1 mute\n").arg(n.id).toLatin1());
        QTRY_VERIFY_WITH_TIMEOUT(m_policy->isMuted(pochama), 5000);
        // Worse, then over: nothing while muted.
        before = sent().size();
        QVERIFY(m_model.setHealth(pochama, Health::Critical, QStringLiteral("disk full"), now()));
        // Bounded checks that a muted item says nothing, worse or recovered.
        QVERIFY(!QTest::qWaitFor([&] { return sent().size() > before; }, 900));
        QVERIFY(m_model.setHealth(pochama, Health::Ok, QStringLiteral("disk 40 % full"), now()));
        QVERIFY(!QTest::qWaitFor([&] { return sent().size() > before; }, 300));
    }

    void pauseSilencesEverything()
    {
        QVERIFY(m_tray->pauseAction());
        m_tray->pauseAction()->setChecked(true);
        QVERIFY(m_policy->isPaused());
        const int before = sent().size();
        const QString metamon = HostModel::hostId(QStringLiteral("metamon"));
        QVERIFY(m_model.setHealth(metamon, Health::Critical, QStringLiteral("NotReady"), now()));
        // Bounded check that a pause holds everything: nothing within twice the debounce.
        QVERIFY(!QTest::qWaitFor([&] { return sent().size() > before; }, 900));
        m_tray->pauseAction()->setChecked(false);
        QVERIFY(!m_policy->isPaused());
        QVERIFY(m_model.setHealth(metamon, Health::Ok, QStringLiteral("Ready"), now()));
    }

    void cleanupTestCase()
    {
        m_notifier.reset();
        m_policy.reset();
        m_tray.reset();
        m_window.reset();
        m_summary.reset();
        QSettings().remove(QLatin1String(LabTray::kKeepRunningKey));
        m_server.kill();
        m_server.waitForFinished(5000);
    }

private:
    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }

    QList<Sent> sent()
    {
        m_out += m_server.readAll();
        QList<Sent> list;
        for (const QByteArray &line : m_out.split('\n')) {
            if (!line.startsWith("notify "))
                continue;
            const QList<QByteArray> fields = line.split('\t');
            const QList<QByteArray> head = fields.value(0).split(' ');
            Sent s;
            s.id = head.value(1).toUInt();
            s.replaces = head.value(2).toUInt();
            s.urgency = head.value(3).toInt();
            s.summary = QString::fromUtf8(fields.value(1));
            s.body = QString::fromUtf8(fields.value(2));
            s.actions =
                QString::fromUtf8(fields.value(3)).split(QLatin1Char(','), Qt::SkipEmptyParts);
            list << s;
        }
        return list;
    }

    QProcess m_server;
    QByteArray m_out;
    HostModel m_model;
    LabSelection m_selection;
    std::unique_ptr<LabSummary> m_summary;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<LabTray> m_tray;
    std::unique_ptr<NotificationPolicy> m_policy;
    std::unique_ptr<DesktopNotifier> m_notifier;
    uint m_braky = 0;
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
