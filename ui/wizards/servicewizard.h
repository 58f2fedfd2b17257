#pragma once

#include "inventory/inventory.h"
#include "kube/manifestapply.h"
#include "manifests/servicespec.h"
#include "manifests/writeplan.h"

#include <QPointer>
#include <QWizard>
#include <QWizardPage>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace labdeck {

class ServiceWizard;

// The user's answers to the wizard's questions; tests replace them.
struct WizardPrompts
{
    // "Overwrite apps/x.yaml?" with the diff; true to go ahead.
    std::function<bool(const QString &title, const QString &text, const QString &details,
                       const QString &button)>
        ask;
    // The conflict dialog: true to apply again with force.
    std::function<bool(const QList<QPair<QString, kube::ApplyConflict>> &conflicts)> force;
};

// A page that shows the checks of its own fields under them, as typed, and
// lets the user go on only when they have no errors.
class SpecPage : public QWizardPage
{
    Q_OBJECT
public:
    SpecPage(ServiceWizard *wizard, QStringList fields);
    [[nodiscard]] bool isComplete() const override;
    // Re-runs the checks (the wizard calls it when anything changed).
    void refresh();
    // The message shown for a field ("" when fine).
    [[nodiscard]] QString message(const QString &field) const;
    // A label under a field, filled by refresh() (the wizard builds the pages).
    QLabel *issueLabel(const QString &field);

private:
    ServiceWizard *m_wizard;
    QStringList m_fields;
    QHash<QString, QLabel *> m_labels;
    bool m_hasErrors = false;
};

// New Service…: asks for a service (name, namespace, node, image, ports,
// resources, environment and secrets, NFS storage, probes, public URL),
// writes its manifests into the manifests folder in the seed's layout, and
// applies them with server-side apply (dry run and diff first). UI thread;
// nothing blocks: the cluster is asked asynchronously.
class ServiceWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceWizard)
public:
    enum PageId { BasicsPage, NetworkPage, ResourcesPage, EnvPage, StoragePage, ReviewPage };

    // client/actions: the current session (nullptr: files only, no apply).
    ServiceWizard(const Inventory &lab, kube::KubeClient *client, kube::KubeActions *actions,
                  QWidget *parent = nullptr);
    ~ServiceWizard() override;

    void setPrompts(WizardPrompts prompts) { m_prompts = std::move(prompts); }

    [[nodiscard]] manifests::ServiceSpec spec() const;
    [[nodiscard]] const manifests::LabFacts &facts() const { return m_facts; }
    [[nodiscard]] QList<manifests::FieldIssue> issues() const;
    [[nodiscard]] QString folder() const;
    // The setting (QSettings "manifests/folder"), else ~/labdeck-manifests.
    [[nodiscard]] static QString savedFolder();

    // Widgets, for tests.
    QLineEdit *folderEdit() const { return m_folder; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *namespaceBox() const { return m_namespace; }
    QCheckBox *newNamespaceBox() const { return m_newNamespace; }
    QRadioButton *devopsButton() const { return m_devops; }
    QLineEdit *imageEdit() const { return m_image; }
    QLineEdit *tagEdit() const { return m_tag; }
    QSpinBox *portSpin() const { return m_port; }
    QSpinBox *replicasSpin() const { return m_replicas; }
    QSpinBox *nodePortSpin() const { return m_nodePort; }
    QLineEdit *publicHostEdit() const { return m_publicHost; }
    QLineEdit *cpuRequestEdit() const { return m_cpuRequest; }
    QLineEdit *memoryRequestEdit() const { return m_memoryRequest; }
    QLineEdit *memoryLimitEdit() const { return m_memoryLimit; }
    QTableWidget *envTable() const { return m_env; }
    QCheckBox *storageBox() const { return m_storage; }
    QPushButton *applyButton() const { return m_apply; }
    QTreeWidget *reviewList() const { return m_review; }
    QPlainTextEdit *yamlView() const { return m_yaml; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    SpecPage *specPage(int id) const;
    // Adds a row to the environment table.
    void addEnv(const QString &name, const QString &value, bool secret);

    // The review: plan the files and start the dry run. Called on entering the page.
    void prepareReview();
    // Writes the files (asking before any that differ), then applies.
    void applyNow();

Q_SIGNALS:
    // The spec changed; pages refresh their checks.
    void specChanged();
    // The dry run finished (review filled), or the apply finished (with rollouts started).
    void dryRunFinished();
    void applyFinished(bool ok);

private:
    QWizardPage *makeBasics();
    QWizardPage *makeNetwork();
    QWizardPage *makeResources();
    QWizardPage *makeEnv();
    QWizardPage *makeStorage();
    QWizardPage *makeReview();
    void loadClusterFacts();
    void startApply(kube::ApplyRun::Mode mode);
    void showRun(kube::ApplyRun *run);
    void offerInventoryUrl();
    bool ask(const QString &title, const QString &text, const QString &details,
             const QString &button);

    Inventory m_lab;
    QPointer<kube::KubeClient> m_client;
    QPointer<kube::KubeActions> m_actions;
    std::unique_ptr<kube::ManifestApplier> m_applier;
    manifests::LabFacts m_facts;
    WizardPrompts m_prompts;
    QList<manifests::PlannedFile> m_plan;
    QList<manifests::Manifest> m_manifests;
    QPointer<kube::ApplyRun> m_run;
    QList<QPointer<kube::KubeCall>> m_factCalls;

    QLineEdit *m_folder = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_namespace = nullptr;
    QCheckBox *m_newNamespace = nullptr;
    QRadioButton *m_apps = nullptr;
    QRadioButton *m_devops = nullptr;
    QLineEdit *m_image = nullptr;
    QLineEdit *m_tag = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_replicas = nullptr;
    QSpinBox *m_nodePort = nullptr;
    QLineEdit *m_publicHost = nullptr;
    QLineEdit *m_cpuRequest = nullptr;
    QLineEdit *m_cpuLimit = nullptr;
    QLineEdit *m_memoryRequest = nullptr;
    QLineEdit *m_memoryLimit = nullptr;
    QTableWidget *m_env = nullptr;
    QCheckBox *m_storage = nullptr;
    QLineEdit *m_storageSize = nullptr;
    QLineEdit *m_mountPath = nullptr;
    QComboBox *m_readiness = nullptr;
    QLineEdit *m_readinessPath = nullptr;
    QComboBox *m_liveness = nullptr;
    QLineEdit *m_livenessPath = nullptr;
    QTreeWidget *m_review = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_apply = nullptr;
    bool m_imageEdited = false;
};

} // namespace labdeck
