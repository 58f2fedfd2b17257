#pragma once

#include "kube/manifestapply.h"
#include "wizards/servicewizard.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace labdeck {

// Apply Folder…: every manifest of a folder in the seed's order (base, apps,
// monitoring, devops, then the rest), a dry run first with a result and a
// diff per object, then the apply (conflicts offer Force), then the
// rollouts. UI thread; nothing blocks.
class ApplyFolderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplyFolderDialog)
public:
    ApplyFolderDialog(const QString &folder, kube::KubeClient *client, kube::KubeActions *actions,
                      QWidget *parent = nullptr);

    void setPrompts(WizardPrompts prompts) { m_prompts = std::move(prompts); }
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    [[nodiscard]] QLabel *status() const { return m_status; }
    [[nodiscard]] QPlainTextEdit *diffView() const { return m_diff; }

    // Reads the folder and starts the dry run (called once shown).
    void start();
    // Asks, then applies.
    void apply();

Q_SIGNALS:
    void dryRunFinished();
    void applyFinished(bool ok);

private:
    void run(kube::ApplyRun::Mode mode);

    QString m_folder;
    std::unique_ptr<kube::ManifestApplier> m_applier;
    WizardPrompts m_prompts;
    QList<kube::ApplyTarget> m_targets;
    QList<int> m_rowOfTarget;
    QList<QString> m_diffs; // per row
    QTreeWidget *m_list;
    QPlainTextEdit *m_diff;
    QLabel *m_status;
    QPushButton *m_apply;
};

} // namespace labdeck
