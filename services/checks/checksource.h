#pragma once

#include "checks/check.h"

#include <QString>
#include <functional>

namespace labdeck::checks {

// Where a check run goes: the lab that hands out the cluster, the command
// transport and the endpoints a run reaches (lab::Lab, for the window and
// `labdeck check` alike).
class CheckSource
{
public:
    using Ready = std::function<void(CheckContext context, CheckRegistry registry)>;

    CheckSource() = default;
    virtual ~CheckSource() = default;
    CheckSource(const CheckSource &) = delete;
    CheckSource &operator=(const CheckSource &) = delete;

    // Calls ready on this thread with what a run of these categories
    // reaches and the checks to run: at once, or once what the lab must make
    // first is up (the demo lab's certificates and servers). Returns what it
    // waits for, in words (empty when ready has been called already).
    virtual QString prepareChecks(const CheckOptions &options, const QStringList &categories,
                                  Ready ready) = 0;
};

} // namespace labdeck::checks
