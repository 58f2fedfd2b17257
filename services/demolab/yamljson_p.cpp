#include "demolab/yamljson_p.h"

#include "common/yamlreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <string>
#include <yaml-cpp/yaml.h>

namespace labdeck::demolab::detail {

QJsonValue yamlNodeToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &kv : node)
            o.insert(QString::fromStdString(kv.first.Scalar()), yamlNodeToJson(kv.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &item : node)
            a.append(yamlNodeToJson(item));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const std::string &s = node.Scalar();
        const QString text = QString::fromStdString(s);
        if (node.Tag() == "!") // quoted: always a string
            return text;
        if (text == QLatin1String("~") || text == QLatin1String("null") ||
            text == QLatin1String("Null") || text == QLatin1String("NULL"))
            return QJsonValue(QJsonValue::Null);
        if (text == QLatin1String("true") || text == QLatin1String("True") ||
            text == QLatin1String("TRUE"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("False") ||
            text == QLatin1String("FALSE"))
            return false;
        bool ok = false;
        const qlonglong i = text.toLongLong(&ok);
        if (ok)
            return QJsonValue(i);
        const double d = text.toDouble(&ok);
        if (ok && !text.isEmpty() &&
            (text.at(0).isDigit() || text.at(0) == QLatin1Char('-') ||
             text.at(0) == QLatin1Char('.')))
            return d;
        return text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Null);
}

std::optional<QJsonValue> parseYaml(const QByteArray &text, const QString &file,
                                    LocatedError *error)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        // JSON-looking YAML (flow style) falls through to the YAML parser.
    }
    YamlReader reader(file);
    if (!reader.load(text)) {
        *error = *reader.error();
        return std::nullopt;
    }
    QJsonValue value;
    if (const auto walkError = reader.guard([&] { value = yamlNodeToJson(reader.root()); })) {
        *error = *walkError;
        return std::nullopt;
    }
    return value;
}

std::optional<QJsonValue> parseYamlDocument(const QByteArray &text, QString *error)
{
    LocatedError located;
    auto value = parseYaml(text, QStringLiteral("body"), &located);
    if (!value)
        *error = located.toString();
    return value;
}

} // namespace labdeck::demolab::detail
