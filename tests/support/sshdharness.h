#pragma once

// A real OpenSSH server for tests: /usr/sbin/sshd on a loopback port, run as
// the current user from a temp dir with its own host key, one authorized
// client key, and a PATH whose `docker`, `tailscale` and `nvidia-smi` are
// small stand-ins printing the fixtures in tests/fixtures/ssh. Test thread
// only (it waits for sshd and ssh-keygen).

#include <QProcess>
#include <QString>
#include <memory>

namespace labdeck::test {

class SshdHarness
{
public:
    explicit SshdHarness(QString dir);
    ~SshdHarness(); // kills sshd and its session processes

    // Why sshd cannot run here (empty if it can): a missing binary, ...
    [[nodiscard]] static QString unavailableReason();

    // Makes the keys and config and starts sshd on `port` (0: pick a free one).
    bool start(QString *error, quint16 port = 0);
    // Kills sshd and every session process it started (SIGKILL).
    void kill();
    // Suspends (SIGSTOP) or resumes (SIGCONT) sshd and its sessions: the
    // connections stay open in the kernel but nothing answers, as when a
    // host hangs or a NAT forgets the connection.
    void suspend(bool stopped);
    // Starts it again on the same port with the same keys.
    bool restart(QString *error);

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString user() const;               // the current user
    [[nodiscard]] QString clientKey() const;          // private key file, no passphrase, authorized
    [[nodiscard]] QString hostKeyFingerprint() const; // "SHA256:..."
    [[nodiscard]] QString hostKeyType() const;        // "ssh-ed25519"
    // What sshd logged so far (LogLevel VERBOSE: one "Accepted publickey" a login).
    [[nodiscard]] QByteArray log();

    // Makes an ed25519 key pair at `path` (with `passphrase`, may be empty);
    // `authorize` adds it to authorized_keys.
    bool makeKey(const QString &path, const QString &passphrase, bool authorize, QString *error);
    // The OpenSSH fingerprint of a public key file.
    static QString fingerprintOf(const QString &pubFile);

private:
    bool writeConfig(QString *error);
    bool launch(QString *error);

    QString m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_sshd;
    QByteArray m_log;
};

// Runs a program and waits (tests only); false with its output in error.
bool runTool(const QString &program, const QStringList &args, QString *error,
             QByteArray *output = nullptr);

} // namespace labdeck::test
