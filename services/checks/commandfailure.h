#pragma once

#include "checks/checkresult.h"
#include "remote/commandtransport.h"

#include <QCoreApplication>

namespace labdeck::checks {

// The verdict for a command a check ran over the transport that did not run
// (CommandResult::ran false). It goes by the typed failure, never by the
// error's words: a changed host key is critical (possible interception,
// with the fingerprints, the known_hosts line and the ssh-keygen -R command);
// an unknown one could not run, with the command that adds it to Labdeck's
// known_hosts; anything else could not run, with the transport's error
// (which already says what to try).
class CommandFailure
{
    Q_DECLARE_TR_FUNCTIONS(CommandFailure)
public:
    [[nodiscard]] static CheckResult result(const remote::CommandResult &failed,
                                            const QString &target, const QString &host);
    // "ssh-keyscan -t ed25519 -p 2222 10.0.0.5 >> ~/.local/share/labdeck/known_hosts",
    // after "mkdir -p <folder> && " when the file's folder does not exist yet.
    [[nodiscard]] static QString keyscanCommand(const remote::HostKeyProblem &problem);
    // "ssh-keygen -R '[10.0.0.5]:2222' -f ~/.ssh/known_hosts"
    [[nodiscard]] static QString removeCommand(const remote::HostKeyProblem &problem);
};

} // namespace labdeck::checks
