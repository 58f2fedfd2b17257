// The command palette (Ctrl+K): menu actions and lab items in one list that
// filters by words; Enter runs the action or selects the item; disabled
// actions are not offered.
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labselection.h"
#include "mainwindow.h"
#include "palette/commandpalette.h"

#include <QAction>
#include <QDesktopServices>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace labdeck;

class TestPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void filtersRunsAndSelects()
    {
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(window.loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        QMenu *menu = window.addMenuBeforeHelp(QStringLiteral("&Probe"));
        QAction *probe = menu->addAction(QStringLiteral("&Restart Everything..."));
        QAction *off = menu->addAction(QStringLiteral("Disabled Thing"));
        off->setEnabled(false);
        QSignalSpy triggered(probe, &QAction::triggered);
        auto *palette = new CommandPalette(&window, &model, &selection);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Ctrl+K opens it, focused on the filter.
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(palette->isVisible());
        QTRY_VERIFY(palette->filterEdit()->hasFocus());
        QVERIFY(
            palette->visibleEntries().contains(QStringLiteral("Probe \u203a Restart Everything")));
        QVERIFY(!palette->visibleEntries()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("Disabled Thing")));

        // Words in any order; Enter runs the action after the palette closes.
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("everything rest"));
        QCOMPARE(palette->visibleEntries(),
                 QStringList{QStringLiteral("Probe \u203a Restart Everything")});
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_COMPARE(triggered.size(), 1);
        QVERIFY(!palette->isVisible());

        // A lab item: "grafana" finds the workload; Enter selects it everywhere.
        palette->open();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("grafana"));
        QVERIFY(!palette->visibleEntries().isEmpty());
        QVERIFY2(palette->visibleEntries().first().startsWith(QStringLiteral("Go to Grafana")),
                 qPrintable(palette->visibleEntries().join(QLatin1Char('|'))));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QCOMPARE(selection.current(), QStringLiteral("workload:monitoring/grafana"));

        // Down moves, Esc closes without running anything.
        palette->open();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("zoom"));
        QVERIFY(palette->visibleEntries().size() >= 2);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
        QCOMPARE(triggered.size(), 1);
    }

    void verbsAndObjectsInAnyOrder()
    {
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(window.loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        QMenu *menu = window.addMenuBeforeHelp(QStringLiteral("&Cluster"));
        QAction *restart = menu->addAction(QStringLiteral("&Restart Workload..."));
        restart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        restart->setProperty(kPaletteAppliesTo, QStringLiteral("workload"));
        // Enabled only once a workload is selected, as the real one.
        restart->setEnabled(false);
        connect(&selection, &LabSelection::currentChanged, restart, [restart](const QString &id) {
            restart->setEnabled(id.startsWith(QLatin1String("workload:")));
        });
        QString restartedWith;
        connect(restart, &QAction::triggered, this, [&] { restartedWith = selection.current(); });
        QAction *checkCerts = menu->addAction(QStringLiteral("Certificates"));
        checkCerts->setProperty(kPaletteKeywords, QStringLiteral("certs"));
        auto *palette = new CommandPalette(&window, &model, &selection);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Object first or verb first: one entry, the verb on Shlink, with its shortcut.
        for (const QString &typed :
             {QStringLiteral("shlink restart"), QStringLiteral("restart shlink")}) {
            palette->open();
            QTest::keyClicks(palette->filterEdit(), typed);
            const QStringList shown = palette->visibleEntries();
            QVERIFY2(shown.size() == 1, qPrintable(shown.join(QLatin1Char('|'))));
            QVERIFY2(shown.first().startsWith(
                         QStringLiteral("Restart Workload \u203a Shlink on bracky")),
                     qPrintable(shown.first()));
            QVERIFY2(shown.first().endsWith(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)
                                                .toString(QKeySequence::NativeText)),
                     qPrintable(shown.first()));
            QVERIFY(palette->noMatchText().isEmpty());
            palette->reject();
        }
        // Enter selects Shlink everywhere, then restarts it.
        palette->open();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("restart shlink"));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QCOMPARE(selection.current(), QStringLiteral("workload:apps/shlink"));
        QTRY_COMPARE(restartedWith, QStringLiteral("workload:apps/shlink"));

        // Keywords: "check certs".
        palette->open();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("certs"));
        QVERIFY2(palette->visibleEntries()
                     .join(QLatin1Char('|'))
                     .contains(QLatin1String("Certificates")),
                 qPrintable(palette->visibleEntries().join(QLatin1Char('|'))));
        palette->reject();

        // Public URLs open in the browser.
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
        palette->open();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("open grafana"));
        QCOMPARE(palette->visibleEntries(),
                 QStringList{QStringLiteral("Open https://grafana.example.com")});
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_opened, QUrl(QStringLiteral("https://grafana.example.com")));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));

        // Nothing matches: said, with examples.
        palette->open();
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("zzzz nothing"));
        QVERIFY(palette->visibleEntries().isEmpty());
        QVERIFY2(palette->noMatchText().contains(QLatin1String("Nothing matches")),
                 qPrintable(palette->noMatchText()));
        palette->filterEdit()->clear();
        QVERIFY(palette->noMatchText().isEmpty());
        palette->reject();
    }

public Q_SLOTS:
    void openUrl(const QUrl &url) { m_opened = url; }

private:
    QUrl m_opened;
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
