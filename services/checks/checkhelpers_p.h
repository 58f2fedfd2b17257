#pragma once

// Private to services/checks: small helpers the checks share.

#include "checks/check.h"
#include "checks/checkresult.h"

namespace labdeck::checks::detail {

[[nodiscard]] inline CheckResult result(const QString &target, Health severity,
                                        const QString &summary, const QString &advice = {},
                                        const QString &host = {})
{
    CheckResult r;
    r.target = target;
    r.severity = severity;
    r.summary = summary;
    r.advice = advice;
    r.host = host;
    return r;
}

} // namespace labdeck::checks::detail
