#include "wizards/conflictdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

ConflictDialog::ConflictDialog(const QList<QPair<QString, kube::ApplyConflict>> &conflicts,
                               QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget)
{
    setWindowTitle(tr("Fields Owned by Another Manager"));
    auto *layout = new QVBoxLayout(this);
    QStringList managers;
    for (const auto &c : conflicts) {
        if (!managers.contains(c.second.manager))
            managers << c.second.manager;
    }
    auto *text = new QLabel(
        tr("%n field(s) are owned by %1 with other values, so they were not applied. "
           "Force makes labdeck their owner and replaces their values; %1 may set them back "
           "the next time it applies. Otherwise, change the manifest to the live values or "
           "leave the fields out.",
           nullptr, int(conflicts.size()))
            .arg(managers.join(QLatin1String(", "))));
    text->setWordWrap(true);
    layout->addWidget(text);
    m_list->setHeaderLabels({tr("Object"), tr("Field"), tr("Owned by")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const auto &c : conflicts) {
        auto *item = new QTreeWidgetItem(m_list, {c.first, c.second.field, c.second.manager});
        item->setToolTip(2, c.second.message);
    }
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox;
    m_force = buttons->addButton(tr("&Force Apply"), QDialogButtonBox::DestructiveRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(m_force, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, 320);
}

void ConflictDialog::ask(const QList<QPair<QString, kube::ApplyConflict>> &conflicts,
                         QWidget *parent, std::function<void(bool force)> done)
{
    auto *dialog = new ConflictDialog(conflicts, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, parent,
            [done = std::move(done)](int result) { done(result == QDialog::Accepted); });
    dialog->open();
}

} // namespace labdeck
