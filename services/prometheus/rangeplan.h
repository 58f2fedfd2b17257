#pragma once

#include <QtGlobal>

namespace labdeck::prom {

// The window and resolution of one range query. Times are Unix seconds,
// start and end are multiples of step (so repeated fetches line up with the
// same samples), and a series never has more than MaxPoints points.
struct RangePlan
{
    // Prometheus refuses (end - start) / step > 11,000; staying one below
    // keeps every series at 11,000 points or fewer.
    static constexpr qint64 MaxPoints = 11000;

    qint64 start = 0;
    qint64 end = 0;
    qint64 step = 0;

    [[nodiscard]] bool isValid() const { return step > 0 && end >= start; }
    [[nodiscard]] qint64 points() const { return isValid() ? (end - start) / step + 1 : 0; }

    // A window [from, to] drawn `widthPx` pixels wide: one point per pixel
    // at most, never finer than the scrape interval, never more than
    // MaxPoints; then aligned inside [from, to] to the step.
    [[nodiscard]] static RangePlan forWidth(qint64 from, qint64 to, int widthPx,
                                            double scrapeIntervalSeconds);
    // The new tail after the last fetched sample time, up to `now`, at the
    // same step and alignment. Invalid (points() == 0) when nothing is new.
    [[nodiscard]] RangePlan tailAfter(qint64 lastTime, qint64 now) const;
};

} // namespace labdeck::prom
