#include "tray/desktopnotifier.h"

#include "labselection.h"
#include "tray/labtray.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace labdeck {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

uchar urgency(const NotificationPolicy::Note &note)
{
    if (note.kind == NotificationPolicy::Note::Kind::Recovered)
        return 0; // low
    return note.health == Health::Critical ? 2 : 1;
}

} // namespace

DesktopNotifier::DesktopNotifier(NotificationPolicy *policy, LabTray *tray, LabSelection *selection,
                                 QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_tray(tray)
    , m_selection(selection)
{
    connect(policy, &NotificationPolicy::notify, this, &DesktopNotifier::send);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(actionInvoked(uint, QString)));
        bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(notificationClosed(uint, uint)));
    }
}

void DesktopNotifier::send(const NotificationPolicy::Note &note)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        showInTray(note);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    QStringList actions{QStringLiteral("default"), tr("Open")};
    if (note.kind != NotificationPolicy::Note::Kind::Recovered)
        actions << QStringLiteral("mute") << tr("Mute 1 h");
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgency(note)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("io.github.labdeck.Labdeck"));
    hints.insert(QStringLiteral("category"), note.kind == NotificationPolicy::Note::Kind::Recovered
                                                 ? QStringLiteral("device")
                                                 : QStringLiteral("device.error"));
    call << QStringLiteral("Labdeck") << m_serverId.value(note.id, 0u)
         << QStringLiteral("io.github.labdeck.Labdeck") << note.summary << note.body << actions
         << hints << qint32(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 10000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, note](QDBusPendingCallWatcher *) {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    // No notification server in this session: the tray says it.
                    showInTray(note);
                    return;
                }
                ++m_toServer;
                const uint id = reply.value();
                m_items.insert(id, note.id);
                m_serverId.insert(note.id, id);
            });
}

void DesktopNotifier::showInTray(const NotificationPolicy::Note &note)
{
    if (!m_tray || !m_tray->isShown())
        return;
    ++m_toTray;
    const QSystemTrayIcon::MessageIcon icon =
        note.kind == NotificationPolicy::Note::Kind::Recovered ? QSystemTrayIcon::Information
        : note.health == Health::Critical                      ? QSystemTrayIcon::Critical
                                                               : QSystemTrayIcon::Warning;
    m_tray->trayIcon()->showMessage(note.summary, note.body, icon, 10000);
}

void DesktopNotifier::actionInvoked(uint id, const QString &action)
{
    const auto it = m_items.constFind(id);
    if (it == m_items.cend())
        return; // another program's notification
    const QString item = *it;
    if (action == QLatin1String("default") || action == QLatin1String("open")) {
        if (m_tray)
            m_tray->showWindow();
        if (m_selection && !item.isEmpty())
            m_selection->select(item);
    } else if (action == QLatin1String("mute")) {
        m_policy->mute(item, QDateTime::currentDateTimeUtc().addSecs(3600));
    }
}

void DesktopNotifier::notificationClosed(uint id, uint)
{
    const QString item = m_items.take(id);
    if (!item.isEmpty() && m_serverId.value(item) == id)
        m_serverId.remove(item);
}

} // namespace labdeck
