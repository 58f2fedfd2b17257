#include "demolab/objects_p.h"

#include "demolab/jsonpath_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace labdeck::demolab::detail {

namespace {

void setDefault(QJsonObject &o, const char *key, const QJsonValue &value)
{
    if (!o.contains(QLatin1String(key)) || o.value(QLatin1String(key)).isNull())
        o.insert(QLatin1String(key), value);
}

void defaultContainers(QJsonObject &spec, const char *field)
{
    if (!spec.contains(QLatin1String(field)))
        return;
    QJsonArray containers = spec.value(QLatin1String(field)).toArray();
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject c = containers.at(i).toObject();
        const QString image = c.value(QLatin1String("image")).toString();
        const QString lastPart = image.section(QLatin1Char('/'), -1);
        const bool latest =
            !lastPart.contains(QLatin1Char(':')) || lastPart.endsWith(QLatin1String(":latest"));
        if (!image.contains(QLatin1Char('@')))
            setDefault(c, "imagePullPolicy",
                       latest ? QStringLiteral("Always") : QStringLiteral("IfNotPresent"));
        else
            setDefault(c, "imagePullPolicy", QStringLiteral("IfNotPresent"));
        setDefault(c, "terminationMessagePath", QStringLiteral("/dev/termination-log"));
        setDefault(c, "terminationMessagePolicy", QStringLiteral("File"));
        setDefault(c, "resources", QJsonObject());
        if (c.contains(QLatin1String("ports"))) {
            QJsonArray ports = c.value(QLatin1String("ports")).toArray();
            for (qsizetype p = 0; p < ports.size(); ++p) {
                QJsonObject port = ports.at(p).toObject();
                setDefault(port, "protocol", QStringLiteral("TCP"));
                ports.replace(p, port);
            }
            c.insert(QLatin1String("ports"), ports);
        }
        containers.replace(i, c);
    }
    spec.insert(QLatin1String(field), containers);
}

void defaultTemplate(QJsonObject &object)
{
    QJsonObject tpl = jobj(object, {"spec", "template"});
    QJsonObject meta = tpl.value(QLatin1String("metadata")).toObject();
    setDefault(meta, "creationTimestamp", QJsonValue(QJsonValue::Null));
    tpl.insert(QLatin1String("metadata"), meta);
    QJsonObject podSpec = tpl.value(QLatin1String("spec")).toObject();
    applyPodSpecDefaults(podSpec, false);
    tpl.insert(QLatin1String("spec"), podSpec);
    jset(object, {"spec", "template"}, tpl);
}

const QRegularExpression &subdomainPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return re;
}

const QRegularExpression &labelPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return re;
}

const QRegularExpression &dns1035Pattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    return re;
}

QString goQuote(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString goMap(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << goQuote(it.key()) + QLatin1Char(':') + goQuote(it.value().toString());
    return QStringLiteral("map[string]string{") + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

void validateName(ResourceId resource, const QJsonObject &object, QList<FieldError> *errors)
{
    const QString name = nameOf(object);
    if (name.isEmpty()) {
        errors->append({QStringLiteral("FieldValueRequired"), QStringLiteral("metadata.name"),
                        QStringLiteral("Required value: name or generateName is required")});
        return;
    }
    if (resource == Namespaces) {
        if (name.size() > 63 || !labelPattern().match(name).hasMatch())
            errors->append(
                {QStringLiteral("FieldValueInvalid"), QStringLiteral("metadata.name"),
                 QStringLiteral(
                     "Invalid value: %1: a lowercase RFC 1123 label must consist of lower "
                     "case alphanumeric characters or '-', and must start and end with an "
                     "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
                     "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
                     .arg(goQuote(name))});
        return;
    }
    if (resource == Services) {
        if (name.size() > 63 || !dns1035Pattern().match(name).hasMatch())
            errors->append(
                {QStringLiteral("FieldValueInvalid"), QStringLiteral("metadata.name"),
                 QStringLiteral(
                     "Invalid value: %1: a DNS-1035 label must consist of lower case "
                     "alphanumeric characters or '-', start with an alphabetic character, "
                     "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
                     "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")
                     .arg(goQuote(name))});
        return;
    }
    if (name.size() > 253 || !subdomainPattern().match(name).hasMatch())
        errors->append(
            {QStringLiteral("FieldValueInvalid"), QStringLiteral("metadata.name"),
             QStringLiteral(
                 "Invalid value: %1: a lowercase RFC 1123 subdomain must consist of lower case "
                 "alphanumeric characters, '-' or '.', and must start and end with an "
                 "alphanumeric character (e.g. 'example.com', regex used for validation is "
                 "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
                 .arg(goQuote(name))});
}

void validatePodSpec(const QJsonObject &spec, const QString &prefix, QList<FieldError> *errors)
{
    const QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
    if (containers.isEmpty()) {
        errors->append({QStringLiteral("FieldValueRequired"),
                        prefix + QStringLiteral(".containers"), QStringLiteral("Required value")});
        return;
    }
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QJsonObject c = containers.at(i).toObject();
        const QString at = prefix + QStringLiteral(".containers[%1]").arg(i);
        if (c.value(QLatin1String("name")).toString().isEmpty())
            errors->append({QStringLiteral("FieldValueRequired"), at + QStringLiteral(".name"),
                            QStringLiteral("Required value")});
        if (c.value(QLatin1String("image")).toString().isEmpty())
            errors->append({QStringLiteral("FieldValueRequired"), at + QStringLiteral(".image"),
                            QStringLiteral("Required value")});
    }
}

void validateWorkload(ResourceId resource, const QJsonObject &object, const QJsonObject &old,
                      QList<FieldError> *errors)
{
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    if (spec.contains(QLatin1String("replicas")) && resource != DaemonSets) {
        const QJsonValue replicas = spec.value(QLatin1String("replicas"));
        if (!replicas.isDouble() || replicas.toInteger() < 0) {
            const QString shown = replicas.isDouble() ? QString::number(replicas.toInteger())
                                                      : goQuote(replicas.toString());
            errors->append({QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.replicas"),
                            QStringLiteral("Invalid value: %1: must be greater than or equal to 0")
                                .arg(shown)});
        }
    }
    const QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
    if (selector.isEmpty()) {
        errors->append({QStringLiteral("FieldValueRequired"), QStringLiteral("spec.selector"),
                        QStringLiteral("Required value")});
    } else {
        const QJsonObject labels = jobj(spec, {"template", "metadata", "labels"});
        if (!LabelSelector::fromJson(selector).matches(labels))
            errors->append(
                {QStringLiteral("FieldValueInvalid"),
                 QStringLiteral("spec.template.metadata.labels"),
                 QStringLiteral("Invalid value: %1: `selector` does not match template `labels`")
                     .arg(goMap(labels))});
        if (!old.isEmpty() && jobj(old, {"spec", "selector"}) != selector)
            errors->append(
                {QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.selector"),
                 QStringLiteral(
                     "Invalid value: v1.LabelSelector{MatchLabels:%1}: field is immutable")
                     .arg(goMap(selector.value(QLatin1String("matchLabels")).toObject()))});
    }
    validatePodSpec(jobj(spec, {"template", "spec"}), QStringLiteral("spec.template.spec"), errors);
}

void validateService(const QJsonObject &object, QList<FieldError> *errors)
{
    const QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    const QString type = spec.value(QLatin1String("type")).toString(QStringLiteral("ClusterIP"));
    static const QStringList types{QStringLiteral("ClusterIP"), QStringLiteral("NodePort"),
                                   QStringLiteral("LoadBalancer"), QStringLiteral("ExternalName")};
    if (!types.contains(type))
        errors->append(
            {QStringLiteral("FieldValueNotSupported"), QStringLiteral("spec.type"),
             QStringLiteral(
                 "Unsupported value: %1: supported values: \"ClusterIP\", \"ExternalName\", "
                 "\"LoadBalancer\", \"NodePort\"")
                 .arg(goQuote(type))});
    const QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
    if (ports.isEmpty() && type != QLatin1String("ExternalName") &&
        spec.value(QLatin1String("clusterIP")).toString() != QLatin1String("None"))
        errors->append({QStringLiteral("FieldValueRequired"), QStringLiteral("spec.ports"),
                        QStringLiteral("Required value")});
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const qint64 port = ports.at(i).toObject().value(QLatin1String("port")).toInteger(0);
        if (port < 1 || port > 65535)
            errors->append(
                {QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.ports[%1].port").arg(i),
                 QStringLiteral("Invalid value: %1: must be between 1 and 65535, inclusive")
                     .arg(port)});
        const QJsonValue nodePort = ports.at(i).toObject().value(QLatin1String("nodePort"));
        if (nodePort.isDouble() && (nodePort.toInteger() < 30000 || nodePort.toInteger() > 32767))
            errors->append(
                {QStringLiteral("FieldValueInvalid"),
                 QStringLiteral("spec.ports[%1].nodePort").arg(i),
                 QStringLiteral("Invalid value: %1: provided port is not in the valid range. "
                                "The range of valid ports is 30000-32767")
                     .arg(nodePort.toInteger())});
    }
}

} // namespace

QString qosClass(const QJsonObject &podSpec)
{
    bool anyRequest = false;
    bool allGuaranteed = true;
    for (const QJsonValue &v : podSpec.value(QLatin1String("containers")).toArray()) {
        const QJsonObject resources = v.toObject().value(QLatin1String("resources")).toObject();
        const QJsonObject requests = resources.value(QLatin1String("requests")).toObject();
        const QJsonObject limits = resources.value(QLatin1String("limits")).toObject();
        if (!requests.isEmpty() || !limits.isEmpty())
            anyRequest = true;
        for (const char *r : {"cpu", "memory"}) {
            const QJsonValue limit = limits.value(QLatin1String(r));
            const QJsonValue request =
                requests.contains(QLatin1String(r)) ? requests.value(QLatin1String(r)) : limit;
            if (limit.isUndefined() || request != limit)
                allGuaranteed = false;
        }
    }
    if (!anyRequest)
        return QStringLiteral("BestEffort");
    return allGuaranteed ? QStringLiteral("Guaranteed") : QStringLiteral("Burstable");
}

void applyPodSpecDefaults(QJsonObject &spec, bool isPod)
{
    setDefault(spec, "restartPolicy", QStringLiteral("Always"));
    setDefault(spec, "dnsPolicy", QStringLiteral("ClusterFirst"));
    setDefault(spec, "schedulerName", QStringLiteral("default-scheduler"));
    setDefault(spec, "terminationGracePeriodSeconds", 30);
    setDefault(spec, "securityContext", QJsonObject());
    defaultContainers(spec, "containers");
    defaultContainers(spec, "initContainers");
    if (!isPod)
        return;
    setDefault(spec, "serviceAccountName", QStringLiteral("default"));
    setDefault(spec, "serviceAccount", spec.value(QLatin1String("serviceAccountName")));
    setDefault(spec, "enableServiceLinks", true);
    setDefault(spec, "preemptionPolicy", QStringLiteral("PreemptLowerPriority"));
    setDefault(spec, "priority", 0);
    if (!spec.contains(QLatin1String("tolerations"))) {
        QJsonArray tolerations;
        for (const char *key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"})
            tolerations.append(QJsonObject{{QStringLiteral("effect"), QStringLiteral("NoExecute")},
                                           {QStringLiteral("key"), QLatin1String(key)},
                                           {QStringLiteral("operator"), QStringLiteral("Exists")},
                                           {QStringLiteral("tolerationSeconds"), 300}});
        spec.insert(QLatin1String("tolerations"), tolerations);
    }
}

void applyDefaults(ResourceId resource, QJsonObject &object)
{
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    switch (resource) {
    case Namespaces: {
        QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
        QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
        labels.insert(QLatin1String("kubernetes.io/metadata.name"),
                      meta.value(QLatin1String("name")));
        meta.insert(QLatin1String("labels"), labels);
        object.insert(QLatin1String("metadata"), meta);
        setDefault(spec, "finalizers", QJsonArray{QStringLiteral("kubernetes")});
        object.insert(QLatin1String("spec"), spec);
        QJsonObject status = object.value(QLatin1String("status")).toObject();
        setDefault(status, "phase", QStringLiteral("Active"));
        object.insert(QLatin1String("status"), status);
        return;
    }
    case Pods: {
        applyPodSpecDefaults(spec, true);
        object.insert(QLatin1String("spec"), spec);
        QJsonObject status = object.value(QLatin1String("status")).toObject();
        setDefault(status, "phase", QStringLiteral("Pending"));
        setDefault(status, "qosClass", qosClass(spec));
        object.insert(QLatin1String("status"), status);
        return;
    }
    case Deployments: {
        setDefault(spec, "replicas", 1);
        setDefault(spec, "revisionHistoryLimit", 10);
        setDefault(spec, "progressDeadlineSeconds", 600);
        QJsonObject strategy = spec.value(QLatin1String("strategy")).toObject();
        setDefault(strategy, "type", QStringLiteral("RollingUpdate"));
        if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
            QJsonObject rolling = strategy.value(QLatin1String("rollingUpdate")).toObject();
            setDefault(rolling, "maxSurge", QStringLiteral("25%"));
            setDefault(rolling, "maxUnavailable", QStringLiteral("25%"));
            strategy.insert(QLatin1String("rollingUpdate"), rolling);
        }
        spec.insert(QLatin1String("strategy"), strategy);
        object.insert(QLatin1String("spec"), spec);
        defaultTemplate(object);
        return;
    }
    case StatefulSets: {
        setDefault(spec, "replicas", 1);
        setDefault(spec, "revisionHistoryLimit", 10);
        setDefault(spec, "podManagementPolicy", QStringLiteral("OrderedReady"));
        QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
        setDefault(strategy, "type", QStringLiteral("RollingUpdate"));
        if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
            QJsonObject rolling = strategy.value(QLatin1String("rollingUpdate")).toObject();
            setDefault(rolling, "partition", 0);
            strategy.insert(QLatin1String("rollingUpdate"), rolling);
        }
        spec.insert(QLatin1String("updateStrategy"), strategy);
        QJsonObject retention =
            spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject();
        setDefault(retention, "whenDeleted", QStringLiteral("Retain"));
        setDefault(retention, "whenScaled", QStringLiteral("Retain"));
        spec.insert(QLatin1String("persistentVolumeClaimRetentionPolicy"), retention);
        object.insert(QLatin1String("spec"), spec);
        defaultTemplate(object);
        return;
    }
    case DaemonSets: {
        setDefault(spec, "revisionHistoryLimit", 10);
        QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
        setDefault(strategy, "type", QStringLiteral("RollingUpdate"));
        if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
            QJsonObject rolling = strategy.value(QLatin1String("rollingUpdate")).toObject();
            setDefault(rolling, "maxUnavailable", 1);
            setDefault(rolling, "maxSurge", 0);
            strategy.insert(QLatin1String("rollingUpdate"), rolling);
        }
        spec.insert(QLatin1String("updateStrategy"), strategy);
        object.insert(QLatin1String("spec"), spec);
        defaultTemplate(object);
        return;
    }
    case ReplicaSets:
        setDefault(spec, "replicas", 1);
        object.insert(QLatin1String("spec"), spec);
        defaultTemplate(object);
        return;
    case Services: {
        setDefault(spec, "type", QStringLiteral("ClusterIP"));
        setDefault(spec, "sessionAffinity", QStringLiteral("None"));
        const QString type = spec.value(QLatin1String("type")).toString();
        if (type != QLatin1String("ExternalName")) {
            setDefault(spec, "ipFamilies", QJsonArray{QStringLiteral("IPv4")});
            setDefault(spec, "ipFamilyPolicy", QStringLiteral("SingleStack"));
            setDefault(spec, "internalTrafficPolicy", QStringLiteral("Cluster"));
        }
        if (type == QLatin1String("NodePort") || type == QLatin1String("LoadBalancer"))
            setDefault(spec, "externalTrafficPolicy", QStringLiteral("Cluster"));
        QJsonArray ports = spec.value(QLatin1String("ports")).toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            setDefault(port, "protocol", QStringLiteral("TCP"));
            setDefault(port, "targetPort", port.value(QLatin1String("port")));
            ports.replace(i, port);
        }
        if (spec.contains(QLatin1String("ports")))
            spec.insert(QLatin1String("ports"), ports);
        object.insert(QLatin1String("spec"), spec);
        QJsonObject status = object.value(QLatin1String("status")).toObject();
        setDefault(status, "loadBalancer", QJsonObject());
        object.insert(QLatin1String("status"), status);
        return;
    }
    case PersistentVolumeClaims: {
        setDefault(spec, "volumeMode", QStringLiteral("Filesystem"));
        object.insert(QLatin1String("spec"), spec);
        QJsonObject status = object.value(QLatin1String("status")).toObject();
        setDefault(status, "phase", QStringLiteral("Pending"));
        object.insert(QLatin1String("status"), status);
        return;
    }
    case PersistentVolumes: {
        setDefault(spec, "persistentVolumeReclaimPolicy", QStringLiteral("Retain"));
        setDefault(spec, "volumeMode", QStringLiteral("Filesystem"));
        object.insert(QLatin1String("spec"), spec);
        QJsonObject status = object.value(QLatin1String("status")).toObject();
        setDefault(status, "phase", QStringLiteral("Available"));
        object.insert(QLatin1String("status"), status);
        return;
    }
    case Secrets: {
        setDefault(object, "type", QStringLiteral("Opaque"));
        // stringData is write-only: the API server merges it into data
        // (base64), its keys winning, and never stores or returns it.
        const QJsonObject stringData = object.value(QLatin1String("stringData")).toObject();
        if (object.contains(QLatin1String("stringData"))) {
            QJsonObject data = object.value(QLatin1String("data")).toObject();
            for (auto it = stringData.begin(); it != stringData.end(); ++it)
                data.insert(it.key(),
                            QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
            object.insert(QLatin1String("data"), data);
            object.remove(QLatin1String("stringData"));
        }
        return;
    }
    default:
        return;
    }
}

QList<FieldError> validateObject(ResourceId resource, const QJsonObject &object,
                                 const QJsonObject &old)
{
    QList<FieldError> errors;
    validateName(resource, object, &errors);
    switch (resource) {
    case Deployments:
    case StatefulSets:
    case DaemonSets:
    case ReplicaSets:
        validateWorkload(resource, object, old, &errors);
        break;
    case Pods:
        validatePodSpec(object.value(QLatin1String("spec")).toObject(), QStringLiteral("spec"),
                        &errors);
        break;
    case Services:
        validateService(object, &errors);
        break;
    default:
        break;
    }
    return errors;
}

} // namespace labdeck::demolab::detail
