#include "checks/traefikrouters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace labdeck::checks {

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

TraefikRouter parseRouter(const QJsonObject &o)
{
    TraefikRouter r;
    r.name = o.value(QLatin1String("name")).toString();
    r.provider = o.value(QLatin1String("provider")).toString();
    if (r.provider.isEmpty() && r.name.contains(QLatin1Char('@')))
        r.provider = r.name.section(QLatin1Char('@'), -1);
    r.rule = o.value(QLatin1String("rule")).toString();
    r.hosts = TraefikRouters::hostsOfRule(r.rule);
    r.status = o.value(QLatin1String("status")).toString();
    const QJsonValue tls = o.value(QLatin1String("tls"));
    r.tls = tls.isObject();
    r.certResolver = tls.toObject().value(QLatin1String("certResolver")).toString();
    r.entryPoints = strings(o.value(QLatin1String("entryPoints")));
    r.service = o.value(QLatin1String("service")).toString();
    r.errors = strings(o.value(QLatin1String("error")));
    return r;
}

} // namespace

QStringList TraefikRouters::hostsOfRule(const QString &rule)
{
    // Host(...) but not HostRegexp(...) / HostSNI(...); the arguments are
    // backquoted or double-quoted strings.
    static const QRegularExpression call(QStringLiteral("(?<![A-Za-z])Host\\s*\\(([^)]*)\\)"));
    static const QRegularExpression arg(QStringLiteral("[`\"]([^`\"]+)[`\"]"));
    QStringList hosts;
    auto calls = call.globalMatch(rule);
    while (calls.hasNext()) {
        const QString args = calls.next().captured(1);
        auto names = arg.globalMatch(args);
        while (names.hasNext()) {
            const QString h = names.next().captured(1).trimmed().toLower();
            if (!h.isEmpty() && !hosts.contains(h))
                hosts << h;
        }
    }
    return hosts;
}

QList<TraefikRouter> TraefikRouters::parse(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = tr("Traefik's router list is not JSON (at byte %1: %2)")
                         .arg(pe.offset)
                         .arg(pe.errorString());
        return {};
    }
    QList<TraefikRouter> out;
    if (doc.isObject()) {
        out << parseRouter(doc.object());
    } else {
        for (const QJsonValue &v : doc.array()) {
            if (!v.isObject()) {
                if (error)
                    *error =
                        tr("Traefik's router list holds something that is not a router object");
                return {};
            }
            out << parseRouter(v.toObject());
        }
    }
    for (const TraefikRouter &r : std::as_const(out)) {
        if (r.name.isEmpty()) {
            if (error)
                *error = tr("a router in Traefik's list has no name: is this /api/http/routers?");
            return {};
        }
    }
    return out;
}

} // namespace labdeck::checks
