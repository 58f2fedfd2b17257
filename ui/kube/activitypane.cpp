#include "kube/activitypane.h"

#include "healthcolor.h"
#include "kube/kubeactions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QPointer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

namespace {
enum Column { Started, Action, State, Duration, Details, ColumnCount };

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}
} // namespace

ActivityPane::ActivityPane(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels(
        {tr("Started"), tr("Action"), tr("Status"), tr("Duration"), tr("Details")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy"), m_list);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        QStringList lines;
        for (QTreeWidgetItem *item : m_list->selectedItems()) {
            QStringList cols;
            for (int c = 0; c < ColumnCount; ++c)
                cols << item->text(c);
            lines << cols.join(QLatin1Char('\t')) << item->toolTip(Details);
        }
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    m_list->addAction(copy);
    layout->addWidget(m_list);
}

void ActivityPane::prune()
{
    for (int row = m_list->topLevelItemCount() - 1;
         row >= 0 && m_list->topLevelItemCount() > kKeepActions; --row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        const QPointer<kube::KubeAction> action = m_actions.value(item);
        if (action && action->state() == kube::KubeAction::State::Running)
            continue; // a running action stays until it finishes
        m_actions.remove(item);
        delete item;
        if (action)
            action->deleteLater();
    }
}

void ActivityPane::track(kube::KubeAction *action)
{
    auto *item = new QTreeWidgetItem;
    item->setText(Started, QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    item->setText(Action, action->title());
    item->setText(State, tr("running"));
    item->setIcon(State, QIcon());
    item->setText(Details, action->request());
    item->setToolTip(Details, action->request());
    item->setForeground(State, healthColor(Health::Unknown));
    m_list->insertTopLevelItem(0, item);
    m_actions.insert(item, action);
    prune();
    const QPointer<QTreeWidget> list = m_list;
    connect(action, &kube::KubeAction::progress, m_list,
            [item, action](const QString &text, int done, int total) {
                item->setText(State,
                              total > 0 ? tr("running %1/%2").arg(done).arg(total) : tr("running"));
                item->setText(Duration, seconds(action->elapsedMs()));
                item->setText(Details, text);
                item->setToolTip(Details, action->request() + QLatin1Char('\n') + text);
            });
    connect(action, &kube::KubeAction::finished, m_list,
            [this, item, action](kube::KubeAction::State state, const QString &message) {
                switch (state) {
                case kube::KubeAction::State::Succeeded:
                    item->setText(State, tr("\u2713 done"));
                    item->setForeground(State, healthColor(Health::Ok));
                    break;
                case kube::KubeAction::State::Failed:
                    item->setText(State, tr("\u00d7 failed"));
                    item->setForeground(State, healthColor(Health::Critical));
                    break;
                case kube::KubeAction::State::Cancelled:
                case kube::KubeAction::State::Running:
                    item->setText(State, tr("stopped"));
                    item->setForeground(State, healthColor(Health::Warning));
                    break;
                }
                item->setText(Duration, seconds(action->elapsedMs()));
                item->setText(Details, message.section(QLatin1Char('\n'), 0, 0));
                item->setToolTip(Details, action->request() + QLatin1Char('\n') + message);
                prune(); // may delete item: last
            });
    Q_EMIT activity();
}

} // namespace labdeck
