#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace labdeck::manifests {

// A YAML value whose maps keep the order they were built in (apiVersion,
// kind, metadata, spec, as kubectl writes them), so written manifests read
// naturally and golden files stay stable. Plain data.
class YamlValue
{
public:
    enum class Type { Null, String, Int, Bool, Map, Seq };

    YamlValue() = default;
    YamlValue(const QString &s); // NOLINT: implicit on purpose, values read like literals
    YamlValue(const char *s);    // UTF-8
    YamlValue(int i);
    YamlValue(qint64 i);
    YamlValue(bool b);

    [[nodiscard]] static YamlValue map() { return YamlValue(Type::Map); }
    [[nodiscard]] static YamlValue seq() { return YamlValue(Type::Seq); }

    [[nodiscard]] Type type() const { return m_type; }
    [[nodiscard]] bool isNull() const { return m_type == Type::Null; }
    [[nodiscard]] QString string() const { return m_string; }
    [[nodiscard]] qint64 integer() const { return m_int; }
    [[nodiscard]] bool boolean() const { return m_bool; }

    // Map: sets (or replaces, keeping its place) a key. Returns *this.
    YamlValue &set(const QString &key, const YamlValue &value);
    // Map: the value of a key, or a null value.
    [[nodiscard]] YamlValue value(const QString &key) const;
    [[nodiscard]] const QList<QPair<QString, YamlValue>> &entries() const { return m_entries; }
    // Seq: appends. Returns *this.
    YamlValue &append(const YamlValue &value);
    [[nodiscard]] const QList<YamlValue> &items() const { return m_items; }

    // Block-style YAML (two-space indent; strings quoted where a plain
    // scalar would read as another type). Ends with a newline.
    [[nodiscard]] QByteArray toYaml() const;
    // JSON values as YAML values (object keys in JSON's sorted order).
    [[nodiscard]] static YamlValue fromJson(const QJsonValue &json);

private:
    explicit YamlValue(Type type)
        : m_type(type)
    {}
    Type m_type = Type::Null;
    QString m_string;
    qint64 m_int = 0;
    bool m_bool = false;
    QList<QPair<QString, YamlValue>> m_entries;
    QList<YamlValue> m_items;
};

// Several documents as one file, separated by "---" lines.
[[nodiscard]] QByteArray joinDocuments(const QList<QByteArray> &documents);

// Splits a multi-document YAML file at its "---" separator lines, keeping
// each document's own text (comments, quoting) and the 1-based line where
// it starts. Empty documents are dropped.
struct YamlDocumentText
{
    QByteArray text;
    int line = 1;
};
[[nodiscard]] QList<YamlDocumentText> splitDocuments(const QByteArray &text);

} // namespace labdeck::manifests
