// The demo lab's Kubernetes API simulator over real HTTP: its seed is the
// inventory's lab (nodes, namespaces, workloads on their nodes, the control
// plane, NodePort services, NFS volumes, events), single gets and 404s, the
// bearer token, API discovery and the Table kubectl prints.

#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "support/apiclient.h"
#include "support/fixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>
#include <memory>

using namespace labdeck;
using namespace labdeck::demolab;
using namespace std::chrono_literals;
using labdeck::test::ApiClient;
using labdeck::test::ApiResponse;
using labdeck::test::fixture;
using labdeck::test::isReady;
using labdeck::test::nameOf;
using labdeck::test::rvOf;

class TestDemoLabSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void seedNodes();
    void seedNamespaces();
    void seedWorkloadsRunOnTheirNodes();
    void seedControlPlane();
    void seedNodePortServices();
    void seedNfsVolumes();
    void seedEvents();
    void getOneAndNotFound();
    void unauthorizedWithoutToken();
    void discovery();
    void tableForKubectl();

private:
    Inventory m_lab;
    std::unique_ptr<KubeSimulator> m_sim;
    std::unique_ptr<ApiClient> m_api;
};

void TestDemoLabSeed::initTestCase()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    m_lab = *r.inventory;
}

void TestDemoLabSeed::init()
{
    m_sim = std::make_unique<KubeSimulator>(m_lab);
    m_sim->setReadyDelay(50ms);
    m_sim->setBookmarkInterval(200ms);
    QVERIFY(m_sim->listen());
    QCOMPARE(m_sim->url().scheme(), QStringLiteral("http"));
    QCOMPARE(m_sim->url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(!m_sim->bearerToken().isEmpty());
    m_api = std::make_unique<ApiClient>(m_sim->url(), m_sim->bearerToken());
}

void TestDemoLabSeed::cleanup()
{
    m_api.reset();
    m_sim.reset();
}

void TestDemoLabSeed::seedNodes()
{
    const ApiResponse r = m_api->get("/api/v1/nodes");
    QCOMPARE(r.status, 200);
    const QJsonObject list = r.json();
    QCOMPARE(list.value("kind").toString(), QStringLiteral("NodeList"));
    QCOMPARE(list.value("apiVersion").toString(), QStringLiteral("v1"));
    QVERIFY(rvOf(list) > 0);
    QHash<QString, QJsonObject> nodes;
    for (const QJsonValue &v : list.value("items").toArray())
        nodes.insert(nameOf(v.toObject()), v.toObject());
    QCOMPARE(QSet<QString>(nodes.keyBegin(), nodes.keyEnd()),
             (QSet<QString>{"pikachu", "metamon", "bracky"}));
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        const QJsonObject labels = it->value("metadata").toObject().value("labels").toObject();
        QCOMPARE(labels.value("kubernetes.io/hostname").toString(), it.key());
        QCOMPARE(labels.value("kubernetes.io/arch").toString(), QStringLiteral("arm64"));
        const QJsonObject status = it->value("status").toObject();
        QCOMPARE(status.value("capacity").toObject().value("cpu").toString(), QStringLiteral("1"));
        QVERIFY(status.value("capacity").toObject().value("memory").toString().endsWith("Ki"));
        QCOMPARE(status.value("nodeInfo").toObject().value("architecture").toString(),
                 QStringLiteral("arm64"));
        QVERIFY(status.value("nodeInfo")
                    .toObject()
                    .value("kubeletVersion")
                    .toString()
                    .startsWith("v1.30."));
        bool ready = false;
        for (const QJsonValue &c : status.value("conditions").toArray())
            ready = ready || (c.toObject().value("type") == "Ready" &&
                              c.toObject().value("status") == "True");
        QVERIFY(ready);
        QVERIFY(!status.value("addresses").toArray().isEmpty());
    }
    QVERIFY(nodes["pikachu"]["metadata"].toObject()["labels"].toObject().contains(
        "node-role.kubernetes.io/control-plane"));
    QCOMPARE(nodes["metamon"]["metadata"].toObject()["labels"].toObject()["role"].toString(),
             QStringLiteral("devops"));
    QCOMPARE(nodes["bracky"]["metadata"].toObject()["labels"].toObject()["role"].toString(),
             QStringLiteral("apps"));
    // One node by name, with the shape a real server returns.
    const QJsonObject one = m_api->get("/api/v1/nodes/metamon").json();
    QCOMPARE(one.value("kind").toString(), QStringLiteral("Node"));
    QCOMPARE(nameOf(one), QStringLiteral("metamon"));
    QVERIFY(!one.value("metadata").toObject().value("uid").toString().isEmpty());
}

void TestDemoLabSeed::seedNamespaces()
{
    QSet<QString> names;
    for (const QJsonValue &v : m_api->get("/api/v1/namespaces").items()) {
        names.insert(nameOf(v.toObject()));
        QCOMPARE(v.toObject().value("status").toObject().value("phase").toString(),
                 QStringLiteral("Active"));
    }
    QVERIFY(names.size() >= 7);
    for (const char *ns :
         {"default", "kube-system", "apps", "database", "devops", "monitoring", "registry"})
        QVERIFY2(names.contains(QLatin1String(ns)), ns);
}

void TestDemoLabSeed::seedWorkloadsRunOnTheirNodes()
{
    int checked = 0;
    for (const Workload &w : m_lab.workloads) {
        if (w.kind == WorkloadKind::Group) {
            // "Own apps" is a grouping in the inventory, not an object.
            QCOMPARE(m_api->get("/apis/apps/v1/namespaces/apps/deployments/" + w.name).status, 404);
            continue;
        }
        const QString plural = w.kind == WorkloadKind::StatefulSet ? "statefulsets" : "deployments";
        const ApiResponse r =
            m_api->get(QString("/apis/apps/v1/namespaces/%1/%2/%3").arg(w.ns, plural, w.name));
        QVERIFY2(r.status == 200, qPrintable(w.qualifiedName()));
        const QJsonObject status = r.json().value("status").toObject();
        QCOMPARE(status.value("readyReplicas").toInt(), 1);
        QCOMPARE(r.json().value("spec").toObject().value("replicas").toInt(), 1);

        const ApiResponse pods = m_api->get(
            QString("/api/v1/namespaces/%1/pods?labelSelector=app%3D%2").arg(w.ns, w.name));
        QCOMPARE(pods.items().size(), 1);
        const QJsonObject pod = pods.items().first().toObject();
        QCOMPARE(pod.value("spec").toObject().value("nodeName").toString(), w.host);
        QCOMPARE(pod.value("status").toObject().value("phase").toString(),
                 QStringLiteral("Running"));
        QVERIFY(isReady(pod));
        const QString podName = nameOf(pod);
        if (w.kind == WorkloadKind::StatefulSet) {
            QCOMPARE(podName, w.name + "-0");
        } else {
            static const QRegularExpression pattern(
                "^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$");
            const auto m = pattern.match(podName);
            QVERIFY2(m.hasMatch(), qPrintable(podName));
            QCOMPARE(m.captured(1), w.name);
        }
        const QJsonArray owners =
            pod.value("metadata").toObject().value("ownerReferences").toArray();
        QCOMPARE(owners.size(), 1);
        QCOMPARE(owners.first().toObject().value("kind").toString(),
                 w.kind == WorkloadKind::StatefulSet ? QStringLiteral("StatefulSet")
                                                     : QStringLiteral("ReplicaSet"));
        // The node selector is the inventory host's role.
        const QJsonObject selector = pod.value("spec").toObject().value("nodeSelector").toObject();
        QCOMPARE(selector.value("role").toString(), m_lab.host(w.host)->labels.value("role"));
        ++checked;
    }
    QCOMPARE(checked, 9);
    // Images fit the apps; grafana and prometheus carry a sidecar.
    const QJsonObject grafana =
        m_api->get("/apis/apps/v1/namespaces/monitoring/deployments/grafana").json();
    const QJsonArray containers = grafana["spec"]
                                      .toObject()["template"]
                                      .toObject()["spec"]
                                      .toObject()["containers"]
                                      .toArray();
    QCOMPARE(containers.size(), 2);
    QVERIFY(
        containers.at(0).toObject().value("image").toString().startsWith("grafana/grafana:11."));
    const ApiResponse onBracky = m_api->get("/api/v1/pods?fieldSelector=spec.nodeName%3Dbracky");
    QSet<QString> apps;
    for (const QJsonValue &v : onBracky.items())
        apps.insert(v.toObject()["metadata"].toObject()["labels"].toObject()["app"].toString());
    QVERIFY(apps.contains("home-assistant") && apps.contains("postgresql") &&
            apps.contains("redis") && apps.contains("shlink"));
    QVERIFY(!apps.contains("grafana"));
}

void TestDemoLabSeed::seedControlPlane()
{
    const ApiResponse pods = m_api->get("/api/v1/namespaces/kube-system/pods");
    QSet<QString> names;
    for (const QJsonValue &v : pods.items()) {
        names.insert(nameOf(v.toObject()));
        QVERIFY(isReady(v.toObject()));
    }
    for (const char *n : {"etcd-pikachu", "kube-apiserver-pikachu",
                          "kube-controller-manager-pikachu", "kube-scheduler-pikachu"})
        QVERIFY2(names.contains(QLatin1String(n)), n);
    const QJsonObject etcd = m_api->get("/api/v1/namespaces/kube-system/pods/etcd-pikachu").json();
    QCOMPARE(etcd["spec"].toObject()["nodeName"].toString(), QStringLiteral("pikachu"));
    QCOMPARE(etcd["metadata"]
                 .toObject()["ownerReferences"]
                 .toArray()
                 .first()
                 .toObject()["kind"]
                 .toString(),
             QStringLiteral("Node"));
    const QJsonObject coredns =
        m_api->get("/apis/apps/v1/namespaces/kube-system/deployments/coredns").json();
    QCOMPARE(coredns["spec"].toObject()["replicas"].toInt(), 2);
    QCOMPARE(coredns["status"].toObject()["readyReplicas"].toInt(), 2);
    const ApiResponse dnsPods =
        m_api->get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns");
    QCOMPARE(dnsPods.items().size(), 2);
    for (const QJsonValue &v : dnsPods.items())
        QCOMPARE(v.toObject()["spec"].toObject()["nodeName"].toString(), QStringLiteral("pikachu"));
    QCOMPARE(m_api->get("/apis/apps/v1/namespaces/kube-system/deployments/metrics-server")
                 .json()["status"]
                 .toObject()["readyReplicas"]
                 .toInt(),
             1);
}

void TestDemoLabSeed::seedNodePortServices()
{
    QHash<int, QString> byPort;
    for (const QJsonValue &v : m_api->get("/api/v1/services").items()) {
        const QJsonObject spec = v.toObject().value("spec").toObject();
        for (const QJsonValue &p : spec.value("ports").toArray()) {
            const int nodePort = p.toObject().value("nodePort").toInt();
            if (nodePort) {
                QCOMPARE(spec.value("type").toString(), QStringLiteral("NodePort"));
                byPort.insert(nodePort,
                              v.toObject()["metadata"].toObject()["namespace"].toString() + "/" +
                                  nameOf(v.toObject()));
            }
        }
    }
    QCOMPARE(byPort.value(30300), QStringLiteral("monitoring/grafana"));
    QCOMPARE(byPort.value(30301), QStringLiteral("devops/docmost"));
    QCOMPARE(byPort.value(30500), QStringLiteral("registry/registry"));
    QCOMPARE(byPort.value(30123), QStringLiteral("apps/home-assistant"));
    QCOMPARE(byPort.value(30080), QStringLiteral("apps/shlink"));
    const QJsonObject prometheus =
        m_api->get("/api/v1/namespaces/monitoring/services/prometheus").json();
    QCOMPARE(prometheus["spec"].toObject()["type"].toString(), QStringLiteral("ClusterIP"));
    QVERIFY(prometheus["spec"].toObject()["clusterIP"].toString().startsWith("10.96."));
}

void TestDemoLabSeed::seedNfsVolumes()
{
    QHash<QString, QJsonObject> byPath;
    for (const QJsonValue &v : m_api->get("/api/v1/persistentvolumes").items()) {
        const QJsonObject nfs = v.toObject()["spec"].toObject()["nfs"].toObject();
        QCOMPARE(nfs.value("server").toString(), QStringLiteral("pochama"));
        byPath.insert(nfs.value("path").toString(), v.toObject());
    }
    int volumes = 0;
    for (const Workload &w : m_lab.workloads) {
        if (w.volume.isEmpty())
            continue;
        ++volumes;
        QVERIFY2(byPath.contains(w.volume), qPrintable(w.volume));
        const QJsonObject pv = byPath.value(w.volume);
        QCOMPARE(pv["status"].toObject()["phase"].toString(), QStringLiteral("Bound"));
        const QJsonObject claimRef = pv["spec"].toObject()["claimRef"].toObject();
        QCOMPARE(claimRef["namespace"].toString(), w.ns);
        const ApiResponse pvc =
            m_api->get(QString("/api/v1/namespaces/%1/persistentvolumeclaims/%2")
                           .arg(w.ns, claimRef["name"].toString()));
        QCOMPARE(pvc.status, 200);
        QCOMPARE(pvc.json()["status"].toObject()["phase"].toString(), QStringLiteral("Bound"));
        QCOMPARE(pvc.json()["spec"].toObject()["volumeName"].toString(), nameOf(pv));
    }
    QCOMPARE(volumes, 8);
}

void TestDemoLabSeed::seedEvents()
{
    QSet<QString> reasons;
    for (const QJsonValue &v : m_api->get("/api/v1/namespaces/monitoring/events").items()) {
        reasons.insert(v.toObject().value("reason").toString());
        QVERIFY(!v.toObject()["involvedObject"].toObject()["name"].toString().isEmpty());
    }
    QVERIFY(reasons.contains("Scheduled"));
    QVERIFY(reasons.contains("Pulled"));
    QVERIFY(reasons.contains("Started"));
    // kubectl describe selects events of one object like this.
    const QString pod =
        nameOf(m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki")
                   .items()
                   .first()
                   .toObject());
    const ApiResponse mine =
        m_api->get("/api/v1/namespaces/monitoring/events?fieldSelector=involvedObject.name%3D" +
                   pod + ",involvedObject.namespace%3Dmonitoring");
    QVERIFY(mine.items().size() >= 3);
    for (const QJsonValue &v : mine.items())
        QCOMPARE(v.toObject()["involvedObject"].toObject()["name"].toString(), pod);
}

void TestDemoLabSeed::getOneAndNotFound()
{
    const ApiResponse ok = m_api->get("/apis/apps/v1/namespaces/monitoring/deployments/grafana");
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value("kind").toString(), QStringLiteral("Deployment"));
    QCOMPARE(ok.json().value("apiVersion").toString(), QStringLiteral("apps/v1"));
    QCOMPARE(ok.json()["metadata"].toObject()["generation"].toInt(), 1);
    QVERIFY(!ok.json()["metadata"].toObject()["creationTimestamp"].toString().isEmpty());

    const ApiResponse missing = m_api->get("/apis/apps/v1/namespaces/apps/deployments/web");
    QCOMPARE(missing.status, 404);
    const QJsonObject s = missing.json();
    QCOMPARE(s.value("kind").toString(), QStringLiteral("Status"));
    QCOMPARE(s.value("apiVersion").toString(), QStringLiteral("v1"));
    QCOMPARE(s.value("status").toString(), QStringLiteral("Failure"));
    QCOMPARE(s.value("message").toString(), QStringLiteral("deployments.apps \"web\" not found"));
    QCOMPARE(s.value("reason").toString(), QStringLiteral("NotFound"));
    QCOMPARE(s.value("code").toInt(), 404);
    QCOMPARE(s["details"].toObject()["name"].toString(), QStringLiteral("web"));
    QCOMPARE(s["details"].toObject()["group"].toString(), QStringLiteral("apps"));
    QCOMPARE(s["details"].toObject()["kind"].toString(), QStringLiteral("deployments"));
    // The core group has no group in the message (like the fixture's pods "grafana").
    QCOMPARE(m_api->get("/api/v1/namespaces/monitoring/pods/grafana").json()["message"].toString(),
             QStringLiteral("pods \"grafana\" not found"));
    QCOMPARE(m_api->get("/api/v1/nosuchthings").status, 404);
    QCOMPARE(m_api->send("POST", "/api/v1/namespaces/apps/pods/x").status, 405);
}

void TestDemoLabSeed::unauthorizedWithoutToken()
{
    QSignalSpy served(m_sim.get(), &KubeSimulator::requestServed);
    ApiClient anonymous(m_sim->url(), QString());
    const ApiResponse r = anonymous.get("/api/v1/pods");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value("kind").toString(), QStringLiteral("Status"));
    QCOMPARE(r.json().value("reason").toString(), QStringLiteral("Unauthorized"));
    QCOMPARE(r.json().value("code").toInt(), 401);
    ApiClient wrong(m_sim->url(), "not-the-token");
    QCOMPARE(wrong.get("/version").status, 401);
    QCOMPARE(served.size(), 2);
    QCOMPARE(served.at(0).at(0).toString(), QStringLiteral("GET"));
    QCOMPARE(served.at(0).at(1).toString(), QStringLiteral("/api/v1/pods"));
    QCOMPARE(served.at(0).at(2).toInt(), 401);
}

void TestDemoLabSeed::discovery()
{
    const QJsonObject version = m_api->get("/version").json();
    QVERIFY(version["gitVersion"].toString().startsWith("v1.30."));
    QCOMPARE(m_api->get("/api").json()["versions"].toArray().first().toString(),
             QStringLiteral("v1"));
    const QJsonArray groups = m_api->get("/apis").json()["groups"].toArray();
    QSet<QString> groupNames;
    for (const QJsonValue &g : groups)
        groupNames.insert(g.toObject()["name"].toString());
    QVERIFY(groupNames.contains("apps"));

    auto resources = [&](const QString &path) {
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &v : m_api->get(path).json()["resources"].toArray())
            out.insert(v.toObject()["name"].toString(), v.toObject());
        return out;
    };
    const auto core = resources("/api/v1");
    QCOMPARE(core["pods"]["kind"].toString(), QStringLiteral("Pod"));
    QVERIFY(core["pods"]["namespaced"].toBool());
    QVERIFY(core["pods"]["shortNames"].toArray().contains(QJsonValue("po")));
    QVERIFY(core["pods"]["verbs"].toArray().contains(QJsonValue("watch")));
    QVERIFY(core.contains("pods/log"));
    QVERIFY(!core["nodes"]["namespaced"].toBool());
    const auto apps = resources("/apis/apps/v1");
    QCOMPARE(apps["deployments/scale"]["kind"].toString(), QStringLiteral("Scale"));
    QCOMPARE(apps["deployments/scale"]["group"].toString(), QStringLiteral("autoscaling"));
    QVERIFY(apps["deployments"]["categories"].toArray().contains(QJsonValue("all")));
    QCOMPARE(m_api->get("/openapi/v3").status, 200);
}

void TestDemoLabSeed::tableForKubectl()
{
    const ApiResponse r = m_api->get(
        "/api/v1/pods?limit=500",
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"
        "g=meta.k8s.io,application/json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["kind"].toString(), QStringLiteral("Table"));
    QCOMPARE(r.json()["columnDefinitions"].toArray().first().toObject()["name"].toString(),
             QStringLiteral("Name"));
    const QJsonArray rows = r.json()["rows"].toArray();
    QVERIFY(rows.size() >= 19);
    const QJsonArray cells = rows.first().toObject()["cells"].toArray();
    QCOMPARE(cells.at(2).toString(), QStringLiteral("Running"));
    QCOMPARE(rows.first().toObject()["object"].toObject()["kind"].toString(),
             QStringLiteral("PartialObjectMetadata"));
}

QTEST_GUILESS_MAIN(TestDemoLabSeed)
#include "tst_demolab_seed.moc"
