// Inventory YAML: any bytes give an inventory or located errors naming the file.

#include "fuzzsupport.h"
#include "inventory/inventoryloader.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const InventoryLoadResult result =
        InventoryLoader::parse(fuzz::bytes(data, size), QStringLiteral("lab.yaml"));
    fuzz::require(result.ok() == result.errors.isEmpty(), "an inventory exactly without errors");
    for (const LocatedError &e : result.errors) {
        fuzz::require(e.file == QLatin1String("lab.yaml"), "every error names the file");
        fuzz::require(!e.message.isEmpty(), "every error says what is wrong");
        fuzz::require(e.line >= 0 && e.column >= 0, "positions are not negative");
    }
    return 0;
}
