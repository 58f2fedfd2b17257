#include "ssh/passphrasedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace labdeck {

PassphraseDialog::PassphraseDialog(const ssh::PassphraseQuestion &question, bool keychainAvailable,
                                   QWidget *parent)
    : QDialog(parent)
    , m_question(question)
{
    setWindowTitle(tr("Passphrase for an SSH key"));
    auto *layout = new QVBoxLayout(this);
    QString file = QDir::toNativeSeparators(question.keyFile);
    const QString home = QDir::homePath();
    if (file.startsWith(home + QLatin1Char('/')))
        file = QLatin1Char('~') + file.mid(home.size());
    auto *text = new QLabel(tr("To connect to %1, Labdeck needs the passphrase of the key %2.")
                                .arg(question.host, file));
    text->setWordWrap(true);
    layout->addWidget(text);
    if (question.retry) {
        auto *wrong = new QLabel(tr("That passphrase was not right; try again."));
        wrong->setObjectName(QStringLiteral("retry"));
        layout->addWidget(wrong);
    }
    m_field = new QLineEdit;
    m_field->setEchoMode(QLineEdit::Password);
    m_field->setAccessibleName(tr("Passphrase"));
    layout->addWidget(m_field);
    m_keep = new QCheckBox(tr("Keep in the system keychain"));
    m_keep->setEnabled(keychainAvailable);
    m_keep->setToolTip(keychainAvailable
                           ? tr("Stored by the desktop's keychain, never in a Labdeck file")
                           : tr("No system keychain is configured"));
    layout->addWidget(m_keep);
    auto *buttons = new QDialogButtonBox;
    m_unlock = buttons->addButton(tr("Unlock"), QDialogButtonBox::AcceptRole);
    QPushButton *skip = buttons->addButton(tr("Skip this key"), QDialogButtonBox::RejectRole);
    m_unlock->setDefault(true);
    skip->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_field->setFocus();
}

QString PassphraseDialog::passphrase() const
{
    return m_field->text();
}

bool PassphraseDialog::keep() const
{
    return m_keep->isEnabled() && m_keep->isChecked();
}

} // namespace labdeck
