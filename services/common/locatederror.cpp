#include "common/locatederror.h"

#include <QStringList>
#include <algorithm>
#include <tuple>

namespace labdeck {

QString locatedErrorText(const QString &file, int line, int column, const QString &field,
                         const QString &message)
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

QString LocatedError::toString() const
{
    return locatedErrorText(file, line, column, field, message);
}

QString locatedErrorsText(const QList<LocatedError> &errors)
{
    QStringList lines;
    for (const LocatedError &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

void sortByPosition(QList<LocatedError> &errors)
{
    std::stable_sort(errors.begin(), errors.end(),
                     [](const LocatedError &a, const LocatedError &b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
}

} // namespace labdeck
