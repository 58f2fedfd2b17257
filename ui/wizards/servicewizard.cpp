#include "wizards/servicewizard.h"

#include "manifests/inventoryeditor.h"
#include "wizards/conflictdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

using namespace manifests;

namespace {

const QLatin1String kFolderKey("manifests/folder");

// Secret values are shown as bullets and typed in a password field.
class EnvValueDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static bool isSecret(const QModelIndex &index)
    {
        return index.sibling(index.row(), 2).data(Qt::CheckStateRole).toInt() == Qt::Checked;
    }
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == 1 && isSecret(index))
            option->text = QString(qMin(12, int(index.data().toString().size())), QChar(0x2022));
    }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor);
            line && index.column() == 1 && isSecret(index))
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }
};

// A field with its check messages right under it; hidden messages take no room.
QWidget *withIssues(QWidget *field, std::initializer_list<QLabel *> issues)
{
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    for (QLabel *l : issues)
        v->addWidget(l);
    box->setFocusProxy(field);
    return box;
}

QWidget *withIssues(QLayout *row, QWidget *focus, std::initializer_list<QLabel *> issues)
{
    auto *inner = new QWidget;
    row->setContentsMargins(0, 0, 0, 0);
    inner->setLayout(row);
    QWidget *box = withIssues(inner, issues);
    box->setFocusProxy(focus);
    return box;
}

QLabel *hint(const QString &text)
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    l->setEnabled(false);
    return l;
}

} // namespace

SpecPage::SpecPage(ServiceWizard *wizard, QStringList fields)
    : m_wizard(wizard)
    , m_fields(std::move(fields))
{
    connect(wizard, &ServiceWizard::specChanged, this, &SpecPage::refresh);
}

QLabel *SpecPage::issueLabel(const QString &field)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setObjectName(QStringLiteral("issue-") + field);
    label->hide();
    m_labels.insert(field, label);
    return label;
}

QString SpecPage::message(const QString &field) const
{
    const QLabel *l = m_labels.value(field);
    return l ? l->text() : QString();
}

bool SpecPage::isComplete() const
{
    return !m_hasErrors;
}

void SpecPage::refresh()
{
    QHash<QString, QStringList> errors;
    QHash<QString, QStringList> warnings;
    bool hasErrors = false;
    for (const FieldIssue &issue : m_wizard->issues()) {
        QString field = issue.field;
        if (field.startsWith(QLatin1String("env[")))
            field = QStringLiteral("env");
        if (!m_fields.contains(field))
            continue;
        if (issue.severity == FieldIssue::Severity::Error) {
            errors[field] << issue.message;
            hasErrors = true;
        } else {
            warnings[field] << issue.message;
        }
    }
    for (auto it = m_labels.begin(); it != m_labels.end(); ++it) {
        QStringList lines;
        // Shape and colour: an error is red with ✗, a warning amber with ⚠.
        for (const QString &m : errors.value(it.key()))
            lines << QStringLiteral("✗ ") + m;
        for (const QString &m : warnings.value(it.key()))
            lines << QStringLiteral("⚠ ") + m;
        it.value()->setText(lines.join(QLatin1Char('\n')));
        it.value()->setStyleSheet(errors.contains(it.key()) ? QStringLiteral("color: #c62828;")
                                                            : QStringLiteral("color: #b26a00;"));
        it.value()->setVisible(!lines.isEmpty());
    }
    if (hasErrors != m_hasErrors) {
        m_hasErrors = hasErrors;
        Q_EMIT completeChanged();
    }
}

ServiceWizard::ServiceWizard(const Inventory &lab, kube::KubeClient *client,
                             kube::KubeActions *actions, QWidget *parent)
    : QWizard(parent)
    , m_lab(lab)
    , m_client(client)
    , m_actions(actions)
    , m_facts(labFacts(lab))
{
    setWindowTitle(tr("New Service"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setOption(QWizard::HaveHelpButton, false);
    setButtonText(QWizard::FinishButton, tr("Close"));
    if (client)
        m_applier = std::make_unique<kube::ManifestApplier>(client, actions);
    setPage(BasicsPage, makeBasics());
    setPage(NetworkPage, makeNetwork());
    setPage(ResourcesPage, makeResources());
    setPage(EnvPage, makeEnv());
    setPage(StoragePage, makeStorage());
    setPage(ReviewPage, makeReview());
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ReviewPage)
            prepareReview();
    });
    resize(760, 600);
    loadClusterFacts();
    Q_EMIT specChanged();
}

ServiceWizard::~ServiceWizard()
{
    for (const auto &call : std::as_const(m_factCalls)) {
        if (call)
            call->abort();
    }
}

SpecPage *ServiceWizard::specPage(int id) const
{
    return qobject_cast<SpecPage *>(page(id));
}

QString ServiceWizard::savedFolder()
{
    const QString saved = QSettings().value(kFolderKey).toString();
    return saved.isEmpty() ? defaultManifestsFolder() : saved;
}

QString ServiceWizard::folder() const
{
    return QDir::cleanPath(m_folder->text().trimmed());
}

QWizardPage *ServiceWizard::makeBasics()
{
    auto *page = new SpecPage(this, {QStringLiteral("name"), QStringLiteral("namespace"),
                                     QStringLiteral("image"), QStringLiteral("tag"),
                                     QStringLiteral("containerPort"), QStringLiteral("replicas")});
    page->setTitle(tr("Service"));
    page->setSubTitle(tr("What runs, where, and where its manifests are written."));
    auto *form = new QFormLayout(page);

    m_folder = new QLineEdit(savedFolder());
    auto *browse = new QPushButton(tr("Choose…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Manifests Folder"), folder());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Manifests &folder:"), withIssues(folderRow, m_folder, {}));
    form->addRow(
        QString(),
        hint(tr("Laid out like the seed: base/ for namespaces and storage, apps/ for bracky, "
                "monitoring/ and devops/ for metamon.")));

    m_name = new QLineEdit;
    m_name->setPlaceholderText(QStringLiteral("my-app"));
    form->addRow(tr("Na&me:"), withIssues(m_name, {page->issueLabel(QStringLiteral("name"))}));

    m_apps = new QRadioButton(tr("bracky — apps (role=apps)"));
    m_devops = new QRadioButton(tr("metamon — DevOps (role=devops)"));
    m_apps->setChecked(true);
    auto *nodeRow = new QVBoxLayout;
    nodeRow->addWidget(m_apps);
    nodeRow->addWidget(m_devops);
    form->addRow(tr("Node:"), nodeRow);

    m_namespace = new QComboBox;
    m_namespace->setEditable(true);
    QStringList names = m_facts.namespaces.values();
    names.sort();
    m_namespace->addItems(names);
    m_namespace->setCurrentText(QStringLiteral("apps"));
    m_newNamespace = new QCheckBox(tr("Create this namespace (base/namespace-<name>.yaml)"));
    form->addRow(tr("Name&space:"),
                 withIssues(m_namespace, {page->issueLabel(QStringLiteral("namespace"))}));
    form->addRow(QString(), m_newNamespace);

    m_image = new QLineEdit(QStringLiteral("registry.example.com/"));
    m_tag = new QLineEdit(QStringLiteral("latest"));
    auto *imageRow = new QHBoxLayout;
    imageRow->addWidget(m_image, 3);
    imageRow->addWidget(new QLabel(QStringLiteral(":")));
    imageRow->addWidget(m_tag, 1);
    form->addRow(tr("&Image and tag:"), withIssues(imageRow, m_image,
                                                   {page->issueLabel(QStringLiteral("image")),
                                                    page->issueLabel(QStringLiteral("tag"))}));

    m_port = new QSpinBox;
    m_port->setRange(0, 99999);
    m_port->setValue(8080);
    form->addRow(tr("Container &port:"),
                 withIssues(m_port, {page->issueLabel(QStringLiteral("containerPort"))}));
    m_replicas = new QSpinBox;
    m_replicas->setRange(0, 99);
    m_replicas->setValue(1);
    form->addRow(tr("&Replicas:"),
                 withIssues(m_replicas, {page->issueLabel(QStringLiteral("replicas"))}));

    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &name) {
        // The image follows the name in the lab's registry until the user types one.
        if (!m_imageEdited)
            m_image->setText(QStringLiteral("registry.example.com/") + name.toLower());
        Q_EMIT specChanged();
    });
    connect(m_image, &QLineEdit::textEdited, this, [this] { m_imageEdited = true; });
    connect(m_devops, &QRadioButton::toggled, this, [this](bool devops) {
        const QString current = m_namespace->currentText();
        if (current == QLatin1String("apps") || current == QLatin1String("devops"))
            m_namespace->setCurrentText(devops ? QStringLiteral("devops") : QStringLiteral("apps"));
        Q_EMIT specChanged();
    });
    for (QLineEdit *e : {m_folder, m_image, m_tag})
        connect(e, &QLineEdit::textChanged, this, &ServiceWizard::specChanged);
    connect(m_namespace, &QComboBox::currentTextChanged, this, &ServiceWizard::specChanged);
    connect(m_newNamespace, &QCheckBox::toggled, this, &ServiceWizard::specChanged);
    for (QSpinBox *s : {m_port, m_replicas})
        connect(s, &QSpinBox::valueChanged, this, &ServiceWizard::specChanged);
    return page;
}

QWizardPage *ServiceWizard::makeNetwork()
{
    auto *page = new SpecPage(this, {QStringLiteral("nodePort"), QStringLiteral("publicHost")});
    page->setTitle(tr("Network"));
    page->setSubTitle(tr(
        "A NodePort lets Traefik on pochama reach the service; a public URL adds a Traefik route "
        "with a Let's Encrypt certificate."));
    auto *form = new QFormLayout(page);
    m_nodePort = new QSpinBox;
    m_nodePort->setRange(0, 32767);
    m_nodePort->setSpecialValueText(tr("none (ClusterIP only)"));
    form->addRow(tr("N&odePort:"),
                 withIssues(m_nodePort, {page->issueLabel(QStringLiteral("nodePort"))}));
    form->addRow(QString(),
                 hint(tr("30000–32767, checked against the inventory and the live cluster.")));
    m_publicHost = new QLineEdit;
    m_publicHost->setPlaceholderText(QStringLiteral("my-app.example.com"));
    form->addRow(tr("&Public host:"),
                 withIssues(m_publicHost, {page->issueLabel(QStringLiteral("publicHost"))}));
    form->addRow(
        QString(),
        hint(tr("Optional. Writes traefik/<name>.yaml next to the manifests and offers to add the "
                "URL to your inventory.")));
    connect(m_nodePort, &QSpinBox::valueChanged, this, &ServiceWizard::specChanged);
    connect(m_publicHost, &QLineEdit::textChanged, this, &ServiceWizard::specChanged);
    return page;
}

QWizardPage *ServiceWizard::makeResources()
{
    auto *page =
        new SpecPage(this, {QStringLiteral("cpuRequest"), QStringLiteral("cpuLimit"),
                            QStringLiteral("memoryRequest"), QStringLiteral("memoryLimit")});
    page->setTitle(tr("Resources"));
    page->setSubTitle(tr("Each node has 1 OCPU and 6 GB. Requests reserve, limits cap."));
    auto *form = new QFormLayout(page);
    const ServiceSpec defaults;
    m_cpuRequest = new QLineEdit(defaults.cpuRequest);
    m_cpuLimit = new QLineEdit(defaults.cpuLimit);
    m_memoryRequest = new QLineEdit(defaults.memoryRequest);
    m_memoryLimit = new QLineEdit(defaults.memoryLimit);
    form->addRow(tr("CPU &request:"),
                 withIssues(m_cpuRequest, {page->issueLabel(QStringLiteral("cpuRequest"))}));
    form->addRow(tr("CPU &limit:"),
                 withIssues(m_cpuLimit, {page->issueLabel(QStringLiteral("cpuLimit"))}));
    form->addRow(tr("&Memory request:"),
                 withIssues(m_memoryRequest, {page->issueLabel(QStringLiteral("memoryRequest"))}));
    form->addRow(tr("Memory l&imit:"),
                 withIssues(m_memoryLimit, {page->issueLabel(QStringLiteral("memoryLimit"))}));
    for (QLineEdit *e : {m_cpuRequest, m_cpuLimit, m_memoryRequest, m_memoryLimit})
        connect(e, &QLineEdit::textChanged, this, &ServiceWizard::specChanged);
    return page;
}

QWizardPage *ServiceWizard::makeEnv()
{
    auto *page = new SpecPage(this, {QStringLiteral("env")});
    page->setTitle(tr("Environment and Secrets"));
    page->setSubTitle(tr("Secret values go into a Kubernetes Secret sent to the cluster; they are "
                         "never written to a "
                         "file or a log."));
    auto *layout = new QVBoxLayout(page);
    m_env = new QTableWidget(0, 3);
    m_env->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
    m_env->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_env->setItemDelegate(new EnvValueDelegate(m_env));
    layout->addWidget(m_env);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Variable"));
    auto *remove = new QPushButton(tr("&Remove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(page->issueLabel(QStringLiteral("env")));
    connect(add, &QPushButton::clicked, this, [this] {
        addEnv(QString(), QString(), false);
        m_env->editItem(m_env->item(m_env->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_env->currentRow() >= 0)
            m_env->removeRow(m_env->currentRow());
        Q_EMIT specChanged();
    });
    connect(m_env, &QTableWidget::itemChanged, this, &ServiceWizard::specChanged);
    return page;
}

void ServiceWizard::addEnv(const QString &name, const QString &value, bool secret)
{
    const int row = m_env->rowCount();
    m_env->insertRow(row);
    m_env->setItem(row, 0, new QTableWidgetItem(name));
    m_env->setItem(row, 1, new QTableWidgetItem(value));
    auto *check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    check->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
    m_env->setItem(row, 2, check);
    Q_EMIT specChanged();
}

QWizardPage *ServiceWizard::makeStorage()
{
    auto *page = new SpecPage(this, {QStringLiteral("storageSize"), QStringLiteral("mountPath"),
                                     QStringLiteral("readiness"), QStringLiteral("liveness")});
    page->setTitle(tr("Storage and Probes"));
    page->setSubTitle(
        tr("Persistent storage is an NFS share on pochama under /srv/nfs/k8s/<name>."));
    auto *form = new QFormLayout(page);
    m_storage = new QCheckBox(tr("Persistent &storage on pochama's NFS"));
    form->addRow(m_storage);
    m_storageSize = new QLineEdit(QStringLiteral("1Gi"));
    m_mountPath = new QLineEdit(QStringLiteral("/data"));
    form->addRow(tr("Si&ze:"),
                 withIssues(m_storageSize, {page->issueLabel(QStringLiteral("storageSize"))}));
    form->addRow(tr("Mount &path:"),
                 withIssues(m_mountPath, {page->issueLabel(QStringLiteral("mountPath"))}));
    auto probeRow = [this, form, page](QComboBox *&kind, QLineEdit *&path, const QString &label,
                                       const QString &field) {
        kind = new QComboBox;
        kind->addItems({tr("none"), tr("HTTP GET"), tr("TCP connect")});
        path = new QLineEdit(QStringLiteral("/"));
        auto *row = new QHBoxLayout;
        row->addWidget(kind);
        row->addWidget(path, 1);
        form->addRow(label, withIssues(row, kind, {page->issueLabel(field)}));
        connect(kind, &QComboBox::currentIndexChanged, this, &ServiceWizard::specChanged);
        connect(path, &QLineEdit::textChanged, this, &ServiceWizard::specChanged);
    };
    probeRow(m_readiness, m_readinessPath, tr("Rea&diness probe:"), QStringLiteral("readiness"));
    probeRow(m_liveness, m_livenessPath, tr("&Liveness probe:"), QStringLiteral("liveness"));
    auto enable = [this](bool on) {
        m_storageSize->setEnabled(on);
        m_mountPath->setEnabled(on);
    };
    enable(false);
    connect(m_storage, &QCheckBox::toggled, this, [this, enable](bool on) {
        enable(on);
        Q_EMIT specChanged();
    });
    for (QLineEdit *e : {m_storageSize, m_mountPath})
        connect(e, &QLineEdit::textChanged, this, &ServiceWizard::specChanged);
    return page;
}

QWizardPage *ServiceWizard::makeReview()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Review and Apply"));
    page->setSubTitle(tr("The files to write, the YAML, and what would change in the cluster (a "
                         "server-side apply dry "
                         "run, field manager labdeck)."));
    auto *layout = new QVBoxLayout(page);
    m_review = new QTreeWidget;
    m_review->setHeaderLabels({tr("File or object"), tr("Result")});
    m_review->setRootIsDecorated(true);
    m_review->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_yaml = new QPlainTextEdit;
    m_yaml->setReadOnly(true);
    m_yaml->setFont(mono);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff = new QPlainTextEdit;
    m_diff->setReadOnly(true);
    m_diff->setFont(mono);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_review);
    auto *texts = new QSplitter(Qt::Horizontal);
    texts->addWidget(m_yaml);
    texts->addWidget(m_diff);
    split->addWidget(texts);
    layout->addWidget(split, 1);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply = new QPushButton(tr("&Apply"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_progress);
    row->addWidget(m_apply);
    layout->addLayout(row);
    connect(m_apply, &QPushButton::clicked, this, &ServiceWizard::applyNow);
    return page;
}

void ServiceWizard::loadClusterFacts()
{
    if (!m_client)
        return;
    auto fetch = [this](const QString &path, auto merge) {
        kube::KubeCall *call = m_client->get(path, {}, std::chrono::seconds(15));
        m_factCalls << call;
        connect(call, &kube::KubeCall::finished, this, [this, merge](const kube::KubeResponse &r) {
            if (!r.ok())
                return; // the inventory's facts stay; the dry run checks again
            merge(r.json);
            Q_EMIT specChanged();
        });
    };
    fetch(QStringLiteral("/api/v1/services"),
          [this](const QJsonObject &list) { addClusterServices(m_facts, list); });
    fetch(QStringLiteral("/api/v1/nodes"),
          [this](const QJsonObject &list) { addClusterNodes(m_facts, list); });
    fetch(QStringLiteral("/api/v1/pods"),
          [this](const QJsonObject &list) { addClusterPods(m_facts, list); });
    fetch(QStringLiteral("/api/v1/namespaces"), [this](const QJsonObject &list) {
        addClusterNamespaces(m_facts, list);
        const QString current = m_namespace->currentText();
        QStringList names = m_facts.namespaces.values();
        names.sort();
        const QSignalBlocker block(m_namespace);
        m_namespace->clear();
        m_namespace->addItems(names);
        m_namespace->setCurrentText(current);
    });
}

ServiceSpec ServiceWizard::spec() const
{
    ServiceSpec s;
    s.role = m_devops->isChecked() ? NodeRole::DevOps : NodeRole::Apps;
    applyLabDefaults(s, m_lab);
    s.name = m_name->text().trimmed();
    s.ns = m_namespace->currentText().trimmed();
    s.createNamespace = m_newNamespace->isChecked();
    s.image = m_image->text().trimmed();
    s.tag = m_tag->text().trimmed();
    s.containerPort = m_port->value();
    s.replicas = m_replicas->value();
    s.nodePort = m_nodePort->value();
    s.publicHost = m_publicHost->text().trimmed();
    s.cpuRequest = m_cpuRequest->text().trimmed();
    s.cpuLimit = m_cpuLimit->text().trimmed();
    s.memoryRequest = m_memoryRequest->text().trimmed();
    s.memoryLimit = m_memoryLimit->text().trimmed();
    for (int row = 0; row < m_env->rowCount(); ++row) {
        const QTableWidgetItem *name = m_env->item(row, 0);
        const QTableWidgetItem *value = m_env->item(row, 1);
        const QTableWidgetItem *secret = m_env->item(row, 2);
        s.env.append({name ? name->text().trimmed() : QString(), value ? value->text() : QString(),
                      secret && secret->checkState() == Qt::Checked});
    }
    s.storage = m_storage->isChecked();
    s.storageSize = m_storageSize->text().trimmed();
    s.mountPath = m_mountPath->text().trimmed();
    auto probe = [](const QComboBox *kind, const QLineEdit *path, int delay) {
        Probe p;
        p.kind = kind->currentIndex() == 1   ? Probe::Kind::Http
                 : kind->currentIndex() == 2 ? Probe::Kind::Tcp
                                             : Probe::Kind::None;
        p.path = path->text().trimmed();
        p.initialDelaySeconds = delay;
        return p;
    };
    s.readiness = probe(m_readiness, m_readinessPath, 5);
    s.liveness = probe(m_liveness, m_livenessPath, 15);
    return s;
}

QList<FieldIssue> ServiceWizard::issues() const
{
    if (!m_liveness) // still building the pages
        return {};
    return SpecCheck::validate(spec(), m_facts);
}

bool ServiceWizard::ask(const QString &title, const QString &text, const QString &details,
                        const QString &button)
{
    if (m_prompts.ask)
        return m_prompts.ask(title, text, details, button);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box.setDetailedText(details);
    QPushButton *go = box.addButton(button, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

void ServiceWizard::prepareReview()
{
    const ServiceSpec s = spec();
    QSettings().setValue(kFolderKey, folder());
    m_manifests = generateManifests(s);
    m_plan = WritePlan::plan(folder(), manifestFiles(s));
    m_review->clear();
    auto *files = new QTreeWidgetItem(m_review, {tr("Files in %1").arg(folder())});
    QString yaml;
    QString diff;
    for (const PlannedFile &f : std::as_const(m_plan)) {
        const QString state = f.state == PlannedFile::State::New ? tr("new file")
                              : f.state == PlannedFile::State::Same
                                  ? tr("unchanged")
                                  : tr("exists and differs: you are asked before it is replaced");
        new QTreeWidgetItem(files, {f.relative, state});
        yaml += QStringLiteral("# %1\n").arg(f.relative) + QString::fromUtf8(f.content) +
                QLatin1Char('\n');
        if (f.state == PlannedFile::State::Differs)
            diff += f.diff + QLatin1Char('\n');
    }
    for (const Manifest &m : std::as_const(m_manifests)) {
        if (m.file.isEmpty())
            yaml += tr("# %1: sent to the cluster only, never written\n").arg(m.title()) +
                    QString::fromUtf8(m.redacted.toYaml()) + QLatin1Char('\n');
    }
    m_yaml->setPlainText(yaml);
    m_diff->setPlainText(diff);
    files->setExpanded(true);
    auto *objects = new QTreeWidgetItem(m_review, {tr("Objects")});
    for (const Manifest &m : std::as_const(m_manifests))
        new QTreeWidgetItem(objects,
                            {m.title(), m_applier ? tr("checking…") : tr("not connected")});
    objects->setExpanded(true);
    if (!m_applier) {
        m_apply->setText(tr("&Write Files"));
        m_status->setText(tr("Not connected to a cluster: the files can be written, and applied "
                             "later with Apply Folder."));
        Q_EMIT dryRunFinished();
        return;
    }
    m_apply->setEnabled(false);
    m_status->setText(tr("Dry run…"));
    if (m_run) {
        // Back and forth while a run is going: the old one stops and is no longer shown.
        m_run->cancel();
        disconnect(m_run, nullptr, this, nullptr);
    }
    m_run = m_applier->run(kube::applyTargets(m_manifests), kube::ApplyRun::Mode::DryRun);
    showRun(m_run);
    connect(m_run, &kube::ApplyRun::finished, this, [this, run = m_run] {
        m_apply->setEnabled(true);
        const int failed = run->count(kube::ApplyResult::Outcome::Failed);
        const int conflicts = run->count(kube::ApplyResult::Outcome::Conflict);
        m_status->setText(
            tr("Dry run: %1 would be created, %2 changed, %3 unchanged, %4 conflicts, %5 failed.")
                .arg(run->count(kube::ApplyResult::Outcome::Created))
                .arg(run->count(kube::ApplyResult::Outcome::Configured))
                .arg(run->count(kube::ApplyResult::Outcome::Unchanged))
                .arg(conflicts)
                .arg(failed));
        QString diffs = m_diff->toPlainText();
        for (qsizetype i = 0; i < run->results().size(); ++i) {
            const kube::ApplyResult &r = run->results().at(i);
            if (!r.diff.isEmpty())
                diffs += QStringLiteral("# %1\n%2\n").arg(run->targets().at(i).title(), r.diff);
        }
        m_diff->setPlainText(diffs);
        Q_EMIT dryRunFinished();
    });
}

void ServiceWizard::showRun(kube::ApplyRun *run)
{
    connect(run, &kube::ApplyRun::objectFinished, this,
            [this, run](int index, const kube::ApplyResult &r) {
                // The tree is rebuilt when the review is entered again.
                QTreeWidgetItem *objects = m_review->topLevelItem(1);
                if (run != m_run || !objects || index >= objects->childCount())
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
                objects->child(index)->setText(1, text);
                objects->child(index)->setToolTip(1, text);
            });
}

void ServiceWizard::applyNow()
{
    // The files first: an existing file that differs is replaced only after the
    // user saw the diff and agreed; a refusal stops everything.
    QList<PlannedFile> toWrite;
    for (const PlannedFile &f : std::as_const(m_plan)) {
        if (f.state == PlannedFile::State::Differs &&
            !ask(tr("Replace %1?").arg(f.relative),
                 tr("%1 already exists and differs from what the wizard would write. Replace it? "
                    "Nothing is written "
                    "or applied otherwise.")
                     .arg(f.path),
                 f.diff, tr("Replace File"))) {
            m_status->setText(
                tr("Nothing written or applied: %1 was kept as it is.").arg(f.relative));
            Q_EMIT applyFinished(false);
            return;
        }
        toWrite << f;
    }
    // All files or none: a full disk half way leaves the folder as it was.
    QString error;
    if (!WritePlan::writeAll(toWrite, true, &error)) {
        m_status->setText(tr("Nothing written or applied: %1").arg(error));
        Q_EMIT applyFinished(false);
        return;
    }
    if (!m_applier) {
        m_status->setText(tr("Files written to %1.").arg(folder()));
        m_apply->setEnabled(false);
        offerInventoryUrl();
        Q_EMIT applyFinished(true);
        return;
    }
    startApply(kube::ApplyRun::Mode::Apply);
}

void ServiceWizard::startApply(kube::ApplyRun::Mode mode)
{
    m_apply->setEnabled(false);
    m_status->setText(mode == kube::ApplyRun::Mode::ForceApply ? tr("Applying with force…")
                                                               : tr("Applying…"));
    m_run = m_applier->run(kube::applyTargets(m_manifests), mode);
    showRun(m_run);
    connect(m_run, &kube::ApplyRun::finished, this, [this, run = m_run] {
        const auto conflicts = run->conflicts();
        if (!conflicts.isEmpty()) {
            auto decide = [this, count = conflicts.size()](bool force) {
                if (force) {
                    startApply(kube::ApplyRun::Mode::ForceApply);
                    return;
                }
                m_status->setText(
                    tr("Not applied where another manager owns fields: %1 conflict(s). "
                       "The rest was applied.")
                        .arg(count));
                m_apply->setEnabled(true);
                Q_EMIT applyFinished(false);
            };
            if (m_prompts.force)
                decide(m_prompts.force(conflicts));
            else
                ConflictDialog::ask(conflicts, this, decide);
            return;
        }
        if (!run->allOk()) {
            QStringList failures;
            for (qsizetype i = 0; i < run->results().size(); ++i) {
                if (!run->results().at(i).ok())
                    failures << QStringLiteral("%1: %2").arg(run->targets().at(i).title(),
                                                             run->results().at(i).message);
            }
            m_status->setText(tr("Apply failed:\n%1").arg(failures.join(QLatin1Char('\n'))));
            m_apply->setEnabled(true);
            Q_EMIT applyFinished(false);
            return;
        }
        const QList<kube::KubeAction *> rollouts = m_applier->followRollouts(run);
        offerInventoryUrl();
        if (rollouts.isEmpty()) {
            m_status->setText(tr("Applied; nothing to roll out."));
            Q_EMIT applyFinished(true);
            return;
        }
        kube::KubeAction *rollout = rollouts.first();
        m_status->setText(tr("Applied. %1…").arg(rollout->title()));
        m_progress->setRange(0, 0); // busy until the first count arrives
        m_progress->show();
        connect(rollout, &kube::KubeAction::progress, this,
                [this, rollout](const QString &text, int done, int total) {
                    m_status->setText(QStringLiteral("%1: %2").arg(rollout->title(), text));
                    if (total > 0) {
                        m_progress->setRange(0, total);
                        m_progress->setValue(done);
                    }
                });
        connect(rollout, &kube::KubeAction::finished, this,
                [this](kube::KubeAction::State state, const QString &message) {
                    m_progress->hide();
                    const bool ok = state == kube::KubeAction::State::Succeeded;
                    m_status->setText(ok ? tr("Ready: %1").arg(message)
                                         : tr("Rollout failed: %1").arg(message));
                    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
                    Q_EMIT applyFinished(ok);
                });
    });
}

void ServiceWizard::offerInventoryUrl()
{
    const ServiceSpec s = spec();
    if (s.publicHost.isEmpty())
        return;
    const QString refusal = InventoryEditor::refusal(m_lab);
    if (!refusal.isEmpty()) {
        m_status->setText(
            m_status->text() + QLatin1Char('\n') +
            tr("The URL https://%1 was not added to the inventory. %2").arg(s.publicHost, refusal));
        return;
    }
    QFile file(m_lab.sourceFile);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(m_status->text() + QLatin1Char('\n') +
                          tr("%1: cannot read: %2").arg(m_lab.sourceFile, file.errorString()));
        return;
    }
    Workload w;
    w.name = s.name;
    w.ns = s.ns;
    w.kind = WorkloadKind::Deployment;
    w.host = s.nodeName();
    for (const Host &h : m_lab.hosts) {
        if (h.labels.value(QStringLiteral("role")) == s.roleLabel())
            w.host = h.name;
    }
    w.nodePort = s.nodePort;
    w.url = QUrl(QStringLiteral("https://") + s.publicHost);
    if (s.storage)
        w.volume = s.nfsPath();
    const InventoryEdit edit = InventoryEditor::addWorkloadUrl(file.readAll(), m_lab.sourceFile, w);
    if (!edit.ok()) {
        m_status->setText(m_status->text() + QLatin1Char('\n') + edit.error);
        return;
    }
    if (!edit.changes())
        return;
    if (!ask(tr("Add URL to Inventory"),
             tr("Add %1 to workload %2 in %3? A backup is kept as %3.bak.")
                 .arg(w.url.toString(), w.qualifiedName(), m_lab.sourceFile),
             edit.diff, tr("Add URL")))
        return;
    QString error;
    if (!InventoryEditor::write(m_lab.sourceFile, edit, &error))
        m_status->setText(m_status->text() + QLatin1Char('\n') + error);
}

} // namespace labdeck
