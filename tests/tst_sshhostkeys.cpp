// OpenSSH's host-key rules in the SSH transport: @revoked and
// @cert-authority lines, the system known_hosts file, and the config's
// UserKnownHostsFile, GlobalKnownHostsFile, HostKeyAlias,
// StrictHostKeyChecking, HashKnownHosts and Include — against a real sshd
// (tests/support/sshdharness), plus the known_hosts reader on its own.

#include "ssh/sshtransport.h"
#include "ssh/sshworker_p.h"
#include "support/fixtures.h"
#include "support/sshdharness.h"
#include "support/sshtestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;
using labdeck::remote::CommandRequest;
using labdeck::remote::CommandResult;
using labdeck::remote::Step;
using labdeck::ssh::HostKeyAnswer;
using labdeck::ssh::HostKeyQuestion;
using labdeck::ssh::KnownEntry;
using labdeck::ssh::SshOptions;
using labdeck::ssh::SshTransport;
using labdeck::test::readFile;
using labdeck::test::SshdHarness;

namespace {

CommandResult runAndWait(SshTransport *t, const QStringList &argv)
{
    return labdeck::test::runAndWait(t, QStringLiteral("pochama"), argv);
}

void writeText(const QString &path, const QByteArray &text)
{
    QVERIFY2(labdeck::test::writeText(path, text), qPrintable(path));
}

QByteArray keyOf(const QString &pubFile)
{
    return labdeck::test::publicKeyOf(pubFile);
}

ssh_key importKey(const QByteArray &typeAndBase64)
{
    const QList<QByteArray> words = typeAndBase64.split(' ');
    ssh_key key = nullptr;
    if (ssh_pki_import_pubkey_base64(words.value(1).constData(),
                                     ssh_key_type_from_name(words.value(0).constData()),
                                     &key) != SSH_OK)
        return nullptr;
    return key;
}

} // namespace

class TestSshHostKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    // The reader alone.
    void markersParsed();
    void hashedNamesFound();
    // Against sshd.
    void revokedKeyRefused();
    void revokedKeyNeverAskedAbout();
    void certAuthorityRefused();
    void systemKnownHostsRead();
    void userKnownHostsFileReplaces();
    void knownHostsFilesNone();
    void hostKeyAliasLookedUpAndRemembered();
    void strictHostKeyCheckingYesRefuses();
    void otherStrictValuesStillAsk();
    void hashKnownHostsWritesHashedName();
    void includedSettingsApply();
    void cleanupTestCase();

private:
    // A fresh home with the authorized key as ~/.ssh/id_ed25519, and options
    // whose every known_hosts file is inside it.
    SshOptions freshOptions();
    // ~/.ssh/config with "Host labbox" reaching the harness, plus `extra` lines
    // in that block (and `before` above it).
    void writeConfig(const SshOptions &o, const QByteArray &extra, const QByteArray &before = {});
    // A transport with host pochama at `alias` answering every host-key
    // question with `answer`, recording the questions.
    SshTransport *makeTransport(const SshOptions &o, HostKeyAnswer answer,
                                QList<HostKeyQuestion> *questions,
                                const QString &alias = QStringLiteral("127.0.0.1"));
    void requireSshd();
    [[nodiscard]] QString address() const; // "[127.0.0.1]:port"
    [[nodiscard]] QByteArray serverKey() const;
    [[nodiscard]] QByteArray otherKey();

    QTemporaryDir m_tmp;
    std::unique_ptr<SshdHarness> m_sshd;
    QString m_unavailable;
    QByteArray m_otherKey;
    int m_homes = 0;
};

void TestSshHostKeys::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    m_unavailable = SshdHarness::unavailableReason();
    if (!m_unavailable.isEmpty())
        return; // the reader's cases run anyway
    m_sshd = std::make_unique<SshdHarness>(m_tmp.filePath(QStringLiteral("sshd")));
    QString error;
    QVERIFY2(m_sshd->start(&error), qPrintable(error));
}

void TestSshHostKeys::cleanupTestCase()
{
    m_sshd.reset();
}

void TestSshHostKeys::requireSshd()
{
    if (!m_sshd)
        QSKIP(qPrintable(m_unavailable));
}

QString TestSshHostKeys::address() const
{
    return QStringLiteral("[127.0.0.1]:%1").arg(m_sshd->port());
}

QByteArray TestSshHostKeys::serverKey() const
{
    return keyOf(QDir(m_sshd->dir()).filePath(QStringLiteral("host_ed25519.pub")));
}

QByteArray TestSshHostKeys::otherKey()
{
    if (m_otherKey.isEmpty()) {
        const QString other = m_tmp.filePath(QStringLiteral("other_key"));
        QString error;
        if (m_sshd->makeKey(other, QString(), false, &error))
            m_otherKey = keyOf(other + QStringLiteral(".pub"));
    }
    return m_otherKey;
}

SshOptions TestSshHostKeys::freshOptions()
{
    return labdeck::test::sshOptionsInHome(m_tmp.filePath(QStringLiteral("home%1").arg(++m_homes)),
                                           *m_sshd);
}

void TestSshHostKeys::writeConfig(const SshOptions &o, const QByteArray &extra,
                                  const QByteArray &before)
{
    writeText(o.configFile, before +
                                QStringLiteral("Host labbox\n"
                                               "  HostName 127.0.0.1\n"
                                               "  Port %1\n"
                                               "  User %2\n")
                                    .arg(m_sshd->port())
                                    .arg(m_sshd->user())
                                    .toUtf8() +
                                extra);
}

SshTransport *TestSshHostKeys::makeTransport(const SshOptions &o, HostKeyAnswer answer,
                                             QList<HostKeyQuestion> *questions,
                                             const QString &alias)
{
    auto *t = new SshTransport(o, this);
    t->setHost(QStringLiteral("pochama"), alias, m_sshd->user(), m_sshd->port());
    connect(t, &SshTransport::hostKeyQuestion, t, [t, answer, questions](const HostKeyQuestion &q) {
        questions->append(q);
        t->answerHostKey(q.id, answer);
    });
    return t;
}

void TestSshHostKeys::markersParsed()
{
    const QByteArray key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILzCD6ddPc65YGN3lthPASdcAQSzExy0"
                           "NVGe7q00TuSp";
    ssh_key offered = importKey(key);
    QVERIFY(offered);
    const QByteArray text = "# comment\n"
                            "@revoked pochama " +
                            key +
                            "\n"
                            "@cert-authority *.lab,pochama " +
                            key +
                            "\n"
                            "@unknown-marker pochama " +
                            key +
                            "\n"
                            "@revoked\n"
                            "pochama " +
                            key + "\n@revoked other " + key + "\n";
    const QList<KnownEntry> entries =
        ssh::parseKnownHosts(text, QStringLiteral("kh"), QStringLiteral("pochama"), offered);
    ssh_key_free(offered);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).line, 2);
    QCOMPARE(entries.at(0).marker, KnownEntry::Marker::Revoked);
    QVERIFY(entries.at(0).matches);
    QCOMPARE(entries.at(1).line, 3);
    QCOMPARE(entries.at(1).marker, KnownEntry::Marker::CertAuthority);
    QVERIFY(!entries.at(1).matches); // a CA key is not the host's key
    QCOMPARE(entries.at(2).line, 6);
    QCOMPARE(entries.at(2).marker, KnownEntry::Marker::None);
    QVERIFY(entries.at(2).matches);
}

void TestSshHostKeys::hashedNamesFound()
{
    const QByteArray key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILzCD6ddPc65YGN3lthPASdcAQSzExy0"
                           "NVGe7q00TuSp";
    const QList<QByteArray> words = key.split(' ');
    const QString name = QStringLiteral("[10.0.0.5]:2222");
    // The format, with a fixed salt: |1|salt|HMAC-SHA1(salt, name).
    const QByteArray salt(20, '\x07');
    const QByteArray line =
        ssh::hashedKnownHostsLine(name, QString::fromLatin1(words.at(0)), words.at(1), salt);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1);
    QCOMPARE(line, "|1|" + salt.toBase64() + '|' + mac.toBase64() + ' ' + key);
    // Random salts differ.
    const QByteArray a =
        ssh::hashedKnownHostsLine(name, QStringLiteral("ssh-ed25519"), words.at(1));
    const QByteArray b =
        ssh::hashedKnownHostsLine(name, QStringLiteral("ssh-ed25519"), words.at(1));
    QVERIFY(a != b);
    QCOMPARE(QByteArray::fromBase64(a.split('|').value(2)).size(), 20);

    ssh_key offered = importKey(key);
    QVERIFY(offered);
    const QList<KnownEntry> found =
        ssh::parseKnownHosts(a + '\n' + line + '\n', QStringLiteral("kh"), name, offered);
    const QList<KnownEntry> other = ssh::parseKnownHosts(
        a + '\n', QStringLiteral("kh"), QStringLiteral("[10.0.0.5]:2223"), offered);
    ssh_key_free(offered);
    QCOMPARE(found.size(), 2);
    QVERIFY(found.at(0).matches && found.at(1).matches);
    QVERIFY(other.isEmpty());
}

void TestSshHostKeys::revokedKeyRefused()
{
    requireSshd();
    const SshOptions o = freshOptions();
    // Labdeck's file accepts the key; the user's file revokes it.
    writeText(o.labdeckKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    writeText(o.userKnownHosts, "# keys we no longer trust\n"
                                "@revoked * " +
                                    serverKey() + '\n');
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::Remember, &questions));
    const QString marker = m_tmp.filePath(QStringLiteral("revoked-marker"));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("touch"), marker});
    QCOMPARE(questions.size(), 0);
    QCOMPARE(r.failedStep, Step::HostKey);
    QVERIFY(!r.ran);
    QVERIFY2(r.error.contains(QStringLiteral("REVOKED")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("~/.ssh/known_hosts line 2")), qPrintable(r.error));
    QVERIFY2(r.error.contains(m_sshd->hostKeyFingerprint()), qPrintable(r.error));
    QVERIFY(!QFile::exists(marker));

    // A revoked line for another key changes nothing.
    const SshOptions fine = freshOptions();
    writeText(fine.labdeckKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    writeText(fine.userKnownHosts, "@revoked * " + otherKey() + '\n');
    std::unique_ptr<SshTransport> t2(makeTransport(fine, HostKeyAnswer::Refuse, &questions));
    const CommandResult ok = runAndWait(t2.get(), {QStringLiteral("true")});
    QVERIFY2(ok.succeeded(), qPrintable(ok.error));
    QCOMPARE(questions.size(), 0);
}

void TestSshHostKeys::revokedKeyNeverAskedAbout()
{
    requireSshd();
    // Nothing accepts the key; the system file revokes it for this address:
    // refused like that, not asked about as unknown.
    const SshOptions o = freshOptions();
    writeText(o.globalKnownHosts, "\n\n@revoked " + address().toUtf8() + ' ' + serverKey() + '\n');
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::Remember, &questions));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QCOMPARE(questions.size(), 0);
    QCOMPARE(r.failedStep, Step::HostKey);
    QVERIFY2(r.error.contains(QStringLiteral("REVOKED in ~/etc/ssh_known_hosts line 3")),
             qPrintable(r.error));
    QVERIFY(!QFile::exists(o.labdeckKnownHosts));
}

void TestSshHostKeys::certAuthorityRefused()
{
    requireSshd();
    const SshOptions o = freshOptions();
    writeText(o.userKnownHosts,
              "@cert-authority " + address().toUtf8() + ",*.lab " + otherKey() + '\n');
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::Remember, &questions));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QCOMPARE(questions.size(), 0); // not asked about as if unknown
    QCOMPARE(r.failedStep, Step::HostKey);
    QCOMPARE(r.hostKey.kind, remote::HostKeyFailure::Unknown);
    QVERIFY2(r.error.contains(QStringLiteral("certificate authority (~/.ssh/known_hosts line 1)")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("cannot check SSH host certificates")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("ssh-keyscan -p %1 -t ssh-ed25519 127.0.0.1 >> %2")
                                  .arg(m_sshd->port())
                                  .arg(o.labdeckKnownHosts)),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(m_sshd->hostKeyFingerprint()), qPrintable(r.error));
    QVERIFY(!QFile::exists(o.labdeckKnownHosts));

    // With the host key itself recorded, the CA line does not stand in the way.
    writeText(o.labdeckKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    std::unique_ptr<SshTransport> t2(makeTransport(o, HostKeyAnswer::Refuse, &questions));
    const CommandResult ok = runAndWait(t2.get(), {QStringLiteral("true")});
    QVERIFY2(ok.succeeded(), qPrintable(ok.error));
    QCOMPARE(questions.size(), 0);
}

void TestSshHostKeys::systemKnownHostsRead()
{
    requireSshd();
    const SshOptions o = freshOptions();
    writeText(o.globalKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(makeTransport(o, HostKeyAnswer::Refuse, &questions));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(questions.size(), 0);

    // Another key there is a changed key, naming the system file.
    const SshOptions changed = freshOptions();
    writeText(changed.globalKnownHosts, address().toUtf8() + ' ' + otherKey() + '\n');
    std::unique_ptr<SshTransport> t2(makeTransport(changed, HostKeyAnswer::Remember, &questions));
    const CommandResult c = runAndWait(t2.get(), {QStringLiteral("true")});
    QCOMPARE(questions.size(), 0);
    QCOMPARE(c.hostKey.kind, remote::HostKeyFailure::Changed);
    QCOMPARE(c.hostKey.knownHostsFile, changed.globalKnownHosts);

    // GlobalKnownHostsFile in the config replaces the system file.
    const SshOptions cfg = freshOptions();
    writeText(cfg.globalKnownHosts, address().toUtf8() + ' ' + otherKey() + '\n');
    writeText(cfg.homeDir + QStringLiteral("/lab/global"),
              address().toUtf8() + ' ' + serverKey() + '\n');
    writeConfig(cfg, "  GlobalKnownHostsFile ~/lab/global\n");
    std::unique_ptr<SshTransport> t3(
        makeTransport(cfg, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
    const CommandResult g = runAndWait(t3.get(), {QStringLiteral("true")});
    QVERIFY2(g.succeeded(), qPrintable(g.error));
    QCOMPARE(questions.size(), 0);
}

void TestSshHostKeys::userKnownHostsFileReplaces()
{
    requireSshd();
    const SshOptions o = freshOptions();
    // ~/.ssh/known_hosts holds another key: read, it would refuse the host.
    writeText(o.userKnownHosts, address().toUtf8() + ' ' + otherKey() + '\n');
    writeText(o.homeDir + QStringLiteral("/kh/two"), address().toUtf8() + ' ' + serverKey() + '\n');
    writeConfig(o, "  UserKnownHostsFile ~/kh/one %d/kh/two\n");
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(
        makeTransport(o, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(questions.size(), 0);
    QVERIFY(!QFile::exists(o.homeDir + QStringLiteral("/kh/one"))); // read only
}

void TestSshHostKeys::knownHostsFilesNone()
{
    requireSshd();
    const SshOptions o = freshOptions();
    // The key is in the user's and the system's file, but the config says
    // neither is read: the key is unknown.
    writeText(o.userKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    writeText(o.globalKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    writeConfig(o, "  UserKnownHostsFile none\n  GlobalKnownHostsFile none\n");
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(
        makeTransport(o, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QCOMPARE(questions.size(), 1);
    QCOMPARE(r.failedStep, Step::HostKey);
}

void TestSshHostKeys::hostKeyAliasLookedUpAndRemembered()
{
    requireSshd();
    const SshOptions o = freshOptions();
    writeConfig(o, "  HostKeyAlias LabBox-Key\n");
    // Recorded under the address only: not the name looked up.
    writeText(o.userKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    QList<HostKeyQuestion> questions;
    {
        std::unique_ptr<SshTransport> t(
            makeTransport(o, HostKeyAnswer::Remember, &questions, QStringLiteral("labbox")));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
    }
    QCOMPARE(questions.size(), 1);
    QCOMPARE(questions.first().address, QStringLiteral("labbox-key"));
    const QByteArray line = readFile(o.labdeckKnownHosts);
    QVERIFY2(line.startsWith("labbox-key ssh-ed25519 "), line);
    // Found again under the alias.
    std::unique_ptr<SshTransport> t2(
        makeTransport(o, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
    const CommandResult r = runAndWait(t2.get(), {QStringLiteral("true")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(questions.size(), 1);

    // Another key under the alias is a changed key.
    const SshOptions changed = freshOptions();
    writeConfig(changed, "  HostKeyAlias labbox-key\n");
    writeText(changed.labdeckKnownHosts, "labbox-key " + otherKey() + '\n');
    std::unique_ptr<SshTransport> t3(
        makeTransport(changed, HostKeyAnswer::Remember, &questions, QStringLiteral("labbox")));
    const CommandResult c = runAndWait(t3.get(), {QStringLiteral("true")});
    QCOMPARE(c.hostKey.kind, remote::HostKeyFailure::Changed);
    QVERIFY2(c.error.contains(QStringLiteral("ssh-keygen -R labbox-key")), qPrintable(c.error));
    QCOMPARE(questions.size(), 1);
}

void TestSshHostKeys::strictHostKeyCheckingYesRefuses()
{
    requireSshd();
    const SshOptions o = freshOptions();
    writeConfig(o, "  StrictHostKeyChecking yes\n");
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(
        makeTransport(o, HostKeyAnswer::Remember, &questions, QStringLiteral("labbox")));
    const QString marker = m_tmp.filePath(QStringLiteral("strict-marker"));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("touch"), marker});
    QCOMPARE(questions.size(), 0);
    QCOMPARE(r.failedStep, Step::HostKey);
    QCOMPARE(r.hostKey.kind, remote::HostKeyFailure::Unknown);
    QVERIFY2(r.error.contains(QStringLiteral("StrictHostKeyChecking yes")), qPrintable(r.error));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(!QFile::exists(o.labdeckKnownHosts));

    // A known key still connects.
    writeText(o.labdeckKnownHosts, address().toUtf8() + ' ' + serverKey() + '\n');
    std::unique_ptr<SshTransport> t2(
        makeTransport(o, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
    const CommandResult ok = runAndWait(t2.get(), {QStringLiteral("true")});
    QVERIFY2(ok.succeeded(), qPrintable(ok.error));
    QCOMPARE(questions.size(), 0);
}

void TestSshHostKeys::otherStrictValuesStillAsk()
{
    requireSshd();
    // accept-new and no would make ssh accept the key unasked; Labdeck asks.
    for (const char *value : {"accept-new", "no", "ask"}) {
        const SshOptions o = freshOptions();
        writeConfig(o, QByteArray("  StrictHostKeyChecking ") + value + '\n');
        QList<HostKeyQuestion> questions;
        std::unique_ptr<SshTransport> t(
            makeTransport(o, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(questions.size() == 1, value);
        QCOMPARE(r.failedStep, Step::HostKey);
        QVERIFY(!QFile::exists(o.labdeckKnownHosts));
    }
}

void TestSshHostKeys::hashKnownHostsWritesHashedName()
{
    requireSshd();
    const SshOptions o = freshOptions();
    writeConfig(o, "  HashKnownHosts yes\n");
    QList<HostKeyQuestion> questions;
    {
        std::unique_ptr<SshTransport> t(
            makeTransport(o, HostKeyAnswer::Remember, &questions, QStringLiteral("labbox")));
        const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
        QVERIFY2(r.succeeded(), qPrintable(r.error));
    }
    QCOMPARE(questions.size(), 1);
    const QByteArray line = readFile(o.labdeckKnownHosts);
    QVERIFY2(line.startsWith("|1|"), line);
    QVERIFY2(!line.contains("127.0.0.1"), line);
    QVERIFY2(line.trimmed().endsWith(' ' + serverKey()), line);
    QCOMPARE(line.count('\n'), 1);

    // Labdeck finds it again...
    std::unique_ptr<SshTransport> t2(
        makeTransport(o, HostKeyAnswer::Refuse, &questions, QStringLiteral("labbox")));
    const CommandResult r = runAndWait(t2.get(), {QStringLiteral("true")});
    QVERIFY2(r.succeeded(), qPrintable(r.error));
    QCOMPARE(questions.size(), 1);
    // ...and so does OpenSSH.
    QByteArray out;
    QString error;
    QVERIFY2(labdeck::test::runTool(
                 QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-F"), address(), QStringLiteral("-f"), o.labdeckKnownHosts},
                 &error, &out),
             qPrintable(error));
    QVERIFY2(out.contains("found: line 1"), out);
    QVERIFY2(out.contains(line.trimmed()), out);
    // Another name is not found (ssh-keygen -F exits 1).
    QVERIFY(!labdeck::test::runTool(QStringLiteral("ssh-keygen"),
                                    {QStringLiteral("-F"), QStringLiteral("[127.0.0.1]:1"),
                                     QStringLiteral("-f"), o.labdeckKnownHosts},
                                    nullptr));
}

void TestSshHostKeys::includedSettingsApply()
{
    requireSshd();
    const SshOptions o = freshOptions();
    writeText(o.homeDir + QStringLiteral("/.ssh/conf.d/50-lab.conf"),
              "Host labbox\n  StrictHostKeyChecking yes\n  HostKeyAlias included-alias\n");
    // The Include comes first, so its values win over the block below.
    writeConfig(o, "  HostKeyAlias too-late\n", "Include conf.d/*.conf\n");
    QList<HostKeyQuestion> questions;
    std::unique_ptr<SshTransport> t(
        makeTransport(o, HostKeyAnswer::Remember, &questions, QStringLiteral("labbox")));
    const CommandResult r = runAndWait(t.get(), {QStringLiteral("true")});
    QCOMPARE(questions.size(), 0);
    QCOMPARE(r.failedStep, Step::HostKey);
    QVERIFY2(r.error.contains(QStringLiteral("included-alias")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("StrictHostKeyChecking yes")), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestSshHostKeys)
#include "tst_sshhostkeys.moc"
