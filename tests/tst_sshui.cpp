#include "ssh/hostkeydialog.h"
#include "ssh/passphrasedialog.h"
#include "ssh/sshprompts.h"
#include "ssh/sshtransport.h"
#include "support/sshdharness.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;
using labdeck::remote::CommandResult;
using labdeck::remote::Step;
using labdeck::test::SshdHarness;

// The dialogs on their own, and SshPrompts answering a real sshd's questions.
class TestSshUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostKeyDialogDefaultsToCancel();
    void passphraseDialog();
    void promptsAnswerTheTransport_data();
    void promptsAnswerTheTransport();
    void passphrasePromptUnlocksKey();

private:
    ssh::SshOptions options(const QString &key);
    QTemporaryDir m_tmp;
    std::unique_ptr<SshdHarness> m_sshd;
    int m_homes = 0;
};

void TestSshUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

ssh::SshOptions TestSshUi::options(const QString &key)
{
    const QString home = m_tmp.filePath(QStringLiteral("home%1").arg(++m_homes));
    QDir().mkpath(home + QStringLiteral("/.ssh"));
    if (!key.isEmpty()) {
        QFile::copy(key, home + QStringLiteral("/.ssh/id_ed25519"));
        QFile::copy(key + QStringLiteral(".pub"), home + QStringLiteral("/.ssh/id_ed25519.pub"));
        QFile(home + QStringLiteral("/.ssh/id_ed25519"))
            .setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    ssh::SshOptions o;
    o.homeDir = home;
    o.userKnownHosts = home + QStringLiteral("/.ssh/known_hosts");
    o.labdeckKnownHosts = home + QStringLiteral("/labdeck/known_hosts");
    o.localUser = m_sshd ? m_sshd->user() : QString();
    o.connectTimeoutMs = 5000;
    return o;
}

void TestSshUi::hostKeyDialogDefaultsToCancel()
{
    ssh::HostKeyQuestion q;
    q.id = 7;
    q.host = QStringLiteral("pochama");
    q.address = QStringLiteral("pochama.example");
    q.keyType = QStringLiteral("ssh-ed25519");
    q.fingerprint = QStringLiteral("SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
    HostKeyDialog d(q);
    QCOMPARE(d.onceButton()->text(), QStringLiteral("Connect once"));
    QCOMPARE(d.rememberButton()->text(), QStringLiteral("Remember and connect"));
    QVERIFY(d.cancelButton()->isDefault());
    QVERIFY(!d.onceButton()->isDefault());
    QVERIFY(!d.rememberButton()->isDefault());
    auto *fp = d.findChild<QLabel *>(QStringLiteral("fingerprint"));
    QVERIFY(fp);
    QCOMPARE(fp->text(), q.fingerprint);
    d.open();
    QTest::keyClick(&d, Qt::Key_Escape);
    QCOMPARE(d.result(), int(QDialog::Rejected));
    QCOMPARE(d.answer(), ssh::HostKeyAnswer::Refuse);
    d.open();
    d.rememberButton()->click();
    QCOMPARE(d.answer(), ssh::HostKeyAnswer::Remember);
    QCOMPARE(d.result(), int(QDialog::Accepted));
}

void TestSshUi::passphraseDialog()
{
    ssh::PassphraseQuestion q;
    q.host = QStringLiteral("gpu-server");
    q.keyFile = QStringLiteral("/nonexistent/id_ed25519");
    q.retry = true;
    PassphraseDialog d(q, false);
    QCOMPARE(d.field()->echoMode(), QLineEdit::Password);
    QVERIFY(!d.keepBox()->isEnabled()); // no keychain configured
    QVERIFY(d.findChild<QLabel *>(QStringLiteral("retry")));
    PassphraseDialog withKeychain(q, true);
    withKeychain.keepBox()->setChecked(true);
    withKeychain.field()->setText(QStringLiteral("s3cret"));
    QVERIFY(withKeychain.keep());
    QCOMPARE(withKeychain.passphrase(), QStringLiteral("s3cret"));
}

void TestSshUi::promptsAnswerTheTransport_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<bool>("remembered");
    QTest::newRow("connect once") << "once" << true << false;
    QTest::newRow("remember") << "remember" << true << true;
    QTest::newRow("cancel") << "cancel" << false << false;
}

void TestSshUi::promptsAnswerTheTransport()
{
    QFETCH(QString, button);
    QFETCH(bool, succeeds);
    QFETCH(bool, remembered);
    if (const QString why = SshdHarness::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    if (!m_sshd) {
        m_sshd = std::make_unique<SshdHarness>(m_tmp.filePath(QStringLiteral("sshd")));
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }
    const ssh::SshOptions o = options(m_sshd->clientKey());
    ssh::SshTransport t(o);
    t.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
              m_sshd->port());
    QMainWindow window;
    window.show();
    SshPrompts prompts(&t, &window);
    remote::CommandRequest req;
    req.host = QStringLiteral("pochama");
    req.argv = {QStringLiteral("echo"), QStringLiteral("via the dialog")};
    remote::CommandJob *job = t.run(req);
    QSignalSpy done(job, &remote::CommandJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(prompts.openDialogs().size(), 1, 10000);
    auto *dialog = qobject_cast<HostKeyDialog *>(prompts.openDialogs().first());
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->question().fingerprint, m_sshd->hostKeyFingerprint());
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("fingerprint"))->text(),
             m_sshd->hostKeyFingerprint());
    QVERIFY(done.isEmpty()); // waiting for the user, not blocked
    (button == QLatin1String("once")       ? dialog->onceButton()
     : button == QLatin1String("remember") ? dialog->rememberButton()
                                           : dialog->cancelButton())
        ->click();
    QVERIFY(done.wait(10000));
    const auto r = done.first().first().value<CommandResult>();
    QCOMPARE(r.succeeded(), succeeds);
    if (succeeds)
        QCOMPARE(r.standardOutput, QByteArray("via the dialog\n"));
    else
        QCOMPARE(r.failedStep, Step::HostKey);
    QCOMPARE(QFile::exists(o.labdeckKnownHosts), remembered);
    QVERIFY(prompts.openDialogs().isEmpty());
}

void TestSshUi::passphrasePromptUnlocksKey()
{
    if (!m_sshd)
        QSKIP("needs the sshd of promptsAnswerTheTransport");
    const QString key = m_tmp.filePath(QStringLiteral("locked_ed25519"));
    QString error;
    QVERIFY2(m_sshd->makeKey(key, QStringLiteral("open sesame"), true, &error), qPrintable(error));
    ssh::SshOptions o = options(key);
    o.keychainService.clear();
    ssh::SshTransport t(o);
    t.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
              m_sshd->port());
    connect(&t, &ssh::SshTransport::hostKeyQuestion, &t, [&](const ssh::HostKeyQuestion &q) {
        t.answerHostKey(q.id, ssh::HostKeyAnswer::ConnectOnce);
    });
    QMainWindow window;
    window.show();
    SshPrompts prompts(&t, &window);
    remote::CommandRequest req;
    req.host = QStringLiteral("pochama");
    req.argv = {QStringLiteral("true")};
    remote::CommandJob *job = t.run(req);
    QSignalSpy done(job, &remote::CommandJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(prompts.openDialogs().size(), 1, 10000);
    auto *dialog = qobject_cast<PassphraseDialog *>(prompts.openDialogs().first());
    QVERIFY(dialog);
    QVERIFY(!dialog->keepBox()->isEnabled());
    QTest::keyClicks(dialog->field(), QStringLiteral("open sesame"));
    dialog->unlockButton()->click();
    QVERIFY(done.wait(10000));
    const auto r = done.first().first().value<CommandResult>();
    QVERIFY2(r.succeeded(), qPrintable(r.error));
}

QTEST_MAIN(TestSshUi)
#include "tst_sshui.moc"
