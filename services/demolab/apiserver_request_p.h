#pragma once

// Decoding a request (body, media type, dry run, selectors, Table output)
// and encoding a list, shared by apiserver_<part>_p.cpp. Request decoding is
// defined in apiserver_routing_p.cpp, list encoding in apiserver_reads_p.cpp.

#include "demolab/apiserver_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/objects_p.h"
#include "demolab/tables_p.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <utility>

namespace labdeck::demolab::detail {

inline const QByteArray kJson = QByteArrayLiteral("application/json");

bool truthy(const QString &value);
QByteArray mediaType(const HttpRequest &r);
QString fieldManager(const HttpRequest &r);
// Decodes a POST/PUT body (JSON, or YAML when sent as YAML).
std::optional<QJsonObject> decodeBody(const HttpRequest &r, ApiError *error);
std::optional<ApiError> checkTypeMeta(const QJsonObject &object, const ResourceType &t);
std::optional<ApiError> checkDryRun(const HttpRequest &r, bool *dryRun);

struct Filter
{
    LabelSelector labels;
    FieldSelector fields;

    [[nodiscard]] bool matches(const QJsonObject &object) const
    {
        if (!labels.isEmpty() && !labels.matches(jobj(object, {"metadata", "labels"})))
            return false;
        return fields.isEmpty() || fields.matches(object);
    }
};
std::optional<ApiError> parseFilter(const HttpRequest &r, Filter *filter);
TableObject includeObject(const HttpRequest &r);
bool wantsTable(const HttpRequest &r);

QByteArray listHeader(const ResourceType &t, bool table, const QJsonObject &meta);
// The keys of one namespace (or all) in a snapshot.
std::pair<ObjectMap::const_iterator, ObjectMap::const_iterator> range(const ObjectMap &map,
                                                                      const QString &ns);

} // namespace labdeck::demolab::detail
