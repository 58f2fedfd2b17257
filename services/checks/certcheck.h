#pragma once

#include "checks/check.h"
#include "checks/probe.h"

namespace labdeck::checks {

// certs: for every public URL of the inventory, a TLS handshake with SNI,
// the chain verified against the system CAs (plus the run's extra roots),
// days to expiry, issuer, whether the name matches, protocol version.
class CertCheck final : public Check
{
    Q_OBJECT
public:
    explicit CertCheck(QObject *parent = nullptr);

    // The verdict for one URL from what the handshake saw. now is UTC.
    [[nodiscard]] static CheckResult judge(const PublicUrl &url, const ProbeRequest &request,
                                           const ProbeResult &probe, const Inventory &lab,
                                           const Thresholds &thresholds, const QDateTime &now);
    // Whole days left until expiry, to the nearest day; negative (at least
    // -1) once expired.
    [[nodiscard]] static int daysLeft(const QDateTime &expiry, const QDateTime &now);

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    Inventory m_lab;
    Thresholds m_thresholds;
    QList<Probe *> m_probes;
    int m_pending = 0;
};

// Words shared by the network checks. Q_DECLARE_TR_FUNCTIONS for services.
class CheckText
{
    Q_DECLARE_TR_FUNCTIONS(CheckText)
public:
    // Why a connection failed, in words ("connection refused by 127.0.0.1:443").
    [[nodiscard]] static QString connectionProblem(const ProbeRequest &request,
                                                   const ProbeResult &probe);
    // What to try for a failed connection to a public URL.
    [[nodiscard]] static QString connectionAdvice(const ProbeResult &probe, const Inventory &lab);
    // "pochama" or "the ingress host"
    [[nodiscard]] static QString ingressHost(const Inventory &lab);
    // "1 day", "5 days"
    [[nodiscard]] static QString days(int n);
    [[nodiscard]] static QString timeoutText(std::chrono::milliseconds timeout);
};

} // namespace labdeck::checks
