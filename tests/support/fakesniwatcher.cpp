// A stand-in for a desktop's tray host on a private session bus: owns
// org.kde.StatusNotifierWatcher as KDE Plasma and GNOME's AppIndicator
// extension do, says a host is registered, and prints each item that
// registers ("item <bus name> <object path>") so that a test can read the
// item's icon and tooltip over D-Bus as the desktop would. With
// --notifications it also owns org.freedesktop.Notifications, prints each
// Notify call ("notify <id> <replaces_id> <urgency>\t<summary>\t<body>\t<action
// keys>"), and on a line "invoke <id> <action>" on stdin emits ActionInvoked
// as a notification server does when the user clicks. Prints "ready" once it
// owns the names.

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QObject>
#include <QSocketNotifier>
#include <QStringList>
#include <QTextStream>
#include <QVariantMap>
#include <unistd.h>

class Watcher : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
public:
    [[nodiscard]] QStringList items() const { return m_items; }
    [[nodiscard]] bool hostRegistered() const { return true; }
    [[nodiscard]] int protocolVersion() const { return 0; }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &serviceOrPath)
    {
        // A bus name, or an object path on the caller's connection.
        QString service = serviceOrPath;
        QString path = QStringLiteral("/StatusNotifierItem");
        if (serviceOrPath.startsWith(QLatin1Char('/'))) {
            service = message().service();
            path = serviceOrPath;
        }
        m_items << service + path;
        QTextStream(stdout) << "item " << service << ' ' << path << Qt::endl;
        Q_EMIT StatusNotifierItemRegistered(service + path);
    }
    void RegisterStatusNotifierHost(const QString &) {}

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &item);
    void StatusNotifierItemUnregistered(const QString &item);
    void StatusNotifierHostRegistered();

private:
    QStringList m_items;
};

class Notifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    void invoke(uint id, const QString &action)
    {
        Q_EMIT ActionInvoked(id, action);
        Q_EMIT NotificationClosed(id, 2);
    }

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appName);
        Q_UNUSED(appIcon);
        Q_UNUSED(expireTimeout);
        const uint id = replacesId != 0 ? replacesId : ++m_next;
        QStringList keys;
        for (int i = 0; i + 1 < actions.size(); i += 2)
            keys << actions.at(i);
        QTextStream(stdout) << "notify " << id << ' ' << replacesId << ' '
                            << hints.value(QStringLiteral("urgency")).toInt() << '\t' << summary
                            << '\t' << body << '\t' << keys.join(QLatin1Char(',')) << Qt::endl;
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion)
    {
        vendor = QStringLiteral("labdeck-test");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("fakenotifications");
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_next = 0;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        QTextStream(stderr) << "fakesniwatcher: no session bus" << Qt::endl;
        return 1;
    }
    Watcher watcher;
    if (!bus.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals |
                                QDBusConnection::ExportAllProperties) ||
        !bus.registerService(QStringLiteral("org.kde.StatusNotifierWatcher"))) {
        QTextStream(stderr) << "fakesniwatcher: cannot own org.kde.StatusNotifierWatcher"
                            << Qt::endl;
        return 1;
    }
    Notifications notifications;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    if (app.arguments().contains(QStringLiteral("--notifications"))) {
        if (!bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &notifications,
                                QDBusConnection::ExportAllSlots |
                                    QDBusConnection::ExportAllSignals) ||
            !bus.registerService(QStringLiteral("org.freedesktop.Notifications"))) {
            QTextStream(stderr) << "fakesniwatcher: cannot own org.freedesktop.Notifications"
                                << Qt::endl;
            return 1;
        }
        QObject::connect(&input, &QSocketNotifier::activated, &app, [&notifications, &input] {
            char buf[256];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf - 1);
            if (n <= 0) {
                input.setEnabled(false);
                return;
            }
            for (const QByteArray &line : QByteArray(buf, int(n)).split('\n')) {
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() == 3 && parts.at(0) == "invoke")
                    notifications.invoke(parts.at(1).toUInt(), QString::fromLatin1(parts.at(2)));
            }
        });
    } else {
        input.setEnabled(false);
    }
    QTextStream(stdout) << "ready" << Qt::endl;
    return app.exec();
}

#include "fakesniwatcher.moc"
