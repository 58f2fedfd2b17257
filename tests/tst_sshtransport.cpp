#include "secrets/secretstore.h"
#include "ssh/sshtransport.h"
#include "ssh/sshtunnel.h"
#include "support/fixtures.h"
#include "support/sshdharness.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace labdeck;
using labdeck::remote::CommandRequest;
using labdeck::remote::CommandResult;
using labdeck::remote::Step;
using labdeck::ssh::HostKeyAnswer;
using labdeck::ssh::HostKeyQuestion;
using labdeck::ssh::PassphraseQuestion;
using labdeck::ssh::SshOptions;
using labdeck::ssh::SshTransport;
using labdeck::test::fixture;
using labdeck::test::readFile;
using labdeck::test::SshdHarness;

namespace {

// Runs one command and waits for its result (the test's event loop runs).
CommandResult runAndWait(SshTransport *t, const QStringList &argv, int timeoutMs = 8000,
                         const QString &host = QStringLiteral("pochama"))
{
    CommandRequest r;
    r.host = host;
    r.argv = argv;
    r.timeoutMs = timeoutMs;
    remote::CommandJob *job = t->run(r);
    QSignalSpy spy(job, &remote::CommandJob::finished);
    if (!spy.wait(30000)) {
        CommandResult none;
        none.error = QStringLiteral("test: no result within 30 s");
        return none;
    }
    return spy.first().first().value<CommandResult>();
}

} // namespace

class PrivateKeyring;

class TestSshTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unknownHostKeyRefused();
    void hostKeyAcceptedOnce();
    void hostKeyRemembered();
    void changedHostKeyRefused();
    void wrongKeyFailsAuthentication();
    void agentKeyIsUsed();
    void passphraseAskedOnce();
    void wrongPassphrase();
    void passphraseInKeychain();
    void commandNotFound();
    void hangingCommandTimesOut();
    void cancelStopsCommand();
    void commandsRunSideBySide();
    void stoppedCommandsDoNotExhaustSessions();
    void argumentsArriveIntact();
    void standInsPrintFixtures();
    void streamsOutput();
    void outputHasCaps();
    void configAliasResolves();
    void hostWithoutSsh();
    void silentServerTimesOut();
    void tunnelForwards();
    void sshdKilledDuringCommand();
    void cleanupTestCase();

private:
    // A fresh home (with the authorized key as ~/.ssh/id_ed25519) and options.
    SshOptions freshOptions(bool withKey = true);
    SshTransport *makeTransport(const SshOptions &o, HostKeyAnswer answer,
                                int *questions = nullptr);

    QTemporaryDir m_tmp;
    std::unique_ptr<SshdHarness> m_sshd;
    std::unique_ptr<PrivateKeyring> m_keyring;
    int m_homes = 0;
};

void TestSshTransport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    if (const QString why = SshdHarness::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    m_sshd = std::make_unique<SshdHarness>(m_tmp.filePath(QStringLiteral("sshd")));
    QString error;
    QVERIFY2(m_sshd->start(&error), qPrintable(error));
}

SshOptions TestSshTransport::freshOptions(bool withKey)
{
    const QString home = m_tmp.filePath(QStringLiteral("home%1").arg(++m_homes));
    QDir().mkpath(home + QStringLiteral("/.ssh"));
    if (withKey) {
        QFile::copy(m_sshd->clientKey(), home + QStringLiteral("/.ssh/id_ed25519"));
        QFile::copy(m_sshd->clientKey() + QStringLiteral(".pub"),
                    home + QStringLiteral("/.ssh/id_ed25519.pub"));
        QFile(home + QStringLiteral("/.ssh/id_ed25519"))
            .setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    SshOptions o;
    o.homeDir = home;
    o.configFile = home + QStringLiteral("/.ssh/config");
    o.userKnownHosts = home + QStringLiteral("/.ssh/known_hosts");
    o.labdeckKnownHosts = home + QStringLiteral("/labdeck/known_hosts");
    o.localUser = m_sshd->user();
    o.agentSocket.clear(); // the tests' keys come from files only
    o.connectTimeoutMs = 5000;
    o.keychainService.clear();
    return o;
}

SshTransport *TestSshTransport::makeTransport(const SshOptions &o, HostKeyAnswer answer,
                                              int *questions)
{
    auto *t = new SshTransport(o, this);
    t->setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
               m_sshd->port());
    connect(t, &SshTransport::hostKeyQuestion, t, [t, answer, questions](const HostKeyQuestion &q) {
        if (questions)
            ++*questions;
        t->answerHostKey(q.id, answer);
    });
    return t;
}

void TestSshTransport::unknownHostKeyRefused()
{
    const SshOptions o = freshOptions();
    SshTransport t(o);
    t.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
              m_sshd->port());
    QList<HostKeyQuestion> asked;
    connect(&t, &SshTransport::hostKeyQuestion, &t, [&](const HostKeyQuestion &q) {
        asked << q;
        t.answerHostKey(q.id, HostKeyAnswer::Refuse);
    });
    const QString marker = m_tmp.filePath(QStringLiteral("refused-marker"));
    const CommandResult r = runAndWait(&t, {QStringLiteral("touch"), marker});
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().host, QStringLiteral("pochama"));
    QCOMPARE(asked.first().address, QStringLiteral("[127.0.0.1]:%1").arg(m_sshd->port()));
    QCOMPARE(asked.first().keyType, m_sshd->hostKeyType());
    QCOMPARE(asked.first().fingerprint, m_sshd->hostKeyFingerprint());
    QVERIFY(!r.ran);
    QCOMPARE(r.failedStep, Step::HostKey);
    QVERIFY2(r.error.startsWith(QStringLiteral("pochama: host key: ")), qPrintable(r.error));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(!QFile::exists(o.labdeckKnownHosts));
    QVERIFY(!QFile::exists(o.userKnownHosts));
}

void TestSshTransport::hostKeyAcceptedOnce()
{
    const SshOptions o = freshOptions();
    int questions = 0;
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce, &questions));
    CommandResult r = runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("hello")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, QByteArray("hello\n"));
    QCOMPARE(r.failedStep, Step::None);
    r = runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("again")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(questions, 1);
    QCOMPARE(t->state(QStringLiteral("pochama")), ssh::HostState::Connected);
    QVERIFY(!QFile::exists(o.labdeckKnownHosts)); // once: not written
    // A new transport asks again.
    std::unique_ptr<SshTransport> t2(makeTransport(o, HostKeyAnswer::Refuse, &questions));
    r = runAndWait(t2.get(), {QStringLiteral("true")});
    QCOMPARE(questions, 2);
    QCOMPARE(r.failedStep, Step::HostKey);
}

void TestSshTransport::hostKeyRemembered()
{
    const SshOptions o = freshOptions();
    int questions = 0;
    {
        std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::Remember, &questions));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
    }
    QCOMPARE(questions, 1);
    const QByteArray line = readFile(o.labdeckKnownHosts);
    QVERIFY2(
        line.startsWith(QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(m_sshd->port()).toUtf8()),
        line);
    QVERIFY(!QFile::exists(o.userKnownHosts)); // never the user's file
    std::unique_ptr<SshTransport> t2(makeTransport(o, HostKeyAnswer::Refuse, &questions));
    const CommandResult r = runAndWait(t2.get(), {QStringLiteral("echo"), QStringLiteral("known")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(questions, 1);
}

void TestSshTransport::changedHostKeyRefused()
{
    const SshOptions o = freshOptions();
    // The user's known_hosts holds another key for this host and port.
    QString error;
    const QString other = m_tmp.filePath(QStringLiteral("other_host_key"));
    QVERIFY2(m_sshd->makeKey(other, QString(), false, &error), qPrintable(error));
    const QList<QByteArray> pub = readFile(other + QStringLiteral(".pub")).split(' ');
    QFile known(o.userKnownHosts);
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write("# the host as it was\n");
    known.write(QStringLiteral("[127.0.0.1]:%1 ").arg(m_sshd->port()).toUtf8() + pub.at(0) + ' ' +
                pub.at(1) + '\n');
    known.close();
    const QString knownFp = SshdHarness::fingerprintOf(other + QStringLiteral(".pub"));
    QVERIFY(!knownFp.isEmpty());

    int questions = 0;
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::Remember, &questions));
    const QString marker = m_tmp.filePath(QStringLiteral("changed-marker"));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("touch"), marker});
    QCOMPARE(questions, 0); // never asked: refused
    QCOMPARE(r.failedStep, Step::HostKey);
    QVERIFY(!r.ran);
    QVERIFY2(r.error.contains(QStringLiteral("CHANGED")), qPrintable(r.error));
    QVERIFY2(r.error.contains(knownFp), qPrintable(r.error));
    QVERIFY2(r.error.contains(m_sshd->hostKeyFingerprint()), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("ssh-keygen -R '[127.0.0.1]:%1' -f %2")
                                  .arg(m_sshd->port())
                                  .arg(o.userKnownHosts)),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("line 2")), qPrintable(r.error));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(!QFile::exists(o.labdeckKnownHosts));
    // Asking again changes nothing.
    const CommandResult again = runAndWait(t.get(), {QStringLiteral("touch"), marker});
    QCOMPARE(again.failedStep, Step::HostKey);
    QVERIFY(!QFile::exists(marker));
}

void TestSshTransport::wrongKeyFailsAuthentication()
{
    SshOptions o = freshOptions(false);
    QString error;
    QVERIFY2(
        m_sshd->makeKey(o.homeDir + QStringLiteral("/.ssh/id_ed25519"), QString(), false, &error),
        qPrintable(error));
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QCOMPARE(r.failedStep, Step::Authentication);
    QVERIFY2(
        r.error.startsWith(QStringLiteral("pochama: authentication: the server refused every key")),
        qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("~/.ssh/id_ed25519")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("authorized_keys")), qPrintable(r.error));

    // No key at all says so.
    const SshOptions none = freshOptions(false);
    std::unique_ptr<SshTransport> t2(makeTransport(none, HostKeyAnswer::ConnectOnce));
    const CommandResult r2 = runAndWait(t2.get(), {QStringLiteral("true")});
    QCOMPARE(r2.failedStep, Step::Authentication);
    QVERIFY2(r2.error.contains(QStringLiteral("no agent and no key file")), qPrintable(r2.error));
}

void TestSshTransport::agentKeyIsUsed()
{
    // A real ssh-agent holding the authorized key; the home has no key files.
    const QString sock = m_tmp.filePath(QStringLiteral("agent.sock"));
    QProcess agent;
    agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), sock});
    if (!agent.waitForStarted(5000))
        QSKIP("ssh-agent is not installed (Debian package openssh-client)");
    QVERIFY2(QTest::qWaitFor([&] { return QFile::exists(sock); }, 5000),
             "ssh-agent made no socket");
    QProcess add;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SSH_AUTH_SOCK"), sock);
    add.setProcessEnvironment(env);
    add.start(QStringLiteral("ssh-add"), {m_sshd->clientKey()});
    QVERIFY(add.waitForFinished(10000));
    QCOMPARE(add.exitCode(), 0);

    SshOptions o = freshOptions(false);
    o.agentSocket = sock;
    {
        std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
        const CommandResult r =
            runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("agent")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
    }
    agent.kill();
    agent.waitForFinished(3000);
    // The agent is gone and there are no key files: the error says so.
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QCOMPARE(r.failedStep, Step::Authentication);
    QVERIFY2(r.error.contains(QStringLiteral("no agent and no key file")), qPrintable(r.error));
}

void TestSshTransport::passphraseAskedOnce()
{
    SshOptions o = freshOptions(false);
    const QString key = o.homeDir + QStringLiteral("/.ssh/id_ed25519");
    QString error;
    QVERIFY2(m_sshd->makeKey(key, QStringLiteral("correct horse"), true, &error),
             qPrintable(error));
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
    t->setHost(QStringLiteral("pochama-too"), QStringLiteral("127.0.0.1"), m_sshd->user(),
               m_sshd->port());
    QList<PassphraseQuestion> asked;
    connect(t.get(), &SshTransport::passphraseQuestion, t.get(), [&](const PassphraseQuestion &q) {
        asked << q;
        // First a typo, then the right one.
        t->answerPassphrase(
            q.id, asked.size() == 1 ? QStringLiteral("wrong") : QStringLiteral("correct horse"),
            false, false);
    });
    CommandResult r = runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("unlocked")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.at(0).keyFile, key);
    QCOMPARE(asked.at(0).host, QStringLiteral("pochama"));
    QVERIFY(!asked.at(0).retry);
    QVERIFY(asked.at(1).retry);
    // Another host's session (its own worker thread) uses the same key: not asked again.
    r = runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("second")}, 8000,
                   QStringLiteral("pochama-too"));
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(asked.size(), 2);
}

void TestSshTransport::wrongPassphrase()
{
    SshOptions o = freshOptions(false);
    const QString key = o.homeDir + QStringLiteral("/.ssh/id_ed25519");
    QString error;
    QVERIFY2(m_sshd->makeKey(key, QStringLiteral("correct horse"), true, &error),
             qPrintable(error));
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
    int asked = 0;
    connect(t.get(), &SshTransport::passphraseQuestion, t.get(), [&](const PassphraseQuestion &q) {
        ++asked;
        t->answerPassphrase(q.id, QStringLiteral("battery staple"), false, false);
    });
    const QString marker = m_tmp.filePath(QStringLiteral("passphrase-marker"));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("touch"), marker});
    QCOMPARE(r.failedStep, Step::Authentication);
    QVERIFY2(r.error.contains(QStringLiteral("passphrase for ~/.ssh/id_ed25519 was wrong")),
             qPrintable(r.error));
    QVERIFY(asked >= 2);
    QVERIFY(!QFile::exists(marker));

    // Cancelling the question skips the key: refused, nothing ran.
    std::unique_ptr<SshTransport> t2(makeTransport(o, HostKeyAnswer::ConnectOnce));
    connect(
        t2.get(), &SshTransport::passphraseQuestion, t2.get(),
        [&](const PassphraseQuestion &q) { t2->answerPassphrase(q.id, QString(), true, false); });
    const CommandResult r2 = runAndWait(t2.get(), {QStringLiteral("touch"), marker});
    QCOMPARE(r2.failedStep, Step::Authentication);
    QVERIFY(!QFile::exists(marker));
}

// A private D-Bus session with a real gnome-keyring (Secret Service), so
// the passphrase goes where a user's would; skipped where neither exists.
class PrivateKeyring
{
public:
    explicit PrivateKeyring(const QString &dir)
        : m_dir(dir)
    {}
    ~PrivateKeyring()
    {
        for (QProcess *p : {&m_keyring, &m_bus}) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(3000);
            }
        }
    }
    QString start()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty())
            return QStringLiteral("dbus-daemon or gnome-keyring-daemon is not installed (Debian "
                                  "packages dbus, gnome-keyring)");
        QDir().mkpath(m_dir + QStringLiteral("/data"));
        QDir().mkpath(m_dir + QStringLiteral("/run"));
        QFile(m_dir + QStringLiteral("/run"))
            .setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString address = QStringLiteral("unix:path=%1/bus").arg(m_dir);
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"),
                     QStringLiteral("--address=") + address});
        if (!m_bus.waitForStarted(5000))
            return QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
        if (!QTest::qWaitFor([&] { return QFile::exists(m_dir + QStringLiteral("/bus")); }, 5000))
            return QStringLiteral("dbus-daemon made no socket at %1/bus").arg(m_dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        env.insert(QStringLiteral("HOME"), m_dir);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir + QStringLiteral("/run"));
        m_keyring.setProcessEnvironment(env);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                        {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                         QStringLiteral("--components=secrets")});
        if (!m_keyring.waitForStarted(5000))
            return QStringLiteral("gnome-keyring-daemon did not start: ") + m_keyring.errorString();
        m_keyring.write("test-login-password");
        m_keyring.closeWriteChannel();
        // This process talks to the private bus from now on.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address.toUtf8());
        qputenv("XDG_CURRENT_DESKTOP", "GNOME");
        return {};
    }

private:
    QString m_dir;
    QProcess m_bus;
    QProcess m_keyring;
};

void TestSshTransport::passphraseInKeychain()
{
    m_keyring = std::make_unique<PrivateKeyring>(m_tmp.filePath(QStringLiteral("keyring")));
    if (const QString why = m_keyring->start(); !why.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no private keyring: ") + why));
    const QString service = QStringLiteral("labdeck-test-ssh");
    secrets::SecretStore store(service);
    // The keyring answers on the bus a moment after it starts: a probe is
    // written again each time the one before failed, until one is stored.
    bool wrote = false;
    bool pending = false;
    QString lastError;
    const bool probed = QTest::qWaitFor(
        [&] {
            if (!wrote && !pending) {
                pending = true;
                store.write(QStringLiteral("probe"), QStringLiteral("x"), this,
                            [&](bool ok, const QString &e) {
                                wrote = ok;
                                lastError = e;
                                pending = false;
                            });
            }
            return wrote;
        },
        20000);
    QTRY_VERIFY_WITH_TIMEOUT(!pending, 10000); // every write is answered
    if (!probed)
        QSKIP(qPrintable(QStringLiteral("the private gnome-keyring did not store a secret: ") +
                         lastError));

    SshOptions o = freshOptions(false);
    o.keychainService = service;
    const QString key = o.homeDir + QStringLiteral("/.ssh/id_ed25519");
    QString error;
    QVERIFY2(m_sshd->makeKey(key, QStringLiteral("kept secret"), true, &error), qPrintable(error));
    int asked = 0;
    {
        std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
        connect(t.get(), &SshTransport::passphraseQuestion, t.get(),
                [&](const PassphraseQuestion &q) {
                    ++asked;
                    t->answerPassphrase(q.id, QStringLiteral("kept secret"), false, true);
                });
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
        QCOMPARE(asked, 1);
        QString stored;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     store.read(QStringLiteral("ssh-key:") + key, this,
                                                [&](bool found, const QString &s, const QString &) {
                                                    if (found)
                                                        stored = s;
                                                });
                                     return stored == QLatin1String("kept secret");
                                 }()),
                                 10000);
    }
    // A new run (empty memory) takes it from the keychain without asking.
    {
        std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
        connect(t.get(), &SshTransport::passphraseQuestion, t.get(),
                [&](const PassphraseQuestion &q) {
                    ++asked;
                    t->answerPassphrase(q.id, QString(), true, false);
                });
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
        QCOMPARE(asked, 1);
    }
    // A stale keychain entry: the user is asked, as a retry.
    bool done = false;
    store.write(QStringLiteral("ssh-key:") + key, QStringLiteral("old"), this,
                [&](bool, const QString &) { done = true; });
    QTRY_VERIFY(done);
    {
        std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::ConnectOnce));
        QList<PassphraseQuestion> questions;
        connect(t.get(), &SshTransport::passphraseQuestion, t.get(),
                [&](const PassphraseQuestion &q) {
                    questions << q;
                    t->answerPassphrase(q.id, QStringLiteral("kept secret"), false, false);
                });
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.first().retry);
    }
}

void TestSshTransport::commandNotFound()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    const CommandResult r =
        runAndWait(t.get(), {QStringLiteral("labdeck-no-such-program"), QStringLiteral("--x")});
    QCOMPARE(r.exitStatus, 127);
    QVERIFY(!r.succeeded());
    QCOMPARE(r.failedStep, Step::Command);
    QVERIFY2(r.error.startsWith(QStringLiteral(
                 "pochama: command: labdeck-no-such-program was not found on pochama")),
             qPrintable(r.error));
    // A plain failing command is not an error of the transport.
    const CommandResult f =
        runAndWait(t.get(), {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")});
    QVERIFY(f.ran);
    QCOMPARE(f.exitStatus, 3);
    QVERIFY(f.error.isEmpty());
}

void TestSshTransport::hangingCommandTimesOut()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    QSignalSpy states(t.get(), &SshTransport::hostStateChanged);
    CommandResult r = runAndWait(t.get(), {QStringLiteral("sleep"), QStringLiteral("60")}, 1000);
    QCOMPARE(r.failedStep, Step::Timeout);
    QVERIFY2(
        r.error.startsWith(QStringLiteral("pochama: timeout: sleep 60 did not finish within 1 s")),
        qPrintable(r.error));
    r = runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("still here")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, QByteArray("still here\n"));
    int connecting = 0;
    for (const auto &s : states)
        connecting += s.at(1).value<ssh::HostState>() == ssh::HostState::Connecting;
    QCOMPARE(connecting, 1); // the same session served both
}

void TestSshTransport::cancelStopsCommand()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    QVERIFY(runAndWait(t.get(), {QStringLiteral("true")}).succeeded());
    CommandRequest req;
    req.host = QStringLiteral("pochama");
    req.argv = {QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo started; sleep 60")};
    req.timeoutMs = 0;
    req.streamOutput = true;
    remote::CommandJob *job = t->run(req);
    QSignalSpy out(job, &remote::CommandJob::output);
    QSignalSpy done(job, &remote::CommandJob::finished);
    QVERIFY(out.wait(10000));
    job->cancel();
    QVERIFY(done.wait(5000));
    const auto r = done.first().first().value<CommandResult>();
    QCOMPARE(r.failedStep, Step::Cancelled);
    QVERIFY(r.standardOutput.isEmpty()); // streamed output is handed out, not kept
    QVERIFY(runAndWait(t.get(), {QStringLiteral("true")}).succeeded());
}

void TestSshTransport::commandsRunSideBySide()
{
    // A followed log must not hold up the host's other commands: each
    // command has its own channel on the one session.
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    CommandRequest slow;
    slow.host = QStringLiteral("pochama");
    slow.argv = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 3; echo slow")};
    remote::CommandJob *slowJob = t->run(slow);
    QSignalSpy slowDone(slowJob, &remote::CommandJob::finished);
    const CommandResult quick =
        runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("quick")});
    QVERIFY2(quick.succeeded(), qPrintable(quick.error));
    QVERIFY(slowDone.isEmpty()); // still running
    QVERIFY(slowDone.wait(10000));
    const auto r = slowDone.first().first().value<CommandResult>();
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, QByteArray("slow\n"));
}

void TestSshTransport::stoppedCommandsDoNotExhaustSessions()
{
    // More stopped commands than sshd's MaxSessions (10): where their
    // processes outlive the channel (sshd refuses signals for root), each
    // keeps a session slot of that connection. Commands must keep working.
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    for (int i = 0; i < 12; ++i) {
        const CommandResult r =
            runAndWait(t.get(), {QStringLiteral("sleep"), QStringLiteral("20")}, 200);
        QCOMPARE(r.failedStep, Step::Timeout);
    }
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("echo"), QStringLiteral("free")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, QByteArray("free\n"));
}

void TestSshTransport::argumentsArriveIntact()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    const QString marker = m_tmp.filePath(QStringLiteral("meta-marker"));
    const QStringList nasty{
        QStringLiteral("web; touch %1").arg(marker),
        QStringLiteral("$(touch %1) `touch %1` ${HOME}").arg(marker),
        QStringLiteral("it's \"quoted\" \\ back"),
        QStringLiteral("* ? [a] | && > /dev/null"),
        QStringLiteral("line\nbreak\ttab"),
        QStringLiteral("ユニコード"),
        QString(),
    };
    QStringList argv{QStringLiteral("printf"), QStringLiteral("<%s>\\n")};
    argv += nasty;
    const CommandResult r = runAndWait(t.get(), argv);
    QVERIFY2(r.succeeded(), qPrintable(r.error + QString::fromUtf8(r.standardError)));
    QString expected;
    for (const QString &a : nasty)
        expected += QLatin1Char('<') + a + QStringLiteral(">\n");
    QCOMPARE(QString::fromUtf8(r.standardOutput), expected);
    QVERIFY(!QFile::exists(marker));
}

void TestSshTransport::standInsPrintFixtures()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    CommandResult r = runAndWait(t.get(), {QStringLiteral("docker"), QStringLiteral("compose"),
                                           QStringLiteral("ps"), QStringLiteral("--format"),
                                           QStringLiteral("json")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, fixture(QStringLiteral("ssh/ps-v2.21-ndjson.doc.jsonl")));
    r = runAndWait(
        t.get(), {QStringLiteral("tailscale"), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, fixture(QStringLiteral("ssh/status-trimmed.real.json")));
    r = runAndWait(t.get(), {QStringLiteral("nvidia-smi"), QStringLiteral("--query-gpu=name"),
                             QStringLiteral("--format=csv,noheader")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, fixture(QStringLiteral("ssh/busy-query-gpu-noheader.csv")));
    r = runAndWait(t.get(), {QStringLiteral("docker"), QStringLiteral("compose"),
                             QStringLiteral("restart"), QStringLiteral("x")});
    QVERIFY(r.ran);
    QCOMPARE(r.exitStatus, 1);
    QVERIFY(r.standardError.contains("unsupported"));
}

void TestSshTransport::streamsOutput()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    CommandRequest req;
    req.host = QStringLiteral("pochama");
    req.argv = {QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("for i in 1 2 3; do echo line $i; sleep 0.2; done; echo err >&2")};
    req.streamOutput = true;
    remote::CommandJob *job = t->run(req);
    QByteArray streamed;
    int chunks = 0;
    connect(job, &remote::CommandJob::output, this, [&](const QByteArray &c) {
        streamed += c;
        ++chunks;
    });
    QSignalSpy done(job, &remote::CommandJob::finished);
    QVERIFY(done.wait(15000));
    const auto r = done.first().first().value<CommandResult>();
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(streamed, QByteArray("line 1\nline 2\nline 3\n"));
    QVERIFY(r.standardOutput.isEmpty()); // streamed output is handed out, not kept
    QCOMPARE(r.standardError, QByteArray("err\n"));
    QVERIFY(chunks >= 2); // it arrived as it was printed, not at the end
}

void TestSshTransport::outputHasCaps()
{
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    // Kept output: a command printing more than its cap is stopped and fails.
    CommandRequest big;
    big.host = QStringLiteral("pochama");
    big.argv = {QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("head -c 3000000 /dev/zero; sleep 30")};
    big.outputCap = 1024 * 1024;
    remote::CommandJob *job = t->run(big);
    QSignalSpy done(job, &remote::CommandJob::finished);
    QVERIFY(done.wait(15000)); // well before the sleep ends
    auto r = done.first().first().value<CommandResult>();
    QVERIFY(!r.ran);
    QCOMPARE(r.failedStep, Step::Command);
    QVERIFY2(r.error.contains(QStringLiteral("printed more than 1 MiB")), qPrintable(r.error));
    QVERIFY(r.standardOutput.isEmpty());

    // Standard error keeps its first MiB and says the rest was dropped.
    const CommandResult noisy = runAndWait(
        t.get(), {QStringLiteral("sh"), QStringLiteral("-c"),
                  QStringLiteral("head -c 3000000 /dev/zero | tr '\\0' e >&2; echo done")});
    QVERIFY2(noisy.succeeded(), qPrintable(noisy.error));
    QCOMPARE(noisy.standardOutput, QByteArray("done\n"));
    QVERIFY(noisy.standardError.size() < CommandRequest::kErrorCap + 100);
    QVERIFY(noisy.standardError.startsWith(QByteArray(1000, 'e')));
    QVERIFY(noisy.standardError.endsWith("[Labdeck: the rest was dropped]\n"));

    // Streamed output is handed out as it comes and not kept: 20 MiB pass
    // through whatever the cap.
    CommandRequest stream = big;
    stream.argv = {QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("20971520"),
                   QStringLiteral("/dev/zero")};
    stream.streamOutput = true;
    stream.timeoutMs = 60000;
    remote::CommandJob *streamJob = t->run(stream);
    qint64 received = 0;
    connect(streamJob, &remote::CommandJob::output, this,
            [&](const QByteArray &c) { received += c.size(); });
    QSignalSpy streamDone(streamJob, &remote::CommandJob::finished);
    QVERIFY(streamDone.wait(60000));
    r = streamDone.first().first().value<CommandResult>();
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(received, qint64(20971520));
    QVERIFY(r.standardOutput.isEmpty());
}

void TestSshTransport::configAliasResolves()
{
    SshOptions o = freshOptions(false);
    const QString key = o.homeDir + QStringLiteral("/keys/lab_key");
    QDir().mkpath(o.homeDir + QStringLiteral("/keys"));
    QVERIFY(QFile::copy(m_sshd->clientKey(), key));
    QFile(key).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QFile config(o.configFile);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("Host labbox\n"
                                "    HostName 127.0.0.1\n"
                                "    Port %1\n"
                                "    User %2\n"
                                "    IdentityFile ~/keys/lab_key\n"
                                "Host *\n"
                                "    User nobody-else\n")
                     .arg(m_sshd->port())
                     .arg(m_sshd->user())
                     .toUtf8());
    config.close();

    Inventory lab;
    Host h;
    h.name = QStringLiteral("pochama");
    h.kind = HostKind::ComposeHost;
    h.sources.sshAlias = QStringLiteral("labbox");
    lab.hosts << h;
    Host k;
    k.name = QStringLiteral("pikachu"); // no SSH at all
    lab.hosts << k;
    SshTransport t(o);
    t.setInventory(lab);
    QCOMPARE(t.hosts(), QStringList{QStringLiteral("pochama")});
    const auto target = t.target(QStringLiteral("pochama"));
    QVERIFY(target);
    QCOMPARE(target->hostName, QStringLiteral("127.0.0.1"));
    QCOMPARE(target->port, int(m_sshd->port()));
    QCOMPARE(target->user, m_sshd->user());
    QCOMPARE(target->identityFiles, QStringList{key});
    connect(&t, &SshTransport::hostKeyQuestion, &t,
            [&](const HostKeyQuestion &q) { t.answerHostKey(q.id, HostKeyAnswer::ConnectOnce); });
    const CommandResult r = runAndWait(&t, {QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("echo $LABDECK_TEST_SSHD")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(r.standardOutput, QByteArray("1\n"));
}

void TestSshTransport::hostWithoutSsh()
{
    SshTransport t(freshOptions());
    const CommandResult r =
        runAndWait(&t, {QStringLiteral("true")}, 1000, QStringLiteral("pikachu"));
    QCOMPARE(r.failedStep, Step::Connect);
    QVERIFY2(r.error.startsWith(QStringLiteral("pikachu: connect: ")), qPrintable(r.error));
}

void TestSshTransport::silentServerTimesOut()
{
    // Accepts TCP but never speaks SSH.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SshOptions o = freshOptions();
    o.connectTimeoutMs = 1000;
    SshTransport t(o);
    t.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
              silent.serverPort());
    const CommandResult r = runAndWait(&t, {QStringLiteral("true")});
    QCOMPARE(r.failedStep, Step::Timeout);
    QVERIFY2(r.error.startsWith(
                 QStringLiteral("pochama: connect: no SSH answer from 127.0.0.1 port %1 within 1 s")
                     .arg(silent.serverPort())),
             qPrintable(r.error));
    QCOMPARE(t.state(QStringLiteral("pochama")), ssh::HostState::Failed);

    // Cancelling while it connects ends the job at once.
    o.connectTimeoutMs = 30000;
    SshTransport t2(o);
    t2.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
               silent.serverPort());
    remote::CommandRequest req;
    req.host = QStringLiteral("pochama");
    req.argv = {QStringLiteral("true")};
    remote::CommandJob *job = t2.run(req);
    QSignalSpy done(job, &remote::CommandJob::finished);
    QSignalSpy states(&t2, &SshTransport::hostStateChanged);
    QVERIFY(states.wait(5000)); // connecting
    job->cancel();
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().first().value<CommandResult>().failedStep, Step::Cancelled);
}

void TestSshTransport::tunnelForwards()
{
    // An echo server on loopback stands in for Ollama on the far side.
    QTcpServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    connect(&echo, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = echo.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll().toUpper()); });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    std::unique_ptr<SshTransport> t(makeTransport(freshOptions(), HostKeyAnswer::ConnectOnce));
    ssh::SshTunnel *tunnel =
        t->openTunnel(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), echo.serverPort());
    QVERIFY(tunnel->isListening());
    QCOMPARE(tunnel->localUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:%1").arg(tunnel->localPort())));
    for (int round = 0; round < 2; ++round) {
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, tunnel->localPort());
        QVERIFY(client.waitForConnected(5000));
        QByteArray payload = "ping " + QByteArray::number(round);
        payload += QByteArray(200000, 'x'); // more than one channel window
        client.write(payload);
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += client.readAll()).size() >= payload.size(), 15000);
        QCOMPARE(got, payload.toUpper());
        client.disconnectFromHost();
    }
    // HTTP through the tunnel, as Labdeck's Ollama client would use it.
    const QByteArray version = fixture(QStringLiteral("ssh/api-version.doc.json"));
    QVERIFY(!version.isEmpty());
    QTcpServer http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    QByteArray requestLine;
    connect(&http, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = http.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s, &requestLine, version] {
                const QByteArray in = s->readAll();
                if (requestLine.isEmpty())
                    requestLine = in.left(in.indexOf("\r\n"));
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                         QByteArray::number(version.size()) + "\r\nConnection: close\r\n\r\n" +
                         version);
                s->disconnectFromHost();
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    ssh::SshTunnel *ollama =
        t->openTunnel(QStringLiteral("pochama"), QStringLiteral("localhost"), http.serverPort());
    QNetworkAccessManager nam;
    QUrl url = ollama->localUrl();
    url.setPath(QStringLiteral("/api/version"));
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy replied(reply, &QNetworkReply::finished);
    QVERIFY(replied.wait(15000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), version);
    QCOMPARE(requestLine, QByteArray("GET /api/version HTTP/1.1"));
    reply->deleteLater();

    // A target nobody listens on: the connection closes and the tunnel says why.
    ssh::SshTunnel *dead = t->openTunnel(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), 1);
    QSignalSpy failed(dead, &ssh::SshTunnel::failed);
    QTcpSocket c2;
    c2.connectToHost(QHostAddress::LocalHost, dead->localPort());
    QVERIFY(c2.waitForConnected(5000));
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().startsWith(QStringLiteral("pochama: ")),
             qPrintable(failed.first().first().toString()));
}

void TestSshTransport::sshdKilledDuringCommand()
{
    // Its own server, so killing it does not disturb the others.
    SshdHarness own(m_tmp.filePath(QStringLiteral("sshd-killed")));
    QString error;
    QVERIFY2(own.start(&error), qPrintable(error));
    SshOptions o = freshOptions(false);
    QFile::copy(own.clientKey(), o.homeDir + QStringLiteral("/.ssh/id_ed25519"));
    QFile(o.homeDir + QStringLiteral("/.ssh/id_ed25519"))
        .setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    SshTransport t(o);
    t.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), own.user(), own.port());
    int questions = 0;
    connect(&t, &SshTransport::hostKeyQuestion, &t, [&](const HostKeyQuestion &q) {
        ++questions;
        t.answerHostKey(q.id, HostKeyAnswer::ConnectOnce);
    });
    CommandRequest req;
    req.host = QStringLiteral("pochama");
    req.argv = {QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo running; sleep 60")};
    req.timeoutMs = 60000;
    req.streamOutput = true;
    remote::CommandJob *job = t.run(req);
    QSignalSpy out(job, &remote::CommandJob::output);
    QSignalSpy done(job, &remote::CommandJob::finished);
    QVERIFY(out.wait(10000));
    own.kill();
    QVERIFY(done.wait(10000));
    const auto r = done.first().first().value<CommandResult>();
    QVERIFY(!r.ran);
    QCOMPARE(r.failedStep, Step::Command);
    QVERIFY2(r.error.startsWith(
                 QStringLiteral("pochama: command: the connection to 127.0.0.1 was lost")),
             qPrintable(r.error));

    // Nothing listens: a clear connect error, quickly.
    CommandResult down = runAndWait(&t, {QStringLiteral("true")});
    QCOMPARE(down.failedStep, Step::Connect);
    QVERIFY2(down.error.startsWith(
                 QStringLiteral("pochama: connect: could not connect to 127.0.0.1 port %1")
                     .arg(own.port())),
             qPrintable(down.error));

    QVERIFY2(own.restart(&error), qPrintable(error));
    const CommandResult back = runAndWait(&t, {QStringLiteral("echo"), QStringLiteral("back")});
    QVERIFY2(back.succeeded(), qPrintable(back.error));
    QCOMPARE(back.standardOutput, QByteArray("back\n"));
    QCOMPARE(questions, 1); // the key accepted once still holds for this run
}

void TestSshTransport::cleanupTestCase()
{
    if (m_keyring) {
        // GLib's D-Bus connection (libsecret, inside QtKeychain) raises
        // SIGTERM when its bus goes away; the test is over, so ignore it.
        std::signal(SIGTERM, SIG_IGN);
        m_keyring.reset();
    }
}

QTEST_GUILESS_MAIN(TestSshTransport)
#include "tst_sshtransport.moc"
