// No keyboard clash anywhere a user meets one: the whole window as the
// executable builds it (menus, mnemonics, shortcuts) and every page of the
// New Service wizard with its buttons, in English and in Japanese. The audit
// itself is checked on a window made to clash.

#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labselection.h"
#include "mainwindow.h"
#include "shortcutaudit.h"
#include "wizards/servicewizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QVBoxLayout>

using namespace labdeck;

class TestShortcuts : public QObject
{
    Q_OBJECT

    static QStringList wizardClashes()
    {
        ServiceWizard w(*InventoryLoader::loadBuiltIn().inventory, nullptr, nullptr);
        QStringList out;
        for (int id : w.pageIds()) {
            w.setStartId(id);
            w.restart();
            w.show();
            QList<QWidget *> buttons;
            for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                               QWizard::FinishButton, QWizard::CancelButton, QWizard::HelpButton}) {
                if (QAbstractButton *b = w.button(which); b && b->isVisible())
                    buttons << b;
            }
            for (const QString &c : ShortcutAudit::auditPage(w.page(id), buttons))
                out << w.page(id)->title() + QStringLiteral(": ") + c;
        }
        return out;
    }

    static QByteArray audit(const QString &lang)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), lang);
        env.insert(QStringLiteral("LC_ALL"), lang);
        env.insert(QStringLiteral("LANGUAGE"), QString());
        env.insert(QStringLiteral("HOME"), QDir::tempPath() + QStringLiteral("/labdeck-shortcuts"));
        env.remove(QStringLiteral("XDG_CONFIG_HOME"));
        env.remove(QStringLiteral("XDG_DATA_HOME")); // under HOME, a temporary directory
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LABDECK_BINARY),
                {QStringLiteral("--demo"), QStringLiteral("--audit-shortcuts")});
        if (!p.waitForFinished(60000))
            return "timed out";
        return p.readAllStandardOutput() + p.readAllStandardError() + "exit " +
               QByteArray::number(p.exitCode());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void theAuditFindsClashes()
    {
        QCOMPARE(ShortcutAudit::mnemonic(QStringLiteral("&File")), QStringLiteral("F"));
        QCOMPARE(ShortcutAudit::mnemonic(QStringLiteral("ファイル(&f)")), QStringLiteral("F"));
        QCOMPARE(ShortcutAudit::mnemonic(QStringLiteral("Salt && &Pepper")), QStringLiteral("P"));
        QCOMPARE(ShortcutAudit::mnemonic(QStringLiteral("R&&D")), QString());
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(ShortcutAudit::auditWindow(&window).isEmpty());
        QMenu *menu = window.addMenuBeforeHelp(QStringLiteral("&Probe"));
        menu->addAction(QStringLiteral("&Restart"));
        menu->addAction(QStringLiteral("&Reload"));
        QAction *a = menu->addAction(QStringLiteral("Alpha"));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
        QAction *b = new QAction(QStringLiteral("Beta"), &window);
        b->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
        window.addAction(b);
        QAction *c = new QAction(QStringLiteral("Gamma"), &window);
        c->setShortcut(QKeySequence(Qt::ALT | Qt::Key_P));
        window.addAction(c);
        // Two widget shortcuts on unrelated widgets do not meet.
        auto *left = new QWidget(&window);
        auto *right = new QWidget(&window);
        for (QWidget *w : {left, right}) {
            auto *x = new QAction(QStringLiteral("Local"), w);
            x->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
            x->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            w->addAction(x);
        }
        const QStringList clashes = ShortcutAudit::auditWindow(&window);
        QVERIFY2(clashes.size() == 3, qPrintable(clashes.join(QLatin1Char('\n'))));
        QVERIFY(clashes.join(QLatin1Char('\n')).contains(QLatin1String("share Alt+R")));
        QVERIFY(clashes.join(QLatin1Char('\n')).contains(QLatin1String("Ctrl+J: both")));
        QVERIFY(clashes.join(QLatin1Char('\n')).contains(QLatin1String("which opens a menu")));

        QWidget page;
        auto *layout = new QVBoxLayout(&page);
        auto *label = new QLabel(QStringLiteral("&Name:"));
        auto *edit = new QLineEdit;
        label->setBuddy(edit);
        layout->addWidget(label);
        layout->addWidget(edit);
        auto *next = new QPushButton(QStringLiteral("&Next"));
        page.show();
        QCOMPARE(ShortcutAudit::auditPage(&page, QList<QWidget *>{next}).size(), 1);
        delete next;
    }

    void theWindowHasNoClashInEnglish()
    {
        const QByteArray out = audit(QStringLiteral("C.UTF-8"));
        QVERIFY2(out.endsWith("clashes: 0\nexit 0"), out.constData());
    }

    void theWindowHasNoClashInJapanese()
    {
        const QByteArray out = audit(QStringLiteral("ja_JP.UTF-8"));
        QVERIFY2(out.endsWith("clashes: 0\nexit 0"), out.constData());
    }

    void theWizardHasNoClashInEitherLanguage()
    {
        const QStringList english = wizardClashes();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        QTranslator ja;
        QVERIFY(ja.load(QStringLiteral(LABDECK_QM_FILE)));
        QCoreApplication::installTranslator(&ja);
        QTranslator qtJa;
        if (qtJa.load(QLocale(QLocale::Japanese), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtJa);
        const QStringList japanese = wizardClashes();
        QCoreApplication::removeTranslator(&qtJa);
        QCoreApplication::removeTranslator(&ja);
        QVERIFY2(japanese.isEmpty(), qPrintable(japanese.join(QLatin1Char('\n'))));
    }

    void escClearsTheSelectionAndCtrlDigitsGoToTheTabs()
    {
        HostModel model;
        model.setInventory(*InventoryLoader::loadBuiltIn().inventory);
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QList<QDockWidget *> docks;
        for (const QString &name : {QStringLiteral("First"), QStringLiteral("Second")}) {
            auto *dock = new QDockWidget(name, &window);
            dock->setObjectName(name);
            dock->setWidget(new QTableView);
            window.addBottomDock(dock);
            docks << dock;
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.goToActions().size(), 2);
        QCOMPARE(window.goToActions().at(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_4));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QTRY_VERIFY(docks.at(1)->widget()->hasFocus());
        selection.select(QStringLiteral("host:bracky"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(selection.current(), QString());
    }
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
