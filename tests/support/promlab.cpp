#include "support/promlab.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <array>

namespace labdeck::test {

QStringList PromLab::hosts()
{
    return {QStringLiteral("pikachu"), QStringLiteral("metamon"), QStringLiteral("bracky"),
            QStringLiteral("pochama")};
}

QString PromLab::instance(int host)
{
    return hosts().at(host) + QStringLiteral(":9100");
}
double PromLab::idleRate(int host)
{
    return std::array{0.9, 0.6, 0.75, 0.95}.at(size_t(host));
}
double PromLab::memTotal()
{
    return 6.0 * 1024 * 1024 * 1024;
}
double PromLab::memAvailable(int host)
{
    return std::array{4.5, 1.5, 3.0, 5.1}.at(size_t(host)) * 1024 * 1024 * 1024;
}
double PromLab::fsSize()
{
    return 50.0 * 1024 * 1024 * 1024;
}
double PromLab::fsAvailable(int host)
{
    return std::array{40.0, 30.0, 20.0, 45.0}.at(size_t(host)) * 1024 * 1024 * 1024;
}
double PromLab::rxRate(int host)
{
    return 1000.0 * (host + 1);
}
double PromLab::txRate(int host)
{
    return 500.0 * (host + 1);
}
double PromLab::load1(int host, qint64 k)
{
    return double((k + 7 * host) % 97) / 10.0;
}

QByteArray PromLab::openMetrics(qint64 from, qint64 to, int step, bool cpuAndMemoryOnly)
{
    QByteArray out;
    const auto num = [](double v) { return QByteArray::number(v, 'g', 17); };
    const auto family = [&](const char *name, const char *type, const char *sampleName,
                            const QByteArray &extraLabels, const auto &valueAt) {
        out += "# TYPE " + QByteArray(name) + ' ' + type + '\n';
        for (int h = 0; h < 4; ++h) {
            const QByteArray labels =
                "{instance=\"" + instance(h).toUtf8() + "\",job=\"node\"" + extraLabels + '}';
            qint64 k = 0;
            for (qint64 t = from; t <= to; t += step, ++k)
                out += QByteArray(sampleName) + labels + ' ' + num(valueAt(h, t, k)) + ' ' +
                       QByteArray::number(t) + '\n';
        }
    };
    family("node_cpu_seconds", "counter", "node_cpu_seconds_total", ",cpu=\"0\",mode=\"idle\"",
           [&](int h, qint64 t, qint64) { return idleRate(h) * double(t - from); });
    family("node_memory_MemTotal_bytes", "gauge", "node_memory_MemTotal_bytes", {},
           [](int, qint64, qint64) { return memTotal(); });
    family("node_memory_MemAvailable_bytes", "gauge", "node_memory_MemAvailable_bytes", {},
           [](int h, qint64, qint64) { return memAvailable(h); });
    if (!cpuAndMemoryOnly) {
        const QByteArray fs = ",device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"";
        family("node_filesystem_size_bytes", "gauge", "node_filesystem_size_bytes", fs,
               [](int, qint64, qint64) { return fsSize(); });
        family("node_filesystem_avail_bytes", "gauge", "node_filesystem_avail_bytes", fs,
               [](int h, qint64, qint64) { return fsAvailable(h); });
        family("node_network_receive_bytes", "counter", "node_network_receive_bytes_total",
               ",device=\"eth0\"",
               [&](int h, qint64 t, qint64) { return rxRate(h) * double(t - from); });
        family("node_network_transmit_bytes", "counter", "node_network_transmit_bytes_total",
               ",device=\"eth0\"",
               [&](int h, qint64 t, qint64) { return txRate(h) * double(t - from); });
        family("node_load1", "gauge", "node_load1", {},
               [](int h, qint64, qint64 k) { return load1(h, k); });
    }
    out += "# EOF\n";
    return out;
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

PromProcess::~PromProcess()
{
    kill();
}

bool PromProcess::backfill(const QString &workDir, const QString &dataDir,
                           const QByteArray &openMetrics, QString *error)
{
    const QString input = workDir + QStringLiteral("/backfill.om");
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly) || file.write(openMetrics) != openMetrics.size()) {
        *error = QStringLiteral("cannot write %1").arg(input);
        return false;
    }
    file.close();
    QDir().mkpath(dataDir);
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStringLiteral("promtool"),
                   {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                    QStringLiteral("openmetrics"), input, dataDir});
    if (!promtool.waitForFinished(120000) || promtool.exitStatus() != QProcess::NormalExit ||
        promtool.exitCode() != 0) {
        *error = QStringLiteral("promtool failed: %1 %2")
                     .arg(promtool.errorString(), QString::fromUtf8(promtool.readAll()));
        return false;
    }
    QFile::remove(input);
    return true;
}

bool PromProcess::startPrometheus(const QString &workDir, const QString &dataDir,
                                  const QByteArray &config, QString *error, quint16 port)
{
    const QString configFile = workDir + QStringLiteral("/prometheus.yml");
    QFile file(configFile);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(configFile);
        return false;
    }
    file.write(config);
    file.close();
    m_port = port ? port : freePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(workDir + QStringLiteral("/prometheus.log"),
                                     QIODevice::Append);
    m_process->setWorkingDirectory(workDir);
    m_process->start(QStringLiteral("prometheus"),
                     {QStringLiteral("--config.file=") + configFile,
                      QStringLiteral("--storage.tsdb.path=") + dataDir,
                      QStringLiteral("--storage.tsdb.retention.time=30d"),
                      QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                      QStringLiteral("--web.console.templates=") + workDir,
                      QStringLiteral("--web.console.libraries=") + workDir});
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("prometheus did not start: %1").arg(m_process->errorString());
        return false;
    }
    return waitHttp("/-/ready", 30000, error);
}

bool PromProcess::startNodeExporter(QString *error)
{
    m_port = freePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->start(QStringLiteral("prometheus-node-exporter"),
                     {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                      QStringLiteral("--log.level=error")});
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("node_exporter did not start: %1").arg(m_process->errorString());
        return false;
    }
    return waitHttp("/metrics", 20000, error);
}

bool PromProcess::waitHttp(const QByteArray &path, int timeoutMs, QString *error)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("the process exited (code %1)").arg(m_process->exitCode());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(500)) {
            socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
            QByteArray answer;
            while (socket.waitForReadyRead(2000))
                answer += socket.readAll();
            answer += socket.readAll();
            if (answer.startsWith("HTTP/1.0 200") || answer.startsWith("HTTP/1.1 200"))
                return true;
        }
        QThread::msleep(100);
    }
    *error = QStringLiteral("no 200 from %1 on port %2").arg(QString::fromLatin1(path)).arg(m_port);
    return false;
}

void PromProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QUrl PromProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

qint64 PromProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace labdeck::test
