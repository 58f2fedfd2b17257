#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace labdeck {

// A model whose columns show a time relative to now ("45s", "3 min ago",
// "unloads in 4 min"). Such text goes out of date while nothing in the model
// changes; a view installs a RelativeTimeTicker for these columns.
class RelativeTimeColumns
{
public:
    RelativeTimeColumns() = default;
    virtual ~RelativeTimeColumns() = default;
    RelativeTimeColumns(const RelativeTimeColumns &) = default;
    RelativeTimeColumns &operator=(const RelativeTimeColumns &) = default;

    // The columns whose display text is relative to now; empty: none.
    [[nodiscard]] virtual QList<int> relativeTimeColumns() const { return {}; }
};

// Keeps relative times counting while the view that shows them is visible:
// emits dataChanged(first row, last row, {Qt::DisplayRole}) for each of the
// given columns only, every second while a shown time is under a minute away
// from now, else every 30 s; and nothing while the view is hidden. The cells'
// times are read from `timeRole` (a QDateTime, e.g. roles::Sort) to
// pick the period. UI thread only.
class RelativeTimeTicker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelativeTimeTicker)
public:
    static constexpr int kFastMs = 1000;
    static constexpr int kSlowMs = 30000;
    // Below this age (in s, either side of now) the fast period is used.
    static constexpr qint64 kFastBelowSeconds = 60;

    RelativeTimeTicker(QAbstractItemModel *model, QList<int> columns, int timeRole,
                       QObject *parent = nullptr);
    ~RelativeTimeTicker() override;

    // Ticks while `view` is shown, by its Show and Hide events (a QWidget's:
    // a hidden tab, a closed dock or a minimised window stop it).
    // `visibleNow` is whether it is shown at this moment.
    void watch(QObject *view, bool visibleNow);
    void setActive(bool active);
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] QList<int> columns() const { return m_columns; }
    // The period in use now, in ms.
    [[nodiscard]] int interval() const { return m_timer.interval(); }
    // The two periods (tests use short ones).
    void setPeriods(int fastMs, int slowMs);
    // The smallest |now - time| in s of the cells in the columns; -1: none.
    [[nodiscard]] qint64 youngestAgeSeconds() const;

    // One refresh now: the dataChanged above, then the next period chosen.
    void tick();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void plan();

    QPointer<QAbstractItemModel> m_model;
    QList<int> m_columns;
    int m_timeRole;
    int m_fastMs = kFastMs;
    int m_slowMs = kSlowMs;
    bool m_active = false;
    QTimer m_timer;
};

} // namespace labdeck
