#include "tray/labtray.h"

#include "healthcolor.h"
#include "labsummary.h"
#include "mainwindow.h"
#include "notificationpolicy.h"
#include "settings/settingsdialog.h"
#include "tray/autostart.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>
#include <QtMath>

namespace labdeck {

namespace {

QPixmap drawIcon(Health health, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = healthColor(health);
    const qreal s = size;
    const QRectF box(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    QPainterPath shape;
    QString mark;
    switch (health) {
    case Health::Ok:
        shape.addEllipse(box);
        break;
    case Health::Warning: {
        QPolygonF tri;
        tri << QPointF(s * 0.5, s * 0.04) << QPointF(s * 0.97, s * 0.92)
            << QPointF(s * 0.03, s * 0.92);
        shape.addPolygon(tri);
        shape.closeSubpath();
        mark = QStringLiteral("!");
        break;
    }
    case Health::Critical: {
        QPolygonF oct;
        for (int i = 0; i < 8; ++i) {
            const qreal a = qDegreesToRadians(22.5 + 45.0 * i);
            oct << QPointF(s * 0.5 + s * 0.47 * qCos(a), s * 0.5 + s * 0.47 * qSin(a));
        }
        shape.addPolygon(oct);
        shape.closeSubpath();
        mark = QStringLiteral("!");
        break;
    }
    case Health::Unknown:
        break;
    }
    if (health == Health::Unknown) {
        // A ring: nothing known is never drawn as a filled, healthy shape.
        p.setPen(QPen(colour, s * 0.12));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s * 0.06, s * 0.06, -s * 0.06, -s * 0.06));
        mark = QStringLiteral("?");
        p.setPen(colour);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawPath(shape);
        p.setPen(Qt::white);
    }
    if (health == Health::Ok) {
        QPen tick(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(tick);
        p.drawPolyline(QPolygonF{QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68),
                                 QPointF(s * 0.72, s * 0.34)});
    } else {
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(int(s * 0.55));
        p.setFont(f);
        QRectF text = box;
        if (health == Health::Warning)
            text.translate(0, s * 0.1);
        p.drawText(text, Qt::AlignCenter, mark);
    }
    return pm;
}

} // namespace

LabTray::LabTray(MainWindow *window, LabSummary *summary, QAction *checkAll, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_summary(summary)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_show = m_menu->addAction(tr("&Show Labdeck"), this, &LabTray::showWindow);
    if (checkAll)
        m_menu->addAction(checkAll);
    m_menu->addSeparator();
    m_menu->addAction(tr("Settings..."), window, &MainWindow::openSettings);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit Labdeck"), window, &MainWindow::quitApplication);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    toggleWindow();
            });
    connect(summary, &LabSummary::changed, this, &LabTray::update);
    connect(window, &MainWindow::settingsCreated, this, &LabTray::addSettingsPage);
    window->setKeepRunningOnClose([this] { return keepRunningOnClose(); });
    update();
}

LabTray::~LabTray()
{
    delete m_menu;
}

bool LabTray::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon LabTray::iconFor(Health health)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(drawIcon(health, size));
    return icon;
}

bool LabTray::show()
{
    if (!available())
        return false;
    m_tray->show();
    return true;
}

bool LabTray::isShown() const
{
    return m_tray->isVisible();
}

QString LabTray::toolTip() const
{
    return m_tray->toolTip();
}

void LabTray::update()
{
    const Health worst = m_summary->worst();
    if (worst != m_health || m_tray->icon().isNull()) {
        m_health = worst;
        m_tray->setIcon(iconFor(worst));
    }
    m_tray->setToolTip(tr("Labdeck: %1").arg(m_summary->text()));
}

void LabTray::setNotificationPolicy(NotificationPolicy *policy)
{
    if (m_pause)
        return;
    m_policy = policy;
    m_pause = new QAction(tr("&Pause Notifications for 1 Hour"), this);
    m_pause->setCheckable(true);
    m_menu->insertAction(m_menu->actions().value(2), m_pause);
    auto *resume = new QTimer(this);
    resume->setSingleShot(true);
    connect(resume, &QTimer::timeout, m_pause, [this] { m_pause->setChecked(false); });
    connect(m_pause, &QAction::toggled, this, [policy, resume](bool on) {
        if (on) {
            policy->pause(QDateTime::currentDateTimeUtc().addSecs(3600));
            resume->start(3600 * 1000);
        } else {
            policy->pause(QDateTime());
            resume->stop();
        }
    });
}

void LabTray::showWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void LabTray::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->hide();
    else
        showWindow();
}

bool LabTray::keepRunningOnClose()
{
    if (!isShown())
        return false;
    QSettings settings;
    const QVariant chosen = settings.value(QLatin1String(kKeepRunningKey));
    if (chosen.isValid())
        return chosen.toBool();
    if (m_asking)
        return false;
    m_asking = true;
    QMessageBox box(QMessageBox::Question, tr("Keep Watching in the Tray?"),
                    tr("Labdeck can keep watching the lab from the system tray when its window is "
                       "closed: the tray icon shows the lab's worst state, and its menu brings the "
                       "window back."),
                    QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("You can change this later in Settings > Tray."));
    QPushButton *keep = box.addButton(tr("Keep Watching in Tray"), QMessageBox::AcceptRole);
    box.addButton(tr("Quit Labdeck"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    m_asking = false;
    const bool keepRunning = box.clickedButton() == keep;
    settings.setValue(QLatin1String(kKeepRunningKey), keepRunning);
    return keepRunning;
}

void LabTray::addSettingsPage(SettingsDialog *dialog)
{
    dialog->addPage(new TrayPage(m_policy), tr("&Tray"));
}

TrayPage::TrayPage(NotificationPolicy *policy, QWidget *parent)
    : QWidget(parent)
    , m_policy(policy)
    , m_debounce(new QSpinBox)
    , m_reminder(new QSpinBox)
    , m_quiet(new QCheckBox(tr("&Quiet hours, from")))
    , m_quietFrom(new QTimeEdit)
    , m_quietTo(new QTimeEdit)
    , m_keep(new QCheckBox(tr("&Keep watching in the system tray when the window is closed")))
    , m_autostart(new QCheckBox(tr("&Start Labdeck in the tray when I log in")))
    , m_note(new QLabel)
    , m_error(new QLabel)
{
    m_note->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    auto *where = new QLabel(tr("The login entry is %1").arg(Autostart::path()));
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_debounce->setRange(0, 3600);
    m_debounce->setSuffix(tr(" s"));
    m_debounce->setToolTip(tr("A problem must last this long before it is notified, so that a "
                              "flap says nothing"));
    m_reminder->setRange(1, 24 * 30);
    m_reminder->setSuffix(tr(" h"));
    m_reminder->setToolTip(tr("A problem that lasts is notified again at most this often"));
    m_quietFrom->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietTo->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *form = new QFormLayout;
    form->addRow(tr("Notify when a problem has lasted"), m_debounce);
    form->addRow(tr("Remind of a lasting problem every"), m_reminder);
    auto *quietRow = new QHBoxLayout;
    quietRow->addWidget(m_quietFrom);
    quietRow->addWidget(new QLabel(tr("to")));
    quietRow->addWidget(m_quietTo);
    quietRow->addStretch(1);
    form->addRow(m_quiet, quietRow);
    // Per kind of item: whether to notify at all, and its own wait.
    auto *kinds = new QGridLayout;
    kinds->addWidget(new QLabel(tr("Notify about")), 0, 0);
    kinds->addWidget(new QLabel(tr("after it lasted")), 0, 1);
    int row = 1;
    for (const QString &category : NotificationPolicy::categories()) {
        auto *box = new QCheckBox(NotificationPolicy::categoryTitle(category));
        auto *spin = new QSpinBox;
        spin->setRange(-1, 3600);
        spin->setSpecialValueText(tr("as above"));
        spin->setSuffix(tr(" s"));
        spin->setAccessibleName(
            tr("Wait before notifying about %1").arg(NotificationPolicy::categoryTitle(category)));
        kinds->addWidget(box, row, 0);
        kinds->addWidget(spin, row, 1);
        ++row;
        m_notifyCategory.insert(category, box);
        m_categoryDebounce.insert(category, spin);
    }
    form->addRow(kinds);
    auto *notifications = new QGroupBox(tr("Desktop notifications"));
    notifications->setLayout(form);
    notifications->setEnabled(policy != nullptr);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_keep);
    layout->addWidget(m_autostart);
    layout->addWidget(where);
    layout->addWidget(m_note);
    layout->addWidget(notifications);
    layout->addWidget(m_error);
    layout->addStretch(1);
    const auto save = [this] { saveNotifications(); };
    connect(m_debounce, &QSpinBox::valueChanged, this, save);
    connect(m_reminder, &QSpinBox::valueChanged, this, save);
    connect(m_quiet, &QCheckBox::toggled, this, save);
    connect(m_quietFrom, &QTimeEdit::timeChanged, this, save);
    connect(m_quietTo, &QTimeEdit::timeChanged, this, save);
    for (QCheckBox *box : std::as_const(m_notifyCategory))
        connect(box, &QCheckBox::toggled, this, save);
    for (QSpinBox *spin : std::as_const(m_categoryDebounce))
        connect(spin, &QSpinBox::valueChanged, this, save);
    connect(m_keep, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QLatin1String(LabTray::kKeepRunningKey), on); });
    connect(m_autostart, &QCheckBox::toggled, this, [this](bool on) {
        QString error;
        if (!Autostart::setEnabled(on, &error)) {
            m_error->setText(error);
            m_error->show();
        } else {
            m_error->hide();
        }
        refresh();
    });
    refresh();
}

void TrayPage::saveNotifications()
{
    NotificationPolicy::Settings s;
    s.debounce = std::chrono::seconds(m_debounce->value());
    s.reminder = std::chrono::hours(m_reminder->value());
    m_quietFrom->setEnabled(m_quiet->isChecked());
    m_quietTo->setEnabled(m_quiet->isChecked());
    if (m_quiet->isChecked()) {
        s.quietFrom = m_quietFrom->time();
        s.quietTo = m_quietTo->time();
    }
    for (auto it = m_notifyCategory.constBegin(); it != m_notifyCategory.constEnd(); ++it) {
        if (!it.value()->isChecked())
            s.mutedCategories.insert(it.key());
        const int seconds = m_categoryDebounce.value(it.key())->value();
        m_categoryDebounce.value(it.key())->setEnabled(it.value()->isChecked());
        if (seconds >= 0)
            s.categoryDebounce.insert(it.key(), std::chrono::seconds(seconds));
    }
    s.save();
    if (m_policy)
        m_policy->setSettings(s);
}

void TrayPage::refresh()
{
    const bool tray = LabTray::available();
    const QSignalBlocker keepBlock(m_keep);
    const QSignalBlocker autoBlock(m_autostart);
    {
        const NotificationPolicy::Settings s =
            m_policy ? m_policy->settings() : NotificationPolicy::Settings::load();
        const QSignalBlocker b1(m_debounce);
        const QSignalBlocker b2(m_reminder);
        const QSignalBlocker b3(m_quiet);
        const QSignalBlocker b4(m_quietFrom);
        const QSignalBlocker b5(m_quietTo);
        m_debounce->setValue(
            int(std::chrono::duration_cast<std::chrono::seconds>(s.debounce).count()));
        m_reminder->setValue(
            int(std::chrono::duration_cast<std::chrono::hours>(s.reminder).count()));
        const bool quiet = s.quietFrom.isValid() && s.quietTo.isValid();
        m_quiet->setChecked(quiet);
        m_quietFrom->setTime(quiet ? s.quietFrom : QTime(22, 0));
        m_quietTo->setTime(quiet ? s.quietTo : QTime(7, 0));
        m_quietFrom->setEnabled(quiet);
        m_quietTo->setEnabled(quiet);
        for (auto it = m_notifyCategory.constBegin(); it != m_notifyCategory.constEnd(); ++it) {
            QSpinBox *spin = m_categoryDebounce.value(it.key());
            const QSignalBlocker b6(it.value());
            const QSignalBlocker b7(spin);
            it.value()->setChecked(!s.mutedCategories.contains(it.key()));
            spin->setValue(s.categoryDebounce.contains(it.key())
                               ? int(std::chrono::duration_cast<std::chrono::seconds>(
                                         s.categoryDebounce.value(it.key()))
                                         .count())
                               : -1);
            spin->setEnabled(it.value()->isChecked());
        }
    }
    m_keep->setEnabled(tray);
    m_keep->setChecked(tray &&
                       QSettings().value(QLatin1String(LabTray::kKeepRunningKey), false).toBool());
    m_autostart->setChecked(Autostart::isEnabled());
    m_note->setText(tray ? tr("Closing the window with this on keeps Kubernetes watches, checks "
                              "and monitors running; File > Quit ends Labdeck.")
                         : tr("This desktop session has no system tray, so closing the window "
                              "quits Labdeck. A session started at login shows the window."));
}

} // namespace labdeck
