#include "kube/kubeclient.h"

#include "kube/logging_p.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace labdeck::kube {

namespace {

constexpr qint64 kListBodyCap = 64 * 1024 * 1024;

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(a) == effectivePort(b);
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// A URL for messages: no user info, no query (either may carry secrets).
QString shown(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace

bool Authenticator::Result::carriesCredentials() const
{
    return !bearerToken.isEmpty() || !authorization.isEmpty() || !headers.isEmpty() ||
           !ssl.localCertificate().isNull() || !ssl.localCertificateChain().isEmpty();
}

StaticAuthenticator::StaticAuthenticator(QString token, QSslConfiguration ssl, QObject *parent)
    : Authenticator(parent)
{
    m_result.bearerToken = std::move(token);
    m_result.ssl = std::move(ssl);
}

void StaticAuthenticator::authenticate(Callback done)
{
    QTimer::singleShot(0, this, [this, done = std::move(done)] { done(m_result); });
}

void KubeCall::abort()
{
    m_aborted = true;
    if (m_job)
        m_job->abort();
    m_job = nullptr;
    deleteLater();
}

KubeClient::KubeClient(QUrl server, Authenticator *authenticator, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_auth(authenticator)
{
    // Each redirect is checked in dispatch(): Qt would carry every header along.
    m_nam.setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

KubeClient::~KubeClient() = default;

KubeCall *KubeClient::create(const QByteArray &method, const QString &path, const QUrlQuery &query,
                             const QByteArray &body, const QByteArray &contentType,
                             std::chrono::milliseconds timeout, bool stream)
{
    auto *call = new KubeCall(this);
    call->m_method = QString::fromLatin1(method);
    call->m_path = path;
    call->m_query = query;
    call->m_body = body;
    call->m_contentType = contentType;
    call->m_timeout = timeout;
    call->m_stream = stream;
    if (!stream)
        call->m_deadline = std::max(KubeCall::kDefaultDeadline, timeout);
    // Start once the caller has connected to the call's signals.
    QTimer::singleShot(0, call, [this, call] { start(call); });
    return call;
}

KubeCall *KubeClient::get(const QString &path, const QUrlQuery &query,
                          std::chrono::milliseconds timeout)
{
    return create("GET", path, query, {}, {}, timeout, false);
}

KubeCall *KubeClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                           const QByteArray &body, const QByteArray &contentType,
                           std::chrono::milliseconds timeout)
{
    return create(method, path, query, body, contentType, timeout, false);
}

KubeCall *KubeClient::stream(const QString &path, const QUrlQuery &query,
                             std::chrono::milliseconds idleTimeout)
{
    return create("GET", path, query, {}, {}, idleTimeout, true);
}

KubeCall *KubeClient::mergePatch(const QString &path, const QJsonObject &patch,
                                 const QUrlQuery &query)
{
    return send("PATCH", path, query, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                "application/merge-patch+json");
}

KubeCall *KubeClient::strategicMergePatch(const QString &path, const QJsonObject &patch,
                                          const QUrlQuery &query)
{
    return send("PATCH", path, query, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                "application/strategic-merge-patch+json");
}

KubeCall *KubeClient::remove(const QString &path)
{
    return send("DELETE", path, {}, {}, {});
}

void KubeClient::start(KubeCall *call)
{
    if (call->m_aborted)
        return;
    if (!m_auth) {
        dispatch(call, {});
        return;
    }
    QPointer<KubeCall> guard(call);
    m_auth->authenticate([this, guard](const Authenticator::Result &auth) {
        if (!guard || guard->m_aborted)
            return;
        if (!auth.error.isEmpty()) {
            finishEarly(guard, auth.error);
            return;
        }
        dispatch(guard, auth);
    });
}

void KubeClient::finishEarly(KubeCall *call, const QString &error)
{
    KubeResponse r;
    r.errorText = error;
    qCInfo(lcKube).noquote() << error;
    Q_EMIT callFinished(call->m_method, call->m_path, 0, error);
    Q_EMIT call->finished(r);
    call->deleteLater();
}

void KubeClient::dispatch(KubeCall *call, const Authenticator::Result &auth)
{
    QUrl url = m_server;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + call->m_path);
    url.setQuery(call->m_query);
    if (url.scheme() != QLatin1String("https") && auth.carriesCredentials() &&
        !(auth.plainHttpLoopbackAllowed && isLoopback(url.host()))) {
        finishEarly(call,
                    tr("%1 %2%3: the API server's address is plain http://, so Labdeck does not "
                       "send your credentials to it (anyone on the way could read them; "
                       "kubectl sends none either). Use its https:// address with the "
                       "cluster's CA (certificate-authority-data)")
                        .arg(call->m_method, m_server.authority(), call->m_path));
        return;
    }
    QNetworkRequest req(url);
    if (url.scheme() == QLatin1String("https")) {
        req.setSslConfiguration(auth.ssl);
        if (!auth.peerVerifyName.isEmpty())
            req.setPeerVerifyName(auth.peerVerifyName);
        const QByteArray cert = auth.ssl.localCertificate().toDer();
        if (cert != m_lastClientCertificate) {
            m_nam.clearConnectionCache();
            m_lastClientCertificate = cert;
        }
    }
    for (const auto &header : auth.headers)
        req.setRawHeader(header.first, header.second);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "labdeck");
    if (!auth.authorization.isEmpty())
        req.setRawHeader("Authorization", auth.authorization);
    else if (!auth.bearerToken.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + auth.bearerToken.toUtf8());
    if (!call->m_contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, call->m_contentType);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::UserVerifiedRedirectPolicy);

    // A stream (watch, log follow) holds its connection for minutes, and Qt
    // opens at most six connections per server and manager: streams get a
    // manager of their own so they never starve ordinary requests.
    QNetworkAccessManager *nam = &m_nam;
    if (call->m_stream) {
        nam = new QNetworkAccessManager(call);
        nam->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
        nam->setProxy(m_nam.proxy());
    }
    auto *job = new HttpJob(nam, req, ask(call), call);
    job->setMethod(call->m_method.toLatin1(), call->m_body);
    // For streams this bounds silence, for plain calls every pause of the transfer.
    job->setInactivityTimeout(call->m_timeout);
    job->setDeadline(call->m_deadline);
    // A page of a list (500 objects, managed fields and all) may pass 8 MiB.
    job->setBodyCap(kListBodyCap);
    if (call->m_stream) {
        // Each watch event or log line whole; the job reads a burst of tens
        // of megabytes 1 MiB per turn of the event loop.
        job->setStreaming();
        connect(job, &HttpJob::lineReceived, call, [call](const QByteArray &line) {
            if (!call->m_aborted)
                Q_EMIT call->data(line + '\n');
        });
    }
    connect(job, &HttpJob::finished, call,
            [this, call](const HttpResult &http) { complete(call, http); });
    call->m_job = job;
    job->start();

    // Qt keeps every header on a redirect, Authorization and Impersonate-*
    // included: follow only within the API server's origin.
    // Where the current hop went: Qt has already moved reply->url() to the
    // target when it asks.
    QNetworkReply *reply = job->reply();
    if (!reply)
        return; // the job ends on its own (no network)
    auto hop = std::make_shared<QUrl>(url);
    connect(reply, &QNetworkReply::redirected, call, [this, call, reply, hop](const QUrl &target) {
        const QUrl to = hop->resolved(target);
        if (sameOrigin(m_server, to)) {
            *hop = to;
            Q_EMIT reply->redirectAllowed();
            return;
        }
        const QString refused =
            tr("%1 %2: the API server redirected to another host (%3); Labdeck does not follow it "
               "with your credentials. Point the kubeconfig's server at the address that answers")
                .arg(call->m_method, shown(*hop), shown(to));
        if (call->m_job)
            call->m_job->abort();
        call->m_job = nullptr;
        // Not from inside the reply's own signal.
        QTimer::singleShot(0, call, [this, call, refused] { finishEarly(call, refused); });
    });
}

HttpAsk KubeClient::ask(const KubeCall *call) const
{
    return {tr("Kubernetes API at %1").arg(m_server.authority()),
            call->m_method + QLatin1Char(' ') + call->m_path,
            tr("the cluster's server in the kubeconfig")};
}

void KubeClient::complete(KubeCall *call, const HttpResult &http)
{
    call->m_job = nullptr;
    if (call->m_aborted)
        return;
    KubeResponse r;
    r.httpStatus = http.httpStatus;
    r.timedOut = http.timedOut;

    if (r.httpStatus == 401 && !call->m_retried401 && m_auth) {
        // Credentials may have expired (exec plugins): get fresh ones, once.
        call->m_retried401 = true;
        m_auth->invalidate();
        start(call);
        return;
    }
    if (http.status == HttpResult::Status::HttpError) {
        KubeStatus s = KubeStatus::fromReply(r.httpStatus, http.body);
        r.retryAfterSeconds = http.retryAfterSeconds;
        if (r.retryAfterSeconds == 0)
            r.retryAfterSeconds = s.retryAfterSeconds;
        // The API's Status: "NotFound (404): deployments.apps "x" not found".
        const QString head = s.reason.isEmpty()
                                 ? QStringLiteral("HTTP %1").arg(s.code)
                                 : QStringLiteral("%1 (%2)").arg(s.reason).arg(s.code);
        const QString detail = s.message.isEmpty() ? head : head + QStringLiteral(": ") + s.message;
        r.errorText = describeHttpFailure(http, ask(call), detail, KubeStatusText::advice(s));
        r.error = s;
    } else if (!http.ok()) {
        r.errorText = http.errorText;
    } else {
        r.body = http.body;
        const QJsonDocument doc =
            call->m_stream ? QJsonDocument() : QJsonDocument::fromJson(r.body);
        if (doc.isObject())
            r.json = doc.object();
    }
    // A 404 is most often an expected answer (does the object exist yet,
    // before a dry run or an apply): the caller says whether it is a
    // problem, so it is not printed unless asked for (labdeck.kube.debug).
    if (!r.ok() && r.httpStatus == 404)
        qCDebug(lcKube).noquote() << r.errorText;
    else if (!r.ok())
        qCInfo(lcKube).noquote() << r.errorText;
    Q_EMIT callFinished(call->m_method, call->m_path, r.httpStatus, r.errorText);
    Q_EMIT call->finished(r);
    call->deleteLater();
}

} // namespace labdeck::kube
