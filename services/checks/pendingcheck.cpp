#include "checks/pendingcheck.h"

namespace labdeck::checks {

PendingCheck::PendingCheck(const QString &category, QString reason, QString advice, QObject *parent)
    : Check(category, parent)
    , m_reason(std::move(reason))
    , m_advice(std::move(advice))
{}

PendingCheck *PendingCheck::notBuiltIn(const QString &category, const QString &client,
                                       QObject *parent)
{
    auto *c = new PendingCheck(category, tr("%1 is not built into this Labdeck yet").arg(client),
                               tr("Check this by hand for now, or update Labdeck."), parent);
    c->setProperty("notBuiltIn", true);
    return c;
}

void PendingCheck::run(const CheckContext &)
{
    CheckResult r;
    r.target = category();
    r.severity = Health::Unknown;
    r.summary = tr("could not run: %1").arg(m_reason);
    r.advice = m_advice;
    r.details.insert(QStringLiteral("reason"), property("notBuiltIn").toBool()
                                                   ? QStringLiteral("not-built-in")
                                                   : QStringLiteral("unavailable"));
    report(r);
    done();
}

} // namespace labdeck::checks
