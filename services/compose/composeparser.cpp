#include "compose/composeparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace labdeck::compose {

namespace {

// The 1-based line of a byte offset.
int lineOf(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

bool isRunning(const QString &state)
{
    return state == QLatin1String("running");
}

std::optional<Container> containerFrom(const QJsonValue &value, QString *why)
{
    if (!value.isObject()) {
        *why = ComposeParser::tr("an entry is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    for (const char *key : {"Service", "State"}) {
        if (!o.value(QLatin1String(key)).isString()) {
            *why = ComposeParser::tr("an entry has no \"%1\"").arg(QLatin1String(key));
            return std::nullopt;
        }
    }
    Container c;
    c.id = o.value(QLatin1String("ID")).toString();
    c.name = o.value(QLatin1String("Name")).toString();
    c.project = o.value(QLatin1String("Project")).toString();
    c.service = o.value(QLatin1String("Service")).toString();
    c.state = o.value(QLatin1String("State")).toString();
    c.health = o.value(QLatin1String("Health")).toString();
    c.status = o.value(QLatin1String("Status")).toString();
    c.image = o.value(QLatin1String("Image")).toString();
    c.exitCode = o.value(QLatin1String("ExitCode")).toInt();
    const QJsonValue pubs = o.value(QLatin1String("Publishers"));
    if (pubs.isArray()) {
        const QJsonArray list = pubs.toArray();
        for (const QJsonValue &pv : list) {
            const QJsonObject p = pv.toObject();
            Publisher pub;
            pub.url = p.value(QLatin1String("URL")).toString();
            pub.targetPort = p.value(QLatin1String("TargetPort")).toInt();
            pub.publishedPort = p.value(QLatin1String("PublishedPort")).toInt();
            pub.protocol = p.value(QLatin1String("Protocol")).toString();
            c.publishers << pub;
        }
    } else if (!pubs.isNull() && !pubs.isUndefined()) {
        *why = ComposeParser::tr("\"Publishers\" of %1 is neither a list nor null").arg(c.service);
        return std::nullopt;
    }
    return c;
}

} // namespace

Health ProjectInfo::health() const
{
    if (counts.isEmpty())
        return status.compare(QLatin1String("running"), Qt::CaseInsensitive) == 0 ? Health::Ok
                                                                                  : Health::Unknown;
    int total = 0;
    for (int n : counts)
        total += n;
    const int running = counts.value(QStringLiteral("running"));
    if (running == total)
        return Health::Ok;
    return running == 0 ? Health::Critical : Health::Warning;
}

QString Publisher::text() const
{
    const QString proto = protocol.isEmpty() ? QStringLiteral("tcp") : protocol;
    if (publishedPort == 0)
        return QStringLiteral("%1/%2").arg(targetPort).arg(proto);
    return QStringLiteral("%1:%2->%3/%4").arg(url).arg(publishedPort).arg(targetPort).arg(proto);
}

QString Container::portsText() const
{
    QStringList out;
    QSet<QString> seen;
    for (const Publisher &p : publishers) {
        // The same port bound on 0.0.0.0 and :: is one port to the user.
        QString t = p.publishedPort
                        ? QStringLiteral(":%1->%2/%3")
                              .arg(p.publishedPort)
                              .arg(p.targetPort)
                              .arg(p.protocol.isEmpty() ? QStringLiteral("tcp") : p.protocol)
                        : p.text();
        if (!seen.contains(t)) {
            seen.insert(t);
            out << t;
        }
    }
    return out.join(QStringLiteral(", "));
}

Health Container::healthLevel() const
{
    if (health == QLatin1String("unhealthy") || state == QLatin1String("dead"))
        return Health::Critical;
    if (state == QLatin1String("exited"))
        return exitCode == 0 ? Health::Warning : Health::Critical;
    if (isRunning(state))
        return health == QLatin1String("starting") ? Health::Warning : Health::Ok;
    if (state.isEmpty())
        return Health::Unknown;
    return Health::Warning; // restarting, paused, created, removing
}

QString Container::stateText() const
{
    if (state == QLatin1String("exited") || state == QLatin1String("dead"))
        return QStringLiteral("%1 (%2)").arg(state).arg(exitCode);
    if (!health.isEmpty())
        return QStringLiteral("%1 (%2)").arg(state, health);
    return state;
}

std::optional<QList<ProjectInfo>> ComposeParser::parseLs(const QByteArray &output, QString *error)
{
    const QByteArray text = output.trimmed();
    if (text.isEmpty())
        return QList<ProjectInfo>();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = tr("docker compose ls: line %1: not JSON: %2")
                     .arg(lineOf(text, pe.offset))
                     .arg(pe.errorString());
        return std::nullopt;
    }
    if (!doc.isArray()) {
        *error = tr("docker compose ls: expected a JSON list of projects");
        return std::nullopt;
    }
    static const QRegularExpression count(QStringLiteral("([a-z]+)\\((\\d+)\\)"));
    QList<ProjectInfo> projects;
    const QJsonArray list = doc.array();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (!o.value(QLatin1String("Name")).isString()) {
            *error = tr("docker compose ls: a project has no \"Name\"");
            return std::nullopt;
        }
        ProjectInfo p;
        p.name = o.value(QLatin1String("Name")).toString();
        p.status = o.value(QLatin1String("Status")).toString();
        const QString files = o.value(QLatin1String("ConfigFiles")).toString();
        if (!files.isEmpty())
            p.configFiles = files.split(QLatin1Char(','), Qt::SkipEmptyParts);
        auto it = count.globalMatch(p.status);
        while (it.hasNext()) {
            const auto m = it.next();
            p.counts.insert(m.captured(1), m.captured(2).toInt());
        }
        projects << p;
    }
    return projects;
}

std::optional<QList<Container>> ComposeParser::parsePs(const QByteArray &output, QString *error)
{
    const QByteArray text = output.trimmed();
    QList<Container> containers;
    if (text.isEmpty())
        return containers;
    QString why;
    if (text.startsWith('[')) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
        if (pe.error != QJsonParseError::NoError) {
            *error = tr("docker compose ps: line %1: not JSON: %2")
                         .arg(lineOf(text, pe.offset))
                         .arg(pe.errorString());
            return std::nullopt;
        }
        const QJsonArray list = doc.array();
        for (const QJsonValue &v : list) {
            auto c = containerFrom(v, &why);
            if (!c) {
                *error = tr("docker compose ps: %1").arg(why);
                return std::nullopt;
            }
            containers << *c;
        }
        return containers;
    }
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError) {
            *error =
                tr("docker compose ps: line %1: not JSON: %2").arg(i + 1).arg(pe.errorString());
            return std::nullopt;
        }
        auto c = containerFrom(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(), &why);
        if (!c) {
            *error = tr("docker compose ps: line %1: %2").arg(i + 1).arg(why);
            return std::nullopt;
        }
        containers << *c;
    }
    return containers;
}

} // namespace labdeck::compose
