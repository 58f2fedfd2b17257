#pragma once

// Settings > Checks: whether the checks run in the background, and how often
// each category does. Changes apply at once (the schedule starts again) and
// are kept in QSettings; each row says when that category last ran and
// whether it is backing off after timeouts.

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace labdeck {

class ChecksPanes;

class ChecksSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ChecksSettingsPage(ChecksPanes *checks, QWidget *parent = nullptr);

    // What a category is called in the window ("Certificates" for "certs").
    [[nodiscard]] static QString categoryTitle(const QString &category);

    [[nodiscard]] QCheckBox *enabledBox() const { return m_enabled; }
    [[nodiscard]] QSpinBox *intervalBox(const QString &category) const
    {
        return m_minutes.value(category);
    }
    // Applies what the page shows now (the page does it half a second after a change).
    void apply();
    void refreshStates();

private:
    ChecksPanes *m_checks;
    QCheckBox *m_enabled;
    QHash<QString, QSpinBox *> m_minutes;
    QHash<QString, QLabel *> m_states;
    QTimer *m_applyTimer;
    QTimer *m_stateTimer;
};

} // namespace labdeck
