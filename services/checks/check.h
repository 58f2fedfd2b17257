#pragma once

#include "checks/checkresult.h"
#include "inventory/inventory.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace labdeck::kube {
class KubeClient;
}
namespace labdeck::remote {
class CommandTransport;
}

namespace labdeck::checks {

// Where to connect instead of what DNS says, as curl's --connect-to: the
// TLS name (SNI, certificate check) and the Host header stay the real name.
struct ConnectTarget
{
    QString address;
    quint16 port = 0;
};

struct CheckOptions
{
    // Each target's own limit (connect + handshake + answer).
    std::chrono::milliseconds timeout{10000};
    // Roots trusted in addition to the system's for this run (a test CA,
    // the demo lab's CA). Verification is never turned off.
    QList<QSslCertificate> extraCaCertificates;
    // "name:port" -> where to connect (see ConnectTarget).
    QHash<QString, ConnectTarget> connectTo;
    Thresholds thresholds;
    // Traefik's API (…/api/http/routers); empty: the inventory's Traefik
    // dashboard URL, or the command below over the transport when there is one.
    QUrl traefikApiUrl;
    // What runs on the ingress host over the transport to read the routers.
    QStringList traefikApiCommand{QStringLiteral("curl"), QStringLiteral("-sS"),
                                  QStringLiteral("--max-time"), QStringLiteral("8"),
                                  QStringLiteral("http://127.0.0.1:8080/api/http/routers")};

    // The target to connect to for name:port (the override or the name).
    [[nodiscard]] ConnectTarget target(const QString &host, quint16 port) const;

    // curl's --resolve HOST:PORT:ADDRESS (the same port) and --connect-to
    // HOST:PORT:ADDRESS:PORT2; false with why in error. An IPv6 address is
    // written in brackets ([::1]).
    bool addResolve(const QString &spec, QString *error);
    bool addConnectTo(const QString &spec, QString *error);
    // Adds every PEM certificate of the file as a trusted root for the run.
    bool addCaFile(const QString &path, QString *error);
};

// What a check may use. The pointers are optional: a check whose client is
// missing reports that it could not run, with why.
struct CheckContext
{
    Inventory inventory;
    CheckOptions options;
    QPointer<kube::KubeClient> kube;
    QString kubeUnavailable;                      // why there is no cluster (when kube is null)
    QPointer<remote::CommandTransport> transport; // SSH (or the demo lab) to the lab's hosts
    QUrl prometheusUrl; // empty: the inventory's prometheus.url (the demo lab's simulated one)
    QUrl ollamaUrl;     // empty: the inventory's ollama.url (an SSH tunnel, the demo's replay)
};

// One category of checks (certs, routes, ...). A check runs all its targets
// at once, each with its own timeout, reports each result as it comes, and
// then finished() once. Lives on the thread that starts it; never blocks.
class Check : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Check)
public:
    explicit Check(QString category, QObject *parent = nullptr);
    ~Check() override;

    [[nodiscard]] QString category() const { return m_category; }
    // Starts the work; results may follow at once (queued by the runner).
    void start(const CheckContext &context);
    // Stops what is left; finished() follows.
    void cancel();
    [[nodiscard]] bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void resultReady(const labdeck::checks::CheckResult &result);
    void finished();

protected:
    virtual void run(const CheckContext &context) = 0;
    virtual void stop() {}
    // Emits a result (category filled in; durationMs from the start when 0).
    void report(CheckResult result);
    // Ends the check; later reports are dropped.
    void done();
    [[nodiscard]] qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    QString m_category;
    QElapsedTimer m_clock;
    bool m_finished = false;
};

// Makes checks by category. registerBuiltInChecks() is where every category
// plugs in; a category that is not registered reports that it is not built in.
class CheckRegistry
{
public:
    using Factory = std::function<Check *(QObject *parent)>;
    void add(const QString &category, Factory factory);
    [[nodiscard]] bool contains(const QString &category) const;
    [[nodiscard]] Check *create(const QString &category, QObject *parent) const;
    [[nodiscard]] QStringList categories() const;

private:
    std::map<QString, Factory> m_factories;
};

// The registry with every check of this build.
[[nodiscard]] CheckRegistry builtInChecks();

} // namespace labdeck::checks
