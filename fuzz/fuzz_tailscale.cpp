// `tailscale status --json`: a status or a reason.

#include "fuzzsupport.h"
#include "tailscale/tailscalestatus.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto status = tailscale::StatusParser::parse(fuzz::bytes(data, size), &error);
    if (!status) {
        fuzz::require(!error.isEmpty(), "a refused status has a reason");
        return 0;
    }
    for (const tailscale::Peer &peer : status->peers) {
        (void)peer.path();
        (void)peer.shortName();
    }
    return 0;
}
