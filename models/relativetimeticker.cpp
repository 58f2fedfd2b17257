#include "relativetimeticker.h"

#include <QDateTime>
#include <QEvent>
#include <limits>

namespace labdeck {

RelativeTimeTicker::RelativeTimeTicker(QAbstractItemModel *model, QList<int> columns, int timeRole,
                                       QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_columns(std::move(columns))
    , m_timeRole(timeRole)
{
    m_timer.setInterval(m_slowMs);
    connect(&m_timer, &QTimer::timeout, this, &RelativeTimeTicker::tick);
    if (m_model) {
        // A new row may be young: a shorter period may be due.
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &RelativeTimeTicker::plan);
        connect(m_model, &QAbstractItemModel::modelReset, this, &RelativeTimeTicker::plan);
    }
}

RelativeTimeTicker::~RelativeTimeTicker() = default;

void RelativeTimeTicker::watch(QObject *view, bool visibleNow)
{
    view->installEventFilter(this);
    setActive(visibleNow);
}

bool RelativeTimeTicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show)
        setActive(true);
    else if (event->type() == QEvent::Hide)
        setActive(false);
    return QObject::eventFilter(watched, event);
}

void RelativeTimeTicker::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        m_timer.stop();
        return;
    }
    // Shown again: what it shows may be old by now.
    tick();
}

void RelativeTimeTicker::setPeriods(int fastMs, int slowMs)
{
    m_fastMs = fastMs;
    m_slowMs = slowMs;
    plan();
}

qint64 RelativeTimeTicker::youngestAgeSeconds() const
{
    if (!m_model)
        return -1;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 youngest = std::numeric_limits<qint64>::max();
    const int rows = m_model->rowCount();
    for (const int column : m_columns) {
        for (int row = 0; row < rows; ++row) {
            const QDateTime t = m_model->index(row, column).data(m_timeRole).toDateTime();
            if (t.isValid())
                youngest = std::min(youngest, qAbs(t.secsTo(now)));
        }
    }
    return youngest == std::numeric_limits<qint64>::max() ? -1 : youngest;
}

void RelativeTimeTicker::tick()
{
    if (m_model) {
        const int rows = m_model->rowCount();
        const int columnCount = m_model->columnCount();
        for (const int column : std::as_const(m_columns)) {
            if (rows == 0 || column < 0 || column >= columnCount)
                continue;
            Q_EMIT m_model->dataChanged(m_model->index(0, column), m_model->index(rows - 1, column),
                                        {Qt::DisplayRole});
        }
    }
    plan();
}

void RelativeTimeTicker::plan()
{
    const qint64 youngest = youngestAgeSeconds();
    const int period = youngest >= 0 && youngest < kFastBelowSeconds ? m_fastMs : m_slowMs;
    if (!m_active) {
        m_timer.stop();
        m_timer.setInterval(period);
        return;
    }
    // A repeating timer: restarted only when the period changes (frequent
    // inserts must not keep pushing the next refresh away).
    if (!m_timer.isActive() || period != m_timer.interval())
        m_timer.start(period);
}

} // namespace labdeck
