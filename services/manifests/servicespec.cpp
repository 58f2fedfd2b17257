#include "manifests/servicespec.h"

#include "inventory/inventory.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace labdeck::manifests {

namespace {

const QLatin1String kManagedBy("app.kubernetes.io/managed-by");
const QString kRedacted = QStringLiteral("<redacted>");

bool validEnvName(const QString &name)
{
    // What the API server accepts for env names (C identifiers, plus . and -).
    static const QRegularExpression re(QStringLiteral("^[-._a-zA-Z][-._a-zA-Z0-9]*$"));
    return re.match(name).hasMatch();
}

bool validHostName(const QString &host)
{
    const QStringList labels = host.split(QLatin1Char('.'));
    if (labels.size() < 2 || host.size() > 253)
        return false;
    for (const QString &label : labels) {
        if (!SpecCheck::dnsLabelProblem(label).isEmpty())
            return false;
    }
    return true;
}

} // namespace

QString ServiceSpec::nodeName() const
{
    return role == NodeRole::Apps ? QStringLiteral("bracky") : QStringLiteral("metamon");
}

QString ServiceSpec::roleLabel() const
{
    return role == NodeRole::Apps ? QStringLiteral("apps") : QStringLiteral("devops");
}

bool ServiceSpec::hasSecrets() const
{
    return std::any_of(env.cbegin(), env.cend(), [](const EnvVar &e) { return e.secret; });
}

void applyLabDefaults(ServiceSpec &spec, const Inventory &lab)
{
    if (!lab.nfs.server.isEmpty())
        spec.nfsServer = lab.nfs.server;
    if (!lab.ingress.certResolver.isEmpty())
        spec.certResolver = lab.ingress.certResolver;
    // Traefik on pochama reaches the NodePort over Tailscale; the node that
    // carries the role label in the inventory.
    for (const Host &h : lab.hosts) {
        if (h.labels.value(QStringLiteral("role")) == spec.roleLabel()) {
            spec.nodeAddress = !h.addresses.tailscale.isEmpty()        ? h.addresses.tailscale
                               : !h.addresses.privateAddress.isEmpty() ? h.addresses.privateAddress
                                                                       : h.name;
            break;
        }
    }
}

LabFacts labFacts(const Inventory &lab)
{
    LabFacts facts;
    for (const Workload &w : lab.workloads) {
        if (w.nodePort != 0)
            facts.usedNodePorts.insert(w.nodePort,
                                       SpecCheck::tr("%1 (inventory)").arg(w.qualifiedName()));
    }
    for (const Namespace &ns : lab.namespaces)
        facts.namespaces.insert(ns.name);
    for (const Host &h : lab.hosts) {
        if (!h.isKubernetesNode())
            continue;
        LabFacts::Node node;
        if (h.resources.cpus > 0)
            node.allocatableMilliCpu = qint64(h.resources.cpus * 1000);
        if (h.resources.memoryGB > 0)
            node.allocatableMemory = qint64(h.resources.memoryGB * 1024 * 1024 * 1024);
        facts.nodes.insert(h.nodeName(), node);
    }
    return facts;
}

void addClusterServices(LabFacts &facts, const QJsonObject &serviceList)
{
    const QJsonArray items = serviceList.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject svc = item.toObject();
        const QJsonObject meta = svc.value(QLatin1String("metadata")).toObject();
        const QString who = SpecCheck::tr("%1/%2 (cluster)")
                                .arg(meta.value(QLatin1String("namespace")).toString(),
                                     meta.value(QLatin1String("name")).toString());
        const QJsonArray ports =
            svc.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray();
        for (const QJsonValue &p : ports) {
            const int nodePort = p.toObject().value(QLatin1String("nodePort")).toInt();
            if (nodePort != 0 && !facts.usedNodePorts.contains(nodePort))
                facts.usedNodePorts.insert(nodePort, who);
        }
    }
}

void addClusterPods(LabFacts &facts, const QJsonObject &podList)
{
    QMap<QString, LabFacts::Node> requested;
    const QJsonArray items = podList.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject pod = item.toObject();
        const QString phase =
            pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
        if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            continue;
        const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
        const QString node = spec.value(QLatin1String("nodeName")).toString();
        if (node.isEmpty())
            continue;
        const QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
        for (const QJsonValue &c : containers) {
            const QJsonObject req = c.toObject()
                                        .value(QLatin1String("resources"))
                                        .toObject()
                                        .value(QLatin1String("requests"))
                                        .toObject();
            requested[node].requestedMilliCpu +=
                parseMilliCpu(req.value(QLatin1String("cpu")).toString()).value_or(0);
            requested[node].requestedMemory +=
                parseBytes(req.value(QLatin1String("memory")).toString()).value_or(0);
        }
    }
    for (auto it = requested.cbegin(); it != requested.cend(); ++it) {
        LabFacts::Node &n = facts.nodes[it.key()];
        n.requestedMilliCpu = it.value().requestedMilliCpu;
        n.requestedMemory = it.value().requestedMemory;
    }
}

void addClusterNodes(LabFacts &facts, const QJsonObject &nodeList)
{
    const QJsonArray items = nodeList.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject node = item.toObject();
        const QString name = node.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const QJsonObject allocatable = node.value(QLatin1String("status"))
                                            .toObject()
                                            .value(QLatin1String("allocatable"))
                                            .toObject();
        LabFacts::Node &n = facts.nodes[name];
        if (const auto cpu = parseMilliCpu(allocatable.value(QLatin1String("cpu")).toString()))
            n.allocatableMilliCpu = *cpu;
        if (const auto memory = parseBytes(allocatable.value(QLatin1String("memory")).toString()))
            n.allocatableMemory = *memory;
    }
}

void addClusterNamespaces(LabFacts &facts, const QJsonObject &namespaceList)
{
    const QJsonArray items = namespaceList.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items)
        facts.namespaces.insert(item.toObject()
                                    .value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("name"))
                                    .toString());
}

QString SpecCheck::dnsLabelProblem(const QString &value)
{
    if (value.isEmpty())
        return tr("is required");
    if (value.size() > 63)
        return tr("must be at most 63 characters (it has %1)").arg(value.size());
    static const QRegularExpression chars(QStringLiteral("^[a-z0-9-]+$"));
    if (!chars.match(value).hasMatch()) {
        for (const QChar c : value) {
            if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                  c == QLatin1Char('-')))
                return tr("may contain only lowercase letters, digits and '-' (not '%1')").arg(c);
        }
    }
    if (value.front() == QLatin1Char('-') || value.back() == QLatin1Char('-'))
        return tr("must start and end with a letter or digit");
    return {};
}

std::optional<qint64> parseMilliCpu(const QString &quantity)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(m?)$"));
    const auto m = re.match(quantity.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    return m.captured(2).isEmpty() ? qint64(v * 1000 + 0.5) : qint64(v + 0.5);
}

std::optional<qint64> parseBytes(const QString &quantity)
{
    static const QRegularExpression re(
        QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$"));
    const auto m = re.match(quantity.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double factor = 1;
    if (unit == QLatin1String("Ki"))
        factor = 1024.0;
    else if (unit == QLatin1String("Mi"))
        factor = 1024.0 * 1024;
    else if (unit == QLatin1String("Gi"))
        factor = 1024.0 * 1024 * 1024;
    else if (unit == QLatin1String("Ti"))
        factor = 1024.0 * 1024 * 1024 * 1024;
    else if (unit == QLatin1String("k") || unit == QLatin1String("K"))
        factor = 1e3;
    else if (unit == QLatin1String("M"))
        factor = 1e6;
    else if (unit == QLatin1String("G"))
        factor = 1e9;
    else if (unit == QLatin1String("T"))
        factor = 1e12;
    return qint64(v * factor + 0.5);
}

QList<FieldIssue> SpecCheck::validate(const ServiceSpec &spec, const LabFacts &facts)
{
    QList<FieldIssue> issues;
    auto error = [&](const QString &field, const QString &message) {
        issues.append({field, message, FieldIssue::Severity::Error});
    };
    auto warning = [&](const QString &field, const QString &message) {
        issues.append({field, message, FieldIssue::Severity::Warning});
    };

    // Basics.
    if (const QString p = dnsLabelProblem(spec.name); !p.isEmpty())
        error(QStringLiteral("name"), tr("Name %1.").arg(p));
    else if (spec.storage && spec.name.size() > 63 - 5)
        error(QStringLiteral("name"),
              tr("Name must be at most 58 characters with storage (the claim is <name>-data)."));
    if (const QString p = dnsLabelProblem(spec.ns); !p.isEmpty())
        error(QStringLiteral("namespace"), tr("Namespace %1.").arg(p));
    else if (spec.createNamespace && facts.namespaces.contains(spec.ns))
        warning(QStringLiteral("namespace"),
                tr("Namespace %1 already exists; its file is written anyway.").arg(spec.ns));
    else if (!spec.createNamespace && !facts.namespaces.isEmpty() &&
             !facts.namespaces.contains(spec.ns))
        error(
            QStringLiteral("namespace"),
            tr("Namespace %1 does not exist; choose \"new namespace\" to create it.").arg(spec.ns));
    static const QRegularExpression imageRe(QStringLiteral(
        "^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$|"
        "^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$"));
    if (spec.image.isEmpty())
        error(QStringLiteral("image"),
              tr("Image is required, e.g. registry.example.com/%1.").arg(spec.name));
    else if (!imageRe.match(spec.image).hasMatch())
        error(QStringLiteral("image"),
              tr("Image \"%1\" is not a repository name: lowercase letters, digits, '.', '-', '_' "
                 "and '/' (the tag goes in its own field).")
                  .arg(spec.image));
    static const QRegularExpression tagRe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    if (!tagRe.match(spec.tag).hasMatch())
        error(QStringLiteral("tag"), tr("Tag must be 1–128 letters, digits, '_', '.' or '-', not "
                                        "starting with '.' or '-'."));
    if (spec.containerPort < 1 || spec.containerPort > 65535)
        error(QStringLiteral("containerPort"), tr("Container port must be 1–65535."));
    if (spec.replicas < 0 || spec.replicas > 20)
        error(QStringLiteral("replicas"), tr("Replicas must be 0–20 on these nodes."));

    // Network.
    if (spec.nodePort != 0) {
        if (spec.nodePort < 30000 || spec.nodePort > 32767)
            error(QStringLiteral("nodePort"),
                  tr("NodePort must be in 30000–32767 (the cluster's range)."));
        else if (facts.usedNodePorts.contains(spec.nodePort))
            error(QStringLiteral("nodePort"), tr("NodePort %1 is already used by %2.")
                                                  .arg(spec.nodePort)
                                                  .arg(facts.usedNodePorts.value(spec.nodePort)));
    }
    if (!spec.publicHost.isEmpty()) {
        if (!validHostName(spec.publicHost))
            error(QStringLiteral("publicHost"),
                  tr("Public host \"%1\" is not a DNS name such as app.example.com.")
                      .arg(spec.publicHost));
        else if (spec.nodePort == 0)
            error(QStringLiteral("publicHost"),
                  tr("A public URL needs a NodePort: Traefik on pochama routes to it."));
    }

    // Resources.
    struct Q
    {
        const char *field;
        QString value;
        bool cpu;
    };
    const Q quantities[] = {{"cpuRequest", spec.cpuRequest, true},
                            {"cpuLimit", spec.cpuLimit, true},
                            {"memoryRequest", spec.memoryRequest, false},
                            {"memoryLimit", spec.memoryLimit, false}};
    bool quantitiesOk = true;
    for (const Q &q : quantities) {
        const auto v = q.cpu ? parseMilliCpu(q.value) : parseBytes(q.value);
        if (!v) {
            quantitiesOk = false;
            error(QLatin1String(q.field),
                  q.cpu ? tr("CPU \"%1\" is not a quantity such as 250m or 0.5.").arg(q.value)
                        : tr("Memory \"%1\" is not a quantity such as 256Mi or 1Gi.").arg(q.value));
        }
    }
    if (quantitiesOk) {
        const qint64 cpuReq = *parseMilliCpu(spec.cpuRequest);
        const qint64 cpuLim = *parseMilliCpu(spec.cpuLimit);
        const qint64 memReq = *parseBytes(spec.memoryRequest);
        const qint64 memLim = *parseBytes(spec.memoryLimit);
        if (cpuReq > cpuLim)
            error(QStringLiteral("cpuLimit"),
                  tr("CPU limit must not be below the request (%1).").arg(spec.cpuRequest));
        if (memReq > memLim)
            error(QStringLiteral("memoryLimit"),
                  tr("Memory limit must not be below the request (%1).").arg(spec.memoryRequest));
        const LabFacts::Node node = facts.nodes.value(spec.nodeName());
        if (cpuLim > node.allocatableMilliCpu)
            error(QStringLiteral("cpuLimit"), tr("CPU limit %1 is more than %2 can give (%3m).")
                                                  .arg(spec.cpuLimit, spec.nodeName())
                                                  .arg(node.allocatableMilliCpu));
        if (memLim > node.allocatableMemory)
            error(QStringLiteral("memoryLimit"),
                  tr("Memory limit %1 is more than %2 can give (%3 MiB).")
                      .arg(spec.memoryLimit, spec.nodeName())
                      .arg(node.allocatableMemory / (1024 * 1024)));
        const qint64 totalCpu = node.requestedMilliCpu + cpuReq * spec.replicas;
        const qint64 totalMem = node.requestedMemory + memReq * spec.replicas;
        if (totalCpu > node.allocatableMilliCpu)
            warning(QStringLiteral("cpuRequest"),
                    tr("%1 would have %2m of %3m CPU requested: new pods may stay Pending.")
                        .arg(spec.nodeName())
                        .arg(totalCpu)
                        .arg(node.allocatableMilliCpu));
        if (totalMem > node.allocatableMemory)
            warning(
                QStringLiteral("memoryRequest"),
                tr("%1 would have %2 MiB of %3 MiB memory requested: new pods may stay Pending.")
                    .arg(spec.nodeName())
                    .arg(totalMem / (1024 * 1024))
                    .arg(node.allocatableMemory / (1024 * 1024)));
    }

    // Environment.
    QSet<QString> seen;
    for (qsizetype i = 0; i < spec.env.size(); ++i) {
        const EnvVar &e = spec.env.at(i);
        const QString field = QStringLiteral("env[%1].name").arg(i);
        if (!validEnvName(e.name))
            error(field, tr("Variable \"%1\" (row %2): use letters, digits, '_', '.' or '-', not "
                            "starting with a digit.")
                             .arg(e.name)
                             .arg(i + 1));
        else if (seen.contains(e.name))
            error(field, tr("Variable %1 is set twice (row %2).").arg(e.name).arg(i + 1));
        seen.insert(e.name);
    }

    // Storage and probes.
    if (spec.storage) {
        const auto size = parseBytes(spec.storageSize);
        if (!size || *size <= 0)
            error(QStringLiteral("storageSize"),
                  tr("Size \"%1\" is not a quantity such as 1Gi.").arg(spec.storageSize));
        if (!spec.mountPath.startsWith(QLatin1Char('/')) ||
            spec.mountPath.contains(QLatin1Char(':')))
            error(QStringLiteral("mountPath"),
                  tr("Mount path must be absolute, such as /data, without ':'."));
    }
    for (const auto &[probe, field] : {std::pair{&spec.readiness, QStringLiteral("readiness")},
                                       std::pair{&spec.liveness, QStringLiteral("liveness")}}) {
        if (probe->kind == Probe::Kind::Http && !probe->path.startsWith(QLatin1Char('/')))
            error(field, tr("Probe path must start with '/'."));
        if (probe->kind != Probe::Kind::None &&
            (probe->periodSeconds < 1 || probe->initialDelaySeconds < 0))
            error(field, tr("Probe period must be at least 1 s and the delay not negative."));
    }
    return issues;
}

QString Manifest::title() const
{
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                        : QStringLiteral("%1 %2/%3").arg(kind, ns, name);
}

namespace {

YamlValue metadata(const ServiceSpec &spec, const QString &name, bool namespaced)
{
    YamlValue meta = YamlValue::map();
    meta.set(QStringLiteral("name"), name);
    if (namespaced)
        meta.set(QStringLiteral("namespace"), spec.ns);
    meta.set(QStringLiteral("labels"), YamlValue::map()
                                           .set(QStringLiteral("app"), spec.name)
                                           .set(kManagedBy, QStringLiteral("labdeck")));
    return meta;
}

YamlValue probe(const Probe &p, int port)
{
    YamlValue v = YamlValue::map();
    if (p.kind == Probe::Kind::Http)
        v.set(
            QStringLiteral("httpGet"),
            YamlValue::map().set(QStringLiteral("path"), p.path).set(QStringLiteral("port"), port));
    else
        v.set(QStringLiteral("tcpSocket"), YamlValue::map().set(QStringLiteral("port"), port));
    v.set(QStringLiteral("initialDelaySeconds"), p.initialDelaySeconds);
    v.set(QStringLiteral("periodSeconds"), p.periodSeconds);
    return v;
}

Manifest make(const ServiceSpec &spec, const char *apiVersion, const char *kind,
              const QString &name, bool namespaced, const QString &file)
{
    Manifest m;
    m.apiVersion = QLatin1String(apiVersion);
    m.kind = QLatin1String(kind);
    m.ns = namespaced ? spec.ns : QString();
    m.name = name;
    m.file = file;
    m.object = YamlValue::map()
                   .set(QStringLiteral("apiVersion"), m.apiVersion)
                   .set(QStringLiteral("kind"), m.kind)
                   .set(QStringLiteral("metadata"), metadata(spec, name, namespaced));
    return m;
}

QString workloadFolder(const ServiceSpec &spec)
{
    if (spec.role == NodeRole::Apps)
        return QStringLiteral("apps");
    return spec.ns == QLatin1String("monitoring") ? QStringLiteral("monitoring")
                                                  : QStringLiteral("devops");
}

} // namespace

QList<Manifest> generateManifests(const ServiceSpec &spec)
{
    QList<Manifest> out;
    const QString storageFile = QStringLiteral("base/storage-%1.yaml").arg(spec.name);
    const QString workloadFile = QStringLiteral("%1/%2.yaml").arg(workloadFolder(spec), spec.name);
    const QString claimName = spec.name + QStringLiteral("-data");
    const QString pvName = spec.name + QStringLiteral("-pv");

    if (spec.createNamespace) {
        Manifest ns = make(spec, "v1", "Namespace", spec.ns, false,
                           QStringLiteral("base/namespace-%1.yaml").arg(spec.ns));
        YamlValue meta = YamlValue::map().set(QStringLiteral("name"), spec.ns);
        meta.set(QStringLiteral("labels"), YamlValue::map()
                                               .set(QStringLiteral("role"), spec.roleLabel())
                                               .set(kManagedBy, QStringLiteral("labdeck")));
        ns.object.set(QStringLiteral("metadata"), meta);
        out.append(ns);
    }

    if (spec.storage) {
        const YamlValue modes = YamlValue::seq().append(QStringLiteral("ReadWriteMany"));
        Manifest pv = make(spec, "v1", "PersistentVolume", pvName, false, storageFile);
        pv.object.set(
            QStringLiteral("spec"),
            YamlValue::map()
                .set(QStringLiteral("capacity"),
                     YamlValue::map().set(QStringLiteral("storage"), spec.storageSize))
                .set(QStringLiteral("accessModes"), modes)
                .set(QStringLiteral("persistentVolumeReclaimPolicy"), QStringLiteral("Retain"))
                .set(QStringLiteral("storageClassName"), QStringLiteral("nfs"))
                .set(QStringLiteral("mountOptions"),
                     YamlValue::seq().append(QStringLiteral("nfsvers=4.1")))
                .set(QStringLiteral("nfs"), YamlValue::map()
                                                .set(QStringLiteral("server"), spec.nfsServer)
                                                .set(QStringLiteral("path"), spec.nfsPath())));
        out.append(pv);
        Manifest pvc = make(spec, "v1", "PersistentVolumeClaim", claimName, true, storageFile);
        pvc.object.set(QStringLiteral("spec"),
                       YamlValue::map()
                           .set(QStringLiteral("accessModes"), modes)
                           .set(QStringLiteral("storageClassName"), QStringLiteral("nfs"))
                           .set(QStringLiteral("volumeName"), pvName)
                           .set(QStringLiteral("resources"),
                                YamlValue::map().set(QStringLiteral("requests"),
                                                     YamlValue::map().set(QStringLiteral("storage"),
                                                                          spec.storageSize))));
        out.append(pvc);
    }

    if (spec.hasSecrets()) {
        // Never written: the file stays empty, the values go only to the cluster.
        Manifest secret = make(spec, "v1", "Secret", spec.secretName(), true, QString());
        secret.object.set(QStringLiteral("type"), QStringLiteral("Opaque"));
        YamlValue data = YamlValue::map();
        YamlValue hidden = YamlValue::map();
        for (const EnvVar &e : spec.env) {
            if (e.secret) {
                data.set(e.name, e.value);
                hidden.set(e.name, kRedacted);
            }
        }
        secret.redacted = secret.object;
        secret.redacted.set(QStringLiteral("stringData"), hidden);
        secret.object.set(QStringLiteral("stringData"), data);
        out.append(secret);
    }

    // The Deployment.
    YamlValue container =
        YamlValue::map()
            .set(QStringLiteral("name"), spec.name)
            .set(QStringLiteral("image"), QStringLiteral("%1:%2").arg(spec.image, spec.tag))
            .set(QStringLiteral("ports"),
                 YamlValue::seq().append(
                     YamlValue::map()
                         .set(QStringLiteral("name"), QStringLiteral("http"))
                         .set(QStringLiteral("containerPort"), spec.containerPort)
                         .set(QStringLiteral("protocol"), QStringLiteral("TCP"))));
    if (!spec.env.isEmpty()) {
        YamlValue env = YamlValue::seq();
        for (const EnvVar &e : spec.env) {
            YamlValue item = YamlValue::map().set(QStringLiteral("name"), e.name);
            if (e.secret)
                item.set(QStringLiteral("valueFrom"),
                         YamlValue::map().set(QStringLiteral("secretKeyRef"),
                                              YamlValue::map()
                                                  .set(QStringLiteral("name"), spec.secretName())
                                                  .set(QStringLiteral("key"), e.name)));
            else
                item.set(QStringLiteral("value"), e.value);
            env.append(item);
        }
        container.set(QStringLiteral("env"), env);
    }
    container.set(
        QStringLiteral("resources"),
        YamlValue::map()
            .set(QStringLiteral("requests"), YamlValue::map()
                                                 .set(QStringLiteral("cpu"), spec.cpuRequest)
                                                 .set(QStringLiteral("memory"), spec.memoryRequest))
            .set(QStringLiteral("limits"), YamlValue::map()
                                               .set(QStringLiteral("cpu"), spec.cpuLimit)
                                               .set(QStringLiteral("memory"), spec.memoryLimit)));
    if (spec.readiness.kind != Probe::Kind::None)
        container.set(QStringLiteral("readinessProbe"), probe(spec.readiness, spec.containerPort));
    if (spec.liveness.kind != Probe::Kind::None)
        container.set(QStringLiteral("livenessProbe"), probe(spec.liveness, spec.containerPort));
    if (spec.storage)
        container.set(
            QStringLiteral("volumeMounts"),
            YamlValue::seq().append(YamlValue::map()
                                        .set(QStringLiteral("name"), QStringLiteral("data"))
                                        .set(QStringLiteral("mountPath"), spec.mountPath)));
    YamlValue podSpec = YamlValue::map()
                            .set(QStringLiteral("nodeSelector"),
                                 YamlValue::map().set(QStringLiteral("role"), spec.roleLabel()))
                            .set(QStringLiteral("containers"), YamlValue::seq().append(container));
    if (spec.storage)
        podSpec.set(QStringLiteral("volumes"),
                    YamlValue::seq().append(
                        YamlValue::map()
                            .set(QStringLiteral("name"), QStringLiteral("data"))
                            .set(QStringLiteral("persistentVolumeClaim"),
                                 YamlValue::map().set(QStringLiteral("claimName"), claimName))));
    const YamlValue appLabels = YamlValue::map().set(QStringLiteral("app"), spec.name);
    Manifest deployment = make(spec, "apps/v1", "Deployment", spec.name, true, workloadFile);
    deployment.object.set(
        QStringLiteral("spec"),
        YamlValue::map()
            .set(QStringLiteral("replicas"), spec.replicas)
            .set(QStringLiteral("selector"),
                 YamlValue::map().set(QStringLiteral("matchLabels"), appLabels))
            .set(QStringLiteral("template"),
                 YamlValue::map()
                     .set(QStringLiteral("metadata"),
                          YamlValue::map().set(QStringLiteral("labels"), appLabels))
                     .set(QStringLiteral("spec"), podSpec)));
    out.append(deployment);

    // The Service.
    YamlValue port = YamlValue::map()
                         .set(QStringLiteral("name"), QStringLiteral("http"))
                         .set(QStringLiteral("port"), spec.containerPort)
                         .set(QStringLiteral("targetPort"), spec.containerPort)
                         .set(QStringLiteral("protocol"), QStringLiteral("TCP"));
    if (spec.nodePort != 0)
        port.set(QStringLiteral("nodePort"), spec.nodePort);
    Manifest service = make(spec, "v1", "Service", spec.name, true, workloadFile);
    service.object.set(QStringLiteral("spec"),
                       YamlValue::map()
                           .set(QStringLiteral("type"), spec.nodePort != 0
                                                            ? QStringLiteral("NodePort")
                                                            : QStringLiteral("ClusterIP"))
                           .set(QStringLiteral("selector"), appLabels)
                           .set(QStringLiteral("ports"), YamlValue::seq().append(port)));
    out.append(service);

    for (Manifest &m : out) {
        if (m.redacted.isNull())
            m.redacted = m.object;
    }
    return out;
}

std::optional<ExtraFile> traefikRoute(const ServiceSpec &spec)
{
    if (spec.publicHost.isEmpty() || spec.nodePort == 0)
        return std::nullopt;
    const QString address = spec.nodeAddress.isEmpty() ? spec.nodeName() : spec.nodeAddress;
    YamlValue router =
        YamlValue::map()
            .set(QStringLiteral("entryPoints"),
                 YamlValue::seq().append(QStringLiteral("websecure")))
            .set(QStringLiteral("rule"), QStringLiteral("Host(`%1`)").arg(spec.publicHost))
            .set(QStringLiteral("service"), spec.name)
            .set(QStringLiteral("tls"),
                 YamlValue::map().set(QStringLiteral("certResolver"), spec.certResolver));
    YamlValue service = YamlValue::map().set(
        QStringLiteral("loadBalancer"),
        YamlValue::map().set(QStringLiteral("servers"),
                             YamlValue::seq().append(YamlValue::map().set(
                                 QStringLiteral("url"),
                                 QStringLiteral("http://%1:%2").arg(address).arg(spec.nodePort)))));
    const YamlValue root = YamlValue::map().set(
        QStringLiteral("http"),
        YamlValue::map()
            .set(QStringLiteral("routers"), YamlValue::map().set(spec.name, router))
            .set(QStringLiteral("services"), YamlValue::map().set(spec.name, service)));
    QByteArray text = "# Traefik file-provider route for pochama, written by Labdeck.\n";
    text +=
        QStringLiteral("# Copy it into Traefik's dynamic configuration directory; %1 -> %2:%3\n")
            .arg(spec.publicHost, address)
            .arg(spec.nodePort)
            .toUtf8();
    text += root.toYaml();
    return ExtraFile{QStringLiteral("traefik/%1.yaml").arg(spec.name), text};
}

QList<ExtraFile> manifestFiles(const ServiceSpec &spec)
{
    QList<ExtraFile> files;
    QMap<QString, qsizetype> index;
    for (const Manifest &m : generateManifests(spec)) {
        if (m.file.isEmpty())
            continue;
        if (!index.contains(m.file)) {
            index.insert(m.file, files.size());
            files.append(ExtraFile{m.file, {}});
        }
        ExtraFile &f = files[index.value(m.file)];
        f.content = f.content.isEmpty() ? m.redacted.toYaml()
                                        : joinDocuments({f.content, m.redacted.toYaml()});
    }
    if (auto route = traefikRoute(spec))
        files.append(*route);
    return files;
}

} // namespace labdeck::manifests
