#pragma once

#include "checks/check.h"

namespace labdeck::checks {

// A category that cannot run in this build or setup (its client is not
// part of Labdeck yet, or the demo lab could not make its servers): one
// result that says why (Unknown: could not run), never a pass.
class PendingCheck final : public Check
{
    Q_OBJECT
public:
    PendingCheck(const QString &category, QString reason, QString advice,
                 QObject *parent = nullptr);
    // For a client that is not built in: "could not run: <client> is not
    // built into this Labdeck yet".
    [[nodiscard]] static PendingCheck *notBuiltIn(const QString &category, const QString &client,
                                                  QObject *parent);

protected:
    void run(const CheckContext &context) override;

private:
    QString m_reason;
    QString m_advice;
};

} // namespace labdeck::checks
