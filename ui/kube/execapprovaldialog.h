#pragma once

#include "kube/execapproval.h"

#include <functional>

class QWidget;

namespace labdeck {

// Asks whether Labdeck may run a kubeconfig's exec credential plugin, showing
// the full command line and the kubeconfig file. Non-blocking: answer is
// called when the user decides (allowed, remember).
void askExecApproval(QWidget *parent, const kube::ExecApprovalRequest &request,
                     std::function<void(bool allowed, bool remember)> answer);

} // namespace labdeck
