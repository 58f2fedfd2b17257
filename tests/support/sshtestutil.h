#pragma once

// What the SSH tests share on top of SshdHarness: a fresh home whose files
// are all inside it, running one command and waiting for it, and the public
// key of a key file.

#include "remote/commandtransport.h"
#include "ssh/sshtransport.h"
#include "support/sshdharness.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace labdeck::test {

// A home at `home` with the harness's client key as ~/.ssh/id_ed25519 (and
// .pub), and options whose config and every known_hosts file are inside it;
// no agent, no keychain, a 5 s connect timeout.
[[nodiscard]] ssh::SshOptions sshOptionsInHome(const QString &home, const SshdHarness &sshd);

// Runs argv on host and waits for the result (the event loop runs); a result
// whose error says so when none came within waitMs.
[[nodiscard]] remote::CommandResult runAndWait(ssh::SshTransport *t, const QString &host,
                                               const QStringList &argv, int timeoutMs = 8000,
                                               int waitMs = 30000);

// "type base64" of an OpenSSH public key file (empty when unreadable).
[[nodiscard]] QByteArray publicKeyOf(const QString &pubFile);

// Writes text to path, making its folder; false when it cannot.
bool writeText(const QString &path, const QByteArray &text);

} // namespace labdeck::test
