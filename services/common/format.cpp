#include "common/format.h"

#include <QLocale>
#include <QStringList>

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

} // namespace labdeck
