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

// Writes: create, replace, patch, server-side apply and delete, through one
// admission and one persist step.
namespace labdeck::demolab::detail {

namespace {

// What comparisons ignore: the revision and when managers last wrote.
QJsonObject comparable(QJsonObject o)
{
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.remove(QLatin1String("resourceVersion"));
    QJsonArray fields = meta.value(QLatin1String("managedFields")).toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QJsonObject e = fields.at(i).toObject();
        e.remove(QLatin1String("time"));
        fields.replace(i, e);
    }
    if (!fields.isEmpty())
        meta.insert(QLatin1String("managedFields"), fields);
    o.insert(QLatin1String("metadata"), meta);
    return o;
}

void restoreIdentity(QJsonObject &updated, const QJsonObject &existing)
{
    QJsonObject meta = updated.value(QLatin1String("metadata")).toObject();
    const QJsonObject old = existing.value(QLatin1String("metadata")).toObject();
    for (const char *k :
         {"name", "namespace", "uid", "creationTimestamp", "generation", "resourceVersion",
          "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "generateName"}) {
        const QLatin1String key(k);
        if (old.contains(key))
            meta.insert(key, old.value(key));
        else
            meta.remove(key);
    }
    updated.insert(QLatin1String("metadata"), meta);
}

// A write to the main resource of a kind with a status subresource keeps the
// server's status, as a real API server does.
void keepServerStatus(QJsonObject &updated, const QJsonObject &existing)
{
    if (existing.contains(QLatin1String("status")))
        updated.insert(QLatin1String("status"), existing.value(QLatin1String("status")));
    else
        updated.remove(QLatin1String("status"));
}

} // namespace

std::optional<ApiError> ApiServer::commitUpdate(const ResourceType &type,
                                                const QJsonObject &existing, QJsonObject updated,
                                                const QString &manager, const QString &subresource,
                                                bool dryRun, QJsonObject *result)
{
    updated.remove(QLatin1String("apiVersion"));
    updated.remove(QLatin1String("kind"));
    const QString name = nameOf(existing);
    const bool statusWrite = subresource == QLatin1String("status");
    if (statusWrite) {
        QJsonObject merged = existing;
        if (updated.contains(QLatin1String("status")))
            merged.insert(QLatin1String("status"), updated.value(QLatin1String("status")));
        updated = merged;
    } else {
        restoreIdentity(updated, existing);
        if (type.hasStatusSubresource)
            keepServerStatus(updated, existing);
    }
    if (auto e = admit(type, name, updated, existing, statusWrite, PodSpecCheck::Immutable))
        return e;
    recordUpdate(updated, existing, manager, type.apiVersion(), subresource,
                 statusWrite ? FieldScope::Status : FieldScope::Spec);
    *result = persist(type, updated, existing, dryRun);
    return std::nullopt;
}

std::optional<ApiError> ApiServer::admit(const ResourceType &type, const QString &name,
                                         QJsonObject &object, const QJsonObject &existing,
                                         bool statusWrite, PodSpecCheck podSpec)
{
    applyDefaults(type.id, object);
    // A write to the status subresource is defaulted, nothing more.
    if (statusWrite)
        return std::nullopt;
    if (type.id == Services) {
        const QString error = m_cluster->allocateServiceAddresses(object, existing);
        if (!error.isEmpty()) {
            const QString field = error.section(QLatin1Char(':'), 0, 0);
            return invalid(type, name,
                           {{QStringLiteral("FieldValueInvalid"), field,
                             error.section(QStringLiteral(": "), 1)}});
        }
    }
    if (type.id == Pods && podSpec == PodSpecCheck::Immutable) {
        // Pods are mostly immutable: only images (and a few fields) change.
        auto strip = [](QJsonObject spec) {
            QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
            for (qsizetype i = 0; i < containers.size(); ++i) {
                QJsonObject ctr = containers.at(i).toObject();
                ctr.remove(QLatin1String("image"));
                containers.replace(i, ctr);
            }
            spec.insert(QLatin1String("containers"), containers);
            spec.remove(QLatin1String("activeDeadlineSeconds"));
            spec.remove(QLatin1String("tolerations"));
            spec.remove(QLatin1String("terminationGracePeriodSeconds"));
            return spec;
        };
        if (strip(jobj(object, {"spec"})) != strip(jobj(existing, {"spec"})))
            return invalid(
                type, name,
                {{QStringLiteral("FieldValueForbidden"), QStringLiteral("spec"),
                  QStringLiteral(
                      "Forbidden: pod updates may not change fields other than "
                      "`spec.containers[*].image`,`spec.initContainers[*].image`,"
                      "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
                      "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it "
                      "to be set to 1 if it was previously negative)")}});
    }
    const QList<FieldError> errors = validateObject(type.id, object, existing);
    if (!errors.isEmpty())
        return invalid(type, name, errors);
    return std::nullopt;
}

QJsonObject ApiServer::persist(const ResourceType &type, QJsonObject object,
                               const QJsonObject &existing, bool dryRun)
{
    if (existing.isEmpty()) {
        if (dryRun) {
            jset(object, {"metadata", "uid"}, QUuid::createUuid().toString(QUuid::WithoutBraces));
            jset(object, {"metadata", "creationTimestamp"}, nowTimestamp());
            return object;
        }
        return m_store->create(type.id, object);
    }
    if (comparable(object) == comparable(existing))
        return existing;
    if (dryRun)
        return object;
    return m_store->update(type.id, object);
}

void ApiServer::create(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                       const QString &ns)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    ApiError error;
    auto body = decodeBody(r, &error);
    if (!body) {
        replyError(c, r, error);
        return;
    }
    QJsonObject object = *body;
    if (auto e = checkTypeMeta(object, type)) {
        replyError(c, r, *e);
        return;
    }
    object.remove(QLatin1String("apiVersion"));
    object.remove(QLatin1String("kind"));
    QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    if (type.namespaced) {
        const QString bodyNs = meta.value(QLatin1String("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != ns) {
            replyError(
                c, r,
                badRequest(QStringLiteral("the namespace of the provided object does not match the "
                                          "namespace sent on the request")));
            return;
        }
        meta.insert(QStringLiteral("namespace"), ns);
    } else {
        meta.remove(QLatin1String("namespace"));
    }
    QString name = meta.value(QLatin1String("name")).toString();
    const QString generateName = meta.value(QLatin1String("generateName")).toString();
    if (name.isEmpty() && !generateName.isEmpty()) {
        do {
            name = generateName + m_cluster->randomSuffix();
        } while (m_store->find(type.id, objectKey(ns, name)));
        meta.insert(QStringLiteral("name"), name);
    }
    for (const char *k :
         {"resourceVersion", "uid", "creationTimestamp", "generation", "managedFields",
          "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"})
        meta.remove(QLatin1String(k));
    object.insert(QStringLiteral("metadata"), meta);
    if (type.hasStatusSubresource)
        object.remove(QLatin1String("status"));
    if (type.namespaced) {
        if (auto e = checkNamespace(type, ns)) {
            replyError(c, r, *e);
            return;
        }
    }
    if (!name.isEmpty() && m_store->find(type.id, objectKey(ns, name))) {
        replyError(c, r, alreadyExists(type, name));
        return;
    }
    if (auto e = admit(type, name, object, {}, false, PodSpecCheck::Skipped)) {
        replyError(c, r, *e);
        return;
    }
    recordUpdate(object, {}, fieldManager(r), type.apiVersion(), QString(), FieldScope::Spec);
    replyObject(c, r, 201, type, persist(type, object, {}, dryRun));
}

void ApiServer::replace(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                        const QString &ns, const QString &name, const QString &sub)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    ApiError error;
    auto body = decodeBody(r, &error);
    if (!body) {
        replyError(c, r, error);
        return;
    }
    if (auto e = checkTypeMeta(*body, type)) {
        replyError(c, r, *e);
        return;
    }
    const QString bodyName = jstr(*body, {"metadata", "name"});
    if (bodyName != name) {
        replyError(
            c, r,
            badRequest(QStringLiteral(
                           "the name of the object (%1) does not match the name on the URL (%2)")
                           .arg(bodyName, name)));
        return;
    }
    const QString rv = jstr(*body, {"metadata", "resourceVersion"});
    if (!rv.isEmpty() && rv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r, modified(type, name));
        return;
    }
    QJsonObject result;
    if (auto e = commitUpdate(type, existing, *body, fieldManager(r), sub, dryRun, &result)) {
        replyError(c, r, *e);
        return;
    }
    replyObject(c, r, 200, type, result);
}

void ApiServer::patch(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns, const QString &name, const QString &sub)
{
    const QByteArray ct = mediaType(r);
    if (ct == "application/apply-patch+yaml" && sub.isEmpty()) {
        apply(c, r, type, ns, name);
        return;
    }
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    if (ct != "application/merge-patch+json" && ct != "application/strategic-merge-patch+json" &&
        ct != "application/json-patch+json") {
        replyError(c, r,
                   {415,
                    QStringLiteral("UnsupportedMediaType"),
                    QStringLiteral(
                        "the body of the request was in an unknown format - accepted media types "
                        "include: application/json-patch+json, application/merge-patch+json, "
                        "application/apply-patch+yaml, application/strategic-merge-patch+json"),
                    {},
                    0});
        return;
    }
    if (!r.param(QStringLiteral("force")).isEmpty()) {
        replyError(
            c, r,
            invalid(QStringLiteral("PatchOptions.meta.k8s.io"), QStringLiteral("meta.k8s.io"),
                    QStringLiteral("PatchOptions"), QString(),
                    {{QStringLiteral("FieldValueInvalid"), QStringLiteral("force"),
                      QStringLiteral(
                          "Invalid value: true: may not be specified for non-apply patch")}}));
        return;
    }
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        replyError(
            c, r,
            badRequest(QStringLiteral("error decoding patch: %1").arg(parseError.errorString())));
        return;
    }
    QJsonValue patched = withTypeMeta(type, existing);
    if (ct == "application/json-patch+json") {
        QString error;
        if (!doc.isArray() || !jsonPatch(patched, doc.array(), &error)) {
            replyError(c, r,
                       {422,
                        QStringLiteral("Invalid"),
                        error.isEmpty() ? QStringLiteral("invalid JSON patch") : error,
                        {},
                        0});
            return;
        }
    } else if (!doc.isObject()) {
        replyError(c, r, badRequest(QStringLiteral("error decoding patch: not a JSON object")));
        return;
    } else if (ct == "application/merge-patch+json") {
        patched = mergePatch(patched, doc.object());
    } else {
        patched = strategicMergePatch(patched, doc.object());
    }
    const QString rv = jstr(patched.toObject(), {"metadata", "resourceVersion"});
    if (!rv.isEmpty() && rv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r, modified(type, name));
        return;
    }
    QJsonObject result;
    if (auto e = commitUpdate(type, existing, patched.toObject(), fieldManager(r), sub, dryRun,
                              &result)) {
        replyError(c, r, *e);
        return;
    }
    replyObject(c, r, 200, type, result);
}

void ApiServer::apply(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns, const QString &name)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const QString manager = r.param(QStringLiteral("fieldManager"));
    if (manager.isEmpty()) {
        replyError(c, r,
                   invalid(QStringLiteral("PatchOptions.meta.k8s.io"),
                           QStringLiteral("meta.k8s.io"), QStringLiteral("PatchOptions"), QString(),
                           {{QStringLiteral("FieldValueRequired"), QStringLiteral("fieldManager"),
                             QStringLiteral("Required value: is required for apply patch")}}));
        return;
    }
    const bool force = truthy(r.param(QStringLiteral("force")));
    QString parseError;
    const auto body = parseYamlDocument(r.body, &parseError);
    if (!body || !body->isObject()) {
        replyError(c, r,
                   badRequest(QStringLiteral("error decoding YAML: %1")
                                  .arg(parseError.isEmpty() ? QStringLiteral("not an object")
                                                            : parseError)));
        return;
    }
    QJsonObject applied = body->toObject();
    const QString apiVersion = applied.value(QLatin1String("apiVersion")).toString();
    const QString kind = applied.value(QLatin1String("kind")).toString();
    if (apiVersion.isEmpty() || kind.isEmpty()) {
        replyError(
            c, r,
            badRequest(QStringLiteral("invalid object type: %1, Kind=%2").arg(apiVersion, kind)));
        return;
    }
    if (auto e = checkTypeMeta(applied, type)) {
        replyError(c, r, *e);
        return;
    }
    const QString bodyName = jstr(applied, {"metadata", "name"});
    if (bodyName != name) {
        replyError(
            c, r,
            badRequest(QStringLiteral(
                           "the name of the object (%1) does not match the name on the URL (%2)")
                           .arg(bodyName, name)));
        return;
    }
    if (jget(applied, {"metadata", "managedFields"}).isArray()) {
        replyError(c, r, badRequest(QStringLiteral("metadata.managedFields must be nil")));
        return;
    }
    if (type.namespaced) {
        const QString bodyNs = jstr(applied, {"metadata", "namespace"});
        if (!bodyNs.isEmpty() && bodyNs != ns) {
            replyError(
                c, r,
                badRequest(QStringLiteral("the namespace of the provided object does not match the "
                                          "namespace sent on the request")));
            return;
        }
        jset(applied, {"metadata", "namespace"}, ns);
    }
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        if (auto e = checkNamespace(type, ns)) {
            replyError(c, r, *e);
            return;
        }
    }
    ApplyOutcome outcome = serverSideApply(existing, applied, manager, type.apiVersion(), force);
    if (!outcome.conflicts.isEmpty()) {
        QJsonArray causes;
        auto who = [](const ManagedEntry &e) {
            QString s = QLatin1Char('"') + e.manager + QLatin1Char('"');
            if (!e.subresource.isEmpty())
                s += QStringLiteral(" with subresource \"%1\"").arg(e.subresource);
            if (e.operation == QLatin1String("Update"))
                s += QStringLiteral(" using ") + e.apiVersion;
            return s;
        };
        QMap<QString, QStringList> byManager;
        for (const ApplyConflict &conflict : std::as_const(outcome.conflicts)) {
            causes.append(QJsonObject{
                {QStringLiteral("reason"), QStringLiteral("FieldManagerConflict")},
                {QStringLiteral("message"), QStringLiteral("conflict with ") + who(conflict.owner)},
                {QStringLiteral("field"), displayPath(conflict.path)}});
            byManager[who(conflict.owner)] << displayPath(conflict.path);
        }
        QString message;
        if (outcome.conflicts.size() == 1) {
            message = QStringLiteral("Apply failed with 1 conflict: conflict with %1: %2")
                          .arg(who(outcome.conflicts.first().owner),
                               displayPath(outcome.conflicts.first().path));
        } else {
            QStringList lines;
            for (auto it = byManager.cbegin(); it != byManager.cend(); ++it) {
                lines << QStringLiteral("conflicts with %1:").arg(it.key());
                for (const QString &p : it.value())
                    lines << QStringLiteral("- ") + p;
            }
            message = QStringLiteral("Apply failed with %1 conflicts: %2")
                          .arg(outcome.conflicts.size())
                          .arg(lines.join(QLatin1Char('\n')));
        }
        replyError(c, r,
                   {409, QStringLiteral("Conflict"), message,
                    QJsonObject{{QStringLiteral("causes"), causes}}, 0});
        return;
    }
    QJsonObject object = outcome.object;
    object.remove(QLatin1String("apiVersion"));
    object.remove(QLatin1String("kind"));
    if (existing.isEmpty()) {
        if (type.hasStatusSubresource)
            object.remove(QLatin1String("status"));
    } else {
        // Identity and status stay the server's.
        const QJsonArray managed = jarr(object, {"metadata", "managedFields"});
        restoreIdentity(object, existing);
        jset(object, {"metadata", "managedFields"}, managed);
        if (type.hasStatusSubresource)
            keepServerStatus(object, existing);
    }
    // PodSpecCheck::Skipped: server-side apply, unlike replace and patch, does
    // not check that an existing pod's spec is unchanged (today's behaviour).
    if (auto e = admit(type, name, object, existing, false, PodSpecCheck::Skipped)) {
        replyError(c, r, *e);
        return;
    }
    replyObject(c, r, existing.isEmpty() ? 201 : 200, type,
                persist(type, object, existing, dryRun));
}

void ApiServer::remove(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                       const QString &ns, const QString &name)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const QString key = objectKey(ns, name);
    const QJsonObject existing = m_store->get(type.id, key);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    QJsonObject options;
    if (!r.body.trimmed().isEmpty())
        options = QJsonDocument::fromJson(r.body).object();
    QString propagation = r.param(QStringLiteral("propagationPolicy"));
    if (propagation.isEmpty())
        propagation = options.value(QLatin1String("propagationPolicy"))
                          .toString(QStringLiteral("Background"));
    if (options.value(QLatin1String("orphanDependents")).toBool())
        propagation = QStringLiteral("Orphan");
    int grace = -1;
    if (r.hasParam(QStringLiteral("gracePeriodSeconds")))
        grace = r.param(QStringLiteral("gracePeriodSeconds")).toInt();
    else if (options.value(QLatin1String("gracePeriodSeconds")).isDouble())
        grace = int(options.value(QLatin1String("gracePeriodSeconds")).toInteger());
    const QJsonObject preconditions = options.value(QLatin1String("preconditions")).toObject();
    const QString wantUid = preconditions.value(QLatin1String("uid")).toString();
    if (!wantUid.isEmpty() && wantUid != uidOf(existing)) {
        replyError(c, r,
                   conflict(type, name,
                            QStringLiteral("Precondition failed: UID in precondition: %1, UID in "
                                           "object meta: %2")
                                .arg(wantUid, uidOf(existing))));
        return;
    }
    const QString wantRv = preconditions.value(QLatin1String("resourceVersion")).toString();
    if (!wantRv.isEmpty() && wantRv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r,
                   conflict(type, name,
                            QStringLiteral("Precondition failed: ResourceVersion in precondition: "
                                           "%1, ResourceVersion in object meta: %2")
                                .arg(wantRv, jstr(existing, {"metadata", "resourceVersion"}))));
        return;
    }
    if (dryRun) {
        replyObject(c, r, 200, type, existing);
        return;
    }
    const QJsonObject result = m_cluster->deleteObject(type.id, key, propagation, grace);
    if (type.id == Pods || type.id == Namespaces) {
        replyObject(c, r, 200, type, result);
        return;
    }
    QJsonObject details = detailsFor(type, name);
    details.insert(QStringLiteral("uid"), uidOf(existing));
    replyJson(c, r, 200,
              compact(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("metadata"), QJsonObject()},
                                  {QStringLiteral("status"), QStringLiteral("Success")},
                                  {QStringLiteral("details"), details}}));
}

void ApiServer::removeCollection(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                                 const QString &ns)
{
    Filter filter;
    if (auto e = parseFilter(r, &filter)) {
        replyError(c, r, *e);
        return;
    }
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const ObjectMap snapshot = m_store->objects(type.id);
    auto [begin, end] = range(snapshot, ns);
    QByteArray items;
    for (auto it = begin; it != end; ++it) {
        if (!filter.matches(it->object))
            continue;
        const QJsonObject result =
            dryRun ? it->object
                   : m_cluster->deleteObject(type.id, it.key(), QStringLiteral("Background"));
        if (!items.isEmpty())
            items += ',';
        items += compact(result);
    }
    const QJsonObject meta{
        {QStringLiteral("resourceVersion"), QString::number(m_store->resourceVersion())}};
    replyJson(c, r, 200, listHeader(type, false, meta) + items + "]}");
}

} // namespace labdeck::demolab::detail
