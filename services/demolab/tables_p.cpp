#include "demolab/tables_p.h"

#include "demolab/jsonpath_p.h"

#include <QJsonDocument>

namespace labdeck::demolab::detail {

namespace {

QJsonObject column(const char *name, const char *type, const char *description, int priority = 0,
                   const char *format = "")
{
    return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                       {QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("format"), QLatin1String(format)},
                       {QStringLiteral("description"), QLatin1String(description)},
                       {QStringLiteral("priority"), priority}};
}

QJsonObject nameColumn()
{
    return column("Name", "string",
                  "Name must be unique within a namespace. Is required when creating resources, "
                  "although some "
                  "resources may allow a client to request the generation of an appropriate name "
                  "automatically. "
                  "Name is primarily intended for creation idempotence and configuration "
                  "definition. Cannot be "
                  "updated. More info: "
                  "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
                  0, "name");
}

QJsonObject ageColumn()
{
    return column("Age", "string",
                  "CreationTimestamp is a timestamp representing the server time when this object "
                  "was created.");
}

QString age(const QJsonObject &object, const QDateTime &now, const char *field = nullptr)
{
    const QString text = field ? object.value(QLatin1String(field)).toString()
                               : jstr(object, {"metadata", "creationTimestamp"});
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return QStringLiteral("<unknown>");
    return humanDuration(t.secsTo(now));
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QStringList containerNames(const QJsonObject &podSpec, QStringList *images)
{
    QStringList names;
    for (const QJsonValue &c : podSpec.value(QLatin1String("containers")).toArray()) {
        names << c.toObject().value(QLatin1String("name")).toString();
        if (images)
            *images << c.toObject().value(QLatin1String("image")).toString();
    }
    return names;
}

QString selectorText(const QJsonObject &selector)
{
    const QString s = LabelSelector::toText(selector);
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QString mapText(const QJsonObject &map)
{
    QStringList parts;
    for (auto it = map.begin(); it != map.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(QLatin1Char(','));
}

QString accessModes(const QJsonArray &modes)
{
    QStringList out;
    for (const QJsonValue &m : modes) {
        const QString mode = m.toString();
        if (mode == QLatin1String("ReadWriteOnce"))
            out << QStringLiteral("RWO");
        else if (mode == QLatin1String("ReadOnlyMany"))
            out << QStringLiteral("ROX");
        else if (mode == QLatin1String("ReadWriteMany"))
            out << QStringLiteral("RWX");
        else if (mode == QLatin1String("ReadWriteOncePod"))
            out << QStringLiteral("RWOP");
    }
    return out.join(QLatin1Char(','));
}

QString podStatus(const QJsonObject &pod)
{
    QString reason = jstr(pod, {"status", "phase"});
    if (!jstr(pod, {"status", "reason"}).isEmpty())
        reason = jstr(pod, {"status", "reason"});
    bool hasRunning = false;
    const QJsonArray statuses = jarr(pod, {"status", "containerStatuses"});
    for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
        const QJsonObject s = statuses.at(i).toObject();
        const QJsonObject state = s.value(QLatin1String("state")).toObject();
        if (!jstr(state, {"waiting", "reason"}).isEmpty())
            reason = jstr(state, {"waiting", "reason"});
        else if (state.contains(QLatin1String("terminated")))
            reason = jstr(state, {"terminated", "reason"});
        else if (state.contains(QLatin1String("running")) &&
                 s.value(QLatin1String("ready")).toBool())
            hasRunning = true;
    }
    if (reason == QLatin1String("Completed") && hasRunning)
        reason = QStringLiteral("Running");
    if (!jstr(pod, {"metadata", "deletionTimestamp"}).isEmpty())
        reason = QStringLiteral("Terminating");
    return reason;
}

QJsonArray podCells(const QJsonObject &pod, const QDateTime &now)
{
    const QJsonArray statuses = jarr(pod, {"status", "containerStatuses"});
    const qsizetype total = jarr(pod, {"spec", "containers"}).size();
    int ready = 0;
    qint64 restarts = 0;
    QDateTime lastRestart;
    for (const QJsonValue &s : statuses) {
        ready += s.toObject().value(QLatin1String("ready")).toBool() ? 1 : 0;
        restarts += s.toObject().value(QLatin1String("restartCount")).toInteger();
        const QDateTime finished = QDateTime::fromString(
            jstr(s.toObject(), {"lastState", "terminated", "finishedAt"}), Qt::ISODate);
        if (finished.isValid() && (!lastRestart.isValid() || finished > lastRestart))
            lastRestart = finished;
    }
    // kubectl's printPod: "3 (5m ago)" once a container has restarted.
    QString restartText = QString::number(restarts);
    if (restarts > 0 && lastRestart.isValid())
        restartText += QStringLiteral(" (%1 ago)").arg(humanDuration(lastRestart.secsTo(now)));
    return QJsonArray{nameOf(pod),
                      QStringLiteral("%1/%2").arg(ready).arg(total),
                      podStatus(pod),
                      restartText,
                      age(pod, now),
                      orNone(jstr(pod, {"status", "podIP"})),
                      orNone(jstr(pod, {"spec", "nodeName"})),
                      QStringLiteral("<none>"),
                      QStringLiteral("<none>")};
}

QJsonArray nodeCells(const QJsonObject &node, const QDateTime &now)
{
    QStringList conditions;
    for (const QJsonValue &c : jarr(node, {"status", "conditions"})) {
        const QJsonObject o = c.toObject();
        if (o.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            conditions << (o.value(QLatin1String("status")).toString() == QLatin1String("True")
                               ? QStringLiteral("Ready")
                               : QStringLiteral("NotReady"));
    }
    if (conditions.isEmpty())
        conditions << QStringLiteral("Unknown");
    if (jget(node, {"spec", "unschedulable"}).toBool())
        conditions << QStringLiteral("SchedulingDisabled");
    QStringList roles;
    const QJsonObject labels = jobj(node, {"metadata", "labels"});
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(QLatin1String("node-role.kubernetes.io/")))
            roles << it.key().mid(24);
        else if (it.key() == QLatin1String("kubernetes.io/role"))
            roles << it.value().toString();
    }
    QString internal;
    QString external;
    for (const QJsonValue &a : jarr(node, {"status", "addresses"})) {
        const QString type = a.toObject().value(QLatin1String("type")).toString();
        if (type == QLatin1String("InternalIP") && internal.isEmpty())
            internal = a.toObject().value(QLatin1String("address")).toString();
        if (type == QLatin1String("ExternalIP") && external.isEmpty())
            external = a.toObject().value(QLatin1String("address")).toString();
    }
    return QJsonArray{nameOf(node),
                      conditions.join(QLatin1Char(',')),
                      orNone(roles.join(QLatin1Char(','))),
                      age(node, now),
                      jstr(node, {"status", "nodeInfo", "kubeletVersion"}),
                      orNone(internal),
                      orNone(external),
                      jstr(node, {"status", "nodeInfo", "osImage"}),
                      jstr(node, {"status", "nodeInfo", "kernelVersion"}),
                      jstr(node, {"status", "nodeInfo", "containerRuntimeVersion"})};
}

QString servicePorts(const QJsonObject &service)
{
    QStringList out;
    for (const QJsonValue &v : jarr(service, {"spec", "ports"})) {
        const QJsonObject p = v.toObject();
        QString s = QString::number(p.value(QLatin1String("port")).toInteger());
        if (p.value(QLatin1String("nodePort")).toInteger() != 0)
            s += QLatin1Char(':') + QString::number(p.value(QLatin1String("nodePort")).toInteger());
        s += QLatin1Char('/') + p.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"));
        out << s;
    }
    return out.isEmpty() ? QStringLiteral("<none>") : out.join(QLatin1Char(','));
}

QJsonArray cellsFor(ResourceId resource, const QJsonObject &o, const QDateTime &now)
{
    const QJsonObject spec = o.value(QLatin1String("spec")).toObject();
    const QJsonObject status = o.value(QLatin1String("status")).toObject();
    QStringList images;
    switch (resource) {
    case Pods:
        return podCells(o, now);
    case Nodes:
        return nodeCells(o, now);
    case Namespaces:
        return QJsonArray{nameOf(o), status.value(QLatin1String("phase")).toString(), age(o, now)};
    case Deployments: {
        const QStringList names = containerNames(jobj(spec, {"template", "spec"}), &images);
        return QJsonArray{nameOf(o),
                          QStringLiteral("%1/%2")
                              .arg(status.value(QLatin1String("readyReplicas")).toInteger())
                              .arg(spec.value(QLatin1String("replicas")).toInteger()),
                          status.value(QLatin1String("updatedReplicas")).toInteger(),
                          status.value(QLatin1String("availableReplicas")).toInteger(),
                          age(o, now),
                          names.join(QLatin1Char(',')),
                          images.join(QLatin1Char(',')),
                          selectorText(spec.value(QLatin1String("selector")).toObject())};
    }
    case StatefulSets: {
        const QStringList names = containerNames(jobj(spec, {"template", "spec"}), &images);
        return QJsonArray{nameOf(o),
                          QStringLiteral("%1/%2")
                              .arg(status.value(QLatin1String("readyReplicas")).toInteger())
                              .arg(spec.value(QLatin1String("replicas")).toInteger()),
                          age(o, now), names.join(QLatin1Char(',')), images.join(QLatin1Char(','))};
    }
    case ReplicaSets: {
        const QStringList names = containerNames(jobj(spec, {"template", "spec"}), &images);
        return QJsonArray{nameOf(o),
                          spec.value(QLatin1String("replicas")).toInteger(),
                          status.value(QLatin1String("replicas")).toInteger(),
                          status.value(QLatin1String("readyReplicas")).toInteger(),
                          age(o, now),
                          names.join(QLatin1Char(',')),
                          images.join(QLatin1Char(',')),
                          selectorText(spec.value(QLatin1String("selector")).toObject())};
    }
    case DaemonSets: {
        const QStringList names = containerNames(jobj(spec, {"template", "spec"}), &images);
        return QJsonArray{nameOf(o),
                          status.value(QLatin1String("desiredNumberScheduled")).toInteger(),
                          status.value(QLatin1String("currentNumberScheduled")).toInteger(),
                          status.value(QLatin1String("numberReady")).toInteger(),
                          status.value(QLatin1String("updatedNumberScheduled")).toInteger(),
                          status.value(QLatin1String("numberAvailable")).toInteger(),
                          mapText(jobj(spec, {"template", "spec", "nodeSelector"})),
                          age(o, now),
                          names.join(QLatin1Char(',')),
                          images.join(QLatin1Char(',')),
                          selectorText(spec.value(QLatin1String("selector")).toObject())};
    }
    case Services: {
        QStringList external;
        for (const QJsonValue &v : spec.value(QLatin1String("externalIPs")).toArray())
            external << v.toString();
        return QJsonArray{nameOf(o),
                          spec.value(QLatin1String("type")).toString(),
                          orNone(spec.value(QLatin1String("clusterIP")).toString()),
                          orNone(external.join(QLatin1Char(','))),
                          servicePorts(o),
                          age(o, now),
                          mapText(spec.value(QLatin1String("selector")).toObject())};
    }
    case Events: {
        const QJsonObject involved = o.value(QLatin1String("involvedObject")).toObject();
        const QString object = involved.value(QLatin1String("kind")).toString().toLower() +
                               QLatin1Char('/') + involved.value(QLatin1String("name")).toString();
        const QString host = jstr(o, {"source", "host"});
        QString source = jstr(o, {"source", "component"});
        if (!host.isEmpty())
            source += QStringLiteral(", ") + host;
        return QJsonArray{age(o, now, "lastTimestamp"),
                          o.value(QLatin1String("type")).toString(),
                          o.value(QLatin1String("reason")).toString(),
                          object,
                          involved.value(QLatin1String("fieldPath")).toString(),
                          source,
                          o.value(QLatin1String("message")).toString(),
                          age(o, now, "firstTimestamp"),
                          o.value(QLatin1String("count")).toInteger(),
                          nameOf(o)};
    }
    case PersistentVolumes: {
        const QJsonObject claim = spec.value(QLatin1String("claimRef")).toObject();
        const QString claimText =
            claim.isEmpty() ? QString()
                            : claim.value(QLatin1String("namespace")).toString() +
                                  QLatin1Char('/') + claim.value(QLatin1String("name")).toString();
        return QJsonArray{nameOf(o),
                          jstr(spec, {"capacity", "storage"}),
                          accessModes(spec.value(QLatin1String("accessModes")).toArray()),
                          spec.value(QLatin1String("persistentVolumeReclaimPolicy")).toString(),
                          status.value(QLatin1String("phase")).toString(),
                          claimText,
                          spec.value(QLatin1String("storageClassName")).toString(),
                          QStringLiteral("<unset>"),
                          status.value(QLatin1String("reason")).toString(),
                          age(o, now),
                          spec.value(QLatin1String("volumeMode")).toString()};
    }
    case PersistentVolumeClaims:
        return QJsonArray{nameOf(o),
                          status.value(QLatin1String("phase")).toString(),
                          spec.value(QLatin1String("volumeName")).toString(),
                          jstr(status, {"capacity", "storage"}),
                          accessModes(status.value(QLatin1String("accessModes")).toArray()),
                          spec.value(QLatin1String("storageClassName")).toString(),
                          QStringLiteral("<unset>"),
                          age(o, now),
                          spec.value(QLatin1String("volumeMode")).toString()};
    case ConfigMaps:
        return QJsonArray{nameOf(o),
                          o.value(QLatin1String("data")).toObject().size() +
                              o.value(QLatin1String("binaryData")).toObject().size(),
                          age(o, now)};
    case Secrets:
        return QJsonArray{nameOf(o), o.value(QLatin1String("type")).toString(),
                          o.value(QLatin1String("data")).toObject().size(), age(o, now)};
    case StorageClasses: {
        QString name = nameOf(o);
        if (jstr(o, {"metadata", "annotations", "storageclass.kubernetes.io/is-default-class"}) ==
            QLatin1String("true"))
            name += QStringLiteral(" (default)");
        return QJsonArray{
            name,
            o.value(QLatin1String("provisioner")).toString(),
            o.value(QLatin1String("reclaimPolicy")).toString(QStringLiteral("Delete")),
            o.value(QLatin1String("volumeBindingMode")).toString(QStringLiteral("Immediate")),
            o.value(QLatin1String("allowVolumeExpansion")).toBool(),
            age(o, now)};
    }
    default:
        return QJsonArray{nameOf(o), age(o, now)};
    }
}

} // namespace

QString humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes)
                      : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours)
                      : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 d = (hours / 24) % 365;
        return d == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                      : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(d);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QJsonArray tableColumns(ResourceId resource)
{
    switch (resource) {
    case Pods:
        return QJsonArray{
            nameColumn(),
            column("Ready", "string",
                   "The aggregate readiness state of this pod for accepting traffic."),
            column("Status", "string", "The aggregate status of the containers in this pod."),
            column("Restarts", "string",
                   "The number of times the containers in this pod have been restarted and when "
                   "the last container in this pod has restarted."),
            ageColumn(),
            column("IP", "string",
                   "IP address allocated to the pod. Routable at least within the cluster. Empty "
                   "if not yet allocated.",
                   1),
            column("Node", "string",
                   "NodeName is a request to schedule this pod onto a specific node.", 1),
            column("Nominated Node", "string",
                   "nominatedNodeName is set only when this pod preempts other pods on the node.",
                   1),
            column("Readiness Gates", "string",
                   "If specified, all readiness gates will be evaluated for pod readiness.", 1)};
    case Nodes:
        return QJsonArray{
            nameColumn(),
            column("Status", "string", "The status of the node"),
            column("Roles", "string", "The roles of the node"),
            ageColumn(),
            column("Version", "string", "Kubelet Version reported by the node."),
            column("Internal-IP", "string", "List of addresses reachable to the node.", 1),
            column("External-IP", "string", "List of addresses reachable to the node.", 1),
            column("OS-Image", "string",
                   "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 "
                   "(wheezy)).",
                   1),
            column(
                "Kernel-Version", "string",
                "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
                1),
            column("Container-Runtime", "string",
                   "ContainerRuntime Version reported by the node through runtime remote API (e.g. "
                   "containerd://1.4.2).",
                   1)};
    case Namespaces:
        return QJsonArray{nameColumn(), column("Status", "string", "The status of the namespace"),
                          ageColumn()};
    case Deployments:
        return QJsonArray{
            nameColumn(),
            column("Ready", "string", "Number of the pod with ready state"),
            column("Up-to-date", "integer",
                   "Total number of non-terminated pods targeted by this deployment that have the "
                   "desired template spec."),
            column("Available", "integer",
                   "Total number of available pods (ready for at least minReadySeconds) targeted "
                   "by this deployment."),
            ageColumn(),
            column("Containers", "string", "Names of each container in the template.", 1),
            column("Images", "string", "Images referenced by each container in the template.", 1),
            column("Selector", "string",
                   "Label selector for pods. Existing ReplicaSets whose pods are selected by this "
                   "will be the ones affected by this deployment.",
                   1)};
    case StatefulSets:
        return QJsonArray{
            nameColumn(), column("Ready", "string", "Number of the pod with ready state"),
            ageColumn(),
            column("Containers", "string", "Names of each container in the template.", 1),
            column("Images", "string", "Images referenced by each container in the template.", 1)};
    case ReplicaSets:
        return QJsonArray{
            nameColumn(),
            column("Desired", "integer", "Replicas is the number of desired replicas."),
            column("Current", "integer",
                   "Replicas is the most recently observed number of replicas."),
            column("Ready", "integer", "The number of ready replicas for this replica set."),
            ageColumn(),
            column("Containers", "string", "Names of each container in the template.", 1),
            column("Images", "string", "Images referenced by each container in the template.", 1),
            column("Selector", "string",
                   "Selector is a label query over pods that should match the replica count.", 1)};
    case DaemonSets:
        return QJsonArray{
            nameColumn(),
            column("Desired", "integer",
                   "The total number of nodes that should be running the daemon pod."),
            column("Current", "integer",
                   "The number of nodes that are running at least 1 daemon pod and are supposed to "
                   "run the daemon pod."),
            column("Ready", "integer",
                   "The number of nodes that should be running the daemon pod and have one or more "
                   "of the daemon pod running and ready."),
            column("Up-to-date", "integer",
                   "The total number of nodes that are running updated daemon pod"),
            column("Available", "integer",
                   "The number of nodes that should be running the daemon pod and have one or more "
                   "of the daemon pod running and available."),
            column("Node Selector", "string",
                   "NodeSelector is a selector which must be true for the pod to fit on a node."),
            ageColumn(),
            column("Containers", "string", "Names of each container in the template.", 1),
            column("Images", "string", "Images referenced by each container in the template.", 1),
            column("Selector", "string",
                   "A label query over pods that are managed by the daemon set.", 1)};
    case Services:
        return QJsonArray{
            nameColumn(),
            column("Type", "string", "type determines how the Service is exposed."),
            column("Cluster-IP", "string", "clusterIP is the IP address of the service."),
            column("External-IP", "string",
                   "externalIPs is a list of IP addresses for which nodes in the cluster will also "
                   "accept traffic for this service."),
            column("Port(s)", "string", "The list of ports that are exposed by this service."),
            ageColumn(),
            column(
                "Selector", "string",
                "Route service traffic to pods with label keys and values matching this selector.",
                1)};
    case Events:
        return QJsonArray{
            column("Last Seen", "string", "The last time the event was observed"),
            column("Type", "string", "Type of this event (Normal, Warning)"),
            column("Reason", "string",
                   "This should be a short, machine understandable string that gives the reason "
                   "for the transition into the object's current status."),
            column("Object", "string", "The object that this event is about."),
            column("Subobject", "string", "The subobject this event is about", 1),
            column("Source", "string", "The component reporting this event.", 1),
            column("Message", "string",
                   "A human-readable description of the status of this operation."),
            column("First Seen", "string", "The time at which the event was first recorded.", 1),
            column("Count", "integer", "The number of times this event has occurred.", 1),
            column("Name", "string", "The name of the event.", 1, "name")};
    case PersistentVolumes:
        return QJsonArray{
            nameColumn(),
            column(
                "Capacity", "string",
                "capacity is the description of the persistent volume's resources and capacity."),
            column("Access Modes", "string",
                   "accessModes contains all ways the volume can be mounted."),
            column("Reclaim Policy", "string",
                   "persistentVolumeReclaimPolicy defines what happens to a persistent volume when "
                   "released from its claim."),
            column("Status", "string",
                   "phase indicates if a volume is available, bound to a claim, or released by a "
                   "claim."),
            column("Claim", "string",
                   "claimRef is part of a bi-directional binding between PersistentVolume and "
                   "PersistentVolumeClaim."),
            column("StorageClass", "string",
                   "storageClassName is the name of StorageClass to which this persistent volume "
                   "belongs."),
            column("VolumeAttributesClass", "string",
                   "Name of VolumeAttributesClass to which this persistent volume belongs."),
            column("Reason", "string",
                   "reason is a brief CamelCase string that describes any failure and is meant for "
                   "machine parsing and tidy display in the CLI."),
            ageColumn(),
            column("VolumeMode", "string",
                   "volumeMode defines if a volume is intended to be used with a formatted "
                   "filesystem or to remain in raw block state.",
                   1)};
    case PersistentVolumeClaims:
        return QJsonArray{
            nameColumn(),
            column("Status", "string",
                   "phase represents the current phase of PersistentVolumeClaim."),
            column(
                "Volume", "string",
                "volumeName is the binding reference to the PersistentVolume backing this claim."),
            column("Capacity", "string",
                   "capacity represents the actual resources of the underlying volume."),
            column("Access Modes", "string",
                   "accessModes contains the desired access modes the volume should have."),
            column("StorageClass", "string",
                   "storageClassName is the name of the StorageClass required by the claim."),
            column("VolumeAttributesClass", "string",
                   "volumeAttributesClassName may be used to set the VolumeAttributesClass used by "
                   "this claim."),
            ageColumn(),
            column("VolumeMode", "string",
                   "volumeMode defines what type of volume is required by the claim.", 1)};
    case ConfigMaps:
        return QJsonArray{nameColumn(),
                          column("Data", "string", "Data contains the configuration data."),
                          ageColumn()};
    case Secrets:
        return QJsonArray{
            nameColumn(),
            column("Type", "string", "Used to facilitate programmatic handling of secret data."),
            column("Data", "string", "Data contains the secret data."), ageColumn()};
    case StorageClasses:
        return QJsonArray{
            nameColumn(),
            column("Provisioner", "string", "provisioner indicates the type of the provisioner."),
            column("ReclaimPolicy", "string",
                   "reclaimPolicy controls the reclaimPolicy for dynamically provisioned "
                   "PersistentVolumes of this storage class."),
            column("VolumeBindingMode", "string",
                   "volumeBindingMode indicates how PersistentVolumeClaims should be provisioned "
                   "and bound."),
            column("AllowVolumeExpansion", "string",
                   "allowVolumeExpansion shows whether the storage class allow volume expand."),
            ageColumn()};
    default:
        return QJsonArray{nameColumn(), ageColumn()};
    }
}

QByteArray tableRow(const ResourceType &type, const QJsonObject &object,
                    const QByteArray &objectJson, TableObject include, const QDateTime &now)
{
    QByteArray row = "{\"cells\":" +
                     QJsonDocument(cellsFor(type.id, object, now)).toJson(QJsonDocument::Compact);
    if (include == TableObject::Object) {
        row += ",\"object\":" + fullObjectJson(type, objectJson);
    } else if (include == TableObject::Metadata) {
        QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
        meta.remove(QLatin1String("managedFields"));
        const QJsonObject partial{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                                  {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                                  {QStringLiteral("metadata"), meta}};
        row += ",\"object\":" + QJsonDocument(partial).toJson(QJsonDocument::Compact);
    }
    row += '}';
    return row;
}

} // namespace labdeck::demolab::detail
