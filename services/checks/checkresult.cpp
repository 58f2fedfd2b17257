#include "checks/checkresult.h"

#include "common/visibletext.h"

#include <QJsonArray>

namespace labdeck::checks {

QStringList allCategories()
{
    return {QStringLiteral("certs"),   QStringLiteral("routes"), QStringLiteral("endpoints"),
            QStringLiteral("tunnels"), QStringLiteral("k8s"),    QStringLiteral("prometheus"),
            QStringLiteral("gpu")};
}

QString severityId(Health severity)
{
    switch (severity) {
    case Health::Ok:
        return QStringLiteral("ok");
    case Health::Warning:
        return QStringLiteral("warning");
    case Health::Critical:
        return QStringLiteral("critical");
    case Health::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject CheckResult::toJson() const
{
    QJsonObject o{
        {QStringLiteral("category"), category},
        {QStringLiteral("target"), target},
        {QStringLiteral("severity"), severityId(severity)},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("advice"), advice},
        {QStringLiteral("durationMs"), durationMs},
        {QStringLiteral("details"), details},
    };
    if (!host.isEmpty())
        o.insert(QStringLiteral("host"), host);
    if (!url.isEmpty())
        o.insert(QStringLiteral("url"), url);
    return o;
}

void RunSummary::add(Health severity)
{
    switch (severity) {
    case Health::Ok:
        ++ok;
        break;
    case Health::Warning:
        ++warning;
        break;
    case Health::Critical:
        ++critical;
        break;
    case Health::Unknown:
        ++unknown;
        break;
    }
}

int RunSummary::exitCode() const
{
    if (critical > 0)
        return 2;
    if (unknown > 0 || total() == 0)
        return 3;
    if (warning > 0)
        return 1;
    return 0;
}

Health RunSummary::worst() const
{
    if (critical > 0)
        return Health::Critical;
    if (unknown > 0)
        return Health::Unknown;
    if (warning > 0)
        return Health::Warning;
    return ok > 0 ? Health::Ok : Health::Unknown;
}

QJsonObject CheckReport::toJson(const QList<CheckResult> &results, const RunSummary &summary,
                                const QString &inventory)
{
    QJsonArray list;
    for (const CheckResult &r : results)
        list.append(r.toJson());
    const QJsonObject counts{
        {QStringLiteral("total"), summary.total()},
        {QStringLiteral("ok"), summary.ok},
        {QStringLiteral("warning"), summary.warning},
        {QStringLiteral("critical"), summary.critical},
        {QStringLiteral("unknown"), summary.unknown},
        {QStringLiteral("worst"), severityId(summary.worst())},
        {QStringLiteral("exitCode"), summary.exitCode()},
    };
    return QJsonObject{
        {QStringLiteral("schemaVersion"), kSchemaVersion},
        {QStringLiteral("startedAt"), summary.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("durationMs"), summary.durationMs},
        {QStringLiteral("inventory"), inventory},
        {QStringLiteral("categories"), QJsonArray::fromStringList(summary.categories)},
        {QStringLiteral("summary"), counts},
        {QStringLiteral("results"), list},
    };
}

QString CheckReport::toText(const CheckResult &r)
{
    // Targets, summaries and advice quote remote text (Traefik rules, alert
    // annotations, stderr, certificate names): nothing in it may drive the
    // terminal or fake a line of the table. toJson() keeps it exact.
    QString line = QStringLiteral("%1 %2  %3  %4  %5")
                       .arg(HealthText::glyph(r.severity),
                            HealthText::name(r.severity).toUpper().leftJustified(8),
                            VisibleText::escape(r.category).leftJustified(10),
                            VisibleText::escape(r.target), VisibleText::escape(r.summary));
    if (!r.advice.isEmpty())
        line +=
            QStringLiteral("\n      ") + tr("what to do: %1").arg(VisibleText::escape(r.advice));
    return line;
}

QString CheckReport::toText(const QList<CheckResult> &results, const RunSummary &summary)
{
    QStringList lines;
    for (const CheckResult &r : results)
        lines << toText(r);
    lines << summaryLine(summary);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString CheckReport::summaryLine(const RunSummary &s)
{
    return tr("%1 results: %2 ok, %3 warning, %4 critical, %5 could not run (%6 ms)")
        .arg(s.total())
        .arg(s.ok)
        .arg(s.warning)
        .arg(s.critical)
        .arg(s.unknown)
        .arg(s.durationMs);
}

} // namespace labdeck::checks
