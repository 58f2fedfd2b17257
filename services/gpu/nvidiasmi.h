#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace labdeck::gpu {

// One GPU from `nvidia-smi --query-gpu=… --format=csv`. A value nvidia-smi
// reports as [N/A] or [Not Supported] (or that was not queried) is empty.
struct GpuInfo
{
    int index = -1;
    QString name;
    QString uuid;
    std::optional<double> utilizationPercent;
    std::optional<double> memoryUsedMiB;
    std::optional<double> memoryTotalMiB;
    std::optional<double> temperatureC;
    std::optional<double> powerDrawW;
    std::optional<double> powerLimitW;
};

// One process from `nvidia-smi --query-compute-apps=… --format=csv`.
struct GpuProcess
{
    qint64 pid = 0;
    QString name;
    std::optional<double> usedMemoryMiB;
};

class NvidiaSmi
{
    Q_DECLARE_TR_FUNCTIONS(NvidiaSmi)
public:
    // The fields GpuMonitor queries, in order.
    [[nodiscard]] static QStringList gpuFields();
    [[nodiscard]] static QStringList processFields();
    // The argv that prints them (csv, noheader, nounits).
    [[nodiscard]] static QStringList gpuCommand();
    [[nodiscard]] static QStringList processCommand();

    // Parses the CSV. fields are the query's field names in order; when the
    // output starts with nvidia-smi's header line ("index, name,
    // utilization.gpu [%], …") the header decides instead. Units after the
    // numbers ("12815 MiB", "100 %") are accepted.
    [[nodiscard]] static std::optional<QList<GpuInfo>>
    parseGpus(const QByteArray &output, const QStringList &fields, QString *error);
    [[nodiscard]] static std::optional<QList<GpuProcess>>
    parseProcesses(const QByteArray &output, const QStringList &fields, QString *error);
};

} // namespace labdeck::gpu
