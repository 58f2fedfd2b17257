#include "support/apiclient.h"

#include <QSignalSpy>

namespace labdeck::test {

ApiClient::ApiClient(QUrl base, QString token)
    : m_base(std::move(base))
    , m_token(std::move(token))
{}

void ApiClient::setSsl(const QSslConfiguration &ssl)
{
    m_ssl = ssl;
    m_useSsl = true;
}

QNetworkRequest ApiClient::request(const QString &pathAndQuery, const QByteArray &accept) const
{
    QNetworkRequest req(QUrl(m_base.toString() + pathAndQuery, QUrl::TolerantMode));
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!accept.isEmpty())
        req.setRawHeader("Accept", accept);
    req.setRawHeader("User-Agent", "tst_demolab/1.0");
    if (m_useSsl)
        req.setSslConfiguration(m_ssl);
    return req;
}

ApiResponse ApiClient::send(const QByteArray &verb, const QString &pathAndQuery,
                            const QByteArray &body, const QByteArray &contentType,
                            const QByteArray &accept)
{
    QNetworkRequest req = request(pathAndQuery, accept);
    if (!contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        spy.wait(30000);
    }
    ApiResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

ApiResponse ApiClient::post(const QString &p, const QJsonObject &o)
{
    return send("POST", p, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json");
}

ApiResponse ApiClient::put(const QString &p, const QJsonObject &o)
{
    return send("PUT", p, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json");
}

ApiStream::ApiStream(ApiClient &client, const QString &pathAndQuery)
{
    m_reply = client.nam().get(client.request(pathAndQuery));
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        m_buffer += m_reply->readAll();
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            m_lines << m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] { m_finished = true; });
}

ApiStream::~ApiStream()
{
    if (!m_finished)
        m_reply->abort();
    m_reply->deleteLater();
}

QList<QJsonObject> ApiStream::events() const
{
    QList<QJsonObject> out;
    for (const QByteArray &l : m_lines)
        out << QJsonDocument::fromJson(l).object();
    return out;
}

int ApiStream::status() const
{
    return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

qint64 rvOf(const QJsonObject &o)
{
    return o.value("metadata").toObject().value("resourceVersion").toString().toLongLong();
}

QString nameOf(const QJsonObject &o)
{
    return o.value("metadata").toObject().value("name").toString();
}

bool isReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value("status").toObject().value("conditions").toArray()) {
        if (c.toObject().value("type").toString() == "Ready")
            return c.toObject().value("status").toString() == "True";
    }
    return false;
}

} // namespace labdeck::test
