#pragma once

#include "common/health.h"

#include <QColor>

namespace labdeck {

// The status colours of ux.md: green ok, amber warning, red critical, grey
// unknown. Always paired with HealthText::glyph() where drawn.
[[nodiscard]] QColor healthColor(Health health);

} // namespace labdeck
