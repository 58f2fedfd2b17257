// Ollama's /api/version, /api/tags and /api/ps answers: values or a reason.

#include "fuzzsupport.h"
#include "ollama/ollamaparser.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    QString error;
    if (!ollama::OllamaParser::parseVersion(body, &error))
        fuzz::require(!error.isEmpty(), "a refused version has a reason");
    error.clear();
    if (!ollama::OllamaParser::parseTags(body, &error))
        fuzz::require(!error.isEmpty(), "refused tags have a reason");
    error.clear();
    if (!ollama::OllamaParser::parsePs(body, &error))
        fuzz::require(!error.isEmpty(), "a refused ps has a reason");
    return 0;
}
