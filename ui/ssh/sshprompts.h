#pragma once

#include "ssh/sshtransport.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QDialog;
class QWidget;

namespace labdeck {

// Connects an SshTransport's questions (unknown host key, key passphrase)
// to dialogs over `window`, one per question, without blocking: each dialog
// is opened and its answer goes back to the transport when it closes. A
// question the transport drops (its command was cancelled) closes its dialog.
// UI thread.
class SshPrompts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshPrompts)
public:
    SshPrompts(ssh::SshTransport *transport, QWidget *window, QObject *parent = nullptr);
    ~SshPrompts() override;

    // Open dialogs (for tests and for closing on exit).
    [[nodiscard]] QList<QDialog *> openDialogs() const;

private:
    void askHostKey(const ssh::HostKeyQuestion &question);
    void askPassphrase(const ssh::PassphraseQuestion &question);
    void closeQuestion(quint64 id);

    QPointer<ssh::SshTransport> m_transport;
    QPointer<QWidget> m_window;
    QHash<quint64, QPointer<QDialog>> m_dialogs;
};

} // namespace labdeck
