#include "kube/execapprovaldialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace labdeck {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("labdeck", text);
}
} // namespace

void askExecApproval(QWidget *parent, const kube::ExecApprovalRequest &request,
                     std::function<void(bool allowed, bool remember)> answer)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Run a credential plugin?"),
                                tr("The kubeconfig asks Labdeck to run this command to get credentials "
                                   "for the cluster:"),
                                QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("<pre>%1</pre>from <code>%2</code><br><br>Only allow commands you "
                               "know; it runs with your rights.")
                                .arg(request.commandLine.toHtmlEscaped(),
                                     QDir::toNativeSeparators(request.kubeconfigFile).toHtmlEscaped()));
    if (!request.installHint.isEmpty())
        box->setDetailedText(request.installHint);
    QPushButton *always = box->addButton(tr("Always Allow"), QMessageBox::AcceptRole);
    QPushButton *once = box->addButton(tr("Allow Once"), QMessageBox::AcceptRole);
    QPushButton *deny = box->addButton(tr("Deny"), QMessageBox::RejectRole);
    box->setDefaultButton(deny);
    box->setEscapeButton(deny);
    QObject::connect(box, &QMessageBox::finished, box, [box, always, once, answer] {
        const QAbstractButton *clicked = box->clickedButton();
        answer(clicked == always || clicked == once, clicked == always || clicked != once);
    });
    box->open();
}

} // namespace labdeck
