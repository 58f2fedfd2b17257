#include "support/specbuilders.h"

#include "inventory/inventoryloader.h"

namespace labdeck::test {

using manifests::NodeRole;
using manifests::Probe;
using manifests::ServiceSpec;

const Inventory &builtInLab()
{
    static const Inventory inventory = *InventoryLoader::loadBuiltIn().inventory;
    return inventory;
}

ServiceSpec minimalSpec()
{
    ServiceSpec s;
    applyLabDefaults(s, builtInLab());
    s.name = QStringLiteral("hello");
    s.ns = QStringLiteral("apps");
    s.image = QStringLiteral("registry.example.com/hello");
    s.tag = QStringLiteral("1.0");
    return s;
}

ServiceSpec notesSpec()
{
    ServiceSpec s;
    s.name = QStringLiteral("notes");
    s.ns = QStringLiteral("tools");
    s.createNamespace = true;
    s.role = NodeRole::DevOps;
    applyLabDefaults(s, builtInLab());
    s.image = QStringLiteral("registry.example.com/team/notes");
    s.tag = QStringLiteral("2.3.1");
    s.containerPort = 3000;
    s.nodePort = 30400;
    s.replicas = 2;
    s.env = {{QStringLiteral("LOG_LEVEL"), QStringLiteral("info"), false},
             {QStringLiteral("DB_PASSWORD"), QStringLiteral("s3cr3t-value"), true}};
    s.storage = true;
    s.storageSize = QStringLiteral("2Gi");
    s.readiness = {Probe::Kind::Http, QStringLiteral("/healthz"), 5, 10};
    s.publicHost = QStringLiteral("notes.example.com");
    return s;
}

ServiceSpec fullNotesSpec()
{
    ServiceSpec s = notesSpec();
    s.cpuRequest = QStringLiteral("250m");
    s.cpuLimit = QStringLiteral("1");
    s.memoryRequest = QStringLiteral("256Mi");
    s.memoryLimit = QStringLiteral("1Gi");
    s.env = {{QStringLiteral("LOG_LEVEL"), QStringLiteral("info"), false},
             {QStringLiteral("PORT"), QStringLiteral("3000"), false},
             {QStringLiteral("FEATURE_X"), QStringLiteral("true"), false},
             {QStringLiteral("DB_PASSWORD"), QStringLiteral("s3cr3t-value"), true}};
    s.mountPath = QStringLiteral("/var/lib/notes");
    s.liveness = {Probe::Kind::Tcp, QStringLiteral("/"), 15, 20};
    return s;
}

} // namespace labdeck::test
