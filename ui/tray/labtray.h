#pragma once

// Resident mode: the lab in the system tray. The icon has the colour and the
// shape of the lab's worst state (a green circle, an amber triangle, a red
// octagon, a grey ring while nothing is known), the tooltip says what is
// wrong (LabSummary), and the menu has Show, Check All and Quit. Closing the
// window keeps Labdeck watching in the tray when the user chose so (asked
// the first time, changeable in Settings > Tray); without a tray in the
// session, closing quits as before and Settings says why. UI thread.

#include "common/health.h"

#include <QCoreApplication>
#include <QHash>
#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QSpinBox;
class QTimeEdit;
class QMenu;
class QSystemTrayIcon;

namespace labdeck {

class LabSummary;
class MainWindow;
class NotificationPolicy;
class SettingsDialog;

class LabTray final : public QObject
{
    Q_OBJECT
public:
    // QSettings key: true keep running in the tray, false quit; absent: ask.
    static constexpr const char *kKeepRunningKey = "tray/keepRunning";

    // checkAll may be null (no checks).
    LabTray(MainWindow *window, LabSummary *summary, QAction *checkAll, QObject *parent = nullptr);
    ~LabTray() override;

    // A tray (StatusNotifier host or XEmbed tray) is there in this session.
    [[nodiscard]] static bool available();
    // The icon of a state (drawn, so it needs no theme).
    [[nodiscard]] static QIcon iconFor(Health health);

    // Shows the icon (when available()); true when it is shown.
    bool show();
    [[nodiscard]] bool isShown() const;
    [[nodiscard]] QSystemTrayIcon *trayIcon() const { return m_tray; }
    [[nodiscard]] QString toolTip() const;
    [[nodiscard]] Health shownHealth() const { return m_health; }

    void showWindow();
    void toggleWindow();
    // Adds "Pause Notifications for 1 Hour" to the menu.
    void setNotificationPolicy(NotificationPolicy *policy);
    [[nodiscard]] QAction *pauseAction() const { return m_pause; }

private:
    void update();
    bool keepRunningOnClose();
    void addSettingsPage(SettingsDialog *dialog);

    MainWindow *m_window;
    LabSummary *m_summary;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_show;
    QAction *m_pause = nullptr;
    NotificationPolicy *m_policy = nullptr;
    Health m_health = Health::Unknown;
    bool m_asking = false;
};

// Settings > Tray: keep watching in the tray when the window closes, start
// at login (an XDG autostart entry, off by default), and when notifications
// are sent (debounce, reminder, quiet hours; applied at once to policy).
class TrayPage final : public QWidget
{
    Q_OBJECT
public:
    explicit TrayPage(NotificationPolicy *policy, QWidget *parent = nullptr);
    void refresh();

private:
    void saveNotifications();

    NotificationPolicy *m_policy;
    QSpinBox *m_debounce;
    QSpinBox *m_reminder;
    QCheckBox *m_quiet;
    QTimeEdit *m_quietFrom;
    QTimeEdit *m_quietTo;
    QHash<QString, QCheckBox *> m_notifyCategory;
    QHash<QString, QSpinBox *> m_categoryDebounce;
    QCheckBox *m_keep;
    QCheckBox *m_autostart;
    QLabel *m_note;
    QLabel *m_error;
};

} // namespace labdeck
