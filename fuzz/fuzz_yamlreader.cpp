// The located-YAML reader under every YAML parser: any bytes end in a tree
// within the limits or in a located error, never in an exception.

#include "common/yamlreader.h"
#include "fuzzsupport.h"

using namespace labdeck;

namespace {

qsizetype walk(const YAML::Node &node, int depth)
{
    // The limit is on the nesting of maps and lists (YamlLimits): a scalar
    // may sit inside the deepest one allowed.
    if (node.IsMap() || node.IsSequence())
        fuzz::require(depth <= YamlLimits().maxDepth, "a loaded tree is within the depth limit");
    else
        fuzz::require(depth <= YamlLimits().maxDepth + 1, "a scalar is inside an allowed level");
    qsizetype n = 1;
    if (node.IsMap()) {
        for (const auto &kv : node)
            n += walk(kv.first, depth + 1) + walk(kv.second, depth + 1);
    } else if (node.IsSequence()) {
        for (const auto &item : node)
            n += walk(item, depth + 1);
    } else if (node.IsScalar()) {
        (void)node.Scalar();
    }
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    YamlReader reader(QStringLiteral("fuzz.yaml"));
    if (!reader.load(fuzz::bytes(data, size))) {
        fuzz::require(reader.error().has_value(), "a refused document has an error");
        fuzz::require(reader.error()->toString().startsWith(QLatin1String("fuzz.yaml")),
                      "the error names the file");
        return 0;
    }
    qsizetype nodes = 0;
    const auto error = reader.guard([&] { nodes = walk(reader.root(), 1); });
    fuzz::require(!error.has_value(), "walking a loaded tree does not throw");
    // Keys count twice in the walk (as key and as node): twice the budget.
    fuzz::require(nodes <= 2 * YamlLimits().maxNodes, "a loaded tree is within the node budget");
    return 0;
}
