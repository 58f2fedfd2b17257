// The command line Labdeck sends over SSH is run by the user's login shell,
// whatever it is. Each argv element must arrive as itself in POSIX sh
// (dash), bash, zsh and fish: the line is run by each real shell here and
// the arguments it passes to printf are compared with what was meant.

#include "remote/commandtransport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace labdeck;

class TestRemoteCommand : public QObject
{
    Q_OBJECT

    static QStringList awkwardArguments()
    {
        return {QStringLiteral("plain"),
                QString(),
                QStringLiteral("two words"),
                QStringLiteral("it's"),
                QStringLiteral("'"),
                QStringLiteral("''"),
                QStringLiteral("\\"),
                QStringLiteral("back\\slash"),
                QStringLiteral("C:\\path\\"),
                QStringLiteral("\\'"),
                QStringLiteral("'\\''"),
                QStringLiteral("a\\\\'b"),
                QStringLiteral("$HOME"),
                QStringLiteral("${HOME}"),
                QStringLiteral("$(id)"),
                QStringLiteral("`id`"),
                QStringLiteral("(id)"),
                QStringLiteral("*"),
                QStringLiteral("glob?[a]"),
                QStringLiteral("~"),
                QStringLiteral("~root/x"),
                QStringLiteral("=ls"),
                QStringLiteral("%self"),
                QStringLiteral("{a,b}"),
                QStringLiteral("a;b"),
                QStringLiteral("a&&b|c"),
                QStringLiteral("<in >out 2>&1"),
                QStringLiteral("#not a comment"),
                QStringLiteral("!!"),
                QStringLiteral("^caret"),
                QStringLiteral("\"double\""),
                QStringLiteral("line one\nline two"),
                QStringLiteral("tab\there"),
                QStringLiteral("-n"),
                QStringLiteral("--"),
                QStringLiteral("a=b"),
                QStringLiteral("user@host:/srv/nfs/k8s"),
                QStringLiteral("日本語 ラベル"),
                QStringLiteral("trailing\\")};
    }

    // printf's format is itself one of the quoted words (it holds a \).
    static QStringList printfArgv(const QStringList &args)
    {
        return QStringList{QStringLiteral("printf"), QStringLiteral("[%s]\\n")} + args;
    }

    static QByteArray expected(const QStringList &args)
    {
        QByteArray out;
        for (const QString &a : args)
            out += '[' + a.toUtf8() + "]\n";
        return out;
    }

private slots:
    void eachShellSeesTheSameArguments_data()
    {
        QTest::addColumn<QString>("shell");
        for (const char *shell : {"sh", "dash", "bash", "zsh", "fish"})
            QTest::newRow(shell) << QString::fromLatin1(shell);
    }

    void eachShellSeesTheSameArguments()
    {
        QFETCH(QString, shell);
        const QString program = QStandardPaths::findExecutable(shell);
        // scripts/install-deps installs every one of these shells.
        QVERIFY2(!program.isEmpty(), qPrintable(shell + QStringLiteral(" is not installed")));
        const QStringList args = awkwardArguments();
        const QString line = remote::remoteCommandLine(printfArgv(args));

        QProcess p;
        p.setProgram(program);
        // As sshd runs a command: the login shell with -c and the whole line.
        p.setArguments({QStringLiteral("-c"), line});
        p.start();
        QVERIFY2(p.waitForFinished(20000), qPrintable(shell + QStringLiteral(" did not finish")));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(p.readAllStandardOutput(), expected(args));
    }

    void oneArgumentAtATime_data()
    {
        QTest::addColumn<QString>("argument");
        for (const QString &a : awkwardArguments())
            QTest::newRow(qPrintable(QString(a).replace(QLatin1Char('\n'), QLatin1Char('|')))) << a;
    }

    // Each word on its own in fish and zsh, the two that read quotes
    // differently from sh: a word that broke would not hide behind another.
    void oneArgumentAtATime()
    {
        QFETCH(QString, argument);
        for (const char *shell : {"zsh", "fish"}) {
            const QString program = QStandardPaths::findExecutable(QString::fromLatin1(shell));
            QVERIFY2(!program.isEmpty(), shell);
            QProcess p;
            p.start(program,
                    {QStringLiteral("-c"), remote::remoteCommandLine(printfArgv({argument}))});
            QVERIFY(p.waitForFinished(20000));
            QCOMPARE(p.readAllStandardOutput(), expected({argument}));
        }
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(remote::remoteCommandLine(
                     {QStringLiteral("docker"), QStringLiteral("compose"), QStringLiteral("-f"),
                      QStringLiteral("/srv/traefik/compose.yaml"), QStringLiteral("ps")}),
                 QStringLiteral("docker compose -f /srv/traefik/compose.yaml ps"));
        QCOMPARE(remote::remoteCommandLine({QStringLiteral("echo"), QStringLiteral("it's")}),
                 QStringLiteral("echo 'it'\\''s'"));
        QCOMPARE(remote::remoteCommandLine({QStringLiteral("=ls")}), QStringLiteral("'=ls'"));
        QCOMPARE(remote::remoteCommandLine({QString()}), QStringLiteral("''"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteCommand)
#include "tst_remotecommand.moc"
