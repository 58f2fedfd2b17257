#pragma once

#include <QCoreApplication>
#include <QString>

namespace labdeck {

// Units and numbers, formatted in one place. Pure functions, tested with
// data-driven tests.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)
public:
    // "6 GB", "0.5 GB", "50 GB": sizes given in (decimal) gigabytes, as the
    // cloud provider states them.
    [[nodiscard]] static QString gigabytes(double gb);
    // "1 OCPU", "8 CPU", "0.5 CPU" (the unit defaults to CPU).
    [[nodiscard]] static QString cpus(double count, const QString &unit);
    // "1 OCPU / 6 GB / 50 GB" with missing parts left out; empty when all are 0.
    [[nodiscard]] static QString size(double cpus, const QString &cpuUnit, double memoryGB,
                                      double diskGB);
    // Binary sizes: "512 KiB", "256 MiB", "5.7 GiB".
    [[nodiscard]] static QString bytes(double bytes);
    // A plain number without trailing zeros: 1, 0.5, 12.25.
    [[nodiscard]] static QString number(double value);
    // Age in words for freshness labels: "12 s ago", "5 min ago", "3 h ago", "2 d ago".
    [[nodiscard]] static QString ago(qint64 seconds);
    // Compact age as kubectl prints it: "45s", "5m", "3h", "12d".
    [[nodiscard]] static QString age(qint64 seconds);
};

} // namespace labdeck
