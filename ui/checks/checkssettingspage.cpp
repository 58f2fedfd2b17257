#include "checks/checkssettingspage.h"

#include "checks/checkschedule.h"
#include "checks/checkspanes.h"
#include "common/format.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace labdeck {

ChecksSettingsPage::ChecksSettingsPage(ChecksPanes *checks, QWidget *parent)
    : QWidget(parent)
    , m_checks(checks)
    , m_enabled(new QCheckBox(tr("&Run the checks in the background, also while the window is "
                                 "closed to the tray")))
    , m_applyTimer(new QTimer(this))
    , m_stateTimer(new QTimer(this))
{
    const ChecksPanes::Background b = checks->background();
    m_enabled->setChecked(b.enabled);
    auto *form = new QFormLayout;
    for (const QString &category : checks::allCategories()) {
        auto *spin = new QSpinBox;
        spin->setRange(1, 7 * 24 * 60);
        spin->setSuffix(tr(" min"));
        spin->setValue(
            int(std::chrono::duration_cast<std::chrono::minutes>(b.interval(category)).count()));
        spin->setAccessibleName(tr("Interval of %1").arg(categoryTitle(category)));
        auto *state = new QLabel;
        state->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *row = new QHBoxLayout;
        row->addWidget(spin);
        row->addWidget(state, 1);
        form->addRow(categoryTitle(category), row);
        m_minutes.insert(category, spin);
        m_states.insert(category, state);
        connect(spin, &QSpinBox::valueChanged, m_applyTimer, qOverload<>(&QTimer::start));
    }
    auto *every = new QGroupBox(tr("Every"));
    every->setLayout(form);
    auto *defaults = new QPushButton(tr("&Defaults"));
    defaults->setToolTip(tr("Certificates every 6 hours, everything else every 5 minutes"));
    auto *note = new QLabel(
        tr("A round never starts while the last one of its category still runs. When every "
           "target of a category timed out, it waits twice, then four times as long, until one "
           "answers again."));
    note->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(defaults);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addWidget(every);
    layout->addLayout(buttons);
    layout->addWidget(note);
    layout->addStretch(1);

    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(500);
    connect(m_applyTimer, &QTimer::timeout, this, &ChecksSettingsPage::apply);
    connect(m_enabled, &QCheckBox::toggled, this, [this, every](bool on) {
        every->setEnabled(on);
        apply();
    });
    every->setEnabled(b.enabled);
    connect(defaults, &QPushButton::clicked, this, [this] {
        for (auto it = m_minutes.constBegin(); it != m_minutes.constEnd(); ++it) {
            const QSignalBlocker block(it.value());
            it.value()->setValue(int(std::chrono::duration_cast<std::chrono::minutes>(
                                         ChecksPanes::Background::defaultInterval(it.key()))
                                         .count()));
        }
        apply();
    });
    m_stateTimer->setInterval(5000);
    connect(m_stateTimer, &QTimer::timeout, this, &ChecksSettingsPage::refreshStates);
    m_stateTimer->start();
    refreshStates();
}

QString ChecksSettingsPage::categoryTitle(const QString &category)
{
    if (category == QLatin1String("certs"))
        return tr("Certificates");
    if (category == QLatin1String("routes"))
        return tr("Traefik routes");
    if (category == QLatin1String("endpoints"))
        return tr("Endpoints and NodePorts");
    if (category == QLatin1String("tunnels"))
        return tr("Tailscale tunnels");
    if (category == QLatin1String("k8s"))
        return tr("Kubernetes");
    if (category == QLatin1String("prometheus"))
        return tr("Prometheus");
    if (category == QLatin1String("gpu"))
        return tr("GPU and Ollama");
    return category;
}

void ChecksSettingsPage::apply()
{
    m_applyTimer->stop();
    ChecksPanes::Background b;
    b.enabled = m_enabled->isChecked();
    for (auto it = m_minutes.constBegin(); it != m_minutes.constEnd(); ++it)
        b.intervals.insert(it.key(), std::chrono::minutes(it.value()->value()));
    const ChecksPanes::Background old = m_checks->background();
    b.save();
    const bool running = m_checks->schedule() != nullptr;
    m_checks->setBackground(b);
    // Turned on here: start now rather than at the next connection.
    if (b.enabled && !old.enabled && !running)
        m_checks->startBackground();
    if (!b.enabled)
        m_checks->stopBackground();
    refreshStates();
}

void ChecksSettingsPage::refreshStates()
{
    const checks::CheckSchedule *schedule = m_checks->schedule();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
        const checks::CheckSchedule::State *s = schedule ? schedule->state(it.key()) : nullptr;
        QString text;
        if (!s)
            text = m_enabled->isChecked() ? tr("starts when the lab is connected") : tr("off");
        else if (s->running)
            text = tr("running now");
        else if (!s->lastRun.isValid())
            text = tr("not run yet");
        else
            text = tr("last ran %1").arg(Format::ago(s->lastRun.secsTo(now)));
        if (s && s->backoff > 1)
            text += QStringLiteral(" · ") + tr("all timed out: waits %1× as long").arg(s->backoff);
        it.value()->setText(text);
    }
}

} // namespace labdeck
