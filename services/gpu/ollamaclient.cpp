#include "gpu/ollamaclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace labdeck::gpu {

namespace {
constexpr qint64 kMaxBody = 8 * 1024 * 1024;

QUrl join(const QUrl &base, const QString &path)
{
    QUrl u = base;
    QString p = u.path();
    if (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + path);
    return u;
}
} // namespace

QString describeReplyError(QNetworkReply *reply, const QString &host, const QString &what,
                           int timeoutMs)
{
    const QString url = reply->url().toDisplayString();
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return OllamaClient::tr(
                   "%1: %2: connection refused at %3; is the service running and listening there?")
            .arg(host, what, url);
    case QNetworkReply::HostNotFoundError:
        return OllamaClient::tr("%1: %2: the host name of %3 does not resolve; check the inventory "
                                "URL or Tailscale.")
            .arg(host, what, url);
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return OllamaClient::tr(
                   "%1: %2: no answer from %3 within %4 s; the server or the tunnel may be down.")
            .arg(host, what, url)
            .arg(double(timeoutMs) / 1000.0);
    default:
        break;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0)
        return OllamaClient::tr("%1: %2: HTTP %3 from %4").arg(host, what).arg(status).arg(url);
    return OllamaClient::tr("%1: %2: %3 (%4)").arg(host, what, reply->errorString(), url);
}

// --- OllamaClient -------------------------------------------------------------

OllamaClient::OllamaClient(QNetworkAccessManager *network, QUrl baseUrl, QString host,
                           QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_base(std::move(baseUrl))
    , m_host(std::move(host))
{
    connect(&m_timer, &QTimer::timeout, this, &OllamaClient::refresh);
}

OllamaClient::~OllamaClient() = default;

void OllamaClient::start(int intervalMs)
{
    if (intervalMs > 0)
        m_timer.start(intervalMs);
    refresh();
}

bool OllamaClient::isStale() const
{
    if (!m_fetchedAt.isValid() || !m_error.isEmpty())
        return true;
    const int interval = m_timer.isActive() ? m_timer.interval() : 30000;
    return m_fetchedAt.msecsTo(QDateTime::currentDateTimeUtc()) > 3 * qint64(interval);
}

void OllamaClient::refresh()
{
    if (m_pending > 0)
        return;
    if (!m_network || !m_base.isValid()) {
        m_error = tr("%1: Ollama: no URL in the inventory (ollama: url)").arg(m_host);
        Q_EMIT failed(m_error);
        Q_EMIT updated();
        return;
    }
    m_roundError.clear();
    m_pending = 3;
    get(QStringLiteral("/api/version"), [this](const QByteArray &body) {
        QString error;
        auto v = OllamaParser::parseVersion(body, &error);
        if (v)
            m_version = *v;
        return error;
    });
    get(QStringLiteral("/api/tags"), [this](const QByteArray &body) {
        QString error;
        auto v = OllamaParser::parseTags(body, &error);
        if (v)
            m_models = *v;
        return error;
    });
    get(QStringLiteral("/api/ps"), [this](const QByteArray &body) {
        QString error;
        auto v = OllamaParser::parsePs(body, &error);
        if (v)
            m_loaded = *v;
        return error;
    });
}

void OllamaClient::get(const QString &path, std::function<QString(const QByteArray &)> apply)
{
    QNetworkRequest request(join(m_base, path));
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    const QString what = QStringLiteral("Ollama ") + path;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxBody)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, what, apply = std::move(apply)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            stepDone(describeReplyError(reply, m_host, what, m_timeoutMs));
            return;
        }
        const QString error = apply(reply->readAll());
        stepDone(error.isEmpty() ? QString() : m_host + QStringLiteral(": ") + error);
    });
}

void OllamaClient::stepDone(const QString &error)
{
    if (!error.isEmpty() && m_roundError.isEmpty())
        m_roundError = error;
    if (--m_pending > 0)
        return;
    m_error = m_roundError;
    if (m_error.isEmpty())
        m_fetchedAt = QDateTime::currentDateTimeUtc();
    else
        Q_EMIT failed(m_error);
    Q_EMIT updated();
}

// --- WebUiProbe ---------------------------------------------------------------

WebUiProbe::WebUiProbe(QNetworkAccessManager *network, QUrl url, QString host, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_host(std::move(host))
{
    connect(&m_timer, &QTimer::timeout, this, &WebUiProbe::refresh);
}

void WebUiProbe::start(int intervalMs)
{
    if (intervalMs > 0)
        m_timer.start(intervalMs);
    refresh();
}

void WebUiProbe::refresh()
{
    if (m_running)
        return;
    if (!m_network || !m_url.isValid()) {
        m_health = Health::Unknown;
        m_text = tr("%1: Open WebUI: no endpoint in the inventory").arg(m_host);
        Q_EMIT updated();
        return;
    }
    QNetworkRequest request(join(m_url, QStringLiteral("/health")));
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->get(request);
    m_running = true;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_running = false;
        m_checkedAt = QDateTime::currentDateTimeUtc();
        if (reply->error() != QNetworkReply::NoError) {
            m_health = Health::Critical;
            m_text = describeReplyError(reply, m_host, QStringLiteral("Open WebUI /health"),
                                        m_timeoutMs);
        } else {
            m_health = Health::Ok;
            m_text = tr("HTTP %1").arg(
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        }
        Q_EMIT updated();
    });
}

} // namespace labdeck::gpu
