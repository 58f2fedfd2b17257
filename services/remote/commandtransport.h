#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace labdeck::remote {

// The step of reaching a host and running a command on it. An error always
// names the host and the step it failed at.
enum class Step {
    None = 0,       // nothing failed
    NameLookup,     // the host name did not resolve
    Connect,        // TCP connect / SSH handshake
    HostKey,        // unknown and refused, or changed: never accepted
    Authentication, // no key, agent or passphrase was accepted
    Command,        // the channel or the command itself (not found, killed)
    Timeout,        // the command ran longer than its timeout
    Cancelled,      // the user (or the owner) cancelled it
};

class StepText
{
    Q_DECLARE_TR_FUNCTIONS(StepText)
public:
    // "name lookup", "connect", "host key", ... (translated).
    [[nodiscard]] static QString name(Step step);
};

// One command to run on one host. The program and its arguments stay a
// list: a transport quotes every element on its own, and callers never join
// user input into a shell line.
struct CommandRequest
{
    QString host;     // an inventory host name ("pochama"); the transport maps it to SSH
    QStringList argv; // program and arguments, e.g. {"docker", "compose", "ls", "--format", "json"}
    int timeoutMs =
        20000; // overall limit; 0 means none (a followed log), the connect timeout still applies
    // Standard output is handed out through CommandJob::output() as it
    // arrives and not kept (CommandResult::standardOutput stays empty), so a
    // followed log never grows in memory.
    bool streamOutput = false;
    // At most this much standard output is kept when it is not streamed; a
    // command that prints more is stopped and fails (Step::Command) instead
    // of filling memory.
    qsizetype outputCap = kDefaultOutputCap;

    static constexpr qsizetype kDefaultOutputCap = 16 * 1024 * 1024;
    // Standard error keeps its first 1 MiB; the rest is dropped and marked.
    static constexpr qsizetype kErrorCap = 1024 * 1024;
};

// Appends what fits under cap to a command's standard error; the first time
// something is dropped a line saying so is added. Any thread.
void appendCapped(QByteArray &buffer, const QByteArray &chunk, qsizetype cap);

// Why a host key was not accepted (with Step::HostKey), so callers need not
// read the error text. Changed: known_hosts records another key for the
// address (possible interception). Unknown: no file records one and nobody
// accepted it (refused, or headless where nobody can be asked). Revoked: a
// known_hosts file marks the offered key @revoked.
enum class HostKeyFailure { None = 0, Changed, Unknown, Revoked };

struct HostKeyProblem
{
    HostKeyFailure kind = HostKeyFailure::None;
    QString address;  // as known_hosts names it ("pochama" or "[10.0.0.5]:2222")
    QString hostName; // what was connected to (for ssh-keyscan)
    int port = 22;
    QString offeredType;        // "ssh-ed25519"
    QString offeredFingerprint; // "SHA256:..."
    // Changed: the entry that records another key; Revoked: the @revoked entry.
    QString recordedType;
    QString recordedFingerprint;
    QString knownHostsFile; // absolute path
    int knownHostsLine = 0;
    // Unknown: the file an accepted key is written to (Labdeck's own known_hosts).
    QString addToFile;
};

// What came back. `ran` is true when the command reached an exit status
// (which may be non-zero); otherwise `failedStep` and `error` say why not.
struct CommandResult
{
    bool ran = false;
    int exitStatus = -1;
    QByteArray standardOutput; // whole output (empty when streamed, see CommandRequest)
    QByteArray standardError;
    Step failedStep = Step::None;
    QString error;          // "pochama: authentication: ..." in words, empty when ran
    HostKeyProblem hostKey; // kind != None when failedStep is HostKey for a known reason
    qint64 durationMs = 0;

    [[nodiscard]] bool succeeded() const { return ran && exitStatus == 0; }
};

// A running command. Lives on the thread that asked for it; finished() is
// emitted exactly once (also after cancel()), then the job deletes itself
// later. The request's text is kept so Activity can show the exact command.
class CommandJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandJob)
public:
    explicit CommandJob(CommandRequest request, QObject *parent = nullptr)
        : QObject(parent)
        , m_request(std::move(request))
    {}
    ~CommandJob() override = default;

    [[nodiscard]] const CommandRequest &request() const { return m_request; }
    // Stops the command (closes its channel); finished() follows with
    // Step::Cancelled unless it had already finished.
    virtual void cancel() = 0;

Q_SIGNALS:
    void output(const QByteArray &chunk); // only with streamOutput
    void finished(const labdeck::remote::CommandResult &result);

private:
    CommandRequest m_request;
};

// Moves bytes between Labdeck and the lab's hosts: SSH for a real lab, the
// demo lab's fixtures for the demo. Parsers never see a transport, and a
// transport never interprets what a command prints.
class CommandTransport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandTransport)
public:
    using QObject::QObject;
    ~CommandTransport() override = default;

    // Starts a command. The job is parented to the transport; connect to
    // finished() right away (it is never emitted before the event loop runs).
    [[nodiscard]] virtual CommandJob *run(const CommandRequest &request) = 0;
    // "SSH", "demo lab": what the status bar calls this transport.
    [[nodiscard]] virtual QString name() const = 0;
};

// The command as a user would type it, for Activity and logs: each argument
// quoted for a POSIX shell when it needs it.
[[nodiscard]] QString displayCommand(const QStringList &argv);
// One argument quoted for a POSIX shell ('…' with ' written as '\'').
[[nodiscard]] QString shellQuote(const QString &argument);
// The line an SSH server hands to the user's login shell: each argument one
// word that means the same to POSIX sh, bash, zsh and fish. Runs of ordinary
// characters are single-quoted; ' and \ are written as \' and \\ outside
// the quotes, because fish reads \\ and \' inside single quotes as escapes
// where sh does not. A word zsh or fish would expand at its start (=, %, ~)
// is quoted too.
[[nodiscard]] QString remoteCommandLine(const QStringList &argv);

} // namespace labdeck::remote

Q_DECLARE_METATYPE(labdeck::remote::CommandResult)
