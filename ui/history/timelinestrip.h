#pragma once

#include "history/historytypes.h"

#include <QList>
#include <QWidget>

namespace labdeck {

// A row of coloured buckets, oldest on the left (as Uptime Kuma draws its
// heartbeat bar): each the worst severity in its span, grey when nothing is
// known. The tooltip of a bucket says its span and what it counted; the
// accessible description sums the strip up, so colour is never the only
// signal. UI thread.
class TimelineStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineStrip)
public:
    explicit TimelineStrip(QWidget *parent = nullptr);

    void setBuckets(const QList<history::TimelineBucket> &buckets);
    [[nodiscard]] const QList<history::TimelineBucket> &buckets() const { return m_buckets; }
    // The colour a bucket is drawn in.
    [[nodiscard]] static QColor colorFor(const history::TimelineBucket &bucket);
    // The tooltip of bucket i ("12:00–12:15 UTC: 2 critical, 1 ok").
    [[nodiscard]] QString bucketText(int i) const;
    // The bucket under x, or -1.
    [[nodiscard]] int bucketAt(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QList<history::TimelineBucket> m_buckets;
};

} // namespace labdeck
