// known_hosts files: lines libssh cannot read are skipped; entries keep
// their line numbers (markers included); nothing is trusted that does not
// match.

#include "fuzzsupport.h"
#include "ssh/sshworker_p.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray contents = fuzz::bytes(data, size);
    const int lines = int(contents.count('\n')) + 1;
    for (const char *host : {"pochama", "[10.0.0.5]:2222"}) {
        const QList<ssh::KnownEntry> entries = ssh::parseKnownHosts(
            contents, QStringLiteral("known_hosts"), QLatin1String(host), nullptr);
        int previous = 0;
        for (const ssh::KnownEntry &e : entries) {
            fuzz::require(e.line > previous && e.line <= lines, "entries in line order");
            fuzz::require(!e.matches, "no entry matches when no key is offered");
            previous = e.line;
        }
    }
    return 0;
}
