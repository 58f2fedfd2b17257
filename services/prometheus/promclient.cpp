#include "prometheus/promclient.h"

#include "prometheus/logging_p.h"
#include "prometheus/promparse.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace labdeck::prom {

namespace {

QString paramTime(double seconds)
{
    return QString::number(seconds, 'f', 3);
}

} // namespace

Call::Call(HttpJob *job, QUrl url, int kind, HttpAsk ask, QObject *parent)
    : QObject(parent)
    , m_job(job)
    , m_url(std::move(url))
    , m_kind(kind)
    , m_ask(std::move(ask))
{
    connect(job, &HttpJob::finished, this, &Call::onFinished);
}

Call::~Call()
{
    if (m_job)
        m_job->abort();
}

void Call::cancel()
{
    m_cancelled = true;
    if (m_job)
        m_job->abort();
    m_job = nullptr;
    deleteLater();
}

void Call::onFinished(const HttpResult &http)
{
    m_job = nullptr;
    if (m_cancelled)
        return;
    Result result;
    if (http.httpStatus != 0 && !http.body.isEmpty() &&
        http.status != HttpResult::Status::TooLarge) {
        // Prometheus answers errors with a JSON body (400, 422, 503...).
        result = Parse::response(http.body, static_cast<Parse::Kind>(m_kind), m_ask.what);
        if (!result.ok && http.status == HttpResult::Status::HttpError) {
            // Its own words ("the request was invalid: parse error…") when it
            // gave them, without the "query: " Parse puts first.
            QString detail;
            if (!result.errorType.isEmpty()) {
                detail = result.error;
                const QString lead = m_ask.what + QStringLiteral(": ");
                if (detail.startsWith(lead))
                    detail.remove(0, lead.size());
            }
            result.error = describeHttpFailure(http, m_ask, detail);
        } else if (!result.ok && !result.errorType.isEmpty()) {
            result.error = m_ask.server + QStringLiteral(": ") + result.error;
        }
    } else if (!http.ok()) {
        result.error = http.errorText;
    } else {
        result.error = tr("%1: %2: empty answer (HTTP %3) from %4; is this Prometheus's address?")
                           .arg(m_ask.server, m_ask.what)
                           .arg(http.httpStatus)
                           .arg(http.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    }
    result.timedOut = http.timedOut;
    result.httpStatus = http.httpStatus;
    result.receivedAt = http.receivedAt;
    if (!result.ok)
        qCDebug(lcPrometheus) << result.error;
    Q_EMIT finished(result);
    deleteLater();
}

Client::Client(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_base(std::move(baseUrl))
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
    request.setRawHeader("Accept", "application/json");
    const QString server =
        m_base.host() +
        (m_base.port() > 0 ? QLatin1Char(':') + QString::number(m_base.port()) : QString());
    HttpAsk ask{tr("Prometheus at %1").arg(server), what, tr("prometheus.url in the inventory")};
    auto *job = new HttpJob(&m_network, request, ask, this);
    job->setInactivityTimeout(m_timeout);
    auto *call = new Call(job, url, kind, std::move(ask), this);
    job->start();
    Q_EMIT requestSent(url);
    return call;
}

Call *Client::query(const QString &expr, const QDateTime &time)
{
    QList<QPair<QString, QString>> params{{QStringLiteral("query"), expr}};
    if (time.isValid())
        params.append({QStringLiteral("time"), paramTime(time.toMSecsSinceEpoch() / 1000.0)});
    params.append(
        {QStringLiteral("timeout"),
         QString::number(std::max<qint64>(1, m_timeout.count() * 9 / 10)) + QStringLiteral("ms")});
    return get(QStringLiteral("/api/v1/query"), params, int(Parse::Kind::Query),
               QStringLiteral("query"));
}

Call *Client::queryRange(const QString &expr, const RangePlan &plan)
{
    const QList<QPair<QString, QString>> params{
        {QStringLiteral("query"), expr},
        {QStringLiteral("start"), QString::number(plan.start)},
        {QStringLiteral("end"), QString::number(plan.end)},
        {QStringLiteral("step"), QString::number(plan.step)},
        {QStringLiteral("timeout"),
         QString::number(std::max<qint64>(1, m_timeout.count() * 9 / 10)) + QStringLiteral("ms")},
    };
    return get(QStringLiteral("/api/v1/query_range"), params, int(Parse::Kind::Query),
               QStringLiteral("query_range"));
}

Call *Client::targets()
{
    return get(QStringLiteral("/api/v1/targets"),
               {{QStringLiteral("state"), QStringLiteral("active")}}, int(Parse::Kind::Targets),
               QStringLiteral("targets"));
}

Call *Client::alerts()
{
    return get(QStringLiteral("/api/v1/alerts"), {}, int(Parse::Kind::Alerts),
               QStringLiteral("alerts"));
}

} // namespace labdeck::prom
