#include "prometheus/promparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace labdeck::prom {

namespace {

Labels labelsOf(const QJsonValue &value)
{
    Labels labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

bool sampleOf(const QJsonValue &pair, Sample *sample)
{
    const QJsonArray array = pair.toArray();
    if (array.size() != 2 || !array.at(0).isDouble() || !array.at(1).isString())
        return false;
    bool ok = false;
    sample->time = array.at(0).toDouble();
    sample->value = Parse::value(array.at(1).toString(), &ok);
    return ok;
}

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

double Parse::value(const QString &text, bool *ok)
{
    if (ok)
        *ok = true;
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("+Inf") || text == QLatin1String("Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    bool parsed = false;
    const double v = text.toDouble(&parsed);
    if (ok)
        *ok = parsed;
    return parsed ? v : 0.0;
}

double Parse::duration(const QString &text)
{
    bool plain = false;
    const double seconds = text.toDouble(&plain);
    if (plain)
        return seconds > 0 ? seconds : 0;
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|y|w|d|h|m|s)"));
    double total = 0;
    qsizetype consumed = 0;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != consumed)
            return 0;
        consumed = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        if (unit == QLatin1String("ms"))
            total += n / 1000.0;
        else if (unit == QLatin1String("s"))
            total += n;
        else if (unit == QLatin1String("m"))
            total += n * 60;
        else if (unit == QLatin1String("h"))
            total += n * 3600;
        else if (unit == QLatin1String("d"))
            total += n * 86400;
        else if (unit == QLatin1String("w"))
            total += n * 7 * 86400;
        else if (unit == QLatin1String("y"))
            total += n * 365 * 86400;
    }
    return consumed == text.size() ? total : 0;
}

QString Parse::errorTypeText(const QString &errorType)
{
    if (errorType == QLatin1String("bad_data"))
        return tr("the request was invalid");
    if (errorType == QLatin1String("execution"))
        return tr("the query failed while it ran");
    if (errorType == QLatin1String("timeout"))
        return tr("the query took longer than Prometheus allows");
    if (errorType == QLatin1String("canceled"))
        return tr("the query was cancelled");
    if (errorType == QLatin1String("internal"))
        return tr("Prometheus had an internal error");
    if (errorType == QLatin1String("unavailable"))
        return tr("Prometheus is starting and its storage is not ready");
    if (errorType == QLatin1String("demo_unsupported"))
        return tr("the demo lab cannot run this query");
    if (errorType == QLatin1String("not_found"))
        return tr("Prometheus does not know this endpoint");
    return tr("Prometheus reported an error (%1)").arg(errorType);
}

Result Parse::response(const QByteArray &body, Kind kind, const QString &what)
{
    Result result;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        result.error = body.trimmed().isEmpty()
                           ? tr("%1: the answer was empty").arg(what)
                           : tr("%1: the answer is not Prometheus JSON (%2 at byte %3)")
                                 .arg(what, parseError.errorString())
                                 .arg(parseError.offset);
        return result;
    }
    const QJsonObject root = document.object();
    for (const QJsonValue &w : root.value(QLatin1String("warnings")).toArray())
        result.warnings << w.toString();
    const QString status = root.value(QLatin1String("status")).toString();
    if (status == QLatin1String("error")) {
        result.errorType = root.value(QLatin1String("errorType")).toString();
        const QString message = root.value(QLatin1String("error")).toString();
        result.error = tr("%1: %2: %3").arg(what, errorTypeText(result.errorType), message);
        return result;
    }
    if (status != QLatin1String("success")) {
        result.error = tr("%1: the answer has no status \"success\" or \"error\"").arg(what);
        return result;
    }
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    const auto malformed = [&](const QString &detail) {
        result.ok = false;
        result.error = tr("%1: malformed answer: %2").arg(what, detail);
        return result;
    };

    switch (kind) {
    case Kind::Query: {
        result.resultType = data.value(QLatin1String("resultType")).toString();
        const QJsonValue payload = data.value(QLatin1String("result"));
        if (result.resultType == QLatin1String("vector")) {
            for (const QJsonValue &item : payload.toArray()) {
                const QJsonObject o = item.toObject();
                Series series;
                series.labels = labelsOf(o.value(QLatin1String("metric")));
                Sample sample;
                if (!sampleOf(o.value(QLatin1String("value")), &sample))
                    return malformed(tr("a vector sample is not [time, \"value\"]"));
                series.samples << sample;
                result.series << series;
            }
        } else if (result.resultType == QLatin1String("matrix")) {
            for (const QJsonValue &item : payload.toArray()) {
                const QJsonObject o = item.toObject();
                Series series;
                series.labels = labelsOf(o.value(QLatin1String("metric")));
                const QJsonArray values = o.value(QLatin1String("values")).toArray();
                series.samples.reserve(values.size());
                for (const QJsonValue &pair : values) {
                    Sample sample;
                    if (!sampleOf(pair, &sample))
                        return malformed(tr("a matrix sample is not [time, \"value\"]"));
                    series.samples << sample;
                }
                result.series << series;
            }
        } else if (result.resultType == QLatin1String("scalar")) {
            Series series;
            Sample sample;
            if (!sampleOf(payload, &sample))
                return malformed(tr("the scalar is not [time, \"value\"]"));
            series.samples << sample;
            result.series << series;
        } else if (result.resultType == QLatin1String("string")) {
            return malformed(tr("the query returned a string, not numbers"));
        } else {
            return malformed(tr("unknown result type \"%1\"").arg(result.resultType));
        }
        break;
    }
    case Kind::Targets:
        for (const QJsonValue &item : data.value(QLatin1String("activeTargets")).toArray()) {
            const QJsonObject o = item.toObject();
            Target target;
            target.labels = labelsOf(o.value(QLatin1String("labels")));
            target.scrapePool = o.value(QLatin1String("scrapePool")).toString();
            target.scrapeUrl = o.value(QLatin1String("scrapeUrl")).toString();
            target.health = o.value(QLatin1String("health")).toString();
            target.lastError = o.value(QLatin1String("lastError")).toString();
            target.lastScrape = timeOf(o.value(QLatin1String("lastScrape")));
            target.scrapeIntervalSeconds =
                duration(o.value(QLatin1String("scrapeInterval")).toString());
            result.targets << target;
        }
        break;
    case Kind::Alerts:
        for (const QJsonValue &item : data.value(QLatin1String("alerts")).toArray()) {
            const QJsonObject o = item.toObject();
            Alert alert;
            alert.labels = labelsOf(o.value(QLatin1String("labels")));
            alert.annotations = labelsOf(o.value(QLatin1String("annotations")));
            alert.state = o.value(QLatin1String("state")).toString();
            alert.activeAt = timeOf(o.value(QLatin1String("activeAt")));
            alert.value = o.value(QLatin1String("value")).toString();
            result.alerts << alert;
        }
        break;
    }
    result.ok = true;
    return result;
}

} // namespace labdeck::prom
