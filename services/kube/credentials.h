#pragma once

// Credentials for one resolved context: static ones from the kubeconfig
// (token, tokenFile, client certificate, basic auth) or the output of an
// exec plugin (aws eks get-token, kubelogin, ...), which runs only with the
// user's approval and is cached until it expires.

#include "kube/execapproval.h"
#include "kube/kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

namespace labdeck::kube {

// What to send with a request. Holds secrets: never log it.
struct Credential
{
    QString bearerToken;
    QByteArray clientCertificatePem; // from an exec plugin or the kubeconfig
    QByteArray clientKeyPem;
    QDateTime expiry; // UTC; invalid: no expiry (cached until invalidate())

    // Added beyond the shared contract: basic auth from the kubeconfig.
    QString username;
    QString password;

    // True when it carries a token, a certificate+key pair or basic auth and has
    // not expired. An anonymous user's credential is empty and not valid: send
    // requests without authentication then.
    [[nodiscard]] bool isValid() const;
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // "Bearer <token>", "Basic <base64>", or empty.
    [[nodiscard]] QByteArray authorizationHeader() const;
};

// One per resolved context. Lives in, and is used from, one thread (the UI
// thread in the app); it never blocks: the plugin runs through QProcess and
// every answer arrives as a signal.
//
//   provider.request();                       // then exactly one of:
//   ready(credential)  - use it; after an HTTP 401 call invalidate() and request() again
//   failed(error)      - one line naming the kubeconfig file and what to do
//
// Every request() is answered by a ready() or failed() emitted after request()
// has returned (callers may connect after calling). Requests made while the
// plugin runs, or while the user is being asked, share that run's single
// answer. The provider caches (exec credentials until ~10 s before they expire)
// so callers can simply call request() before each use.
class CredentialProvider final : public QObject
{
    Q_OBJECT
public:
    // The hook shows the approval dialog and calls answer(allowed, remember) once,
    // on this object's thread, now or later. remember=true stores the answer in
    // the ExecApprovalStore (allow and deny alike).
    using ApprovalHook =
        std::function<void(const ExecApprovalRequest &request,
                           std::function<void(bool allowed, bool remember)> answer)>;

    // store may be null: nothing is remembered across providers then.
    CredentialProvider(ResolvedContext context, ExecApprovalStore *store,
                       QObject *parent = nullptr);
    ~CredentialProvider() override;
    Q_DISABLE_COPY_MOVE(CredentialProvider)

    // Without a hook, an exec command with no stored "allow" fails with a message
    // saying approval is needed.
    void setApprovalHook(ApprovalHook hook);
    // How long an exec plugin may take (default 30 s); then it is killed.
    void setExecTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds execTimeout() const { return m_timeout; }

    void request();
    // After an HTTP 401: forget the cached credential, so the next request() runs
    // the exec plugin again or re-reads tokenFile.
    void invalidate();
    // The last credential handed out (possibly expired; empty after invalidate()).
    [[nodiscard]] Credential cached() const { return m_cached; }
    [[nodiscard]] const ResolvedContext &context() const { return m_context; }
    // A plugin is running or the user is being asked.
    [[nodiscard]] bool isBusy() const { return m_process != nullptr || m_approvalPending; }

    // Parses and validates an exec plugin's stdout as client-go does: JSON
    // ExecCredential, apiVersion equal to the configured one, status required, a
    // token or a certificate+key pair, expirationTimestamp in RFC 3339. On failure
    // returns nullopt and sets *why (never containing the output itself).
    [[nodiscard]] static std::optional<Credential>
    parseExecCredential(const QByteArray &json, const QString &apiVersion, QString *why);
    // The program an exec command names, as an absolute path: a command with a
    // '/' as it is (resolve() made it absolute), else the first executable of
    // that name on Labdeck's PATH (what QProcess and kubectl would run). Empty
    // when there is none. The plugin runs from this path, so the approval
    // dialog shows what runs.
    [[nodiscard]] static QString resolveProgram(const QString &command);
    // The ExecCredential handed to the plugin in KUBERNETES_EXEC_INFO.
    [[nodiscard]] QJsonObject execInfo() const;

Q_SIGNALS:
    void ready(const labdeck::kube::Credential &credential);
    void failed(const QString &error);

private:
    void requestStatic();
    void requestExec();
    void answerApproval(bool allowed, bool remember);
    void startPlugin();
    void pluginFinished(int exitCode, QProcess::ExitStatus status);
    void pluginFailedToStart();
    void pluginTimedOut();
    void discardProcess();
    [[nodiscard]] bool cacheIsFresh() const;
    // "<kubeconfig>: users[<name>].user.<field>: " + message
    [[nodiscard]] QString where(const QString &field, const QString &message) const;
    [[nodiscard]] QString stderrSummary() const;
    void readyLater(const Credential &credential);
    void failLater(const QString &error);

    ResolvedContext m_context;
    ExecApprovalStore *m_store = nullptr;
    ApprovalHook m_hook;
    std::chrono::milliseconds m_timeout{30000};

    Credential m_cached;
    bool m_hasCached = false;
    QDateTime m_cachedAt; // when an exec credential arrived (for the early-expiry margin)

    // Static tokenFile: the last good value; re-read after invalidate().
    QString m_fileToken;
    bool m_fileTokenStale = true;

    // Exec plugin run.
    bool m_approvedThisSession = false;
    bool m_approvalPending = false;
    quint64 m_approvalRound = 0;
    QProcess *m_process = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_outputTooLarge = false;
    QTimer m_timeoutTimer;
};

} // namespace labdeck::kube
