#include "common/health.h"

namespace labdeck {

QString HealthText::name(Health health)
{
    switch (health) {
    case Health::Ok:
        return tr("ok");
    case Health::Warning:
        return tr("warning");
    case Health::Critical:
        return tr("critical");
    case Health::Unknown:
        break;
    }
    return tr("unknown");
}

QString HealthText::glyph(Health health)
{
    switch (health) {
    case Health::Ok:
        return QStringLiteral("\u2713"); // check mark
    case Health::Warning:
        return QStringLiteral("!");
    case Health::Critical:
        return QStringLiteral("\u00d7"); // multiplication sign
    case Health::Unknown:
        break;
    }
    return QStringLiteral("?");
}

} // namespace labdeck
