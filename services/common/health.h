#pragma once

#include <QCoreApplication>
#include <QString>

namespace labdeck {

// The state of anything Labdeck shows. Unknown is the start state of every
// value and is never drawn as healthy.
enum class Health { Unknown = 0, Ok, Warning, Critical };

// How bad a state is, for "the worst of": Critical 3, Warning 2, Ok 1,
// Unknown 0 (not known is not a problem, and not ok either). The checks
// table ranks "could not run" above ok instead, for its badges.
// How bad a result is for the owner: critical 3, warning 2, could not run
// (unknown) 1, ok 0 (problems first in tables, badges and history).
[[nodiscard]] constexpr int problemRank(Health h)
{
    switch (h) {
    case Health::Critical:
        return 3;
    case Health::Warning:
        return 2;
    case Health::Unknown:
        return 1;
    case Health::Ok:
        break;
    }
    return 0;
}

[[nodiscard]] constexpr int severityRank(Health h)
{
    switch (h) {
    case Health::Critical:
        return 3;
    case Health::Warning:
        return 2;
    case Health::Ok:
        return 1;
    case Health::Unknown:
        break;
    }
    return 0;
}

class HealthText
{
    Q_DECLARE_TR_FUNCTIONS(HealthText)
public:
    // A word for the state, translated ("unknown", "ok", ...).
    [[nodiscard]] static QString name(Health health);
    // A one-character glyph, so colour is never the only signal.
    [[nodiscard]] static QString glyph(Health health);
};

} // namespace labdeck
