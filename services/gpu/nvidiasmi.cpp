#include "gpu/nvidiasmi.h"

#include <QHash>
#include <QRegularExpression>

namespace labdeck::gpu {

namespace {

// nvidia-smi prints some fields under another name in its header.
QString canonicalField(QString name)
{
    name = name.trimmed();
    const qsizetype bracket = name.indexOf(QLatin1String(" ["));
    if (bracket > 0)
        name = name.left(bracket);
    if (name == QLatin1String("used_gpu_memory"))
        return QStringLiteral("used_memory");
    if (name == QLatin1String("gpu_name"))
        return QStringLiteral("name");
    return name;
}

struct Table
{
    QStringList fields;
    QList<QStringList> rows;
    QList<int> lines; // 1-based line of each row
};

std::optional<Table> readCsv(const QByteArray &output, const QStringList &fields,
                             const QString &command, QString *error)
{
    Table t;
    t.fields = fields;
    const QList<QByteArray> lines = output.split('\n');
    bool first = true;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty())
            continue;
        QStringList cells = line.split(QLatin1Char(','));
        for (QString &c : cells)
            c = c.trimmed();
        if (first) {
            first = false;
            // A header names its fields; data starts with a number.
            if (!cells.isEmpty() &&
                canonicalField(cells.first()) == canonicalField(fields.value(0)) &&
                !cells.first().isEmpty() && !cells.first().at(0).isDigit()) {
                t.fields.clear();
                for (const QString &c : std::as_const(cells))
                    t.fields << canonicalField(c);
                continue;
            }
        }
        if (line.startsWith(QLatin1String("NVIDIA-SMI has failed")) ||
            line.startsWith(QLatin1String("No devices"))) {
            *error = NvidiaSmi::tr("%1: %2").arg(command, line);
            return std::nullopt;
        }
        if (cells.size() != t.fields.size()) {
            *error = NvidiaSmi::tr(
                         "%1: line %2: %3 values for %4 fields (cut off or a different query?)")
                         .arg(command)
                         .arg(i + 1)
                         .arg(cells.size())
                         .arg(t.fields.size());
            return std::nullopt;
        }
        t.rows << cells;
        t.lines << i + 1;
    }
    return t;
}

// "12815 MiB", "100 %", "380.85", "[N/A]": a number without its unit, or
// nullopt for "not available". *bad is set for text that is neither.
std::optional<double> number(const QString &cell, bool *bad)
{
    *bad = false;
    if (cell.startsWith(QLatin1Char('[')) || cell == QLatin1String("N/A") || cell.isEmpty())
        return std::nullopt;
    static const QRegularExpression re(QStringLiteral("^(-?\\d+(?:\\.\\d+)?)\\s*(?:MiB|W|%|C)?$"));
    const auto m = re.match(cell);
    if (!m.hasMatch()) {
        *bad = true;
        return std::nullopt;
    }
    return m.captured(1).toDouble();
}

// A GPU index or process id: a whole number from 0 to max, else nothing.
std::optional<qint64> wholeNumber(double v, qint64 max)
{
    if (!(v >= 0 && v <= double(max)) || v != double(qint64(v)))
        return std::nullopt;
    return qint64(v);
}

} // namespace

QStringList NvidiaSmi::gpuFields()
{
    return {QStringLiteral("index"),           QStringLiteral("name"),
            QStringLiteral("utilization.gpu"), QStringLiteral("memory.used"),
            QStringLiteral("memory.total"),    QStringLiteral("temperature.gpu"),
            QStringLiteral("power.draw"),      QStringLiteral("power.limit")};
}

QStringList NvidiaSmi::processFields()
{
    return {QStringLiteral("pid"), QStringLiteral("process_name"), QStringLiteral("used_memory")};
}

QStringList NvidiaSmi::gpuCommand()
{
    return {QStringLiteral("nvidia-smi"),
            QStringLiteral("--query-gpu=") + gpuFields().join(QLatin1Char(',')),
            QStringLiteral("--format=csv,noheader,nounits")};
}

QStringList NvidiaSmi::processCommand()
{
    return {QStringLiteral("nvidia-smi"),
            QStringLiteral("--query-compute-apps=") + processFields().join(QLatin1Char(',')),
            QStringLiteral("--format=csv,noheader,nounits")};
}

std::optional<QList<GpuInfo>> NvidiaSmi::parseGpus(const QByteArray &output,
                                                   const QStringList &fields, QString *error)
{
    const QString command = QStringLiteral("nvidia-smi --query-gpu");
    auto table = readCsv(output, fields, command, error);
    if (!table)
        return std::nullopt;
    QList<GpuInfo> gpus;
    for (int r = 0; r < table->rows.size(); ++r) {
        const QStringList &cells = table->rows.at(r);
        GpuInfo g;
        for (int c = 0; c < cells.size(); ++c) {
            const QString &field = table->fields.at(c);
            const QString &cell = cells.at(c);
            if (field == QLatin1String("name")) {
                g.name = cell;
                continue;
            }
            if (field == QLatin1String("uuid")) {
                g.uuid = cell;
                continue;
            }
            std::optional<double> *target = nullptr;
            if (field == QLatin1String("utilization.gpu"))
                target = &g.utilizationPercent;
            else if (field == QLatin1String("memory.used"))
                target = &g.memoryUsedMiB;
            else if (field == QLatin1String("memory.total"))
                target = &g.memoryTotalMiB;
            else if (field == QLatin1String("temperature.gpu"))
                target = &g.temperatureC;
            else if (field == QLatin1String("power.draw"))
                target = &g.powerDrawW;
            else if (field == QLatin1String("power.limit"))
                target = &g.powerLimitW;
            else if (field != QLatin1String("index"))
                continue; // a field Labdeck does not show (driver_version, pstate, ...)
            bool bad = false;
            const std::optional<double> v = number(cell, &bad);
            if (bad) {
                *error = tr("%1: line %2: %3: not a number: \"%4\"")
                             .arg(command)
                             .arg(table->lines.at(r))
                             .arg(field, cell);
                return std::nullopt;
            }
            if (target) {
                *target = v;
            } else if (v) {
                const std::optional<qint64> index = wholeNumber(*v, 1023);
                if (!index) {
                    *error = tr("%1: line %2: %3: out of range: \"%4\"")
                                 .arg(command)
                                 .arg(table->lines.at(r))
                                 .arg(field, cell);
                    return std::nullopt;
                }
                g.index = int(*index);
            } else {
                g.index = -1;
            }
        }
        gpus << g;
    }
    return gpus;
}

std::optional<QList<GpuProcess>>
NvidiaSmi::parseProcesses(const QByteArray &output, const QStringList &fields, QString *error)
{
    const QString command = QStringLiteral("nvidia-smi --query-compute-apps");
    auto table = readCsv(output, fields, command, error);
    if (!table)
        return std::nullopt;
    QList<GpuProcess> processes;
    for (int r = 0; r < table->rows.size(); ++r) {
        const QStringList &cells = table->rows.at(r);
        GpuProcess p;
        for (int c = 0; c < cells.size(); ++c) {
            const QString &field = table->fields.at(c);
            const QString &cell = cells.at(c);
            if (field == QLatin1String("process_name")) {
                p.name = cell;
            } else if (field == QLatin1String("pid") || field == QLatin1String("used_memory")) {
                bool bad = false;
                const std::optional<double> v = number(cell, &bad);
                if (bad || (field == QLatin1String("pid") && !v)) {
                    *error = tr("%1: line %2: %3: not a number: \"%4\"")
                                 .arg(command)
                                 .arg(table->lines.at(r))
                                 .arg(field, cell);
                    return std::nullopt;
                }
                if (field == QLatin1String("pid")) {
                    // Linux process ids are at most 2^22.
                    const std::optional<qint64> pid = wholeNumber(*v, qint64(1) << 22);
                    if (!pid) {
                        *error = tr("%1: line %2: %3: out of range: \"%4\"")
                                     .arg(command)
                                     .arg(table->lines.at(r))
                                     .arg(field, cell);
                        return std::nullopt;
                    }
                    p.pid = *pid;
                } else {
                    p.usedMemoryMiB = v;
                }
            }
        }
        processes << p;
    }
    return processes;
}

} // namespace labdeck::gpu
