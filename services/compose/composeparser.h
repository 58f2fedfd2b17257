#pragma once

#include "common/health.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace labdeck::compose {

// What `docker compose ls --format json` says about one project.
struct ProjectInfo
{
    QString name;
    QString status; // "running(2)", "exited(1), running(2)", or "Running" (old compose-cli)
    QStringList configFiles;   // from ConfigFiles (comma-separated); empty with old compose-cli
    QMap<QString, int> counts; // state -> containers; empty when the status has no counts

    // Ok when every container runs, Warning when some do not, Critical when
    // none runs, Unknown when the status says nothing countable.
    [[nodiscard]] Health health() const;
};

// One published (or only exposed) port of a container.
struct Publisher
{
    QString url;           // the bound address ("0.0.0.0", "::"); empty when not published
    int targetPort = 0;    // the container's port
    int publishedPort = 0; // the host's port; 0 when not published
    QString protocol;      // "tcp", "udp"

    // "0.0.0.0:8080->80/tcp", or "3306/tcp" when not published.
    [[nodiscard]] QString text() const;
};

// One container of a project, as `docker compose ps --format json` lists it.
struct Container
{
    QString id;
    QString name;
    QString project;
    QString service;
    QString state;  // created, running, paused, restarting, removing, exited, dead
    QString health; // "", starting, healthy, unhealthy
    QString status; // "Up 2 hours (healthy)"; only from v2.15
    QString image;
    int exitCode = 0; // meaningful for exited/dead only
    QList<Publisher> publishers;

    // Published ports, one per host port and address family merged
    // ("0.0.0.0:8080->80/tcp, :::8080->80/tcp" becomes ":8080->80/tcp").
    [[nodiscard]] QString portsText() const;
    // running+healthy or no healthcheck: Ok; restarting, starting, paused,
    // created: Warning; exited with a non-zero code, dead, unhealthy:
    // Critical; exited 0 (stopped on purpose): Warning.
    [[nodiscard]] Health healthLevel() const;
    // "running (healthy)", "exited (1)".
    [[nodiscard]] QString stateText() const;
};

class ComposeParser
{
    Q_DECLARE_TR_FUNCTIONS(ComposeParser)
public:
    // `docker compose ls --format json`: one JSON array. On malformed input
    // returns nullopt and sets error ("docker compose ls: ...").
    [[nodiscard]] static std::optional<QList<ProjectInfo>> parseLs(const QByteArray &output,
                                                                   QString *error);
    // `docker compose ps --format json`: a JSON array (before v2.21) or one
    // object per line (v2.21 and later). Empty output is an empty list.
    [[nodiscard]] static std::optional<QList<Container>> parsePs(const QByteArray &output,
                                                                 QString *error);
};

} // namespace labdeck::compose
