#include "support/sshtestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>

namespace labdeck::test {

ssh::SshOptions sshOptionsInHome(const QString &home, const SshdHarness &sshd)
{
    QDir().mkpath(home + QStringLiteral("/.ssh"));
    const QString key = home + QStringLiteral("/.ssh/id_ed25519");
    QFile::copy(sshd.clientKey(), key);
    QFile::copy(sshd.clientKey() + QStringLiteral(".pub"), key + QStringLiteral(".pub"));
    QFile(key).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    ssh::SshOptions o;
    o.homeDir = home;
    o.configFile = home + QStringLiteral("/.ssh/config");
    o.userKnownHosts = home + QStringLiteral("/.ssh/known_hosts");
    o.globalKnownHosts = home + QStringLiteral("/etc/ssh_known_hosts");
    o.labdeckKnownHosts = home + QStringLiteral("/labdeck/known_hosts");
    o.localUser = sshd.user();
    o.agentSocket.clear();
    o.keychainService.clear();
    o.connectTimeoutMs = 5000;
    return o;
}

remote::CommandResult runAndWait(ssh::SshTransport *t, const QString &host, const QStringList &argv,
                                 int timeoutMs, int waitMs)
{
    remote::CommandRequest r;
    r.host = host;
    r.argv = argv;
    r.timeoutMs = timeoutMs;
    remote::CommandJob *job = t->run(r);
    QSignalSpy spy(job, &remote::CommandJob::finished);
    if (!spy.wait(waitMs)) {
        remote::CommandResult none;
        none.error = QStringLiteral("test: no result within %1 s").arg(waitMs / 1000);
        return none;
    }
    return spy.first().first().value<remote::CommandResult>();
}

QByteArray publicKeyOf(const QString &pubFile)
{
    QFile f(pubFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
    if (parts.size() < 2)
        return {};
    return parts.at(0) + ' ' + parts.at(1);
}

bool writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace labdeck::test
