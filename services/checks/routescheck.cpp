#include "checks/routescheck.h"

#include "checks/certcheck.h"
#include "checks/commandfailure.h"
#include "checks/probe.h"
#include "remote/commandtransport.h"

#include <QJsonArray>

namespace labdeck::checks {

namespace {

QString routerList(const QList<const TraefikRouter *> &routers)
{
    QStringList names;
    for (const TraefikRouter *r : routers)
        names << r->name;
    return names.join(QStringLiteral(", "));
}

} // namespace

RoutesCheck::RoutesCheck(QObject *parent)
    : Check(QStringLiteral("routes"), parent)
{}

QList<CheckResult> RoutesCheck::judge(const QList<TraefikRouter> &routers, const Inventory &lab,
                                      const QString &source)
{
    QList<CheckResult> out;
    const QString ingress = CheckText::ingressHost(lab);
    const QString wanted = lab.ingress.certResolver;
    QSet<QString> inventoryHosts;
    QSet<QString> reported;

    for (const PublicUrl &u : lab.publicUrls()) {
        const QString name = u.url.host().toLower();
        inventoryHosts.insert(name);
        CheckResult r;
        r.target = u.url.toString();
        r.url = r.target;
        r.host = lab.ingress.host;
        QList<const TraefikRouter *> matching;
        for (const TraefikRouter &t : routers) {
            if (t.hosts.contains(name))
                matching << &t;
        }
        QList<const TraefikRouter *> enabled;
        QList<const TraefikRouter *> withTls;
        QList<const TraefikRouter *> withResolver;
        for (const TraefikRouter *t : std::as_const(matching)) {
            if (t->status != QLatin1String("enabled") && t->status != QLatin1String("warning"))
                continue;
            enabled << t;
            if (t->tls)
                withTls << t;
            if (t->tls && !t->certResolver.isEmpty())
                withResolver << t;
        }
        QJsonArray names;
        for (const TraefikRouter *t : std::as_const(matching))
            names.append(t->name);
        r.details = QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("routers"), names},
                                {QStringLiteral("source"), source}};
        if (matching.isEmpty()) {
            r.severity = Health::Critical;
            r.summary = CheckText::tr("no Traefik router has Host(`%1`)").arg(name);
            r.advice =
                CheckText::tr(
                    "Add a router for Host(`%1`) with tls.certResolver=%2 on %3 (a label of %4, "
                    "or the file provider), then docker compose up -d.")
                    .arg(name, wanted.isEmpty() ? QStringLiteral("letsencrypt") : wanted, ingress,
                         u.target);
        } else if (enabled.isEmpty()) {
            const TraefikRouter *t = matching.first();
            r.severity = Health::Critical;
            r.summary = t->errors.isEmpty()
                            ? CheckText::tr("router %1 is %2").arg(t->name, t->status)
                            : CheckText::tr("router %1 is %2: %3")
                                  .arg(t->name, t->status, t->errors.join(QStringLiteral("; ")));
            r.advice =
                CheckText::tr(
                    "Fix the router's configuration on %1 (the error says what), then look at "
                    "the Traefik dashboard again.")
                    .arg(ingress);
            for (const TraefikRouter *m : std::as_const(matching))
                reported.insert(m->name);
        } else if (withTls.isEmpty()) {
            r.severity = Health::Critical;
            r.summary = CheckText::tr("served without TLS by %1 (entry points %2)")
                            .arg(routerList(enabled),
                                 enabled.first()->entryPoints.join(QStringLiteral(", ")));
            r.advice =
                CheckText::tr("Give the router tls.certResolver=%1 on the websecure entry point.")
                    .arg(wanted.isEmpty() ? QStringLiteral("letsencrypt") : wanted);
        } else if (withResolver.isEmpty()) {
            r.severity = Health::Warning;
            r.summary = CheckText::tr(
                            "router %1 has TLS but no certResolver: its certificate is not renewed "
                            "by Let's Encrypt")
                            .arg(routerList(withTls));
            r.advice =
                CheckText::tr(
                    "Set tls.certResolver=%1 on the router (or renew the certificate by hand).")
                    .arg(wanted.isEmpty() ? QStringLiteral("letsencrypt") : wanted);
        } else if (!wanted.isEmpty() && withResolver.first()->certResolver != wanted) {
            r.severity = Health::Warning;
            r.summary =
                CheckText::tr("router %1 uses certResolver %2; the inventory says %3")
                    .arg(withResolver.first()->name, withResolver.first()->certResolver, wanted);
            r.advice = CheckText::tr("Use one resolver for every router, or correct the "
                                     "inventory's ingress.certResolver.");
        } else {
            r.severity = Health::Ok;
            r.summary = CheckText::tr("router %1: enabled, TLS, certResolver %2")
                            .arg(withResolver.first()->name, withResolver.first()->certResolver);
        }
        if (r.severity == Health::Ok) {
            for (const TraefikRouter *m : std::as_const(matching)) {
                if (!m->errors.isEmpty() || m->status == QLatin1String("warning")) {
                    r.severity = Health::Warning;
                    r.summary += CheckText::tr("; router %1 reports: %2")
                                     .arg(m->name, m->errors.join(QStringLiteral("; ")));
                    r.advice =
                        CheckText::tr("Look at router %1 in the Traefik dashboard.").arg(m->name);
                    reported.insert(m->name);
                }
            }
        }
        out << r;
    }

    for (const TraefikRouter &t : routers) {
        if (t.provider == QLatin1String("internal") || reported.contains(t.name))
            continue;
        CheckResult r;
        r.target = CheckText::tr("router %1").arg(t.name);
        r.host = lab.ingress.host;
        r.details = QJsonObject{{QStringLiteral("router"), t.name},
                                {QStringLiteral("rule"), t.rule},
                                {QStringLiteral("status"), t.status},
                                {QStringLiteral("errors"), QJsonArray::fromStringList(t.errors)},
                                {QStringLiteral("source"), source}};
        const bool inError = t.status == QLatin1String("disabled") || !t.errors.isEmpty();
        bool known = false;
        for (const QString &h : t.hosts)
            known = known || inventoryHosts.contains(h);
        if (inError) {
            r.severity = t.status == QLatin1String("disabled") ? Health::Critical : Health::Warning;
            r.summary = CheckText::tr("%1: %2").arg(
                t.status, t.errors.isEmpty() ? t.rule : t.errors.join(QStringLiteral("; ")));
            r.advice = CheckText::tr("Fix or remove this router in Traefik's configuration on %1.")
                           .arg(ingress);
            out << r;
        } else if (!known && !t.hosts.isEmpty()) {
            r.severity = Health::Warning;
            r.summary = CheckText::tr("routes %1, which the inventory does not list")
                            .arg(t.hosts.join(QStringLiteral(", ")));
            r.advice = CheckText::tr(
                "Add the URL to the inventory, or remove the router if it is left over.");
            out << r;
        }
    }
    return out;
}

void RoutesCheck::run(const CheckContext &context)
{
    m_lab = context.inventory;
    if (m_lab.publicUrls().isEmpty()) {
        CheckResult r;
        r.target = tr("routes");
        r.severity = Health::Ok;
        r.summary = tr("the inventory lists no public URL");
        report(r);
        done();
        return;
    }
    QUrl api = context.options.traefikApiUrl;
    if (api.isEmpty() && context.transport && !m_lab.ingress.host.isEmpty()) {
        remote::CommandRequest req;
        req.host = m_lab.ingress.host;
        req.argv = context.options.traefikApiCommand;
        req.timeoutMs = int(context.options.timeout.count());
        m_job = context.transport->run(req);
        const QString source = tr("%1 on %2").arg(remote::displayCommand(req.argv), req.host);
        connect(m_job, &remote::CommandJob::finished, this,
                [this, source](const remote::CommandResult &res) {
                    if (!res.ran && res.hostKey.kind != remote::HostKeyFailure::None) {
                        report(CommandFailure::result(
                            res, tr("Traefik on %1").arg(CheckText::ingressHost(m_lab)),
                            m_lab.ingress.host));
                        done();
                        return;
                    }
                    if (!res.succeeded()) {
                        failed(res.ran ? tr("could not run: %1 exited with %2: %3")
                                             .arg(source)
                                             .arg(res.exitStatus)
                                             .arg(QString::fromUtf8(res.standardError).trimmed())
                                       : tr("could not run: %1").arg(res.error),
                               tr("Check that Traefik's API is enabled (api.insecure or an "
                                  "internal entry point on :8080) "
                                  "and that curl exists on %1.")
                                   .arg(m_lab.ingress.host));
                        return;
                    }
                    parsed(res.standardOutput, source, res.durationMs);
                });
        return;
    }
    if (api.isEmpty()) {
        // The dashboard's URL (the inventory's Traefik service).
        for (const ComposeService &s : std::as_const(m_lab.compose.services)) {
            if (s.name == m_lab.ingress.via && !s.url.isEmpty())
                api = s.url.resolved(QUrl(QStringLiteral("/api/http/routers")));
        }
    }
    if (api.isEmpty()) {
        failed(tr("could not run: no way to reach Traefik's API (no SSH connection to the ingress "
                  "host and no "
                  "dashboard URL in the inventory)"),
               tr("Give the Traefik service a url in the inventory, or connect to %1 over SSH.")
                   .arg(CheckText::ingressHost(m_lab)));
        return;
    }
    ProbeRequest req;
    req.host = api.host();
    req.tls = api.scheme() != QLatin1String("http");
    req.port = quint16(api.port(req.tls ? 443 : 80));
    req.http = true;
    req.readBody = true;
    req.path = api.path(QUrl::FullyEncoded) +
               (api.hasQuery() ? QLatin1Char('?') + api.query(QUrl::FullyEncoded) : QString());
    const ConnectTarget to = context.options.target(req.host, req.port);
    if (to.address != req.host || to.port != req.port)
        req.connectTo = to;
    req.timeout = context.options.timeout;
    const QString source = api.toString();
    m_probe = new Probe(
        req, checkSslConfiguration(context.options.extraCaCertificates),
        [this, req, source](const ProbeResult &p) {
            if (!p.ok() || p.httpStatus == 0) {
                QString why = !p.sslErrors.isEmpty() ? p.sslErrors.first().errorString()
                                                     : CheckText::connectionProblem(req, p);
                failed(tr("could not run: Traefik's API at %1: %2").arg(source, why),
                       tr("Reach the API over SSH instead, or fix the dashboard's certificate and "
                          "address."));
                return;
            }
            if (p.httpStatus == 401 || p.httpStatus == 403) {
                failed(tr("could not run: Traefik's API at %1 asks for a login (HTTP %2)")
                           .arg(source)
                           .arg(p.httpStatus),
                       tr("Connect to %1 over SSH so Labdeck reads the API on the host itself.")
                           .arg(CheckText::ingressHost(m_lab)));
                return;
            }
            if (p.httpStatus != 200) {
                failed(tr("could not run: Traefik's API at %1 answered HTTP %2")
                           .arg(source)
                           .arg(p.httpStatus),
                       tr("Check that the API is enabled in Traefik's static configuration (api: "
                          "{dashboard: true})."));
                return;
            }
            parsed(p.body, source, p.totalMs);
        },
        this);
}

void RoutesCheck::parsed(const QByteArray &json, const QString &source, qint64 ms)
{
    QString error;
    const QList<TraefikRouter> routers = TraefikRouters::parse(json, &error);
    if (!error.isEmpty()) {
        failed(tr("could not run: %1 (from %2)").arg(error, source),
               tr("Check that %1 is Traefik's /api/http/routers.").arg(source));
        return;
    }
    for (CheckResult r : judge(routers, m_lab, source)) {
        r.durationMs = ms;
        report(r);
    }
    done();
}

void RoutesCheck::failed(const QString &why, const QString &advice)
{
    CheckResult r;
    r.target = tr("Traefik on %1").arg(CheckText::ingressHost(m_lab));
    r.host = m_lab.ingress.host;
    r.severity = Health::Unknown;
    r.summary = why;
    r.advice = advice;
    report(r);
    done();
}

void RoutesCheck::stop()
{
    if (m_probe)
        m_probe->abort();
    if (m_job)
        m_job->cancel();
}

} // namespace labdeck::checks
