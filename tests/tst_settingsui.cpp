// Settings, offscreen: the remembered exec-plugin answers are listed by
// name (never by their arguments or environment), Forget and Forget All
// revoke them in the file that the connection's own store reads, and
// Ctrl+, opens the dialog from the main window.

#include "hostmodel.h"
#include "kube/execapproval.h"
#include "labselection.h"
#include "mainwindow.h"
#include "settings/settingsdialog.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace labdeck;

namespace {

kube::ExecApprovalRequest request(const QString &file, const QString &context,
                                  const QString &command, const QStringList &args)
{
    kube::ExecApprovalRequest r;
    r.kubeconfigFile = file;
    r.context = context;
    r.user = context + QStringLiteral("-user");
    r.command = command;
    r.arguments = args;
    r.environment = {{QStringLiteral("TOKEN"), QStringLiteral("s3cr3t-env-value")}};
    r.commandLine = QStringLiteral("TOKEN=s3cr3t-env-value ") + command + QLatin1Char(' ') +
                    args.join(QLatin1Char(' '));
    return r;
}

QTreeWidget *listOf(SettingsDialog *dialog)
{
    return dialog->findChild<QTreeWidget *>(QStringLiteral("ExecApprovalList"));
}

QTreeWidgetItem *rowWith(QTreeWidget *list, int column, const QString &text)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(column) == text)
            return list->topLevelItem(i);
    return nullptr;
}

// Clicks the button called `text` of the next message box that opens.
void answerNextMessageBox(const QString &text, bool *seen)
{
    QTimer::singleShot(0, qApp, [text, seen] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (!box || !box->isVisible())
                continue;
            for (QAbstractButton *b : box->buttons()) {
                if (b->text() == text) {
                    *seen = true;
                    b->click();
                    return;
                }
            }
        }
        // Not open yet: try again.
        answerNextMessageBox(text, seen);
    });
}

} // namespace

class TestSettingsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        QVERIFY(m_tmp.isValid());
        m_kubeconfig = m_tmp.filePath(QStringLiteral("config"));
        m_other = m_tmp.filePath(QStringLiteral("sent-by-someone.yaml"));
    }

    void answersAreListedByNameOnly()
    {
        const QString path = m_tmp.filePath(QStringLiteral("listed.json"));
        kube::ExecApprovalStore store(path);
        QVERIFY(store.remember(
            request(m_kubeconfig, QStringLiteral("lab"), QStringLiteral("kubelogin"),
                    {QStringLiteral("get-token"), QStringLiteral("--password=hunter2-arg")}),
            true));
        QVERIFY(store.remember(
            request(m_other, QStringLiteral("prod\x1b[31m"), QStringLiteral("aws"), {}), false));
        // An answer stored before Labdeck recorded names.
        QVERIFY(store.remember(m_other, QStringLiteral("old-plugin"), true));

        SettingsDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTreeWidget *list = listOf(&dialog);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 3);
        QTreeWidgetItem *allowed = rowWith(list, 1, QStringLiteral("kubelogin"));
        QVERIFY(allowed);
        QCOMPARE(allowed->text(0), QStringLiteral("Always allow"));
        QCOMPARE(allowed->text(2), QStringLiteral("lab"));
        QCOMPARE(allowed->text(3), QStringLiteral("lab-user"));
        QCOMPARE(allowed->toolTip(4), m_kubeconfig);
        QTreeWidgetItem *denied = rowWith(list, 1, QStringLiteral("aws"));
        QVERIFY(denied);
        QCOMPARE(denied->text(0), QStringLiteral("Always deny"));
        // A name from someone else's kubeconfig shows its control characters.
        QVERIFY2(!denied->text(2).contains(QChar(0x1b)), qPrintable(denied->text(2)));
        QVERIFY2(denied->text(2).startsWith(QStringLiteral("prod")), qPrintable(denied->text(2)));
        QVERIFY(rowWith(list, 1, QStringLiteral("(not recorded)")));

        // Neither the list nor the file holds an argument or an environment value.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("kubelogin"));
        QVERIFY(!saved.contains("hunter2") && !saved.contains("s3cr3t"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            for (int c = 0; c < list->columnCount(); ++c)
                QVERIFY(!list->topLevelItem(i)->text(c).contains(QLatin1String("hunter2")));
    }

    void forgetAsksAgainAtOnce()
    {
        const QString path = m_tmp.filePath(QStringLiteral("forget.json"));
        const kube::ExecApprovalRequest lab =
            request(m_kubeconfig, QStringLiteral("lab"), QStringLiteral("kubelogin"), {});
        const kube::ExecApprovalRequest prod =
            request(m_other, QStringLiteral("prod"), QStringLiteral("aws"), {});
        // The connection's store, open for the whole run as in the app.
        kube::ExecApprovalStore connection(path);
        QVERIFY(connection.remember(lab, true));
        QVERIFY(connection.remember(prod, false));
        QCOMPARE(connection.decision(m_other, prod.commandLine), std::optional<bool>(false));

        SettingsDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTreeWidget *list = listOf(&dialog);
        QTreeWidgetItem *denied = rowWith(list, 1, QStringLiteral("aws"));
        QVERIFY(denied);
        list->setFocus();
        list->setCurrentItem(denied);
        denied->setSelected(true);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(!rowWith(list, 1, QStringLiteral("aws")));

        // The connection's store sees it without being reopened: the next
        // connect asks again; the other answer stays.
        QVERIFY(!connection.decision(m_other, prod.commandLine).has_value());
        QCOMPARE(connection.decision(m_kubeconfig, lab.commandLine), std::optional<bool>(true));
        QCOMPARE(kube::ExecApprovalStore(path).entries().size(), 1);

        // An answer given meanwhile (another connection) shows when the page is shown again.
        QVERIFY(connection.remember(prod, true));
        dialog.hide();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(list->topLevelItemCount(), 2);
    }

    void forgetAllConfirmsFirst()
    {
        const QString path = m_tmp.filePath(QStringLiteral("all.json"));
        kube::ExecApprovalStore connection(path);
        QVERIFY(connection.remember(
            request(m_kubeconfig, QStringLiteral("a"), QStringLiteral("kubelogin"), {}), true));
        QVERIFY(connection.remember(
            request(m_other, QStringLiteral("b"), QStringLiteral("aws"), {}), false));
        SettingsDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTreeWidget *list = listOf(&dialog);
        QCOMPARE(list->topLevelItemCount(), 2);

        bool seen = false;
        answerNextMessageBox(QStringLiteral("Cancel"), &seen);
        dialog.execApprovals()->forgetAll();
        QVERIFY(seen);
        QCOMPARE(connection.entries().size(), 2);
        QCOMPARE(list->topLevelItemCount(), 2);

        seen = false;
        answerNextMessageBox(QStringLiteral("Forget All"), &seen);
        dialog.execApprovals()->forgetAll();
        QVERIFY(seen);
        QCOMPARE(connection.entries().size(), 0);
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(!list->isVisible());
    }

    void aDamagedFileIsSaidNotHidden()
    {
        const QString path = m_tmp.filePath(QStringLiteral("damaged.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        SettingsDialog dialog(path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        bool said = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            said = said || (label->isVisible() &&
                            label->text().contains(QLatin1String("not a Labdeck exec approval")));
        QVERIFY(said);
        // Nothing was rewritten by looking.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{ not json"));
    }

    void ctrlCommaOpensSettings()
    {
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        auto *dialog = window.findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(listOf(dialog));
        dialog->close();
    }

private:
    QTemporaryDir m_tmp;
    QString m_kubeconfig;
    QString m_other;
};

QTEST_MAIN(TestSettingsUi)
#include "tst_settingsui.moc"
