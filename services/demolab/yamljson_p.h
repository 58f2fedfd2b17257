#pragma once

// YAML request bodies (apply patches) read as JSON.

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace labdeck::demolab::detail {

// Parses a YAML (or JSON) document into JSON; empty on error.
[[nodiscard]] std::optional<QJsonValue> parseYamlDocument(const QByteArray &text, QString *error);
} // namespace labdeck::demolab::detail
