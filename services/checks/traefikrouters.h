#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace labdeck::checks {

// One HTTP router as Traefik's API reports it (/api/http/routers, v2 and v3).
struct TraefikRouter
{
    QString name;     // "grafana@docker"
    QString provider; // "docker", "file", "internal"
    QString rule;
    QStringList hosts; // names from Host(...) in the rule, lower case
    QString status;    // "enabled", "disabled", "warning"
    bool tls = false;  // a "tls" object is present (even empty)
    QString certResolver;
    QStringList entryPoints;
    QString service;
    QStringList errors; // the "error" list (a router in error is disabled)
};

class TraefikRouters
{
    Q_DECLARE_TR_FUNCTIONS(TraefikRouters)
public:
    // Parses the JSON array (or one router object). On failure returns
    // nothing and sets error to why, naming the byte offset.
    [[nodiscard]] static QList<TraefikRouter> parse(const QByteArray &json, QString *error);
    // The host names a rule matches: every string inside Host(...), in v2's
    // Host(`a`, `b`) and v3's Host(`a`) || Host(`b`) forms.
    [[nodiscard]] static QStringList hostsOfRule(const QString &rule);
};

} // namespace labdeck::checks
