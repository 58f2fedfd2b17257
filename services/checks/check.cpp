#include "checks/check.h"

#include "checks/certcheck.h"
#include "checks/endpointcheck.h"
#include "checks/kubecheck.h"
#include "checks/pendingcheck.h"
#include "checks/routescheck.h"

namespace labdeck::checks {

ConnectTarget CheckOptions::target(const QString &host, quint16 port) const
{
    const auto it = connectTo.constFind(host.toLower() + QLatin1Char(':') + QString::number(port));
    if (it != connectTo.constEnd())
        return *it;
    return {host, port};
}

Check::Check(QString category, QObject *parent)
    : QObject(parent)
    , m_category(std::move(category))
{
}

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
    // Registration point for the categories whose clients are written
    // elsewhere: replace each line with the real check when its client lands
    // (e.g. r.add("tunnels", [](QObject *p) { return new TunnelCheck(p); })).
    r.add(QStringLiteral("tunnels"), [](QObject *p) {
        return new PendingCheck(QStringLiteral("tunnels"), PendingCheck::tr("the Tailscale client"), p);
    });
    r.add(QStringLiteral("prometheus"), [](QObject *p) {
        return new PendingCheck(QStringLiteral("prometheus"), PendingCheck::tr("the Prometheus client"), p);
    });
    r.add(QStringLiteral("gpu"), [](QObject *p) {
        return new PendingCheck(QStringLiteral("gpu"), PendingCheck::tr("the Ollama and nvidia-smi clients"), p);
    });
    return r;
}

} // namespace labdeck::checks
