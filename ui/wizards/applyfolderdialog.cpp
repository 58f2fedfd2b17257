#include "wizards/applyfolderdialog.h"

#include "wizards/conflictdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

ApplyFolderDialog::ApplyFolderDialog(const QString &folder, kube::KubeClient *client,
                                     kube::KubeActions *actions, QWidget *parent)
    : QDialog(parent)
    , m_folder(folder)
    , m_list(new QTreeWidget)
    , m_diff(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_apply(new QPushButton(tr("&Apply")))
{
    if (client)
        m_applier = std::make_unique<kube::ManifestApplier>(client, actions);
    setWindowTitle(tr("Apply Folder %1").arg(QDir::toNativeSeparators(folder)));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Server-side apply (field manager labdeck) in the seed's order: base/, apps/, "
           "monitoring/, devops/, then the rest. A dry run comes first."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list->setHeaderLabels({tr("Where"), tr("Object"), tr("Result")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setPlaceholderText(tr("Select an object to see what would change."));
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    layout->addWidget(split, 1);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    m_apply->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &ApplyFolderDialog::apply);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
        m_diff->setPlainText(row >= 0 && row < m_diffs.size() ? m_diffs.at(row) : QString());
    });
    resize(820, 560);
    QTimer::singleShot(0, this, &ApplyFolderDialog::start);
}

void ApplyFolderDialog::start()
{
    if (m_list->topLevelItemCount() > 0)
        return;
    const QList<manifests::FolderDocument> docs = manifests::ManifestFolder::read(m_folder);
    m_targets = kube::applyTargets(docs);
    for (const manifests::FolderDocument &d : docs) {
        const QString where =
            QStringLiteral("%1:%2").arg(QDir(m_folder).relativeFilePath(d.file)).arg(d.line);
        auto *item = new QTreeWidgetItem(
            m_list,
            {where, d.error.isEmpty() ? d.title() : QString(),
             d.error.isEmpty() ? tr("checking…") : tr("cannot be applied: %1").arg(d.error)});
        item->setToolTip(2, item->text(2));
        m_diffs << QString();
        if (d.error.isEmpty())
            m_rowOfTarget << m_list->indexOfTopLevelItem(item);
    }
    if (docs.isEmpty()) {
        m_status->setText(tr("%1 holds no manifests (YAML files in base/, apps/, monitoring/, "
                             "devops/ or other subfolders).")
                              .arg(QDir::toNativeSeparators(m_folder)));
        Q_EMIT dryRunFinished();
        return;
    }
    if (!m_applier) {
        m_status->setText(tr("Not connected to a cluster."));
        Q_EMIT dryRunFinished();
        return;
    }
    run(kube::ApplyRun::Mode::DryRun);
}

void ApplyFolderDialog::apply()
{
    const QString text = tr("Apply %n object(s) from %1 to the cluster with server-side apply "
                            "(field manager labdeck)?",
                            nullptr, int(m_targets.size()))
                             .arg(QDir::toNativeSeparators(m_folder));
    bool go = false;
    if (m_prompts.ask) {
        go = m_prompts.ask(tr("Apply Folder"), text, QString(), tr("Apply"));
    } else {
        QMessageBox box(QMessageBox::Question, tr("Apply Folder"), text, QMessageBox::NoButton,
                        this);
        QPushButton *yes = box.addButton(tr("Apply"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(yes);
        box.exec();
        go = box.clickedButton() == yes;
    }
    if (go)
        run(kube::ApplyRun::Mode::Apply);
}

void ApplyFolderDialog::run(kube::ApplyRun::Mode mode)
{
    m_apply->setEnabled(false);
    m_status->setText(mode == kube::ApplyRun::Mode::DryRun ? tr("Dry run…") : tr("Applying…"));
    kube::ApplyRun *run = m_applier->run(m_targets, mode);
    connect(run, &kube::ApplyRun::objectFinished, this,
            [this, run](int index, const kube::ApplyResult &r) {
                const int row = m_rowOfTarget.value(index, -1);
                QTreeWidgetItem *item = m_list->topLevelItem(row);
                if (!item)
                    return;
                QString text = kube::ApplyText::outcome(r.outcome, run->isDryRun());
                if (!r.conflicts.isEmpty()) {
                    QStringList fields;
                    for (const kube::ApplyConflict &c : r.conflicts)
                        fields << QStringLiteral("%1 (%2)").arg(c.field, c.manager);
                    text += QStringLiteral(": ") + fields.join(QLatin1String(", "));
                } else if (!r.message.isEmpty()) {
                    text += QStringLiteral(": ") + r.message;
                }
                item->setText(2, text);
                item->setToolTip(2, text);
                m_diffs[row] = r.diff;
                if (m_list->currentItem() == item)
                    m_diff->setPlainText(r.diff);
            });
    connect(run, &kube::ApplyRun::finished, this, [this, run] {
        const QString summary = tr("%1 created, %2 changed, %3 unchanged, %4 conflicts, %5 failed")
                                    .arg(run->count(kube::ApplyResult::Outcome::Created))
                                    .arg(run->count(kube::ApplyResult::Outcome::Configured))
                                    .arg(run->count(kube::ApplyResult::Outcome::Unchanged))
                                    .arg(run->count(kube::ApplyResult::Outcome::Conflict))
                                    .arg(run->count(kube::ApplyResult::Outcome::Failed));
        if (run->isDryRun()) {
            m_status->setText(tr("Dry run: %1.").arg(summary));
            m_apply->setEnabled(!m_targets.isEmpty() &&
                                run->count(kube::ApplyResult::Outcome::Failed) == 0);
            Q_EMIT dryRunFinished();
            return;
        }
        auto done = [this, run, summary] {
            const QList<kube::KubeAction *> rollouts = m_applier->followRollouts(run);
            m_status->setText(rollouts.isEmpty()
                                  ? tr("Applied: %1.").arg(summary)
                                  : tr("Applied: %1. Following %n rollout(s) in Activity.", nullptr,
                                       int(rollouts.size()))
                                        .arg(summary));
            m_apply->setEnabled(true);
            Q_EMIT applyFinished(run->allOk());
        };
        const auto conflicts = run->conflicts();
        if (conflicts.isEmpty()) {
            done();
            return;
        }
        auto decide = [this, done](bool force) {
            if (force)
                this->run(kube::ApplyRun::Mode::ForceApply);
            else
                done();
        };
        if (m_prompts.force)
            decide(m_prompts.force(conflicts));
        else
            ConflictDialog::ask(conflicts, this, decide);
    });
}

} // namespace labdeck
