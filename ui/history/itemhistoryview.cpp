#include "history/itemhistoryview.h"

#include "common/visibletext.h"
#include "history/historystore.h"
#include "history/timelinestrip.h"
#include "labselection.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace labdeck {

using history::HistoryStore;

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

} // namespace

ItemHistoryView::ItemHistoryView(HistoryStore *store, LabSelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_spans(new QButtonGroup(this))
    , m_title(new QLabel(tr("<b>History</b>"), this))
    , m_strip(new TimelineStrip(this))
    , m_uptime(new QLabel(this))
    , m_incidents(new QTreeWidget(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    const QString names[] = {tr("24 h"), tr("7 d"), tr("30 d")};
    for (int i = 0; i < 3; ++i) {
        auto *b = new QToolButton(this);
        b->setText(names[i]);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setChecked(i == 0);
        m_spans->addButton(b, i);
        top->addWidget(b);
    }
    layout->addLayout(top);
    layout->addWidget(m_strip);
    layout->addWidget(m_uptime);
    m_incidents->setColumnCount(4);
    m_incidents->setHeaderLabels({tr("From"), tr("To"), tr("Worst"), tr("What was said")});
    m_incidents->setRootIsDecorated(false);
    m_incidents->setUniformRowHeights(true);
    m_incidents->setAccessibleName(tr("Incidents of the selection"));
    m_incidents->header()->setStretchLastSection(true);
    m_incidents->setMaximumHeight(140);
    layout->addWidget(m_incidents);

    connect(m_spans, &QButtonGroup::idClicked, this,
            [this](int id) { setSpan(static_cast<Span>(id)); });
    connect(selection, &LabSelection::currentChanged, this, &ItemHistoryView::setItem);
    connect(store, &HistoryStore::recorded, this, &ItemHistoryView::refresh);
    connect(store, &HistoryStore::timelineReady, this,
            [this](int id, const QList<history::TimelineBucket> &buckets) {
                if (id != m_timelineRequest)
                    return;
                m_strip->setBuckets(buckets);
                maybeDone();
            });
    connect(store, &HistoryStore::uptimeReady, this, [this](int id, const history::Uptime &u) {
        if (id != m_uptimeRequest)
            return;
        showUptime(u);
        maybeDone();
    });
    connect(store, &HistoryStore::incidentsReady, this,
            [this](int id, const QList<history::Incident> &list) {
                if (id != m_incidentsRequest)
                    return;
                showIncidents(list);
                maybeDone();
            });
    setItem(selection->current());
}

int ItemHistoryView::bucketCount(Span span)
{
    switch (span) {
    case Span::Week:
        return 168;
    case Span::Month:
        return 120;
    case Span::Day:
        break;
    }
    return 96;
}

qint64 ItemHistoryView::spanMs(Span span)
{
    switch (span) {
    case Span::Week:
        return 7 * 24 * kHourMs;
    case Span::Month:
        return 30 * 24 * kHourMs;
    case Span::Day:
        break;
    }
    return 24 * kHourMs;
}

void ItemHistoryView::setSpan(Span span)
{
    m_span = span;
    if (QAbstractButton *b = m_spans->button(int(span)))
        b->setChecked(true);
    refresh();
}

void ItemHistoryView::setItem(const QString &id)
{
    m_item = id;
    setVisible(!id.isEmpty());
    m_strip->setBuckets({});
    m_uptime->clear();
    m_incidents->clear();
    refresh();
}

void ItemHistoryView::refresh()
{
    if (m_item.isEmpty() || !m_store)
        return;
    const QDateTime to = m_now();
    const QDateTime from = to.addMSecs(-spanMs(m_span));
    m_pending = 3;
    m_timelineRequest = m_store->requestTimeline(m_item, from, to, bucketCount(m_span));
    m_uptimeRequest = m_store->requestUptime(m_item, from, to);
    m_incidentsRequest = m_store->requestIncidents(m_item, from, 50);
}

void ItemHistoryView::maybeDone()
{
    if (--m_pending == 0)
        Q_EMIT updated();
}

void ItemHistoryView::showUptime(const history::Uptime &u)
{
    const QString spanName = m_spans->button(int(m_span))->text();
    if (u.percent < 0) {
        m_uptime->setText(tr("Nothing recorded in the last %1.").arg(spanName));
        return;
    }
    const QString percent = QLocale().toString(u.percent, 'f', u.percent >= 99.995 ? 0 : 2);
    if (u.knownMs > 0)
        m_uptime->setText(
            tr("Uptime %1 % over the last %2 (of %3 h watched)")
                .arg(percent, spanName, QLocale().toString(double(u.knownMs) / kHourMs, 'f', 1)));
    else
        m_uptime->setText(tr("Uptime %1 % over the last %2 (%3 of %4 check results ok)")
                              .arg(percent, spanName)
                              .arg(u.okSamples)
                              .arg(u.samples));
}

void ItemHistoryView::showIncidents(const QList<history::Incident> &incidents)
{
    m_incidents->clear();
    for (const history::Incident &i : incidents) {
        auto *row = new QTreeWidgetItem(m_incidents);
        row->setText(0, when(i.from));
        row->setText(1, i.ongoing() ? tr("ongoing") : when(i.to));
        row->setText(
            2, QStringLiteral("%1 %2").arg(HealthText::glyph(i.worst), HealthText::name(i.worst)));
        const QString said = VisibleText::escape(i.reason);
        // An incident of a check about the item says which check.
        row->setText(3,
                     i.item == m_item ? said : tr("%1: %2").arg(VisibleText::escape(i.item), said));
        row->setToolTip(3, row->text(3));
    }
    m_incidents->setVisible(!incidents.isEmpty());
}

} // namespace labdeck
