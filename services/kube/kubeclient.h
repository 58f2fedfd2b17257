#pragma once

#include "common/httpjob.h"
#include "kube/kubestatus.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>
#include <chrono>
#include <functional>
#include <memory>

namespace labdeck::kube {

// Supplies what authenticates a request: a bearer token and/or the TLS
// configuration (CA, client certificate). Implementations may run exec
// plugins; authenticate() never blocks and calls back exactly once, queued.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QString bearerToken; // empty: none
        QByteArray
            authorization; // a whole Authorization header value (basic auth); wins over bearerToken
        QString peerVerifyName; // the kubeconfig's tls-server-name; empty: the URL's host
        QList<QPair<QByteArray, QByteArray>> headers; // more headers (impersonation)
        QSslConfiguration ssl;                        // used as is for https servers
        QString error; // non-empty: authentication failed, nothing is sent
        // Credentials go to a plain http:// server only when this is set and the
        // server is on loopback (the demo lab's in-process simulator). Never set
        // for a kubeconfig: kubectl sends no credentials over http:// either.
        bool plainHttpLoopbackAllowed = false;

        // A token, an Authorization value, impersonation headers or a client certificate.
        [[nodiscard]] bool carriesCredentials() const;
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    virtual void authenticate(Callback done) = 0;
    // The server said 401: forget cached credentials.
    virtual void invalidate() = 0;
};

// A fixed token and TLS configuration (the demo lab, tests, a plain token).
class StaticAuthenticator final : public Authenticator
{
    Q_OBJECT
public:
    StaticAuthenticator(QString token, QSslConfiguration ssl, QObject *parent = nullptr);
    // Only for the demo lab's own simulator, which serves plain HTTP on a random
    // loopback port with a random token: lets the token go over http:// to a
    // loopback address. Without it, KubeClient refuses to send it.
    void allowPlainHttpOnLoopback() { m_result.plainHttpLoopbackAllowed = true; }
    void authenticate(Callback done) override;
    void invalidate() override {}

private:
    Result m_result;
};

struct KubeResponse
{
    int httpStatus = 0;              // 0 when no HTTP answer came (network error, timeout)
    QByteArray body;                 // not kept for streams
    QJsonObject json;                // the body, when it is a JSON object
    std::optional<KubeStatus> error; // set for every failure with an HTTP answer
    QString errorText;               // set for every failure: readable, names the server and path
    int retryAfterSeconds = 0;       // from Retry-After or the Status details
    bool timedOut = false;

    [[nodiscard]] bool ok() const { return errorText.isEmpty(); }
};

// One request, run by an HttpJob. Emits finished() once; streams also emit
// data() as lines arrive (each with its "\n", at most 8 MiB). Deleted after
// finished() (deleteLater); abort() ends it early without finished().
class KubeCall final : public QObject
{
    Q_OBJECT
public:
    // A plain call may take this long at most, from its start to the last
    // byte, unless its own timeout is longer: a server that keeps sending a
    // byte now and then never trips the inactivity timeout.
    static constexpr std::chrono::milliseconds kDefaultDeadline = std::chrono::minutes(2);

    void abort();
    [[nodiscard]] QString method() const { return m_method; }
    [[nodiscard]] QString path() const { return m_path; }
    // The longest the whole call may take (0: none). Plain calls default to
    // kDefaultDeadline (or their timeout when longer), streams to none. Set it
    // right after KubeClient made the call: the call starts on the next turn
    // of the event loop; later it counts from the next (re)try.
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }
    [[nodiscard]] std::chrono::milliseconds deadline() const { return m_deadline; }

Q_SIGNALS:
    void data(const QByteArray &bytes);
    void finished(const labdeck::kube::KubeResponse &response);

private:
    friend class KubeClient;
    explicit KubeCall(QObject *parent)
        : QObject(parent)
    {}
    QString m_method;
    QString m_path;
    QUrlQuery m_query;
    QByteArray m_body;
    QByteArray m_contentType;
    std::chrono::milliseconds m_timeout{30000};
    std::chrono::milliseconds m_deadline{0};
    bool m_stream = false;
    bool m_retried401 = false;
    bool m_aborted = false;
    QPointer<HttpJob> m_job;
};

// REST over HTTPS to one Kubernetes API server (one kubeconfig context).
// Lives on the UI thread in the app; every call is asynchronous.
//
// Credentials never leave the server's origin: a redirect is followed only
// to the same scheme, host and port; any other ends the call with an error
// (stricter than client-go, which sends the bearer token on every hop). And
// credentials are never sent to a plain http:// server (see
// Authenticator::Result::plainHttpLoopbackAllowed for the one exception).
class KubeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeClient)
public:
    // authenticator: owned by the caller, must outlive the client.
    KubeClient(QUrl server, Authenticator *authenticator, QObject *parent = nullptr);
    ~KubeClient() override;

    [[nodiscard]] QUrl server() const { return m_server; }
    // The kubeconfig's proxy-url (default: no proxy, not the system's).
    void setProxy(const QNetworkProxy &proxy) { m_nam.setProxy(proxy); }

    // A plain request: timeout is the longest pause of the transfer (no
    // progress for that long); the call's deadline() bounds the whole of it.
    KubeCall *get(const QString &path, const QUrlQuery &query = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(30));
    KubeCall *send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                   const QByteArray &body, const QByteArray &contentType,
                   std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // A stream (watch, log follow): idleTimeout is the longest silence allowed.
    KubeCall *stream(const QString &path, const QUrlQuery &query,
                     std::chrono::milliseconds idleTimeout);

    // PATCH helpers with the content types of the API.
    KubeCall *mergePatch(const QString &path, const QJsonObject &patch,
                         const QUrlQuery &query = {});
    KubeCall *strategicMergePatch(const QString &path, const QJsonObject &patch,
                                  const QUrlQuery &query = {});
    KubeCall *remove(const QString &path);

Q_SIGNALS:
    // Every call that ended, for the Activity log and the status bar.
    void callFinished(const QString &method, const QString &path, int httpStatus,
                      const QString &error);

private:
    KubeCall *create(const QByteArray &method, const QString &path, const QUrlQuery &query,
                     const QByteArray &body, const QByteArray &contentType,
                     std::chrono::milliseconds timeout, bool stream);
    void start(KubeCall *call);
    void dispatch(KubeCall *call, const Authenticator::Result &auth);
    void complete(KubeCall *call, const HttpResult &http);
    void finishEarly(KubeCall *call, const QString &error);
    [[nodiscard]] HttpAsk ask(const KubeCall *call) const;

    QUrl m_server;
    QPointer<Authenticator> m_auth;
    QNetworkAccessManager m_nam;
    // Qt reuses a connection's TLS identity; a new client certificate needs new connections.
    QByteArray m_lastClientCertificate;
};

} // namespace labdeck::kube
