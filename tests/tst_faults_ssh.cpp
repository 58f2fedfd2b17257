// sshd dies while a command runs: the real OpenSSH server of
// tests/support/sshdharness and every session process it started are
// SIGKILLed under a running `sleep 30`. The command ends soon after with
// ran=false and an error naming the host and the step, a command while sshd
// is down fails at connecting, and once sshd is back on the same port the
// next command reconnects by itself.

#include "ssh/sshtransport.h"
#include "support/sshdharness.h"
#include "support/sshtestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;
using namespace labdeck::ssh;
using labdeck::remote::CommandRequest;
using labdeck::remote::CommandResult;
using labdeck::remote::Step;
using labdeck::remote::StepText;
using labdeck::test::SshdHarness;

class TestFaultsSsh : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<SshdHarness> m_sshd;

    SshOptions options()
    {
        SshOptions o =
            labdeck::test::sshOptionsInHome(m_tmp.filePath(QStringLiteral("home")), *m_sshd);
        o.connectTimeoutMs = 5000;
        o.keepaliveMs = 1000;
        return o;
    }

    static CommandRequest request(const QStringList &argv, int timeoutMs)
    {
        CommandRequest r;
        r.host = QStringLiteral("pochama");
        r.argv = argv;
        r.timeoutMs = timeoutMs;
        return r;
    }

    static CommandResult run(SshTransport *t, const QStringList &argv)
    {
        return labdeck::test::runAndWait(t, QStringLiteral("pochama"), argv, 20000, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        if (const QString why = SshdHarness::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_sshd = std::make_unique<SshdHarness>(m_tmp.filePath(QStringLiteral("sshd")));
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }

    void sshdKilledDuringACommand()
    {
        SshTransport t(options());
        t.setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
                  m_sshd->port());
        connect(&t, &SshTransport::hostKeyQuestion, &t, [&t](const HostKeyQuestion &q) {
            t.answerHostKey(q.id, HostKeyAnswer::ConnectOnce);
        });
        const CommandResult warm = run(&t, {QStringLiteral("true")});
        QVERIFY2(warm.succeeded(), qPrintable(warm.error));

        // A command with a long timeout of its own: only the dead server can
        // explain a quick end.
        remote::CommandJob *job =
            t.run(request({QStringLiteral("sleep"), QStringLiteral("30")}, 60000));
        QSignalSpy done(job, &remote::CommandJob::finished);
        QVERIFY(!done.wait(1500)); // it runs
        QElapsedTimer clock;
        clock.start();
        m_sshd->kill();
        QVERIFY(done.wait(15000));
        const qint64 elapsed = clock.elapsed();
        const auto r = done.first().first().value<CommandResult>();
        QVERIFY(!r.ran);
        QCOMPARE(r.failedStep, Step::Command);
        QVERIFY2(
            r.error.startsWith(QStringLiteral("pochama: %1").arg(StepText::name(Step::Command))),
            qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("the connection to 127.0.0.1 was lost while "
                                                 "sleep 30 ran")),
                 qPrintable(r.error));
        qInfo("ended %lld ms after sshd was killed: %s", elapsed, qPrintable(r.error));
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));

        // While sshd is down, a command fails at connecting, within the
        // connect timeout, naming the host.
        clock.restart();
        const CommandResult down = run(&t, {QStringLiteral("true")});
        QVERIFY(!down.ran);
        QCOMPARE(down.failedStep, Step::Connect);
        QVERIFY2(
            down.error.startsWith(QStringLiteral("pochama: %1").arg(StepText::name(Step::Connect))),
            qPrintable(down.error));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));

        // sshd is back on the same port: the next command reconnects.
        QString error;
        QVERIFY2(m_sshd->restart(&error), qPrintable(error));
        const CommandResult again = run(&t, {QStringLiteral("echo"), QStringLiteral("back")});
        QVERIFY2(again.succeeded(), qPrintable(again.error));
        QCOMPARE(again.standardOutput, QByteArray("back\n"));
        QCOMPARE(t.state(QStringLiteral("pochama")), HostState::Connected);
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TestFaultsSsh)
#include "tst_faults_ssh.moc"
