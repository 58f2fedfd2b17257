#include "support/sshdharness.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QThread>
#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace labdeck::test {

namespace {

const char *const kSshd = "/usr/sbin/sshd";

bool writeFile(const QString &path, const QByteArray &data, QFile::Permissions perms = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(data);
    f.close();
    if (perms)
        f.setPermissions(perms);
    return true;
}

// Every descendant of `pid`, from /proc (deepest last).
QList<pid_t> descendants(pid_t pid)
{
    QList<pid_t> found;
    QList<pid_t> parents{pid};
    while (!parents.isEmpty()) {
        const pid_t parent = parents.takeFirst();
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &e : entries) {
            bool ok = false;
            const pid_t p = pid_t(e.toInt(&ok));
            if (!ok)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(p));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray s = stat.readAll();
            const qsizetype close = s.lastIndexOf(')');
            const QList<QByteArray> fields = s.mid(close + 2).split(' ');
            if (fields.size() > 1 && fields.at(1).toInt() == parent) {
                found << p;
                parents << p;
            }
        }
    }
    return found;
}

} // namespace

bool runTool(const QString &program, const QStringList &args, QString *error, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) +
                     QStringLiteral(": ") + QString::fromLocal8Bit(p.readAll()) + p.errorString();
        return false;
    }
    if (output)
        *output = p.readAll();
    return true;
}

SshdHarness::SshdHarness(QString dir)
    : m_dir(std::move(dir))
{}

SshdHarness::~SshdHarness()
{
    kill();
}

QString SshdHarness::unavailableReason()
{
    if (!QFileInfo(QLatin1String(kSshd)).isExecutable())
        return QStringLiteral("/usr/sbin/sshd is not installed (Debian package openssh-server)");
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/ssh-keygen")))
        return QStringLiteral("ssh-keygen is not installed (Debian package openssh-client)");
    return {};
}

QString SshdHarness::user() const
{
    const passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

QString SshdHarness::clientKey() const
{
    return QDir(m_dir).filePath(QStringLiteral("client_ed25519"));
}

QString SshdHarness::fingerprintOf(const QString &pubFile)
{
    QByteArray out;
    if (!runTool(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                  QStringLiteral("-f"), pubFile},
                 nullptr, &out))
        return {};
    return QString::fromLatin1(out.split(' ').value(1));
}

QString SshdHarness::hostKeyFingerprint() const
{
    return fingerprintOf(QDir(m_dir).filePath(QStringLiteral("host_ed25519.pub")));
}

QByteArray SshdHarness::log()
{
    if (m_sshd)
        m_log += m_sshd->readAll();
    return m_log;
}

QString SshdHarness::hostKeyType() const
{
    return QStringLiteral("ssh-ed25519");
}

bool SshdHarness::makeKey(const QString &path, const QString &passphrase, bool authorize,
                          QString *error)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    if (!runTool(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                  QStringLiteral("-N"), passphrase, QStringLiteral("-C"),
                  QStringLiteral("labdeck-test"), QStringLiteral("-f"), path},
                 error))
        return false;
    if (!authorize)
        return true;
    QFile pub(path + QStringLiteral(".pub"));
    QFile keys(QDir(m_dir).filePath(QStringLiteral("authorized_keys")));
    if (!pub.open(QIODevice::ReadOnly) || !keys.open(QIODevice::Append)) {
        *error = QStringLiteral("cannot add %1 to authorized_keys").arg(path);
        return false;
    }
    keys.write(pub.readAll());
    return true;
}

bool SshdHarness::writeConfig(QString *error)
{
    QDir d(m_dir);
    const QString bin = d.filePath(QStringLiteral("bin"));
    d.mkpath(QStringLiteral("bin"));
    const QString fixtures = QStringLiteral(LABDECK_SSH_FIXTURES);
    const QFile::Permissions exec = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                    QFile::ExeOther;
    // Stand-ins for the programs Labdeck runs on the lab's hosts.
    const QByteArray docker = "#!/bin/sh\n"
                              "if [ \"$1\" = compose ] && [ \"$2\" = ps ]; then cat '" +
                              fixtures.toUtf8() +
                              "/ps-v2.21-ndjson.doc.jsonl'; exit 0; fi\n"
                              "echo \"docker (test stand-in): unsupported: $*\" >&2; exit 1\n";
    const QByteArray tailscale =
        "#!/bin/sh\n"
        "if [ \"$1\" = status ]; then cat '" +
        fixtures.toUtf8() +
        "/status-trimmed.real.json'; exit 0; fi\n"
        "echo \"tailscale (test stand-in): unsupported: $*\" >&2; exit 1\n";
    const QByteArray nvidia =
        "#!/bin/sh\ncat '" + fixtures.toUtf8() + "/busy-query-gpu-noheader.csv'\n";
    if (!writeFile(QDir(bin).filePath(QStringLiteral("docker")), docker, exec) ||
        !writeFile(QDir(bin).filePath(QStringLiteral("tailscale")), tailscale, exec) ||
        !writeFile(QDir(bin).filePath(QStringLiteral("nvidia-smi")), nvidia, exec)) {
        *error = QStringLiteral("cannot write the stand-in programs in %1").arg(bin);
        return false;
    }
    // sshd's own SetEnv (OpenSSH 8.7+) overrides the default PATH of sessions;
    // no ~/.ssh/environment and no root needed.
    const QString config =
        QStringLiteral("Port %1\n"
                       "ListenAddress 127.0.0.1\n"
                       "HostKey %2/host_ed25519\n"
                       "PidFile %2/sshd.pid\n"
                       "AuthorizedKeysFile %2/authorized_keys\n"
                       "StrictModes no\n"
                       "UsePAM no\n"
                       "PasswordAuthentication no\n"
                       "KbdInteractiveAuthentication no\n"
                       "PubkeyAuthentication yes\n"
                       "PermitRootLogin prohibit-password\n"
                       "AllowTcpForwarding yes\n"
                       "MaxStartups 50\n"
                       "LogLevel VERBOSE\n"
                       "SetEnv PATH=%3:/usr/local/bin:/usr/bin:/bin LABDECK_TEST_SSHD=1\n")
            .arg(m_port)
            .arg(m_dir, bin);
    if (!writeFile(d.filePath(QStringLiteral("sshd_config")), config.toUtf8())) {
        *error = QStringLiteral("cannot write sshd_config");
        return false;
    }
    return true;
}

bool SshdHarness::launch(QString *error)
{
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setProcessChannelMode(QProcess::MergedChannels);
    m_log.clear();
    m_sshd->start(QLatin1String(kSshd),
                  {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                   QDir(m_dir).filePath(QStringLiteral("sshd_config"))});
    if (!m_sshd->waitForStarted(5000)) {
        *error = QStringLiteral("sshd did not start: ") + m_sshd->errorString();
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        m_sshd->waitForReadyRead(100);
        m_log += m_sshd->readAll();
        if (m_log.contains("Server listening on"))
            return true;
        if (m_sshd->state() == QProcess::NotRunning)
            break;
    }
    *error = QStringLiteral("sshd did not listen: ") + QString::fromLocal8Bit(m_log);
    return false;
}

bool SshdHarness::start(QString *error, quint16 port)
{
    if (const QString why = unavailableReason(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    QDir().mkpath(m_dir);
    if (::getuid() == 0)
        QDir().mkpath(
            QStringLiteral("/run/sshd")); // sshd's privilege separation dir, when run as root
    if (port == 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("no free loopback port");
            return false;
        }
        port = probe.serverPort();
    }
    m_port = port;
    const QString hostKey = QDir(m_dir).filePath(QStringLiteral("host_ed25519"));
    if (!QFileInfo::exists(hostKey) &&
        !runTool(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                  QStringLiteral("-N"), QString(), QStringLiteral("-f"), hostKey},
                 error))
        return false;
    if (!QFileInfo::exists(clientKey()) && !makeKey(clientKey(), QString(), true, error))
        return false;
    return writeConfig(error) && launch(error);
}

void SshdHarness::kill()
{
    if (!m_sshd)
        return;
    const auto pid = pid_t(m_sshd->processId());
    if (pid > 0) {
        const QList<pid_t> children = descendants(pid);
        ::kill(pid, SIGKILL);
        for (pid_t c : children)
            ::kill(c, SIGKILL);
    }
    m_sshd->waitForFinished(5000);
    m_sshd.reset();
}

void SshdHarness::suspend(bool stopped)
{
    if (!m_sshd)
        return;
    const auto pid = pid_t(m_sshd->processId());
    if (pid <= 0)
        return;
    const int sig = stopped ? SIGSTOP : SIGCONT;
    for (pid_t c : descendants(pid))
        ::kill(c, sig);
    ::kill(pid, sig);
}

bool SshdHarness::restart(QString *error)
{
    kill();
    // The port is free again once the listening socket is closed.
    for (int i = 0; i < 50; ++i) {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, m_port))
            break;
        QThread::msleep(100);
    }
    return launch(error);
}

} // namespace labdeck::test
