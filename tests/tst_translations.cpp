// The Japanese translation: every tr() string of the sources has a finished
// translation that keeps its placeholders, markup and accelerator, and the
// labdeck executable and the main window really speak Japanese under a
// ja_JP locale.
//
// When completeness fails after a source change, refresh the .ts and translate
// what it lists:
//     cmake --build build --target labdeck_lupdate
//     linguist resources/translations/labdeck_ja.ts   (or edit the XML)

#include "hostmodel.h"
#include "inventory/inventorylocator.h"
#include "labselection.h"
#include "mainwindow.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRawFont>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace labdeck;

namespace {

// The folders the labdeck_lupdate target scans (app/CMakeLists.txt).
const QStringList kSourceFolders = {QStringLiteral("app"), QStringLiteral("ui"),
                                    QStringLiteral("models"), QStringLiteral("services")};

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one per numerus form, or the one translation
    QString location;         // first "file:line" lupdate recorded, for the report

    QString describe() const
    {
        QString text = QStringLiteral("[%1] \"%2\"").arg(context, source);
        if (!comment.isEmpty())
            text += QStringLiteral(" (comment: %1)").arg(comment);
        if (!location.isEmpty())
            text += QStringLiteral(" at %1").arg(location);
        return text;
    }
};

// Reads a Qt Linguist .ts file; returns an error text on malformed XML.
QString readTs(const QString &path, QList<Message> &messages)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
    QXmlStreamReader xml(&file);
    QString context;
    // With -locations relative, "filename" carries over and "line" is an
    // offset from the previous location in the same file.
    const QDir tsDir = QFileInfo(path).absoluteDir();
    const QDir sourceDir(QStringLiteral(LABDECK_SOURCE_DIR));
    QString currentFile;
    QHash<QString, int> lastLine;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) &&
                   !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("location")) {
                    const auto a = xml.attributes();
                    if (a.hasAttribute(QLatin1String("filename")))
                        currentFile = a.value(QLatin1String("filename")).toString();
                    const QString line = a.value(QLatin1String("line")).toString();
                    int &last = lastLine[currentFile];
                    last = line.startsWith(QLatin1Char('+')) || line.startsWith(QLatin1Char('-'))
                               ? last + line.toInt()
                               : line.toInt();
                    if (m.location.isEmpty()) {
                        m.location = QStringLiteral("%1:%2")
                                         .arg(sourceDir.relativeFilePath(
                                             tsDir.absoluteFilePath(currentFile)))
                                         .arg(last);
                    }
                } else if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    m.comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    QString text;
                    while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) &&
                           !xml.atEnd()) {
                        xml.readNext();
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement()) // numerusform, lengthvariant
                            m.translations << xml.readElementText();
                    }
                    if (m.translations.isEmpty())
                        m.translations << text;
                }
            }
            messages << m;
        }
    }
    if (xml.hasError())
        return QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return {};
}

// "%1", "%L2", "%n": what QString::arg() and tr(..., n) replace.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    found.removeDuplicates();
    found.sort();
    return found;
}

// Rich-text tags, e.g. {"b", "/b", "h3"}.
QStringList tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("<(/?[a-zA-Z][a-zA-Z0-9]*)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(1).toLower();
    found.sort();
    return found;
}

// Keyboard accelerators ("&File", "ファイル(&F)"), not "&&" nor "&amp;".
int accelerators(QString text)
{
    text.remove(QStringLiteral("&&"));
    static const QRegularExpression re(QStringLiteral("&(?![a-zA-Z]+;|#[0-9]+;)\\S"));
    int count = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

QString withoutSpace(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

bool hasJapanese(const QString &text)
{
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff) ||
            (u >= 0xff00 && u <= 0xffef))
            return true;
    }
    return false;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTranslator m_ja;
    QList<Message> m_committed;

    QString ja(const char *context, const char *source, int n = -1) const
    {
        return m_ja.translate(context, source, nullptr, n);
    }

    // The environment of a Japanese user: only LANG says the language.
    QProcessEnvironment japanese() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const QStringList keys = e.keys();
        for (const QString &key : keys) {
            if (key.startsWith(QLatin1String("LC_")))
                e.remove(key);
        }
        for (const char *key : {"LANGUAGE", "DISPLAY", "WAYLAND_DISPLAY"})
            e.remove(QString::fromLatin1(key));
        e.insert(QStringLiteral("LANG"), QStringLiteral("ja_JP.UTF-8"));
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Never read or write the user's own settings or inventory.
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_config.filePath(QStringLiteral("data")));
        return e;
    }

    static Run run(const QString &program, const QStringList &args,
                   const QProcessEnvironment &environment, const QString &workingDirectory = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment);
        if (!workingDirectory.isEmpty())
            p.setWorkingDirectory(workingDirectory);
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(90000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("%1 did not finish: %2").arg(program, p.errorString());
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    Run labdeck(const QStringList &args) const
    {
        return run(QStringLiteral(LABDECK_BINARY), args, japanese());
    }

    // A regular expression for a translated template: the given arguments
    // literally, any other %N as "something".
    static QRegularExpression pattern(const QString &translated,
                                      const QMap<QString, QString> &args = {})
    {
        static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2})"));
        QString regex;
        qsizetype last = 0;
        for (auto it = re.globalMatch(translated); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            regex += QRegularExpression::escape(translated.mid(last, m.capturedStart() - last));
            const QString arg = args.value(m.captured(1));
            regex += arg.isNull() ? QStringLiteral(".+?") : QRegularExpression::escape(arg);
            last = m.capturedEnd();
        }
        regex += QRegularExpression::escape(translated.mid(last));
        return QRegularExpression(regex);
    }

    // Texts that are the English source of a message whose Japanese differs.
    QSet<QString> englishOnlyTexts() const
    {
        QSet<QString> english;
        for (const Message &m : m_committed) {
            if (!m.translations.contains(m.source))
                english.insert(m.source);
        }
        return english;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QVERIFY2(m_ja.load(QStringLiteral(LABDECK_QM_FILE)),
                 "cannot load " LABDECK_QM_FILE "; build the labdeck target first");
        const QString error = readTs(QStringLiteral(LABDECK_TS_FILE), m_committed);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!m_committed.isEmpty());
    }

    // lupdate over the sources, into a copy of the committed file: a new or
    // changed tr() string shows up as unfinished, a removed one as vanished.
    void everySourceStringHasJapanese()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ts = dir.filePath(QStringLiteral("labdeck_ja.ts"));
        QVERIFY(QFile::copy(QStringLiteral(LABDECK_TS_FILE), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

        QStringList args{QStringLiteral("-recursive"), QStringLiteral("-locations"),
                         QStringLiteral("relative")};
        args << kSourceFolders << QStringLiteral("-ts") << ts;
        const Run r =
            run(QStringLiteral(LABDECK_LUPDATE), args, QProcessEnvironment::systemEnvironment(),
                QStringLiteral(LABDECK_SOURCE_DIR));
        QVERIFY2(
            r.exitCode == 0,
            qPrintable(
                QStringLiteral("lupdate failed (%1):\n%2%3").arg(r.exitCode).arg(r.out, r.err)));

        QList<Message> messages;
        const QString error = readTs(ts, messages);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());

        QStringList problems;
        for (const Message &m : std::as_const(messages)) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
                // Stale, not missing: the labdeck_lupdate target drops them.
                qInfo().noquote() << QStringLiteral("no longer in the sources (%1): %2")
                                         .arg(m.type, m.describe());
                continue;
            }
            const bool empty = std::all_of(m.translations.cbegin(), m.translations.cend(),
                                           [](const QString &t) { return t.trimmed().isEmpty(); });
            if (m.type == QLatin1String("unfinished"))
                problems << QStringLiteral("unfinished: %1").arg(m.describe());
            else if (empty)
                problems << QStringLiteral("empty translation: %1").arg(m.describe());
        }
        // One line each: Qt Test cuts long failure messages.
        for (const QString &p : std::as_const(problems))
            qWarning().noquote() << p;
        QVERIFY2(
            problems.isEmpty(),
            qPrintable(QStringLiteral("%1 message(s) of labdeck_ja.ts need work (listed above); "
                                      "run the labdeck_lupdate target and translate them")
                           .arg(problems.size())));
    }

    void translationsKeepPlaceholdersMarkupAndAccelerators()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_committed)) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                continue;
            QStringList expected = placeholders(m.source);
            for (const QString &t : m.translations) {
                if (t.isEmpty())
                    continue; // reported by everySourceStringHasJapanese
                QStringList got = placeholders(t);
                if (m.numerus && !m.source.contains(QLatin1String("%n"))) {
                    expected.removeAll(QStringLiteral("n"));
                    got.removeAll(QStringLiteral("n"));
                }
                if (got != expected) {
                    const auto list = [](const QStringList &names) {
                        return names.isEmpty()
                                   ? QStringLiteral("none")
                                   : QLatin1Char('%') + names.join(QStringLiteral(" %"));
                    };
                    problems << QStringLiteral("placeholders %1 instead of %2 in \"%3\": %4")
                                    .arg(list(got), list(expected), t, m.describe());
                }
                if (tags(t) != tags(m.source))
                    problems << QStringLiteral("markup differs in \"%1\": %2").arg(t, m.describe());
                if (accelerators(t) != accelerators(m.source))
                    problems << QStringLiteral("%1 accelerator(s) instead of %2 in \"%3\": %4")
                                    .arg(accelerators(t))
                                    .arg(accelerators(m.source))
                                    .arg(t, m.describe());
            }
            if (m.numerus && m.translations.size() != 1) // Japanese has one plural form
                problems << QStringLiteral("%1 numerus forms: %2")
                                .arg(m.translations.size())
                                .arg(m.describe());
        }
        for (const QString &p : std::as_const(problems))
            qWarning().noquote() << p;
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 translation(s) differ from their source "
                                           "(listed above)")
                                .arg(problems.size())));
    }

    void validateReportsInJapanese()
    {
        const Run ok = labdeck({QStringLiteral("inventory"), QStringLiteral("--validate")});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        const QString template_ =
            ja("labdeck::app", "%1: ok (hosts: %2, namespaces: %3, workloads: %4, "
                               "compose services: %5, public URLs: %6)");
        QVERIFY(hasJapanese(template_));
        const QString builtIn = ja("InventoryLocator", "built-in default lab");
        QVERIFY(hasJapanese(builtIn));
        const QRegularExpression whole(QRegularExpression::anchoredPattern(
            pattern(template_, {{QStringLiteral("1"), builtIn}}).pattern()));
        QVERIFY2(whole.match(ok.out.trimmed()).hasMatch(),
                 qPrintable(QStringLiteral("expected \"%1\", got \"%2\"").arg(template_, ok.out)));
        QVERIFY(ok.out.contains(QStringLiteral("ホスト")));
        QVERIFY2(!ok.out.contains(QLatin1String("hosts")), qPrintable(ok.out));

        // Errors too: the parser's messages and the summary line.
        const QString bad =
            QStringLiteral(LABDECK_TEST_FIXTURES "/inventory/bad-duplicate-host.yaml");
        const Run r = labdeck({QStringLiteral("inventory"), QStringLiteral("--validate"),
                               QStringLiteral("--inventory"), bad});
        QCOMPARE(r.exitCode, 1);
        const QString duplicate =
            ja("labdeck::InventoryParser", "duplicate host name \"%1\" (first defined on line %2)");
        QVERIFY(hasJapanese(duplicate));
        QVERIFY2(pattern(duplicate).match(r.err).hasMatch(), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("duplicate host name")), qPrintable(r.err));
        const QString where = ja("InventoryLocator", "%1 (from --inventory)").arg(bad);
        QVERIFY2(pattern(ja("labdeck::app", "%1: not loaded (errors: %2)"),
                         {{QStringLiteral("1"), where}})
                     .match(r.err)
                     .hasMatch(),
                 qPrintable(r.err));
    }

    // labdeck check's own messages (its results are checked elsewhere).
    void checkCommandSpeaksJapanese()
    {
        const Run r = labdeck({QStringLiteral("check"), QStringLiteral("--demo"),
                               QStringLiteral("--inventory"), QStringLiteral("lab.yaml")});
        QCOMPARE(r.exitCode, 3);
        const QString both =
            ja("labdeck::app", "labdeck check: give either --inventory or --demo, not both");
        QVERIFY(hasJapanese(both));
        QVERIFY2(r.err.contains(both), qPrintable(r.err));
    }

    void helpDescribesOptionsInJapanese()
    {
        const Run gui = labdeck({QStringLiteral("--help")});
        QVERIFY2(gui.exitCode == 0, qPrintable(gui.err));
        // QCommandLineParser wraps long descriptions; compare without spaces.
        const QString guiHelp = withoutSpace(gui.out);
        for (const char *source :
             {"Labdeck: a control panel for a small Kubernetes and Docker Compose homelab.",
              "Use FILE as the lab inventory instead of ~/.config/labdeck/lab.yaml.",
              "Render the main window to FILE (PNG) and exit; works without a display.",
              "Window size for --screenshot (default 1600x1000).",
              "Select ID at start, e.g. host:metamon or workload:apps/shlink."}) {
            const QString translated = ja("labdeck::app", source);
            QVERIFY2(hasJapanese(translated), source);
            QVERIFY2(guiHelp.contains(withoutSpace(translated)),
                     qPrintable(QStringLiteral("\"%1\" is not in:\n%2").arg(translated, gui.out)));
        }

        const Run inv = labdeck({QStringLiteral("inventory"), QStringLiteral("--help")});
        QVERIFY2(inv.exitCode == 0, qPrintable(inv.err));
        const QString invHelp = withoutSpace(inv.out);
        for (const char *source : {"Reads and checks the lab inventory without a window.",
                                   "Print the built-in lab inventory (YAML).",
                                   "Check the inventory Labdeck would use; exit 1 on errors.",
                                   "Use FILE as the inventory."}) {
            const QString translated = ja("labdeck::app", source);
            QVERIFY2(hasJapanese(translated), source);
            QVERIFY2(invHelp.contains(withoutSpace(translated)),
                     qPrintable(QStringLiteral("\"%1\" is not in:\n%2").arg(translated, inv.out)));
        }
    }

    void screenshotUnderJapaneseLocale()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("ja.png"));
        const Run r = labdeck({QStringLiteral("--screenshot"), png});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
        const QString wrote = ja("labdeck::app", "Wrote %1 (%2x%3)");
        QVERIFY(hasJapanese(wrote));
        QVERIFY2(pattern(wrote, {{QStringLiteral("1"), png}}).match(r.out).hasMatch(),
                 qPrintable(r.out));
    }

    // In process, with the .qm the executable embeds: every visible text of
    // the window's chrome is Japanese, and a font can draw it.
    void mainWindowIsJapanese()
    {
        QVERIFY(QCoreApplication::installTranslator(&m_ja));
        const auto uninstall = qScopeGuard([this] { QCoreApplication::removeTranslator(&m_ja); });
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(
            window.loadInventory(InventoryLocator::Choice{InventoryLocator::Source::BuiltIn, {}}));

        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QCOMPARE(menus.first()->text(), ja("labdeck::MainWindow", "&File"));
        QVERIFY2(menus.first()->text().contains(QStringLiteral("ファイル")),
                 qPrintable(menus.first()->text()));
        QVERIFY(menus.first()->text().contains(QLatin1String("(&F)")));

        // Every text the user sees on the chrome, checked against the English
        // sources: none may be shown untranslated.
        QStringList visible;
        visible << window.windowTitle();
        for (QAction *menu : menus) {
            visible << menu->text();
            if (menu->menu()) {
                for (QAction *a : menu->menu()->actions()) {
                    if (!a->isSeparator())
                        visible << a->text();
                }
            }
        }
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            visible << dock->windowTitle();
        for (QToolBar *bar : window.findChildren<QToolBar *>())
            visible << bar->windowTitle();
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
            visible << label->text() << label->toolTip();
        for (QLineEdit *edit : window.findChildren<QLineEdit *>())
            visible << edit->placeholderText();
        const QAbstractItemModel *tree = window.labTree()->model();
        for (int c = 0; c < tree->columnCount(); ++c)
            visible << tree->headerData(c, Qt::Horizontal).toString();
        visible.removeAll(QString());

        const QSet<QString> english = englishOnlyTexts();
        QStringList untranslated;
        for (const QString &text : std::as_const(visible)) {
            if (english.contains(text))
                untranslated << text;
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("shown in English: ") +
                                                    untranslated.join(QStringLiteral(" | "))));
        QVERIFY(std::count_if(visible.cbegin(), visible.cend(), hasJapanese) >= 10);

        // A font that has the glyphs (fonts-noto-cjk), so no boxes are drawn.
        QVERIFY2(!QFontDatabase::families(QFontDatabase::Japanese).isEmpty(),
                 "no font for Japanese; install fonts-noto-cjk (scripts/install-deps does)");
        const QRawFont raw = QRawFont::fromFont(window.menuBar()->font(), QFontDatabase::Japanese);
        QVERIFY(raw.isValid());
        for (const QChar c : menus.first()->text()) {
            if (hasJapanese(QString(c)))
                QVERIFY2(raw.supportsCharacter(c),
                         qPrintable(
                             QStringLiteral("no glyph for %1 in %2").arg(c).arg(raw.familyName())));
        }
    }
};

} // namespace

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
