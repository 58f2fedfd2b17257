#include "ollama/ollamaclient.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace labdeck::ollama {

namespace {
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

// --- OllamaClient -------------------------------------------------------------

OllamaClient::OllamaClient(QNetworkAccessManager *network, QUrl baseUrl, QString host,
                           QObject *parent)
    : Poller(std::chrono::seconds(30), parent)
    , m_network(network)
    , m_base(std::move(baseUrl))
    , m_host(std::move(host))
{}

OllamaClient::~OllamaClient() = default;

void OllamaClient::poll()
{
    if (!m_network || !m_base.isValid()) {
        fail(tr("%1: Ollama: no URL in the inventory (ollama: url)").arg(m_host));
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
    request.setRawHeader("Accept", "application/json");
    auto *job = new HttpJob(
        m_network, request,
        {m_host, QStringLiteral("Ollama ") + path, tr("ollama.url in the inventory")}, this);
    job->setInactivityTimeout(m_timeout);
    connect(job, &HttpJob::finished, this, [this, apply = std::move(apply)](const HttpResult &r) {
        if (!r.ok()) {
            stepDone(r.errorText);
            return;
        }
        const QString error = apply(r.body);
        stepDone(error.isEmpty() ? QString() : m_host + QStringLiteral(": ") + error);
    });
    job->start();
}

void OllamaClient::stepDone(const QString &error)
{
    if (!error.isEmpty() && m_roundError.isEmpty())
        m_roundError = error;
    if (--m_pending > 0)
        return;
    if (m_roundError.isEmpty())
        succeeded();
    else
        fail(m_roundError);
}

// --- WebUiProbe ---------------------------------------------------------------

WebUiProbe::WebUiProbe(QNetworkAccessManager *network, QUrl url, QString host, QObject *parent)
    : Poller(std::chrono::minutes(1), parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_host(std::move(host))
{}

void WebUiProbe::poll()
{
    if (!m_network || !m_url.isValid()) {
        m_health = Health::Unknown;
        m_text = tr("%1: Open WebUI: no endpoint in the inventory").arg(m_host);
        fail(m_text);
        return;
    }
    auto *job = new HttpJob(m_network, QNetworkRequest(join(m_url, QStringLiteral("/health"))),
                            {m_host, QStringLiteral("Open WebUI /health"), QString()}, this);
    job->setInactivityTimeout(m_timeout);
    connect(job, &HttpJob::finished, this, [this](const HttpResult &r) {
        m_checkedAt = r.receivedAt;
        if (!r.ok()) {
            m_health = Health::Critical;
            m_text = r.errorText;
            fail(m_text);
            return;
        }
        m_health = Health::Ok;
        m_text = tr("HTTP %1").arg(r.httpStatus);
        succeeded();
    });
    job->start();
}

} // namespace labdeck::ollama
