#include "checks/certcheck.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <cmath>

namespace labdeck::checks {

namespace {

QString errorId(QSslError::SslError e)
{
    switch (e) {
    case QSslError::CertificateExpired:
        return QStringLiteral("expired");
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("not-yet-valid");
    case QSslError::HostNameMismatch:
        return QStringLiteral("hostname-mismatch");
    case QSslError::SelfSignedCertificate:
        return QStringLiteral("self-signed");
    case QSslError::SelfSignedCertificateInChain:
        return QStringLiteral("self-signed-in-chain");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::UnableToGetIssuerCertificate:
        return QStringLiteral("untrusted-issuer");
    case QSslError::CertificateUntrusted:
        return QStringLiteral("untrusted");
    case QSslError::CertificateRevoked:
        return QStringLiteral("revoked");
    default:
        break;
    }
    return QStringLiteral("other");
}

bool hasError(const QList<QSslError> &errors, std::initializer_list<QSslError::SslError> kinds)
{
    for (const QSslError &e : errors) {
        for (QSslError::SslError k : kinds) {
            if (e.error() == k)
                return true;
        }
    }
    return false;
}

QString firstOf(const QStringList &list)
{
    return list.isEmpty() ? QString() : list.first();
}

QString issuerName(const QSslCertificate &cert)
{
    const QString org = firstOf(cert.issuerInfo(QSslCertificate::Organization));
    const QString cn = firstOf(cert.issuerInfo(QSslCertificate::CommonName));
    if (!org.isEmpty() && !cn.isEmpty() && org != cn)
        return cn + QStringLiteral(" (") + org + QLatin1Char(')');
    return cn.isEmpty() ? cert.issuerDisplayName() : cn;
}

QStringList dnsNames(const QSslCertificate &cert)
{
    QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
    if (names.isEmpty())
        names = cert.subjectInfo(QSslCertificate::CommonName);
    return names;
}

QString renewalAdvice(const Inventory &lab)
{
    const QString resolver = lab.ingress.certResolver.isEmpty() ? CheckText::tr("the certResolver")
                                                                : lab.ingress.certResolver;
    return CheckText::
        tr("Let's Encrypt renews at 30 days left — look at Traefik's certResolver (%1) logs on %2: "
           "docker compose logs traefik | grep -i acme")
            .arg(resolver, CheckText::ingressHost(lab));
}

} // namespace

QString CheckText::ingressHost(const Inventory &lab)
{
    return lab.ingress.host.isEmpty() ? tr("the ingress host") : lab.ingress.host;
}

QString CheckText::days(int n)
{
    // Spelled out rather than %n, so untranslated (English) output reads right.
    return n == 1 || n == -1 ? tr("1 day") : tr("%1 days").arg(n);
}

QString CheckText::timeoutText(std::chrono::milliseconds timeout)
{
    return tr("no answer within %1 s").arg(double(timeout.count()) / 1000.0, 0, 'g', 3);
}

QString CheckText::connectionProblem(const ProbeRequest &request, const ProbeResult &probe)
{
    const ConnectTarget to = request.connectTo.address.isEmpty()
                                 ? ConnectTarget{request.host, request.port}
                                 : request.connectTo;
    const QString where = to.address + QLatin1Char(':') + QString::number(to.port);
    if (probe.timedOut) {
        if (!probe.connected)
            return tr("%1 when connecting to %2").arg(timeoutText(request.timeout), where);
        if (request.tls && !probe.encrypted)
            return tr("%1: %2 accepted the connection but never finished the TLS handshake")
                .arg(timeoutText(request.timeout), where);
        return tr("%1: %2 accepted the request but never answered")
            .arg(timeoutText(request.timeout), where);
    }
    switch (probe.socketError) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("connection refused by %1: nothing listens there").arg(where);
    case QAbstractSocket::HostNotFoundError:
        return tr("the name %1 does not resolve").arg(to.address);
    case QAbstractSocket::NetworkError:
        return tr("%1 is unreachable: %2").arg(where, probe.errorText);
    case QAbstractSocket::RemoteHostClosedError:
        return tr("%1 closed the connection: %2").arg(where, probe.errorText);
    default:
        break;
    }
    return tr("%1: %2").arg(where, probe.errorText);
}

QString CheckText::connectionAdvice(const ProbeResult &probe, const Inventory &lab)
{
    const QString ingress = ingressHost(lab);
    if (probe.socketError == QAbstractSocket::HostNotFoundError)
        return tr("Check the DNS record of the name (it should point at %1's public address).")
            .arg(ingress);
    if (probe.timedOut && !probe.connected)
        return tr("Check that %1 is up and that port 443 is open in the OCI security list and UFW.")
            .arg(ingress);
    if (probe.timedOut)
        return tr("Traefik on %1 accepts but hangs: look at docker compose logs traefik, and "
                  "restart it if "
                  "it stays stuck.")
            .arg(ingress);
    return tr("Check that Traefik runs on %1: docker compose ps traefik.").arg(ingress);
}

CertCheck::CertCheck(QObject *parent)
    : Check(QStringLiteral("certs"), parent)
{}

int CertCheck::daysLeft(const QDateTime &expiry, const QDateTime &now)
{
    // To the nearest day (a 5-day certificate read a second later still has 5
    // days), but never 0 once expired.
    const qint64 secs = now.secsTo(expiry);
    const int days = int(std::lround(double(secs) / 86400.0));
    return secs < 0 && days == 0 ? -1 : days;
}

CheckResult CertCheck::judge(const PublicUrl &url, const ProbeRequest &request,
                             const ProbeResult &probe, const Inventory &lab,
                             const Thresholds &thresholds, const QDateTime &now)
{
    CheckResult r;
    r.target = url.url.toString();
    r.url = r.target;
    r.host = lab.ingress.host;
    r.durationMs = probe.totalMs;
    QJsonObject d;
    d.insert(QStringLiteral("name"), request.host);
    d.insert(QStringLiteral("port"), request.port);
    if (!request.connectTo.address.isEmpty())
        d.insert(QStringLiteral("connectedTo"), request.connectTo.address + QLatin1Char(':') +
                                                    QString::number(request.connectTo.port));

    const QSslCertificate leaf = probe.leaf();
    if (leaf.isNull()) {
        // No certificate seen: the connection or the handshake failed.
        r.severity = Health::Critical;
        r.summary = CheckText::connectionProblem(request, probe);
        if (probe.connected && !probe.timedOut &&
            probe.socketError == QAbstractSocket::SslHandshakeFailedError)
            r.summary = CheckText::tr("the TLS handshake failed: %1").arg(probe.errorText);
        r.advice = CheckText::connectionAdvice(probe, lab);
        d.insert(QStringLiteral("error"), r.summary);
        d.insert(QStringLiteral("timedOut"), probe.timedOut);
        r.details = d;
        return r;
    }

    const int days = daysLeft(leaf.expiryDate(), now);
    const QString expiry = leaf.expiryDate().toUTC().date().toString(Qt::ISODate);
    const QString issuer = issuerName(leaf);
    const QStringList names = dnsNames(leaf);
    const QList<QSslError> &errors = probe.sslErrors;
    const bool nameMatches = !hasError(errors, {QSslError::HostNameMismatch});
    QJsonArray errorIds;
    QStringList errorTexts;
    for (const QSslError &e : errors) {
        if (!errorIds.contains(errorId(e.error())))
            errorIds.append(errorId(e.error()));
        errorTexts << e.errorString();
    }
    d.insert(QStringLiteral("daysLeft"), days);
    d.insert(QStringLiteral("notBefore"), leaf.effectiveDate().toUTC().toString(Qt::ISODate));
    d.insert(QStringLiteral("notAfter"), leaf.expiryDate().toUTC().toString(Qt::ISODate));
    d.insert(QStringLiteral("issuer"), issuer);
    d.insert(QStringLiteral("subject"), firstOf(leaf.subjectInfo(QSslCertificate::CommonName)));
    d.insert(QStringLiteral("names"), QJsonArray::fromStringList(names));
    d.insert(QStringLiteral("nameMatches"), nameMatches);
    d.insert(QStringLiteral("chainLength"), int(probe.chain.size()));
    d.insert(QStringLiteral("trusted"), errors.isEmpty());
    d.insert(QStringLiteral("errors"), errorIds);
    d.insert(QStringLiteral("protocol"), protocolName(probe.protocol));
    if (!probe.cipher.isEmpty())
        d.insert(QStringLiteral("cipher"), probe.cipher);
    r.details = d;

    const QString ingress = CheckText::ingressHost(lab);
    const QString resolver = lab.ingress.certResolver.isEmpty() ? CheckText::tr("its certResolver")
                                                                : lab.ingress.certResolver;
    if (!errors.isEmpty()) {
        r.severity = Health::Critical;
        QStringList what;
        QStringList todo;
        if (hasError(errors, {QSslError::CertificateExpired})) {
            what << CheckText::tr("expired %1 ago (%2)").arg(CheckText::days(-days), expiry);
            todo << CheckText::tr("Renewal failed: %1").arg(renewalAdvice(lab));
        } else if (hasError(errors, {QSslError::CertificateNotYetValid})) {
            what << CheckText::tr("not valid before %1")
                        .arg(leaf.effectiveDate().toUTC().toString(Qt::ISODate));
            todo << CheckText::tr("Check the clock of %1.").arg(ingress);
        }
        if (!nameMatches) {
            what << CheckText::tr("the certificate is for %1, not %2")
                        .arg(names.join(QStringLiteral(", ")), request.host);
            todo << CheckText::tr(
                        "Traefik serves another certificate when no TLS router matches the name: "
                        "check the router's Host(`%1`) rule and tls.certResolver=%2 on %3.")
                        .arg(request.host, resolver, ingress);
        }
        if (hasError(errors, {QSslError::SelfSignedCertificate})) {
            what << CheckText::tr("self-signed (%1), trusted by nobody").arg(issuer);
            todo << CheckText::tr("This is Traefik's default certificate when it holds none for "
                                  "the name: give "
                                  "the router tls.certResolver=%1 and look at the ACME logs on %2.")
                        .arg(resolver, ingress);
        } else if (hasError(errors, {QSslError::SelfSignedCertificateInChain})) {
            what << CheckText::tr("the chain ends in a root nobody trusts (%1)").arg(issuer);
            todo << CheckText::tr("Use a certificate from a public CA (tls.certResolver=%1).")
                        .arg(resolver);
        } else if (hasError(errors, {QSslError::UnableToGetLocalIssuerCertificate,
                                     QSslError::UnableToVerifyFirstCertificate,
                                     QSslError::UnableToGetIssuerCertificate})) {
            if (probe.chain.size() <= 1 && !leaf.isSelfSigned()) {
                what << CheckText::tr("the server sends no intermediate certificate (issuer %1)")
                            .arg(issuer);
                todo << CheckText::tr(
                            "Serve the full chain (fullchain.pem, not cert.pem) in Traefik's TLS "
                            "store on %1; certResolver certificates include it.")
                            .arg(ingress);
            } else {
                what << CheckText::tr("issued by %1, which is not a trusted CA").arg(issuer);
                todo << CheckText::tr("Use a certificate from a public CA (tls.certResolver=%1).")
                            .arg(resolver);
            }
        }
        if (what.isEmpty()) {
            what << errorTexts.join(QStringLiteral("; "));
            todo << CheckText::tr("Look at the certificate Traefik serves on %1.").arg(ingress);
        }
        if (!hasError(errors, {QSslError::CertificateExpired}))
            what << CheckText::tr("expires in %1").arg(CheckText::days(days));
        r.summary = what.join(QStringLiteral("; "));
        r.advice = todo.join(QLatin1Char(' '));
        return r;
    }

    const QString proto = protocolName(probe.protocol);
    if (days < thresholds.certCriticalDays || days < thresholds.certWarningDays) {
        r.severity = days < thresholds.certCriticalDays ? Health::Critical : Health::Warning;
        r.summary = CheckText::tr("expires in %1 (%2); issued by %3")
                        .arg(CheckText::days(days), expiry, issuer);
        r.advice = renewalAdvice(lab);
        return r;
    }
    r.severity = Health::Ok;
    r.summary = CheckText::tr("valid for %1 more (until %2); issued by %3; %4")
                    .arg(CheckText::days(days), expiry, issuer,
                         proto.isEmpty() ? CheckText::tr("TLS") : proto);
    return r;
}

void CertCheck::run(const CheckContext &context)
{
    const QSslConfiguration ssl = checkSslConfiguration(context.options.extraCaCertificates);
    m_lab = context.inventory;
    m_thresholds = context.options.thresholds;
    const QList<PublicUrl> urls = m_lab.publicUrls();
    if (urls.isEmpty()) {
        CheckResult r;
        r.target = tr("public URLs");
        r.severity = Health::Ok;
        r.summary = tr("the inventory lists no public URL");
        report(r);
        done();
        return;
    }
    m_pending = int(urls.size());
    for (const PublicUrl &u : urls) {
        ProbeRequest req;
        req.host = u.url.host();
        req.port = quint16(u.url.port(443));
        const ConnectTarget to = context.options.target(req.host, req.port);
        if (to.address != req.host || to.port != req.port)
            req.connectTo = to;
        req.timeout = context.options.timeout;
        auto *probe = new Probe(
            req, ssl,
            [this, u, req](const ProbeResult &result) {
                report(judge(u, req, result, m_lab, m_thresholds, QDateTime::currentDateTimeUtc()));
                if (--m_pending == 0)
                    done();
            },
            this);
        m_probes << probe;
    }
}

void CertCheck::stop()
{
    for (Probe *p : std::as_const(m_probes))
        p->abort();
}

} // namespace labdeck::checks
