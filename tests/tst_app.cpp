// The labdeck executable as a user runs it: version, no display, screenshots
// (offscreen and under a real X server), and the headless inventory command.

#include "support/fixtures.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using labdeck::test::fixturePath;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

class TestApp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

    QProcessEnvironment env(bool offscreen = true) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("DISPLAY"));
        e.remove(QStringLiteral("WAYLAND_DISPLAY"));
        e.remove(QStringLiteral("QT_QPA_PLATFORM"));
        if (offscreen)
            e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Never read or write the user's own settings or inventory.
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        // The history file (and anything else kept) goes here, not into the real data directory.
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_config.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        // Qt takes the UI language from LANGUAGE first; these tests read English.
        e.remove(QStringLiteral("LANGUAGE"));
        e.remove(QStringLiteral("LC_ALL"));
        e.remove(QStringLiteral("LC_MESSAGES"));
        return e;
    }

    Run run(const QStringList &args, const QProcessEnvironment &environment,
            const QString &program = QStringLiteral(LABDECK_BINARY)) const
    {
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // A rendered window has many colours; a blank or black one has one or two.
    static int distinctColours(const QImage &image)
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        return int(colours.size());
    }

private Q_SLOTS:
    void version()
    {
        const Run r = run({QStringLiteral("--version")}, env(false));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("labdeck " LABDECK_VERSION));
    }

    // As cron or a systemd timer runs them: no display, no XDG_RUNTIME_DIR.
    // stderr is mailed to the user, so the headless commands print nothing
    // there (Qt would warn about the runtime directory).
    void headlessCommandsKeepStderrQuiet_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0;
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0;
        QTest::newRow("inventory --validate")
            << QStringList{QStringLiteral("inventory"), QStringLiteral("--validate")} << 0;
        // The demo lab has critical findings on purpose: exit status 2.
        QTest::newRow("check --demo")
            << QStringList{QStringLiteral("check"), QStringLiteral("--demo")} << 2;
    }
    void headlessCommandsKeepStderrQuiet()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QProcessEnvironment e = env(false);
        e.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        const Run r = run(args, e);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(!r.out.isEmpty(), "it says something on stdout");
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void withoutDisplayItSaysWhatToDo()
    {
        const Run r = run({}, env(false));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no display")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("xvfb-run")));
        QVERIFY(r.err.contains(QStringLiteral("labdeck inventory --validate")));
    }

    void screenshotOffscreen()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        // No DISPLAY and no QT_QPA_PLATFORM: --screenshot picks offscreen itself.
        const Run r = run({QStringLiteral("--screenshot"), png}, env(false));
        QCOMPARE(r.exitCode, 0);
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY2(distinctColours(image) > 20, "the screenshot looks blank");

        const QString small = dir.filePath(QStringLiteral("small.png"));
        QCOMPARE(run({QStringLiteral("--screenshot"), small, QStringLiteral("--screenshot-size"),
                      QStringLiteral("1280x800"), QStringLiteral("--select"),
                      QStringLiteral("host:metamon")},
                     env())
                     .exitCode,
                 0);
        QCOMPARE(QImage(small).size(), QSize(1280, 800));

        const Run bad = run({QStringLiteral("--screenshot"), png,
                             QStringLiteral("--screenshot-size"), QStringLiteral("huge")},
                            env());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("WIDTHxHEIGHT")));
    }

    void screenshotUnderXvfb()
    {
        const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        if (xvfbRun.isEmpty())
            QSKIP("xvfb-run not found (Debian package xvfb); scripts/install-deps installs it");
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("xvfb.png"));
        const Run r = run({QStringLiteral("-a"), QStringLiteral("-s"),
                           QStringLiteral("-screen 0 1920x1200x24"), QStringLiteral(LABDECK_BINARY),
                           QStringLiteral("--screenshot"), png},
                          env(false), xvfbRun);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY2(distinctColours(image) > 20, "the screenshot looks blank");
    }

    void badInventoryIsReportedOnStderr()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("errors.png"));
        const QString bad = fixturePath(QStringLiteral("inventory/bad-http-url.yaml"));
        const Run r =
            run({QStringLiteral("--inventory"), bad, QStringLiteral("--screenshot"), png}, env());
        QCOMPARE(r.exitCode, 0); // the window still opens, with the errors shown
        QVERIFY2(r.err.contains(bad + QStringLiteral(":20:10: workloads[0].url: ")),
                 qPrintable(r.err));
        QVERIFY(QFile::exists(png));
    }

    void inventoryValidate()
    {
        const Run ok = run({QStringLiteral("inventory"), QStringLiteral("--validate")}, env(false));
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(
            ok.out.contains(QStringLiteral("built-in default lab: ok (hosts: 5, namespaces: 5, "
                                           "workloads: 10, compose services: 4, public URLs: 7)")),
            qPrintable(ok.out));

        const QString bad = fixturePath(QStringLiteral("inventory/bad-duplicate-host.yaml"));
        const Run r = run({QStringLiteral("inventory"), QStringLiteral("--validate"),
                           QStringLiteral("--inventory"), bad},
                          env(false));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":11:11: hosts[1].name: duplicate host name")),
                 qPrintable(r.err));

        const Run missing =
            run({QStringLiteral("inventory"), QStringLiteral("--validate"),
                 QStringLiteral("--inventory"), QStringLiteral("/nonexistent/lab.yaml")},
                env(false));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("/nonexistent/lab.yaml: no such file")));
    }

    void userInventoryReplacesTheDefault()
    {
        QTemporaryDir config;
        QVERIFY(QDir().mkpath(config.filePath(QStringLiteral("labdeck"))));
        QVERIFY(QFile::copy(fixturePath(QStringLiteral("inventory/good-minimal.yaml")),
                            config.filePath(QStringLiteral("labdeck/lab.yaml"))));
        QProcessEnvironment e = env(false);
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        e.insert(QStringLiteral("XDG_DATA_HOME"), config.filePath(QStringLiteral("data")));
        const Run r = run({QStringLiteral("inventory"), QStringLiteral("--validate")}, e);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("(user inventory): ok (hosts: 1,")),
                 qPrintable(r.out));
    }

    void printDefaultIsTheBuiltInFile()
    {
        const Run r =
            run({QStringLiteral("inventory"), QStringLiteral("--print-default")}, env(false));
        QCOMPARE(r.exitCode, 0);
        QFile file(QStringLiteral(LABDECK_SOURCE_DIR "/resources/inventory/default-lab.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(r.out, QString::fromUtf8(file.readAll()));
    }
};

} // namespace

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
