#include "kube/tablepane.h"

#include "kubemodels.h"
#include "relativetimeticker.h"
#include "roles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace labdeck {

KubeFilterProxy::KubeFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(roles::Sort);
    setDynamicSortFilter(true);
}

void KubeFilterProxy::setNamespace(const QString &ns)
{
    m_namespace = ns;
    invalidateFilter();
}

void KubeFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool KubeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (!m_namespace.isEmpty() &&
        m->index(sourceRow, 0, sourceParent).data(roles::Namespace).toString() != m_namespace)
        return false;
    if (m_text.isEmpty())
        return true;
    // Every word must appear in some column ("apps shlink").
    const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        bool found = false;
        for (int c = 0; c < m->columnCount(sourceParent) && !found; ++c)
            found = m->index(sourceRow, c, sourceParent)
                        .data()
                        .toString()
                        .contains(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

TablePane::TablePane(QAbstractItemModel *model, const QString &placeholder, bool namespacePicker,
                     QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new KubeFilterProxy(this))
    , m_filter(new QLineEdit)
    , m_table(new QTableView)
    , m_bar(new QHBoxLayout)
{
    m_proxy->setSourceModel(model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_filter->setPlaceholderText(placeholder);
    m_filter->setClearButtonEnabled(true);
    m_bar->addWidget(m_filter, 1);
    if (namespacePicker) {
        m_namespaces = new QComboBox;
        m_namespaces->setAccessibleName(tr("Namespace"));
        m_namespaces->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_namespaces->addItem(tr("All namespaces"), QString());
        m_bar->addWidget(m_namespaces);
        connect(m_namespaces, &QComboBox::currentIndexChanged, this,
                [this] { m_proxy->setNamespace(m_namespaces->currentData().toString()); });
        connect(model, &QAbstractItemModel::rowsInserted, this, &TablePane::refreshNamespaces);
        connect(model, &QAbstractItemModel::modelReset, this, &TablePane::refreshNamespaces);
    }
    layout->addLayout(m_bar);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_table, 1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &KubeFilterProxy::setText);
    // Typing in the table goes to the filter, so tables filter as you type.
    setFocusProxy(m_table);
    m_table->installEventFilter(this);
    // Ages ("45s", "3 min ago") keep counting while the table is shown.
    if (const auto *relative = dynamic_cast<const RelativeTimeColumns *>(model)) {
        const QList<int> columns = relative->relativeTimeColumns();
        if (!columns.isEmpty()) {
            m_ticker = new RelativeTimeTicker(model, columns, roles::Sort, this);
            m_ticker->watch(m_table, m_table->isVisible());
        }
    }
}

bool TablePane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            m_filter->setFocus();
            m_filter->insert(text);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TablePane::refreshNamespaces()
{
    QSet<QString> set;
    for (int r = 0; r < m_model->rowCount(); ++r)
        set.insert(m_model->index(r, 0).data(roles::Namespace).toString());
    bool changed = false;
    for (const QString &ns : set) {
        if (!ns.isEmpty() && m_namespaces->findData(ns) < 0) {
            m_namespaces->addItem(ns, ns);
            changed = true;
        }
    }
    if (changed)
        m_namespaces->model()->sort(0);
    // Keep "All namespaces" first.
    const int all = m_namespaces->findData(QString());
    if (all > 0) {
        const QString current = m_namespaces->currentData().toString();
        m_namespaces->removeItem(all);
        m_namespaces->insertItem(0, tr("All namespaces"), QString());
        m_namespaces->setCurrentIndex(qMax(0, m_namespaces->findData(current)));
    }
}

int TablePane::currentSourceRow() const
{
    const QModelIndex idx = m_table->currentIndex();
    return idx.isValid() ? m_proxy->mapToSource(idx).row() : -1;
}

void TablePane::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

bool TablePane::selectKey(const QString &key)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex idx = m_proxy->index(r, 0);
        if (idx.data(roles::Key).toString() == key) {
            m_table->setCurrentIndex(idx);
            m_table->scrollTo(idx);
            return true;
        }
    }
    return false;
}

} // namespace labdeck
