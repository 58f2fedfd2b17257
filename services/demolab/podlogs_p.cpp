#include "demolab/podlogs_p.h"

#include "demolab/jsonpath_p.h"
#include "demolab/store_p.h"

#include <QJsonArray>
#include <QLocale>

namespace labdeck::demolab::detail {

namespace {

constexpr int InitialLines = 40;
constexpr int MaxLines = 5000;

quint32 mix(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

QString iso(const QDateTime &t, int fraction)
{
    // fraction: 0 none, 3 ms, 9 ns
    const QDateTime utc = t.toUTC();
    QString s = utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (fraction >= 3)
        s += QLatin1Char('.') + utc.toString(QStringLiteral("zzz"));
    if (fraction == 9)
        s += QStringLiteral("%1").arg((utc.toMSecsSinceEpoch() * 7919) % 999999 + 1, 6, 10,
                                      QLatin1Char('0'));
    return s + QLatin1Char('Z');
}

QString klog(const QDateTime &t, quint32 r, const QString &file, const QString &message,
             char level = 'I')
{
    const QDateTime utc = t.toUTC();
    return QStringLiteral("%1%2 %3.%4       1 %5] %6")
        .arg(QLatin1Char(level))
        .arg(utc.toString(QStringLiteral("MMdd")), utc.toString(QStringLiteral("HH:mm:ss")))
        .arg((utc.time().msec() * 1000 + r % 1000), 6, 10, QLatin1Char('0'))
        .arg(file, message);
}

QString pick(quint32 r, std::initializer_list<const char *> options)
{
    const auto n = quint32(options.size());
    return QLatin1String(*(options.begin() + (r % n)));
}

QString appOf(const QString &image, const QString &container)
{
    const QString i = image.toLower();
    static const QList<QPair<QString, QString>> apps{
        {QStringLiteral("k8s-sidecar"), QStringLiteral("sidecar")},
        {QStringLiteral("config-reloader"), QStringLiteral("reloader")},
        {QStringLiteral("grafana/grafana"), QStringLiteral("grafana")},
        {QStringLiteral("prometheus"), QStringLiteral("prometheus")},
        {QStringLiteral("loki"), QStringLiteral("loki")},
        {QStringLiteral("postgres"), QStringLiteral("postgres")},
        {QStringLiteral("redis"), QStringLiteral("redis")},
        {QStringLiteral("home-assistant"), QStringLiteral("home-assistant")},
        {QStringLiteral("shlink"), QStringLiteral("shlink")},
        {QStringLiteral("docmost"), QStringLiteral("docmost")},
        {QStringLiteral("coredns"), QStringLiteral("coredns")},
        {QStringLiteral("etcd"), QStringLiteral("etcd")},
        {QStringLiteral("kube-apiserver"), QStringLiteral("apiserver")},
        {QStringLiteral("kube-controller-manager"), QStringLiteral("controller-manager")},
        {QStringLiteral("kube-scheduler"), QStringLiteral("scheduler")},
        {QStringLiteral("kube-proxy"), QStringLiteral("kube-proxy")},
        {QStringLiteral("metrics-server"), QStringLiteral("metrics-server")},
        {QStringLiteral("registry"), QStringLiteral("registry")},
    };
    for (const auto &[needle, app] : apps) {
        if (i.contains(needle))
            return app;
    }
    return container;
}

QString lineFor(const QString &app, quint32 r, const QDateTime &t, const QString &podName)
{
    const quint32 a = mix(r + 1);
    const quint32 b = mix(r + 2);
    const QDateTime utc = t.toUTC();
    if (app == QLatin1String("grafana")) {
        if (r % 5 == 4)
            return QStringLiteral("logger=cleanup t=%1 level=info msg=\"Completed cleanup jobs\" "
                                  "duration=%2.%3ms")
                .arg(iso(t, 9))
                .arg(a % 40 + 5)
                .arg(b % 1000);
        return QStringLiteral("logger=context userId=0 orgId=1 uname= t=%1 level=info "
                              "msg=\"Request Completed\" "
                              "method=GET path=%2 status=200 remote_addr=10.244.%3.%4 time_ms=%5 "
                              "duration=%5.%6ms "
                              "size=%7 referer= handler=%2 status_source=server")
            .arg(iso(t, 9),
                 pick(a, {"/api/health", "/api/dashboards/home", "/api/search", "/api/live/ws"}))
            .arg(b % 3)
            .arg(a % 250 + 2)
            .arg(b % 9 + 1)
            .arg(a % 1000)
            .arg(a % 900 + 40);
    }
    if (app == QLatin1String("sidecar"))
        return QStringLiteral(
                   "{\"time\": \"%1\", \"taskName\": null, \"msg\": \"%2\", \"level\": \"INFO\"}")
            .arg(iso(t, 9).chopped(4) + QStringLiteral("+00:00"),
                 pick(a,
                      {"Working on ADDED configmap monitoring/grafana-dashboards",
                       "Contents of dashboards.json haven't changed. Not overwriting existing file",
                       "Watching for changes in configmaps with label grafana_dashboard=1"}));
    if (app == QLatin1String("reloader"))
        return QStringLiteral(
                   "level=info ts=%1 caller=reloader.go:%2 msg=\"%3\" cfg=/etc/prometheus/config/"
                   "prometheus.yaml.gz out=/etc/prometheus/config_out/prometheus.env.yaml")
            .arg(iso(t, 9))
            .arg(a % 400 + 200)
            .arg(pick(b, {"Reload triggered", "Config file unchanged, skipping reload"}));
    if (app == QLatin1String("prometheus")) {
        switch (r % 4) {
        case 0:
            return QStringLiteral("ts=%1 caller=head.go:%2 level=info component=tsdb msg=\"Head GC "
                                  "completed\" "
                                  "caller=truncateMemory duration=%3.%4ms")
                .arg(iso(t, 3))
                .arg(a % 300 + 1100)
                .arg(b % 20 + 2)
                .arg(a % 1000);
        case 1:
            return QStringLiteral(
                       "ts=%1 caller=compact.go:%2 level=info component=tsdb msg=\"write block\" "
                       "mint=%3 maxt=%4 ulid=01J%5 duration=%6ms ooo=false")
                .arg(iso(t, 3))
                .arg(a % 100 + 580)
                .arg(utc.toMSecsSinceEpoch() - 7200000)
                .arg(utc.toMSecsSinceEpoch())
                .arg(QString::number(quint64(a) * 1000003ull + b, 36).toUpper())
                .arg(b % 400 + 80);
        case 2:
            return QStringLiteral(
                       "ts=%1 caller=checkpoint.go:%2 level=info component=tsdb msg=\"Creating "
                       "checkpoint\" from_segment=%3 to_segment=%4 mint=%5")
                .arg(iso(t, 3))
                .arg(a % 20 + 100)
                .arg(b % 90 + 10)
                .arg(b % 90 + 12)
                .arg(utc.toMSecsSinceEpoch() - 3600000);
        default:
            return QStringLiteral(
                       "ts=%1 caller=db.go:%2 level=info component=tsdb msg=\"Deleting obsolete "
                       "block\" block=01J%3")
                .arg(iso(t, 3))
                .arg(a % 300 + 1600)
                .arg(QString::number(quint64(b) * 999983ull + a, 36).toUpper());
        }
    }
    if (app == QLatin1String("loki"))
        return QStringLiteral("level=info ts=%1 caller=%2 msg=\"%3\"")
            .arg(iso(t, 9),
                 pick(a, {"table_manager.go:136", "checkpoint.go:611", "flush.go:167",
                          "compactor.go:482"}),
                 pick(b, {"uploading tables", "starting checkpoint", "flushing stream",
                          "compacting table"}));
    if (app == QLatin1String("registry")) {
        if (r % 2 == 0)
            return QStringLiteral(
                       "10.244.%1.1 - - [%2] \"GET /v2/ HTTP/1.1\" 200 2 \"\" \"kube-probe/1.30\"")
                .arg(a % 3)
                .arg(QLocale::c().toString(utc, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")) +
                     QStringLiteral(" +0000"));
        return QStringLiteral(
                   "time=\"%1\" level=info msg=\"response completed\" go.version=go1.20.8 "
                   "http.request.host=\"registry.example.com\" http.request.method=%2 "
                   "http.request.uri=\"/v2/%3/manifests/latest\" http.response.status=200 "
                   "http.response.duration=%4.%5ms")
            .arg(iso(t, 9), pick(a, {"GET", "HEAD"}),
                 pick(b, {"shlink-bot", "home-dashboard", "notify"}))
            .arg(a % 30 + 1)
            .arg(b % 1000);
    }
    if (app == QLatin1String("postgres")) {
        const QString ts =
            utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral(" UTC");
        if (r % 2 == 0)
            return QStringLiteral("%1 [%2] LOG:  checkpoint starting: time")
                .arg(ts)
                .arg(a % 300 + 27);
        return QStringLiteral("%1 [%2] LOG:  checkpoint complete: wrote %3 buffers (0.%4%); 0 WAL "
                              "file(s) added, 0 "
                              "removed, 0 recycled; write=%5.%6 s, sync=0.00%7 s, total=%5.%8 s")
            .arg(ts)
            .arg(a % 300 + 27)
            .arg(b % 90 + 3)
            .arg(b % 9 + 1)
            .arg(a % 9 + 1)
            .arg(b % 900 + 100)
            .arg(a % 9 + 1)
            .arg(a % 900 + 100);
    }
    if (app == QLatin1String("redis")) {
        const QString ts = QLocale::c().toString(utc, QStringLiteral("dd MMM yyyy HH:mm:ss.zzz"));
        switch (r % 4) {
        case 0:
            return QStringLiteral("1:M %1 * 100 changes in 300 seconds. Saving...").arg(ts);
        case 1:
            return QStringLiteral("1:M %1 * Background saving started by pid %2")
                .arg(ts)
                .arg(a % 900 + 100);
        case 2:
            return QStringLiteral("%1:C %2 * DB saved on disk").arg(a % 900 + 100).arg(ts);
        default:
            return QStringLiteral("1:M %1 * Background saving terminated with success").arg(ts);
        }
    }
    if (app == QLatin1String("home-assistant"))
        return QStringLiteral("%1 %2 (MainThread) [%3] %4")
            .arg(utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                 pick(a, {"INFO", "INFO", "WARNING"}),
                 pick(b, {"homeassistant.components.automation.lights_off",
                          "homeassistant.components.mqtt", "homeassistant.components.recorder"}),
                 pick(a, {"Running automation actions", "Executing step call service",
                          "Ended unfinished session (id=42 from 2024-08-01)"}));
    if (app == QLatin1String("shlink"))
        return QStringLiteral("[%1] Access.INFO - \"%2 %3 HTTP/1.1\" %4 %5")
            .arg(utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00"),
                 pick(a, {"GET", "GET", "POST"}),
                 pick(b, {"/rest/health", "/gh", "/docs", "/rest/v3/short-urls"}))
            .arg(pick(a, {"200", "302", "200"}))
            .arg(b % 900 + 50);
    if (app == QLatin1String("docmost"))
        return QStringLiteral("[Nest] 1  - %1     LOG [%2] %3")
            .arg(QLocale::c().toString(utc, QStringLiteral("MM/dd/yyyy, h:mm:ss AP")),
                 pick(a, {"RouterExplorer", "WsGateway", "HealthController", "QueueService"}),
                 pick(b, {"Mapped {/api/pages/info, POST} route", "Client connected", "ok",
                          "Processed job page-history"}));
    if (app == QLatin1String("coredns"))
        return QStringLiteral(
                   "[INFO] 10.244.%1.%2:%3 - %4 \"%5 IN %6. udp %7 false 512\" NOERROR qr,aa,rd %8 "
                   "0.000%9s")
            .arg(a % 3)
            .arg(b % 250 + 2)
            .arg(a % 60000 + 1024)
            .arg(b % 65535)
            .arg(pick(a, {"A", "AAAA", "A"}),
                 pick(b, {"grafana.monitoring.svc.cluster.local",
                          "postgresql.database.svc.cluster.local",
                          "redis.database.svc.cluster.local", "loki.monitoring.svc.cluster.local"}))
            .arg(a % 30 + 40)
            .arg(b % 80 + 90)
            .arg(a % 900 + 100);
    if (app == QLatin1String("etcd"))
        return QStringLiteral("{\"level\":\"info\",\"ts\":\"%1\",\"caller\":\"%2\",\"msg\":\"%3\","
                              "\"revision\":%4}")
            .arg(
                iso(t, 9).chopped(4) + QStringLiteral("Z"),
                pick(a, {"mvcc/index.go:214", "mvcc/kvstore_compaction.go:68", "mvcc/hash.go:137"}),
                pick(a,
                     {"compact tree index", "finished scheduled compaction", "storing new hash"}))
            .arg(qint64(utc.toSecsSinceEpoch() / 3) % 10000000);
    if (app == QLatin1String("apiserver"))
        return klog(t, a, pick(b, {"controller.go:615", "alloc.go:330", "handler.go:286"}),
                    pick(a, {"quota admission added evaluator for: leases.coordination.k8s.io",
                             "\"allocated clusterIPs\" service=\"apps/shlink\"",
                             "Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager"}));
    if (app == QLatin1String("controller-manager"))
        return klog(t, a, pick(b, {"event.go:389", "range_allocator.go:247"}),
                    pick(a, {"\"Event occurred\" object=\"monitoring/grafana\" kind=\"Deployment\" "
                             "reason=\"ScalingReplicaSet\"",
                             "\"Successfully synced\" key=\"apps/shlink\""}));
    if (app == QLatin1String("scheduler"))
        return klog(t, a, QStringLiteral("schedule_one.go:%1").arg(b % 100 + 250),
                    QStringLiteral("\"Successfully bound pod to node\" pod=\"%1\"").arg(podName));
    if (app == QLatin1String("kube-proxy"))
        return klog(t, a, pick(b, {"proxier.go:1565", "config.go:188"}),
                    pick(a, {"\"Syncing iptables rules\"",
                             "\"SyncProxyRules complete\" elapsed=\"31.2ms\""}));
    if (app == QLatin1String("metrics-server"))
        return klog(t, a, QStringLiteral("server.go:191"),
                    QStringLiteral("\"Scraping metrics from 3 nodes\""));
    return QStringLiteral("%1 INFO %2 heartbeat seq=%3").arg(iso(t, 3), podName).arg(r);
}

} // namespace

PodLogs::PodLogs(Store *store, QObject *parent)
    : QObject(parent)
{
    connect(
        store, &Store::objectChanged, this,
        [this](int resource, WatchEventType type, const QJsonObject &object, const QJsonObject &) {
            if (resource == Pods && type == WatchEventType::Deleted)
                m_lines.remove(uidOf(object));
        });
}

LogLine PodLogs::make(const QJsonObject &pod, const QString &container, quint32 index,
                      const QDateTime &time) const
{
    QString image;
    for (const QJsonValue &c : jarr(pod, {"spec", "containers"})) {
        if (c.toObject().value(QLatin1String("name")).toString() == container)
            image = c.toObject().value(QLatin1String("image")).toString();
    }
    const quint32 seed = mix(quint32(qHash(uidOf(pod) + container)) ^ (index * 2654435761U));
    const QString text = lineFor(appOf(image, container), seed, time, nameOf(pod));
    return LogLine{time, iso(time, 9), text};
}

const QList<LogLine> &PodLogs::lines(const QJsonObject &pod, const QString &container)
{
    QList<LogLine> &list = m_lines[uidOf(pod)][container];
    if (!list.isEmpty())
        return list;
    QDateTime start;
    for (const QJsonValue &v : jarr(pod, {"status", "containerStatuses"})) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("name")).toString() == container)
            start = QDateTime::fromString(jstr(s, {"state", "running", "startedAt"}), Qt::ISODate);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!start.isValid() || start > now)
        start = now.addSecs(-1);
    const qint64 span = std::max<qint64>(1000, start.msecsTo(now));
    const qint64 step = std::min<qint64>(span / InitialLines, 37000);
    for (int i = 0; i < InitialLines; ++i) {
        const QDateTime t = now.addMSecs(-step * (InitialLines - i) + 1);
        list.append(make(pod, container, quint32(i), t < start ? start : t));
    }
    return list;
}

LogLine PodLogs::append(const QJsonObject &pod, const QString &container)
{
    QList<LogLine> &list = m_lines[uidOf(pod)][container];
    if (list.isEmpty())
        (void)lines(pod, container);
    const LogLine line =
        make(pod, container, quint32(list.size()), QDateTime::currentDateTimeUtc());
    list.append(line);
    if (list.size() > MaxLines)
        list.remove(0, list.size() - MaxLines);
    return line;
}

} // namespace labdeck::demolab::detail
