#include "demolab/seed_p.h"

#include "demolab/cluster_p.h"
#include "demolab/discovery_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/objects_p.h"
#include "demolab/store_p.h"
#include "demolab/yamljson_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace labdeck::demolab::detail {

namespace {

// The data files (seed_data/ in the source tree).
const QLatin1String ClusterFile("cluster.yaml");
const QLatin1String ControlPlaneFile("controlplane.yaml");
const QLatin1String ProfilesFile("profiles.yaml");
const QLatin1String WorkloadFile("workload.yaml");

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\$\\{([A-Za-z][A-Za-z0-9]*)\\}"));
    return pattern;
}

class Substitution
{
public:
    Substitution(const SeedValues &values, const QString &file, QList<LocatedError> *errors)
        : m_values(values)
        , m_file(file)
        , m_errors(errors)
    {}

    // Undefined: leave it out.
    QJsonValue apply(const QJsonValue &value, const QString &path) const
    {
        const Where root{nullptr, path, -1};
        return apply(value, root);
    }

private:
    // Where a value sits ("spec.ports[0].name"), worded only for an error:
    // most values have no placeholder, and building every path would cost
    // more than the substitution.
    struct Where
    {
        const Where *parent;
        QStringView key; // empty for a list item
        qsizetype index; // -1 for a map value

        [[nodiscard]] QString text() const
        {
            QString s = parent ? parent->text() : QString();
            if (index >= 0)
                return s + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
            if (key.isEmpty())
                return s;
            return s.isEmpty() ? key.toString() : s + QLatin1Char('.') + key.toString();
        }
    };

    QJsonValue apply(const QJsonValue &value, const Where &where) const
    {
        if (value.isString())
            return text(value.toString(), where);
        if (value.isArray()) {
            QJsonArray out;
            const QJsonArray in = value.toArray();
            for (qsizetype i = 0; i < in.size(); ++i) {
                const Where item{&where, {}, i};
                const QJsonValue v = apply(in.at(i), item);
                if (!v.isUndefined())
                    out.append(v);
            }
            return out;
        }
        if (value.isObject()) {
            QJsonObject out;
            const QJsonObject in = value.toObject();
            for (auto it = in.begin(); it != in.end(); ++it) {
                const QString key = it.key();
                const Where member{&where, key, -1};
                const QJsonValue v = apply(it.value(), member);
                if (!v.isUndefined())
                    out.insert(key, v);
            }
            return out;
        }
        return value;
    }

    QJsonValue text(const QString &s, const Where &path) const
    {
        if (!s.contains(QLatin1String("${")))
            return s;
        const QRegularExpressionMatch whole = placeholderPattern().match(s);
        if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == s.size()) {
            const QString key = whole.captured(1);
            if (!m_values.contains(key)) {
                fail(path, QStringLiteral("unknown placeholder ${%1}").arg(key));
                return s;
            }
            return m_values.value(key);
        }
        QString out;
        qsizetype from = 0;
        auto it = placeholderPattern().globalMatch(s);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(s).mid(from, m.capturedStart() - from);
            from = m.capturedEnd();
            const QString key = m.captured(1);
            const auto value = m_values.constFind(key);
            if (value == m_values.cend()) {
                fail(path, QStringLiteral("unknown placeholder ${%1}").arg(key));
                out += m.captured(0);
            } else if (!value->isString()) {
                fail(path,
                     QStringLiteral("${%1} is not text, so it can only be a whole value").arg(key));
                out += m.captured(0);
            } else {
                out += value->toString();
            }
        }
        out += QStringView(s).mid(from);
        return out;
    }

    void fail(const Where &path, const QString &message) const
    {
        m_errors->append(LocatedError{m_file, 0, 0, path.text(), message});
    }

    const SeedValues &m_values;
    const QString &m_file;
    QList<LocatedError> *m_errors;
};

QString hex(const QString &seed, int length)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

class Seeder
{
public:
    Seeder(Store &store, Cluster &cluster, const Inventory &lab, const SeedOptions &options)
        : m_store(store)
        , m_cluster(cluster)
        , m_lab(lab)
        , m_now(options.now.toUTC())
        , m_dataDirectory(options.dataDirectory)
    {}

    QList<LocatedError> run()
    {
        if (loadData())
            seed();
        for (const LocatedError &e : std::as_const(m_errors))
            qCCritical(lcDemoLab).noquote() << "seed data:" << e.toString();
        return m_errors;
    }

private:
    bool loadData()
    {
        for (const QString &name : seedDataFileNames()) {
            const QString path = m_dataDirectory + QLatin1Char('/') + name;
            LocatedError error;
            if (const auto data = readSeedData(path, &error))
                m_data.insert(name, *data);
            else
                m_errors << error;
        }
        return m_errors.isEmpty();
    }

    void seed()
    {
        const QDateTime clusterBirth = m_now.addDays(-86).addSecs(-4321);
        m_cluster.setNfsServer(m_lab.nfs.server.isEmpty() ? QStringLiteral("nfs")
                                                          : m_lab.nfs.server);
        at(clusterBirth);
        for (const QJsonValue &ns : data(ClusterFile, "namespaces").toArray())
            createNamespace(ns.toString(), {});
        seedNodes();
        seedStorageClass();
        seedControlPlane();
        at(m_now.addDays(-80));
        for (const Namespace &ns : m_lab.namespaces) {
            if (!m_store.find(Namespaces, ns.name))
                createNamespace(ns.name, ns.description);
        }
        int index = 0;
        for (const Workload &w : m_lab.workloads) {
            if (w.kind == WorkloadKind::Group)
                continue;
            at(m_now.addDays(-62 + 4 * index).addSecs(-137 * index));
            seedWorkload(w);
            ++index;
        }
        m_cluster.setInstant(false);
    }

    void at(const QDateTime &time)
    {
        m_cluster.reconcileNow();
        m_cluster.setInstant(true, time);
        m_time = time;
    }

    // --- The data files.

    QString fileName(const QString &name) const
    {
        return m_dataDirectory + QLatin1Char('/') + name;
    }

    void error(const QString &file, const QString &field, const QString &message)
    {
        m_errors << LocatedError{fileName(file), 0, 0, field, message};
    }

    // A top-level value of a data file, as written.
    QJsonValue data(const QString &file, const char *key)
    {
        const QJsonValue v = m_data.value(file).value(QLatin1String(key));
        if (v.isUndefined())
            error(file, QLatin1String(key), QStringLiteral("missing"));
        return v;
    }

    QJsonValue substitute(const QJsonValue &value, const SeedValues &values, const QString &file,
                          const QString &path)
    {
        return substitutePlaceholders(value, values, fileName(file), path, &m_errors);
    }

    // A top-level value with its placeholders replaced.
    QJsonValue instantiate(const QString &file, const char *key, const SeedValues &values)
    {
        return substitute(data(file, key), values, file, QLatin1String(key));
    }

    QJsonObject instantiateObject(const QString &file, const char *key, const SeedValues &values)
    {
        const QJsonValue v = instantiate(file, key, values);
        if (!v.isUndefined() && !v.isObject())
            error(file, QLatin1String(key), QStringLiteral("not a mapping"));
        return v.toObject();
    }

    // The resource a manifest (apiVersion, kind, metadata...) is of, and the
    // object without its type, as the store keeps it.
    std::optional<ResourceId> typeOf(QJsonObject &manifest, const QString &file,
                                     const QString &path)
    {
        const QString apiVersion = manifest.take(QLatin1String("apiVersion")).toString();
        const QString kind = manifest.take(QLatin1String("kind")).toString();
        const ResourceType *type = findKind(apiVersion, kind);
        if (!type) {
            error(file, path,
                  QStringLiteral("no resource of apiVersion \"%1\" and kind \"%2\"")
                      .arg(apiVersion, kind));
            return std::nullopt;
        }
        if (nameOf(manifest).isEmpty()) {
            error(file, path, QStringLiteral("metadata.name is missing"));
            return std::nullopt;
        }
        return type->id;
    }

    // A template of one resource; empty when it is broken.
    QJsonObject manifest(const QString &file, const char *key, ResourceId expected,
                         const SeedValues &values)
    {
        QJsonObject object = instantiateObject(file, key, values);
        if (object.isEmpty())
            return {};
        const auto type = typeOf(object, file, QLatin1String(key));
        if (!type)
            return {};
        if (*type != expected) {
            error(file, QLatin1String(key),
                  QStringLiteral("a %1, not a %2")
                      .arg(resourceType(*type).kind, resourceType(expected).kind));
            return {};
        }
        return object;
    }

    // A list of manifests of any resource, made in order.
    void createAll(const QString &file, const char *key, const SeedValues &values)
    {
        const QJsonArray list = instantiate(file, key, values).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject object = list.at(i).toObject();
            const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
            if (const auto type = typeOf(object, file, path))
                create(*type, object);
        }
    }

    // --- Making objects.

    void stamp(QJsonObject &object) const
    {
        jset(object, {"metadata", "creationTimestamp"}, timestamp(m_time));
    }

    QJsonObject create(ResourceId resource, QJsonObject object)
    {
        if (object.isEmpty())
            return {};
        stamp(object);
        switch (resource) {
        case Services:
            applyDefaults(Services, object);
            (void)m_cluster.allocateServiceAddresses(object, {});
            return m_store.create(Services, object);
        case Deployments:
        case StatefulSets:
        case DaemonSets: {
            applyDefaults(resource, object);
            const QJsonObject created = m_store.create(resource, object);
            m_cluster.reconcileNow();
            return created;
        }
        default:
            return m_store.create(resource, object);
        }
    }

    void createNamespace(const QString &name, const QString &description)
    {
        QJsonObject m{{QStringLiteral("name"), name}};
        if (!description.isEmpty())
            m.insert(QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("labdeck.io/description"), description}});
        QJsonObject ns{{QStringLiteral("metadata"), m}};
        stamp(ns);
        applyDefaults(Namespaces, ns);
        m_store.create(Namespaces, ns);
        m_cluster.reconcileNow();
    }

    void createRunningPod(QJsonObject pod, const QString &node)
    {
        if (pod.isEmpty())
            return;
        stamp(pod);
        m_cluster.createRunningPod(pod, node);
    }

    QJsonValue nodeOwner(const QString &node) const
    {
        return ownerReference(resourceType(Nodes), m_store.get(Nodes, node));
    }

    // --- The cluster.

    QString nodeNameOf(const Host &h) const
    {
        return h.sources.kubernetesNode.isEmpty() ? h.name : h.sources.kubernetesNode;
    }

    void seedNodes()
    {
        int index = 0;
        for (const Host &h : m_lab.hosts) {
            if (!h.isKubernetesNode())
                continue;
            const QString name = nodeNameOf(h);
            const QString ip = h.addresses.privateAddress.isEmpty()
                                   ? QStringLiteral("10.0.0.%1").arg(10 + index)
                                   : h.addresses.privateAddress;
            const QString arch =
                h.resources.arch.isEmpty() ? QStringLiteral("arm64") : h.resources.arch;
            const bool controlPlane = h.kind == HostKind::K8sControlPlane;
            if (controlPlane)
                m_controlPlanes << name;
            m_nodeIps.insert(name, ip);
            const double cpus = h.resources.cpus > 0 ? h.resources.cpus : 1;
            const double memoryGB = h.resources.memoryGB > 0 ? h.resources.memoryGB : 6;
            const double diskGB = h.resources.diskGB > 0 ? h.resources.diskGB : 50;
            const qint64 memoryKi = qint64(memoryGB * 1024 * 1024 * 0.968);
            const qint64 diskKi = qint64(diskGB * 1024 * 1024 * 0.96);
            SeedValues v{
                {QStringLiteral("node"), name},
                {QStringLiteral("ip"), ip},
                {QStringLiteral("publicAddress"), h.addresses.publicAddress},
                {QStringLiteral("arch"), arch},
                {QStringLiteral("podCIDR"), QStringLiteral("10.244.%1.0/24").arg(index)},
                {QStringLiteral("providerHash"), hex(name, 60)},
                {QStringLiteral("cpu"), QString::number(cpus)},
                {QStringLiteral("memory"), QStringLiteral("%1Ki").arg(memoryKi)},
                {QStringLiteral("allocatableMemory"),
                 QStringLiteral("%1Ki").arg(memoryKi - 102400)},
                {QStringLiteral("ephemeralStorage"), QStringLiteral("%1Ki").arg(diskKi)},
                {QStringLiteral("allocatableEphemeralStorage"),
                 QString::number(qint64(diskKi * 1024 * 0.9))},
                {QStringLiteral("born"), timestamp(m_time)},
                {QStringLiteral("heartbeat"), timestamp(m_now.addSecs(-17))},
                {QStringLiteral("bootID"),
                 QUuid::createUuidV5(QUuid(), name + QStringLiteral("boot"))
                     .toString(QUuid::WithoutBraces)},
                {QStringLiteral("machineID"), hex(name + QStringLiteral("machine"), 32)},
                {QStringLiteral("systemUUID"),
                 QUuid::createUuidV5(QUuid(), name).toString(QUuid::WithoutBraces).toUpper()},
                {QStringLiteral("version"), QLatin1String(KubernetesVersion)}};
            QJsonArray addresses{instantiate(ClusterFile, "internalAddress", v)};
            if (!h.addresses.publicAddress.isEmpty())
                addresses.append(instantiate(ClusterFile, "externalAddress", v));
            addresses.append(instantiate(ClusterFile, "hostnameAddress", v));
            v.insert(QStringLiteral("addresses"), addresses);
            QJsonObject node = manifest(ClusterFile, "node", Nodes, v);
            if (node.isEmpty())
                continue;
            // The inventory's labels, then the control plane's.
            QJsonObject labels = jobj(node, {"metadata", "labels"});
            for (auto it = h.labels.cbegin(); it != h.labels.cend(); ++it)
                labels.insert(it.key(), it.value());
            if (controlPlane) {
                const QJsonObject extra = instantiateObject(ClusterFile, "controlPlaneNode", v);
                const QJsonObject more = extra.value(QLatin1String("labels")).toObject();
                for (auto it = more.begin(); it != more.end(); ++it)
                    labels.insert(it.key(), it.value());
                jset(node, {"spec", "taints"}, extra.value(QLatin1String("taints")));
            }
            jset(node, {"metadata", "labels"}, labels);
            create(Nodes, node);
            ++index;
        }
        if (m_controlPlanes.isEmpty() && !m_nodeIps.isEmpty())
            m_controlPlanes << m_nodeIps.firstKey();
    }

    void seedStorageClass()
    {
        create(StorageClasses, manifest(ClusterFile, "storageClass", StorageClasses,
                                        {{QStringLiteral("nfsServer"), m_lab.nfs.server}}));
    }

    void seedControlPlane()
    {
        const QString node = m_controlPlanes.value(0);
        const SeedValues v{{QStringLiteral("node"), node},
                           {QStringLiteral("ip"), m_nodeIps.value(node)},
                           {QStringLiteral("version"), QLatin1String(KubernetesVersion)}};
        createAll(ControlPlaneFile, "kubernetes", v);
        if (node.isEmpty())
            return;
        const QJsonArray pods = instantiate(ControlPlaneFile, "staticPods", v).toArray();
        for (const QJsonValue &entry : pods) {
            const QJsonObject e = entry.toObject();
            const QString component = e.value(QLatin1String("component")).toString();
            SeedValues pv = v;
            pv.insert(QStringLiteral("component"), component);
            pv.insert(QStringLiteral("image"), e.value(QLatin1String("image")));
            pv.insert(QStringLiteral("command"), e.value(QLatin1String("command")));
            pv.insert(QStringLiteral("configHash"), hex(component + node, 32));
            pv.insert(QStringLiteral("seen"), timestamp(m_time));
            pv.insert(QStringLiteral("owner"), nodeOwner(node));
            QJsonObject pod = manifest(ControlPlaneFile, "staticPod", Pods, pv);
            if (pod.isEmpty())
                continue;
            QJsonObject annotations = jobj(pod, {"metadata", "annotations"});
            const QJsonObject extra = e.value(QLatin1String("annotations")).toObject();
            for (auto it = extra.begin(); it != extra.end(); ++it)
                annotations.insert(it.key(), it.value());
            jset(pod, {"metadata", "annotations"}, annotations);
            createRunningPod(pod, node);
        }
        createAll(ControlPlaneFile, "addons", v);
    }

    // --- The inventory's workloads.

    // The defaults, overlaid by the first profile whose match words are in
    // the workload's name, or by the one for the lab's own apps.
    QJsonObject profileFor(const Workload &w)
    {
        const QString n = w.name.toLower();
        QJsonObject p = data(ProfilesFile, "defaults").toObject();
        QJsonObject chosen;
        const QJsonArray profiles = data(ProfilesFile, "profiles").toArray();
        for (qsizetype i = 0; i < profiles.size() && chosen.isEmpty(); ++i) {
            const QJsonObject candidate = profiles.at(i).toObject();
            for (const QJsonValue &word : candidate.value(QLatin1String("match")).toArray()) {
                if (n.contains(word.toString())) {
                    chosen = substitute(candidate, {{QStringLiteral("name"), w.name}}, ProfilesFile,
                                        QStringLiteral("profiles[%1]").arg(i))
                                 .toObject();
                    break;
                }
            }
        }
        if (chosen.isEmpty())
            chosen = instantiateObject(ProfilesFile, "ownApp", {{QStringLiteral("name"), w.name}});
        for (auto it = chosen.begin(); it != chosen.end(); ++it)
            p.insert(it.key(), it.value());
        return p;
    }

    void seedWorkload(const Workload &w)
    {
        const Host *host = m_lab.host(w.host);
        const QJsonObject p = profileFor(w);
        const QJsonObject sidecar = p.value(QLatin1String("sidecar")).toObject();
        const QJsonArray env = p.value(QLatin1String("env")).toArray();
        const bool volume = !w.volume.isEmpty();
        const QJsonValue omitted(QJsonValue::Undefined);
        SeedValues v{{QStringLiteral("name"), w.name},
                     {QStringLiteral("namespace"), w.ns},
                     {QStringLiteral("image"), p.value(QLatin1String("image"))},
                     {QStringLiteral("port"), p.value(QLatin1String("port"))},
                     {QStringLiteral("portName"), p.value(QLatin1String("portName"))},
                     {QStringLiteral("mountPath"), p.value(QLatin1String("mountPath"))},
                     {QStringLiteral("storage"), p.value(QLatin1String("storage"))},
                     {QStringLiteral("sidecarName"), sidecar.value(QLatin1String("name"))},
                     {QStringLiteral("sidecarImage"), sidecar.value(QLatin1String("image"))},
                     {QStringLiteral("env"), env.isEmpty() ? omitted : QJsonValue(env)}};
        v.insert(QStringLiteral("volumeMounts"),
                 volume ? instantiate(WorkloadFile, "volumeMounts", v) : omitted);
        v.insert(QStringLiteral("volumes"),
                 volume ? instantiate(WorkloadFile, "volumes", v) : omitted);
        v.insert(QStringLiteral("sidecar"),
                 sidecar.isEmpty() ? omitted : instantiate(WorkloadFile, "sidecar", v));
        QJsonValue nodeSelector = omitted;
        QJsonValue tolerations = omitted;
        if (host) {
            if (host->labels.contains(QStringLiteral("role")))
                nodeSelector = QJsonObject{
                    {QStringLiteral("role"), host->labels.value(QStringLiteral("role"))}};
            else
                nodeSelector =
                    QJsonObject{{QStringLiteral("kubernetes.io/hostname"), nodeNameOf(*host)}};
            if (host->kind == HostKind::K8sControlPlane)
                tolerations = instantiate(WorkloadFile, "controlPlaneTolerations", v);
        }
        v.insert(QStringLiteral("nodeSelector"), nodeSelector);
        v.insert(QStringLiteral("tolerations"), tolerations);
        v.insert(QStringLiteral("podSpec"), instantiate(WorkloadFile, "pod", v));

        if (volume)
            seedVolume(w, v);

        // The Service first, as a manifest folder applies it.
        if (w.kind != WorkloadKind::StaticPod) {
            SeedValues sv = v;
            sv.insert(QStringLiteral("serviceType"),
                      w.nodePort > 0 ? QStringLiteral("NodePort") : QStringLiteral("ClusterIP"));
            sv.insert(QStringLiteral("nodePort"),
                      w.nodePort > 0 ? QJsonValue(w.nodePort) : omitted);
            create(Services, manifest(WorkloadFile, "service", Services, sv));
        }

        switch (w.kind) {
        case WorkloadKind::Deployment:
            create(Deployments, manifest(WorkloadFile, "deployment", Deployments, v));
            break;
        case WorkloadKind::StatefulSet:
            create(StatefulSets, manifest(WorkloadFile, "statefulSet", StatefulSets, v));
            break;
        case WorkloadKind::DaemonSet:
            create(DaemonSets, manifest(WorkloadFile, "daemonSet", DaemonSets, v));
            break;
        case WorkloadKind::StaticPod: {
            const QString node = host ? nodeNameOf(*host) : m_controlPlanes.value(0);
            v.insert(QStringLiteral("node"), node);
            v.insert(QStringLiteral("owner"), nodeOwner(node));
            createRunningPod(manifest(WorkloadFile, "staticPod", Pods, v), node);
            break;
        }
        case WorkloadKind::Group:
            break;
        }
    }

    void seedVolume(const Workload &w, SeedValues v)
    {
        v.insert(QStringLiteral("nfsServer"),
                 m_lab.nfs.server.isEmpty() ? QStringLiteral("nfs") : m_lab.nfs.server);
        v.insert(QStringLiteral("path"), w.volume);
        const QJsonObject claim =
            create(PersistentVolumeClaims,
                   manifest(WorkloadFile, "persistentVolumeClaim", PersistentVolumeClaims, v));
        v.insert(QStringLiteral("claimUid"), uidOf(claim));
        v.insert(QStringLiteral("claimResourceVersion"),
                 jstr(claim, {"metadata", "resourceVersion"}));
        create(PersistentVolumes, manifest(WorkloadFile, "persistentVolume", PersistentVolumes, v));
    }

    Store &m_store;
    Cluster &m_cluster;
    const Inventory &m_lab;
    QDateTime m_now;
    QString m_dataDirectory;
    QDateTime m_time;
    QStringList m_controlPlanes;
    QMap<QString, QString> m_nodeIps;
    QHash<QString, QJsonObject> m_data;
    QList<LocatedError> m_errors;
};

} // namespace

QStringList seedDataFileNames()
{
    return {ClusterFile, ControlPlaneFile, ProfilesFile, WorkloadFile};
}

std::optional<QJsonObject> parseSeedData(const QByteArray &yaml, const QString &file,
                                         LocatedError *error)
{
    const auto value = parseYaml(yaml, file, error);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        *error = LocatedError{file, 0, 0, {}, QStringLiteral("not a mapping of names to values")};
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<QJsonObject> readSeedData(const QString &path, LocatedError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = LocatedError{
            path, 0, 0, {}, QStringLiteral("cannot read the file: %1").arg(file.errorString())};
        return std::nullopt;
    }
    return parseSeedData(file.readAll(), path, error);
}

QJsonValue substitutePlaceholders(const QJsonValue &value, const SeedValues &values,
                                  const QString &file, const QString &path,
                                  QList<LocatedError> *errors)
{
    return Substitution(values, file, errors).apply(value, path);
}

QList<LocatedError> seedLab(Store &store, Cluster &cluster, const Inventory &lab,
                            const SeedOptions &options)
{
    return Seeder(store, cluster, lab, options).run();
}

} // namespace labdeck::demolab::detail
