// ~/.ssh/config: any text is read; lookups and resolution never fail.

#include "fuzzsupport.h"
#include "ssh/sshconfig.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    const ssh::SshConfig config = ssh::SshConfig::parse(text);
    for (const char *alias : {"pochama", "gpu-server", "pikachu", "*"}) {
        (void)config.lookup(QLatin1String(alias));
        const ssh::SshTarget target =
            config.resolve(QStringLiteral("pochama"), QLatin1String(alias), QString(), 0,
                           QStringLiteral("/home/owner"), QStringLiteral("owner"));
        (void)target.knownHostsName();
    }
    // Patterns from the input itself.
    const QString firstLine = QString::fromUtf8(text.left(256)).section(QLatin1Char('\n'), 0, 0);
    (void)ssh::SshConfig::matchPattern(QStringLiteral("pochama"), firstLine);
    return 0;
}
