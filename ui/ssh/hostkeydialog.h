#pragma once

#include "ssh/sshtransport.h"

#include <QDialog>

class QPushButton;

namespace labdeck {

// "Is this the host you meant?" for a host key Labdeck has not seen: the
// host, its address, the key type and SHA256 fingerprint, and three buttons
// (Connect once, Remember and connect, Cancel — the default, also on Esc).
// Non-blocking: open() it and read answer() on finished().
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)
public:
    HostKeyDialog(const ssh::HostKeyQuestion &question, QWidget *parent = nullptr);

    [[nodiscard]] const ssh::HostKeyQuestion &question() const { return m_question; }
    [[nodiscard]] ssh::HostKeyAnswer answer() const { return m_answer; }
    [[nodiscard]] QPushButton *onceButton() const { return m_once; }
    [[nodiscard]] QPushButton *rememberButton() const { return m_remember; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }

private:
    ssh::HostKeyQuestion m_question;
    ssh::HostKeyAnswer m_answer = ssh::HostKeyAnswer::Refuse;
    QPushButton *m_once;
    QPushButton *m_remember;
    QPushButton *m_cancel;
};

} // namespace labdeck
