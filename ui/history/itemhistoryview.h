#pragma once

#include "history/historytypes.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>
#include <functional>

class QButtonGroup;
class QLabel;
class QTreeWidget;

namespace labdeck {

namespace history {
class HistoryStore;
}
class LabSelection;
class TimelineStrip;

// The selection's history under the Details text: a strip for the last
// 24 h, 7 d or 30 d, the uptime over that span and the item's incidents
// (from, to, worst severity, what was said). Asks the store (on its thread)
// and draws the answers when they come; an answer to an older question is
// dropped. UI thread.
class ItemHistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemHistoryView)
public:
    enum class Span { Day = 0, Week, Month };
    Q_ENUM(Span)

    ItemHistoryView(history::HistoryStore *store, LabSelection *selection,
                    QWidget *parent = nullptr);

    void setSpan(Span span);
    [[nodiscard]] Span span() const { return m_span; }
    [[nodiscard]] QString item() const { return m_item; }
    // Asks again (the store recorded something, the span changed).
    void refresh();
    // What "now" is (tests).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // How many buckets a span has: 96 of 15 min, 168 of 1 h, 120 of 6 h.
    [[nodiscard]] static int bucketCount(Span span);
    [[nodiscard]] static qint64 spanMs(Span span);

    [[nodiscard]] TimelineStrip *strip() const { return m_strip; }
    [[nodiscard]] QLabel *uptimeLabel() const { return m_uptime; }
    [[nodiscard]] QTreeWidget *incidentList() const { return m_incidents; }

Q_SIGNALS:
    // The strip, the uptime and the incidents of the last question are shown.
    void updated();

private:
    void setItem(const QString &id);
    void showUptime(const history::Uptime &uptime);
    void showIncidents(const QList<history::Incident> &incidents);
    void maybeDone();

    // Guarded: the window may outlive the store while it closes.
    QPointer<history::HistoryStore> m_store;
    Span m_span = Span::Day;
    QString m_item;
    QButtonGroup *m_spans;
    QLabel *m_title;
    TimelineStrip *m_strip;
    QLabel *m_uptime;
    QTreeWidget *m_incidents;
    std::function<QDateTime()> m_now;
    int m_timelineRequest = 0;
    int m_uptimeRequest = 0;
    int m_incidentsRequest = 0;
    int m_pending = 0;
};

} // namespace labdeck
