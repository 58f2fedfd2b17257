#include "checks/endpointcheck.h"

#include "checks/certcheck.h"

namespace labdeck::checks {

EndpointCheck::EndpointCheck(QObject *parent)
    : Check(QStringLiteral("endpoints"), parent)
{}

QString EndpointCheck::nodeAddress(const Host &host)
{
    for (const QString &a :
         {host.addresses.tailscale, host.addresses.privateAddress, host.addresses.publicAddress}) {
        if (!a.isEmpty())
            return a;
    }
    return host.name;
}

CheckResult EndpointCheck::judgeUrl(const PublicUrl &url, const ProbeRequest &request,
                                    const ProbeResult &probe, const Inventory &lab,
                                    const Thresholds &thresholds)
{
    CheckResult r;
    r.target = url.url.toString();
    r.url = r.target;
    r.host = url.host;
    r.durationMs = probe.totalMs;
    QJsonObject d;
    d.insert(QStringLiteral("kind"), QStringLiteral("url"));
    d.insert(QStringLiteral("httpStatus"), probe.httpStatus);
    d.insert(QStringLiteral("latencyMs"), probe.firstByteMs);
    d.insert(QStringLiteral("connectMs"), probe.connectMs);
    d.insert(QStringLiteral("timedOut"), probe.timedOut);
    const QString ingress = CheckText::ingressHost(lab);
    if (!probe.sslErrors.isEmpty()) {
        r.severity = Health::Critical;
        r.summary = CheckText::tr("browsers refuse its TLS certificate (%1)")
                        .arg(probe.sslErrors.first().errorString());
        r.advice = CheckText::tr("See the certs result for %1.").arg(r.target);
        d.insert(QStringLiteral("error"), r.summary);
        r.details = d;
        return r;
    }
    if (probe.httpStatus == 0) {
        r.severity = Health::Critical;
        r.summary = probe.errorText.isEmpty() && !probe.timedOut
                        ? CheckText::tr("no HTTP answer")
                        : CheckText::connectionProblem(request, probe);
        r.advice = CheckText::connectionAdvice(probe, lab);
        d.insert(QStringLiteral("error"), r.summary);
        r.details = d;
        return r;
    }
    r.details = d;
    const int status = probe.httpStatus;
    const QString statusText =
        QString::number(status) +
        (probe.httpReason.isEmpty() ? QString() : QLatin1Char(' ') + probe.httpReason);
    const QString backend = url.nodePort > 0
                                ? CheckText::tr("NodePort %1 on %2").arg(url.nodePort).arg(url.host)
                                : CheckText::tr("%1 on %2").arg(url.target, url.host);
    if (status >= 500) {
        r.severity = Health::Critical;
        r.summary = CheckText::tr("answers %1 after %2 ms").arg(statusText).arg(probe.firstByteMs);
        r.advice = status == 502 || status == 504
                       ? CheckText::tr("Traefik on %1 cannot reach %2: is the service up?")
                             .arg(ingress, backend)
                       : CheckText::tr("The application behind it fails: look at the logs of %1.")
                             .arg(url.target);
        return r;
    }
    if (status == 404 || status == 421) {
        r.severity = Health::Warning;
        r.summary = CheckText::tr("answers %1: no route or no page at /").arg(statusText);
        r.advice = CheckText::tr("Check Traefik's router for %1 (the routes check lists them).")
                       .arg(request.host);
        return r;
    }
    if (status >= 400 && status != 401 && status != 403) {
        r.severity = Health::Warning;
        r.summary = CheckText::tr("answers %1").arg(statusText);
        r.advice = CheckText::tr("Open %1 in a browser to see why.").arg(r.target);
        return r;
    }
    const QString note =
        status == 401 || status == 403 ? CheckText::tr(" (asks for a login)") : QString();
    if (probe.firstByteMs > thresholds.latencyWarningMs) {
        r.severity = Health::Warning;
        r.summary = CheckText::tr("answers %1%2, but slowly: %3 ms")
                        .arg(statusText, note)
                        .arg(probe.firstByteMs);
        r.advice = CheckText::tr("Look at the load of %1 and of %2 (Prometheus charts).")
                       .arg(url.host, ingress);
        return r;
    }
    r.severity = Health::Ok;
    r.summary = CheckText::tr("answers %1%2 in %3 ms").arg(statusText, note).arg(probe.firstByteMs);
    return r;
}

CheckResult EndpointCheck::judgeNodePort(const Workload &w, const ProbeRequest &request,
                                         const ProbeResult &probe)
{
    CheckResult r;
    r.target =
        CheckText::tr("NodePort %1 on %2 (%3)").arg(w.nodePort).arg(w.host, w.qualifiedName());
    r.host = w.host;
    r.durationMs = probe.totalMs;
    QJsonObject d{{QStringLiteral("kind"), QStringLiteral("nodePort")},
                  {QStringLiteral("node"), w.host},
                  {QStringLiteral("nodePort"), w.nodePort},
                  {QStringLiteral("workload"), w.qualifiedName()},
                  {QStringLiteral("connectMs"), probe.connectMs},
                  {QStringLiteral("timedOut"), probe.timedOut}};
    if (probe.connected) {
        r.severity = Health::Ok;
        r.summary = CheckText::tr("accepts connections (%1 ms)").arg(probe.connectMs);
        r.details = d;
        return r;
    }
    r.severity = Health::Critical;
    r.summary = CheckText::connectionProblem(request, probe);
    if (probe.socketError == QAbstractSocket::ConnectionRefusedError)
        r.advice = CheckText::tr("The Service's nodePort may have changed or its pods are down: "
                                 "kubectl -n %1 get svc,pods -o wide.")
                       .arg(w.ns);
    else if (probe.timedOut)
        r.advice =
            CheckText::tr("Packets are dropped: check %1's UFW rules and the OCI security list for "
                          "port %2, and the Tailscale link to %1.")
                .arg(w.host)
                .arg(w.nodePort);
    else
        r.advice = CheckText::tr("Check that %1 is reachable from here.").arg(w.host);
    d.insert(QStringLiteral("error"), r.summary);
    r.details = d;
    return r;
}

void EndpointCheck::run(const CheckContext &context)
{
    m_lab = context.inventory;
    m_thresholds = context.options.thresholds;
    const QSslConfiguration ssl = checkSslConfiguration(context.options.extraCaCertificates);
    const QList<PublicUrl> urls = m_lab.publicUrls();
    for (const PublicUrl &u : urls) {
        ProbeRequest req;
        req.host = u.url.host();
        req.port = quint16(u.url.port(443));
        req.tls = u.url.scheme() != QLatin1String("http");
        req.http = true;
        req.path = u.url.path().isEmpty() ? QStringLiteral("/") : u.url.path();
        const ConnectTarget to = context.options.target(req.host, req.port);
        if (to.address != req.host || to.port != req.port)
            req.connectTo = to;
        req.timeout = context.options.timeout;
        ++m_pending;
        m_probes << new Probe(
            req, ssl,
            [this, u, req](const ProbeResult &result) {
                report(judgeUrl(u, req, result, m_lab, m_thresholds));
                probeDone();
            },
            this);
    }
    for (const Workload &w : std::as_const(m_lab.workloads)) {
        if (w.nodePort <= 0)
            continue;
        const Host *host = m_lab.host(w.host);
        ProbeRequest req;
        req.host = host ? nodeAddress(*host) : w.host;
        req.port = quint16(w.nodePort);
        req.tls = false;
        const ConnectTarget to = context.options.target(req.host, req.port);
        req.connectTo = to;
        req.timeout = context.options.timeout;
        ++m_pending;
        m_probes << new Probe(
            req, ssl,
            [this, w, req](const ProbeResult &result) {
                report(judgeNodePort(w, req, result));
                probeDone();
            },
            this);
    }
    if (m_pending == 0) {
        CheckResult r;
        r.target = tr("endpoints");
        r.severity = Health::Ok;
        r.summary = tr("the inventory lists no public URL and no NodePort");
        report(r);
        done();
    }
}

void EndpointCheck::probeDone()
{
    if (--m_pending == 0)
        done();
}

void EndpointCheck::stop()
{
    for (Probe *p : std::as_const(m_probes))
        p->abort();
}

} // namespace labdeck::checks
