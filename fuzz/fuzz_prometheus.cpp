// Prometheus API answers (query, targets, alerts): a result or an error.

#include "fuzzsupport.h"
#include "prometheus/promparse.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    for (const auto kind :
         {prom::Parse::Kind::Query, prom::Parse::Kind::Targets, prom::Parse::Kind::Alerts}) {
        const prom::Result r = prom::Parse::response(body, kind, QStringLiteral("query"));
        if (!r.ok)
            fuzz::require(!r.error.isEmpty(), "a refused answer has an error");
    }
    (void)prom::Parse::duration(QString::fromUtf8(body.left(64)));
    (void)prom::Parse::value(QString::fromUtf8(body.left(64)));
    return 0;
}
