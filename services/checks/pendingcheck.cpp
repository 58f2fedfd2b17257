#include "checks/pendingcheck.h"

namespace labdeck::checks {

PendingCheck::PendingCheck(const QString &category, QString client, QObject *parent)
    : Check(category, parent)
    , m_client(std::move(client))
{
}

void PendingCheck::run(const CheckContext &)
{
    CheckResult r;
    r.target = category();
    r.severity = Health::Unknown;
    r.summary = tr("could not run: %1 is not built into this Labdeck yet").arg(m_client);
    r.advice = tr("Check this by hand for now, or update Labdeck.");
    r.details.insert(QStringLiteral("reason"), QStringLiteral("not-built-in"));
    report(r);
    done();
}

} // namespace labdeck::checks
