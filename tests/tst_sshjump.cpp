// ProxyJump from ~/.ssh/config, against two real sshd: a bastion and a
// target behind it. The command runs on the target; the bastion's log shows
// the login that carried it; an unknown bastion key is said (OpenSSH never
// prompts: BatchMode), the target's key is still checked by Labdeck's own
// rules through the tunnel, and no ssh process outlives the transport.

#include "ssh/sshconfig.h"
#include "ssh/sshjump_p.h"
#include "ssh/sshtransport.h"
#include "support/sshdharness.h"
#include "support/sshtestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace labdeck;
using labdeck::remote::CommandRequest;
using labdeck::remote::CommandResult;
using labdeck::remote::Step;
using labdeck::ssh::HostKeyAnswer;
using labdeck::ssh::HostKeyQuestion;
using labdeck::ssh::SshOptions;
using labdeck::ssh::SshTransport;
using labdeck::test::SshdHarness;

namespace {

CommandResult runAndWait(SshTransport *t, const QStringList &argv)
{
    return labdeck::test::runAndWait(t, QStringLiteral("gpu"), argv);
}

void writeText(const QString &path, const QByteArray &text)
{
    QVERIFY2(labdeck::test::writeText(path, text), qPrintable(path));
}

QByteArray publicKey(const QString &pubFile)
{
    return labdeck::test::publicKeyOf(pubFile);
}

// The ssh processes that are children of this test.
int sshChildren()
{
    int n = 0;
    const QString self = QString::number(::getpid());
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // pid (comm) state ppid ...
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (line.mid(line.indexOf('(') + 1, close - line.indexOf('(') - 1) == "ssh" &&
            rest.value(1) == self.toLatin1() && rest.value(0) != "Z")
            ++n;
    }
    return n;
}

} // namespace

class TestSshJump : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_unavailable = SshdHarness::unavailableReason();
        if (!m_unavailable.isEmpty())
            return;
        QString error;
        m_bastion = std::make_unique<SshdHarness>(m_tmp.filePath(QStringLiteral("bastion")));
        QVERIFY2(m_bastion->start(&error), qPrintable(error));
        m_target = std::make_unique<SshdHarness>(m_tmp.filePath(QStringLiteral("target")));
        QVERIFY2(m_target->start(&error), qPrintable(error));
    }

    void argumentsAreOptionsThenTheLastHop()
    {
        ssh::SshTarget t;
        t.hostName = QStringLiteral("fd00::5");
        t.port = 2222;
        t.proxyJump = {QStringLiteral("me@edge.example:2200"), QStringLiteral("bastion")};
        const QStringList argv =
            ssh::JumpProcess::arguments(t, QStringLiteral("/nonexistent/config"), 4000);
        QCOMPARE(argv.first(), QStringLiteral("ssh"));
        QVERIFY(!argv.contains(QStringLiteral("-F"))); // no such file: ssh's default
        QVERIFY(argv.contains(QStringLiteral("BatchMode=yes")));
        QVERIFY(argv.contains(QStringLiteral("ConnectTimeout=4")));
        QCOMPARE(argv.at(argv.indexOf(QStringLiteral("-W")) + 1), QStringLiteral("[fd00::5]:2222"));
        QCOMPARE(argv.at(argv.indexOf(QStringLiteral("-J")) + 1),
                 QStringLiteral("me@edge.example:2200"));
        QCOMPARE(argv.mid(argv.size() - 2),
                 QStringList({QStringLiteral("--"), QStringLiteral("bastion")}));

        t.proxyJump = {QStringLiteral("root@10.0.0.1:2022")};
        const QStringList one = ssh::JumpProcess::arguments(t, QString(), 10000);
        QVERIFY(!one.contains(QStringLiteral("-J")));
        QCOMPARE(one.at(one.indexOf(QStringLiteral("-p")) + 1), QStringLiteral("2022"));
        QCOMPARE(one.at(one.indexOf(QStringLiteral("-l")) + 1), QStringLiteral("root"));
        QCOMPARE(one.last(), QStringLiteral("10.0.0.1"));
    }

    void commandRunsOnTheTargetThroughTheBastion()
    {
        requireSshd();
        const SshOptions o = options(QStringLiteral("through"));
        writeBastionKnownHosts(o, true);
        writeText(o.labdeckKnownHosts, targetAddress().toUtf8() + ' ' + targetKey() + '\n');
        const int loginsBefore = m_bastion->log().count("Accepted publickey");
        QList<HostKeyQuestion> questions;
        std::unique_ptr<SshTransport> t(makeTransport(o, &questions));
        const QString marker = m_tmp.filePath(QStringLiteral("through-marker"));
        const CommandResult r =
            runAndWait(t.get(), {QStringLiteral("sh"), QStringLiteral("-c"),
                                 QStringLiteral("echo $SSH_CONNECTION; touch ") + marker});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
        QVERIFY(QFile::exists(marker));
        QCOMPARE(questions.size(), 0);
        // The bastion carried it: one more login there.
        QTRY_COMPARE_WITH_TIMEOUT(m_bastion->log().count("Accepted publickey"), loginsBefore + 1,
                                  5000);
        QVERIFY2(r.standardOutput.contains(QByteArray::number(m_target->port())),
                 r.standardOutput.constData());
        // A second command reuses the session: no second bastion login.
        QVERIFY(runAndWait(t.get(), {QStringLiteral("true")}).succeeded());
        QCOMPARE(m_bastion->log().count("Accepted publickey"), loginsBefore + 1);
        t.reset();
        QTRY_COMPARE_WITH_TIMEOUT(sshChildren(), 0, 5000);
    }

    void unknownBastionKeyIsSaidNotAsked()
    {
        requireSshd();
        const SshOptions o = options(QStringLiteral("unknown-bastion"));
        writeBastionKnownHosts(o, false);
        writeText(o.labdeckKnownHosts, targetAddress().toUtf8() + ' ' + targetKey() + '\n');
        QList<HostKeyQuestion> questions;
        std::unique_ptr<SshTransport> t(makeTransport(o, &questions));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY(!r.ran);
        QCOMPARE(r.failedStep, Step::Connect);
        QVERIFY2(r.error.contains(QStringLiteral("through the jump host bastion")),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("Host key verification failed")),
                 qPrintable(r.error));
        QCOMPARE(questions.size(), 0);
        t.reset();
        QTRY_COMPARE_WITH_TIMEOUT(sshChildren(), 0, 5000);
    }

    void targetKeyIsStillLabdecksToCheck()
    {
        requireSshd();
        const SshOptions o = options(QStringLiteral("changed-target"));
        writeBastionKnownHosts(o, true);
        // Labdeck's file records another key for the target.
        writeText(o.labdeckKnownHosts, targetAddress().toUtf8() + ' ' +
                                           publicKey(m_bastion->clientKey() + ".pub") + '\n');
        QList<HostKeyQuestion> questions;
        std::unique_ptr<SshTransport> t(makeTransport(o, &questions));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY(!r.ran);
        QCOMPARE(r.failedStep, Step::HostKey);
        QCOMPARE(r.hostKey.kind, remote::HostKeyFailure::Changed);
        QCOMPARE(r.hostKey.offeredFingerprint, m_target->hostKeyFingerprint());
        QCOMPARE(questions.size(), 0);
    }

    void aProxyCommandIsNotRun()
    {
        requireSshd();
        const SshOptions o = options(QStringLiteral("proxycommand"));
        const QString marker = m_tmp.filePath(QStringLiteral("proxycommand-ran"));
        writeText(o.configFile, QStringLiteral("Host target\n"
                                               "  HostName 127.0.0.1\n"
                                               "  Port %1\n"
                                               "  ProxyCommand touch %2\n")
                                    .arg(m_target->port())
                                    .arg(marker)
                                    .toUtf8());
        QList<HostKeyQuestion> questions;
        std::unique_ptr<SshTransport> t(makeTransport(o, &questions));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY(!r.ran);
        QVERIFY2(r.error.contains(QStringLiteral("ProxyCommand")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("use ProxyJump")), qPrintable(r.error));
        QVERIFY(!QFile::exists(marker));
    }

    void cleanupTestCase()
    {
        m_target.reset();
        m_bastion.reset();
    }

private:
    void requireSshd()
    {
        if (!m_bastion || !m_target)
            QSKIP(qPrintable(m_unavailable));
    }

    QString targetAddress() const { return QStringLiteral("[127.0.0.1]:%1").arg(m_target->port()); }
    QByteArray targetKey() const
    {
        return publicKey(QDir(m_target->dir()).filePath(QStringLiteral("host_ed25519.pub")));
    }

    // A home whose ~/.ssh/config sends "target" through "bastion"; the
    // target's login key is the default ~/.ssh/id_ed25519, the bastion's is
    // named in the config (OpenSSH reads the same file, with -F).
    SshOptions options(const QString &name)
    {
        const QString home = m_tmp.filePath(QStringLiteral("home-") + name);
        // The target's login key is ~/.ssh/id_ed25519.
        SshOptions o = labdeck::test::sshOptionsInHome(home, *m_target);
        writeText(o.configFile, QStringLiteral("Host target\n"
                                               "  HostName 127.0.0.1\n"
                                               "  Port %1\n"
                                               "  ProxyJump bastion\n"
                                               "Host bastion\n"
                                               "  HostName 127.0.0.1\n"
                                               "  Port %2\n"
                                               "  User %3\n"
                                               "  IdentityFile %4\n"
                                               "  IdentitiesOnly yes\n"
                                               "  UserKnownHostsFile %5/bastion_known_hosts\n"
                                               "  GlobalKnownHostsFile none\n")
                                    .arg(m_target->port())
                                    .arg(m_bastion->port())
                                    .arg(m_bastion->user(), m_bastion->clientKey(), home)
                                    .toUtf8());
        return o;
    }

    void writeBastionKnownHosts(const SshOptions &o, bool known)
    {
        const QByteArray key =
            publicKey(QDir(m_bastion->dir()).filePath(QStringLiteral("host_ed25519.pub")));
        writeText(o.homeDir + QStringLiteral("/bastion_known_hosts"),
                  known ? QStringLiteral("[127.0.0.1]:%1 ").arg(m_bastion->port()).toUtf8() + key +
                              '\n'
                        : QByteArray());
    }

    SshTransport *makeTransport(const SshOptions &o, QList<HostKeyQuestion> *questions)
    {
        auto *t = new SshTransport(o);
        t->setHost(QStringLiteral("gpu"), QStringLiteral("target"), m_target->user(), 22);
        connect(t, &SshTransport::hostKeyQuestion, t, [t, questions](const HostKeyQuestion &q) {
            questions->append(q);
            t->answerHostKey(q.id, HostKeyAnswer::Refuse);
        });
        return t;
    }

    QTemporaryDir m_tmp;
    std::unique_ptr<SshdHarness> m_bastion;
    std::unique_ptr<SshdHarness> m_target;
    QString m_unavailable;
};

QTEST_MAIN(TestSshJump)
#include "tst_sshjump.moc"
