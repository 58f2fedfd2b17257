// The tray, under Xvfb on a private session bus with a stand-in tray host
// (support/fakesniwatcher): the StatusNotifierItem that the desktop reads
// has the colour of the lab's worst state and a tooltip that says what is
// wrong; closing the window keeps Labdeck running and the tray following the
// lab; Show brings the window back; the autostart entry is valid.
// Run by ctest through dbus-run-session and xvfb-run.

#include "healthcolor.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labselection.h"
#include "labsummary.h"
#include "mainwindow.h"
#include "tray/autostart.h"
#include "tray/labtray.h"

#include <QApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace labdeck;

namespace {

struct ItemState
{
    QString toolTip; // title and description
    QImage icon;     // the largest pixmap
    bool ok = false;
};

QVariant property(const QString &service, const QString &path, const QString &name)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        service, path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    call << QStringLiteral("org.kde.StatusNotifierItem") << name;
    // Through the bus daemon on a connection of its own, as the desktop
    // would; the item answers from this thread's event loop, which the call
    // keeps running.
    static QDBusConnection reader =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("tray-reader"));
    const QDBusMessage reply = reader.call(call, QDBus::BlockWithGui, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return reply.arguments().first().value<QDBusVariant>().variant();
}

// a(iiay), ARGB32 in network byte order: the largest one.
QImage readPixmaps(const QDBusArgument &arg)
{
    QImage best;
    arg.beginArray();
    while (!arg.atEnd()) {
        int w = 0;
        int h = 0;
        QByteArray data;
        arg.beginStructure();
        arg >> w >> h >> data;
        arg.endStructure();
        if (w <= 0 || h <= 0 || data.size() != qsizetype(w) * h * 4 || w <= best.width())
            continue;
        QImage img(w, h, QImage::Format_ARGB32);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const auto *p = reinterpret_cast<const uchar *>(data.constData()) + 4 * (y * w + x);
                img.setPixel(x, y, qRgba(p[1], p[2], p[3], p[0]));
            }
        best = img;
    }
    arg.endArray();
    return best;
}

ItemState readItem(const QString &service, const QString &path)
{
    ItemState s;
    const QVariant tip = property(service, path, QStringLiteral("ToolTip"));
    const QVariant icon = property(service, path, QStringLiteral("IconPixmap"));
    if (!tip.canConvert<QDBusArgument>() || !icon.canConvert<QDBusArgument>())
        return s;
    // (sa(iiay)ss): icon name, pixmaps, title, description.
    const QDBusArgument t = tip.value<QDBusArgument>();
    QString iconName;
    QString title;
    QString description;
    t.beginStructure();
    t >> iconName;
    readPixmaps(t);
    t >> title >> description;
    t.endStructure();
    s.toolTip = title + QLatin1Char('\n') + description;
    s.icon = readPixmaps(icon.value<QDBusArgument>());
    s.ok = !s.icon.isNull();
    return s;
}

bool near(QRgb pixel, const QColor &expected)
{
    return qAbs(qRed(pixel) - expected.red()) < 24 && qAbs(qGreen(pixel) - expected.green()) < 24 &&
           qAbs(qBlue(pixel) - expected.blue()) < 24 && qAlpha(pixel) > 200;
}

// A point inside every shape and outside its mark.
QRgb sample(const QImage &icon)
{
    return icon.pixel(icon.width() / 2, int(icon.height() * 0.14));
}

} // namespace

class TestTray : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tray"));
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no session bus (ctest runs this test through dbus-run-session)");
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        m_watcher.setProgram(QStringLiteral(LABDECK_FAKE_SNI_WATCHER));
        m_watcher.start();
        QVERIFY(m_watcher.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_watcher.canReadLine() || m_out.contains("ready"), 5000);
        m_out += m_watcher.readAll();
        QVERIFY2(m_out.contains("ready"), m_out.constData());
        QSettings().setValue(QLatin1String(LabTray::kKeepRunningKey), true);
    }

    void iconAndTooltipFollowTheLab()
    {
        QVERIFY2(LabTray::available(), "the stand-in tray host is not seen");
        HostModel model;
        model.setInventory(*InventoryLoader::loadBuiltIn().inventory);
        LabSelection selection;
        LabSummary summary(&model);
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        LabTray tray(&window, &summary, nullptr);
        QVERIFY(tray.show());
        QTRY_VERIFY_WITH_TIMEOUT(itemRegistered(), 10000);

        // Nothing known yet: the grey ring, and the tooltip says so.
        ItemState s = readItem(m_service, m_path);
        QVERIFY(s.ok);
        QVERIFY2(s.toolTip.contains(QLatin1String("Waiting for the lab's state")),
                 qPrintable(s.toolTip));
        QVERIFY(near(sample(s.icon), healthColor(Health::Unknown)));

        // Everything ok: green.
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const QStringList ids = model.ids();
        for (const QString &id : ids)
            QVERIFY(model.setHealth(id, Health::Ok, {}, at));
        QTRY_VERIFY_WITH_TIMEOUT(
            near(sample((s = readItem(m_service, m_path)).icon), healthColor(Health::Ok)), 5000);
        QVERIFY2(s.toolTip.contains(QStringLiteral("All %1 items ok").arg(ids.size())),
                 qPrintable(s.toolTip));

        // bracky NotReady: red, and the tooltip names it with what it carries.
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        QVERIFY(model.setHealth(bracky, Health::Critical, QStringLiteral("NotReady"), at));
        QTRY_VERIFY_WITH_TIMEOUT(
            near(sample((s = readItem(m_service, m_path)).icon), healthColor(Health::Critical)),
            5000);
        QVERIFY2(s.toolTip.contains(QLatin1String("1 critical: bracky NotReady")),
                 qPrintable(s.toolTip));
        QCOMPARE(tray.shownHealth(), Health::Critical);

        // Closing the window keeps Labdeck and the tray going.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy quitting(qApp, &QCoreApplication::aboutToQuit);
        QVERIFY(!window.close());
        QVERIFY(window.isHidden());
        QCoreApplication::processEvents();
        QCOMPARE(quitting.count(), 0);
        // ... and still follows the lab: bracky recovers while the window is closed.
        QVERIFY(model.setHealth(bracky, Health::Ok, QStringLiteral("Ready"), at));
        QTRY_VERIFY_WITH_TIMEOUT(
            near(sample((s = readItem(m_service, m_path)).icon), healthColor(Health::Ok)), 5000);

        // Show brings the window back.
        tray.showWindow();
        QTRY_VERIFY(window.isVisible());
    }

    void autostartEntryIsValid()
    {
        QString error;
        QVERIFY2(Autostart::setEnabled(true, &error, QStringLiteral("/opt/lab deck/bin/labdeck")),
                 qPrintable(error));
        QVERIFY(Autostart::isEnabled());
        QFile f(Autostart::path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("Exec=\"/opt/lab deck/bin/labdeck\" --minimized\n"),
                 text.constData());
        QProcess validate;
        validate.start(QStringLiteral("desktop-file-validate"), {Autostart::path()});
        if (validate.waitForStarted(5000)) {
            QVERIFY(validate.waitForFinished(10000));
            QVERIFY2(validate.exitCode() == 0, validate.readAll().constData());
        }
        QCOMPARE(Autostart::execLine(QStringLiteral("/usr/bin/labdeck")),
                 QStringLiteral("/usr/bin/labdeck --minimized"));
        QCOMPARE(Autostart::execLine(QStringLiteral("/a b/$x\\y")),
                 QStringLiteral("\"/a b/\\\\$x\\\\\\\\y\" --minimized"));
        QVERIFY(Autostart::setEnabled(false, &error));
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(!QFile::exists(Autostart::path()));
    }

    void cleanupTestCase()
    {
        QSettings().remove(QLatin1String(LabTray::kKeepRunningKey));
        m_watcher.kill();
        m_watcher.waitForFinished(5000);
    }

private:
    bool itemRegistered()
    {
        m_out += m_watcher.readAll();
        for (const QByteArray &line : m_out.split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 3 && parts.at(0) == "item") {
                m_service = QString::fromLatin1(parts.at(1));
                m_path = QString::fromLatin1(parts.at(2));
                return true;
            }
        }
        return false;
    }

    QProcess m_watcher;
    QByteArray m_out;
    QString m_service;
    QString m_path;
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
