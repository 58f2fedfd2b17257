#include "history/historytypes.h"

#include "checks/checkresult.h"

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

Health worseOf(Health a, Health b)
{
    return problemRank(b) > problemRank(a) ? b : a;
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
    return checks::severityId(health); // the ids `labdeck check --json` uses
}

} // namespace labdeck::history
