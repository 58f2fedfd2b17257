#include "ollama/ollamaparser.h"

#include "common/format.h"
#include "common/gotime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace labdeck::ollama {

namespace {

std::optional<QJsonObject> object(const QByteArray &body, const QString &what, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const int line = int(body.left(pe.offset).count('\n')) + 1;
        *error = OllamaParser::tr("Ollama %1: line %2: not JSON: %3")
                     .arg(what)
                     .arg(line)
                     .arg(pe.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = OllamaParser::tr("Ollama %1: expected a JSON object").arg(what);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("error")).isString()) {
        *error =
            OllamaParser::tr("Ollama %1: %2").arg(what, o.value(QLatin1String("error")).toString());
        return std::nullopt;
    }
    return o;
}

std::optional<QJsonArray> models(const QByteArray &body, const QString &what, QString *error)
{
    auto o = object(body, what, error);
    if (!o)
        return std::nullopt;
    const QJsonValue list = o->value(QLatin1String("models"));
    if (list.isNull())
        return QJsonArray(); // older servers send null for none
    if (!list.isArray()) {
        *error = OllamaParser::tr("Ollama %1: no \"models\" list").arg(what);
        return std::nullopt;
    }
    const QJsonArray a = list.toArray();
    for (const QJsonValue &v : a) {
        if (!v.isObject() || !v.toObject().value(QLatin1String("name")).isString()) {
            *error = OllamaParser::tr("Ollama %1: a model has no name").arg(what);
            return std::nullopt;
        }
    }
    return a;
}

} // namespace

QString LoadedModel::processorText() const
{
    if (sizeVramBytes <= 0)
        return OllamaParser::tr("100% CPU");
    if (sizeVramBytes >= sizeBytes)
        return OllamaParser::tr("100% GPU");
    const int gpu = int(100.0 * double(sizeVramBytes) / double(sizeBytes) + 0.5);
    return OllamaParser::tr("%1%/%2% CPU/GPU").arg(100 - gpu).arg(gpu);
}

QString LoadedModel::untilText(const QDateTime &now) const
{
    if (!expiresAt.isValid())
        return {};
    const qint64 s = now.secsTo(expiresAt);
    if (s <= 0)
        return OllamaParser::tr("stopping\u2026");
    if (s > qint64(20) * 365 * 24 * 3600)
        return OllamaParser::tr("forever");
    if (s < 120)
        return OllamaParser::tr("in %1 s").arg(s);
    if (s < 2 * 3600)
        return OllamaParser::tr("in %1 min").arg(s / 60);
    return OllamaParser::tr("in %1 h").arg(s / 3600);
}

std::optional<QString> OllamaParser::parseVersion(const QByteArray &body, QString *error)
{
    auto o = object(body, QStringLiteral("/api/version"), error);
    if (!o)
        return std::nullopt;
    if (!o->value(QLatin1String("version")).isString()) {
        *error = tr("Ollama /api/version: no \"version\"");
        return std::nullopt;
    }
    return o->value(QLatin1String("version")).toString();
}

std::optional<QList<OllamaModel>> OllamaParser::parseTags(const QByteArray &body, QString *error)
{
    auto list = models(body, QStringLiteral("/api/tags"), error);
    if (!list)
        return std::nullopt;
    QList<OllamaModel> out;
    for (const QJsonValue &v : std::as_const(*list)) {
        const QJsonObject o = v.toObject();
        const QJsonObject d = o.value(QLatin1String("details")).toObject();
        OllamaModel m;
        m.name = o.value(QLatin1String("name")).toString();
        m.sizeBytes = o.value(QLatin1String("size")).toInteger();
        m.digest = o.value(QLatin1String("digest")).toString();
        m.modifiedAt = parseGoTime(o.value(QLatin1String("modified_at")).toString());
        m.family = d.value(QLatin1String("family")).toString();
        m.parameterSize = d.value(QLatin1String("parameter_size")).toString();
        m.quantization = d.value(QLatin1String("quantization_level")).toString();
        out << m;
    }
    return out;
}

std::optional<QList<LoadedModel>> OllamaParser::parsePs(const QByteArray &body, QString *error)
{
    auto list = models(body, QStringLiteral("/api/ps"), error);
    if (!list)
        return std::nullopt;
    QList<LoadedModel> out;
    for (const QJsonValue &v : std::as_const(*list)) {
        const QJsonObject o = v.toObject();
        const QJsonObject d = o.value(QLatin1String("details")).toObject();
        LoadedModel m;
        m.name = o.value(QLatin1String("name")).toString();
        m.sizeBytes = o.value(QLatin1String("size")).toInteger();
        m.sizeVramBytes = o.value(QLatin1String("size_vram")).toInteger();
        m.expiresAt = parseGoTime(o.value(QLatin1String("expires_at")).toString());
        m.contextLength = o.value(QLatin1String("context_length")).toInt();
        m.family = d.value(QLatin1String("family")).toString();
        m.parameterSize = d.value(QLatin1String("parameter_size")).toString();
        m.quantization = d.value(QLatin1String("quantization_level")).toString();
        out << m;
    }
    return out;
}

} // namespace labdeck::ollama
