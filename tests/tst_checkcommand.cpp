// `labdeck check` as cron runs it: no display, a table or JSON with the
// documented schema, and exit codes that match the worst result.

#include "demolab/demopki.h"
#include "demolab/tlsendpoints.h"
#include "support/sshdharness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace labdeck;

namespace {

struct Ran
{
    int exitCode = -1;
    bool crashed = false; // killed by a signal (exitCode is then not an exit code)
    QByteArray out;
    QByteArray err;
};

// The exit code, with what the command printed when it is not the expected one.
#define QCOMPARE_EXIT(ran, expected)                                                               \
    QVERIFY2(!(ran).crashed && (ran).exitCode == (expected),                                       \
             qPrintable(QStringLiteral("exit code %1%5, expected %2\nstdout:\n%3\nstderr:\n%4")    \
                            .arg((ran).exitCode)                                                   \
                            .arg(expected)                                                         \
                            .arg(QString::fromUtf8((ran).out), QString::fromUtf8((ran).err),       \
                                 (ran).crashed ? QStringLiteral(" (crashed)") : QString())))

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT

    // Runs labdeck without a display while this process keeps serving its
    // test servers (the event loop runs while waiting).
    static Ran labdeck(const QStringList &args, const QString &path = QString(),
                       const QString &home = QString())
    {
        return labdeckCommand(QStringList{QStringLiteral("check")} + args, path, home);
    }

    // Any command line of the executable.
    static Ran labdeckCommand(const QStringList &args, const QString &path = QString(),
                              const QString &home = QString())
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!path.isEmpty())
            env.insert(QStringLiteral("PATH"), path);
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("HOME"),
                   home.isEmpty() ? QDir::tempPath() + QStringLiteral("/labdeck-checkcommand-home")
                                  : home);
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        env.remove(QStringLiteral("XDG_DATA_HOME"));
        env.remove(QStringLiteral("XDG_CONFIG_HOME"));
        env.insert(QStringLiteral("KUBECONFIG"), QStringLiteral("/nonexistent/kubeconfig"));
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QStringLiteral(LABDECK_BINARY), args);
        if (!finished.wait(60000)) {
            p.kill();
            return {};
        }
        return {p.exitCode(), p.exitStatus() == QProcess::CrashExit, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    static QJsonObject json(const Ran &r)
    {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
        return e.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
    }

    static QJsonObject resultFor(const QJsonObject &doc, const QString &category,
                                 const QString &target)
    {
        for (const QJsonValue &v : doc.value(QLatin1String("results")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("category")).toString() == category &&
                o.value(QLatin1String("target")).toString() == target)
                return o;
        }
        return {};
    }

private Q_SLOTS:
    void everyCommandNamesItselfAndAgreesOnWrongArguments()
    {
        // --help: the sub-command in the usage line, on stdout, exit 0.
        for (const QString &command :
             {QStringLiteral("check"), QStringLiteral("inventory"), QStringLiteral("demolab")}) {
            const Ran help = labdeckCommand({command, QStringLiteral("--help")});
            QCOMPARE_EXIT(help, 0);
            const QString first = QString::fromUtf8(help.out).section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(first.contains(QStringLiteral("labdeck %1 [options]").arg(command)),
                     qPrintable(first));
        }
        const Ran window = labdeckCommand({QStringLiteral("--help")});
        QCOMPARE_EXIT(window, 0);
        QVERIFY2(
            QString::fromUtf8(window.out).startsWith(QLatin1String("Usage: labdeck [options]")),
            window.out.constData());
        const Ran version = labdeckCommand({QStringLiteral("--version")});
        QCOMPARE_EXIT(version, 0);
        QVERIFY2(version.out.startsWith("labdeck "), version.out.constData());
        // An unknown option: said on stderr with the command, nothing on
        // stdout; 2 ("usage"), except check, where 2 means critical: 3.
        const QList<QPair<QStringList, int>> wrong = {
            {{QStringLiteral("check"), QStringLiteral("--bogus")}, 3},
            {{QStringLiteral("inventory"), QStringLiteral("--bogus")}, 2},
            {{QStringLiteral("demolab"), QStringLiteral("--bogus")}, 2},
            {{QStringLiteral("--screenshot"), QStringLiteral("/dev/null"),
              QStringLiteral("--bogus")},
             2},
        };
        for (const auto &[args, code] : wrong) {
            const Ran r = labdeckCommand(args);
            QCOMPARE_EXIT(r, code);
            QVERIFY2(r.out.isEmpty(), r.out.constData());
            const QString err = QString::fromUtf8(r.err);
            QVERIFY2(err.contains(QLatin1String("bogus")) && err.contains(QLatin1String("--help")),
                     qPrintable(err));
            if (args.first() != QLatin1String("--screenshot"))
                QVERIFY2(err.startsWith(QStringLiteral("labdeck %1: ").arg(args.first())),
                         qPrintable(err));
        }
    }

    void demoJsonHasTheSchemaAndTheExitCodeOfTheWorst()
    {
        const Ran r =
            labdeck({QStringLiteral("all"), QStringLiteral("--demo"), QStringLiteral("--json"),
                     QStringLiteral("--timeout"), QStringLiteral("5")});
        const QJsonObject doc = json(r);
        QVERIFY2(!doc.isEmpty(), r.out.left(400).constData());
        QCOMPARE(doc.value(QLatin1String("schemaVersion")).toInt(), 1);
        QCOMPARE(doc.value(QLatin1String("inventory")).toString(), QStringLiteral("demo"));
        QCOMPARE(doc.value(QLatin1String("categories")).toArray().size(), 7);
        const QJsonObject summary = doc.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("worst")).toString(), QStringLiteral("critical"));
        QCOMPARE(summary.value(QLatin1String("exitCode")).toInt(), 2);
        QCOMPARE_EXIT(r, 2);
        const QJsonArray results = doc.value(QLatin1String("results")).toArray();
        QCOMPARE(summary.value(QLatin1String("total")).toInt(), int(results.size()));
        const QStringList severities{QStringLiteral("ok"), QStringLiteral("warning"),
                                     QStringLiteral("critical"), QStringLiteral("unknown")};
        QSet<QString> categories;
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            for (const char *key : {"category", "target", "severity", "summary", "advice"})
                QVERIFY2(o.value(QLatin1String(key)).isString(), key);
            QVERIFY(o.value(QLatin1String("details")).isObject());
            QVERIFY(o.value(QLatin1String("durationMs")).isDouble());
            QVERIFY(severities.contains(o.value(QLatin1String("severity")).toString()));
            categories.insert(o.value(QLatin1String("category")).toString());
        }
        QCOMPARE(categories.size(), 7);

        // The demo's mix: one of each certificate kind.
        const QJsonObject grafana =
            resultFor(doc, QStringLiteral("certs"), QStringLiteral("https://grafana.example.com"));
        QCOMPARE(grafana.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(grafana.value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("daysLeft"))
                     .toInt(),
                 5);
        QCOMPARE(resultFor(doc, QStringLiteral("certs"), QStringLiteral("https://ha.example.com"))
                     .value(QLatin1String("severity"))
                     .toString(),
                 QStringLiteral("ok"));
        QCOMPARE(
            resultFor(doc, QStringLiteral("routes"), QStringLiteral("https://registry.example.com"))
                .value(QLatin1String("severity"))
                .toString(),
            QStringLiteral("warning"));
        QCOMPARE(resultFor(doc, QStringLiteral("tunnels"), QStringLiteral("tailnet"))
                     .value(QLatin1String("severity"))
                     .toString(),
                 QStringLiteral("ok"));
        QCOMPARE(resultFor(doc, QStringLiteral("prometheus"),
                           QStringLiteral("alert NodeMemoryHigh on metamon"))
                     .value(QLatin1String("severity"))
                     .toString(),
                 QStringLiteral("warning"));
        QCOMPARE(resultFor(doc, QStringLiteral("k8s"), QStringLiteral("node pikachu"))
                     .value(QLatin1String("severity"))
                     .toString(),
                 QStringLiteral("ok"));
    }

    void exitCodes()
    {
        // All well: the demo cluster is healthy.
        Ran r = labdeck({QStringLiteral("k8s"), QStringLiteral("--demo")});
        QCOMPARE_EXIT(r, 0);
        QVERIFY(r.out.contains("node pikachu"));
        // The demo's GPU and Ollama are well.
        r = labdeck({QStringLiteral("gpu"), QStringLiteral("--demo")});
        QCOMPARE_EXIT(r, 0);
        QVERIFY(r.out.contains("GPU 0 (NVIDIA GeForce RTX 3070 Ti) on gpu-server"));
        // Critical.
        r = labdeck({QStringLiteral("routes"), QStringLiteral("--demo"), QStringLiteral("--json")});
        QCOMPARE_EXIT(r, 2);
        QCOMPARE(json(r)
                     .value(QLatin1String("summary"))
                     .toObject()
                     .value(QLatin1String("exitCode"))
                     .toInt(),
                 2);
        // Without a kubeconfig the k8s check could not run.
        r = labdeck({QStringLiteral("k8s")});
        QCOMPARE_EXIT(r, 3);
        QVERIFY2(r.out.contains("could not run"), r.out.constData());
    }

    void aWarningWithOwnServerCaAndConnectTo()
    {
        // A server of this test with a certificate that has 15 days left,
        // trusted through --ca-file, reached through --connect-to.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        demolab::CertificateFactory pki(
            dir.path(), {demolab::CertSpec{QStringLiteral("web"), QStringLiteral("web.example.com"),
                                           demolab::CertKind::ExpiringSoon, 15}});
        QSignalSpy made(&pki, &demolab::CertificateFactory::finished);
        pki.start();
        QVERIFY(made.wait(60000));
        QVERIFY2(made.first().first().toBool(), qPrintable(pki.errorText()));
        demolab::TlsEndpoints servers;
        const quint16 port =
            servers.addHttps(pki.issued(QStringLiteral("web")), [](const QByteArray &) {
                return demolab::TlsEndpoints::Answer{200, "text/plain", "ok\n"};
            });
        QVERIFY(port);
        QFile ca(dir.filePath(QStringLiteral("root.pem")));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(pki.root().toPem());
        ca.close();
        const QString inventory =
            QStringLiteral(LABDECK_TEST_FIXTURES "/inventory/good-minimal.yaml");
        const QString connect = QStringLiteral("web.example.com:443:127.0.0.1:%1").arg(port);
        Ran r = labdeck({QStringLiteral("certs"), QStringLiteral("--inventory"), inventory,
                         QStringLiteral("--ca-file"), ca.fileName(), QStringLiteral("--connect-to"),
                         connect, QStringLiteral("--json")});
        QCOMPARE_EXIT(r, 1);
        const QJsonObject web =
            resultFor(json(r), QStringLiteral("certs"), QStringLiteral("https://web.example.com"));
        QCOMPARE(web.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(
            web.value(QLatin1String("details")).toObject().value(QLatin1String("daysLeft")).toInt(),
            15);
        // The same with a lower warning threshold is all well...
        r = labdeck({QStringLiteral("certs"), QStringLiteral("--inventory"), inventory,
                     QStringLiteral("--ca-file"), ca.fileName(), QStringLiteral("--connect-to"),
                     connect, QStringLiteral("--warn-days"), QStringLiteral("10")});
        QCOMPARE_EXIT(r, 0);
        QVERIFY(r.out.contains("valid for 15 days more"));
        // ...and without the CA it is critical: verification is never off.
        r = labdeck({QStringLiteral("certs"), QStringLiteral("--inventory"), inventory,
                     QStringLiteral("--connect-to"), connect});
        QCOMPARE_EXIT(r, 2);
    }

    void demoWithoutOpensslSaysWhy()
    {
        QTemporaryDir empty;
        const Ran r = labdeck({QStringLiteral("certs"), QStringLiteral("endpoints"),
                               QStringLiteral("--demo"), QStringLiteral("--json")},
                              empty.path());
        QCOMPARE_EXIT(r, 3);
        const QJsonObject doc = json(r);
        const QJsonArray results = doc.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        for (const QJsonValue &v : results) {
            QCOMPARE(v.toObject().value(QLatin1String("severity")).toString(),
                     QStringLiteral("unknown"));
            QVERIFY(v.toObject()
                        .value(QLatin1String("summary"))
                        .toString()
                        .contains(QLatin1String("openssl")));
        }
    }

    // Over a real sshd: a host key that differs from known_hosts is a
    // critical result (exit 2); an unknown one could not run (exit 3) and
    // its advice, run as given, makes the key known.
    void hostKeysOverSsh()
    {
        if (const QString why = test::SshdHarness::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::SshdHarness sshd(tmp.filePath(QStringLiteral("sshd")));
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        const QString inventory = tmp.filePath(QStringLiteral("lab.yaml"));
        {
            QFile f(inventory);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("version: 1\n"
                                   "sites:\n"
                                   "  - {id: oci, label: OCI VCN}\n"
                                   "hosts:\n"
                                   "  - name: pochama\n"
                                   "    site: oci\n"
                                   "    kind: compose-host\n"
                                   "    ssh: {host: 127.0.0.1, user: %1, port: %2}\n"
                                   "    sources: {tailscaleHost: pochama}\n"
                                   "  - name: bracky\n"
                                   "    site: oci\n"
                                   "    kind: k8s-worker\n"
                                   "    sources: {tailscaleHost: bracky}\n"
                                   "tailscale: {statusHost: pochama}\n")
                        .arg(sshd.user())
                        .arg(sshd.port())
                        .toUtf8());
        }
        const auto makeHome = [&](const QString &name) {
            const QString home = tmp.filePath(name);
            QDir().mkpath(home + QStringLiteral("/.ssh"));
            QFile::copy(sshd.clientKey(), home + QStringLiteral("/.ssh/id_ed25519"));
            QFile::copy(sshd.clientKey() + QStringLiteral(".pub"),
                        home + QStringLiteral("/.ssh/id_ed25519.pub"));
            QFile(home + QStringLiteral("/.ssh/id_ed25519"))
                .setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            return home;
        };
        const QStringList args{QStringLiteral("tunnels"), QStringLiteral("--inventory"), inventory,
                               QStringLiteral("--json")};

        // Changed: ~/.ssh/known_hosts records another key for the address.
        const QString changedHome = makeHome(QStringLiteral("changed"));
        const QString other = tmp.filePath(QStringLiteral("other_host_key"));
        QVERIFY2(sshd.makeKey(other, QString(), false, &error), qPrintable(error));
        {
            QFile pub(other + QStringLiteral(".pub"));
            QVERIFY(pub.open(QIODevice::ReadOnly));
            const QList<QByteArray> parts = pub.readAll().split(' ');
            QFile known(changedHome + QStringLiteral("/.ssh/known_hosts"));
            QVERIFY(known.open(QIODevice::WriteOnly));
            known.write(QStringLiteral("[127.0.0.1]:%1 ").arg(sshd.port()).toUtf8() + parts.at(0) +
                        ' ' + parts.at(1) + '\n');
        }
        Ran r = labdeck(args, QString(), changedHome);
        QCOMPARE_EXIT(r, 2);
        QJsonObject tailnet =
            resultFor(json(r), QStringLiteral("tunnels"), QStringLiteral("tailnet"));
        QCOMPARE(tailnet.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(tailnet.value(QLatin1String("summary")).toString(),
                 QStringLiteral("the host key of pochama changed \u2014 possible interception"));
        const QString advice = tailnet.value(QLatin1String("advice")).toString();
        QVERIFY2(advice.contains(test::SshdHarness::fingerprintOf(other + QStringLiteral(".pub"))),
                 qPrintable(advice));
        QVERIFY2(advice.contains(sshd.hostKeyFingerprint()), qPrintable(advice));
        QVERIFY2(
            advice.contains(QStringLiteral("ssh-keygen -R '[127.0.0.1]:%1' -f ").arg(sshd.port())),
            qPrintable(advice));
        QVERIFY2(advice.contains(QStringLiteral("Do not connect until you have checked the new key "
                                                "with the host's owner")),
                 qPrintable(advice));
        // The text table says it too.
        r = labdeck({QStringLiteral("tunnels"), QStringLiteral("--inventory"), inventory},
                    QString(), changedHome);
        QCOMPARE_EXIT(r, 2);
        QVERIFY2(r.out.contains("possible interception"), r.out.constData());

        // Revoked: ~/.ssh/known_hosts marks the host's own key @revoked.
        const QString revokedHome = makeHome(QStringLiteral("revoked"));
        {
            QFile pub(QDir(sshd.dir()).filePath(QStringLiteral("host_ed25519.pub")));
            QVERIFY(pub.open(QIODevice::ReadOnly));
            const QList<QByteArray> parts = pub.readAll().split(' ');
            QFile known(revokedHome + QStringLiteral("/.ssh/known_hosts"));
            QVERIFY(known.open(QIODevice::WriteOnly));
            known.write("# no longer trusted\n@revoked * " + parts.at(0) + ' ' + parts.at(1) +
                        '\n');
        }
        r = labdeck(args, QString(), revokedHome);
        QCOMPARE_EXIT(r, 2);
        tailnet = resultFor(json(r), QStringLiteral("tunnels"), QStringLiteral("tailnet"));
        QCOMPARE(tailnet.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(tailnet.value(QLatin1String("summary")).toString(),
                 QStringLiteral("the host key of pochama is revoked \u2014 do not connect"));
        QCOMPARE(tailnet.value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("hostKey"))
                     .toString(),
                 QStringLiteral("revoked"));
        const QString revokedAdvice = tailnet.value(QLatin1String("advice")).toString();
        QVERIFY2(revokedAdvice.contains(QStringLiteral("~/.ssh/known_hosts line 2 marks @revoked")),
                 qPrintable(revokedAdvice));
        QVERIFY2(revokedAdvice.contains(sshd.hostKeyFingerprint()), qPrintable(revokedAdvice));

        // Unknown: nobody can be asked; the advice says how to add the key.
        const QString freshHome = makeHome(QStringLiteral("fresh"));
        r = labdeck(args, QString(), freshHome);
        QCOMPARE_EXIT(r, 3);
        tailnet = resultFor(json(r), QStringLiteral("tunnels"), QStringLiteral("tailnet"));
        QCOMPARE(tailnet.value(QLatin1String("severity")).toString(), QStringLiteral("unknown"));
        const QString unknownAdvice = tailnet.value(QLatin1String("advice")).toString();
        const QString marker = QStringLiteral("add the key with: ");
        const qsizetype from = unknownAdvice.indexOf(marker);
        const qsizetype to = unknownAdvice.indexOf(QStringLiteral(" (or connect once"));
        QVERIFY2(from > 0 && to > from, qPrintable(unknownAdvice));
        const QString command = unknownAdvice.mid(from + marker.size(), to - from - marker.size());
        QVERIFY2(
            command.contains(
                QStringLiteral("ssh-keyscan -t ed25519 -p %1 127.0.0.1 >> ~/").arg(sshd.port())),
            qPrintable(command));
        QVERIFY2(command.endsWith(QStringLiteral("/known_hosts")), qPrintable(command));
        // Run as the user would (their shell, their home), then check again:
        // the key is known now and tailscale status runs.
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), freshHome);
        sh.setProcessEnvironment(env);
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 0);
        r = labdeck(args, QString(), freshHome);
        tailnet = resultFor(json(r), QStringLiteral("tunnels"), QStringLiteral("tailnet"));
        QCOMPARE(tailnet.value(QLatin1String("severity")).toString(), QStringLiteral("ok"));
        // The stand-in's capture has no peer called bracky.
        QCOMPARE_EXIT(r, 2);
    }

    void kubeconfigTlsWarningAndNoTokenOverHttp()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QString &cluster) {
            const QString path = dir.filePath(name);
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return QString();
            f.write(QStringLiteral(
                        "apiVersion: v1\nkind: Config\ncurrent-context: lab\n"
                        "clusters:\n- name: lab\n  cluster:\n%1"
                        "users:\n- name: me\n  user:\n    token: s3cr3t-token\n"
                        "contexts:\n- name: lab\n  context:\n    cluster: lab\n    user: me\n")
                        .arg(cluster)
                        .toUtf8());
            return path;
        };
        // insecure-skip-tls-verify: said on stderr, as the window's red label says it.
        const QString insecure = write(QStringLiteral("insecure"),
                                       QStringLiteral("    server: https://127.0.0.1:1\n"
                                                      "    insecure-skip-tls-verify: true\n"));
        Ran r = labdeck({QStringLiteral("k8s"), QStringLiteral("--kubeconfig"), insecure});
        QVERIFY2(r.err.contains("warning: context lab sets insecure-skip-tls-verify"),
                 r.err.constData());
        QVERIFY2(r.err.contains(insecure.toUtf8()), r.err.constData());

        // A plain http:// server gets nothing, and the report says why.
        QTcpServer api;
        QVERIFY(api.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&api, &QTcpServer::newConnection, &api, [&] {
            while (QTcpSocket *s = api.nextPendingConnection()) {
                ++connections;
                s->deleteLater();
            }
        });
        const QString plain =
            write(QStringLiteral("plain"),
                  QStringLiteral("    server: http://127.0.0.1:%1\n").arg(api.serverPort()));
        r = labdeck({QStringLiteral("k8s"), QStringLiteral("--kubeconfig"), plain});
        QCOMPARE_EXIT(r, 3);
        QVERIFY2(r.out.contains("plain http://"), r.out.constData());
        QVERIFY2(r.out.contains("certificate-authority-data"), r.out.constData());
        QVERIFY(!r.out.contains("s3cr3t-token") && !r.err.contains("s3cr3t-token"));
        QVERIFY2(!r.err.contains("insecure-skip-tls-verify"), r.err.constData());
        QCOMPARE(connections, 0);
    }

    void wrongArgumentsCouldNotRun()
    {
        Ran r = labdeck({QStringLiteral("nonsense")});
        QCOMPARE_EXIT(r, 3);
        QVERIFY(r.err.contains("no check called"));
        r = labdeck({QStringLiteral("--timeout"), QStringLiteral("soon")});
        QCOMPARE_EXIT(r, 3);
        r = labdeck({QStringLiteral("--resolve"), QStringLiteral("ha.example.com")});
        QCOMPARE_EXIT(r, 3);
        QVERIFY(r.err.contains("HOST:PORT:ADDRESS"));
        r = labdeck({QStringLiteral("--inventory"),
                     QStringLiteral(LABDECK_TEST_FIXTURES "/inventory/bad-syntax.yaml")});
        QCOMPARE_EXIT(r, 3);
        QVERIFY(r.err.contains("bad-syntax.yaml"));
        r = labdeck({QStringLiteral("--help")});
        QCOMPARE_EXIT(r, 0);
        QVERIFY(r.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
