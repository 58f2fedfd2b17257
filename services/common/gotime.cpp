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

std::optional<std::chrono::milliseconds> parseGoDuration(const QString &text)
{
    // Go: [0-9]*(\.[0-9]*)?[a-z]+ repeated; "0" alone is zero. Signs are
    // left out on purpose: an interval is never negative.
    static const QRegularExpression part(
        QStringLiteral("(\\d+\\.?\\d*|\\.\\d+)(ns|us|\\x{00B5}s|\\x{03BC}s|ms|s|m|h)"));
    const QString s = text.trimmed();
    if (s == QLatin1String("0"))
        return std::chrono::milliseconds(0);
    if (s.isEmpty())
        return std::nullopt;
    constexpr double kMaxMs = 366.0 * 24 * 3600 * 1000;
    double totalMs = 0;
    qsizetype pos = 0;
    while (pos < s.size()) {
        const auto m = part.match(s, pos, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return std::nullopt;
        bool ok = false;
        const double value = m.captured(1).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const QString unit = m.captured(2);
        double msPerUnit = 1;
        if (unit == QLatin1String("ns"))
            msPerUnit = 1e-6;
        else if (unit == QLatin1String("ms"))
            msPerUnit = 1;
        else if (unit == QLatin1String("s"))
            msPerUnit = 1000;
        else if (unit == QLatin1String("m"))
            msPerUnit = 60.0 * 1000;
        else if (unit == QLatin1String("h"))
            msPerUnit = 3600.0 * 1000;
        else // us, µs (micro sign or Greek mu)
            msPerUnit = 1e-3;
        totalMs += value * msPerUnit;
        if (totalMs > kMaxMs)
            return std::nullopt;
        pos = m.capturedEnd(0);
    }
    return std::chrono::milliseconds(qint64(totalMs));
}

QString formatGoDuration(std::chrono::milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms == 0)
        return QStringLiteral("0s");
    QString out;
    if (ms < 1000)
        return QString::number(ms) + QStringLiteral("ms");
    const qint64 hours = ms / 3600000;
    ms %= 3600000;
    const qint64 minutes = ms / 60000;
    ms %= 60000;
    if (hours > 0)
        out += QString::number(hours) + QLatin1Char('h');
    if (hours > 0 || minutes > 0)
        out += QString::number(minutes) + QLatin1Char('m');
    if (ms % 1000 == 0)
        out += QString::number(ms / 1000) + QLatin1Char('s');
    else
        out += QString::number(double(ms) / 1000.0, 'f', 3)
                   .remove(QRegularExpression(QStringLiteral("0+$"))) +
               QLatin1Char('s');
    return out;
}

} // namespace labdeck
