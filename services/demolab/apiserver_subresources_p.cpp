#include "demolab/apiserver_p.h"
#include "demolab/apiserver_request_p.h"
#include "demolab/apiserver_status_p.h"
#include "demolab/cluster_p.h"
#include "demolab/discovery_p.h"
#include "demolab/jsonpatch_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/managedfields_p.h"
#include "demolab/nodemetrics_p.h"
#include "demolab/objects_p.h"
#include "demolab/podlogs_p.h"
#include "demolab/tables_p.h"
#include "demolab/yamljson_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <optional>

// Subresources: scale, and a pod's logs (following them when asked).
namespace labdeck::demolab::detail {

namespace {

// kubectl logs -f: the existing lines, then one more about every second.
class LogFollow final : public QObject
{
public:
    LogFollow(HttpConnection *c, Store *store, PodLogs *logs, QString key, QString uid,
              QString container, bool timestamps)
        : QObject(c)
        , m_connection(c)
        , m_store(store)
        , m_logs(logs)
        , m_key(std::move(key))
        , m_uid(std::move(uid))
        , m_container(std::move(container))
        , m_timestamps(timestamps)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(std::chrono::milliseconds(1000));
        connect(timer, &QTimer::timeout, this, &LogFollow::tick);
        timer->start();
    }

private:
    void tick()
    {
        const QJsonObject pod = m_store->get(Pods, m_key);
        if (pod.isEmpty() || uidOf(pod) != m_uid) {
            m_connection->endChunked();
            deleteLater();
            return;
        }
        if (m_connection->pendingBytes() > HttpConnection::LowWatermark)
            return;
        const LogLine line = m_logs->append(pod, m_container);
        m_connection->writeChunk(((m_timestamps ? line.timestamp + QLatin1Char(' ') : QString()) +
                                  line.text + QLatin1Char('\n'))
                                     .toUtf8());
    }

    HttpConnection *m_connection;
    Store *m_store;
    PodLogs *m_logs;
    QString m_key;
    QString m_uid;
    QString m_container;
    bool m_timestamps;
};

} // namespace

void ApiServer::logs(HttpConnection *c, const HttpRequest &r, const QString &ns,
                     const QString &name)
{
    const ResourceType &podType = resourceType(Pods);
    const QJsonObject pod = m_store->get(Pods, ns, name);
    if (pod.isEmpty()) {
        replyError(c, r, notFound(podType, name));
        return;
    }
    QStringList containers;
    for (const QJsonValue &v : jarr(pod, {"spec", "containers"}))
        containers << v.toObject().value(QLatin1String("name")).toString();
    QString container = r.param(QStringLiteral("container"));
    if (container.isEmpty()) {
        if (containers.size() != 1) {
            replyError(
                c, r,
                badRequest(QStringLiteral(
                               "a container name must be specified for pod %1, choose one of: [%2]")
                               .arg(name, containers.join(QLatin1Char(' ')))));
            return;
        }
        container = containers.first();
    }
    if (!containers.contains(container)) {
        replyError(
            c, r,
            badRequest(
                QStringLiteral("container %1 is not valid for pod %2").arg(container, name)));
        return;
    }
    for (const QJsonValue &v : jarr(pod, {"status", "containerStatuses"})) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("name")).toString() != container)
            continue;
        const QString waiting = jstr(s, {"state", "waiting", "reason"});
        if (!waiting.isEmpty()) {
            replyError(
                c, r,
                badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                               .arg(container, name, waiting)));
            return;
        }
    }
    if (jstr(pod, {"status", "phase"}) == QLatin1String("Pending") &&
        jarr(pod, {"status", "containerStatuses"}).isEmpty()) {
        replyError(c, r,
                   badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: "
                                             "ContainerCreating")
                                  .arg(container, name)));
        return;
    }
    const bool timestamps = truthy(r.param(QStringLiteral("timestamps")));
    const bool follow = truthy(r.param(QStringLiteral("follow")));
    QList<LogLine> lines = m_logs->lines(pod, container);
    if (r.hasParam(QStringLiteral("sinceSeconds")) || r.hasParam(QStringLiteral("sinceTime"))) {
        const QDateTime since =
            r.hasParam(QStringLiteral("sinceSeconds"))
                ? QDateTime::currentDateTimeUtc().addSecs(
                      -r.param(QStringLiteral("sinceSeconds")).toLongLong())
                : QDateTime::fromString(r.param(QStringLiteral("sinceTime")), Qt::ISODate);
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [&](const LogLine &l) { return l.time < since; }),
                    lines.end());
    }
    if (r.hasParam(QStringLiteral("tailLines"))) {
        const qsizetype tail = r.param(QStringLiteral("tailLines")).toLongLong();
        if (tail >= 0 && tail < lines.size())
            lines = lines.mid(lines.size() - tail);
    }
    QByteArray body;
    for (const LogLine &l : std::as_const(lines))
        body +=
            ((timestamps ? l.timestamp + QLatin1Char(' ') : QString()) + l.text + QLatin1Char('\n'))
                .toUtf8();
    if (r.hasParam(QStringLiteral("limitBytes"))) {
        const qsizetype limit = r.param(QStringLiteral("limitBytes")).toLongLong();
        if (limit > 0 && limit < body.size())
            body.truncate(limit);
    }
    const QByteArray textPlain = QByteArrayLiteral("text/plain");
    if (!follow) {
        reply(c, r, 200, textPlain, body);
        return;
    }
    served(r, 200);
    c->beginChunked(200, textPlain);
    c->writeChunk(body);
    new LogFollow(c, m_store, m_logs, objectKey(ns, name), uidOf(pod), container, timestamps);
}

void ApiServer::scale(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns, const QString &name)
{
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    auto scaleOf = [](const QJsonObject &o) {
        QJsonObject meta{
            {QStringLiteral("name"), nameOf(o)},
            {QStringLiteral("namespace"), namespaceOf(o)},
            {QStringLiteral("uid"), uidOf(o)},
            {QStringLiteral("resourceVersion"), jstr(o, {"metadata", "resourceVersion"})},
            {QStringLiteral("creationTimestamp"), jstr(o, {"metadata", "creationTimestamp"})}};
        QJsonObject spec;
        const qint64 replicas = jint(o, {"spec", "replicas"}, 1);
        if (replicas != 0)
            spec.insert(QStringLiteral("replicas"), replicas);
        return QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("Scale")},
            {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("replicas"), jint(o, {"status", "replicas"}, 0)},
                         {QStringLiteral("selector"),
                          LabelSelector::toText(jobj(o, {"spec", "selector"}))}}}};
    };
    if (r.method == "GET") {
        replyJson(c, r, 200, compact(scaleOf(existing)));
        return;
    }
    if (r.method != "PUT" && r.method != "PATCH") {
        replyError(c, r, methodNotAllowed());
        return;
    }
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    QJsonObject wanted;
    if (r.method == "PUT") {
        ApiError error;
        auto body = decodeBody(r, &error);
        if (!body) {
            replyError(c, r, error);
            return;
        }
        wanted = *body;
    } else {
        const QByteArray ct = mediaType(r);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            replyError(
                c, r,
                badRequest(
                    QStringLiteral("error decoding patch: %1").arg(parseError.errorString())));
            return;
        }
        QJsonValue patched = scaleOf(existing);
        if (ct == "application/json-patch+json") {
            QString error;
            if (!doc.isArray() || !jsonPatch(patched, doc.array(), &error)) {
                replyError(c, r, {422, QStringLiteral("Invalid"), error, {}, 0});
                return;
            }
        } else if (ct == "application/merge-patch+json") {
            patched = mergePatch(patched, doc.object());
        } else if (ct == "application/strategic-merge-patch+json") {
            patched = strategicMergePatch(patched, doc.object());
        } else {
            replyError(c, r,
                       {415,
                        QStringLiteral("UnsupportedMediaType"),
                        QStringLiteral(
                            "the body of the request was in an unknown format - accepted media "
                            "types include: application/json-patch+json, "
                            "application/merge-patch+json, application/strategic-merge-patch+json"),
                        {},
                        0});
            return;
        }
        wanted = patched.toObject();
    }
    const QString rv = jstr(wanted, {"metadata", "resourceVersion"});
    if (!rv.isEmpty() && rv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r, modified(type, name));
        return;
    }
    const QJsonValue replicasValue = jget(wanted, {"spec", "replicas"});
    const qint64 replicas = replicasValue.isUndefined() ? 0 : replicasValue.toInteger(-1);
    if (replicas < 0) {
        replyError(c, r,
                   invalid(QStringLiteral("Scale.autoscaling"), QStringLiteral("autoscaling"),
                           QStringLiteral("Scale"), name,
                           {{QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.replicas"),
                             QStringLiteral("Invalid value: %1: must be greater than or equal to 0")
                                 .arg(replicas)}}));
        return;
    }
    QJsonObject updated = existing;
    jset(updated, {"spec", "replicas"}, replicas);
    QJsonObject result;
    if (auto e = commitUpdate(type, existing, updated, fieldManager(r), QStringLiteral("scale"),
                              dryRun, &result)) {
        replyError(c, r, *e);
        return;
    }
    replyJson(c, r, 200, compact(scaleOf(result)));
}

} // namespace labdeck::demolab::detail
