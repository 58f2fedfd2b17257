#pragma once

#include "prometheus/promtypes.h"

#include <QByteArray>
#include <QCoreApplication>

namespace labdeck::prom {

// Reads Prometheus HTTP API answers (/api/v1/query, query_range, targets,
// alerts). Pure functions: bytes in, a Result out; every failure becomes a
// readable error, nothing throws.
class Parse
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::prom::Parse)
public:
    enum class Kind { Query, Targets, Alerts };
    // `what` names the call in errors ("query_range").
    [[nodiscard]] static Result response(const QByteArray &body, Kind kind, const QString &what);
    // A Prometheus duration ("15s", "1m", "1h30m", "1.5") in seconds; 0 on error.
    [[nodiscard]] static double duration(const QString &text);
    // The sample value as Prometheus writes it ("1e+00", "NaN", "+Inf").
    [[nodiscard]] static double value(const QString &text, bool *ok = nullptr);
    // Words for an errorType ("bad_data" -> "the request was invalid").
    [[nodiscard]] static QString errorTypeText(const QString &errorType);
};

} // namespace labdeck::prom
