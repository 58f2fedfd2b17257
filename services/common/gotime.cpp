#include "common/gotime.h"

#include <QRegularExpression>

namespace labdeck {

QDateTime parseGoTime(const QString &text)
{
    // Qt reads milliseconds only: cut longer fractions to three digits.
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?(Z|[+-]\\d\\d:\\d\\d)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch() || text.startsWith(QLatin1String("0001-")))
        return {};
    const QString ms = (m.captured(2) + QStringLiteral("000")).left(3);
    const QDateTime t = QDateTime::fromString(m.captured(1) + QLatin1Char('.') + ms + m.captured(3),
                                              Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace labdeck
