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

// The API server's entry: construction, injected failures, access review,
// the reply functions, serve and routing. Reads, writes and subresources are
// in apiserver_<part>_p.cpp.
namespace labdeck::demolab::detail {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject statusObject(const ApiError &e)
{
    QJsonObject s{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject()},
                  {QStringLiteral("status"), QStringLiteral("Failure")},
                  {QStringLiteral("message"), e.message},
                  {QStringLiteral("reason"), e.reason},
                  {QStringLiteral("code"), e.code}};
    if (!e.details.isEmpty())
        s.insert(QStringLiteral("details"), e.details);
    return s;
}

QJsonObject detailsFor(const ResourceType &t, const QString &name)
{
    QJsonObject d{{QStringLiteral("name"), name}, {QStringLiteral("kind"), t.plural}};
    if (!t.group.isEmpty())
        d.insert(QStringLiteral("group"), t.group);
    return d;
}

ApiError notFound(const ResourceType &t, const QString &name)
{
    return {404, QStringLiteral("NotFound"),
            QStringLiteral("%1 \"%2\" not found").arg(t.groupResource(), name), detailsFor(t, name),
            0};
}

ApiError notFoundPath()
{
    return {404,
            QStringLiteral("NotFound"),
            QStringLiteral("the server could not find the requested resource"),
            {},
            0};
}

ApiError badRequest(const QString &message)
{
    return {400, QStringLiteral("BadRequest"), message, {}, 0};
}

ApiError methodNotAllowed()
{
    return {405,
            QStringLiteral("MethodNotAllowed"),
            QStringLiteral("the server does not allow this method on the requested resource"),
            {},
            0};
}

ApiError conflict(const ResourceType &t, const QString &name, const QString &why)
{
    return {409, QStringLiteral("Conflict"),
            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3")
                .arg(t.groupResource(), name, why),
            detailsFor(t, name), 0};
}

ApiError modified(const ResourceType &t, const QString &name)
{
    return conflict(
        t, name,
        QStringLiteral(
            "the object has been modified; please apply your changes to the latest version "
            "and try again"));
}

ApiError alreadyExists(const ResourceType &t, const QString &name)
{
    return {409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists").arg(t.groupResource(), name),
            detailsFor(t, name), 0};
}

ApiError invalid(const QString &groupKind, const QString &group, const QString &kind,
                 const QString &name, const QList<FieldError> &errors)
{
    QJsonArray causes;
    QStringList texts;
    for (const FieldError &e : errors) {
        causes.append(QJsonObject{{QStringLiteral("reason"), e.reason},
                                  {QStringLiteral("message"), e.message},
                                  {QStringLiteral("field"), e.field}});
        texts << e.field + QStringLiteral(": ") + e.message;
    }
    const QString joined =
        texts.size() == 1 ? texts.first()
                          : QLatin1Char('[') + texts.join(QStringLiteral(", ")) + QLatin1Char(']');
    QJsonObject details{{QStringLiteral("name"), name},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("causes"), causes}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return {422, QStringLiteral("Invalid"),
            QStringLiteral("%1 \"%2\" is invalid: %3").arg(groupKind, name, joined), details, 0};
}

ApiError invalid(const ResourceType &t, const QString &name, const QList<FieldError> &errors)
{
    return invalid(t.groupKind(), t.group, t.kind, name, errors);
}

ApiError expired(const QString &message)
{
    return {410, QStringLiteral("Expired"), message, {}, 0};
}

// A resourceVersion this server never handed out (say, from before a restart).
ApiError tooLargeResourceVersion(qint64 wanted, qint64 current)
{
    const QJsonObject details{
        {QStringLiteral("causes"),
         QJsonArray{QJsonObject{
             {QStringLiteral("reason"), QStringLiteral("ResourceVersionTooLarge")},
             {QStringLiteral("message"), QStringLiteral("Too large resource version")}}}},
        {QStringLiteral("retryAfterSeconds"), 1}};
    return {504, QStringLiteral("Timeout"),
            QStringLiteral("Too large resource version: %1, current: %2").arg(wanted).arg(current),
            details, 1};
}

bool truthy(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1") ||
           value == QLatin1String("True");
}

QByteArray mediaType(const HttpRequest &r)
{
    QByteArray ct = r.header("content-type").toLower();
    const qsizetype semi = ct.indexOf(';');
    if (semi >= 0)
        ct.truncate(semi);
    return ct.trimmed();
}

QString fieldManager(const HttpRequest &r)
{
    const QString m = r.param(QStringLiteral("fieldManager"));
    if (!m.isEmpty())
        return m;
    const QString agent =
        QString::fromUtf8(r.header("user-agent")).section(QLatin1Char('/'), 0, 0).trimmed();
    return agent.isEmpty() ? QStringLiteral("unknown") : agent;
}

// Decodes a POST/PUT body (JSON, or YAML when sent as YAML).
std::optional<QJsonObject> decodeBody(const HttpRequest &r, ApiError *error)
{
    const QByteArray ct = mediaType(r);
    if (ct.contains("protobuf") || ct.contains("cbor")) {
        *error = {
            415,
            QStringLiteral("UnsupportedMediaType"),
            QStringLiteral(
                "the body of the request was in an unknown format - accepted media types include: "
                "application/json, application/yaml"),
            {},
            0};
        return std::nullopt;
    }
    QString parseError;
    const auto value = parseYamlDocument(r.body, &parseError);
    if (!value || !value->isObject()) {
        *error = badRequest(
            QStringLiteral("the body of the request could not be decoded: %1")
                .arg(parseError.isEmpty() ? QStringLiteral("not a JSON object") : parseError));
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<ApiError> checkTypeMeta(const QJsonObject &object, const ResourceType &t)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != t.apiVersion())
        return badRequest(
            QStringLiteral(
                "the API version in the data (%1) does not match the expected API version (%2)")
                .arg(apiVersion, t.apiVersion()));
    if (!kind.isEmpty() && kind != t.kind)
        return badRequest(
            QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)")
                .arg(kind, t.kind));
    return std::nullopt;
}

std::optional<ApiError> checkDryRun(const HttpRequest &r, bool *dryRun)
{
    const QString value = r.param(QStringLiteral("dryRun"));
    *dryRun = value == QLatin1String("All");
    if (!value.isEmpty() && !*dryRun) {
        return invalid(
            QStringLiteral("DryRun"), QString(), QStringLiteral("DryRun"), QString(),
            {{QStringLiteral("FieldValueNotSupported"), QStringLiteral("dryRun"),
              QStringLiteral("Unsupported value: \"%1\": supported values: \"All\"").arg(value)}});
    }
    return std::nullopt;
}

std::optional<ApiError> parseFilter(const HttpRequest &r, Filter *filter)
{
    QString error;
    filter->labels = LabelSelector::parse(r.param(QStringLiteral("labelSelector")), &error);
    if (!error.isEmpty())
        return badRequest(error);
    filter->fields = FieldSelector::parse(r.param(QStringLiteral("fieldSelector")), &error);
    if (!error.isEmpty())
        return badRequest(error);
    return std::nullopt;
}

TableObject includeObject(const HttpRequest &r)
{
    const QString v = r.param(QStringLiteral("includeObject"));
    if (v == QLatin1String("None"))
        return TableObject::None;
    if (v == QLatin1String("Object"))
        return TableObject::Object;
    return TableObject::Metadata;
}

bool wantsTable(const HttpRequest &r)
{
    return r.header("accept").contains("as=Table");
}

// ---------------------------------------------------------------------------

ApiServer::ApiServer(Store *store, Cluster *cluster, PodLogs *logs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cluster(cluster)
    , m_logs(logs)
{}

void ApiServer::injectFailures(int count, int httpStatus, int retryAfterSeconds,
                               const QString &pathPrefix)
{
    m_failure = Failure{count, httpStatus, retryAfterSeconds, pathPrefix};
}

void ApiServer::dropSnapshots()
{
    m_snapshots.clear();
}

void ApiServer::setForbidden(const QString &resource, bool denied)
{
    // "statefulsets" or "statefulsets.apps": stored with the group.
    QString key = resource.toLower();
    if (!key.contains(QLatin1Char('.'))) {
        for (const ResourceType &t : resourceTypes()) {
            if (t.plural == key)
                key = t.groupResource();
        }
    }
    if (denied)
        m_forbidden.insert(key);
    else
        m_forbidden.remove(key);
}

void ApiServer::setApiGroupAbsent(const QString &group, bool absent)
{
    if (absent)
        m_absentGroups.insert(group);
    else
        m_absentGroups.remove(group);
}

void ApiServer::undoFailures()
{
    m_forbidden.clear();
    m_absentGroups.clear();
    m_maxPageSize = 0;
}

bool ApiServer::denied(const QString &group, const QString &resource, const QString &verb) const
{
    if (verb != QLatin1String("get") && verb != QLatin1String("list") &&
        verb != QLatin1String("watch") && verb != QLatin1String("*"))
        return false;
    const QString key = group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    return m_forbidden.contains(key);
}

void ApiServer::accessReview(HttpConnection *c, const HttpRequest &r)
{
    ApiError error;
    const std::optional<QJsonObject> body = decodeBody(r, &error);
    if (!body) {
        replyError(c, r, error);
        return;
    }
    const QJsonObject spec = body->value(QLatin1String("spec")).toObject();
    const QJsonObject attributes = spec.value(QLatin1String("resourceAttributes")).toObject();
    if (attributes.isEmpty() && !spec.contains(QLatin1String("nonResourceAttributes"))) {
        replyError(c, r,
                   invalid(QStringLiteral("SelfSubjectAccessReview.authorization.k8s.io"),
                           QStringLiteral("authorization.k8s.io"),
                           QStringLiteral("SelfSubjectAccessReview"), QString(),
                           {{QStringLiteral("FieldValueRequired"),
                             QStringLiteral("spec.resourceAttributes"),
                             QStringLiteral("Required value: exactly one of "
                                            "nonResourceAttributes or resourceAttributes must be "
                                            "specified")}}));
        return;
    }
    const bool no =
        !attributes.isEmpty() && denied(attributes.value(QLatin1String("group")).toString(),
                                        attributes.value(QLatin1String("resource")).toString(),
                                        attributes.value(QLatin1String("verb")).toString());
    // RBAC has no deny rules: a refusal is "no opinion", without a reason.
    QJsonObject status{{QStringLiteral("allowed"), !no}};
    if (!no)
        status.insert(QStringLiteral("reason"),
                      QStringLiteral("RBAC: allowed by ClusterRoleBinding \"labdeck-demo\" of "
                                     "ClusterRole \"cluster-admin\" to User \"%1\"")
                          .arg(userName()));
    const QJsonObject review{
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("creationTimestamp"), QJsonValue(QJsonValue::Null)}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"), status}};
    replyJson(c, r, 201, compact(review));
}

void ApiServer::served(const HttpRequest &request, int status)
{
    Q_EMIT requestServed(QString::fromLatin1(request.method), request.path, status);
}

void ApiServer::reply(HttpConnection *c, const HttpRequest &r, int status,
                      const QByteArray &contentType, const QByteArray &body,
                      const HttpHeaders &headers)
{
    served(r, status);
    c->respond(status, contentType, body, headers);
}

void ApiServer::replyJson(HttpConnection *c, const HttpRequest &r, int status,
                          const QByteArray &json)
{
    reply(c, r, status, kJson, json);
}

void ApiServer::replyError(HttpConnection *c, const HttpRequest &r, const ApiError &error)
{
    HttpHeaders headers;
    if (error.retryAfterSeconds > 0)
        headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(error.retryAfterSeconds)});
    reply(c, r, error.code, kJson, compact(statusObject(error)), headers);
}

void ApiServer::replyObject(HttpConnection *c, const HttpRequest &r, int status,
                            const ResourceType &type, const QJsonObject &object)
{
    QJsonObject item = object;
    item.remove(QLatin1String("apiVersion"));
    item.remove(QLatin1String("kind"));
    const QByteArray json = compact(item);
    if (wantsTable(r)) {
        const QJsonObject meta{
            {QStringLiteral("resourceVersion"), jstr(object, {"metadata", "resourceVersion"})}};
        replyJson(
            c, r, status,
            listHeader(type, true, meta) +
                tableRow(type, item, json, includeObject(r), QDateTime::currentDateTimeUtc()) +
                "]}");
        return;
    }
    replyJson(c, r, status, fullObjectJson(type, json));
}

std::optional<ApiError> ApiServer::checkNamespace(const ResourceType &type, const QString &ns) const
{
    if (!type.namespaced)
        return std::nullopt;
    const QJsonObject object = m_store->get(Namespaces, ns);
    if (object.isEmpty())
        return notFound(resourceType(Namespaces), ns);
    if (podIsTerminating(object))
        return ApiError{
            403, QStringLiteral("Forbidden"),
            QStringLiteral(
                "unable to create new content in namespace %1 because it is being terminated")
                .arg(ns),
            detailsFor(type, QString()), 0};
    return std::nullopt;
}

void ApiServer::serve(HttpConnection *c, const HttpRequest &r)
{
    const QByteArray auth = r.header("authorization");
    const bool tokenOk =
        !m_token.isEmpty() && auth == QByteArrayLiteral("Bearer ") + m_token.toLatin1();
    if (!tokenOk && !r.clientCertificateVerified) {
        replyError(c, r,
                   {401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}, 0});
        return;
    }
    if (m_failure.remaining > 0 && r.path.startsWith(m_failure.prefix)) {
        --m_failure.remaining;
        ApiError e{m_failure.status, QString(), QString(), {}, 0};
        switch (m_failure.status) {
        case 429:
            e.reason = QStringLiteral("TooManyRequests");
            e.message = QStringLiteral("Too many requests, please try again later.");
            break;
        case 500:
            e.reason = QStringLiteral("InternalError");
            e.message = QStringLiteral("Internal error occurred: injected failure");
            e.details =
                QJsonObject{{QStringLiteral("causes"),
                             QJsonArray{QJsonObject{{QStringLiteral("message"),
                                                     QStringLiteral("injected failure")}}}}};
            break;
        case 503:
            e.reason = QStringLiteral("ServiceUnavailable");
            e.message = QStringLiteral("the server is currently unable to handle the request");
            break;
        case 504:
            e.reason = QStringLiteral("Timeout");
            e.message = QStringLiteral(
                "the server was unable to return a response in the time allotted, but may "
                "still be processing the request");
            break;
        default:
            e.message = QStringLiteral("injected failure");
            break;
        }
        if (m_failure.retryAfter > 0) {
            e.retryAfterSeconds = m_failure.retryAfter;
            e.details.insert(QStringLiteral("retryAfterSeconds"), m_failure.retryAfter);
        }
        replyError(c, r, e);
        return;
    }

    QStringList segments = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool isGet = r.method == "GET" || r.method == "HEAD";
    if (segments.isEmpty()) {
        replyError(c, r, notFoundPath());
        return;
    }
    const QString &first = segments.first();
    if (first == QLatin1String("version") && segments.size() == 1) {
        isGet ? replyJson(c, r, 200, versionDocument()) : replyError(c, r, methodNotAllowed());
        return;
    }
    if ((first == QLatin1String("healthz") || first == QLatin1String("livez") ||
         first == QLatin1String("readyz")) &&
        segments.size() == 1) {
        reply(c, r, 200, QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("ok"));
        return;
    }
    if (first == QLatin1String("openapi")) {
        if (segments.size() == 2 && segments.at(1) == QLatin1String("v3")) {
            replyJson(c, r, 200, openApiIndexDocument());
            return;
        }
        if (segments.size() >= 3 && segments.at(1) == QLatin1String("v3")) {
            const QByteArray doc = openApiDocument(segments.mid(2).join(QLatin1Char('/')));
            if (!doc.isEmpty()) {
                replyJson(c, r, 200, doc);
                return;
            }
        }
        reply(c, r, 404, QByteArrayLiteral("text/plain; charset=utf-8"),
              QByteArrayLiteral("404 page not found\n"));
        return;
    }
    if (first == QLatin1String("api")) {
        if (segments.size() == 1) {
            replyJson(c, r, 200, coreVersionsDocument(m_serverAddress));
            return;
        }
        routeGroupVersion(c, r, QString(), segments.at(1), segments.mid(2));
        return;
    }
    if (first == QLatin1String("apis") && segments.size() >= 2 &&
        m_absentGroups.contains(segments.at(1))) {
        // What the aggregator answers once the APIService is gone.
        QJsonObject status = statusObject(notFoundPath());
        status.insert(QStringLiteral("details"), QJsonObject());
        replyJson(c, r, 404, compact(status));
        return;
    }
    if (first == QLatin1String("apis") && segments.size() == 4 &&
        segments.at(1) == QLatin1String("authorization.k8s.io") &&
        segments.at(2) == QLatin1String("v1") &&
        segments.at(3) == QLatin1String("selfsubjectaccessreviews")) {
        r.method == "POST" ? accessReview(c, r) : replyError(c, r, methodNotAllowed());
        return;
    }
    if (first == QLatin1String("apis") && segments.size() == 4 && isGet &&
        segments.at(1) == QLatin1String("metrics.k8s.io") &&
        segments.at(3) == QLatin1String("nodes")) {
        replyJson(c, r, 200, nodeMetricsList(*m_store)); // metrics-server's view of the nodes
        return;
    }
    if (first == QLatin1String("apis")) {
        if (segments.size() == 1) {
            replyJson(c, r, 200, groupListDocument(m_absentGroups));
            return;
        }
        if (segments.size() == 2) {
            const QByteArray doc = groupDocument(segments.at(1));
            doc.isEmpty() ? replyError(c, r, notFoundPath()) : replyJson(c, r, 200, doc);
            return;
        }
        routeGroupVersion(c, r, segments.at(1), segments.at(2), segments.mid(3));
        return;
    }
    reply(c, r, 404, QByteArrayLiteral("text/plain; charset=utf-8"),
          QByteArrayLiteral("404 page not found\n"));
}

void ApiServer::routeGroupVersion(HttpConnection *c, const HttpRequest &r, const QString &group,
                                  const QString &version, QStringList rest)
{
    if (rest.isEmpty()) {
        const QByteArray doc = resourceListDocument(group, version);
        doc.isEmpty() ? replyError(c, r, notFoundPath()) : replyJson(c, r, 200, doc);
        return;
    }
    bool watchPrefix = false;
    if (rest.first() == QLatin1String("watch")) {
        watchPrefix = true;
        rest.removeFirst();
    }
    QString ns;
    if (rest.size() >= 3 && rest.first() == QLatin1String("namespaces")) {
        const ResourceType *inner = findResource(group, version, rest.at(2));
        if (inner && inner->namespaced) {
            ns = rest.at(1);
            rest = rest.mid(2);
        }
    }
    if (rest.isEmpty()) {
        replyError(c, r, notFoundPath());
        return;
    }
    const ResourceType *type = findResource(group, version, rest.first());
    if (!type) {
        replyError(c, r, notFoundPath());
        return;
    }
    if ((r.method == "GET" || r.method == "HEAD") && rest.size() <= 2) {
        const bool watching = watchPrefix || truthy(r.param(QStringLiteral("watch")));
        const QString verb = watching           ? QStringLiteral("watch")
                             : rest.size() == 1 ? QStringLiteral("list")
                                                : QStringLiteral("get");
        if (denied(type->group, type->plural, verb)) {
            // RBAC's answer (k8s.io/apiserver/pkg/endpoints/handlers/responsewriters).
            const QString name = rest.size() == 2 ? rest.at(1) : QString();
            const QString scope = ns.isEmpty() ? QStringLiteral("at the cluster scope")
                                               : QStringLiteral("in the namespace \"%1\"").arg(ns);
            const QString subject =
                name.isEmpty() ? type->groupResource()
                               : QStringLiteral("%1 \"%2\"").arg(type->groupResource(), name);
            QJsonObject details{{QStringLiteral("kind"), type->plural}};
            if (!name.isEmpty())
                details.insert(QStringLiteral("name"), name);
            if (!type->group.isEmpty())
                details.insert(QStringLiteral("group"), type->group);
            replyError(c, r,
                       {403, QStringLiteral("Forbidden"),
                        QStringLiteral("%1 is forbidden: User \"%2\" cannot %3 resource \"%4\" in "
                                       "API group \"%5\" %6")
                            .arg(subject, userName(), verb, type->plural, type->group, scope),
                        details, 0});
            return;
        }
    }
    if (rest.size() == 1) {
        collection(c, r, *type, ns, watchPrefix);
    } else if (type->namespaced && ns.isEmpty()) {
        replyError(c, r, notFoundPath());
    } else if (rest.size() == 2) {
        if (watchPrefix) {
            // /watch/namespaces/ns/pods/name: a watch on one object.
            HttpRequest single = r;
            single.query.addQueryItem(QStringLiteral("fieldSelector"),
                                      QStringLiteral("metadata.name=") + rest.at(1));
            collection(c, single, *type, ns, true);
            return;
        }
        item(c, r, *type, ns, rest.at(1));
    } else if (rest.size() == 3) {
        subresource(c, r, *type, ns, rest.at(1), rest.at(2));
    } else {
        replyError(c, r, notFoundPath());
    }
}

void ApiServer::collection(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                           const QString &ns, bool watchPrefix)
{
    if (r.method == "GET") {
        if (watchPrefix || truthy(r.param(QStringLiteral("watch"))))
            watch(c, r, type, ns);
        else
            list(c, r, type, ns);
    } else if (r.method == "POST") {
        if (type.namespaced && ns.isEmpty())
            replyError(c, r, methodNotAllowed());
        else
            create(c, r, type, ns);
    } else if (r.method == "DELETE") {
        removeCollection(c, r, type, ns);
    } else {
        replyError(c, r, methodNotAllowed());
    }
}

void ApiServer::item(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                     const QString &ns, const QString &name)
{
    if (r.method == "GET") {
        const StoredObject *s = m_store->find(type.id, objectKey(ns, name));
        if (!s) {
            replyError(c, r, notFound(type, name));
            return;
        }
        if (wantsTable(r))
            replyObject(c, r, 200, type, s->object);
        else
            replyJson(c, r, 200, fullObjectJson(type, s->json));
    } else if (r.method == "PUT") {
        replace(c, r, type, ns, name, QString());
    } else if (r.method == "PATCH") {
        patch(c, r, type, ns, name, QString());
    } else if (r.method == "DELETE") {
        remove(c, r, type, ns, name);
    } else {
        replyError(c, r, methodNotAllowed());
    }
}

void ApiServer::subresource(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                            const QString &ns, const QString &name, const QString &sub)
{
    if (!type.subresources.contains(sub)) {
        replyError(c, r, notFoundPath());
        return;
    }
    if (sub == QLatin1String("log")) {
        r.method == "GET" ? logs(c, r, ns, name) : replyError(c, r, methodNotAllowed());
        return;
    }
    if (sub == QLatin1String("scale")) {
        scale(c, r, type, ns, name);
        return;
    }
    // status
    if (r.method == "GET") {
        const StoredObject *s = m_store->find(type.id, objectKey(ns, name));
        s ? replyJson(c, r, 200, fullObjectJson(type, s->json))
          : replyError(c, r, notFound(type, name));
    } else if (r.method == "PUT") {
        replace(c, r, type, ns, name, sub);
    } else if (r.method == "PATCH") {
        patch(c, r, type, ns, name, sub);
    } else {
        replyError(c, r, methodNotAllowed());
    }
}

} // namespace labdeck::demolab::detail
