#include "prometheus/rangeplan.h"

#include <algorithm>
#include <cmath>

namespace labdeck::prom {

namespace {
qint64 ceilDiv(qint64 a, qint64 b)
{
    return (a + b - 1) / b;
}
qint64 floorTo(qint64 t, qint64 step)
{
    return t >= 0 ? t / step * step : -ceilDiv(-t, step) * step;
}
qint64 ceilTo(qint64 t, qint64 step)
{
    return -floorTo(-t, step);
}
} // namespace

RangePlan RangePlan::forWidth(qint64 from, qint64 to, int widthPx, double scrapeIntervalSeconds)
{
    RangePlan plan;
    if (to < from)
        std::swap(from, to);
    const qint64 span = std::max<qint64>(to - from, 1);
    const qint64 byPixels = ceilDiv(span, std::max(widthPx, 1));
    const auto byScrape = static_cast<qint64>(std::ceil(std::max(scrapeIntervalSeconds, 1.0)));
    const qint64 byCap = ceilDiv(span, MaxPoints - 1);
    plan.step = std::max({byPixels, byScrape, byCap, qint64(1)});
    plan.end = floorTo(to, plan.step);
    plan.start = ceilTo(from, plan.step);
    if (plan.start > plan.end)
        plan.start = plan.end;
    return plan;
}

RangePlan RangePlan::tailAfter(qint64 lastTime, qint64 now) const
{
    RangePlan tail;
    tail.step = step;
    tail.start = floorTo(lastTime, step) + step;
    tail.end = floorTo(now, step);
    if (tail.end < tail.start)
        tail.step = 0; // nothing new yet
    return tail;
}

} // namespace labdeck::prom
