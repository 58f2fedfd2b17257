// A link that dies silently, against a real sshd that is suspended
// (SIGSTOP): TCP stays open, nothing answers. The keepalive that expects an
// answer notices it within its bound, and quitting never waits on a worker
// stuck in a blocking libssh call.

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
using labdeck::test::SshdHarness;

class TestSshKeepalive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<SshdHarness> m_sshd;
    int m_homes = 0;

    SshOptions options()
    {
        SshOptions o = labdeck::test::sshOptionsInHome(
            m_tmp.filePath(QStringLiteral("home%1").arg(++m_homes)), *m_sshd);
        // Long enough that only the keepalive or the shutdown can explain a
        // quick end.
        o.connectTimeoutMs = 30000;
        return o;
    }

    std::unique_ptr<SshTransport> transport(const SshOptions &o)
    {
        auto t = std::make_unique<SshTransport>(o);
        t->setHost(QStringLiteral("pochama"), QStringLiteral("127.0.0.1"), m_sshd->user(),
                   m_sshd->port());
        SshTransport *raw = t.get();
        connect(raw, &SshTransport::hostKeyQuestion, raw, [raw](const HostKeyQuestion &q) {
            raw->answerHostKey(q.id, HostKeyAnswer::ConnectOnce);
        });
        return t;
    }

    static CommandResult run(SshTransport *t, const QStringList &argv, int timeoutMs = 20000)
    {
        return labdeck::test::runAndWait(t, QStringLiteral("pochama"), argv, timeoutMs, 60000);
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
    void cleanup()
    {
        if (m_sshd)
            m_sshd->suspend(false);
    }

    // A quiet command on a link that stops answering fails within twice the
    // keepalive interval instead of hanging until its own timeout.
    void silentLinkIsNoticed()
    {
        SshOptions o = options();
        o.keepaliveMs = 500;
        auto t = transport(o);
        const CommandResult warm = run(t.get(), {QStringLiteral("true")});
        QVERIFY2(warm.succeeded(), qPrintable(warm.error));

        CommandRequest quiet;
        quiet.host = QStringLiteral("pochama");
        quiet.argv = {QStringLiteral("sleep"), QStringLiteral("120")};
        quiet.timeoutMs = 0; // no timeout of its own: only the keepalive can end it
        remote::CommandJob *job = t->run(quiet);
        QSignalSpy done(job, &remote::CommandJob::finished);
        QVERIFY(!done.wait(1500)); // alive: the keepalives are answered, nothing ends it
        m_sshd->suspend(true);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(done.wait(15000));
        const auto r = done.first().first().value<CommandResult>();
        QCOMPARE(r.failedStep, Step::Command);
        QVERIFY2(r.error.contains(QStringLiteral("did not answer a keepalive within 1 s")),
                 qPrintable(r.error));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));

        // Once the host answers again, the next command reconnects.
        m_sshd->suspend(false);
        const CommandResult again = run(t.get(), {QStringLiteral("echo"), QStringLiteral("back")});
        QVERIFY2(again.succeeded(), qPrintable(again.error));
        QCOMPARE(again.standardOutput, QByteArray("back\n"));
    }

    // The worker is inside a blocking libssh call (opening a channel on a
    // session whose server stopped answering); destroying the transport
    // shuts its socket down instead of waiting out libssh's 30 s timeout.
    void quitDoesNotWaitOnABlockedWorker()
    {
        SshOptions o = options();
        o.keepaliveMs = 0; // nothing else notices the dead link
        auto t = transport(o);
        const CommandResult warm = run(t.get(), {QStringLiteral("true")});
        QVERIFY2(warm.succeeded(), qPrintable(warm.error));
        m_sshd->suspend(true);
        CommandRequest r;
        r.host = QStringLiteral("pochama");
        r.argv = {QStringLiteral("true")};
        remote::CommandJob *job = t->run(r);
        QSignalSpy done(job, &remote::CommandJob::finished);
        QVERIFY(!done.wait(1000)); // stuck: the server does not answer the channel request
        QElapsedTimer clock;
        clock.start();
        t.reset();
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void cleanupTestCase() { m_sshd.reset(); }
};

QTEST_GUILESS_MAIN(TestSshKeepalive)
#include "tst_sshkeepalive.moc"
