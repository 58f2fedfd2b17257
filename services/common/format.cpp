#include "common/format.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace labdeck {

QString Format::number(double value)
{
    return QLocale::c().toString(value, 'g', 6);
}

QString Format::bytes(double bytes)
{
    const double kib = 1024.0;
    if (bytes >= kib * kib * kib)
        return tr("%1 GiB").arg(bytes / (kib * kib * kib), 0, 'f', 1);
    if (bytes >= kib * kib)
        return tr("%1 MiB").arg(bytes / (kib * kib), 0, 'f', 0);
    return tr("%1 KiB").arg(bytes / kib, 0, 'f', 0);
}

QString Format::gigabytes(double gb)
{
    return tr("%1 GB").arg(number(gb));
}

QString Format::cpus(double count, const QString &unit)
{
    if (!unit.isEmpty())
        return QStringLiteral("%1 %2").arg(number(count), unit);
    return tr("%1 CPU").arg(number(count));
}

QString Format::size(double cpus, const QString &cpuUnit, double memoryGB, double diskGB)
{
    QStringList parts;
    if (cpus > 0)
        parts << Format::cpus(cpus, cpuUnit);
    if (memoryGB > 0)
        parts << gigabytes(memoryGB);
    if (diskGB > 0)
        parts << gigabytes(diskGB);
    return parts.join(QStringLiteral(" / "));
}

QString Format::ago(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

QString Format::age(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600 * 2)
        return QStringLiteral("%1m").arg(seconds / 60);
    if (seconds < 86400 * 2)
        return QStringLiteral("%1h").arg(seconds / 3600);
    return QStringLiteral("%1d").arg(seconds / 86400);
}

namespace {

bool isBytes(Format::Quantity q)
{
    return q == Format::Quantity::Bytes || q == Format::Quantity::BytesPerSecond;
}

// A number with exactly `decimals` digits after the point; never "-0".
QString fixed(double value, int decimals)
{
    const double half = 0.5 * std::pow(10.0, -decimals);
    if (std::abs(value) < half)
        value = 0;
    return QString::number(value, 'f', std::clamp(decimals, 0, 9));
}

// "1.50" -> "1.5", "2.0" -> "2".
QString trimmed(QString number)
{
    if (!number.contains(QLatin1Char('.')))
        return number;
    while (number.endsWith(QLatin1Char('0')))
        number.chop(1);
    if (number.endsWith(QLatin1Char('.')))
        number.chop(1);
    return number;
}

// The smallest of 1, 2 or 5 times a power of ten that is at least `raw`.
double niceStep(double raw)
{
    if (!(raw > 0) || !std::isfinite(raw))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double f : {1.0, 2.0, 5.0, 10.0}) {
        if (f * magnitude >= raw * (1 - 1e-9))
            return f * magnitude;
    }
    return 10 * magnitude;
}

double nextNiceStep(double step)
{
    return niceStep(step * 1.0001);
}

} // namespace

QString Format::withUnit(Quantity q, const QString &number, int unitPower)
{
    switch (q) {
    case Format::Quantity::Percent:
        return tr("%1 %").arg(number);
    case Format::Quantity::Plain:
        return number;
    case Format::Quantity::Bytes:
    case Format::Quantity::BytesPerSecond: {
        QString text;
        switch (std::clamp(unitPower, 0, 4)) {
        case 0:
            text = tr("%1 B").arg(number);
            break;
        case 1:
            text = tr("%1 KiB").arg(number);
            break;
        case 2:
            text = tr("%1 MiB").arg(number);
            break;
        case 3:
            text = tr("%1 GiB").arg(number);
            break;
        default:
            text = tr("%1 TiB").arg(number);
            break;
        }
        return q == Format::Quantity::Bytes ? text : tr("%1/s").arg(text);
    }
    }
    return number;
}

QString Format::quantityIn(Quantity q, double value, int unitPower, int decimals)
{
    if (std::isnan(value))
        return tr("no value");
    const int power = isBytes(q) ? std::clamp(unitPower, 0, 4) : 0;
    return withUnit(q, fixed(value / std::pow(1024.0, power), decimals), power);
}

QString Format::quantity(Quantity q, double value)
{
    switch (q) {
    case Quantity::Percent:
        return quantityIn(q, value, 0, 1);
    case Quantity::Plain:
        return quantityIn(q, value, 0, 2);
    case Quantity::Bytes:
    case Quantity::BytesPerSecond: {
        int power = 0;
        double v = std::abs(value);
        while (v >= 1024 && power < 4) {
            v /= 1024;
            ++power;
        }
        return quantityIn(q, value, power, power == 0 ? 0 : 1);
    }
    }
    return {};
}

Format::ValueTicks Format::valueTicks(Quantity q, double lo, double hi, int maxTicks)
{
    maxTicks = std::max(2, maxTicks);
    if (!std::isfinite(lo))
        lo = 0;
    if (!std::isfinite(hi))
        hi = 0;
    // Counters, rates, percentages and load are never below zero.
    lo = q == Quantity::Plain ? std::min(lo, 0.0) : 0.0;
    if (q == Quantity::Percent)
        hi = std::max(hi, 100.0);
    if (hi <= lo)
        hi = lo + (isBytes(q) ? 1024.0 : 1.0);

    ValueTicks t;
    double base = 1;
    if (isBytes(q)) {
        while (hi / base >= 1024 && t.unitPower < 4) {
            base *= 1024;
            ++t.unitPower;
        }
    }
    double step = 1;
    double min = 0;
    double max = 1;
    for (int attempt = 0; attempt < 2; ++attempt) {
        step = niceStep((hi - lo) / base / (maxTicks - 1));
        if (isBytes(q) && t.unitPower == 0)
            step = std::max(step, 1.0); // no fractions of a byte
        for (int guard = 0; guard < 8; ++guard) {
            min = std::floor(lo / base / step + 1e-9) * step;
            max = std::ceil(hi / base / step - 1e-9) * step;
            if (std::llround((max - min) / step) + 1 <= maxTicks)
                break;
            step = nextNiceStep(step);
        }
        // 1000 KiB rounded up to 1024 KiB or more: label in MiB.
        if (isBytes(q) && max >= 1024 && t.unitPower < 4) {
            base *= 1024;
            ++t.unitPower;
            continue;
        }
        break;
    }
    if (max <= min)
        max = min + step;
    t.decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    t.min = min * base;
    t.max = max * base;
    t.step = step * base;
    const qint64 count = std::llround((max - min) / step);
    for (qint64 i = 0; i <= count; ++i) {
        const double v = min + double(i) * step;
        t.values << v * base;
        t.labels << withUnit(q, trimmed(fixed(v, t.decimals)), t.unitPower);
    }
    return t;
}

Format::TimeTicks Format::timeTicks(qint64 fromMs, qint64 toMs, qint64 minStepMs)
{
    TimeTicks t;
    if (toMs <= fromMs)
        return t;
    // Never more ticks than this, whatever step was asked for.
    const int maxTicks = 64;
    static const qint64 kSteps[] = {5,     10,    15,     30,     60,    120,   300,
                                    600,   900,   1800,   3600,   7200,  10800, 21600,
                                    43200, 86400, 172800, 259200, 604800};
    const double span = double(toMs - fromMs) / 1000.0;
    t.stepSeconds = kSteps[std::size(kSteps) - 1];
    for (const qint64 s : kSteps) {
        if (s * 1000 >= minStepMs && span / double(s) <= maxTicks) {
            t.stepSeconds = s;
            break;
        }
    }
    const qint64 day = 86400;
    if (t.stepSeconds >= day)
        t.format = QStringLiteral("MM-dd");
    else if (span > double(day))
        t.format = QStringLiteral("MM-dd HH:mm");
    else if (t.stepSeconds < 60)
        t.format = QStringLiteral("HH:mm:ss");
    else
        t.format = QStringLiteral("HH:mm");

    // Walk the local days of the range; on each, the wall-clock times that
    // are multiples of the step (days: midnights whose day number is one).
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs);
    QList<qint64> found;
    for (QDate d = from.date(); d <= to.date() && found.size() <= maxTicks + 1; d = d.addDays(1)) {
        if (t.stepSeconds >= day) {
            if (d.toJulianDay() % (t.stepSeconds / day) == 0)
                found << d.startOfDay().toMSecsSinceEpoch();
            continue;
        }
        qint64 s = 0;
        if (d == from.date()) {
            const qint64 into = from.time().msecsSinceStartOfDay();
            s = (into + t.stepSeconds * 1000 - 1) / (t.stepSeconds * 1000) * t.stepSeconds;
        }
        for (; s < day && found.size() <= maxTicks + 1; s += t.stepSeconds) {
            const QDateTime at(d, QTime::fromMSecsSinceStartOfDay(int(s * 1000)));
            const qint64 ms = at.toMSecsSinceEpoch();
            if (ms > toMs)
                break;
            found << ms;
        }
    }
    std::sort(found.begin(), found.end());
    for (const qint64 ms : std::as_const(found)) {
        if (ms < fromMs || ms > toMs)
            continue;
        const QString label = QDateTime::fromMSecsSinceEpoch(ms).toString(t.format);
        if (t.labels.contains(label))
            continue; // a wall-clock hour that came twice (end of summer time)
        t.msecs << ms;
        t.labels << label;
    }
    return t;
}

QString Format::sparkline(const QList<double> &values, double max, int width)
{
    QString line;
    const qsizetype n = values.size();
    if (n == 0 || width <= 0)
        return line;
    const qsizetype cells = std::min<qsizetype>(n, width);
    for (qsizetype c = 0; c < cells; ++c) {
        double v = std::numeric_limits<double>::quiet_NaN();
        for (qsizetype i = c * n / cells; i < (c + 1) * n / cells; ++i) {
            if (!std::isnan(values.at(i)))
                v = std::isnan(v) ? values.at(i) : std::max(v, values.at(i));
        }
        if (std::isnan(v)) {
            line += QLatin1Char(' ');
            continue;
        }
        const double level = max > 0 ? std::clamp(v / max, 0.0, 1.0) : 0.0;
        line += QChar(char16_t(0x2581 + std::lround(level * 7))); // U+2581..U+2588
    }
    return line;
}

QString Format::sampleTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace labdeck
