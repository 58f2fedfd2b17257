// The Kubernetes object parsers: any JSON object is read as a node, a pod,
// each workload kind and an event without failing.

#include "fuzzsupport.h"
#include "kube/kubeobjects.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace labdeck;

namespace {

void parseAll(const QJsonObject &o)
{
    (void)kube::parseNode(o);
    (void)kube::parsePod(o);
    for (const char *kind : {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"})
        (void)kube::parseWorkload(o, QLatin1String(kind));
    (void)kube::parseEvent(o);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (doc.isObject()) {
        parseAll(doc.object());
        // A list's items, as a LIST answer carries them.
        for (const QJsonValue &item : doc.object().value(QLatin1String("items")).toArray())
            parseAll(item.toObject());
    } else if (doc.isArray()) {
        for (const QJsonValue &item : doc.array())
            parseAll(item.toObject());
    }
    return 0;
}
