#include "history/transitionspane.h"

#include "common/visibletext.h"
#include "healthcolor.h"
#include "history/historystore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

using history::HistoryStore;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

TransitionsPane::TransitionsPane(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_banner(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_soon(new QTimer(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; padding: 4px; }"));
    m_banner->hide();
    layout->addWidget(m_banner);
    auto *bar = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter by item or text"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the history"));
    bar->addWidget(m_filter, 1);
    m_severity->addItem(tr("All changes"), int(Health::Unknown));
    m_severity->addItem(tr("Problems (warning or critical)"), int(Health::Warning));
    m_severity->addItem(tr("Critical only"), int(Health::Critical));
    m_severity->setAccessibleName(tr("Severity"));
    bar->addWidget(m_severity);
    layout->addLayout(bar);
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("When"), tr("Item"), tr("Change"), tr("What was said")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAccessibleName(tr("State changes"));
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list);

    // Typing and a burst of writes ask once.
    m_soon->setSingleShot(true);
    m_soon->setInterval(250);
    connect(m_soon, &QTimer::timeout, this, &TransitionsPane::refresh);
    connect(m_filter, &QLineEdit::textChanged, m_soon, qOverload<>(&QTimer::start));
    connect(m_severity, &QComboBox::currentIndexChanged, this, &TransitionsPane::refresh);
    connect(store, &HistoryStore::recorded, m_soon, qOverload<>(&QTimer::start));
    connect(store, &HistoryStore::statusChanged, this, &TransitionsPane::refresh);
    connect(store, &HistoryStore::transitionsReady, this,
            [this](int id, const QList<history::Transition> &list) {
                if (id != m_request)
                    return;
                show(list);
                Q_EMIT updated();
            });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT itemActivated(item->data(1, kIdRole).toString());
    });
}

void TransitionsPane::setProblem(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void TransitionsPane::refresh()
{
    m_soon->stop();
    if (!m_store)
        return;
    history::TransitionFilter f;
    f.text = m_filter->text().trimmed();
    f.minimum = static_cast<Health>(m_severity->currentData().toInt());
    const QDateTime now = m_now();
    m_request = m_store->requestTransitions(f, now.addMSecs(-30 * kDayMs), kRows);
}

void TransitionsPane::show(const QList<history::Transition> &transitions)
{
    m_list->clear();
    const QLocale locale;
    QList<QTreeWidgetItem *> rows;
    rows.reserve(transitions.size());
    for (const history::Transition &t : transitions) {
        auto *row = new QTreeWidgetItem;
        row->setText(0, locale.toString(QDateTime::fromMSecsSinceEpoch(t.at).toLocalTime(),
                                        QLocale::ShortFormat));
        row->setText(1, VisibleText::escape(t.item));
        row->setData(1, kIdRole, t.item);
        row->setText(2, tr("%1 %2 \u2192 %3 %4")
                            .arg(HealthText::glyph(t.from), HealthText::name(t.from),
                                 HealthText::glyph(t.to), HealthText::name(t.to)));
        row->setForeground(2, healthColor(t.to));
        row->setText(3, VisibleText::escape(t.reason));
        row->setToolTip(3, row->text(3));
        rows << row;
    }
    m_list->addTopLevelItems(rows);
}

} // namespace labdeck
