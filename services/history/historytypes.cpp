#include "history/historytypes.h"

#include <QDir>
#include <QStandardPaths>

namespace labdeck::history {

int severityCode(Health health)
{
    switch (health) {
    case Health::Ok:
        return CodeOk;
    case Health::Warning:
        return CodeWarning;
    case Health::Critical:
        return CodeCritical;
    case Health::Unknown:
        break;
    }
    return CodeUnknown;
}

Health healthFromCode(int code)
{
    switch (code) {
    case CodeOk:
        return Health::Ok;
    case CodeWarning:
        return Health::Warning;
    case CodeCritical:
        return Health::Critical;
    default:
        break;
    }
    return Health::Unknown;
}

int worstRank(Health h)
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

Health worseOf(Health a, Health b)
{
    return worstRank(b) > worstRank(a) ? b : a;
}

QString checkItemId(const QString &category, const QString &target)
{
    return QStringLiteral("check:%1:%2").arg(category, target);
}

QString HistoryOptions::defaultPath(bool demo)
{
    const QString env = qEnvironmentVariable("LABDECK_HISTORY");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(demo ? QStringLiteral("history-demo.sqlite") : QStringLiteral("history.sqlite"));
}

bool TimelineBucket::empty() const
{
    for (int i = 0; i < 4; ++i) {
        if (counts[size_t(i)] > 0 || stateMs[size_t(i)] > 0)
            return false;
    }
    return true;
}

QString HistoryText::severityId(Health health)
{
    switch (health) {
    case Health::Ok:
        return QStringLiteral("ok");
    case Health::Warning:
        return QStringLiteral("warning");
    case Health::Critical:
        return QStringLiteral("critical");
    case Health::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace labdeck::history
