#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

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

    // What a chart's values measure. None of them can be negative.
    enum class Quantity { Plain, Percent, Bytes, BytesPerSecond };
    // A value with its unit picked from the value: "37.5 %", "1.2 MiB/s",
    // "5.7 GiB", "0.52"; "no value" for NaN.
    [[nodiscard]] static QString quantity(Quantity q, double value);
    // A value in a given unit and precision: the unit of an axis's labels
    // (bytes: 1024^unitPower, 0 = B) so a header or hover reads like the
    // axis next to it ("0.83 MiB/s" beside ticks in MiB/s).
    [[nodiscard]] static QString quantityIn(Quantity q, double value, int unitPower, int decimals);

    // The ticks of a value axis: nice values (1, 2 or 5 times a power of ten
    // of the unit, so 0.5 MiB/s or 20 %), all labelled in one unit, without
    // e-notation. The axis starts at 0 (lo is only used when it is negative
    // and the quantity is Plain: a custom query's data); percentages span
    // at least 0..100.
    struct ValueTicks
    {
        double min = 0;
        double max = 1;
        double step = 1;   // in the quantity's base unit (bytes, not MiB)
        int unitPower = 0; // bytes: the labels' unit is 1024^unitPower
        int decimals = 0;  // digits after the point a label may need
        QList<double> values;
        QStringList labels;
    };
    // At most maxTicks labels (at least 2).
    [[nodiscard]] static ValueTicks valueTicks(Quantity q, double lo, double hi, int maxTicks);

    // The ticks of a time axis in local time, at round times (:00, :15, :30,
    // whole hours, midnight) inside [fromMs, toMs] (milliseconds since the
    // epoch), the smallest round step that is at least minStepMs (5 s to 7
    // days; at most 64 ticks). Labels are "HH:mm" for
    // a range up to a day, "MM-dd HH:mm" beyond, and "MM-dd" when the ticks
    // are days apart.
    struct TimeTicks
    {
        qint64 stepSeconds = 0;
        QString format; // the QDateTime format of the labels
        QList<qint64> msecs;
        QStringList labels;
    };
    [[nodiscard]] static TimeTicks timeTicks(qint64 fromMs, qint64 toMs, qint64 minStepMs);
    // A sample's time in local time for a hover: "2024-03-14 14:03:15".
    [[nodiscard]] static QString sampleTime(qint64 msecs);
    // Values as a line of block characters "▁▂▄█" from 0 to max, at most
    // width of them (each the largest value of its share); NaN is a space.
    [[nodiscard]] static QString sparkline(const QList<double> &values, double max, int width);

private:
    // A formatted number with the quantity's unit ("1.5" -> "1.5 MiB/s").
    [[nodiscard]] static QString withUnit(Quantity q, const QString &number, int unitPower);
};

} // namespace labdeck
