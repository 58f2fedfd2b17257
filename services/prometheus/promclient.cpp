#include "prometheus/promclient.h"

#include "prometheus/logging_p.h"
#include "prometheus/promparse.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace labdeck::prom {

namespace {

class Words
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::prom::Client)
public:
    static QString network(const QString &server, const QString &what, QNetworkReply *reply, bool timedOut,
                           qint64 timeoutMs)
    {
        if (timedOut)
            return tr("Prometheus at %1: %2: no answer within %3 s — is it overloaded, or is the address wrong?")
                .arg(server, what)
                .arg(timeoutMs / 1000.0, 0, 'g', 3);
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return tr("Prometheus at %1: %2: connection refused — is Prometheus running and listening there?")
                .arg(server, what);
        case QNetworkReply::HostNotFoundError:
            return tr("Prometheus at %1: %2: the host name does not resolve — check prometheus.url in the inventory")
                .arg(server, what);
        case QNetworkReply::RemoteHostClosedError:
            return tr("Prometheus at %1: %2: the server closed the connection").arg(server, what);
        default:
            return tr("Prometheus at %1: %2: %3").arg(server, what, reply->errorString());
        }
    }
};

QString paramTime(double seconds)
{
    return QString::number(seconds, 'f', 3);
}

} // namespace

Call::Call(QNetworkReply *reply, QUrl url, int kind, QString what, QString server, QObject *parent)
    : QObject(parent), m_reply(reply), m_url(std::move(url)), m_kind(kind), m_what(std::move(what)),
      m_server(std::move(server))
{
    connect(reply, &QNetworkReply::finished, this, &Call::onFinished);
}

Call::~Call()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void Call::cancel()
{
    m_cancelled = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    deleteLater();
}

void Call::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply || m_cancelled)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    Result result;
    const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError && status == 0;
    if (status != 0 && !body.isEmpty()) {
        // Prometheus answers errors with a JSON body (400, 422, 503...).
        result = Parse::response(body, static_cast<Parse::Kind>(m_kind), m_what);
        if (!result.ok && result.errorType.isEmpty() && status >= 400)
            result.error = Words::tr("Prometheus at %1: %2: HTTP %3 %4")
                               .arg(m_server, m_what)
                               .arg(status)
                               .arg(QString::fromUtf8(body.left(200)).simplified());
        else if (!result.ok && !result.errorType.isEmpty())
            result.error = Words::tr("Prometheus at %1: %2").arg(m_server, result.error);
    } else if (reply->error() != QNetworkReply::NoError || status == 0) {
        result.timedOut = timedOut;
        const auto *client = qobject_cast<Client *>(parent());
        result.error = Words::network(m_server, m_what, reply, timedOut,
                                      client ? qint64(client->timeout().count()) : 0);
    } else {
        result.error = Words::tr("Prometheus at %1: %2: empty answer (HTTP %3)").arg(m_server, m_what).arg(status);
    }
    result.httpStatus = status;
    result.receivedAt = QDateTime::currentDateTimeUtc();
    if (!result.ok)
        qCDebug(lcPrometheus) << result.error;
    Q_EMIT finished(result);
    deleteLater();
}

Client::Client(QUrl baseUrl, QObject *parent) : QObject(parent), m_base(std::move(baseUrl))
{
    m_network.setAutoDeleteReplies(false);
}

Client::~Client() = default;

Call *Client::get(const QString &path, const QList<QPair<QString, QString>> &params, int kind,
                  const QString &what)
{
    QUrl url = m_base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    QUrlQuery query;
    for (const auto &p : params)
        query.addQueryItem(p.first, QString::fromLatin1(QUrl::toPercentEncoding(p.second)));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network.get(request);
    Q_EMIT requestSent(url);
    const QString server = m_base.host() + (m_base.port() > 0 ? QLatin1Char(':') + QString::number(m_base.port()) : QString());
    return new Call(reply, url, kind, what, server, this);
}

Call *Client::query(const QString &expr, const QDateTime &time)
{
    QList<QPair<QString, QString>> params{{QStringLiteral("query"), expr}};
    if (time.isValid())
        params.append({QStringLiteral("time"), paramTime(time.toMSecsSinceEpoch() / 1000.0)});
    params.append({QStringLiteral("timeout"), QString::number(std::max<qint64>(1, m_timeout.count() * 9 / 10)) + QStringLiteral("ms")});
    return get(QStringLiteral("/api/v1/query"), params, int(Parse::Kind::Query), QStringLiteral("query"));
}

Call *Client::queryRange(const QString &expr, const RangePlan &plan)
{
    const QList<QPair<QString, QString>> params{
        {QStringLiteral("query"), expr},
        {QStringLiteral("start"), QString::number(plan.start)},
        {QStringLiteral("end"), QString::number(plan.end)},
        {QStringLiteral("step"), QString::number(plan.step)},
        {QStringLiteral("timeout"), QString::number(std::max<qint64>(1, m_timeout.count() * 9 / 10)) + QStringLiteral("ms")},
    };
    return get(QStringLiteral("/api/v1/query_range"), params, int(Parse::Kind::Query), QStringLiteral("query_range"));
}

Call *Client::targets()
{
    return get(QStringLiteral("/api/v1/targets"), {{QStringLiteral("state"), QStringLiteral("active")}},
               int(Parse::Kind::Targets), QStringLiteral("targets"));
}

Call *Client::alerts()
{
    return get(QStringLiteral("/api/v1/alerts"), {}, int(Parse::Kind::Alerts), QStringLiteral("alerts"));
}

} // namespace labdeck::prom
