#pragma once

#include "ssh/sshtransport.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace labdeck {

// Asks for a key file's passphrase, with "Keep in the system keychain".
// Non-blocking: open() it; on finished(), Accepted means passphrase() was
// given, anything else skips the key.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)
public:
    PassphraseDialog(const ssh::PassphraseQuestion &question, bool keychainAvailable,
                     QWidget *parent = nullptr);

    [[nodiscard]] const ssh::PassphraseQuestion &question() const { return m_question; }
    [[nodiscard]] QString passphrase() const;
    [[nodiscard]] bool keep() const;
    [[nodiscard]] QLineEdit *field() const { return m_field; }
    [[nodiscard]] QCheckBox *keepBox() const { return m_keep; }
    [[nodiscard]] QPushButton *unlockButton() const { return m_unlock; }

private:
    ssh::PassphraseQuestion m_question;
    QLineEdit *m_field;
    QCheckBox *m_keep;
    QPushButton *m_unlock;
};

} // namespace labdeck
