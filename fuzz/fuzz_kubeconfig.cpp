// Kubeconfig YAML: any bytes give a config or located errors naming the file.

#include "fuzzsupport.h"
#include "kube/kubeconfigparser.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString file = QStringLiteral("/home/owner/.kube/config");
    const kube::ParsedKubeConfig parsed =
        kube::KubeConfigParser::parse(fuzz::bytes(data, size), file);
    for (const LocatedError &e : parsed.errors) {
        fuzz::require(e.file == file, "every error names the file");
        fuzz::require(!e.message.isEmpty(), "every error says what is wrong");
    }
    return 0;
}
