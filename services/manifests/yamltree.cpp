#include "manifests/yamltree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace labdeck::manifests {

YamlValue::YamlValue(const QString &s)
    : m_type(Type::String)
    , m_string(s)
{}

YamlValue::YamlValue(const char *s)
    : m_type(Type::String)
    , m_string(QString::fromUtf8(s))
{}

YamlValue::YamlValue(int i)
    : m_type(Type::Int)
    , m_int(i)
{}

YamlValue::YamlValue(qint64 i)
    : m_type(Type::Int)
    , m_int(i)
{}

YamlValue::YamlValue(bool b)
    : m_type(Type::Bool)
    , m_bool(b)
{}

YamlValue &YamlValue::set(const QString &key, const YamlValue &value)
{
    m_type = Type::Map;
    for (auto &entry : m_entries) {
        if (entry.first == key) {
            entry.second = value;
            return *this;
        }
    }
    m_entries.append({key, value});
    return *this;
}

YamlValue YamlValue::value(const QString &key) const
{
    for (const auto &entry : m_entries) {
        if (entry.first == key)
            return entry.second;
    }
    return {};
}

YamlValue &YamlValue::append(const YamlValue &value)
{
    m_type = Type::Seq;
    m_items.append(value);
    return *this;
}

namespace {

// A plain scalar that YAML 1.1 or 1.2 would read as a number, bool or null
// must be quoted to stay a string ("8080", "true", "on", "").
bool needsQuotes(const QString &s)
{
    if (s.isEmpty())
        return true;
    static const QRegularExpression special(
        QStringLiteral("^(?:[-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+|"
                       "0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|"
                       "(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|"
                       "off|Off|OFF|null|Null|NULL|~))$"));
    return special.match(s).hasMatch() || s.front().isSpace() || s.back().isSpace();
}

void emitValue(YAML::Emitter &out, const YamlValue &v)
{
    switch (v.type()) {
    case YamlValue::Type::Null:
        out << YAML::Null;
        break;
    case YamlValue::Type::String: {
        const std::string s = v.string().toStdString();
        if (needsQuotes(v.string()))
            out << YAML::DoubleQuoted << s;
        else if (v.string().contains(QLatin1Char('\n')))
            out << YAML::Literal << s;
        else
            out << s;
        break;
    }
    case YamlValue::Type::Int:
        out << static_cast<long long>(v.integer());
        break;
    case YamlValue::Type::Bool:
        out << YAML::TrueFalseBool << v.boolean();
        break;
    case YamlValue::Type::Map:
        if (v.entries().isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const auto &entry : v.entries()) {
            out << YAML::Key;
            if (needsQuotes(entry.first))
                out << YAML::DoubleQuoted;
            out << entry.first.toStdString() << YAML::Value;
            emitValue(out, entry.second);
        }
        out << YAML::EndMap;
        break;
    case YamlValue::Type::Seq:
        if (v.items().isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const YamlValue &item : v.items())
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    }
}

} // namespace

QByteArray YamlValue::toYaml() const
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    emitValue(out, *this);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    if (!text.endsWith('\n'))
        text += '\n';
    return text;
}

YamlValue YamlValue::fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return YamlValue(json.toBool());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (d == double(qint64(d)))
            return YamlValue(qint64(d));
        return YamlValue(QString::number(d)); // no fractional numbers in the objects we write
    }
    case QJsonValue::String:
        return YamlValue(json.toString());
    case QJsonValue::Array: {
        YamlValue seq = YamlValue::seq();
        const QJsonArray array = json.toArray();
        for (const QJsonValue &item : array)
            seq.append(fromJson(item));
        return seq;
    }
    case QJsonValue::Object: {
        YamlValue map = YamlValue::map();
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map.set(it.key(), fromJson(it.value()));
        return map;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QByteArray joinDocuments(const QList<QByteArray> &documents)
{
    QByteArray out;
    for (const QByteArray &doc : documents) {
        if (!out.isEmpty())
            out += "---\n";
        out += doc;
        if (!out.endsWith('\n'))
            out += '\n';
    }
    return out;
}

QList<YamlDocumentText> splitDocuments(const QByteArray &text)
{
    QList<YamlDocumentText> docs;
    YamlDocumentText current;
    int lineNo = 0;
    auto flush = [&] {
        bool empty = true;
        for (const QByteArray &line : current.text.split('\n')) {
            const QByteArray t = line.trimmed();
            if (!t.isEmpty() && !t.startsWith('#')) {
                empty = false;
                break;
            }
        }
        if (!empty)
            docs.append(current);
    };
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArray line = text.mid(pos, end - pos);
        ++lineNo;
        const QByteArray t = line.trimmed();
        if (t == "---" || t.startsWith("--- ") || t == "...") {
            flush();
            current = YamlDocumentText{{}, lineNo + 1};
        } else {
            if (current.text.isEmpty())
                current.line = lineNo;
            current.text += line;
            current.text += '\n';
        }
        pos = end + 1;
    }
    flush();
    return docs;
}

} // namespace labdeck::manifests
