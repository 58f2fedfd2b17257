#pragma once

#include "checks/check.h"

namespace labdeck::prom {
class Client;
}

namespace labdeck::checks {

// prometheus: every active target up (down ones critical, with the scrape
// error), every inventory host with an instance scraped, and the firing
// alerts (critical by their severity label, else warning).
class PrometheusCheck final : public Check
{
    Q_OBJECT
public:
    explicit PrometheusCheck(QObject *parent = nullptr);
    ~PrometheusCheck() override;

protected:
    void run(const CheckContext &context) override;
    void stop() override;

private:
    void finishIfDone();

    prom::Client *m_client = nullptr;
    int m_pending = 0;
};

} // namespace labdeck::checks
