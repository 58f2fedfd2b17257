#include "compose/composeservice.h"

#include "common/visibletext.h"
#include "compose/logging_p.h"

#include <QLoggingCategory>
#include <QRegularExpression>

namespace labdeck::compose {

namespace {

constexpr int kListTimeoutMs = 30000;
constexpr int kSettlePolls = 30;

bool isSafeConfigPath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || path.size() > 4096)
        return false;
    for (const QChar c : path) {
        if (VisibleText::isHidden(c.unicode()))
            return false;
    }
    return true;
}

QString joinKey(const QString &project, const QString &service)
{
    return project + QLatin1Char('/') + service;
}

bool unsettled(const Container &c)
{
    return c.state == QLatin1String("restarting") || c.state == QLatin1String("created") ||
           c.state == QLatin1String("removing") || c.health == QLatin1String("starting");
}

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
}

} // namespace

// --- ComposeAction ------------------------------------------------------------

ComposeAction::ComposeAction(QString title, QString host, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
    , m_host(std::move(host))
{
    m_timer.start();
}

void ComposeAction::cancel()
{
    if (m_state != State::Running)
        return;
    if (m_job)
        m_job->cancel(); // finished() of the job follows with Step::Cancelled
    else
        finish(State::Cancelled, tr("cancelled"));
}

void ComposeAction::keepOutput(const QByteArray &chunk)
{
    m_output += chunk;
    if (m_output.size() <= kOutputCap)
        return;
    static const QByteArray marker = QByteArrayLiteral("[Labdeck: earlier output dropped]\n");
    // Cut at a line start a quarter below the cap, so the buffer is not
    // moved on every chunk once it is full.
    qsizetype cut = m_output.size() - kOutputCap * 3 / 4;
    const qsizetype nl = m_output.indexOf('\n', cut);
    if (nl >= 0 && nl - cut < 64 * 1024)
        cut = nl + 1;
    m_output = marker + m_output.mid(cut);
}

void ComposeAction::finish(State state, const QString &message)
{
    if (m_state != State::Running)
        return;
    m_state = state;
    m_message = message;
    m_finalMs = m_timer.elapsed();
    m_timer.invalidate();
    Q_EMIT finished(state, message);
}

// --- ComposeService -----------------------------------------------------------

ComposeService::ComposeService(remote::CommandTransport *transport, QString host, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_host(std::move(host))
{
    connect(&m_timer, &QTimer::timeout, this, &ComposeService::refresh);
}

ComposeService::~ComposeService() = default;

void ComposeService::setTransport(remote::CommandTransport *transport)
{
    m_transport = transport;
}

void ComposeService::setInterval(int ms)
{
    if (ms <= 0)
        m_timer.stop();
    else
        m_timer.start(ms);
}

bool ComposeService::isStale() const
{
    if (!m_fetchedAt.isValid() || !m_error.isEmpty())
        return true;
    const int interval = m_timer.isActive() ? m_timer.interval() : 60000;
    return m_fetchedAt.msecsTo(QDateTime::currentDateTimeUtc()) > 3 * qint64(interval);
}

QStringList ComposeService::services(const QString &project) const
{
    QStringList out;
    for (const Container &c : m_containers.value(project)) {
        if (!out.contains(c.service))
            out << c.service;
    }
    return out;
}

QString ComposeService::verbName(Verb verb)
{
    switch (verb) {
    case Verb::Restart:
        return QStringLiteral("restart");
    case Verb::Up:
        return QStringLiteral("up -d");
    case Verb::Pull:
        return QStringLiteral("pull");
    case Verb::Stop:
        return QStringLiteral("stop");
    case Verb::Logs:
        return QStringLiteral("logs");
    }
    return {};
}

QStringList ComposeService::base(const QString &project) const
{
    QStringList argv{QStringLiteral("docker"), QStringLiteral("compose"), QStringLiteral("-p"),
                     project};
    for (const ProjectInfo &p : m_projects) {
        if (p.name != project)
            continue;
        for (const QString &f : p.configFiles)
            argv << QStringLiteral("-f") << f;
    }
    return argv;
}

QStringList ComposeService::argv(Verb verb, const QString &project, const QString &service,
                                 int tailLines, bool follow) const
{
    QStringList a = base(project);
    switch (verb) {
    case Verb::Restart:
        a << QStringLiteral("restart");
        break;
    case Verb::Up:
        a << QStringLiteral("up") << QStringLiteral("-d");
        break;
    case Verb::Pull:
        a << QStringLiteral("pull");
        break;
    case Verb::Stop:
        a << QStringLiteral("stop");
        break;
    case Verb::Logs:
        a << QStringLiteral("logs") << QStringLiteral("--no-color") << QStringLiteral("--tail")
          << (tailLines > 0 ? QString::number(tailLines) : QStringLiteral("all"));
        if (follow)
            a << QStringLiteral("--follow");
        break;
    }
    if (!service.isEmpty())
        a << service;
    return a;
}

QString ComposeService::validate(const QString &project, const QString &service) const
{
    // Compose's own rules for names, checked as well as the listing, so a
    // name never reaches the host as an option or a shell word.
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    bool listed = false;
    for (const ProjectInfo &p : m_projects)
        listed = listed || p.name == project;
    if (!listed || !name.match(project).hasMatch())
        return tr("%1: \"%2\" is not a Compose project listed on this host; refresh and pick one "
                  "from the list.")
            .arg(m_host, project);
    // Config-file paths come from the host's own "docker compose ls"; each
    // becomes an argument of -f, so it must be an absolute path of printable
    // characters that no shell or option parser reads as anything else.
    for (const ProjectInfo &p : m_projects) {
        if (p.name != project)
            continue;
        for (const QString &file : p.configFiles) {
            if (!isSafeConfigPath(file))
                return tr("%1: project %2 lists the config file \"%3\", which is not an absolute "
                          "path of printable characters; Labdeck does not pass it to docker "
                          "compose. Check the project's files on the host.")
                    .arg(m_host, project, VisibleText::escape(file));
        }
    }
    if (!service.isEmpty() &&
        (!services(project).contains(service) || !name.match(service).hasMatch()))
        return tr("%1: \"%2\" is not a service Compose listed in project %3; refresh and pick one "
                  "from the list.")
            .arg(m_host, service, project);
    return {};
}

remote::CommandJob *ComposeService::start(const QStringList &argv, int timeoutMs, bool stream)
{
    if (!m_transport)
        return nullptr;
    remote::CommandRequest request;
    request.host = m_host;
    request.argv = argv;
    request.timeoutMs = timeoutMs;
    request.streamOutput = stream;
    qCDebug(lcCompose) << m_host << remote::displayCommand(argv);
    return m_transport->run(request);
}

void ComposeService::fail(const QString &error)
{
    m_error = error;
    qCInfo(lcCompose).noquote() << error;
    Q_EMIT failed(error);
}

void ComposeService::refresh()
{
    if (m_listing)
        return;
    listProjects();
}

void ComposeService::listProjects()
{
    const QStringList argv{QStringLiteral("docker"),   QStringLiteral("compose"),
                           QStringLiteral("ls"),       QStringLiteral("--all"),
                           QStringLiteral("--format"), QStringLiteral("json")};
    remote::CommandJob *job = start(argv, kListTimeoutMs, false);
    if (!job) {
        fail(tr("%1: SSH: not connected").arg(m_host));
        return;
    }
    m_listing = true;
    connect(job, &remote::CommandJob::finished, this, [this](const remote::CommandResult &r) {
        m_listing = false;
        if (!r.ran) {
            fail(r.error);
            return;
        }
        if (r.exitStatus != 0) {
            fail(
                tr("%1: docker compose ls: exit status %2: %3")
                    .arg(m_host)
                    .arg(r.exitStatus)
                    .arg(lastLine(r.standardError.isEmpty() ? r.standardOutput : r.standardError)));
            return;
        }
        QString error;
        auto projects = ComposeParser::parseLs(r.standardOutput, &error);
        if (!projects) {
            fail(m_host + QStringLiteral(": ") + error);
            return;
        }
        m_projects = *projects;
        m_fetchedAt = QDateTime::currentDateTimeUtc();
        m_error.clear();
        // Projects that went away take their containers with them.
        const QStringList known = m_containers.keys();
        for (const QString &p : known) {
            bool still = false;
            for (const ProjectInfo &info : std::as_const(m_projects))
                still = still || info.name == p;
            if (!still) {
                m_containers.remove(p);
                m_containersAt.remove(p);
                Q_EMIT containersChanged(p);
            }
        }
        Q_EMIT projectsChanged();
        for (const ProjectInfo &p : std::as_const(m_projects))
            listContainers(p.name, QString());
    });
}

void ComposeService::listContainers(const QString &project, const QString &service)
{
    // The listing's own names and files pass the same rules as a user's action.
    if (const QString invalid = validate(project, service); !invalid.isEmpty()) {
        fail(invalid);
        return;
    }
    QStringList argv = base(project);
    argv << QStringLiteral("ps") << QStringLiteral("--all") << QStringLiteral("--format")
         << QStringLiteral("json");
    if (!service.isEmpty())
        argv << service;
    remote::CommandJob *job = start(argv, kListTimeoutMs, false);
    if (!job) {
        fail(tr("%1: SSH: not connected").arg(m_host));
        return;
    }
    connect(job, &remote::CommandJob::finished, this,
            [this, project, service](const remote::CommandResult &r) {
                if (!r.ran) {
                    fail(r.error);
                    return;
                }
                if (r.exitStatus != 0) {
                    fail(tr("%1: docker compose ps (project %2): exit status %3: %4")
                             .arg(m_host, project)
                             .arg(r.exitStatus)
                             .arg(lastLine(r.standardError)));
                    return;
                }
                QString error;
                auto list = ComposeParser::parsePs(r.standardOutput, &error);
                if (!list) {
                    fail(m_host + QStringLiteral(": ") + error);
                    return;
                }
                QList<Container> &current = m_containers[project];
                if (service.isEmpty()) {
                    current = *list;
                } else {
                    current.removeIf(
                        [&service](const Container &c) { return c.service == service; });
                    current.append(*list);
                }
                m_containersAt.insert(project, QDateTime::currentDateTimeUtc());
                m_error.clear();
                Q_EMIT containersChanged(project);
            });
}

void ComposeService::settle(const QString &project, const QString &service)
{
    // Read the state again until nothing is restarting or starting.
    const QString key = joinKey(project, service);
    auto *watcher = new QObject(this);
    connect(this, &ComposeService::containersChanged, watcher,
            [this, watcher, project, service, key](const QString &p) {
                if (p != project)
                    return;
                bool pending = false;
                for (const Container &c : m_containers.value(project)) {
                    if ((service.isEmpty() || c.service == service) && unsettled(c))
                        pending = true;
                }
                const int left = m_settling.value(key, kSettlePolls) - 1;
                if (!pending || left <= 0) {
                    m_settling.remove(key);
                    watcher->deleteLater();
                    return;
                }
                m_settling.insert(key, left);
                QTimer::singleShot(m_settleMs, watcher,
                                   [this, project, service] { listContainers(project, service); });
            });
    // A failed listing ends the wait; the next refresh shows the state.
    connect(this, &ComposeService::failed, watcher, [this, watcher, key] {
        m_settling.remove(key);
        watcher->deleteLater();
    });
    m_settling.insert(key, kSettlePolls);
    listContainers(project, service);
}

ComposeAction *ComposeService::run(Verb verb, const QString &project, const QString &service,
                                   int tailLines, bool follow)
{
    const QString target =
        service.isEmpty() ? tr("project %1").arg(project) : tr("%1 in %2").arg(service, project);
    QString title;
    switch (verb) {
    case Verb::Restart:
        title = tr("Restart %1").arg(target);
        break;
    case Verb::Up:
        title = tr("Up %1").arg(target);
        break;
    case Verb::Pull:
        title = tr("Pull %1").arg(target);
        break;
    case Verb::Stop:
        title = tr("Stop %1").arg(target);
        break;
    case Verb::Logs:
        title = follow ? tr("Follow logs of %1").arg(target) : tr("Logs of %1").arg(target);
        break;
    }
    auto *action = new ComposeAction(title, m_host, this);
    action->m_follow = follow && verb == Verb::Logs;
    Q_EMIT actionStarted(action);
    const QString invalid = validate(project, service);
    if (!invalid.isEmpty()) {
        // Nothing is sent.
        QTimer::singleShot(0, action, [action, invalid] {
            action->finish(ComposeAction::State::Failed, invalid);
        });
        return action;
    }
    const QStringList args = argv(verb, project, service, tailLines, follow);
    action->m_command = remote::displayCommand(args);
    int timeout = 120000;
    if (verb == Verb::Up || verb == Verb::Pull)
        timeout = 600000;
    else if (verb == Verb::Logs)
        timeout = follow ? 0 : 30000;
    remote::CommandJob *job = start(args, timeout, verb == Verb::Logs);
    if (!job) {
        const QString why = tr("%1: SSH: not connected").arg(m_host);
        QTimer::singleShot(0, action,
                           [action, why] { action->finish(ComposeAction::State::Failed, why); });
        return action;
    }
    action->m_job = job;
    connect(job, &remote::CommandJob::output, action, [action](const QByteArray &chunk) {
        action->keepOutput(chunk);
        Q_EMIT action->outputArrived(chunk);
    });
    connect(job, &remote::CommandJob::finished, action,
            [this, action, verb, project, service](const remote::CommandResult &r) {
                // Logs were streamed (and kept, up to the cap, as they came).
                if (verb != Verb::Logs)
                    action->keepOutput(r.standardOutput);
                if (!r.standardError.isEmpty())
                    action->keepOutput(r.standardError);
                action->m_exitStatus = r.ran ? r.exitStatus : -1;
                if (r.failedStep == remote::Step::Cancelled)
                    action->finish(ComposeAction::State::Cancelled, tr("cancelled"));
                else if (!r.ran)
                    action->finish(ComposeAction::State::Failed, r.error);
                else if (r.exitStatus != 0)
                    action->finish(ComposeAction::State::Failed,
                                   tr("exit status %1: %2")
                                       .arg(r.exitStatus)
                                       .arg(lastLine(r.standardError.isEmpty() ? r.standardOutput
                                                                               : r.standardError)));
                else
                    action->finish(ComposeAction::State::Succeeded, tr("exit status 0"));
                // The state after a change, and until it settles.
                if (verb != Verb::Logs && r.failedStep != remote::Step::Cancelled)
                    settle(project, service);
            });
    return action;
}

} // namespace labdeck::compose
