#pragma once

#include "kube/execapproval.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace labdeck {

// Asks whether Labdeck may run a kubeconfig's exec credential plugin. The
// program is its own field (the absolute path that runs); each argument and
// environment entry is on its own line of a wrapping, scrollable read-only
// view, with whitespace and control characters made visible and long values
// capped (VisibleText::forReview), so nothing can hide off to the side.
// Allow and Deny are remembered only when "Remember my answer" is ticked;
// Esc or closing the window denies this once.
class ExecApprovalDialog final : public QDialog
{
    Q_OBJECT
public:
    using Answer = std::function<void(bool allowed, bool remember)>;
    // answer is called once, when the user decides or the dialog closes.
    ExecApprovalDialog(const kube::ExecApprovalRequest &request, Answer answer,
                       QWidget *parent = nullptr);

    // The text of the arguments-and-environment view (one entry a line).
    [[nodiscard]] static QString detailsText(const kube::ExecApprovalRequest &request);

private:
    void decide(bool allowed, bool remember);

    Answer m_answer;
    QCheckBox *m_remember;
    QPushButton *m_allow;
    QPushButton *m_deny;
};

// Opens the dialog (non-blocking, deleted when closed); answer is called when
// the user decides (allowed, remember).
void askExecApproval(QWidget *parent, const kube::ExecApprovalRequest &request,
                     std::function<void(bool allowed, bool remember)> answer);

} // namespace labdeck
