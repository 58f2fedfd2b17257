#pragma once

#include "checks/check.h"

namespace labdeck::checks {

// A category whose client is not part of this build yet: one result that
// says so (Unknown: could not run), never a pass.
class PendingCheck final : public Check
{
    Q_OBJECT
public:
    PendingCheck(const QString &category, QString client, QObject *parent = nullptr);

protected:
    void run(const CheckContext &context) override;

private:
    QString m_client;
};

} // namespace labdeck::checks
