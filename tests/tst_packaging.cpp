// Checks the desktop integration files and the Debian package built from the
// configured build tree that CTest runs in: the validators accept the files,
// `cmake --install` lays out a working tree, CPack's .deb has the runtime
// dependencies that dpkg-shlibdeps derives from the real binary, the files
// every Debian package has (manual page, copyright, changelog), a manual page
// that man renders without a warning and names every option the binary's
// --help lists, and lintian finds no error or warning in it.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

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

// The options a --help text lists ("  --json  Print JSON", "  -h, --help").
QStringList helpOptions(const QString &help)
{
    QStringList options;
    static const QRegularExpression option(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z][a-z-]*)"),
                                           QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();)
        options << it.next().captured(1);
    return options;
}

// Why the .deb cannot be built here, or nothing.
QString missingPackageTools()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        return QStringLiteral("dpkg-deb is missing; install the Debian package dpkg");
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-shlibdeps")).isEmpty())
        return QStringLiteral("dpkg-shlibdeps is missing; install the Debian package dpkg-dev");
    return {};
}

// A file compressed as Debian wants it (gzip -9n): no file name and no time
// in the header, so the package's bytes do not depend on when it was built.
void verifyReproducibleGzip(const QString &path)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray header = file.read(10);
    QVERIFY2(header.size() == 10 && quint8(header.at(0)) == 0x1f && quint8(header.at(1)) == 0x8b,
             qPrintable(QStringLiteral("%1 is not gzip").arg(path)));
    constexpr char kNameFlag = 0x08;
    QVERIFY2((header.at(3) & kNameFlag) == 0,
             qPrintable(QStringLiteral("%1 stores a file name (use gzip -n)").arg(path)));
    QVERIFY2(header.mid(4, 4) == QByteArray(4, '\0'),
             qPrintable(QStringLiteral("%1 stores a time stamp (use gzip -n)").arg(path)));
    QCOMPARE(quint8(header.at(8)), quint8(2)); // XFL 2: compressed with -9
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
    void debianDocumentation();
    void manPageRenders();
    void manPageNamesEveryOption();
    void lintianClean();

private:
    void buildPackageOnce();
    void extractPackageOnce();

    std::unique_ptr<QTemporaryDir> m_packageDir;
    QString m_deb;
    QString m_extracted; // the package's files, as dpkg-deb -x lays them out
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

// Builds the .deb with CPack once for all the slots that look at it.
void TestPackaging::buildPackageOnce()
{
    if (!m_deb.isEmpty())
        return;
    auto output = std::make_unique<QTemporaryDir>();
    QVERIFY2(output->isValid(), qPrintable(output->errorString()));
    const QString cpack = QStringLiteral(LABDECK_CPACK_COMMAND);
    const QStringList arguments{
        QStringLiteral("-G"),       QStringLiteral("DEB"),
        QStringLiteral("--config"), m_buildDir + QStringLiteral("/CPackConfig.cmake"),
        QStringLiteral("-B"),       output->path()};
    const RunResult package = run(cpack, arguments, 90000);
    const QString packageReport = describe(cpack, arguments, package);
    QVERIFY2(package.finished && package.exitCode == 0, qPrintable(packageReport));
    const QStringList debs = QDir(output->path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QVERIFY2(debs.size() == 1, qPrintable(packageReport));
    // DEB-DEFAULT naming: labdeck_<version>_<architecture>.deb
    QVERIFY2(debs.constFirst().startsWith(QStringLiteral("labdeck_" LABDECK_VERSION "_")),
             qPrintable(debs.constFirst()));
    m_deb = QDir(output->path()).filePath(debs.constFirst());
    m_packageDir = std::move(output);
}

void TestPackaging::extractPackageOnce()
{
    buildPackageOnce();
    if (QTest::currentTestFailed() || !m_extracted.isEmpty())
        return;
    const QString dpkgDeb = QStandardPaths::findExecutable(QStringLiteral("dpkg-deb"));
    const QString root = m_packageDir->filePath(QStringLiteral("root"));
    const QStringList arguments{QStringLiteral("-x"), m_deb, root};
    const RunResult extract = run(dpkgDeb, arguments, 60000);
    QVERIFY2(extract.finished && extract.exitCode == 0,
             qPrintable(describe(dpkgDeb, arguments, extract)));
    m_extracted = root;
}

void TestPackaging::debianPackage()
{
    if (const QString missing = missingPackageTools(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    buildPackageOnce();
    if (QTest::currentTestFailed())
        return;
    const QString dpkgDeb = QStandardPaths::findExecutable(QStringLiteral("dpkg-deb"));
    const QString deb = m_deb;

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
    // What every Debian package has: a manual page for each program, the
    // copyright and, for a native package, changelog.gz; all plain files.
    const QStringList documents{
        QStringLiteral("./usr/share/man/man1/labdeck.1.gz"),
        QStringLiteral("./usr/share/doc/labdeck/copyright"),
        QStringLiteral("./usr/share/doc/labdeck/changelog.gz"),
    };
    for (const QString &document : documents)
        QVERIFY2(modes.value(document) == QStringLiteral("-rw-r--r--"),
                 qPrintable(QStringLiteral("%1 missing or not mode 0644 in\n%2")
                                .arg(document, contents.output)));
}

void TestPackaging::debianDocumentation()
{
    if (const QString missing = missingPackageTools(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    extractPackageOnce();
    if (QTest::currentTestFailed())
        return;
    const QDir root(m_extracted);
    const QString manPage = root.filePath(QStringLiteral("usr/share/man/man1/labdeck.1.gz"));
    const QString changelog = root.filePath(QStringLiteral("usr/share/doc/labdeck/changelog.gz"));
    verifyReproducibleGzip(manPage);
    if (QTest::currentTestFailed())
        return;
    verifyReproducibleGzip(changelog);
    if (QTest::currentTestFailed())
        return;

    // The newest changelog entry is this version, of this package.
    const QString gzip = QStandardPaths::findExecutable(QStringLiteral("gzip"));
    QVERIFY2(!gzip.isEmpty(), "gzip is missing");
    const QStringList arguments{QStringLiteral("-dc"), changelog};
    const RunResult text = run(gzip, arguments, 30000);
    QVERIFY2(text.finished && text.exitCode == 0, qPrintable(describe(gzip, arguments, text)));
    const QString firstLine = text.output.section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(firstLine.startsWith(QStringLiteral("labdeck (" LABDECK_VERSION ") ")),
             qPrintable(firstLine));
    // Its trailer line: " -- Name <address>  Day, dd Mon yyyy hh:mm:ss +zzzz"
    static const QRegularExpression trailer(
        QStringLiteral("^ -- [^<]+ <[^>]+@[^>]+>  \\w{3}, \\d{2} \\w{3} \\d{4} "
                       "\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}$"),
        QRegularExpression::MultilineOption);
    QVERIFY2(trailer.match(text.output).hasMatch(), qPrintable(text.output));

    // A machine-readable (DEP-5) copyright file: the format line, and a
    // License paragraph for every license a Files paragraph names.
    QFile copyright(root.filePath(QStringLiteral("usr/share/doc/labdeck/copyright")));
    QVERIFY2(copyright.open(QIODevice::ReadOnly), qPrintable(copyright.fileName()));
    const QString dep5 = QString::fromUtf8(copyright.readAll());
    QVERIFY2(dep5.startsWith(QStringLiteral(
                 "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")),
             qPrintable(dep5.left(200)));
    const QStringList paragraphs = dep5.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    QStringList named;
    QStringList defined;
    for (const QString &paragraph : paragraphs) {
        const QString license = paragraph.section(QStringLiteral("License: "), 1)
                                    .section(QLatin1Char('\n'), 0, 0)
                                    .trimmed();
        if (paragraph.startsWith(QStringLiteral("Files: "))) {
            QVERIFY2(paragraph.contains(QStringLiteral("\nCopyright: ")), qPrintable(paragraph));
            QVERIFY2(!license.isEmpty(), qPrintable(paragraph));
            named << license;
        } else if (paragraph.startsWith(QStringLiteral("License: "))) {
            QVERIFY2(paragraph.count(QLatin1Char('\n')) >= 1, qPrintable(paragraph)); // has a text
            defined << license;
        }
    }
    QVERIFY2(!named.isEmpty(), qPrintable(dep5));
    for (const QString &license : std::as_const(named))
        QVERIFY2(defined.contains(license),
                 qPrintable(QStringLiteral("no License: %1 paragraph").arg(license)));
}

void TestPackaging::manPageRenders()
{
    if (const QString missing = missingPackageTools(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    const QString man = QStandardPaths::findExecutable(QStringLiteral("man"));
    if (man.isEmpty())
        QSKIP("man is missing; install the Debian package man-db");
    extractPackageOnce();
    if (QTest::currentTestFailed())
        return;
    // As lintian and Debian's man page checks run it: every groff warning
    // is printed on stderr.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("MANROFFSEQ"), QString());
    environment.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
    const QString page =
        QDir(m_extracted).filePath(QStringLiteral("usr/share/man/man1/labdeck.1.gz"));
    const QStringList arguments{QStringLiteral("--warnings"), QStringLiteral("-E"),
                                QStringLiteral("UTF-8"), QStringLiteral("-l"), page};
    const RunResult rendered = run(man, arguments, 30000, environment);
    const QString report = describe(man, arguments, rendered);
    QVERIFY2(rendered.finished && rendered.exitCode == 0, qPrintable(report));
    QVERIFY2(rendered.errors.isEmpty(), qPrintable(report));
    const QStringList sections{QStringLiteral("NAME"),        QStringLiteral("SYNOPSIS"),
                               QStringLiteral("DESCRIPTION"), QStringLiteral("OPTIONS"),
                               QStringLiteral("COMMANDS"),    QStringLiteral("EXIT STATUS"),
                               QStringLiteral("ENVIRONMENT"), QStringLiteral("FILES"),
                               QStringLiteral("EXAMPLES"),    QStringLiteral("SEE ALSO")};
    for (const QString &section : sections)
        QVERIFY2(rendered.output.contains(QLatin1Char('\n') + section + QLatin1Char('\n')),
                 qPrintable(QStringLiteral("no section %1 in\n%2").arg(section, rendered.output)));
    // The header carries the version that is packaged.
    QVERIFY2(rendered.output.contains(QStringLiteral("Labdeck " LABDECK_VERSION)),
             qPrintable(rendered.output.right(400)));
}

// Every option that `labdeck --help` and `labdeck <command> --help` list is
// described in the manual page, so the page cannot fall behind the binary.
void TestPackaging::manPageNamesEveryOption()
{
    const QString man = QStandardPaths::findExecutable(QStringLiteral("man"));
    if (man.isEmpty())
        QSKIP("man is missing; install the Debian package man-db");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("MANWIDTH"), QStringLiteral("200"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QTemporaryDir runtimeDir;
    QVERIFY2(runtimeDir.isValid(), qPrintable(runtimeDir.errorString()));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    // The page as configured into the build tree (what the package holds).
    const QString page = m_buildDir + QStringLiteral("/packaging/labdeck.1");
    const QStringList manArguments{QStringLiteral("-E"), QStringLiteral("UTF-8"),
                                   QStringLiteral("-l"), page};
    const RunResult rendered = run(man, manArguments, 30000, environment);
    QVERIFY2(rendered.finished && rendered.exitCode == 0,
             qPrintable(describe(man, manArguments, rendered)));
    // The page turns hyphenation off, and man writes plain text to a pipe,
    // so each option appears as typed.
    const QString text = rendered.output;

    const QString binary = m_buildDir + QStringLiteral("/app/labdeck");
    const QStringList commands{QString(), QStringLiteral("check"), QStringLiteral("inventory"),
                               QStringLiteral("demolab"), QStringLiteral("history")};
    for (const QString &command : commands) {
        QStringList arguments;
        if (!command.isEmpty()) {
            arguments << command;
            QVERIFY2(text.contains(QStringLiteral("labdeck ") + command),
                     qPrintable(QStringLiteral("the page has no \"labdeck %1\"").arg(command)));
        }
        arguments << QStringLiteral("--help");
        const RunResult help = run(binary, arguments, 30000, environment);
        const QString report = describe(binary, arguments, help);
        QVERIFY2(help.finished && help.exitCode == 0, qPrintable(report));
        const QStringList options = helpOptions(help.output);
        QVERIFY2(options.size() >= 3, qPrintable(report));
        for (const QString &option : options) {
            static const QRegularExpression word(QStringLiteral("(^|[^\\w-])%1($|[^\\w-])"));
            const QRegularExpression named(word.pattern().arg(QRegularExpression::escape(option)));
            QVERIFY2(named.match(text).hasMatch(),
                     qPrintable(QStringLiteral("labdeck %1 --help lists %2, the manual page does "
                                               "not name it")
                                    .arg(command, option)));
        }
    }
}

void TestPackaging::lintianClean()
{
    if (const QString missing = missingPackageTools(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    const QString lintian = QStandardPaths::findExecutable(QStringLiteral("lintian"));
    if (lintian.isEmpty())
        QSKIP("lintian is missing; install the Debian package lintian (scripts/install-deps "
              "does)");
    buildPackageOnce();
    if (QTest::currentTestFailed())
        return;
    // Errors and warnings fail; info, pedantic and experimental tags do not.
    // --no-cfg: a developer's ~/.lintianrc must not change the verdict.
    const QStringList arguments{QStringLiteral("--no-cfg"), QStringLiteral("--fail-on"),
                                QStringLiteral("error,warning"), QStringLiteral("--display-info"),
                                m_deb};
    const RunResult result = run(lintian, arguments, 120000);
    const QString report = describe(lintian, arguments, result);
    QVERIFY2(result.finished, qPrintable(report));
    const QStringList lines = result.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        QVERIFY2(!line.startsWith(QStringLiteral("E: ")) && !line.startsWith(QStringLiteral("W: ")),
                 qPrintable(report));
    QVERIFY2(result.exitCode == 0, qPrintable(report));
    if (!result.output.trimmed().isEmpty())
        qInfo().noquote() << result.output.trimmed();
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
