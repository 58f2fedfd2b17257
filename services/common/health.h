#pragma once

#include <QCoreApplication>
#include <QString>

namespace labdeck {

// The state of anything Labdeck shows. Unknown is the start state of every
// value and is never drawn as healthy.
enum class Health { Unknown = 0, Ok, Warning, Critical };

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
