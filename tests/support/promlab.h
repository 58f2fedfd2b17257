#pragma once

// Real Prometheus for tests and benchmarks: deterministic node_exporter
// series for the lab's four hosts written as OpenMetrics, backfilled with
// promtool, served by Debian's prometheus on a loopback port; and a real
// prometheus-node-exporter for the live path.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace labdeck::test {

// The series the backfill holds. Host h (0..3: pikachu, metamon, bracky,
// pochama) has instance "<name>:9100", and at sample k (time from + k*step):
//   node_cpu_seconds_total{cpu="0",mode="idle"}  = idleRate(h) * (t - from)
//   node_memory_MemTotal_bytes = 6 GiB, node_memory_MemAvailable_bytes = memAvailable(h)
//   node_filesystem_size_bytes{mountpoint="/"} = 50 GiB, _avail_bytes = fsAvailable(h)
//   node_network_receive_bytes_total{device="eth0"} = rxRate(h) * (t - from), transmit = txRate(h)
//   * ... node_load1 = load1(h, k)
struct PromLab
{
    static QStringList hosts();
    static QString instance(int host);
    static double idleRate(int host);
    static double memTotal();
    static double memAvailable(int host);
    static double fsSize();
    static double fsAvailable(int host);
    static double rxRate(int host);
    static double txRate(int host);
    static double load1(int host, qint64 k);
    // Text for `promtool tsdb create-blocks-from openmetrics`. With
    // cpuAndMemoryOnly, only the series the CPU and memory charts use.
    static QByteArray openMetrics(qint64 from, qint64 to, int step, bool cpuAndMemoryOnly = false);
};

// A free loopback TCP port (bound and released).
quint16 freePort();

// One prometheus (or node_exporter) process in a temp dir.
class PromProcess
{
public:
    PromProcess() = default;
    ~PromProcess();
    PromProcess(const PromProcess &) = delete;
    PromProcess &operator=(const PromProcess &) = delete;

    // promtool tsdb create-blocks-from openmetrics <file> <dataDir>.
    static bool backfill(const QString &workDir, const QString &dataDir,
                         const QByteArray &openMetrics, QString *error);
    // Starts prometheus with this configuration (YAML text) and data dir on
    // `port` (0: a free one); returns when /-/ready answers 200.
    bool startPrometheus(const QString &workDir, const QString &dataDir, const QByteArray &config,
                         QString *error, quint16 port = 0);
    // Starts prometheus-node-exporter; returns when /metrics answers.
    bool startNodeExporter(QString *error);
    void kill();
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] qint64 pid() const;

private:
    bool waitHttp(const QByteArray &path, int timeoutMs, QString *error);

    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace labdeck::test
