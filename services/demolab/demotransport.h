#pragma once

#include "inventory/inventory.h"
#include "remote/commandtransport.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace labdeck::demolab {

// The demo lab's remote commands: answers `docker compose ls/ps/restart/
// up/pull/stop/logs` on the compose host, `tailscale status --json` on the
// mesh's hosts and `nvidia-smi --query-…` on the GPU server, in the formats
// of the captured fixtures, for the inventory's lab. Actions change the
// state: a restarted service is "restarting", then "running" a moment later;
// a stopped one is "exited". Anything else exits 127 with "the demo lab
// cannot run: …". Lives on the UI thread; never blocks.
class DemoTransport final : public remote::CommandTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTransport)
public:
    explicit DemoTransport(const Inventory &lab, QObject *parent = nullptr);
    ~DemoTransport() override;

    [[nodiscard]] remote::CommandJob *run(const remote::CommandRequest &request) override;
    [[nodiscard]] QString name() const override;

    // How long a command takes (default 80 ms) and how long a restarting
    // or starting service stays so (default 2000 ms). Tests shorten both.
    void setLatency(int ms) { m_latencyMs = ms; }
    void setTransition(int ms) { m_transitionMs = ms; }
    // A followed log prints a line this often (default 1000 ms).
    void setFollowInterval(int ms) { m_followMs = ms; }
    // VRAM the loaded Ollama models hold, for nvidia-smi (MiB).
    void setOllamaVramMiB(int mib) { m_ollamaVramMiB = mib; }

    // "Simulate failure": the host's Tailscale peer goes offline (Online
    // false, LastSeen and the counters frozen at this moment, as a real
    // `tailscale status --json` shows a peer that stopped answering), or
    // comes back. host: the inventory's host name.
    void setTunnelOffline(const QString &host, bool offline);
    [[nodiscard]] bool isTunnelOffline(const QString &host) const
    {
        return m_offline.contains(host);
    }

    // Every request received, in order (tests).
    [[nodiscard]] const QList<remote::CommandRequest> &history() const { return m_history; }

    // The current state of a compose service ("running", "restarting", ...).
    [[nodiscard]] QString serviceState(const QString &service) const;

    struct Service
    {
        QString name;
        QString image;
        QList<int> ports;
        QString state = QStringLiteral("running");
        QString health; // "" (no healthcheck), "starting", "healthy"
        bool healthcheck = false;
        int exitCode = 0;
        QDateTime since;    // UTC of the last start or stop
        int generation = 0; // bumps on every change, so old timers do nothing
    };

private:
    struct Answer
    {
        int exitStatus = 0;
        QByteArray out;
        QByteArray err;
        bool follow = false;
        QString followService; // empty: all of the project
    };
    Answer answer(const remote::CommandRequest &request);
    Answer compose(const QStringList &args);
    Answer tailscale(const QString &host);
    Answer nvidiaSmi(const QStringList &args);
    [[nodiscard]] QByteArray psLine(const Service &s) const;
    [[nodiscard]] QByteArray logLines(const Service &s, int count, int offset) const;
    void transition(const QString &service, int generation, const QString &state,
                    const QString &health);

    Inventory m_lab;
    QString m_project;
    QString m_configFile;
    QList<Service> m_services;
    QList<remote::CommandRequest> m_history;
    int m_latencyMs = 80;
    int m_transitionMs = 2000;
    int m_followMs = 1000;
    int m_ollamaVramMiB = 5222;
    QDateTime m_started;
    QHash<QString, QDateTime> m_offline; // host -> when its peer was last seen

    friend class DemoJob;
};

} // namespace labdeck::demolab
