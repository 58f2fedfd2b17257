#pragma once

// Sends NotificationPolicy's notes as desktop notifications: through
// org.freedesktop.Notifications on the session bus (the Desktop
// Notifications spec: urgency by severity, the actions Open and Mute 1 h, a
// later note about the same item replacing the earlier one), or, when no
// notification server answers, as a tray balloon. Nothing blocks: the
// D-Bus call is asynchronous. UI thread.

#include "notificationpolicy.h"

#include <QHash>
#include <QObject>

namespace labdeck {

class LabSelection;
class LabTray;

class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    DesktopNotifier(NotificationPolicy *policy, LabTray *tray, LabSelection *selection,
                    QObject *parent = nullptr);

    // How many notes went to the desktop's server, and how many to the tray.
    [[nodiscard]] int sentToServer() const { return m_toServer; }
    [[nodiscard]] int sentToTray() const { return m_toTray; }

private Q_SLOTS:
    void actionInvoked(uint id, const QString &action);
    void notificationClosed(uint id, uint reason);

private:
    void send(const NotificationPolicy::Note &note);
    void showInTray(const NotificationPolicy::Note &note);

    NotificationPolicy *m_policy;
    LabTray *m_tray;
    LabSelection *m_selection;
    QHash<uint, QString> m_items;    // server's id -> lab tree id
    QHash<QString, uint> m_serverId; // lab tree id -> the server's id of its last note
    int m_toServer = 0;
    int m_toTray = 0;
};

} // namespace labdeck
