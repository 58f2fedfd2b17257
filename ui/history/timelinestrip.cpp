#include "history/timelinestrip.h"

#include "common/format.h"
#include "healthcolor.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace labdeck {

using history::TimelineBucket;

TimelineStrip::TimelineStrip(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TimelineStrip::setBuckets(const QList<TimelineBucket> &buckets)
{
    m_buckets = buckets;
    int counts[4] = {};
    int empty = 0;
    for (const TimelineBucket &b : buckets) {
        if (b.empty())
            ++empty;
        else
            ++counts[history::severityCode(b.worst)];
    }
    setAccessibleDescription(
        tr("%1 spans: %2 ok, %3 warning, %4 critical, %5 unknown, %6 without data")
            .arg(buckets.size())
            .arg(counts[history::CodeOk])
            .arg(counts[history::CodeWarning])
            .arg(counts[history::CodeCritical])
            .arg(counts[history::CodeUnknown])
            .arg(empty));
    update();
}

QColor TimelineStrip::colorFor(const TimelineBucket &bucket)
{
    if (bucket.empty())
        return QColor(0xd0, 0xd0, 0xd0); // nothing known: lighter than "unknown"
    return healthColor(bucket.worst);
}

int TimelineStrip::bucketAt(int x) const
{
    if (m_buckets.isEmpty() || width() <= 0 || x < 0 || x >= width())
        return -1;
    return int(qint64(x) * m_buckets.size() / width());
}

QString TimelineStrip::bucketText(int i) const
{
    if (i < 0 || i >= m_buckets.size())
        return {};
    const TimelineBucket &b = m_buckets[i];
    const QLocale locale;
    const QString span = tr("%1 – %2").arg(
        locale.toString(QDateTime::fromMSecsSinceEpoch(b.from).toLocalTime(), QLocale::ShortFormat),
        locale.toString(QDateTime::fromMSecsSinceEpoch(b.to).toLocalTime(), QLocale::ShortFormat));
    if (b.empty())
        return tr("%1: nothing recorded").arg(span);
    QStringList parts;
    const Health order[] = {Health::Critical, Health::Warning, Health::Unknown, Health::Ok};
    for (Health h : order) {
        const int code = history::severityCode(h);
        const int n = b.counts[size_t(code)];
        const qint64 ms = b.stateMs[size_t(code)];
        if (n > 0)
            parts << tr("%1 results %2").arg(n).arg(HealthText::name(h));
        if (ms > 0)
            parts << tr("%1 %2").arg(HealthText::name(h), Format::age(ms / 1000));
    }
    return tr("%1 %2: %3").arg(HealthText::glyph(b.worst), span, parts.join(QStringLiteral(", ")));
}

QSize TimelineStrip::sizeHint() const
{
    return {320, 22};
}

QSize TimelineStrip::minimumSizeHint() const
{
    return {60, 16};
}

void TimelineStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int n = int(m_buckets.size());
    if (n == 0) {
        p.fillRect(rect(), QColor(0xd0, 0xd0, 0xd0));
        return;
    }
    // A one-pixel gap between buckets when there is room for it.
    const double w = double(width()) / n;
    const bool gaps = w >= 4;
    for (int i = 0; i < n; ++i) {
        const int x0 = int(i * w);
        const int x1 = int((i + 1) * w);
        QRect r(x0, 0, std::max(1, x1 - x0 - (gaps ? 1 : 0)), height());
        p.fillRect(r, colorFor(m_buckets[i]));
    }
}

bool TimelineStrip::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QString text = bucketText(bucketAt(help->pos().x()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace labdeck
