#include "checks/check.h"

#include "checks/certcheck.h"
#include "checks/endpointcheck.h"
#include "checks/gpucheck.h"
#include "checks/kubecheck.h"
#include "checks/pendingcheck.h"
#include "checks/prometheuscheck.h"
#include "checks/routescheck.h"
#include "checks/tunnelcheck.h"

#include <QCoreApplication>
#include <QFile>

namespace labdeck::checks {

ConnectTarget CheckOptions::target(const QString &host, quint16 port) const
{
    const auto it = connectTo.constFind(host.toLower() + QLatin1Char(':') + QString::number(port));
    if (it != connectTo.constEnd())
        return *it;
    return {host, port};
}

namespace {

class OptionText
{
    Q_DECLARE_TR_FUNCTIONS(OptionText)
public:
    // Splits "a:b:[::1]:d" at the colons outside brackets.
    static QStringList fields(const QString &spec)
    {
        QStringList out;
        QString cur;
        int depth = 0;
        for (QChar c : spec) {
            if (c == QLatin1Char('['))
                ++depth;
            else if (c == QLatin1Char(']'))
                --depth;
            if (c == QLatin1Char(':') && depth == 0) {
                out << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        out << cur;
        for (QString &f : out) {
            if (f.startsWith(QLatin1Char('[')) && f.endsWith(QLatin1Char(']')))
                f = f.mid(1, f.size() - 2);
        }
        return out;
    }
    static bool port(const QString &text, quint16 *out)
    {
        bool ok = false;
        const int p = text.toInt(&ok);
        if (!ok || p < 1 || p > 65535)
            return false;
        *out = quint16(p);
        return true;
    }
};

} // namespace

bool CheckOptions::addResolve(const QString &spec, QString *error)
{
    const QStringList f = OptionText::fields(spec);
    quint16 port = 0;
    if (f.size() != 3 || f[0].isEmpty() || f[2].isEmpty() || !OptionText::port(f[1], &port)) {
        *error = OptionText::tr(
                     "--resolve %1: write HOST:PORT:ADDRESS, e.g. ha.example.com:443:127.0.0.1")
                     .arg(spec);
        return false;
    }
    connectTo.insert(f[0].toLower() + QLatin1Char(':') + QString::number(port), {f[2], port});
    return true;
}

bool CheckOptions::addConnectTo(const QString &spec, QString *error)
{
    const QStringList f = OptionText::fields(spec);
    quint16 port = 0;
    quint16 port2 = 0;
    if (f.size() != 4 || f[0].isEmpty() || f[2].isEmpty() || !OptionText::port(f[1], &port) ||
        !OptionText::port(f[3], &port2)) {
        *error = OptionText::tr("--connect-to %1: write HOST:PORT:ADDRESS:PORT2, e.g. "
                                "ha.example.com:443:127.0.0.1:8443")
                     .arg(spec);
        return false;
    }
    connectTo.insert(f[0].toLower() + QLatin1Char(':') + QString::number(port), {f[2], port2});
    return true;
}

bool CheckOptions::addCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = OptionText::tr("--ca-file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        *error = OptionText::tr("--ca-file %1: no PEM certificate in the file").arg(path);
        return false;
    }
    extraCaCertificates += certs;
    return true;
}

Check::Check(QString category, QObject *parent)
    : QObject(parent)
    , m_category(std::move(category))
{}

Check::~Check() = default;

void Check::start(const CheckContext &context)
{
    m_clock.start();
    run(context);
}

void Check::cancel()
{
    if (m_finished)
        return;
    stop();
    done();
}

void Check::report(CheckResult result)
{
    if (m_finished)
        return;
    result.category = m_category;
    if (result.durationMs == 0)
        result.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT resultReady(result);
}

void Check::done()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

void CheckRegistry::add(const QString &category, Factory factory)
{
    m_factories[category] = std::move(factory);
}

bool CheckRegistry::contains(const QString &category) const
{
    return m_factories.count(category) > 0;
}

Check *CheckRegistry::create(const QString &category, QObject *parent) const
{
    const auto it = m_factories.find(category);
    return it == m_factories.end() ? nullptr : it->second(parent);
}

QStringList CheckRegistry::categories() const
{
    QStringList out;
    for (const auto &[name, factory] : m_factories)
        out << name;
    return out;
}

CheckRegistry builtInChecks()
{
    CheckRegistry r;
    r.add(QStringLiteral("certs"), [](QObject *p) { return new CertCheck(p); });
    r.add(QStringLiteral("routes"), [](QObject *p) { return new RoutesCheck(p); });
    r.add(QStringLiteral("endpoints"), [](QObject *p) { return new EndpointCheck(p); });
    r.add(QStringLiteral("k8s"), [](QObject *p) { return new KubeCheck(p); });
    r.add(QStringLiteral("tunnels"), [](QObject *p) { return new TunnelCheck(p); });
    r.add(QStringLiteral("prometheus"), [](QObject *p) { return new PrometheusCheck(p); });
    r.add(QStringLiteral("gpu"), [](QObject *p) { return new GpuCheck(p); });
    return r;
}

} // namespace labdeck::checks
