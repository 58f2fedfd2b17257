#include "settings/settingsdialog.h"

#include "common/visibletext.h"
#include "kube/execapproval.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

namespace {

enum Column { AnswerColumn, ProgramColumn, ContextColumn, UserColumn, FileColumn, WhenColumn };
constexpr int kKeyRole = Qt::UserRole + 1;

// A name from a kubeconfig someone sent: control characters made visible.
QString shown(const QString &text)
{
    return VisibleText::forReview(text, 200);
}

// ~/… for paths under the home directory.
QString tildePath(const QString &path)
{
    const QString home = QDir::homePath();
    if (!home.isEmpty() && path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + path.mid(home.size());
    return path;
}

} // namespace

ExecApprovalsPage::ExecApprovalsPage(const QString &approvalsFile, QWidget *parent)
    : QWidget(parent)
    , m_store(std::make_unique<kube::ExecApprovalStore>(approvalsFile))
    , m_list(new QTreeWidget)
    , m_empty(new QLabel(tr("No answers are remembered. Labdeck asks before it runs a program "
                            "that a kubeconfig names, every time you connect, unless you tick "
                            "\"Remember my answer\".")))
    , m_error(new QLabel)
    , m_forget(new QPushButton(tr("&Forget")))
    , m_forgetAll(new QPushButton(tr("Forget &All...")))
{
    auto *intro = new QLabel(
        tr("A kubeconfig can name a program that Labdeck runs to get a credential (an exec "
           "plugin). These are the answers you asked Labdeck to remember. Forget one and Labdeck "
           "asks again the next time it connects with that kubeconfig; a connection that is "
           "already open keeps its credential until it ends."));
    intro->setWordWrap(true);
    m_empty->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    m_list->setObjectName(QStringLiteral("ExecApprovalList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels(
        {tr("Answer"), tr("Program"), tr("Context"), tr("User"), tr("Kubeconfig"), tr("When")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_list->setAccessibleName(tr("Remembered exec plugin answers"));

    auto *forgetKey = new QShortcut(QKeySequence::Delete, m_list);
    forgetKey->setContext(Qt::WidgetShortcut);
    connect(forgetKey, &QShortcut::activated, this, &ExecApprovalsPage::forgetSelected);
    connect(m_forget, &QPushButton::clicked, this, &ExecApprovalsPage::forgetSelected);
    connect(m_forgetAll, &QPushButton::clicked, this, &ExecApprovalsPage::forgetAll);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ExecApprovalsPage::updateButtons);
    m_forget->setToolTip(tr("Forget the selected answers (Delete)"));

    auto *where = new QLabel(tr("Stored in %1").arg(tildePath(m_store->path())));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(where, 1);
    buttons->addWidget(m_forget);
    buttons->addWidget(m_forgetAll);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    refresh();
}

ExecApprovalsPage::~ExecApprovalsPage() = default;

void ExecApprovalsPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void ExecApprovalsPage::refresh()
{
    const QList<kube::ExecApprovalEntry> entries = m_store->entries();
    m_list->clear();
    for (const kube::ExecApprovalEntry &e : entries) {
        auto *item = new QTreeWidgetItem;
        item->setText(AnswerColumn, e.allowed ? tr("Always allow") : tr("Always deny"));
        item->setText(ProgramColumn, e.command.isEmpty() ? tr("(not recorded)") : shown(e.command));
        item->setText(ContextColumn, shown(e.context));
        item->setText(UserColumn, shown(e.user));
        item->setText(FileColumn, tildePath(shown(e.kubeconfigFile)));
        item->setToolTip(FileColumn, shown(e.kubeconfigFile));
        item->setText(WhenColumn,
                      e.decidedAt.isValid()
                          ? QLocale().toString(e.decidedAt.toLocalTime(), QLocale::ShortFormat)
                          : QString());
        item->setData(AnswerColumn, kKeyRole, e.key);
        m_list->addTopLevelItem(item);
    }
    for (int c = 0; c < FileColumn; ++c)
        m_list->resizeColumnToContents(c);
    m_list->setVisible(!entries.isEmpty());
    m_empty->setVisible(entries.isEmpty());
    if (!m_store->lastError().isEmpty())
        showError(m_store->lastError());
    updateButtons();
}

void ExecApprovalsPage::updateButtons()
{
    m_forget->setEnabled(!m_list->selectedItems().isEmpty());
    m_forgetAll->setEnabled(m_list->topLevelItemCount() > 0);
}

void ExecApprovalsPage::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void ExecApprovalsPage::forgetSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    showError(QString());
    for (QTreeWidgetItem *item : selected) {
        if (!m_store->forget(item->data(AnswerColumn, kKeyRole).toString())) {
            showError(tr("Could not forget the answer: %1").arg(m_store->lastError()));
            break;
        }
    }
    refresh();
}

void ExecApprovalsPage::forgetAll()
{
    const int count = m_list->topLevelItemCount();
    if (count == 0)
        return;
    QMessageBox box(QMessageBox::Question, tr("Forget All Answers"),
                    count == 1 ? tr("Forget the remembered exec plugin answer?")
                               : tr("Forget all %1 remembered exec plugin answers?").arg(count),
                    QMessageBox::Cancel, this);
    box.setInformativeText(
        tr("Labdeck will ask again before it runs any of these programs, including the ones "
           "you allowed."));
    QPushButton *forget = box.addButton(tr("Forget All"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != forget)
        return;
    showError(QString());
    if (!m_store->forgetAll())
        showError(tr("Could not forget the answers: %1").arg(m_store->lastError()));
    refresh();
}

SettingsDialog::SettingsDialog(const QString &approvalsFile, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget)
    , m_execApprovals(new ExecApprovalsPage(approvalsFile))
{
    setWindowTitle(tr("Labdeck Settings"));
    setObjectName(QStringLiteral("SettingsDialog"));
    addPage(m_execApprovals, tr("&Exec Plugins"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(close);
    resize(820, 420);
}

void SettingsDialog::addPage(QWidget *page, const QString &title)
{
    m_tabs->addTab(page, title);
}

} // namespace labdeck
