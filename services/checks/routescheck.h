#pragma once

#include "checks/check.h"
#include "checks/traefikrouters.h"

#include <QPointer>

namespace labdeck::remote {
class CommandJob;
}

namespace labdeck::checks {

class Probe;

// routes: Traefik's routers (from its API, read over the transport on the
// ingress host or through the dashboard URL) against the inventory: every
// public URL has an enabled router with TLS and a certResolver; routers in
// error, and routers for names the inventory does not list, are reported.
class RoutesCheck final : public Check
{
    Q_OBJECT
public:
    explicit RoutesCheck(QObject *parent = nullptr);

    // The verdicts for a router list (source: where it was read, for words).
    [[nodiscard]] static QList<CheckResult> judge(const QList<TraefikRouter> &routers,
                                                  const Inventory &lab, const QString &source);

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void parsed(const QByteArray &json, const QString &source, qint64 ms);
    void failed(const QString &why, const QString &advice);

    Inventory m_lab;
    Probe *m_probe = nullptr;
    QPointer<remote::CommandJob> m_job;
};

} // namespace labdeck::checks
