#pragma once

#include "checks/checkschedule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace labdeck::checks {

// The checks as Prometheus metrics: the text exposition format 0.0.4, served
// by `labdeck check --serve` and written by `--textfile` for node_exporter's
// textfile collector. Families, in this order (docs/checks.md):
//   labdeck_build_info{version} 1
//   labdeck_check_status{category,target,host}  0 ok, 1 warning, 2 critical, 3 could not run
//   labdeck_cert_expiry_timestamp_seconds{url}  the certificate's notAfter (Unix seconds)
//   labdeck_check_duration_seconds{category}    the last round
//   labdeck_check_last_run_timestamp_seconds{category}  when it finished (Unix seconds)
//   labdeck_check_interval_seconds{category}    scheduled only: the interval, backoff included
//   labdeck_check_rounds_total{category}, labdeck_check_rounds_skipped_total{category}
// Samples are sorted (category order, then target, host, url), so two
// renderings of the same results are byte for byte equal.
class MetricsExposition
{
    Q_DECLARE_TR_FUNCTIONS(MetricsExposition)
public:
    static constexpr char kContentType[] = "text/plain; version=0.0.4; charset=utf-8";
    static constexpr char kTextfileName[] = "labdeck.prom";

    // With scheduled false (a single `--textfile` run) there is no interval.
    [[nodiscard]] static QByteArray render(const QList<const CheckSchedule::State *> &states,
                                           const QString &version, bool scheduled = true);
    // 0 ok, 1 warning, 2 critical, 3 could not run.
    [[nodiscard]] static int statusValue(Health severity);
    // A label value as the format escapes it: \ as \\, " as \", newline as \n.
    [[nodiscard]] static QByteArray escapeLabelValue(const QString &value);
    // Writes text to DIR/labdeck.prom atomically (a temporary file in DIR,
    // then a rename), readable by other users (node_exporter runs as its own
    // user). False with a message naming the path when DIR is missing or
    // cannot be written.
    [[nodiscard]] static bool writeTextfile(const QString &dir, const QByteArray &text,
                                            QString *error);
};

} // namespace labdeck::checks
