#pragma once

#include "compose/composeparser.h"
#include "remote/commandtransport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace labdeck::compose {

// One compose command the user started (restart, up -d, pull, stop, logs):
// the exact command, its output as it arrives, exit status and duration, for
// the Activity log. finished() is emitted once.
class ComposeAction final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposeAction)
public:
    enum class State { Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString command() const
    {
        return m_command;
    } // as typed in a shell; empty when rejected
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString message() const
    {
        return m_message;
    } // the error, or the last output line
    // stdout then stderr; a followed log keeps its last kOutputCap bytes.
    [[nodiscard]] QByteArray output() const { return m_output; }
    static constexpr qsizetype kOutputCap = 4 * 1024 * 1024;
    [[nodiscard]] int exitStatus() const { return m_exitStatus; } // -1 when it did not run
    [[nodiscard]] qint64 elapsedMs() const
    {
        return m_timer.isValid() ? m_timer.elapsed() : m_finalMs;
    }
    [[nodiscard]] bool isFollow() const { return m_follow; }
    // Stops a followed log or a command still running.
    void cancel();

Q_SIGNALS:
    void outputArrived(const QByteArray &chunk);
    void finished(labdeck::compose::ComposeAction::State state, const QString &message);

private:
    friend class ComposeService;
    ComposeAction(QString title, QString host, QObject *parent);
    void finish(State state, const QString &message);
    // Appends to output(), dropping the oldest whole lines beyond kOutputCap.
    void keepOutput(const QByteArray &chunk);

    QString m_title;
    QString m_host;
    QString m_command;
    State m_state = State::Running;
    QString m_message;
    QByteArray m_output;
    int m_exitStatus = -1;
    QElapsedTimer m_timer;
    qint64 m_finalMs = 0;
    bool m_follow = false;
    QPointer<remote::CommandJob> m_job;
};

// Docker Compose on the compose host over a CommandTransport: lists projects
// and their containers, and runs the actions on a project or one service.
// Names are checked against what Compose itself listed before anything is
// sent, and every argument stays a separate argv element. UI thread.
class ComposeService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposeService)
public:
    // transport may be nullptr (no SSH connection yet): every refresh then
    // reports "not connected". host is the inventory's compose host.
    ComposeService(remote::CommandTransport *transport, QString host, QObject *parent = nullptr);
    ~ComposeService() override;

    enum class Verb { Restart, Up, Pull, Stop, Logs };
    Q_ENUM(Verb)

    void setTransport(remote::CommandTransport *transport);
    [[nodiscard]] remote::CommandTransport *transport() const { return m_transport; }
    [[nodiscard]] QString host() const { return m_host; }

    // Periodic refresh (ms; 0 stops it). Default off.
    void setInterval(int ms);
    // While a service is restarting or starting after an action, its state
    // is read again this often (ms).
    void setSettleInterval(int ms) { m_settleMs = ms; }

    // `docker compose ls --all --format json`, then ps of every project.
    void refresh();

    [[nodiscard]] QList<ProjectInfo> projects() const { return m_projects; }
    [[nodiscard]] QList<Container> containers(const QString &project) const
    {
        return m_containers.value(project);
    }
    [[nodiscard]] QStringList services(const QString &project) const;
    [[nodiscard]] QDateTime fetchedAt() const
    {
        return m_fetchedAt;
    } // UTC of the last good listing
    // UTC of the last good ps of a project; invalid when never.
    [[nodiscard]] QDateTime containersFetchedAt(const QString &project) const
    {
        return m_containersAt.value(project);
    }
    [[nodiscard]] QString lastError() const { return m_error; }
    // No good listing yet, the last refresh failed, or it is older than
    // three intervals.
    [[nodiscard]] bool isStale() const;

    // An action on a project (service empty) or one service of it. Returns
    // the action (owned by the service); a name Compose did not list gives
    // an action that fails at once with the reason, and nothing is sent.
    ComposeAction *run(Verb verb, const QString &project, const QString &service = QString(),
                       int tailLines = 200, bool follow = false);

    // The argv of an action (exposed for tests and Activity).
    [[nodiscard]] QStringList argv(Verb verb, const QString &project, const QString &service,
                                   int tailLines, bool follow) const;
    [[nodiscard]] static QString verbName(Verb verb); // "restart", "up -d", ...
    // Empty when the project (and service) are ones Compose listed; else why not.
    [[nodiscard]] QString validate(const QString &project, const QString &service) const;

Q_SIGNALS:
    void projectsChanged();
    // A project's containers changed (all of them, or those of one service).
    void containersChanged(const QString &project);
    // A refresh failed: "pochama: docker compose ls: …".
    void failed(const QString &error);
    void actionStarted(labdeck::compose::ComposeAction *action);

private:
    QStringList base(const QString &project) const;
    void listProjects();
    void listContainers(const QString &project, const QString &service);
    void fail(const QString &error);
    void settle(const QString &project, const QString &service);
    remote::CommandJob *start(const QStringList &argv, int timeoutMs, bool stream);

    QPointer<remote::CommandTransport> m_transport;
    QString m_host;
    QList<ProjectInfo> m_projects;
    QHash<QString, QList<Container>> m_containers;
    QHash<QString, QDateTime> m_containersAt;
    QDateTime m_fetchedAt;
    QString m_error;
    QTimer m_timer;
    int m_settleMs = 1000;
    QHash<QString, int> m_settling; // "project/service" -> polls left
    bool m_listing = false;
};

} // namespace labdeck::compose
