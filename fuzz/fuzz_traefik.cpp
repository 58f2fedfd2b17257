// Traefik's /api/http/routers answer and the host names of its rules.

#include "checks/traefikrouters.h"
#include "fuzzsupport.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = fuzz::bytes(data, size);
    QString error;
    const QList<checks::TraefikRouter> routers = checks::TraefikRouters::parse(json, &error);
    for (const checks::TraefikRouter &r : routers)
        (void)checks::TraefikRouters::hostsOfRule(r.rule);
    (void)checks::TraefikRouters::hostsOfRule(QString::fromUtf8(json.left(4096)));
    return 0;
}
