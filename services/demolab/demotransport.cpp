#include "demolab/demotransport.h"

#include "demolab/demochecks.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <cmath>
#include <memory>
#include <optional>

namespace labdeck::demolab {

namespace {

QString containerName(const QString &project, const QString &service)
{
    return QStringLiteral("%1-%2-1").arg(project, service);
}

// "3 hours", "5 seconds", as Docker's Status column says.
QString humanDuration(qint64 seconds)
{
    if (seconds < 60)
        return seconds <= 1 ? QStringLiteral("1 second")
                            : QStringLiteral("%1 seconds").arg(seconds);
    if (seconds < 3600)
        return seconds < 120 ? QStringLiteral("About a minute")
                             : QStringLiteral("%1 minutes").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return seconds < 7200 ? QStringLiteral("About an hour")
                              : QStringLiteral("%1 hours").arg(seconds / 3600);
    return QStringLiteral("%1 days").arg(seconds / 86400);
}

QString imageFor(const QString &service)
{
    if (service == QLatin1String("tailscale"))
        return QStringLiteral("tailscale/tailscale:stable");
    if (service == QLatin1String("traefik"))
        return QStringLiteral("traefik:v3.1");
    if (service == QLatin1String("nfs-server"))
        return QStringLiteral("erichough/nfs-server:2.2.1");
    if (service == QLatin1String("nextcloud"))
        return QStringLiteral("nextcloud:29-apache");
    return service + QStringLiteral(":latest");
}

QStringList logTemplates(const QString &service)
{
    if (service == QLatin1String("traefik"))
        return {
            QStringLiteral("level=info msg=\"Configuration loaded from flags.\""),
            QStringLiteral("level=info msg=\"Starting provider *acme.ChallengeTLSALPN\""),
            QStringLiteral(
                "level=info msg=\"Testing certificate renew...\" providerName=letsencrypt.acme"),
            QStringLiteral("level=debug msg=\"Serving default certificate for request: "
                           "\\\"cloud.example.com\\\"\""),
            QStringLiteral(
                "level=info msg=\"Router grafana@file: NodePort 30300 on metamon is up\"")};
    if (service == QLatin1String("nextcloud"))
        return {QStringLiteral("AH00558: apache2: Could not reliably determine the server's fully "
                               "qualified domain name"),
                QStringLiteral(
                    "Apache/2.4.61 (Debian) PHP/8.2.22 configured -- resuming normal operations"),
                QStringLiteral(
                    "172.18.0.3 - - \"PROPFIND /remote.php/dav/files/admin/ HTTP/1.1\" 207 1532"),
                QStringLiteral("172.18.0.3 - - \"GET /status.php HTTP/1.1\" 200 412")};
    if (service == QLatin1String("nfs-server"))
        return {
            QStringLiteral("==================================================================="),
            QStringLiteral("      SERVER STARTUP COMPLETE"),
            QStringLiteral("----> list of enabled NFS protocol versions: 4.2, 4.1, 4"),
            QStringLiteral("----> list of container exports:"),
            QStringLiteral("---->   /srv/nfs/k8s *(rw,sync,no_subtree_check,no_root_squash)"),
            QStringLiteral("---->   /srv/nfs/nextcloud *(rw,sync,no_subtree_check)")};
    return {QStringLiteral("logtail: dialed \"log.tailscale.io\" in 41ms"),
            QStringLiteral("magicsock: derp-19 connected; connGen=1"),
            QStringLiteral(
                "wgengine: Reconfig: configuring userspace WireGuard config (with 4/5 peers)"),
            QStringLiteral("netcheck: report: udp=true v6=false mapvarydest=false portmap= derp=19 "
                           "derpdist=19v4:3ms")};
}

} // namespace

// One command of the demo lab: answers after the latency; a followed log
// keeps printing until cancelled.
class DemoJob final : public remote::CommandJob
{
public:
    DemoJob(const remote::CommandRequest &request, DemoTransport *transport)
        : remote::CommandJob(request, transport)
        , m_transport(transport)
    {
        m_clock.start();
    }

    void cancel() override
    {
        if (m_done)
            return;
        remote::CommandResult r;
        r.ran = false;
        r.failedStep = remote::Step::Cancelled;
        r.error = DemoTransport::tr("%1: cancelled").arg(request().host);
        finish(r);
    }

    void finish(remote::CommandResult r)
    {
        if (m_done)
            return;
        m_done = true;
        r.durationMs = m_clock.elapsed();
        Q_EMIT finished(r);
        deleteLater();
    }

    QPointer<DemoTransport> m_transport;
    QElapsedTimer m_clock;
    bool m_done = false;
};

DemoTransport::DemoTransport(const Inventory &lab, QObject *parent)
    : remote::CommandTransport(parent)
    , m_lab(lab)
    , m_project(lab.compose.project.isEmpty() ? QStringLiteral("infra") : lab.compose.project)
    , m_started(QDateTime::currentDateTimeUtc())
{
    const Host *h = lab.host(lab.compose.host);
    const QString user =
        h && h->ssh && !h->ssh->user.isEmpty() ? h->ssh->user : QStringLiteral("ubuntu");
    m_configFile = QStringLiteral("/home/%1/%2/compose.yaml").arg(user, m_project);
    for (const ComposeService &cs : lab.compose.services) {
        Service s;
        s.name = cs.name;
        s.image = imageFor(cs.name);
        s.ports = cs.ports;
        s.healthcheck =
            cs.name == QLatin1String("traefik") || cs.name == QLatin1String("nextcloud");
        s.health = s.healthcheck ? QStringLiteral("healthy") : QString();
        s.since = m_started.addSecs(-3 * 3600 - 60 * m_services.size());
        m_services << s;
    }
}

DemoTransport::~DemoTransport() = default;

QString DemoTransport::name() const
{
    return tr("demo lab");
}

QString DemoTransport::serviceState(const QString &service) const
{
    for (const Service &s : m_services) {
        if (s.name == service)
            return s.state;
    }
    return {};
}

remote::CommandJob *DemoTransport::run(const remote::CommandRequest &request)
{
    m_history << request;
    auto *job = new DemoJob(request, this);
    const Host *host = m_lab.host(request.host);
    if (!host) {
        remote::CommandResult r;
        r.failedStep = remote::Step::NameLookup;
        r.error = tr("%1: name lookup: not a host of the demo lab").arg(request.host);
        QTimer::singleShot(m_latencyMs, job, [job, r] { job->finish(r); });
        return job;
    }
    const Answer a = answer(request);
    if (request.timeoutMs > 0) {
        QTimer::singleShot(request.timeoutMs, job, [job] {
            remote::CommandResult r;
            r.failedStep = remote::Step::Timeout;
            r.error = tr("%1: timeout: the command ran longer than %2 s")
                          .arg(job->request().host)
                          .arg(job->request().timeoutMs / 1000);
            job->finish(r);
        });
    }
    QTimer::singleShot(m_latencyMs, job, [this, job, a] {
        remote::CommandResult r;
        r.ran = true;
        r.exitStatus = a.exitStatus;
        r.standardError = a.err.left(remote::CommandRequest::kErrorCap);
        // As over SSH: streamed output is handed out, not kept; kept output
        // has a cap.
        if (job->request().streamOutput) {
            if (!a.out.isEmpty())
                Q_EMIT job->output(a.out);
        } else if (a.out.size() > job->request().outputCap) {
            r.ran = false;
            r.exitStatus = -1;
            r.failedStep = remote::Step::Command;
            r.error = tr("%1: command: %2 printed more than %3 MiB, more than Labdeck reads from "
                         "one command; it was stopped")
                          .arg(job->request().host, remote::displayCommand(job->request().argv))
                          .arg(job->request().outputCap / (1024 * 1024));
        } else {
            r.standardOutput = a.out;
        }
        if (!a.follow) {
            job->finish(r);
            return;
        }
        // A followed log: a new line now and then, until cancelled.
        auto *tick = new QTimer(job);
        auto count = std::make_shared<int>(0); // lives as long as the connection
        connect(tick, &QTimer::timeout, job, [this, job, a, count] {
            QByteArray more;
            for (const Service &s : std::as_const(m_services)) {
                if ((a.followService.isEmpty() || s.name == a.followService) &&
                    s.state == QLatin1String("running"))
                    more += logLines(s, 1, 100 + (*count)++);
            }
            if (more.isEmpty())
                return;
            Q_EMIT job->output(more);
        });
        tick->start(m_followMs);
    });
    return job;
}

DemoTransport::Answer DemoTransport::answer(const remote::CommandRequest &request)
{
    const QStringList &argv = request.argv;
    const Host *host = m_lab.host(request.host);
    if (!host) {
        Answer a;
        a.exitStatus = 255;
        a.err = tr("the demo lab has no host %1\n").arg(request.host).toUtf8();
        return a;
    }
    // Traefik's API read on the ingress host, as the routes check does.
    if (argv.value(0) == QLatin1String("curl") &&
        argv.last().endsWith(QLatin1String("/api/http/routers")) &&
        request.host == m_lab.ingress.host) {
        Answer a;
        a.out = DemoCheckLab::routersJson(m_lab);
        return a;
    }
    if (argv.value(0) == QLatin1String("docker") && argv.value(1) == QLatin1String("compose") &&
        request.host == m_lab.compose.host)
        return compose(argv.mid(2));
    if (argv == QStringList{QStringLiteral("tailscale"), QStringLiteral("status"),
                            QStringLiteral("--json")} &&
        !host->sources.tailscaleHost.isEmpty() && host->name == m_lab.tailscaleStatusHost)
        return tailscale(request.host);
    if (argv.value(0) == QLatin1String("nvidia-smi") && host->kind == HostKind::GpuServer)
        return nvidiaSmi(argv.mid(1));
    Answer a;
    a.exitStatus = 127;
    a.err = tr("the demo lab cannot run: %1 (on %2)\n")
                .arg(remote::displayCommand(argv), request.host)
                .toUtf8();
    return a;
}

QByteArray DemoTransport::psLine(const Service &s) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 age = s.since.secsTo(now);
    QJsonArray publishers;
    QStringList ports;
    for (int p : s.ports) {
        for (const QString &addr : {QStringLiteral("0.0.0.0"), QStringLiteral("::")}) {
            publishers.append(QJsonObject{{QStringLiteral("URL"), addr},
                                          {QStringLiteral("TargetPort"), p},
                                          {QStringLiteral("PublishedPort"), p},
                                          {QStringLiteral("Protocol"), QStringLiteral("tcp")}});
            ports << QStringLiteral("%1:%2->%2/tcp")
                         .arg(addr == QLatin1String("::") ? QStringLiteral("[::]") : addr)
                         .arg(p);
        }
    }
    QString status;
    if (s.state == QLatin1String("running"))
        status = QStringLiteral("Up %1").arg(humanDuration(age)) +
                 (s.health.isEmpty()
                      ? QString()
                      : QStringLiteral(" (%1)").arg(s.health == QLatin1String("starting")
                                                        ? QStringLiteral("health: starting")
                                                        : s.health));
    else if (s.state == QLatin1String("restarting"))
        status = QStringLiteral("Restarting (0) %1 ago").arg(humanDuration(age));
    else
        status = QStringLiteral("Exited (%1) %2 ago").arg(s.exitCode).arg(humanDuration(age));
    const QString name = containerName(m_project, s.name);
    const QByteArray id = QByteArray::number(qHash(name), 16).rightJustified(12, '0').left(12);
    QJsonObject o{
        {QStringLiteral("Command"), QStringLiteral("\"/entrypoint.sh\"")},
        {QStringLiteral("CreatedAt"),
         m_started.addDays(-12).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss +0000 UTC"))},
        {QStringLiteral("ExitCode"), s.state == QLatin1String("exited") ? s.exitCode : 0},
        {QStringLiteral("Health"), s.state == QLatin1String("running") ? s.health : QString()},
        {QStringLiteral("ID"), QString::fromLatin1(id)},
        {QStringLiteral("Image"), s.image},
        {QStringLiteral("Labels"),
         QStringLiteral("com.docker.compose.project=%1,com.docker.compose.service=%2")
             .arg(m_project, s.name)},
        {QStringLiteral("LocalVolumes"), QStringLiteral("0")},
        {QStringLiteral("Mounts"), QString()},
        {QStringLiteral("Name"), name},
        {QStringLiteral("Names"), name},
        {QStringLiteral("Networks"), m_project + QStringLiteral("_default")},
        {QStringLiteral("Ports"), ports.join(QStringLiteral(", "))},
        {QStringLiteral("Project"), m_project},
        {QStringLiteral("Publishers"), s.ports.isEmpty() ? QJsonValue() : QJsonValue(publishers)},
        {QStringLiteral("RunningFor"), QStringLiteral("12 days ago")},
        {QStringLiteral("Service"), s.name},
        {QStringLiteral("Size"), QStringLiteral("0B")},
        {QStringLiteral("State"), s.state},
        {QStringLiteral("Status"), status},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray DemoTransport::logLines(const Service &s, int count, int offset) const
{
    const QStringList lines = logTemplates(s.name);
    const QString prefix = containerName(m_project, s.name) + QStringLiteral("  | ");
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += (prefix + lines.at((offset + i) % lines.size()) + QLatin1Char('\n')).toUtf8();
    return out;
}

void DemoTransport::transition(const QString &service, int generation, const QString &state,
                               const QString &health)
{
    QTimer::singleShot(m_transitionMs, this, [this, service, generation, state, health] {
        for (Service &s : m_services) {
            if (s.name != service || s.generation != generation)
                continue;
            s.state = state;
            s.health = health;
            if (health == QLatin1String("starting"))
                transition(service, generation, state, QStringLiteral("healthy"));
        }
    });
}

DemoTransport::Answer DemoTransport::compose(const QStringList &args)
{
    Answer a;
    QString project;
    QString verb;
    QStringList rest;
    for (int i = 0; i < args.size(); ++i) {
        const QString &x = args.at(i);
        if (!verb.isEmpty()) {
            rest << x;
        } else if (x == QLatin1String("-p") || x == QLatin1String("--project-name")) {
            project = args.value(++i);
        } else if (x == QLatin1String("-f") || x == QLatin1String("--file") ||
                   x == QLatin1String("--project-directory")) {
            ++i;
        } else if (x.startsWith(QLatin1Char('-'))) {
            a.exitStatus = 1;
            a.err = QStringLiteral("unknown flag: %1\n").arg(x).toUtf8();
            return a;
        } else {
            verb = x;
        }
    }
    // Options and service names of the subcommand.
    bool all = false;
    bool json = false;
    bool detach = false;
    bool follow = false;
    int tail = -1;
    QStringList names;
    for (int i = 0; i < rest.size(); ++i) {
        const QString &x = rest.at(i);
        if (x == QLatin1String("-a") || x == QLatin1String("--all"))
            all = true;
        else if (x == QLatin1String("--format"))
            json = rest.value(++i) == QLatin1String("json");
        else if (x == QLatin1String("-d") || x == QLatin1String("--detach"))
            detach = true;
        else if (x == QLatin1String("-f") || x == QLatin1String("--follow"))
            follow = true;
        else if (x == QLatin1String("-n") || x == QLatin1String("--tail")) {
            const QString v = rest.value(++i);
            tail = v == QLatin1String("all") ? -1 : v.toInt();
        } else if (x == QLatin1String("--no-color") || x == QLatin1String("-q") ||
                   x == QLatin1String("--quiet"))
            continue;
        else if (x.startsWith(QLatin1Char('-'))) {
            a.exitStatus = 1;
            a.err = QStringLiteral("unknown flag: %1\n").arg(x).toUtf8();
            return a;
        } else
            names << x;
    }
    if (verb == QLatin1String("ls")) {
        QMap<QString, int> counts;
        for (const Service &s : std::as_const(m_services))
            counts[s.state] += 1;
        QStringList status;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            status << QStringLiteral("%1(%2)").arg(it.key()).arg(it.value());
        if (!all && !counts.contains(QStringLiteral("running")))
            return a;
        const QJsonArray list{
            QJsonObject{{QStringLiteral("Name"), m_project},
                        {QStringLiteral("Status"), status.join(QStringLiteral(", "))},
                        {QStringLiteral("ConfigFiles"), m_configFile}}};
        a.out = json ? QJsonDocument(list).toJson(QJsonDocument::Compact) + '\n'
                     : QStringLiteral("NAME  STATUS  CONFIG FILES\n%1  %2  %3\n")
                           .arg(m_project, status.join(QStringLiteral(", ")), m_configFile)
                           .toUtf8();
        return a;
    }
    if (verb.isEmpty() ||
        !QStringList{QStringLiteral("ps"), QStringLiteral("restart"), QStringLiteral("up"),
                     QStringLiteral("pull"), QStringLiteral("stop"), QStringLiteral("logs")}
             .contains(verb)) {
        a.exitStatus = 127;
        a.err = tr("the demo lab cannot run: %1\n")
                    .arg(remote::displayCommand(
                        QStringList{QStringLiteral("docker"), QStringLiteral("compose")} + args))
                    .toUtf8();
        return a;
    }
    if (project != m_project) {
        a.exitStatus = 1;
        a.err = "no configuration file provided: not found\n";
        return a;
    }
    QList<Service *> targets;
    for (const QString &n : std::as_const(names)) {
        Service *found = nullptr;
        for (Service &s : m_services) {
            if (s.name == n)
                found = &s;
        }
        if (!found) {
            a.exitStatus = 1;
            a.err = QStringLiteral("no such service: %1\n").arg(n).toUtf8();
            return a;
        }
        targets << found;
    }
    if (names.isEmpty()) {
        for (Service &s : m_services)
            targets << &s;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto say = [&a, this](const Service *s, const char *what) {
        a.err += QStringLiteral(" Container %1  %2\n")
                     .arg(containerName(m_project, s->name), QLatin1String(what))
                     .toUtf8();
    };
    if (verb == QLatin1String("ps")) {
        if (!json) {
            a.exitStatus = 1;
            a.err = tr("the demo lab prints ps only with --format json\n").toUtf8();
            return a;
        }
        for (const Service *s : std::as_const(targets)) {
            if (all || s->state == QLatin1String("running") ||
                s->state == QLatin1String("restarting"))
                a.out += psLine(*s);
        }
    } else if (verb == QLatin1String("restart")) {
        for (Service *s : std::as_const(targets)) {
            if (s->state != QLatin1String("running") && s->state != QLatin1String("restarting"))
                continue; // restart leaves stopped containers alone
            say(s, "Restarting");
            s->state = QStringLiteral("restarting");
            s->health.clear();
            s->since = now;
            transition(s->name, ++s->generation, QStringLiteral("running"),
                       s->healthcheck ? QStringLiteral("starting") : QString());
            say(s, "Started");
        }
    } else if (verb == QLatin1String("stop")) {
        for (Service *s : std::as_const(targets)) {
            say(s, "Stopping");
            ++s->generation;
            if (s->state != QLatin1String("exited"))
                s->since = now;
            s->state = QStringLiteral("exited");
            s->health.clear();
            s->exitCode = 0;
            say(s, "Stopped");
        }
    } else if (verb == QLatin1String("up")) {
        if (!detach) {
            a.exitStatus = 1;
            a.err = tr("the demo lab runs up only detached (up -d)\n").toUtf8();
            return a;
        }
        for (Service *s : std::as_const(targets)) {
            if (s->state == QLatin1String("running")) {
                say(s, "Running");
                continue;
            }
            say(s, "Starting");
            s->state = QStringLiteral("running");
            s->health = s->healthcheck ? QStringLiteral("starting") : QString();
            s->since = now;
            if (s->healthcheck)
                transition(s->name, ++s->generation, QStringLiteral("running"),
                           QStringLiteral("healthy"));
            say(s, "Started");
        }
    } else if (verb == QLatin1String("pull")) {
        for (const Service *s : std::as_const(targets)) {
            a.err += QStringLiteral(" %1 Pulling \n").arg(s->name).toUtf8();
            a.err += QStringLiteral(" %1 Pulled \n").arg(s->name).toUtf8();
        }
    } else if (verb == QLatin1String("logs")) {
        for (const Service *s : std::as_const(targets)) {
            const int n = tail < 0 ? 40 : qMin(tail, 40);
            a.out += logLines(*s, n, 0);
        }
        a.follow = follow;
        a.followService = names.size() == 1 ? names.first() : QString();
    }
    return a;
}

void DemoTransport::setTunnelOffline(const QString &host, bool offline)
{
    if (!offline)
        m_offline.remove(host);
    else if (!m_offline.contains(host))
        m_offline.insert(host, QDateTime::currentDateTimeUtc());
}

DemoTransport::Answer DemoTransport::tailscale(const QString &hostName)
{
    // The shape of a real `tailscale status --json` (v1.82), for this lab.
    const QString suffix = QStringLiteral("tail0demo.ts.net");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString zero = QStringLiteral("0001-01-01T00:00:00Z");
    QJsonObject peers;
    QJsonObject self;
    int i = 0;
    for (const Host &h : m_lab.hosts) {
        if (h.sources.tailscaleHost.isEmpty())
            continue;
        ++i;
        const QString ip = QStringLiteral("100.64.0.%1").arg(10 + i);
        const bool home = h.site != QLatin1String("oci");
        const QString key = QStringLiteral("nodekey:%1")
                                .arg(QString::fromLatin1(QByteArray::number(qHash(h.name), 16))
                                         .rightJustified(64, QLatin1Char('0')));
        QJsonObject p{
            {QStringLiteral("ID"), QStringLiteral("n%1CNTRL").arg(i)},
            {QStringLiteral("PublicKey"), key},
            {QStringLiteral("HostName"), h.sources.tailscaleHost},
            {QStringLiteral("DNSName"),
             QStringLiteral("%1.%2.").arg(h.sources.tailscaleHost, suffix)},
            {QStringLiteral("OS"), QStringLiteral("linux")},
            {QStringLiteral("UserID"), 1},
            {QStringLiteral("TailscaleIPs"),
             QJsonArray{ip, QStringLiteral("fd7a:115c:a1e0::%1").arg(10 + i)}},
            {QStringLiteral("AllowedIPs"), QJsonArray{ip + QStringLiteral("/32")}},
            {QStringLiteral("Addrs"), QJsonArray{}},
            {QStringLiteral("CurAddr"),
             home ? QString() : QStringLiteral("10.0.0.%1:41641").arg(10 + i)},
            {QStringLiteral("Relay"), QStringLiteral("tok")},
            {QStringLiteral("RxBytes"), 1048576 * i},
            {QStringLiteral("TxBytes"), 524288 * i},
            {QStringLiteral("Created"), QStringLiteral("2026-01-05T09:12:44.5Z")},
            {QStringLiteral("LastWrite"), now.toString(Qt::ISODate)},
            {QStringLiteral("LastSeen"), zero},
            {QStringLiteral("LastHandshake"), now.addSecs(-40).toString(Qt::ISODate)},
            {QStringLiteral("Online"), true},
            {QStringLiteral("ExitNode"), false},
            {QStringLiteral("ExitNodeOption"), false},
            {QStringLiteral("Active"), true},
            {QStringLiteral("PeerAPIURL"), QJsonArray{QStringLiteral("http://%1:37817").arg(ip)}},
            {QStringLiteral("InNetworkMap"), true},
            {QStringLiteral("InMagicSock"), true},
            {QStringLiteral("InEngine"), true},
            {QStringLiteral("KeyExpiry"), QStringLiteral("2027-01-05T09:12:44Z")},
        };
        if (const auto off = m_offline.constFind(h.name);
            off != m_offline.cend() && h.name != hostName) {
            // What tailscaled reports for a peer the control plane lost.
            const QString seen = off->toString(Qt::ISODate);
            p.insert(QStringLiteral("Online"), false);
            p.insert(QStringLiteral("Active"), false);
            p.insert(QStringLiteral("CurAddr"), QString());
            p.insert(QStringLiteral("LastSeen"), seen);
            p.insert(QStringLiteral("LastWrite"), seen);
            p.insert(QStringLiteral("LastHandshake"), off->addSecs(-40).toString(Qt::ISODate));
            p.insert(QStringLiteral("InMagicSock"), false);
            p.insert(QStringLiteral("InEngine"), false);
        }
        if (h.name == hostName) {
            p.remove(QStringLiteral("CurAddr"));
            p.insert(QStringLiteral("CurAddr"), QString());
            p.insert(QStringLiteral("Active"), false);
            self = p;
        } else {
            peers.insert(key, p);
        }
    }
    const QJsonObject root{
        {QStringLiteral("Version"), QStringLiteral("1.82.5")},
        {QStringLiteral("TUN"), true},
        {QStringLiteral("BackendState"), QStringLiteral("Running")},
        {QStringLiteral("HaveNodeKey"), true},
        {QStringLiteral("AuthURL"), QString()},
        {QStringLiteral("TailscaleIPs"), self.value(QStringLiteral("TailscaleIPs"))},
        {QStringLiteral("Self"), self},
        {QStringLiteral("Health"), QJsonArray{}},
        {QStringLiteral("MagicDNSSuffix"), suffix},
        {QStringLiteral("CurrentTailnet"), QJsonObject{{QStringLiteral("Name"), m_lab.name},
                                                       {QStringLiteral("MagicDNSSuffix"), suffix},
                                                       {QStringLiteral("MagicDNSEnabled"), true}}},
        {QStringLiteral("CertDomains"), QJsonValue()},
        {QStringLiteral("Peer"), peers},
        {QStringLiteral("User"), QJsonValue()},
        {QStringLiteral("ClientVersion"), QJsonValue()},
    };
    Answer a;
    a.out = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return a;
}

DemoTransport::Answer DemoTransport::nvidiaSmi(const QStringList &args)
{
    Answer a;
    QStringList fields;
    bool processes = false;
    bool header = true;
    bool units = true;
    for (const QString &x : args) {
        if (x.startsWith(QLatin1String("--query-gpu="))) {
            fields = x.mid(12).split(QLatin1Char(','));
        } else if (x.startsWith(QLatin1String("--query-compute-apps="))) {
            fields = x.mid(21).split(QLatin1Char(','));
            processes = true;
        } else if (x.startsWith(QLatin1String("--format="))) {
            const QStringList f = x.mid(9).split(QLatin1Char(','));
            header = !f.contains(QStringLiteral("noheader"));
            units = !f.contains(QStringLiteral("nounits"));
        } else {
            fields.clear();
            break;
        }
    }
    if (fields.isEmpty()) {
        a.exitStatus = 127;
        a.err = tr("the demo lab cannot run: %1\n")
                    .arg(remote::displayCommand(QStringList{QStringLiteral("nvidia-smi")} + args))
                    .toUtf8();
        return a;
    }
    const Host *gpuHost = nullptr;
    for (const Host &h : m_lab.hosts) {
        if (h.kind == HostKind::GpuServer)
            gpuHost = &h;
    }
    // A slow wave, so the charts move: utilisation 22..52 %.
    const double t = double(m_started.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
    const int util = 37 + int(std::lround(15.0 * std::sin(t / 7.0)));
    struct Field
    {
        QString value;
        QString unit;
        QString headerName;
    };
    auto value = [&](const QString &f) -> std::optional<Field> {
        if (f == QLatin1String("index"))
            return Field{QStringLiteral("0"), {}, f};
        if (f == QLatin1String("name"))
            return Field{QStringLiteral("NVIDIA GeForce %1")
                             .arg(gpuHost && !gpuHost->gpu.isEmpty()
                                      ? gpuHost->gpu
                                      : QStringLiteral("RTX 3070 Ti")),
                         {},
                         f};
        if (f == QLatin1String("uuid"))
            return Field{QStringLiteral("GPU-3f2b7c1e-9a4d-4e55-8c1f-0d6a2b9e7f10"), {}, f};
        if (f == QLatin1String("driver_version"))
            return Field{QStringLiteral("550.120"), {}, f};
        if (f == QLatin1String("utilization.gpu"))
            return Field{QString::number(util), QStringLiteral(" %"), f + QStringLiteral(" [%]")};
        if (f == QLatin1String("memory.used"))
            return Field{QString::number(m_ollamaVramMiB + 180), QStringLiteral(" MiB"),
                         f + QStringLiteral(" [MiB]")};
        if (f == QLatin1String("memory.total"))
            return Field{QStringLiteral("8192"), QStringLiteral(" MiB"),
                         f + QStringLiteral(" [MiB]")};
        if (f == QLatin1String("temperature.gpu"))
            return Field{QString::number(52 + util / 5), {}, f};
        if (f == QLatin1String("power.draw"))
            return Field{QString::number(60.0 + util * 2.7, 'f', 2), QStringLiteral(" W"),
                         f + QStringLiteral(" [W]")};
        if (f == QLatin1String("power.limit"))
            return Field{QStringLiteral("290.00"), QStringLiteral(" W"),
                         f + QStringLiteral(" [W]")};
        if (f == QLatin1String("fan.speed"))
            return Field{QStringLiteral("[N/A]"), {}, f + QStringLiteral(" [%]")};
        if (f == QLatin1String("pid"))
            return Field{QStringLiteral("1843"), {}, f};
        if (f == QLatin1String("process_name"))
            return Field{QStringLiteral("/usr/local/bin/ollama"), {}, f};
        if (f == QLatin1String("used_memory") || f == QLatin1String("used_gpu_memory"))
            return Field{QString::number(m_ollamaVramMiB), QStringLiteral(" MiB"),
                         QStringLiteral("used_gpu_memory [MiB]")};
        return std::nullopt;
    };
    QStringList heads;
    QStringList cells;
    for (const QString &f : std::as_const(fields)) {
        const auto v = value(f);
        if (!v || (processes != (f == QLatin1String("pid") || f == QLatin1String("process_name") ||
                                 f.startsWith(QLatin1String("used_"))))) {
            a.exitStatus = 2;
            a.out =
                QStringLiteral("Field \"%1\" is not a valid field to query.\n\n").arg(f).toUtf8();
            return a;
        }
        heads << v->headerName;
        cells << (units && !v->value.startsWith(QLatin1Char('[')) ? v->value + v->unit : v->value);
    }
    if (header)
        a.out += heads.join(QStringLiteral(", ")).toUtf8() + '\n';
    if (!processes || m_ollamaVramMiB > 0)
        a.out += cells.join(QStringLiteral(", ")).toUtf8() + '\n';
    return a;
}

} // namespace labdeck::demolab
