#include "demolab/seed_p.h"

#include "demolab/cluster_p.h"
#include "demolab/discovery_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/objects_p.h"
#include "demolab/store_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

namespace labdeck::demolab::detail {

namespace {

struct AppProfile
{
    QString image;
    int port = 8080;
    QString portName = QStringLiteral("http");
    QString mountPath = QStringLiteral("/data");
    QString storage = QStringLiteral("5Gi");
    QString sidecarName;
    QString sidecarImage;
    QJsonArray env;
};

AppProfile profileFor(const Workload &w)
{
    const QString n = w.name.toLower();
    AppProfile p;
    auto env = [](const char *name, const char *value) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("value"), QLatin1String(value)}};
    };
    if (n.contains(QLatin1String("registry"))) {
        p.image = QStringLiteral("registry:2.8.3");
        p.port = 5000;
        p.portName = QStringLiteral("registry");
        p.mountPath = QStringLiteral("/var/lib/registry");
        p.storage = QStringLiteral("20Gi");
    } else if (n.contains(QLatin1String("prometheus"))) {
        p.image = QStringLiteral("prom/prometheus:v2.53.1");
        p.port = 9090;
        p.portName = QStringLiteral("web");
        p.mountPath = QStringLiteral("/prometheus");
        p.storage = QStringLiteral("20Gi");
        p.sidecarName = QStringLiteral("config-reloader");
        p.sidecarImage =
            QStringLiteral("quay.io/prometheus-operator/prometheus-config-reloader:v0.75.2");
    } else if (n.contains(QLatin1String("grafana"))) {
        p.image = QStringLiteral("grafana/grafana:11.1.4");
        p.port = 3000;
        p.portName = QStringLiteral("grafana");
        p.mountPath = QStringLiteral("/var/lib/grafana");
        p.storage = QStringLiteral("2Gi");
        p.sidecarName = QStringLiteral("grafana-sc-dashboard");
        p.sidecarImage = QStringLiteral("quay.io/kiwigrid/k8s-sidecar:1.27.4");
        p.env = QJsonArray{env("GF_SERVER_ROOT_URL", "https://grafana.example.com"),
                           env("GF_PATHS_DATA", "/var/lib/grafana")};
    } else if (n.contains(QLatin1String("loki"))) {
        p.image = QStringLiteral("grafana/loki:3.1.1");
        p.port = 3100;
        p.portName = QStringLiteral("http-metrics");
        p.mountPath = QStringLiteral("/loki");
        p.storage = QStringLiteral("20Gi");
    } else if (n.contains(QLatin1String("docmost"))) {
        p.image = QStringLiteral("docmost/docmost:0.8.4");
        p.port = 3000;
        p.mountPath = QStringLiteral("/app/data/storage");
        p.env = QJsonArray{
            env("APP_URL", "https://docs.example.com"),
            env("DATABASE_URL", "postgresql://docmost@postgresql.database.svc:5432/docmost"),
            env("REDIS_URL", "redis://redis.database.svc:6379")};
    } else if (n.contains(QLatin1String("home-assistant")) ||
               n.contains(QLatin1String("homeassistant"))) {
        p.image = QStringLiteral("ghcr.io/home-assistant/home-assistant:2024.8.3");
        p.port = 8123;
        p.mountPath = QStringLiteral("/config");
        p.env = QJsonArray{env("TZ", "Asia/Tokyo")};
    } else if (n.contains(QLatin1String("postgres"))) {
        p.image = QStringLiteral("postgres:16.4");
        p.port = 5432;
        p.portName = QStringLiteral("postgres");
        p.mountPath = QStringLiteral("/var/lib/postgresql/data");
        p.storage = QStringLiteral("10Gi");
        p.env = QJsonArray{env("PGDATA", "/var/lib/postgresql/data/pgdata"),
                           env("POSTGRES_USER", "postgres")};
    } else if (n.contains(QLatin1String("redis"))) {
        p.image = QStringLiteral("redis:7.4.0");
        p.port = 6379;
        p.portName = QStringLiteral("redis");
        p.storage = QStringLiteral("2Gi");
    } else if (n.contains(QLatin1String("shlink"))) {
        p.image = QStringLiteral("shlinkio/shlink:4.2.0");
        p.port = 8080;
        p.env = QJsonArray{env("DEFAULT_DOMAIN", "s.example.com"), env("IS_HTTPS_ENABLED", "true"),
                           env("DB_DRIVER", "postgres"), env("DB_HOST", "postgresql.database.svc")};
    } else {
        // Own apps come from the lab's registry.
        p.image = QStringLiteral("registry.example.com/%1:latest").arg(w.name);
    }
    return p;
}

QJsonObject namedPort(const QString &name, int port,
                      const QString &protocol = QStringLiteral("TCP"))
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("containerPort"), port},
                       {QStringLiteral("protocol"), protocol}};
}

QJsonObject requests(const char *cpu, const char *memory, const char *memoryLimit = nullptr)
{
    QJsonObject r{{QStringLiteral("requests"),
                   QJsonObject{{QStringLiteral("cpu"), QLatin1String(cpu)},
                               {QStringLiteral("memory"), QLatin1String(memory)}}}};
    if (memoryLimit)
        r.insert(QStringLiteral("limits"),
                 QJsonObject{{QStringLiteral("memory"), QLatin1String(memoryLimit)}});
    return r;
}

QJsonObject podTemplate(const QJsonObject &labels, const QJsonObject &spec)
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"), spec}};
}

QJsonObject workloadObject(const QString &name, const QString &ns, const QJsonObject &labels,
                           const QJsonObject &spec)
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("namespace"), ns},
                                                 {QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"), spec}};
}

QJsonObject controlPlaneToleration()
{
    return QJsonObject{
        {QStringLiteral("key"), QStringLiteral("node-role.kubernetes.io/control-plane")},
        {QStringLiteral("operator"), QStringLiteral("Exists")},
        {QStringLiteral("effect"), QStringLiteral("NoSchedule")}};
}

QString hex(const QString &seed, int length)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

class Seeder
{
public:
    Seeder(Store &store, Cluster &cluster, const Inventory &lab, const QDateTime &now)
        : m_store(store)
        , m_cluster(cluster)
        , m_lab(lab)
        , m_now(now.toUTC())
    {}

    void run()
    {
        const QDateTime clusterBirth = m_now.addDays(-86).addSecs(-4321);
        m_cluster.setNfsServer(m_lab.nfs.server.isEmpty() ? QStringLiteral("nfs")
                                                          : m_lab.nfs.server);
        at(clusterBirth);
        for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
            createNamespace(QLatin1String(ns), {});
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

private:
    void at(const QDateTime &time)
    {
        m_cluster.reconcileNow();
        m_cluster.setInstant(true, time);
        m_time = time;
    }

    QJsonObject meta(const QString &name, const QString &ns = {}) const
    {
        QJsonObject m{{QStringLiteral("name"), name},
                      {QStringLiteral("creationTimestamp"), timestamp(m_time)}};
        if (!ns.isEmpty())
            m.insert(QStringLiteral("namespace"), ns);
        return m;
    }

    void createNamespace(const QString &name, const QString &description)
    {
        QJsonObject m = meta(name);
        if (!description.isEmpty())
            m.insert(QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("labdeck.io/description"), description}});
        QJsonObject ns{{QStringLiteral("metadata"), m}};
        applyDefaults(Namespaces, ns);
        m_store.create(Namespaces, ns);
        m_cluster.reconcileNow();
    }

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
            QJsonObject labels{{QStringLiteral("beta.kubernetes.io/arch"), arch},
                               {QStringLiteral("beta.kubernetes.io/os"), QStringLiteral("linux")},
                               {QStringLiteral("kubernetes.io/arch"), arch},
                               {QStringLiteral("kubernetes.io/hostname"), name},
                               {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")}};
            for (auto it = h.labels.cbegin(); it != h.labels.cend(); ++it)
                labels.insert(it.key(), it.value());
            const bool controlPlane = h.kind == HostKind::K8sControlPlane;
            if (controlPlane) {
                labels.insert(QStringLiteral("node-role.kubernetes.io/control-plane"), QString());
                labels.insert(
                    QStringLiteral("node.kubernetes.io/exclude-from-external-load-balancers"),
                    QString());
                m_controlPlanes << name;
            }
            m_nodeIps.insert(name, ip);
            const double cpus = h.resources.cpus > 0 ? h.resources.cpus : 1;
            const double memoryGB = h.resources.memoryGB > 0 ? h.resources.memoryGB : 6;
            const double diskGB = h.resources.diskGB > 0 ? h.resources.diskGB : 50;
            const qint64 memoryKi = qint64(memoryGB * 1024 * 1024 * 0.968);
            const qint64 diskKi = qint64(diskGB * 1024 * 1024 * 0.96);
            const QJsonObject capacity{
                {QStringLiteral("cpu"), QString::number(cpus)},
                {QStringLiteral("ephemeral-storage"), QStringLiteral("%1Ki").arg(diskKi)},
                {QStringLiteral("hugepages-1Gi"), QStringLiteral("0")},
                {QStringLiteral("hugepages-2Mi"), QStringLiteral("0")},
                {QStringLiteral("memory"), QStringLiteral("%1Ki").arg(memoryKi)},
                {QStringLiteral("pods"), QStringLiteral("110")}};
            QJsonObject allocatable = capacity;
            allocatable.insert(QStringLiteral("memory"),
                               QStringLiteral("%1Ki").arg(memoryKi - 102400));
            allocatable.insert(QStringLiteral("ephemeral-storage"),
                               QString::number(qint64(diskKi * 1024 * 0.9)));
            const QString born = timestamp(m_time);
            const QString heartbeat = timestamp(m_now.addSecs(-17));
            auto condition = [&](const char *type, const char *status, const char *reason,
                                 const char *message) {
                return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                                   {QStringLiteral("status"), QLatin1String(status)},
                                   {QStringLiteral("lastHeartbeatTime"), heartbeat},
                                   {QStringLiteral("lastTransitionTime"), born},
                                   {QStringLiteral("reason"), QLatin1String(reason)},
                                   {QStringLiteral("message"), QLatin1String(message)}};
            };
            QJsonArray addresses{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")},
                                             {QStringLiteral("address"), ip}}};
            if (!h.addresses.publicAddress.isEmpty())
                addresses.append(
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("ExternalIP")},
                                {QStringLiteral("address"), h.addresses.publicAddress}});
            addresses.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")},
                                         {QStringLiteral("address"), name}});
            const QString cidr = QStringLiteral("10.244.%1.0/24").arg(index);
            QJsonObject spec{
                {QStringLiteral("podCIDR"), cidr},
                {QStringLiteral("podCIDRs"), QJsonArray{cidr}},
                {QStringLiteral("providerID"),
                 QStringLiteral("oci://ocid1.instance.oc1.ap-tokyo-1.") + hex(name, 60)}};
            if (controlPlane)
                spec.insert(QStringLiteral("taints"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("key"),
                                 QStringLiteral("node-role.kubernetes.io/control-plane")},
                                {QStringLiteral("effect"), QStringLiteral("NoSchedule")}}});
            QJsonObject m = meta(name);
            m.insert(QStringLiteral("labels"), labels);
            m.insert(QStringLiteral("annotations"),
                     QJsonObject{
                         {QStringLiteral("kubeadm.alpha.kubernetes.io/cri-socket"),
                          QStringLiteral("unix:///var/run/containerd/containerd.sock")},
                         {QStringLiteral("node.alpha.kubernetes.io/ttl"), QStringLiteral("0")},
                         {QStringLiteral("volumes.kubernetes.io/controller-managed-attach-detach"),
                          QStringLiteral("true")}});
            const QJsonObject node{
                {QStringLiteral("metadata"), m},
                {QStringLiteral("spec"), spec},
                {QStringLiteral("status"),
                 QJsonObject{
                     {QStringLiteral("addresses"), addresses},
                     {QStringLiteral("allocatable"), allocatable},
                     {QStringLiteral("capacity"), capacity},
                     {QStringLiteral("conditions"),
                      QJsonArray{condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                                           "kubelet has sufficient memory available"),
                                 condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                                           "kubelet has no disk pressure"),
                                 condition("PIDPressure", "False", "KubeletHasSufficientPID",
                                           "kubelet has sufficient PID available"),
                                 condition("Ready", "True", "KubeletReady",
                                           "kubelet is posting ready status")}},
                     {QStringLiteral("daemonEndpoints"),
                      QJsonObject{{QStringLiteral("kubeletEndpoint"),
                                   QJsonObject{{QStringLiteral("Port"), 10250}}}}},
                     {QStringLiteral("images"),
                      QJsonArray{
                          QJsonObject{{QStringLiteral("names"),
                                       QJsonArray{QStringLiteral("registry.k8s.io/kube-proxy:%1")
                                                      .arg(QLatin1String(KubernetesVersion))}},
                                      {QStringLiteral("sizeBytes"), 26815000}},
                          QJsonObject{{QStringLiteral("names"),
                                       QJsonArray{QStringLiteral("registry.k8s.io/pause:3.9")}},
                                      {QStringLiteral("sizeBytes"), 268051}}}},
                     {QStringLiteral("nodeInfo"),
                      QJsonObject{
                          {QStringLiteral("architecture"), arch},
                          {QStringLiteral("bootID"),
                           QUuid::createUuidV5(QUuid(), name + QStringLiteral("boot"))
                               .toString(QUuid::WithoutBraces)},
                          {QStringLiteral("containerRuntimeVersion"),
                           QStringLiteral("containerd://1.7.12")},
                          {QStringLiteral("kernelVersion"), QStringLiteral("6.8.0-1013-oracle")},
                          {QStringLiteral("kubeProxyVersion"), QLatin1String(KubernetesVersion)},
                          {QStringLiteral("kubeletVersion"), QLatin1String(KubernetesVersion)},
                          {QStringLiteral("machineID"), hex(name + QStringLiteral("machine"), 32)},
                          {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                          {QStringLiteral("osImage"), QStringLiteral("Ubuntu 22.04.4 LTS")},
                          {QStringLiteral("systemUUID"), QUuid::createUuidV5(QUuid(), name)
                                                             .toString(QUuid::WithoutBraces)
                                                             .toUpper()}}}}}};
            m_store.create(Nodes, node);
            ++index;
        }
        if (m_controlPlanes.isEmpty() && !m_nodeIps.isEmpty())
            m_controlPlanes << m_nodeIps.firstKey();
    }

    void seedStorageClass()
    {
        QJsonObject m = meta(QStringLiteral("nfs"));
        m.insert(QStringLiteral("annotations"),
                 QJsonObject{{QStringLiteral("storageclass.kubernetes.io/is-default-class"),
                              QStringLiteral("true")}});
        m_store.create(
            StorageClasses,
            QJsonObject{
                {QStringLiteral("metadata"), m},
                {QStringLiteral("provisioner"), QStringLiteral("nfs.csi.k8s.io")},
                {QStringLiteral("parameters"),
                 QJsonObject{{QStringLiteral("server"), m_lab.nfs.server},
                             {QStringLiteral("share"), QStringLiteral("/srv/nfs/k8s")}}},
                {QStringLiteral("reclaimPolicy"), QStringLiteral("Retain")},
                {QStringLiteral("volumeBindingMode"), QStringLiteral("Immediate")},
                {QStringLiteral("allowVolumeExpansion"), true},
                {QStringLiteral("mountOptions"), QJsonArray{QStringLiteral("nfsvers=4.1")}}});
    }

    void createService(const QString &name, const QString &ns, const QJsonObject &selector,
                       const QJsonArray &ports, const QString &type, const QString &clusterIp = {},
                       const QJsonObject &labels = {})
    {
        QJsonObject m = meta(name, ns);
        if (!labels.isEmpty())
            m.insert(QStringLiteral("labels"), labels);
        QJsonObject spec{{QStringLiteral("type"), type}, {QStringLiteral("ports"), ports}};
        if (!selector.isEmpty())
            spec.insert(QStringLiteral("selector"), selector);
        if (!clusterIp.isEmpty())
            spec.insert(QStringLiteral("clusterIP"), clusterIp);
        QJsonObject service{{QStringLiteral("metadata"), m}, {QStringLiteral("spec"), spec}};
        applyDefaults(Services, service);
        (void)m_cluster.allocateServiceAddresses(service, {});
        m_store.create(Services, service);
    }

    static QJsonObject servicePort(const QString &name, int port, const QJsonValue &target,
                                   int nodePort = 0,
                                   const QString &protocol = QStringLiteral("TCP"))
    {
        QJsonObject p{{QStringLiteral("name"), name},
                      {QStringLiteral("port"), port},
                      {QStringLiteral("targetPort"), target},
                      {QStringLiteral("protocol"), protocol}};
        if (nodePort > 0)
            p.insert(QStringLiteral("nodePort"), nodePort);
        return p;
    }

    void createStaticPod(const QString &component, const QString &node, const QString &ns,
                         const QString &image, const QJsonArray &command,
                         const QJsonObject &extraAnnotations = {})
    {
        const QJsonObject nodeObject = m_store.get(Nodes, node);
        QJsonObject annotations{
            {QStringLiteral("kubernetes.io/config.hash"), hex(component + node, 32)},
            {QStringLiteral("kubernetes.io/config.mirror"), hex(component + node, 32)},
            {QStringLiteral("kubernetes.io/config.seen"), timestamp(m_time)},
            {QStringLiteral("kubernetes.io/config.source"), QStringLiteral("file")}};
        for (auto it = extraAnnotations.begin(); it != extraAnnotations.end(); ++it)
            annotations.insert(it.key(), it.value());
        QJsonObject m = meta(component + QLatin1Char('-') + node, ns);
        m.insert(QStringLiteral("labels"),
                 QJsonObject{{QStringLiteral("component"), component},
                             {QStringLiteral("tier"), QStringLiteral("control-plane")}});
        m.insert(QStringLiteral("annotations"), annotations);
        m.insert(QStringLiteral("ownerReferences"),
                 QJsonArray{ownerReference(resourceType(Nodes), nodeObject)});
        const QJsonObject pod{
            {QStringLiteral("metadata"), m},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("containers"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("name"), component},
                                  {QStringLiteral("image"), image},
                                  {QStringLiteral("command"), command},
                                  {QStringLiteral("resources"), requests("100m", "100Mi")}}}},
                 {QStringLiteral("hostNetwork"), true},
                 {QStringLiteral("priorityClassName"), QStringLiteral("system-node-critical")},
                 {QStringLiteral("priority"), 2000001000},
                 {QStringLiteral("tolerations"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("operator"), QStringLiteral("Exists")},
                                  {QStringLiteral("effect"), QStringLiteral("NoExecute")}}}}}}};
        m_cluster.createRunningPod(pod, node);
    }

    void seedControlPlane()
    {
        const QString node = m_controlPlanes.value(0);
        const QString ip = m_nodeIps.value(node);
        const QString version = QLatin1String(KubernetesVersion);
        createService(QStringLiteral("kubernetes"), QStringLiteral("default"), {},
                      QJsonArray{servicePort(QStringLiteral("https"), 443, 6443)},
                      QStringLiteral("ClusterIP"), QStringLiteral("10.96.0.1"),
                      QJsonObject{{QStringLiteral("component"), QStringLiteral("apiserver")},
                                  {QStringLiteral("provider"), QStringLiteral("kubernetes")}});
        QJsonObject endpoints{
            {QStringLiteral("metadata"),
             meta(QStringLiteral("kubernetes"), QStringLiteral("default"))},
            {QStringLiteral("subsets"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("addresses"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}}},
                 {QStringLiteral("ports"),
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("https")},
                                         {QStringLiteral("port"), 6443},
                                         {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}}};
        m_store.create(Endpoints, endpoints);
        if (node.isEmpty())
            return;
        const QString ks = QStringLiteral("kube-system");
        createStaticPod(
            QStringLiteral("etcd"), node, ks, QStringLiteral("registry.k8s.io/etcd:3.5.15-0"),
            QJsonArray{QStringLiteral("etcd"),
                       QStringLiteral("--advertise-client-urls=https://%1:2379").arg(ip),
                       QStringLiteral("--data-dir=/var/lib/etcd")},
            QJsonObject{{QStringLiteral("kubeadm.kubernetes.io/etcd.advertise-client-urls"),
                         QStringLiteral("https://%1:2379").arg(ip)}});
        createStaticPod(
            QStringLiteral("kube-apiserver"), node, ks,
            QStringLiteral("registry.k8s.io/kube-apiserver:") + version,
            QJsonArray{QStringLiteral("kube-apiserver"),
                       QStringLiteral("--advertise-address=") + ip,
                       QStringLiteral("--secure-port=6443")},
            QJsonObject{
                {QStringLiteral("kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"),
                 ip + QStringLiteral(":6443")}});
        createStaticPod(QStringLiteral("kube-controller-manager"), node, ks,
                        QStringLiteral("registry.k8s.io/kube-controller-manager:") + version,
                        QJsonArray{QStringLiteral("kube-controller-manager"),
                                   QStringLiteral("--leader-elect=true")});
        createStaticPod(
            QStringLiteral("kube-scheduler"), node, ks,
            QStringLiteral("registry.k8s.io/kube-scheduler:") + version,
            QJsonArray{QStringLiteral("kube-scheduler"), QStringLiteral("--leader-elect=true")});

        const QJsonObject onControlPlane{
            {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
            {QStringLiteral("node-role.kubernetes.io/control-plane"), QString()}};
        const QJsonArray addonTolerations{
            QJsonObject{{QStringLiteral("key"), QStringLiteral("CriticalAddonsOnly")},
                        {QStringLiteral("operator"), QStringLiteral("Exists")}},
            controlPlaneToleration()};
        // CoreDNS
        const QJsonObject dnsLabels{{QStringLiteral("k8s-app"), QStringLiteral("kube-dns")}};
        QJsonObject dnsSpec{
            {QStringLiteral("replicas"), 2},
            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), dnsLabels}}},
            {QStringLiteral("template"),
             podTemplate(
                 dnsLabels,
                 QJsonObject{
                     {QStringLiteral("priorityClassName"),
                      QStringLiteral("system-cluster-critical")},
                     {QStringLiteral("serviceAccountName"), QStringLiteral("coredns")},
                     {QStringLiteral("nodeSelector"), onControlPlane},
                     {QStringLiteral("tolerations"), addonTolerations},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("coredns")},
                          {QStringLiteral("image"),
                           QStringLiteral("registry.k8s.io/coredns/coredns:v1.11.1")},
                          {QStringLiteral("args"),
                           QJsonArray{QStringLiteral("-conf"),
                                      QStringLiteral("/etc/coredns/Corefile")}},
                          {QStringLiteral("ports"),
                           QJsonArray{namedPort(QStringLiteral("dns"), 53, QStringLiteral("UDP")),
                                      namedPort(QStringLiteral("dns-tcp"), 53),
                                      namedPort(QStringLiteral("metrics"), 9153)}},
                          {QStringLiteral("resources"), requests("100m", "70Mi", "170Mi")}}}}})}};
        createWorkload(Deployments,
                       workloadObject(QStringLiteral("coredns"), ks, dnsLabels, dnsSpec));
        createService(
            QStringLiteral("kube-dns"), ks, dnsLabels,
            QJsonArray{servicePort(QStringLiteral("dns"), 53, 53, 0, QStringLiteral("UDP")),
                       servicePort(QStringLiteral("dns-tcp"), 53, 53),
                       servicePort(QStringLiteral("metrics"), 9153, 9153)},
            QStringLiteral("ClusterIP"), QStringLiteral("10.96.0.10"),
            QJsonObject{{QStringLiteral("k8s-app"), QStringLiteral("kube-dns")},
                        {QStringLiteral("kubernetes.io/name"), QStringLiteral("CoreDNS")}});
        // metrics-server
        const QJsonObject msLabels{{QStringLiteral("k8s-app"), QStringLiteral("metrics-server")}};
        QJsonObject msSpec{
            {QStringLiteral("replicas"), 1},
            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), msLabels}}},
            {QStringLiteral("template"),
             podTemplate(
                 msLabels,
                 QJsonObject{
                     {QStringLiteral("priorityClassName"),
                      QStringLiteral("system-cluster-critical")},
                     {QStringLiteral("serviceAccountName"), QStringLiteral("metrics-server")},
                     {QStringLiteral("nodeSelector"), onControlPlane},
                     {QStringLiteral("tolerations"), addonTolerations},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("metrics-server")},
                          {QStringLiteral("image"),
                           QStringLiteral("registry.k8s.io/metrics-server/metrics-server:v0.7.1")},
                          {QStringLiteral("args"),
                           QJsonArray{
                               QStringLiteral("--cert-dir=/tmp"),
                               QStringLiteral("--secure-port=10250"),
                               QStringLiteral("--kubelet-preferred-address-types=InternalIP"),
                               QStringLiteral("--metric-resolution=15s")}},
                          {QStringLiteral("ports"),
                           QJsonArray{namedPort(QStringLiteral("https"), 10250)}},
                          {QStringLiteral("resources"), requests("100m", "200Mi")}}}}})}};
        createWorkload(Deployments,
                       workloadObject(QStringLiteral("metrics-server"), ks, msLabels, msSpec));
        createService(
            QStringLiteral("metrics-server"), ks, msLabels,
            QJsonArray{servicePort(QStringLiteral("https"), 443, QStringLiteral("https"))},
            QStringLiteral("ClusterIP"), {}, msLabels);
        // kube-proxy on every node
        const QJsonObject proxyLabels{{QStringLiteral("k8s-app"), QStringLiteral("kube-proxy")}};
        QJsonObject proxySpec{
            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), proxyLabels}}},
            {QStringLiteral("template"),
             podTemplate(
                 proxyLabels,
                 QJsonObject{
                     {QStringLiteral("priorityClassName"), QStringLiteral("system-node-critical")},
                     {QStringLiteral("serviceAccountName"), QStringLiteral("kube-proxy")},
                     {QStringLiteral("hostNetwork"), true},
                     {QStringLiteral("nodeSelector"),
                      QJsonObject{{QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")}}},
                     {QStringLiteral("tolerations"),
                      QJsonArray{
                          QJsonObject{{QStringLiteral("operator"), QStringLiteral("Exists")}}}},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("kube-proxy")},
                          {QStringLiteral("image"),
                           QStringLiteral("registry.k8s.io/kube-proxy:") + version},
                          {QStringLiteral("command"),
                           QJsonArray{QStringLiteral("/usr/local/bin/kube-proxy"),
                                      QStringLiteral("--config=/var/lib/kube-proxy/config.conf"),
                                      QStringLiteral("--hostname-override=$(NODE_NAME)")}}}}}})}};
        createWorkload(DaemonSets,
                       workloadObject(QStringLiteral("kube-proxy"), ks, proxyLabels, proxySpec));
    }

    void createWorkload(ResourceId resource, QJsonObject object)
    {
        jset(object, {"metadata", "creationTimestamp"}, timestamp(m_time));
        applyDefaults(resource, object);
        m_store.create(resource, object);
        m_cluster.reconcileNow();
    }

    void seedWorkload(const Workload &w)
    {
        const Host *host = m_lab.host(w.host);
        const AppProfile p = profileFor(w);
        const QJsonObject labels{{QStringLiteral("app"), w.name},
                                 {QStringLiteral("app.kubernetes.io/name"), w.name}};
        const QJsonObject selectorLabels{{QStringLiteral("app"), w.name}};
        QJsonObject nodeSelector;
        QJsonArray tolerations;
        if (host) {
            if (host->labels.contains(QStringLiteral("role")))
                nodeSelector.insert(QStringLiteral("role"),
                                    host->labels.value(QStringLiteral("role")));
            else
                nodeSelector.insert(QStringLiteral("kubernetes.io/hostname"), nodeNameOf(*host));
            if (host->kind == HostKind::K8sControlPlane)
                tolerations.append(controlPlaneToleration());
        }

        const QString claimName = w.name + QStringLiteral("-data");
        if (!w.volume.isEmpty())
            seedVolume(w, claimName, p.storage);

        QJsonObject container{{QStringLiteral("name"), w.name},
                              {QStringLiteral("image"), p.image},
                              {QStringLiteral("ports"), QJsonArray{namedPort(p.portName, p.port)}},
                              {QStringLiteral("resources"), requests("50m", "128Mi", "512Mi")}};
        if (!p.env.isEmpty())
            container.insert(QStringLiteral("env"), p.env);
        if (!w.volume.isEmpty())
            container.insert(
                QStringLiteral("volumeMounts"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("data")},
                                       {QStringLiteral("mountPath"), p.mountPath}}});
        QJsonArray containers{container};
        if (!p.sidecarName.isEmpty())
            containers.append(QJsonObject{{QStringLiteral("name"), p.sidecarName},
                                          {QStringLiteral("image"), p.sidecarImage},
                                          {QStringLiteral("resources"), requests("10m", "32Mi")}});
        QJsonObject podSpec{{QStringLiteral("containers"), containers}};
        if (!nodeSelector.isEmpty())
            podSpec.insert(QStringLiteral("nodeSelector"), nodeSelector);
        if (!tolerations.isEmpty())
            podSpec.insert(QStringLiteral("tolerations"), tolerations);
        if (!w.volume.isEmpty())
            podSpec.insert(
                QStringLiteral("volumes"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("data")},
                                       {QStringLiteral("persistentVolumeClaim"),
                                        QJsonObject{{QStringLiteral("claimName"), claimName}}}}});

        // The Service first, as a manifest folder applies it.
        if (w.kind != WorkloadKind::StaticPod) {
            const bool nodePort = w.nodePort > 0;
            createService(w.name, w.ns, selectorLabels,
                          QJsonArray{servicePort(p.portName, p.port, p.portName, w.nodePort)},
                          nodePort ? QStringLiteral("NodePort") : QStringLiteral("ClusterIP"), {},
                          selectorLabels);
        }

        QJsonObject spec{{QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("matchLabels"), selectorLabels}}},
                         {QStringLiteral("template"), podTemplate(labels, podSpec)}};
        switch (w.kind) {
        case WorkloadKind::Deployment:
            spec.insert(QStringLiteral("replicas"), 1);
            createWorkload(Deployments, workloadObject(w.name, w.ns, labels, spec));
            break;
        case WorkloadKind::StatefulSet:
            spec.insert(QStringLiteral("replicas"), 1);
            spec.insert(QStringLiteral("serviceName"), w.name);
            createWorkload(StatefulSets, workloadObject(w.name, w.ns, labels, spec));
            break;
        case WorkloadKind::DaemonSet:
            createWorkload(DaemonSets, workloadObject(w.name, w.ns, labels, spec));
            break;
        case WorkloadKind::StaticPod: {
            const QString node = host ? nodeNameOf(*host) : m_controlPlanes.value(0);
            QJsonObject m = meta(w.name + QLatin1Char('-') + node, w.ns);
            m.insert(QStringLiteral("labels"), labels);
            m.insert(QStringLiteral("ownerReferences"),
                     QJsonArray{ownerReference(resourceType(Nodes), m_store.get(Nodes, node))});
            m_cluster.createRunningPod(
                QJsonObject{{QStringLiteral("metadata"), m}, {QStringLiteral("spec"), podSpec}},
                node);
            break;
        }
        case WorkloadKind::Group:
            break;
        }
    }

    void seedVolume(const Workload &w, const QString &claimName, const QString &storage)
    {
        const QString pvName = w.name + QStringLiteral("-pv");
        const QJsonArray modes{QStringLiteral("ReadWriteMany")};
        QJsonObject claimMeta = meta(claimName, w.ns);
        claimMeta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), w.name}});
        claimMeta.insert(QStringLiteral("annotations"),
                         QJsonObject{{QStringLiteral("pv.kubernetes.io/bind-completed"),
                                      QStringLiteral("yes")}});
        QJsonObject claim{
            {QStringLiteral("metadata"), claimMeta},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("accessModes"), modes},
                         {QStringLiteral("resources"),
                          QJsonObject{{QStringLiteral("requests"),
                                       QJsonObject{{QStringLiteral("storage"), storage}}}}},
                         {QStringLiteral("storageClassName"), QStringLiteral("nfs")},
                         {QStringLiteral("volumeName"), pvName},
                         {QStringLiteral("volumeMode"), QStringLiteral("Filesystem")}}},
            {QStringLiteral("status"),
             QJsonObject{
                 {QStringLiteral("phase"), QStringLiteral("Bound")},
                 {QStringLiteral("accessModes"), modes},
                 {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("storage"), storage}}}}}};
        claim = m_store.create(PersistentVolumeClaims, claim);
        QJsonObject pvMeta = meta(pvName);
        pvMeta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), w.name}});
        const QJsonObject pv{
            {QStringLiteral("metadata"), pvMeta},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("storage"), storage}}},
                 {QStringLiteral("accessModes"), modes},
                 {QStringLiteral("persistentVolumeReclaimPolicy"), QStringLiteral("Retain")},
                 {QStringLiteral("storageClassName"), QStringLiteral("nfs")},
                 {QStringLiteral("mountOptions"), QJsonArray{QStringLiteral("nfsvers=4.1")}},
                 {QStringLiteral("volumeMode"), QStringLiteral("Filesystem")},
                 {QStringLiteral("nfs"),
                  QJsonObject{{QStringLiteral("server"), m_lab.nfs.server.isEmpty()
                                                             ? QStringLiteral("nfs")
                                                             : m_lab.nfs.server},
                              {QStringLiteral("path"), w.volume}}},
                 {QStringLiteral("claimRef"),
                  QJsonObject{{QStringLiteral("kind"), QStringLiteral("PersistentVolumeClaim")},
                              {QStringLiteral("namespace"), w.ns},
                              {QStringLiteral("name"), claimName},
                              {QStringLiteral("uid"), uidOf(claim)},
                              {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("resourceVersion"),
                               jstr(claim, {"metadata", "resourceVersion"})}}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Bound")}}}};
        m_store.create(PersistentVolumes, pv);
    }

    Store &m_store;
    Cluster &m_cluster;
    const Inventory &m_lab;
    QDateTime m_now;
    QDateTime m_time;
    QStringList m_controlPlanes;
    QMap<QString, QString> m_nodeIps;
};

} // namespace

void seedLab(Store &store, Cluster &cluster, const Inventory &lab, const QDateTime &now)
{
    Seeder(store, cluster, lab, now).run();
}

} // namespace labdeck::demolab::detail
