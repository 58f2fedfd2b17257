// Checks the desktop integration files and the Debian package built from the
// configured build tree that CTest runs in: the validators accept the files,
// `cmake --install` lays out a working tree, and CPack's .deb has the runtime
// dependencies that dpkg-shlibdeps derives from the real binary.

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kAppId = QStringLiteral("io.github.labdeck.Labdeck");

struct RunResult
{
    bool finished = false;
    int exitCode = -1;
    QString output; // stdout
    QString errors; // stderr
};

// Runs a program to completion and returns its exit code and output.
RunResult run(const QString &program, const QStringList &arguments, int timeoutMs,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    RunResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        result.finished = process.exitStatus() == QProcess::NormalExit;
        result.exitCode = process.exitCode();
    }
    result.output = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.errors = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

QString describe(const QString &program, const QStringList &arguments, const RunResult &result)
{
    return QStringLiteral("%1 %2\n  finished: %3, exit code %4\n--- stdout\n%5--- stderr\n%6")
        .arg(program, arguments.join(QLatin1Char(' ')))
        .arg(result.finished ? QStringLiteral("yes") : QStringLiteral("no (crashed or timed out)"))
        .arg(result.exitCode)
        .arg(result.output, result.errors);
}

// Package names in a Depends field, each alternative on its own, without
// version constraints: "a (>= 1), b | c" gives a, b, c.
QStringList packageNames(const QString &depends)
{
    QStringList names;
    const QStringList groups = depends.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &group : groups) {
        const QStringList alternatives = group.split(QLatin1Char('|'), Qt::SkipEmptyParts);
        for (const QString &alternative : alternatives) {
            const QString name = alternative.trimmed()
                                     .section(QLatin1Char(' '), 0, 0)
                                     .section(QLatin1Char(':'), 0, 0);
            if (!name.isEmpty())
                names << name;
        }
    }
    return names;
}

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void desktopFileValidates();
    void metainfoValidates();
    void installLaysOutTree();
    void debianPackage();

private:
    QString m_sourceDir;
    QString m_buildDir;
    QString m_desktopFile;
    QString m_metainfoFile;
};

void TestPackaging::initTestCase()
{
    m_sourceDir = QStringLiteral(LABDECK_SOURCE_DIR);
    m_buildDir = QStringLiteral(LABDECK_BINARY_DIR);
    m_desktopFile =
        m_sourceDir + QStringLiteral("/packaging/") + kAppId + QStringLiteral(".desktop");
    m_metainfoFile =
        m_sourceDir + QStringLiteral("/packaging/") + kAppId + QStringLiteral(".metainfo.xml");
    QVERIFY2(QFileInfo::exists(m_desktopFile), qPrintable(m_desktopFile));
    QVERIFY2(QFileInfo::exists(m_metainfoFile), qPrintable(m_metainfoFile));
    QVERIFY2(QFileInfo::exists(m_buildDir + QStringLiteral("/cmake_install.cmake")),
             qPrintable(QStringLiteral("%1 is not a configured build tree").arg(m_buildDir)));
}

void TestPackaging::desktopFileValidates()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (tool.isEmpty())
        QSKIP("desktop-file-validate is missing; install the Debian package desktop-file-utils");
    const QStringList arguments{m_desktopFile};
    const RunResult result = run(tool, arguments, 30000);
    const QString report = describe(tool, arguments, result);
    QVERIFY2(result.finished, qPrintable(report));
    QVERIFY2(result.exitCode == 0, qPrintable(report));
    // It exits 0 on warnings too; hints are advice and only shown.
    const QString messages = result.output + result.errors;
    QVERIFY2(!messages.contains(QStringLiteral("error:")), qPrintable(report));
    QVERIFY2(!messages.contains(QStringLiteral("warning:")), qPrintable(report));
    if (!messages.trimmed().isEmpty())
        qInfo().noquote() << messages.trimmed();
}

void TestPackaging::metainfoValidates()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (tool.isEmpty())
        QSKIP("appstreamcli is missing; install the Debian package appstream");
    // --strict fails on warnings as well as errors; pedantic hints (such as
    // the upper-case letters of the reverse-DNS id) do not count.
    const QStringList arguments{QStringLiteral("validate"), QStringLiteral("--no-net"),
                                QStringLiteral("--strict"), QStringLiteral("--explain"),
                                m_metainfoFile};
    const RunResult result = run(tool, arguments, 30000);
    const QString report = describe(tool, arguments, result);
    QVERIFY2(result.finished, qPrintable(report));
    QVERIFY2(result.exitCode == 0, qPrintable(report));
}

void TestPackaging::installLaysOutTree()
{
    QTemporaryDir prefix;
    QVERIFY2(prefix.isValid(), qPrintable(prefix.errorString()));
    const QString cmake = QStringLiteral(LABDECK_CMAKE_COMMAND);
    const QStringList arguments{QStringLiteral("--install"), m_buildDir, QStringLiteral("--prefix"),
                                prefix.path()};
    const RunResult install = run(cmake, arguments, 60000);
    QVERIFY2(install.finished && install.exitCode == 0,
             qPrintable(describe(cmake, arguments, install)));

    const QDir root(prefix.path());
    const QString binary = root.filePath(QStringLiteral("bin/labdeck"));
    const QFileInfo binaryInfo(binary);
    QVERIFY2(binaryInfo.isFile(), qPrintable(binary));
    QVERIFY2(binaryInfo.isExecutable(), qPrintable(binary));
    const QStringList dataFiles{
        QStringLiteral("share/applications/") + kAppId + QStringLiteral(".desktop"),
        QStringLiteral("share/metainfo/") + kAppId + QStringLiteral(".metainfo.xml"),
        QStringLiteral("share/icons/hicolor/scalable/apps/") + kAppId + QStringLiteral(".svg"),
    };
    for (const QString &file : dataFiles)
        QVERIFY2(QFileInfo(root.filePath(file)).isFile(), qPrintable(root.filePath(file)));

    // The installed copy runs on its own (no build-tree RUNPATH needed).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // Outside a desktop session Qt warns about XDG_RUNTIME_DIR on stderr.
    QTemporaryDir runtimeDir;
    QVERIFY2(runtimeDir.isValid(), qPrintable(runtimeDir.errorString()));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    const QStringList versionArguments{QStringLiteral("--version")};
    const RunResult version = run(binary, versionArguments, 30000, environment);
    const QString report = describe(binary, versionArguments, version);
    QVERIFY2(version.finished && version.exitCode == 0, qPrintable(report));
    QCOMPARE(version.output.trimmed(), QStringLiteral("labdeck " LABDECK_VERSION));
}

void TestPackaging::debianPackage()
{
    const QString dpkgDeb = QStandardPaths::findExecutable(QStringLiteral("dpkg-deb"));
    if (dpkgDeb.isEmpty())
        QSKIP("dpkg-deb is missing; install the Debian package dpkg");
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-shlibdeps")).isEmpty())
        QSKIP("dpkg-shlibdeps is missing; install the Debian package dpkg-dev");

    QTemporaryDir output;
    QVERIFY2(output.isValid(), qPrintable(output.errorString()));
    const QString cpack = QStringLiteral(LABDECK_CPACK_COMMAND);
    const QStringList arguments{
        QStringLiteral("-G"),       QStringLiteral("DEB"),
        QStringLiteral("--config"), m_buildDir + QStringLiteral("/CPackConfig.cmake"),
        QStringLiteral("-B"),       output.path()};
    const RunResult package = run(cpack, arguments, 90000);
    const QString packageReport = describe(cpack, arguments, package);
    QVERIFY2(package.finished && package.exitCode == 0, qPrintable(packageReport));
    const QStringList debs = QDir(output.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QVERIFY2(debs.size() == 1, qPrintable(packageReport));
    const QString deb = QDir(output.path()).filePath(debs.constFirst());
    // DEB-DEFAULT naming: labdeck_<version>_<architecture>.deb
    QVERIFY2(debs.constFirst().startsWith(QStringLiteral("labdeck_" LABDECK_VERSION "_")),
             qPrintable(debs.constFirst()));

    const auto field = [&](const QString &name) {
        const QStringList fieldArguments{QStringLiteral("-f"), deb, name};
        const RunResult result = run(dpkgDeb, fieldArguments, 30000);
        if (!result.finished || result.exitCode != 0)
            qWarning().noquote() << describe(dpkgDeb, fieldArguments, result);
        return result.output.trimmed();
    };
    QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("labdeck"));
    QCOMPARE(field(QStringLiteral("Version")), QStringLiteral(LABDECK_VERSION));

    const QString depends = field(QStringLiteral("Depends"));
    qInfo().noquote() << "Depends:" << depends;
    const QStringList names = packageNames(depends);
    // The libraries come from dpkg-shlibdeps (they carry its minimum
    // versions); the platform plugins are listed by hand.
    const QStringList linked{QStringLiteral("libqt6core6"), QStringLiteral("libqt6gui6"),
                             QStringLiteral("libqt6widgets6"), QStringLiteral("libyaml-cpp0.7")};
    for (const QString &library : linked) {
        QVERIFY2(names.contains(library),
                 qPrintable(QStringLiteral("%1 missing from Depends: %2").arg(library, depends)));
        QVERIFY2(depends.contains(library + QStringLiteral(" (>= ")),
                 qPrintable(QStringLiteral("%1 has no version from dpkg-shlibdeps in Depends: %2")
                                .arg(library, depends)));
    }
    QVERIFY2(names.contains(QStringLiteral("qt6-qpa-plugins")), qPrintable(depends));
    for (const QString &name : names)
        QVERIFY2(
            !name.endsWith(QStringLiteral("-dev")),
            qPrintable(QStringLiteral("development package %1 in Depends: %2").arg(name, depends)));

    const QStringList contentsArguments{QStringLiteral("-c"), deb};
    const RunResult contents = run(dpkgDeb, contentsArguments, 30000);
    const QString contentsReport = describe(dpkgDeb, contentsArguments, contents);
    QVERIFY2(contents.finished && contents.exitCode == 0, qPrintable(contentsReport));
    // "-rwxr-xr-x root/root 123 2026-01-01 00:00 ./usr/bin/labdeck": path -> mode
    QHash<QString, QString> modes;
    const QStringList lines = contents.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        modes.insert(line.section(QLatin1Char(' '), -1), line.section(QLatin1Char(' '), 0, 0));
    QCOMPARE(modes.value(QStringLiteral("./usr/bin/labdeck")), QStringLiteral("-rwxr-xr-x"));
    const QString desktopPath =
        QStringLiteral("./usr/share/applications/") + kAppId + QStringLiteral(".desktop");
    QVERIFY2(modes.contains(desktopPath), qPrintable(contentsReport));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
