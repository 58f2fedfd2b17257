#include "demolab/demochecks.h"

#include "checks/endpointcheck.h"
#include "checks/pendingcheck.h"
#include "demolab/tlsendpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace labdeck::demolab {

namespace {

QString key(const QString &host, int port)
{
    return host.toLower() + QLatin1Char(':') + QString::number(port);
}

QJsonObject router(const QString &name, const QString &provider, const QString &rule,
                   const QString &service, const QJsonValue &tls,
                   const QString &status = QStringLiteral("enabled"),
                   const QStringList &errors = {})
{
    // The fields Traefik v3 reports for an HTTP router (see the fixtures of
    // tests/fixtures/checks/).
    QJsonObject o{{QStringLiteral("entryPoints"), QJsonArray{QStringLiteral("websecure")}},
                  {QStringLiteral("name"), name + QLatin1Char('@') + provider},
                  {QStringLiteral("provider"), provider},
                  {QStringLiteral("priorityStr"), QStringLiteral("0")},
                  {QStringLiteral("rule"), rule},
                  {QStringLiteral("service"), service},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("using"), QJsonArray{QStringLiteral("websecure")}}};
    if (!tls.isUndefined())
        o.insert(QStringLiteral("tls"), tls);
    if (!errors.isEmpty())
        o.insert(QStringLiteral("error"), QJsonArray::fromStringList(errors));
    return o;
}

} // namespace

DemoCheckLab::DemoCheckLab(Inventory lab, QObject *parent)
    : QObject(parent)
    , m_lab(std::move(lab))
{}

DemoCheckLab::~DemoCheckLab() = default;

CertSpec DemoCheckLab::specFor(const PublicUrl &url)
{
    const QString name = url.url.host();
    const QString first = name.section(QLatin1Char('.'), 0, 0);
    CertSpec s;
    s.id = first + QLatin1Char('-') + QString::number(qHash(name), 16);
    s.dnsName = name;
    if (first == QLatin1String("grafana")) {
        s.kind = CertKind::ExpiringSoon;
        s.days = 5;
    } else if (first == QLatin1String("cloud")) {
        s.kind = CertKind::Expired;
        s.days = 3;
    } else if (first == QLatin1String("s")) {
        s.kind = CertKind::WrongHost;
        s.otherName = QStringLiteral("shlink.example.org");
    } else if (first == QLatin1String("registry")) {
        s.kind = CertKind::SelfSigned;
    } else if (first == QLatin1String("docs")) {
        s.kind = CertKind::MissingIntermediate;
    }
    return s;
}

CertSpec DemoCheckLab::expiredSpecFor(const PublicUrl &url)
{
    CertSpec s = specFor(url);
    if (s.kind == CertKind::Expired)
        return s; // expired already
    s.id += QStringLiteral("-expired");
    s.kind = CertKind::Expired;
    s.days = 2;
    return s;
}

void DemoCheckLab::setCertificateExpired(const QString &host, bool expired)
{
    const QString name = host.toLower();
    if (expired)
        m_expired.insert(name);
    else
        m_expired.remove(name);
    serveCertificate(name);
}

bool DemoCheckLab::isCertificateExpired(const QString &host) const
{
    return m_expired.contains(host.toLower());
}

void DemoCheckLab::serveCertificate(const QString &host)
{
    if (!m_endpoints || !m_factory)
        return;
    for (const PublicUrl &u : m_lab.publicUrls()) {
        if (u.url.host().toLower() != host || !m_httpsPorts.contains(host))
            continue;
        const CertSpec spec = m_expired.contains(host) ? expiredSpecFor(u) : specFor(u);
        m_endpoints->setCertificate(m_httpsPorts.value(host), m_factory->issued(spec.id));
    }
}

QByteArray DemoCheckLab::routersJson(const Inventory &lab)
{
    QJsonArray list;
    const QString resolver = lab.ingress.certResolver.isEmpty() ? QStringLiteral("letsencrypt")
                                                                : lab.ingress.certResolver;
    list.append(router(QStringLiteral("api"), QStringLiteral("internal"),
                       QStringLiteral("PathPrefix(`/api`)"), QStringLiteral("api@internal"),
                       QJsonValue::Undefined));
    for (const PublicUrl &u : lab.publicUrls()) {
        QString name = u.target.section(QLatin1Char('/'), -1);
        const bool compose = !u.target.contains(QLatin1Char('/'));
        const QString provider = compose ? QStringLiteral("docker") : QStringLiteral("file");
        QString host = u.url.host();
        QJsonValue tls = QJsonObject{{QStringLiteral("certResolver"), resolver}};
        const QString first = host.section(QLatin1Char('.'), 0, 0);
        if (first == QLatin1String("registry"))
            tls = QJsonObject{}; // TLS from a file, not renewed
        if (first == QLatin1String("s"))
            host = host.left(host.size() - 1); // "s.example.co": a typo in the rule
        list.append(router(name, provider, QStringLiteral("Host(`%1`)").arg(host),
                           name + QStringLiteral("-svc@") + provider, tls));
    }
    list.append(router(QStringLiteral("old-blog"), QStringLiteral("docker"),
                       QStringLiteral("Host(`blog.example.com`)"), QStringLiteral("blog@docker"),
                       QJsonObject{{QStringLiteral("certResolver"), resolver}},
                       QStringLiteral("disabled"),
                       {QStringLiteral("the service \"blog@docker\" does not exist")}));
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

void DemoCheckLab::start()
{
    if (!m_dir.isValid()) {
        m_error = tr("could not make a temporary directory for the demo certificates");
        QTimer::singleShot(0, this, [this] { Q_EMIT ready(false); });
        return;
    }
    QList<CertSpec> specs;
    for (const PublicUrl &u : m_lab.publicUrls()) {
        specs << specFor(u);
        if (specFor(u).kind != CertKind::Expired)
            specs << expiredSpecFor(u);
    }
    m_factory = new CertificateFactory(m_dir.path(), specs, this);
    connect(m_factory, &CertificateFactory::finished, this, [this](bool ok) {
        if (!ok) {
            m_error = tr("demo TLS endpoints: %1").arg(m_factory->errorText());
            Q_EMIT ready(false);
            return;
        }
        serve();
    });
    m_factory->start();
}

void DemoCheckLab::serve()
{
    m_endpoints = new TlsEndpoints(this);
    m_root = m_factory->root();
    const QByteArray routers = routersJson(m_lab);
    QString api;
    for (const ComposeService &s : std::as_const(m_lab.compose.services)) {
        if (s.name == m_lab.ingress.via)
            api = s.url.host();
    }
    for (const PublicUrl &u : m_lab.publicUrls()) {
        const CertSpec spec = specFor(u);
        const QString name = u.url.host();
        const bool isApi = name == api;
        const QString title = u.title;
        const quint16 port = m_endpoints->addHttps(
            m_factory->issued(spec.id), [isApi, routers, title](const QByteArray &path) {
                if (isApi && path.startsWith("/api/http/routers"))
                    return TlsEndpoints::Answer{200, "application/json", routers};
                if (isApi && path.startsWith("/api/"))
                    return TlsEndpoints::Answer{404, "text/plain; charset=utf-8",
                                                "404 page not found\n"};
                return TlsEndpoints::Answer{200, "text/html; charset=utf-8",
                                            "<!doctype html><title>" +
                                                title.toHtmlEscaped().toUtf8() +
                                                "</title>demo lab\n"};
            });
        if (port == 0) {
            m_error = tr("demo TLS endpoints: could not listen on a loopback port");
            Q_EMIT ready(false);
            return;
        }
        m_connectTo.insert(key(name, u.url.port(443)), {QStringLiteral("127.0.0.1"), port});
        m_httpsPorts.insert(name.toLower(), port);
        if (m_expired.contains(name.toLower()))
            serveCertificate(name.toLower());
    }
    for (const Workload &w : std::as_const(m_lab.workloads)) {
        if (w.nodePort <= 0)
            continue;
        const Host *h = m_lab.host(w.host);
        const QString address = h ? checks::EndpointCheck::nodeAddress(*h) : w.host;
        // Shlink's NodePort is the one nobody listens on.
        const quint16 port =
            w.name == QLatin1String("shlink") ? TlsEndpoints::closedPort() : m_endpoints->addTcp();
        m_connectTo.insert(key(address, w.nodePort), {QStringLiteral("127.0.0.1"), port});
    }
    m_ready = true;
    Q_EMIT ready(true);
}

void DemoCheckLab::apply(checks::CheckOptions *options, checks::CheckRegistry *registry) const
{
    if (!m_ready) {
        const QString why =
            m_error.isEmpty() ? tr("the demo TLS endpoints are not ready yet") : m_error;
        for (const QString &c :
             {QStringLiteral("certs"), QStringLiteral("routes"), QStringLiteral("endpoints")}) {
            registry->add(c, [c, why](QObject *p) {
                return new checks::PendingCheck(c, why,
                                                tr("Install openssl (scripts/install-deps)."), p);
            });
        }
        return;
    }
    for (auto it = m_connectTo.constBegin(); it != m_connectTo.constEnd(); ++it)
        options->connectTo.insert(it.key(), it.value());
    options->extraCaCertificates << m_root;
}

} // namespace labdeck::demolab
