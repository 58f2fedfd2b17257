#pragma once

#include "common/format.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace labdeck::prom {

// The charts Labdeck draws for a host and the PromQL behind each. Templates
// hold `$instance`, replaced by the host's Prometheus instance label from the
// inventory (sources.prometheusInstance), because label schemes differ
// between labs. The defaults follow node_exporter's node-mixin; the GPU
// ones nvidia_gpu_exporter's names.
class ChartQueries
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::prom::ChartQueries)
public:
    enum class Metric {
        CpuBusy,
        MemoryUsed,
        FilesystemUsed,
        NetworkReceive,
        NetworkTransmit,
        Load,
        GpuUtilisation,
        GpuMemoryUsed
    };
    enum class Unit { Percent, BytesPerSecond, Bytes, Plain };

    [[nodiscard]] static QList<Metric> nodeMetrics();
    [[nodiscard]] static QList<Metric> gpuMetrics();
    [[nodiscard]] static QList<Metric> all();

    // A stable key for settings ("cpu", "memory", ...).
    [[nodiscard]] static QString key(Metric metric);
    [[nodiscard]] static bool fromKey(const QString &key, Metric *metric);
    [[nodiscard]] static QString title(Metric metric);
    [[nodiscard]] static Unit unit(Metric metric);
    // The label whose value names a line when a query returns several
    // series ("mountpoint" for filesystems, "__name__" for load).
    [[nodiscard]] static QString seriesLabel(Metric metric);
    [[nodiscard]] static QString defaultTemplate(Metric metric);
    [[nodiscard]] static QString expand(const QString &templ, const QString &instance);
    // What the unit is for the one formatting helper (common/Format).
    [[nodiscard]] static Format::Quantity quantity(Unit unit);
    // A value with its unit ("37.5 %", "1.2 MiB/s"), by Format::quantity.
    [[nodiscard]] static QString formatValue(Unit unit, double value);

    // The templates in use: defaults, overridden by `overrides` (key -> PromQL).
    explicit ChartQueries(const QMap<QString, QString> &overrides = {});
    [[nodiscard]] QString templateFor(Metric metric) const;
    [[nodiscard]] QString queryFor(Metric metric, const QString &instance) const
    {
        return expand(templateFor(metric), instance);
    }
    [[nodiscard]] bool isDefault(Metric metric) const;

private:
    QMap<QString, QString> m_overrides;
};

} // namespace labdeck::prom
