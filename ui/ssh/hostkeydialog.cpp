#include "ssh/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace labdeck {

HostKeyDialog::HostKeyDialog(const ssh::HostKeyQuestion &question, QWidget *parent)
    : QDialog(parent)
    , m_question(question)
{
    setWindowTitle(tr("Unknown host key — %1").arg(question.host));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Labdeck has not connected to %1 before, so it cannot tell whether this is really "
           "%1. Compare the fingerprint with the host's own, for example with "
           "<code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> run on it.")
            .arg(question.host.toHtmlEscaped()));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto addRow = [&](const QString &label, const QString &value, bool fixed) {
        auto *v = new QLabel(value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (fixed)
            v->setFont(mono);
        form->addRow(label, v);
        return v;
    };
    addRow(tr("Host:"), question.host, false);
    addRow(tr("Address:"), question.address, true);
    addRow(tr("Key type:"), question.keyType, true);
    QLabel *fp = addRow(tr("Fingerprint:"), question.fingerprint, true);
    fp->setObjectName(QStringLiteral("fingerprint"));
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox;
    m_once = buttons->addButton(tr("Connect once"), QDialogButtonBox::AcceptRole);
    m_remember = buttons->addButton(tr("Remember and connect"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_remember->setToolTip(
        tr("Adds the key to Labdeck's own known_hosts file (not ~/.ssh/known_hosts)"));
    // Cancel is the default: Enter never trusts a key by accident.
    m_once->setAutoDefault(false);
    m_remember->setAutoDefault(false);
    m_cancel->setDefault(true);
    m_cancel->setFocus();
    layout->addWidget(buttons);
    connect(m_once, &QPushButton::clicked, this, [this] {
        m_answer = ssh::HostKeyAnswer::ConnectOnce;
        accept();
    });
    connect(m_remember, &QPushButton::clicked, this, [this] {
        m_answer = ssh::HostKeyAnswer::Remember;
        accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_answer = ssh::HostKeyAnswer::Refuse;
        reject();
    });
}

} // namespace labdeck
