#include "demolab/discovery_p.h"

#include "demolab/store_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace labdeck::demolab::detail {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Groups served by something other than the store: metrics-server's
// aggregated API (the nodes' usage) and the access reviews.
struct ExtraResource
{
    const char *name;
    const char *singular;
    const char *kind;
    bool namespaced;
    QStringList verbs;
};
struct ExtraGroup
{
    const char *group;
    const char *version;
    QList<ExtraResource> resources;
};

const QList<ExtraGroup> &extraGroups()
{
    static const QList<ExtraGroup> list{
        {"authorization.k8s.io",
         "v1",
         {{"selfsubjectaccessreviews",
           "selfsubjectaccessreview",
           "SelfSubjectAccessReview",
           false,
           {QStringLiteral("create")}}}},
        {"metrics.k8s.io",
         "v1beta1",
         {{"nodes", "", "NodeMetrics", false, {QStringLiteral("get"), QStringLiteral("list")}},
          {"pods", "", "PodMetrics", true, {QStringLiteral("get"), QStringLiteral("list")}}}},
    };
    return list;
}

const ExtraGroup *extraGroup(const QString &group)
{
    for (const ExtraGroup &g : extraGroups()) {
        if (group == QLatin1String(g.group))
            return &g;
    }
    return nullptr;
}

QStringList groups()
{
    QStringList out;
    for (const ResourceType &t : resourceTypes()) {
        if (!t.group.isEmpty() && !out.contains(t.group))
            out << t.group;
    }
    for (const ExtraGroup &g : extraGroups())
        out << QLatin1String(g.group);
    return out;
}

QJsonObject groupEntry(const QString &group)
{
    const ExtraGroup *extra = extraGroup(group);
    const QString v = extra ? QLatin1String(extra->version) : QStringLiteral("v1");
    const QJsonObject version{{QStringLiteral("groupVersion"), group + QLatin1Char('/') + v},
                              {QStringLiteral("version"), v}};
    return QJsonObject{{QStringLiteral("name"), group},
                       {QStringLiteral("versions"), QJsonArray{version}},
                       {QStringLiteral("preferredVersion"), version}};
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QString storageVersionHash(const ResourceType &t)
{
    const QByteArray digest =
        QCryptographicHash::hash((t.apiVersion() + t.kind).toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(8).toBase64());
}

// One path item with the operations kubectl's verifier looks at.
QJsonObject operations(const ResourceType &t, bool item)
{
    const QJsonObject fieldValidation{
        {QStringLiteral("name"), QStringLiteral("fieldValidation")},
        {QStringLiteral("in"), QStringLiteral("query")},
        {QStringLiteral("description"),
         QStringLiteral(
             "fieldValidation instructs the server on how to handle objects in the request "
             "(POST/PUT/PATCH) containing unknown or duplicate fields.")},
        {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
        {QStringLiteral("uniqueItems"), true}};
    const QJsonObject ok{{QStringLiteral("200"),
                          QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")}}}};
    const QString kind = t.kind;
    auto op = [&](const QString &verb, bool withValidation) {
        QJsonObject o{{QStringLiteral("operationId"), verb + kind},
                      {QStringLiteral("responses"), ok},
                      {QStringLiteral("x-kubernetes-action"), verb},
                      {QStringLiteral("x-kubernetes-group-version-kind"),
                       QJsonObject{{QStringLiteral("group"), t.group},
                                   {QStringLiteral("version"), t.version},
                                   {QStringLiteral("kind"), kind}}}};
        if (withValidation)
            o.insert(QStringLiteral("parameters"), QJsonArray{fieldValidation});
        return o;
    };
    if (item)
        return QJsonObject{{QStringLiteral("get"), op(QStringLiteral("get"), false)},
                           {QStringLiteral("put"), op(QStringLiteral("put"), true)},
                           {QStringLiteral("patch"), op(QStringLiteral("patch"), true)},
                           {QStringLiteral("delete"), op(QStringLiteral("delete"), false)}};
    return QJsonObject{{QStringLiteral("get"), op(QStringLiteral("list"), false)},
                       {QStringLiteral("post"), op(QStringLiteral("post"), true)}};
}

} // namespace

QByteArray versionDocument()
{
    return compact(QJsonObject{
        {QStringLiteral("major"), QStringLiteral("1")},
        {QStringLiteral("minor"), QStringLiteral("30")},
        {QStringLiteral("gitVersion"), QLatin1String(KubernetesVersion)},
        {QStringLiteral("gitCommit"), QStringLiteral("a51b3b711150f57ffc1f526a640ec058514ed596")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral("2024-08-14T19:02:46Z")},
        {QStringLiteral("goVersion"), QStringLiteral("go1.22.5")},
        {QStringLiteral("compiler"), QStringLiteral("gc")},
        {QStringLiteral("platform"), QStringLiteral("linux/arm64")}});
}

QByteArray coreVersionsDocument(const QString &serverAddress)
{
    return compact(QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("APIVersions")},
        {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
        {QStringLiteral("serverAddressByClientCIDRs"),
         QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                {QStringLiteral("serverAddress"), serverAddress}}}}});
}

QByteArray groupListDocument(const QSet<QString> &absent)
{
    QJsonArray list;
    for (const QString &g : groups()) {
        if (!absent.contains(g))
            list.append(groupEntry(g));
    }
    return compact(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("groups"), list}});
}

QByteArray groupDocument(const QString &group)
{
    if (!groups().contains(group))
        return {};
    QJsonObject o = groupEntry(group);
    o.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
    o.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    return compact(o);
}

QByteArray resourceListDocument(const QString &group, const QString &version)
{
    QJsonArray resources;
    const QJsonArray verbs{
        QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
        QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
        QStringLiteral("update"), QStringLiteral("watch")};
    const QJsonArray subVerbs{QStringLiteral("get"), QStringLiteral("patch"),
                              QStringLiteral("update")};
    for (const ResourceType &t : resourceTypes()) {
        if (t.group != group || t.version != version)
            continue;
        QJsonObject r{{QStringLiteral("name"), t.plural},
                      {QStringLiteral("singularName"), t.singular},
                      {QStringLiteral("namespaced"), t.namespaced},
                      {QStringLiteral("kind"), t.kind},
                      {QStringLiteral("verbs"), verbs},
                      {QStringLiteral("storageVersionHash"), storageVersionHash(t)}};
        if (!t.shortNames.isEmpty())
            r.insert(QStringLiteral("shortNames"), toArray(t.shortNames));
        if (!t.categories.isEmpty())
            r.insert(QStringLiteral("categories"), toArray(t.categories));
        resources.append(r);
        for (const QString &sub : t.subresources) {
            QJsonObject s{{QStringLiteral("name"), t.plural + QLatin1Char('/') + sub},
                          {QStringLiteral("singularName"), QString()},
                          {QStringLiteral("namespaced"), t.namespaced}};
            if (sub == QLatin1String("scale")) {
                s.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
                s.insert(QStringLiteral("version"), QStringLiteral("v1"));
                s.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
                s.insert(QStringLiteral("verbs"), subVerbs);
            } else if (sub == QLatin1String("log")) {
                s.insert(QStringLiteral("kind"), t.kind);
                s.insert(QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")});
            } else {
                s.insert(QStringLiteral("kind"), t.kind);
                s.insert(QStringLiteral("verbs"), subVerbs);
            }
            resources.append(s);
        }
    }
    if (const ExtraGroup *extra = extraGroup(group);
        extra && version == QLatin1String(extra->version)) {
        for (const ExtraResource &e : extra->resources)
            resources.append(
                QJsonObject{{QStringLiteral("name"), QLatin1String(e.name)},
                            {QStringLiteral("singularName"), QLatin1String(e.singular)},
                            {QStringLiteral("namespaced"), e.namespaced},
                            {QStringLiteral("kind"), QLatin1String(e.kind)},
                            {QStringLiteral("verbs"), toArray(e.verbs)}});
    }
    if (resources.isEmpty())
        return {};
    return compact(QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("groupVersion"),
                                group.isEmpty() ? version : group + QLatin1Char('/') + version},
                               {QStringLiteral("resources"), resources}});
}

QByteArray openApiIndexDocument()
{
    QJsonObject paths;
    QSet<QString> seen;
    for (const ResourceType &t : resourceTypes()) {
        const QString path =
            t.group.isEmpty() ? QStringLiteral("api/v1") : QStringLiteral("apis/") + t.apiVersion();
        if (seen.contains(path))
            continue;
        seen.insert(path);
        // The hash query makes clients treat the document as cacheable.
        paths.insert(path, QJsonObject{{QStringLiteral("serverRelativeURL"),
                                        QLatin1Char('/') + QStringLiteral("openapi/v3/") + path +
                                            QStringLiteral("?hash=") +
                                            QString::number(qHash(path), 16).toUpper()}});
    }
    return compact(QJsonObject{{QStringLiteral("paths"), paths}});
}

QByteArray openApiDocument(const QString &path)
{
    QJsonObject paths;
    for (const ResourceType &t : resourceTypes()) {
        const QString gv =
            t.group.isEmpty() ? QStringLiteral("api/v1") : QStringLiteral("apis/") + t.apiVersion();
        if (gv != path)
            continue;
        const QString base =
            QLatin1Char('/') + gv +
            (t.namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/")) +
            t.plural;
        paths.insert(base, operations(t, false));
        paths.insert(base + QStringLiteral("/{name}"), operations(t, true));
    }
    if (paths.isEmpty())
        return {};
    return compact(QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                     {QStringLiteral("version"), QLatin1String(KubernetesVersion)}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), QJsonObject()}}}});
}

} // namespace labdeck::demolab::detail
