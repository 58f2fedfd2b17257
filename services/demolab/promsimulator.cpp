#include "demolab/promsimulator.h"

#include "demolab/httpserver_p.h"
#include "prometheus/chartqueries.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace labdeck::demolab {

using detail::HttpConnection;
using detail::HttpListener;
using detail::HttpRequest;

namespace {

constexpr double kScrape = 15;

QJsonObject envelope(const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                       {QStringLiteral("data"), data}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray sample(double t, double v)
{
    return QJsonArray{t, QString::number(v, 'g', 10)};
}

QString rfc3339(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

PromSimulator::PromSimulator(const Inventory &lab, QObject *parent)
    : QObject(parent)
{
    using prom::ChartQueries;
    int index = 0;
    for (const Host &host : lab.hosts) {
        if (host.sources.prometheusInstance.isEmpty())
            continue;
        m_instances << host.sources.prometheusInstance;
        for (const auto metric : ChartQueries::nodeMetrics())
            m_queries.insert(
                ChartQueries::expand(ChartQueries::defaultTemplate(metric),
                                     host.sources.prometheusInstance),
                Known{ChartQueries::key(metric), index, host.sources.prometheusInstance});
        ++index;
    }
}

PromSimulator::~PromSimulator() = default;

bool PromSimulator::listen(const QHostAddress &address, quint16 port)
{
    auto *listener = new HttpListener(this);
    connect(listener, &HttpListener::connectionReady, this, [this](HttpConnection *connection) {
        connect(connection, &HttpConnection::requestReceived, this, &PromSimulator::serve);
    });
    if (!listener->listen(address, port)) {
        delete listener;
        return false;
    }
    m_url =
        QUrl(QStringLiteral("http://%1:%2").arg(address.toString()).arg(listener->serverPort()));
    return true;
}

QUrl PromSimulator::url() const
{
    return m_url;
}

double PromSimulator::value(const QString &metric, int host, double t, int line)
{
    const double h = host;
    const auto wave = [&](double period, double phase) {
        return std::sin(t / period * 2 * M_PI + phase + h * 1.7);
    };
    if (metric == QLatin1String("cpu"))
        return std::clamp(18 + 9 * h + 12 * wave(1800, 0) + 6 * wave(240, 1) + 3 * wave(61, 2), 1.0,
                          99.0);
    if (metric == QLatin1String("memory")) // metamon runs hot: its alert fires
        return std::clamp(
            (host == 1 ? 83.0 : 42 + 8 * h) + 4 * wave(7200, 0.5) + 1.5 * wave(300, 0), 5.0, 99.0);
    if (metric == QLatin1String("filesystem"))
        return 31 + 11 * h + 0.8 * wave(86400, 0) + std::fmod(t / 86400, 1.0);
    if (metric == QLatin1String("network-receive"))
        return 48000 * (1 + h) * (1.2 + wave(900, 0) + 0.4 * wave(120, 1));
    if (metric == QLatin1String("network-transmit"))
        return 21000 * (1 + h) * (1.2 + wave(1100, 2) + 0.4 * wave(150, 0));
    if (metric == QLatin1String("load")) {
        const double base =
            std::max(0.05, 0.4 + 0.15 * h + 0.3 * wave(1800, 0) + 0.2 * wave(240, 1));
        return line == 0 ? base : base * (line == 1 ? 0.9 : 0.8);
    }
    return 0;
}

void PromSimulator::serve(HttpConnection *connection, const HttpRequest &request)
{
    const auto fail = [&](int status, const QString &type, const QString &message) {
        connection->respond(status, "application/json",
                            json(QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                                             {QStringLiteral("errorType"), type},
                                             {QStringLiteral("error"), message}}));
    };
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    if (request.path == QLatin1String("/-/ready") || request.path == QLatin1String("/-/healthy")) {
        connection->respond(200, "text/plain", "Prometheus Server is Ready.\n");
        return;
    }
    if (request.path == QLatin1String("/api/v1/targets")) {
        QJsonArray active;
        for (const QString &instance : std::as_const(m_instances)) {
            active.append(QJsonObject{
                {QStringLiteral("labels"),
                 QJsonObject{{QStringLiteral("instance"), instance},
                             {QStringLiteral("job"), QStringLiteral("node")}}},
                {QStringLiteral("scrapePool"), QStringLiteral("node")},
                {QStringLiteral("scrapeUrl"), QStringLiteral("http://%1/metrics").arg(instance)},
                {QStringLiteral("lastError"), QString()},
                {QStringLiteral("lastScrape"),
                 rfc3339(QDateTime::currentDateTimeUtc().addSecs(-3))},
                {QStringLiteral("lastScrapeDuration"), 0.012},
                {QStringLiteral("health"), QStringLiteral("up")},
                {QStringLiteral("scrapeInterval"), QStringLiteral("15s")},
                {QStringLiteral("scrapeTimeout"), QStringLiteral("10s")},
            });
        }
        connection->respond(200, "application/json",
                            json(envelope({{QStringLiteral("activeTargets"), active},
                                           {QStringLiteral("droppedTargets"), QJsonArray()}})));
        return;
    }
    if (request.path == QLatin1String("/api/v1/alerts")) {
        QJsonArray alerts;
        if (m_instances.size() > 1) {
            alerts.append(QJsonObject{
                {QStringLiteral("labels"),
                 QJsonObject{{QStringLiteral("alertname"), QStringLiteral("NodeMemoryHigh")},
                             {QStringLiteral("instance"), m_instances.at(1)},
                             {QStringLiteral("severity"), QStringLiteral("warning")}}},
                {QStringLiteral("annotations"),
                 QJsonObject{
                     {QStringLiteral("summary"), tr("Memory use above 80% for 15 minutes")}}},
                {QStringLiteral("state"), QStringLiteral("firing")},
                {QStringLiteral("activeAt"),
                 rfc3339(QDateTime::currentDateTimeUtc().addSecs(-40 * 60))},
                {QStringLiteral("value"), QStringLiteral("8.3e+01")},
            });
        }
        connection->respond(200, "application/json",
                            json(envelope({{QStringLiteral("alerts"), alerts}})));
        return;
    }
    const bool range = request.path == QLatin1String("/api/v1/query_range");
    if (!range && request.path != QLatin1String("/api/v1/query")) {
        fail(404, QStringLiteral("not_found"),
             tr("the demo lab's Prometheus has no %1").arg(request.path));
        return;
    }
    // GET parameters or a form body.
    QUrlQuery params = request.query;
    if (request.method == "POST")
        params = QUrlQuery(QString::fromUtf8(request.body));
    const auto param = [&](const char *name) {
        return params.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    const QString query = param("query").trimmed();
    const auto known = m_queries.constFind(query);
    if (known == m_queries.cend()) {
        fail(422, QStringLiteral("demo_unsupported"),
             tr("the demo lab answers only Labdeck's default chart queries for the inventory's "
                "hosts, "
                "so it cannot run \"%1\". Connect a real Prometheus (prometheus.url in your "
                "inventory) to run your own PromQL.")
                 .arg(query));
        return;
    }
    const int lines = known->metric == QLatin1String("load") ? 3 : 1;
    const auto labels = [&](int line) {
        QJsonObject metric{{QStringLiteral("instance"), known->instance}};
        if (known->metric == QLatin1String("load"))
            metric.insert(QStringLiteral("__name__"),
                          QStringList{QStringLiteral("node_load1"), QStringLiteral("node_load5"),
                                      QStringLiteral("node_load15")}
                              .at(line));
        if (known->metric == QLatin1String("filesystem"))
            metric.insert(QStringLiteral("mountpoint"), QStringLiteral("/"));
        return metric;
    };
    QJsonArray result;
    if (!range) {
        bool hasTime = false;
        double t = param("time").toDouble(&hasTime);
        if (!hasTime)
            t = now;
        for (int line = 0; line < lines; ++line)
            result.append(QJsonObject{
                {QStringLiteral("metric"), labels(line)},
                {QStringLiteral("value"), sample(t, value(known->metric, known->host, t, line))}});
        connection->respond(200, "application/json",
                            json(envelope({{QStringLiteral("resultType"), QStringLiteral("vector")},
                                           {QStringLiteral("result"), result}})));
        return;
    }
    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    const double start = param("start").toDouble(&ok1);
    const double end = param("end").toDouble(&ok2);
    const double step = param("step").toDouble(&ok3);
    if (!ok1 || !ok2 || !ok3 || step <= 0 || end < start) {
        fail(400, QStringLiteral("bad_data"),
             tr("start, end and step must be numbers, with end after start and step above 0"));
        return;
    }
    if ((end - start) / step > 11000) {
        fail(400, QStringLiteral("bad_data"),
             QStringLiteral("exceeded maximum resolution of 11,000 points per timeseries. Try "
                            "decreasing the query resolution (?step=XX)"));
        return;
    }
    const double last = std::min(end, now);
    for (int line = 0; line < lines; ++line) {
        QJsonArray values;
        for (double t = start; t <= last + 1e-6; t += step)
            values.append(sample(
                t, value(known->metric, known->host, std::floor(t / kScrape) * kScrape, line)));
        result.append(QJsonObject{{QStringLiteral("metric"), labels(line)},
                                  {QStringLiteral("values"), values}});
    }
    connection->respond(200, "application/json",
                        json(envelope({{QStringLiteral("resultType"), QStringLiteral("matrix")},
                                       {QStringLiteral("result"), result}})));
}

} // namespace labdeck::demolab
