#include "prometheus/chartqueries.h"

#include <cmath>

namespace labdeck::prom {

QList<ChartQueries::Metric> ChartQueries::nodeMetrics()
{
    return {Metric::CpuBusy,        Metric::MemoryUsed,      Metric::FilesystemUsed,
            Metric::NetworkReceive, Metric::NetworkTransmit, Metric::Load};
}

QList<ChartQueries::Metric> ChartQueries::gpuMetrics()
{
    return {Metric::GpuUtilisation, Metric::GpuMemoryUsed};
}

QList<ChartQueries::Metric> ChartQueries::all()
{
    return nodeMetrics() + gpuMetrics();
}

QString ChartQueries::key(Metric metric)
{
    switch (metric) {
    case Metric::CpuBusy:
        return QStringLiteral("cpu");
    case Metric::MemoryUsed:
        return QStringLiteral("memory");
    case Metric::FilesystemUsed:
        return QStringLiteral("filesystem");
    case Metric::NetworkReceive:
        return QStringLiteral("network-receive");
    case Metric::NetworkTransmit:
        return QStringLiteral("network-transmit");
    case Metric::Load:
        return QStringLiteral("load");
    case Metric::GpuUtilisation:
        return QStringLiteral("gpu-utilisation");
    case Metric::GpuMemoryUsed:
        return QStringLiteral("gpu-memory");
    }
    return {};
}

bool ChartQueries::fromKey(const QString &text, Metric *metric)
{
    for (const Metric m : all()) {
        if (key(m) == text) {
            *metric = m;
            return true;
        }
    }
    return false;
}

QString ChartQueries::title(Metric metric)
{
    switch (metric) {
    case Metric::CpuBusy:
        return tr("CPU busy");
    case Metric::MemoryUsed:
        return tr("Memory used");
    case Metric::FilesystemUsed:
        return tr("Filesystem used");
    case Metric::NetworkReceive:
        return tr("Network receive");
    case Metric::NetworkTransmit:
        return tr("Network transmit");
    case Metric::Load:
        return tr("Load average");
    case Metric::GpuUtilisation:
        return tr("GPU utilisation");
    case Metric::GpuMemoryUsed:
        return tr("GPU memory used");
    }
    return {};
}

ChartQueries::Unit ChartQueries::unit(Metric metric)
{
    switch (metric) {
    case Metric::CpuBusy:
    case Metric::MemoryUsed:
    case Metric::FilesystemUsed:
    case Metric::GpuUtilisation:
        return Unit::Percent;
    case Metric::NetworkReceive:
    case Metric::NetworkTransmit:
        return Unit::BytesPerSecond;
    case Metric::GpuMemoryUsed:
        return Unit::Bytes;
    case Metric::Load:
        return Unit::Plain;
    }
    return Unit::Plain;
}

QString ChartQueries::seriesLabel(Metric metric)
{
    switch (metric) {
    case Metric::FilesystemUsed:
        return QStringLiteral("mountpoint");
    case Metric::Load:
        return QStringLiteral("__name__");
    case Metric::GpuUtilisation:
    case Metric::GpuMemoryUsed:
        return QStringLiteral("uuid");
    default:
        return {};
    }
}

QString ChartQueries::defaultTemplate(Metric metric)
{
    switch (metric) {
    case Metric::CpuBusy:
        return QStringLiteral(
            "100 * (1 - avg by (instance) "
            "(rate(node_cpu_seconds_total{instance=\"$instance\",mode=\"idle\"}[5m])))");
    case Metric::MemoryUsed:
        return QStringLiteral("100 * (1 - node_memory_MemAvailable_bytes{instance=\"$instance\"} / "
                              "node_memory_MemTotal_bytes{instance=\"$instance\"})");
    case Metric::FilesystemUsed:
        return QStringLiteral("100 * (1 - "
                              "node_filesystem_avail_bytes{instance=\"$instance\",fstype!~\"|tmpfs|"
                              "overlay|squashfs|ramfs\"} / "
                              "node_filesystem_size_bytes{instance=\"$instance\",fstype!~\"|tmpfs|"
                              "overlay|squashfs|ramfs\"})");
    case Metric::NetworkReceive:
        return QStringLiteral(
            "sum by (instance) "
            "(rate(node_network_receive_bytes_total{instance=\"$instance\",device!=\"lo\"}[5m]))");
    case Metric::NetworkTransmit:
        return QStringLiteral(
            "sum by (instance) "
            "(rate(node_network_transmit_bytes_total{instance=\"$instance\",device!=\"lo\"}[5m]))");
    case Metric::Load:
        return QStringLiteral(
            "{__name__=~\"node_load1|node_load5|node_load15\",instance=\"$instance\"}");
    case Metric::GpuUtilisation:
        return QStringLiteral("100 * nvidia_smi_utilization_gpu_ratio{instance=\"$instance\"}");
    case Metric::GpuMemoryUsed:
        return QStringLiteral("nvidia_smi_memory_used_bytes{instance=\"$instance\"}");
    }
    return {};
}

QString ChartQueries::expand(const QString &templ, const QString &instance)
{
    QString query = templ;
    // Label values are double-quoted in PromQL: keep the instance inside them.
    QString escaped = instance;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    query.replace(QLatin1String("$instance"), escaped);
    return query;
}

Format::Quantity ChartQueries::quantity(Unit unit)
{
    switch (unit) {
    case Unit::Percent:
        return Format::Quantity::Percent;
    case Unit::BytesPerSecond:
        return Format::Quantity::BytesPerSecond;
    case Unit::Bytes:
        return Format::Quantity::Bytes;
    case Unit::Plain:
        return Format::Quantity::Plain;
    }
    return Format::Quantity::Plain;
}

QString ChartQueries::formatValue(Unit unit, double value)
{
    return Format::quantity(quantity(unit), value);
}

ChartQueries::ChartQueries(const QMap<QString, QString> &overrides)
    : m_overrides(overrides)
{}

QString ChartQueries::templateFor(Metric metric) const
{
    const QString custom = m_overrides.value(key(metric)).trimmed();
    return custom.isEmpty() ? defaultTemplate(metric) : custom;
}

bool ChartQueries::isDefault(Metric metric) const
{
    return templateFor(metric) == defaultTemplate(metric);
}

} // namespace labdeck::prom
