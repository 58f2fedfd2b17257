// The command palette (Ctrl+K): menu actions and lab items in one list that
// filters by words; Enter runs the action or selects the item; disabled
// actions are not offered.
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labselection.h"
#include "mainwindow.h"
#include "palette/commandpalette.h"

#include <QAction>
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
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
