#include "kube/execapprovaldialog.h"

#include "common/visibletext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace labdeck {

namespace {

QString shownValue(const QString &value)
{
    return value.isEmpty() ? ExecApprovalDialog::tr("(empty)") : VisibleText::forReview(value);
}

} // namespace

QString ExecApprovalDialog::detailsText(const kube::ExecApprovalRequest &request)
{
    QStringList lines;
    if (request.arguments.isEmpty()) {
        lines << tr("No arguments.");
    } else {
        lines << tr("Arguments (%n):", nullptr, int(request.arguments.size()));
        for (const QString &arg : request.arguments)
            lines << QStringLiteral("  ") + shownValue(arg);
    }
    lines << QString();
    if (request.environment.isEmpty()) {
        lines << tr("No environment variables added.");
    } else {
        lines << tr("Environment variables added (%n):", nullptr, int(request.environment.size()));
        for (const auto &[name, value] : request.environment)
            lines << QStringLiteral("  %1=%2").arg(VisibleText::forReview(name),
                                                   VisibleText::forReview(value));
    }
    return lines.join(QLatin1Char('\n'));
}

ExecApprovalDialog::ExecApprovalDialog(const kube::ExecApprovalRequest &request, Answer answer,
                                       QWidget *parent)
    : QDialog(parent)
    , m_answer(std::move(answer))
    , m_remember(new QCheckBox(tr("Remember my answer")))
    , m_allow(new QPushButton(tr("Allow")))
    , m_deny(new QPushButton(tr("Deny")))
{
    setObjectName(QStringLiteral("execApproval"));
    setWindowTitle(tr("Run a credential plugin?"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *intro = new QLabel(
        tr("The kubeconfig asks Labdeck to run a program to get credentials "
           "for user \"%1\" (context \"%2\"). It runs with your rights: only "
           "allow programs you know.")
            .arg(VisibleText::forReview(request.user), VisibleText::forReview(request.context)));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    auto *program = new QLineEdit;
    program->setObjectName(QStringLiteral("program"));
    program->setReadOnly(true);
    program->setFont(mono);
    program->setText(request.program.isEmpty() ? tr("%1 (not found: no such program on your PATH)")
                                                     .arg(VisibleText::forReview(request.command))
                                               : VisibleText::forReview(request.program));
    program->setToolTip(program->text());
    auto *file =
        new QLineEdit(VisibleText::forReview(QDir::toNativeSeparators(request.kubeconfigFile)));
    file->setObjectName(QStringLiteral("kubeconfig"));
    file->setReadOnly(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Program:"), program);
    form->addRow(tr("Kubeconfig:"), file);

    auto *details = new QPlainTextEdit;
    details->setObjectName(QStringLiteral("details"));
    details->setReadOnly(true);
    details->setFont(mono);
    details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    details->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    details->setPlainText(detailsText(request));
    details->setAccessibleName(tr("Arguments and environment"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(details, 1);
    if (!request.installHint.isEmpty()) {
        auto *hint = new QLabel(tr("Install hint from the kubeconfig: %1")
                                    .arg(VisibleText::forReview(request.installHint, 1000)));
        hint->setWordWrap(true);
        hint->setTextFormat(Qt::PlainText);
        layout->addWidget(hint);
    }
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setToolTip(tr("Without this, Labdeck asks again the next time it connects."));
    layout->addWidget(m_remember);
    auto *buttons = new QDialogButtonBox;
    m_allow->setObjectName(QStringLiteral("allow"));
    m_deny->setObjectName(QStringLiteral("deny"));
    m_allow->setAutoDefault(false);
    m_deny->setDefault(true);
    buttons->addButton(m_allow, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_deny, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_allow, &QPushButton::clicked, this, [this] {
        decide(true, m_remember->isChecked());
        accept();
    });
    connect(m_deny, &QPushButton::clicked, this, [this] {
        decide(false, m_remember->isChecked());
        reject();
    });
    // Esc, the window's close button, or the parent going away: no this time.
    connect(this, &QDialog::finished, this, [this] { decide(false, false); });
    resize(640, 420);
}

void ExecApprovalDialog::decide(bool allowed, bool remember)
{
    if (!m_answer)
        return;
    const Answer callback = std::exchange(m_answer, nullptr);
    callback(allowed, remember);
}

void askExecApproval(QWidget *parent, const kube::ExecApprovalRequest &request,
                     std::function<void(bool allowed, bool remember)> answer)
{
    auto *dialog = new ExecApprovalDialog(request, std::move(answer), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace labdeck
