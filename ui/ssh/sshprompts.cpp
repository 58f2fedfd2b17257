#include "ssh/sshprompts.h"

#include "ssh/hostkeydialog.h"
#include "ssh/passphrasedialog.h"

namespace labdeck {

SshPrompts::SshPrompts(ssh::SshTransport *transport, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_window(window)
{
    connect(transport, &ssh::SshTransport::hostKeyQuestion, this, &SshPrompts::askHostKey);
    connect(transport, &ssh::SshTransport::passphraseQuestion, this, &SshPrompts::askPassphrase);
    connect(transport, &ssh::SshTransport::questionClosed, this, &SshPrompts::closeQuestion);
}

SshPrompts::~SshPrompts()
{
    for (const QPointer<QDialog> &d : std::as_const(m_dialogs))
        delete d.data();
}

QList<QDialog *> SshPrompts::openDialogs() const
{
    QList<QDialog *> list;
    for (const QPointer<QDialog> &d : m_dialogs)
        if (d)
            list << d.data();
    return list;
}

void SshPrompts::askHostKey(const ssh::HostKeyQuestion &question)
{
    if (!m_transport || !m_transport->isQuestionOpen(question.id))
        return; // answered by someone else first
    auto *dialog = new HostKeyDialog(question, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialogs.insert(question.id, dialog);
    connect(dialog, &QDialog::finished, this, [this, dialog, id = question.id] {
        if (!m_dialogs.take(id))
            return; // already answered or dropped
        if (m_transport)
            m_transport->answerHostKey(id, dialog->answer());
    });
    dialog->open();
}

void SshPrompts::askPassphrase(const ssh::PassphraseQuestion &question)
{
    if (!m_transport || !m_transport->isQuestionOpen(question.id))
        return;
    const bool keychain = m_transport && !m_transport->options().keychainService.isEmpty();
    auto *dialog = new PassphraseDialog(question, keychain, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialogs.insert(question.id, dialog);
    connect(dialog, &QDialog::finished, this, [this, dialog, id = question.id](int result) {
        if (!m_dialogs.take(id))
            return;
        if (m_transport) {
            const bool given = result == QDialog::Accepted;
            m_transport->answerPassphrase(id, given ? dialog->passphrase() : QString(), !given,
                                          given && dialog->keep());
        }
    });
    dialog->open();
}

void SshPrompts::closeQuestion(quint64 id)
{
    // Dropped by the transport: close without answering again.
    if (QPointer<QDialog> d = m_dialogs.take(id))
        d->close();
}

} // namespace labdeck
