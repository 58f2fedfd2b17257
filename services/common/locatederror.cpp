#include "common/locatederror.h"

namespace labdeck {

QString locatedErrorText(const QString &file, int line, int column, const QString &field, const QString &message)
{
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    if (field.isEmpty())
        return QStringLiteral("%1: %2").arg(where, message);
    return QStringLiteral("%1: %2: %3").arg(where, field, message);
}

} // namespace labdeck
