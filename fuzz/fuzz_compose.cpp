// `docker compose ls` and `ps` output, both formats: a list or a reason.

#include "compose/composeparser.h"
#include "fuzzsupport.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray out = fuzz::bytes(data, size);
    QString error;
    if (!compose::ComposeParser::parseLs(out, &error))
        fuzz::require(!error.isEmpty(), "a refused ls has a reason");
    error.clear();
    if (!compose::ComposeParser::parsePs(out, &error))
        fuzz::require(!error.isEmpty(), "a refused ps has a reason");
    return 0;
}
