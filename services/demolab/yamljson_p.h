#pragma once

// YAML read as JSON: request bodies (apply patches) and the seed's data files.

#include "common/locatederror.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace YAML {
class Node;
}

namespace labdeck::demolab::detail {

// A node of a document YamlReader loaded, as JSON: maps are objects (keys as
// text), sequences arrays; a quoted scalar is always a string, a plain one
// null (~, null), a bool (true, false), a number or else a string.
[[nodiscard]] QJsonValue yamlNodeToJson(const YAML::Node &node);

// Parses one YAML (or JSON) document through YamlReader; empty on error, and
// *error then says where ("file:line:column: ..."). file is only used there.
[[nodiscard]] std::optional<QJsonValue> parseYaml(const QByteArray &text, const QString &file,
                                                  LocatedError *error);

// A request body: parseYaml() with the error as text; empty on error.
[[nodiscard]] std::optional<QJsonValue> parseYamlDocument(const QByteArray &text, QString *error);
} // namespace labdeck::demolab::detail
