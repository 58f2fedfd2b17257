#include "healthcolor.h"

namespace labdeck {

QColor healthColor(Health health)
{
    switch (health) {
    case Health::Ok:
        return QColor(0x2e, 0x9e, 0x4f);
    case Health::Warning:
        return QColor(0xd9, 0x8c, 0x00);
    case Health::Critical:
        return QColor(0xd0, 0x31, 0x2d);
    case Health::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

} // namespace labdeck
