#pragma once

// Labdeck's settings (File > Settings…, Ctrl+,): one tab per topic. The
// first is the list of remembered answers to "run this kubeconfig exec
// plugin?", each revocable.

#include <QDialog>
#include <memory>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace labdeck {

namespace kube {
class ExecApprovalStore;
}

// The remembered exec-plugin answers, newest first: answer, program,
// context, user, kubeconfig and when. Forget (Delete) drops the selected
// ones, Forget All… every one after a confirmation; Labdeck then asks again
// the next time it connects with that kubeconfig. The list re-reads the file
// when shown, so answers given meanwhile appear.
class ExecApprovalsPage final : public QWidget
{
    Q_OBJECT
public:
    // approvalsFile: the store's path (kube::ExecApprovalStore::defaultPath()).
    explicit ExecApprovalsPage(const QString &approvalsFile, QWidget *parent = nullptr);
    ~ExecApprovalsPage() override;

    void refresh();
    void forgetSelected();
    void forgetAll();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateButtons();
    void showError(const QString &error);

    std::unique_ptr<kube::ExecApprovalStore> m_store;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QLabel *m_error;
    QPushButton *m_forget;
    QPushButton *m_forgetAll;
};

class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const QString &approvalsFile, QWidget *parent = nullptr);

    // Adds a tab (the dialog takes ownership).
    void addPage(QWidget *page, const QString &title);
    [[nodiscard]] ExecApprovalsPage *execApprovals() const { return m_execApprovals; }

private:
    QTabWidget *m_tabs;
    ExecApprovalsPage *m_execApprovals;
};

} // namespace labdeck
