// The demo lab's Kubernetes API simulator, spoken to over real HTTP(S) with
// QNetworkAccessManager: the seed is the inventory's lab, lists page with a
// stable resourceVersion, watches replay and expire, patches roll pods, SSA
// reports conflicts like the real server, logs, failures, TLS with client
// certificates, a QThread, and 10,000 pods.

#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "support/fixtures.h"
#include "support/testpki.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
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
using labdeck::test::makePki;
using labdeck::test::Pki;
using namespace std::chrono_literals;
using labdeck::test::fixture;
using labdeck::test::readFile;

namespace {

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray items() const { return json().value("items").toArray(); }
};

// A small synchronous client for tests (it spins the event loop while waiting).
class Client
{
public:
    Client(QUrl base, QString token)
        : m_base(std::move(base))
        , m_token(std::move(token))
    {}

    void setSsl(const QSslConfiguration &ssl)
    {
        m_ssl = ssl;
        m_useSsl = true;
    }
    void setToken(const QString &token) { m_token = token; }

    QNetworkRequest request(const QString &pathAndQuery,
                            const QByteArray &accept = "application/json") const
    {
        QNetworkRequest req(QUrl(m_base.toString() + pathAndQuery, QUrl::TolerantMode));
        if (!m_token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        if (!accept.isEmpty())
            req.setRawHeader("Accept", accept);
        req.setRawHeader("User-Agent", "tst_demolab/1.0");
        if (m_useSsl)
            req.setSslConfiguration(m_ssl);
        return req;
    }

    Response send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
                  const QByteArray &contentType = {}, const QByteArray &accept = "application/json")
    {
        QNetworkRequest req = request(pathAndQuery, accept);
        if (!contentType.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
        return finish(reply);
    }

    Response get(const QString &p, const QByteArray &accept = "application/json")
    {
        return send("GET", p, {}, {}, accept);
    }
    Response del(const QString &p) { return send("DELETE", p); }
    Response post(const QString &p, const QJsonObject &o)
    {
        return send("POST", p, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json");
    }
    Response put(const QString &p, const QJsonObject &o)
    {
        return send("PUT", p, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json");
    }
    Response patch(const QString &p, const QByteArray &body, const QByteArray &type)
    {
        return send("PATCH", p, body, type);
    }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    static Response finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(30000);
        }
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            r.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return r;
    }

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    QSslConfiguration m_ssl;
    bool m_useSsl = false;
};

// Reads a watch stream (or any chunked body) line by line as it arrives.
class Stream : public QObject
{
public:
    Stream(Client &client, const QString &pathAndQuery)
    {
        m_reply = client.nam().get(client.request(pathAndQuery));
        connect(m_reply, &QNetworkReply::readyRead, this, [this] {
            m_buffer += m_reply->readAll();
            qsizetype nl;
            while ((nl = m_buffer.indexOf('\n')) >= 0) {
                m_lines << m_buffer.left(nl);
                m_buffer.remove(0, nl + 1);
            }
        });
        connect(m_reply, &QNetworkReply::finished, this, [this] { m_finished = true; });
    }
    ~Stream() override
    {
        if (!m_finished)
            m_reply->abort();
        m_reply->deleteLater();
    }

    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QByteArray &l : m_lines)
            out << QJsonDocument::fromJson(l).object();
        return out;
    }
    const QList<QByteArray> &lines() const { return m_lines; }
    bool finished() const { return m_finished; }
    int status() const
    {
        return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    // The first event of `type` whose object satisfies `pred`, or empty.
    template<typename Pred> QJsonObject find(const char *type, Pred pred) const
    {
        for (const QJsonObject &e : events()) {
            if (e.value("type").toString() == QLatin1String(type) &&
                pred(e.value("object").toObject()))
                return e;
        }
        return {};
    }

private:
    QNetworkReply *m_reply = nullptr;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
    bool m_finished = false;
};

qint64 rvOf(const QJsonObject &o)
{
    return o.value("metadata").toObject().value("resourceVersion").toString().toLongLong();
}

QString nameOf(const QJsonObject &o)
{
    return o.value("metadata").toObject().value("name").toString();
}

bool isReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value("status").toObject().value("conditions").toArray()) {
        if (c.toObject().value("type").toString() == "Ready")
            return c.toObject().value("status").toString() == "True";
    }
    return false;
}

// A CA, a server certificate for 127.0.0.1, a client certificate, and an
// unrelated CA, made with the openssl command.
const char *kMerge = "application/merge-patch+json";
const char *kStrategic = "application/strategic-merge-patch+json";
const char *kApply = "application/apply-patch+yaml";

} // namespace

class TestDemoLab : public QObject
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
    void selectors();
    void pagingIsConsistent();
    void watchReplaysAndResumes();
    void watchBookmarksAndTimeout();
    void compactedHistoryExpires();
    void injectedFailures();
    void restartRollsPods();
    void scaleSubresource();
    void statefulSetScalesByOrdinal();
    void deletedPodIsRecreated();
    void deleteDeploymentCollectsGarbage();
    void cordonKeepsNewPodsPending();
    void serverSideApply();
    void createValidationAndConflicts();
    void logs();
    void logsFollow();
    void kubeconfig();
    void httpsWithClientCertificates();
    void runsInItsOwnThread();
    void tenThousandPods();

private:
    Inventory m_lab;
    std::unique_ptr<KubeSimulator> m_sim;
    std::unique_ptr<Client> m_api;
};

void TestDemoLab::initTestCase()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    m_lab = *r.inventory;
}

void TestDemoLab::init()
{
    m_sim = std::make_unique<KubeSimulator>(m_lab);
    m_sim->setReadyDelay(50ms);
    m_sim->setBookmarkInterval(200ms);
    QVERIFY(m_sim->listen());
    QCOMPARE(m_sim->url().scheme(), QStringLiteral("http"));
    QCOMPARE(m_sim->url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(!m_sim->bearerToken().isEmpty());
    m_api = std::make_unique<Client>(m_sim->url(), m_sim->bearerToken());
}

void TestDemoLab::cleanup()
{
    m_api.reset();
    m_sim.reset();
}

void TestDemoLab::seedNodes()
{
    const Response r = m_api->get("/api/v1/nodes");
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

void TestDemoLab::seedNamespaces()
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

void TestDemoLab::seedWorkloadsRunOnTheirNodes()
{
    int checked = 0;
    for (const Workload &w : m_lab.workloads) {
        if (w.kind == WorkloadKind::Group) {
            // "Own apps" is a grouping in the inventory, not an object.
            QCOMPARE(m_api->get("/apis/apps/v1/namespaces/apps/deployments/" + w.name).status, 404);
            continue;
        }
        const QString plural = w.kind == WorkloadKind::StatefulSet ? "statefulsets" : "deployments";
        const Response r =
            m_api->get(QString("/apis/apps/v1/namespaces/%1/%2/%3").arg(w.ns, plural, w.name));
        QVERIFY2(r.status == 200, qPrintable(w.qualifiedName()));
        const QJsonObject status = r.json().value("status").toObject();
        QCOMPARE(status.value("readyReplicas").toInt(), 1);
        QCOMPARE(r.json().value("spec").toObject().value("replicas").toInt(), 1);

        const Response pods = m_api->get(
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
    const Response onBracky = m_api->get("/api/v1/pods?fieldSelector=spec.nodeName%3Dbracky");
    QSet<QString> apps;
    for (const QJsonValue &v : onBracky.items())
        apps.insert(v.toObject()["metadata"].toObject()["labels"].toObject()["app"].toString());
    QVERIFY(apps.contains("home-assistant") && apps.contains("postgresql") &&
            apps.contains("redis") && apps.contains("shlink"));
    QVERIFY(!apps.contains("grafana"));
}

void TestDemoLab::seedControlPlane()
{
    const Response pods = m_api->get("/api/v1/namespaces/kube-system/pods");
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
    const Response dnsPods =
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

void TestDemoLab::seedNodePortServices()
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

void TestDemoLab::seedNfsVolumes()
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
        const Response pvc = m_api->get(QString("/api/v1/namespaces/%1/persistentvolumeclaims/%2")
                                            .arg(w.ns, claimRef["name"].toString()));
        QCOMPARE(pvc.status, 200);
        QCOMPARE(pvc.json()["status"].toObject()["phase"].toString(), QStringLiteral("Bound"));
        QCOMPARE(pvc.json()["spec"].toObject()["volumeName"].toString(), nameOf(pv));
    }
    QCOMPARE(volumes, 8);
}

void TestDemoLab::seedEvents()
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
    const Response mine =
        m_api->get("/api/v1/namespaces/monitoring/events?fieldSelector=involvedObject.name%3D" +
                   pod + ",involvedObject.namespace%3Dmonitoring");
    QVERIFY(mine.items().size() >= 3);
    for (const QJsonValue &v : mine.items())
        QCOMPARE(v.toObject()["involvedObject"].toObject()["name"].toString(), pod);
}

void TestDemoLab::getOneAndNotFound()
{
    const Response ok = m_api->get("/apis/apps/v1/namespaces/monitoring/deployments/grafana");
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value("kind").toString(), QStringLiteral("Deployment"));
    QCOMPARE(ok.json().value("apiVersion").toString(), QStringLiteral("apps/v1"));
    QCOMPARE(ok.json()["metadata"].toObject()["generation"].toInt(), 1);
    QVERIFY(!ok.json()["metadata"].toObject()["creationTimestamp"].toString().isEmpty());

    const Response missing = m_api->get("/apis/apps/v1/namespaces/apps/deployments/web");
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

void TestDemoLab::unauthorizedWithoutToken()
{
    QSignalSpy served(m_sim.get(), &KubeSimulator::requestServed);
    Client anonymous(m_sim->url(), QString());
    const Response r = anonymous.get("/api/v1/pods");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value("kind").toString(), QStringLiteral("Status"));
    QCOMPARE(r.json().value("reason").toString(), QStringLiteral("Unauthorized"));
    QCOMPARE(r.json().value("code").toInt(), 401);
    Client wrong(m_sim->url(), "not-the-token");
    QCOMPARE(wrong.get("/version").status, 401);
    QCOMPARE(served.size(), 2);
    QCOMPARE(served.at(0).at(0).toString(), QStringLiteral("GET"));
    QCOMPARE(served.at(0).at(1).toString(), QStringLiteral("/api/v1/pods"));
    QCOMPARE(served.at(0).at(2).toInt(), 401);
}

void TestDemoLab::discovery()
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

void TestDemoLab::tableForKubectl()
{
    const Response r = m_api->get(
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

void TestDemoLab::selectors()
{
    QCOMPARE(m_api->get("/api/v1/pods?labelSelector=app%3Dgrafana").items().size(), 1);
    QCOMPARE(m_api->get("/api/v1/pods?labelSelector=app%20in%20(grafana,loki)").items().size(), 2);
    QCOMPARE(
        m_api->get("/api/v1/namespaces/database/pods?labelSelector=app!%3Dredis").items().size(),
        1);
    const QJsonArray named =
        m_api->get("/api/v1/pods?fieldSelector=metadata.name%3Dredis-0").items();
    QCOMPARE(named.size(), 1);
    QCOMPARE(m_api->get("/api/v1/pods?fieldSelector=metadata.namespace%3Ddatabase").items().size(),
             2);
    for (const QJsonValue &v :
         m_api->get("/api/v1/pods?fieldSelector=spec.nodeName%3Dmetamon").items())
        QCOMPARE(v.toObject()["spec"].toObject()["nodeName"].toString(), QStringLiteral("metamon"));
    QCOMPARE(m_api->get("/api/v1/pods?fieldSelector=status.phase%3DRunning,spec.nodeName%3Dpikachu")
                 .items()
                 .size(),
             8); // 4 static pods, 2 CoreDNS, metrics-server, kube-proxy
    QCOMPARE(m_api->get("/api/v1/pods?labelSelector=app%20in%20(grafana").status, 400);
}

void TestDemoLab::pagingIsConsistent()
{
    QStringList expected;
    for (const QJsonValue &v : m_api->get("/api/v1/pods").items())
        expected << v.toObject()["metadata"].toObject()["namespace"].toString() + "/" +
                        nameOf(v.toObject());
    QVERIFY(expected.size() >= 19);

    QStringList seen;
    QString token;
    qint64 rv = -1;
    int pages = 0;
    do {
        const Response page = m_api->get("/api/v1/pods?limit=4" +
                                         (token.isEmpty() ? QString() : "&continue=" + token));
        QCOMPARE(page.status, 200);
        const QJsonObject meta = page.json()["metadata"].toObject();
        if (rv < 0)
            rv = meta["resourceVersion"].toString().toLongLong();
        QCOMPARE(meta["resourceVersion"].toString().toLongLong(),
                 rv); // one snapshot for every page
        QVERIFY(page.items().size() <= 4);
        for (const QJsonValue &v : page.items())
            seen << v.toObject()["metadata"].toObject()["namespace"].toString() + "/" +
                        nameOf(v.toObject());
        token = meta["continue"].toString();
        if (!token.isEmpty())
            QCOMPARE(meta["remainingItemCount"].toInteger(), qint64(expected.size() - seen.size()));
        // The world moves on between pages; the list does not.
        m_sim->modifyPods(3);
        if (pages == 1)
            QCOMPARE(
                m_api->del("/api/v1/namespaces/database/pods/redis-0?gracePeriodSeconds=0").status,
                200);
        ++pages;
    } while (!token.isEmpty());
    QVERIFY(m_sim->resourceVersion() > rv);
    QCOMPARE(pages, int((expected.size() + 3) / 4));
    QCOMPARE(seen, expected);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
    // A token that is not one is refused.
    QCOMPARE(m_api->get("/api/v1/pods?limit=4&continue=bogus").status, 400);
}

void TestDemoLab::watchReplaysAndResumes()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments";
    const qint64 rv0 = rvOf(m_api->get(path + "/shlink").json());

    Stream first(
        *m_api,
        path +
            QString("?watch=1&resourceVersion=%1&fieldSelector=metadata.name%3Dshlink").arg(rv0));
    QTRY_COMPARE(first.status(), 200);
    const Response scaled =
        m_api->patch(path + "/shlink/scale", R"({"spec":{"replicas":2}})", kMerge);
    QCOMPARE(scaled.status, 200);
    QJsonObject modified;
    QTRY_VERIFY((modified = first.find("MODIFIED", [](const QJsonObject &o) {
                    return o["spec"].toObject()["replicas"].toInt() == 2;
                })).size() > 0);
    const QJsonObject object = modified["object"].toObject();
    QCOMPARE(object["kind"].toString(), QStringLiteral("Deployment"));
    QCOMPARE(object["apiVersion"].toString(), QStringLiteral("apps/v1"));
    const qint64 rvScaled = rvOf(object);
    QVERIFY(rvScaled > rv0);
    // The controller finishes the scale: readiness shows up in later events.
    QTRY_VERIFY(!first
                     .find("MODIFIED",
                           [](const QJsonObject &o) {
                               return o["status"].toObject()["readyReplicas"].toInt() == 2;
                           })
                     .isEmpty());
    qint64 last = 0;
    for (const QJsonObject &e : first.events()) {
        QVERIFY(rvOf(e["object"].toObject()) > last); // in order, no repeats
        last = rvOf(e["object"].toObject());
        QCOMPARE(nameOf(e["object"].toObject()), QStringLiteral("shlink"));
    }

    // Resuming from the scale's RV replays only what came after it.
    Stream resumed(*m_api, path + QString("?watch=true&resourceVersion=%1").arg(rvScaled));
    QTRY_VERIFY(!resumed
                     .find("MODIFIED",
                           [](const QJsonObject &o) {
                               return o["status"].toObject()["readyReplicas"].toInt() == 2;
                           })
                     .isEmpty());
    for (const QJsonObject &e : resumed.events())
        QVERIFY(rvOf(e["object"].toObject()) > rvScaled);

    // From the start again: history replays the scale itself.
    Stream replay(*m_api, path + QString("?watch=1&resourceVersion=%1").arg(rv0));
    QTRY_VERIFY(!replay.find("MODIFIED", [&](const QJsonObject &o) { return rvOf(o) == rvScaled; })
                     .isEmpty());

    // Without a resourceVersion the watch starts with the current state.
    Stream fresh(*m_api, "/api/v1/namespaces/database/pods?watch=1");
    QTRY_COMPARE(fresh.events().size(), 2);
    QCOMPARE(fresh.events().first()["type"].toString(), QStringLiteral("ADDED"));
}

void TestDemoLab::watchBookmarksAndTimeout()
{
    const qint64 rv = m_sim->resourceVersion();
    QElapsedTimer timer;
    timer.start();
    Stream w(
        *m_api,
        QString("/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=%1")
            .arg(rv));
    QTRY_VERIFY(!w.find("BOOKMARK", [](const QJsonObject &) { return true; }).isEmpty());
    const QJsonObject bookmark =
        w.find("BOOKMARK", [](const QJsonObject &) { return true; })["object"].toObject();
    QCOMPARE(bookmark["kind"].toString(), QStringLiteral("Pod"));
    QVERIFY(rvOf(bookmark) >= rv);
    QTRY_VERIFY_WITH_TIMEOUT(w.finished(), 5000);
    QVERIFY(timer.elapsed() >= 900);
}

void TestDemoLab::compactedHistoryExpires()
{
    const qint64 old = m_sim->resourceVersion();
    const Response firstPage = m_api->get("/api/v1/pods?limit=2");
    const QString token = firstPage.json()["metadata"].toObject()["continue"].toString();
    QVERIFY(!token.isEmpty());
    m_sim->modifyPods(5);
    m_sim->compactHistory();

    Stream expired(*m_api, QString("/api/v1/pods?watch=1&resourceVersion=%1").arg(old));
    QTRY_VERIFY(expired.finished());
    QCOMPARE(expired.status(), 200);
    QCOMPARE(expired.events().size(), 1);
    const QJsonObject e = expired.events().first();
    QCOMPARE(e["type"].toString(), QStringLiteral("ERROR"));
    const QJsonObject status = e["object"].toObject();
    QCOMPARE(status["kind"].toString(), QStringLiteral("Status"));
    QCOMPARE(status["code"].toInt(), 410);
    QCOMPARE(status["reason"].toString(), QStringLiteral("Expired"));
    QVERIFY(status["message"].toString().startsWith("too old resource version: "));

    const Response stale = m_api->get("/api/v1/pods?limit=2&continue=" + token);
    QCOMPARE(stale.status, 410);
    QCOMPARE(stale.json()["reason"].toString(), QStringLiteral("Expired"));

    // A resourceVersion from the future (a client that talked to an earlier
    // run) gets the watch cache's "too large" error, as an event and on lists.
    const qint64 future = m_sim->resourceVersion() + 1000;
    Stream ahead(*m_api, QString("/api/v1/pods?watch=1&resourceVersion=%1").arg(future));
    QTRY_VERIFY(ahead.finished());
    QCOMPARE(ahead.events().size(), 1);
    QCOMPARE(ahead.events().first()["object"].toObject()["code"].toInt(), 504);
    QCOMPARE(ahead.events()
                 .first()["object"]
                 .toObject()["details"]
                 .toObject()["causes"]
                 .toArray()
                 .first()
                 .toObject()["reason"]
                 .toString(),
             QStringLiteral("ResourceVersionTooLarge"));
    const Response listAhead = m_api->get(QString("/api/v1/pods?resourceVersion=%1").arg(future));
    QCOMPARE(listAhead.status, 504);
    QCOMPARE(listAhead.headers.value("retry-after"), QByteArray("1"));

    // A watch from now is fine and sees what happens next.
    Stream current(
        *m_api, QString("/api/v1/pods?watch=1&resourceVersion=%1").arg(m_sim->resourceVersion()));
    QTRY_COMPARE(current.status(), 200);
    m_sim->modifyPods(1);
    QTRY_COMPARE(current.events().size(), 1);
    QCOMPARE(current.events().first()["type"].toString(), QStringLiteral("MODIFIED"));
}

void TestDemoLab::injectedFailures()
{
    m_sim->injectFailures(1, 500);
    const Response failed = m_api->get("/api/v1/nodes");
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.json()["reason"].toString(), QStringLiteral("InternalError"));
    QCOMPARE(failed.json()["kind"].toString(), QStringLiteral("Status"));
    QCOMPARE(m_api->get("/api/v1/nodes").status, 200);

    m_sim->injectFailures(2, 429, 3, "/api/v1/pods");
    QCOMPARE(m_api->get("/api/v1/nodes").status, 200); // another path: not counted
    for (int i = 0; i < 2; ++i) {
        const Response limited = m_api->get("/api/v1/pods");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.headers.value("retry-after"), QByteArray("3"));
        QCOMPARE(limited.json()["reason"].toString(), QStringLiteral("TooManyRequests"));
        QCOMPARE(limited.json()["details"].toObject()["retryAfterSeconds"].toInt(), 3);
    }
    QCOMPARE(m_api->get("/api/v1/pods").status, 200);
}

void TestDemoLab::restartRollsPods()
{
    const Response before =
        m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana");
    QCOMPARE(before.items().size(), 1);
    const QString oldPod = nameOf(before.items().first().toObject());
    Stream pods(*m_api, QString("/api/v1/namespaces/monitoring/"
                                "pods?watch=1&labelSelector=app%3Dgrafana&resourceVersion=%1")
                            .arg(rvOf(before.json())));
    QTRY_COMPARE(pods.status(), 200);

    const QByteArray patch =
        R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-08-22T14:03:07+02:00"}}}}})";
    const Response r = m_api->patch(
        "/apis/apps/v1/namespaces/monitoring/deployments/grafana?fieldManager=kubectl-rollout",
        patch, kStrategic);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["metadata"].toObject()["generation"].toInt(), 2);
    QCOMPARE(r.json()["spec"]
                 .toObject()["template"]
                 .toObject()["metadata"]
                 .toObject()["annotations"]
                 .toObject()["kubectl.kubernetes.io/restartedAt"]
                 .toString(),
             QStringLiteral("2026-08-22T14:03:07+02:00"));
    bool managed = false;
    for (const QJsonValue &m : r.json()["metadata"].toObject()["managedFields"].toArray()) {
        const QJsonObject e = m.toObject();
        if (e["manager"] == "kubectl-rollout" && e["operation"] == "Update")
            managed = QJsonDocument(e["fieldsV1"].toObject())
                          .toJson()
                          .contains("f:kubectl.kubernetes.io/restartedAt");
    }
    QVERIFY(managed);

    // New pod appears, turns Ready, then the old one goes.
    QTRY_VERIFY(
        !pods.find("DELETED", [&](const QJsonObject &o) { return nameOf(o) == oldPod; }).isEmpty());
    int addedAt = -1, readyAt = -1, deletedAt = -1;
    QString newPod;
    const QList<QJsonObject> events = pods.events();
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject o = events[i]["object"].toObject();
        const QString type = events[i]["type"].toString();
        if (type == "ADDED" && nameOf(o) != oldPod && addedAt < 0) {
            addedAt = i;
            newPod = nameOf(o);
            QCOMPARE(o["status"].toObject()["phase"].toString(), QStringLiteral("Pending"));
        }
        if (type == "MODIFIED" && nameOf(o) == newPod && isReady(o) && readyAt < 0)
            readyAt = i;
        if (type == "MODIFIED" && nameOf(o) == oldPod &&
            !o["metadata"].toObject()["deletionTimestamp"].toString().isEmpty() && deletedAt < 0)
            deletedAt = i; // Terminating
    }
    QVERIFY(addedAt >= 0);
    QVERIFY(readyAt > addedAt);
    QVERIFY(deletedAt > readyAt);
    QVERIFY(!pods.find("MODIFIED",
                       [&](const QJsonObject &o) {
                           const auto statuses =
                               o["status"].toObject()["containerStatuses"].toArray();
                           return nameOf(o) == newPod && !statuses.isEmpty() &&
                                  statuses.first()
                                          .toObject()["state"]
                                          .toObject()["waiting"]
                                          .toObject()["reason"]
                                          .toString() == "ContainerCreating";
                       })
                 .isEmpty());

    QTRY_VERIFY([&] {
        const QJsonObject d =
            m_api->get("/apis/apps/v1/namespaces/monitoring/deployments/grafana").json();
        const QJsonObject s = d["status"].toObject();
        return s["observedGeneration"].toInt() == 2 && s["updatedReplicas"].toInt() == 1 &&
               s["replicas"].toInt() == 1 && s["readyReplicas"].toInt() == 1 &&
               s["availableReplicas"].toInt() == 1;
    }());
    const QJsonArray sets =
        m_api->get("/apis/apps/v1/namespaces/monitoring/replicasets?labelSelector=app%3Dgrafana")
            .items();
    QCOMPARE(sets.size(), 2);
    const Response after =
        m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana");
    QCOMPARE(after.items().size(), 1);
    QCOMPARE(nameOf(after.items().first().toObject()), newPod);
    QCOMPARE(after.items()
                 .first()
                 .toObject()["metadata"]
                 .toObject()["annotations"]
                 .toObject()["kubectl.kubernetes.io/restartedAt"]
                 .toString(),
             QStringLiteral("2026-08-22T14:03:07+02:00"));
    // Events tell the story.
    QSet<QString> reasons;
    for (const QJsonValue &v : m_api->get("/api/v1/namespaces/monitoring/events").items())
        reasons.insert(v.toObject()["reason"].toString());
    QVERIFY(reasons.contains("ScalingReplicaSet"));
    QVERIFY(reasons.contains("Killing"));
    QVERIFY(reasons.contains("SuccessfulCreate"));
}

void TestDemoLab::scaleSubresource()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments/shlink/scale";
    const Response scale = m_api->get(path);
    QCOMPARE(scale.status, 200);
    QCOMPARE(scale.json()["kind"].toString(), QStringLiteral("Scale"));
    QCOMPARE(scale.json()["apiVersion"].toString(), QStringLiteral("autoscaling/v1"));
    QCOMPARE(scale.json()["spec"].toObject()["replicas"].toInt(), 1);
    QCOMPARE(scale.json()["status"].toObject()["replicas"].toInt(), 1);
    QCOMPARE(scale.json()["status"].toObject()["selector"].toString(),
             QStringLiteral("app=shlink"));

    const Response patched = m_api->patch(path, R"({"spec":{"replicas":3}})", kMerge);
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json()["spec"].toObject()["replicas"].toInt(), 3);
    QTRY_COMPARE(m_api->get("/apis/apps/v1/namespaces/apps/deployments/shlink")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 3);
    QCOMPARE(m_api->get("/api/v1/namespaces/apps/pods?labelSelector=app%3Dshlink").items().size(),
             3);

    // PUT with a stale resourceVersion: the optimistic-concurrency 409.
    QJsonObject stale = scale.json();
    QJsonObject spec = stale["spec"].toObject();
    spec["replicas"] = 1;
    stale["spec"] = spec;
    const Response conflict = m_api->put(path, stale);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.json()["reason"].toString(), QStringLiteral("Conflict"));
    QCOMPARE(
        conflict.json()["message"].toString(),
        QStringLiteral(
            "Operation cannot be fulfilled on deployments.apps \"shlink\": the object has been "
            "modified; please apply your changes to the latest version and try again"));
    QCOMPARE(conflict.json()["details"].toObject()["kind"].toString(),
             QStringLiteral("deployments"));

    QJsonObject fresh = m_api->get(path).json();
    QJsonObject freshSpec = fresh["spec"].toObject();
    freshSpec["replicas"] = 1;
    fresh["spec"] = freshSpec;
    QCOMPARE(m_api->put(path, fresh).status, 200);
    QTRY_COMPARE(
        m_api->get("/api/v1/namespaces/apps/pods?labelSelector=app%3Dshlink").items().size(), 1);
    QCOMPARE(m_api->patch(path, R"({"spec":{"replicas":-1}})", kMerge).status, 422);
}

void TestDemoLab::statefulSetScalesByOrdinal()
{
    const QString path = "/apis/apps/v1/namespaces/monitoring/statefulsets/loki";
    QCOMPARE(m_api->patch(path + "/scale", R"({"spec":{"replicas":3}})", kMerge).status, 200);
    QTRY_COMPARE(m_api->get(path).json()["status"].toObject()["readyReplicas"].toInt(), 3);
    QStringList names;
    for (const QJsonValue &v :
         m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki").items())
        names << nameOf(v.toObject());
    names.sort();
    QCOMPARE(names, (QStringList{"loki-0", "loki-1", "loki-2"}));
    QCOMPARE(m_api->patch(path + "/scale", R"({"spec":{"replicas":1}})", kMerge).status, 200);
    QTRY_COMPARE(
        m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki").items().size(),
        1);
    QCOMPARE(nameOf(m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki")
                        .items()
                        .first()
                        .toObject()),
             QStringLiteral("loki-0"));
}

void TestDemoLab::deletedPodIsRecreated()
{
    const QJsonObject pod =
        m_api->get("/api/v1/namespaces/registry/pods?labelSelector=app%3Dregistry")
            .items()
            .first()
            .toObject();
    const QString name = nameOf(pod);
    Stream w(*m_api, QString("/api/v1/namespaces/registry/pods?watch=1&resourceVersion=%1")
                         .arg(m_sim->resourceVersion()));
    QTRY_COMPARE(w.status(), 200);
    const Response deleted = m_api->del("/api/v1/namespaces/registry/pods/" + name);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json()["kind"].toString(), QStringLiteral("Pod"));
    QVERIFY(!deleted.json()["metadata"].toObject()["deletionTimestamp"].toString().isEmpty());
    QTRY_VERIFY(
        !w.find("DELETED", [&](const QJsonObject &o) { return nameOf(o) == name; }).isEmpty());
    QTRY_VERIFY([&] {
        const QJsonArray pods = m_api->get("/api/v1/namespaces/registry/pods").items();
        return pods.size() == 1 && nameOf(pods.first().toObject()) != name &&
               isReady(pods.first().toObject());
    }());
    QCOMPARE(m_api->get("/api/v1/namespaces/registry/pods/" + name).status, 404);

    // A StatefulSet pod comes back under the same name, as a new object.
    const QString oldUid = m_api->get("/api/v1/namespaces/database/pods/redis-0")
                               .json()["metadata"]
                               .toObject()["uid"]
                               .toString();
    QCOMPARE(m_api->del("/api/v1/namespaces/database/pods/redis-0").status, 200);
    QTRY_VERIFY([&] {
        const QJsonObject p = m_api->get("/api/v1/namespaces/database/pods/redis-0").json();
        return p["metadata"].toObject()["uid"].toString() != oldUid && isReady(p);
    }());
}

void TestDemoLab::deleteDeploymentCollectsGarbage()
{
    const Response r = m_api->del("/apis/apps/v1/namespaces/devops/deployments/docmost");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["status"].toString(), QStringLiteral("Success"));
    QCOMPARE(m_api->get("/apis/apps/v1/namespaces/devops/deployments/docmost").status, 404);
    QTRY_COMPARE(m_api->get("/apis/apps/v1/namespaces/devops/replicasets").items().size(), 0);
    QTRY_COMPARE(m_api->get("/api/v1/namespaces/devops/pods").items().size(), 0);
}

void TestDemoLab::cordonKeepsNewPodsPending()
{
    const Response cordon =
        m_api->patch("/api/v1/nodes/bracky", R"({"spec":{"unschedulable":true}})", kStrategic);
    QCOMPARE(cordon.status, 200);
    QVERIFY(cordon.json()["spec"].toObject()["unschedulable"].toBool());
    QTRY_VERIFY([&] {
        for (const QJsonValue &t :
             m_api->get("/api/v1/nodes/bracky").json()["spec"].toObject()["taints"].toArray()) {
            if (t.toObject()["key"] == "node.kubernetes.io/unschedulable")
                return true;
        }
        return false;
    }());
    QCOMPARE(m_api
                 ->patch("/apis/apps/v1/namespaces/apps/deployments/shlink/scale",
                         R"({"spec":{"replicas":2}})", kMerge)
                 .status,
             200);
    QJsonObject pending;
    QTRY_VERIFY([&] {
        for (const QJsonValue &v :
             m_api->get("/api/v1/namespaces/apps/pods?labelSelector=app%3Dshlink").items()) {
            const QJsonObject conditions = v.toObject()["status"].toObject();
            for (const QJsonValue &c : conditions["conditions"].toArray()) {
                if (c.toObject()["type"] == "PodScheduled" && c.toObject()["status"] == "False") {
                    pending = v.toObject();
                    return true;
                }
            }
        }
        return false;
    }());
    QCOMPARE(pending["status"].toObject()["phase"].toString(), QStringLiteral("Pending"));
    QVERIFY(pending["spec"].toObject()["nodeName"].toString().isEmpty());
    const QJsonObject condition =
        pending["status"].toObject()["conditions"].toArray().first().toObject();
    QCOMPARE(condition["reason"].toString(), QStringLiteral("Unschedulable"));
    QVERIFY(condition["message"].toString().contains("1 node(s) were unschedulable"));
    bool failedScheduling = false;
    for (const QJsonValue &v :
         m_api->get("/api/v1/namespaces/apps/events?fieldSelector=reason%3DFailedScheduling")
             .items())
        failedScheduling = failedScheduling ||
                           v.toObject()["involvedObject"].toObject()["name"] == nameOf(pending);
    QVERIFY(failedScheduling);
    // Other nodes still take their own pods (DaemonSets tolerate cordons; metamon is untouched).
    QTRY_COMPARE(m_api->get("/apis/apps/v1/namespaces/apps/deployments/shlink")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 1);

    QCOMPARE(
        m_api->patch("/api/v1/nodes/bracky", R"({"spec":{"unschedulable":null}})", kMerge).status,
        200);
    QTRY_VERIFY(isReady(m_api->get("/api/v1/namespaces/apps/pods/" + nameOf(pending)).json()));
    QCOMPARE(m_api->get("/api/v1/namespaces/apps/pods/" + nameOf(pending))
                 .json()["spec"]
                 .toObject()["nodeName"]
                 .toString(),
             QStringLiteral("bracky"));
    QTRY_VERIFY(
        m_api->get("/api/v1/nodes/bracky").json()["spec"].toObject()["taints"].toArray().isEmpty());
}

void TestDemoLab::serverSideApply()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments/wizard-app";
    const QByteArray yaml = fixture("demolab/wizard-app.yaml");
    QVERIFY(!yaml.isEmpty());

    const Response noManager = m_api->patch(path, yaml, kApply);
    QCOMPARE(noManager.status, 422);
    QVERIFY(noManager.json()["message"].toString().contains("fieldManager"));

    const Response created = m_api->patch(path + "?fieldManager=labdeck-wizard", yaml, kApply);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json()["kind"].toString(), QStringLiteral("Deployment"));
    const QJsonArray managed = created.json()["metadata"].toObject()["managedFields"].toArray();
    QCOMPARE(managed.size(), 1);
    QCOMPARE(managed.first().toObject()["manager"].toString(), QStringLiteral("labdeck-wizard"));
    QCOMPARE(managed.first().toObject()["operation"].toString(), QStringLiteral("Apply"));
    QVERIFY(managed.first().toObject()["fieldsV1"].toObject()["f:spec"].toObject().contains(
        "f:replicas"));
    QTRY_COMPARE(m_api->get(path).json()["status"].toObject()["readyReplicas"].toInt(), 1);
    QTRY_VERIFY(m_api->get(path).json()["status"].toObject()["conditions"].toArray().size() == 2);

    // Applying the same thing again changes nothing, once the rollout is
    // complete (the controllers then write no more status).
    const auto rolledOut = [&] {
        const QJsonObject status = m_api->get(path).json()["status"].toObject();
        for (const QJsonValue &c : status["conditions"].toArray()) {
            if (c["type"].toString() == QLatin1String("Progressing"))
                return c["reason"].toString() == QLatin1String("NewReplicaSetAvailable") &&
                       status["availableReplicas"].toInt() == 1;
        }
        return false;
    };
    QTRY_VERIFY(rolledOut());
    const qint64 settled = rvOf(m_api->get(path).json());
    const Response again = m_api->patch(path + "?fieldManager=labdeck-wizard", yaml, kApply);
    QCOMPARE(again.status, 200);
    QCOMPARE(rvOf(again.json()), settled);

    // Dry run: the answer shows the change, the object does not get it.
    QByteArray four = yaml;
    four.replace("replicas: 1", "replicas: 4");
    const Response dry =
        m_api->patch(path + "?fieldManager=labdeck-wizard&dryRun=All", four, kApply);
    QCOMPARE(dry.status, 200);
    QCOMPARE(dry.json()["spec"].toObject()["replicas"].toInt(), 4);
    QCOMPARE(m_api->get(path).json()["spec"].toObject()["replicas"].toInt(), 1);
    QCOMPARE(rvOf(m_api->get(path).json()), settled);

    // Someone else scales it with an update; our apply with another value conflicts.
    QCOMPARE(m_api->patch(path + "?fieldManager=mgr", R"({"spec":{"replicas":3}})", kMerge).status,
             200);
    QByteArray two = yaml;
    two.replace("replicas: 1", "replicas: 2");
    const Response conflict = m_api->patch(path + "?fieldManager=labdeck-wizard", two, kApply);
    QCOMPARE(conflict.status, 409);
    const QJsonObject s = conflict.json();
    QCOMPARE(s["kind"].toString(), QStringLiteral("Status"));
    QCOMPARE(s["reason"].toString(), QStringLiteral("Conflict"));
    QCOMPARE(s["code"].toInt(), 409);
    QCOMPARE(
        s["message"].toString(),
        QStringLiteral(
            "Apply failed with 1 conflict: conflict with \"mgr\" using apps/v1: .spec.replicas"));
    const QJsonArray causes = s["details"].toObject()["causes"].toArray();
    QCOMPARE(causes.size(), 1);
    QCOMPARE(causes.first().toObject()["reason"].toString(),
             QStringLiteral("FieldManagerConflict"));
    QCOMPARE(causes.first().toObject()["message"].toString(),
             QStringLiteral("conflict with \"mgr\" using apps/v1"));
    QCOMPARE(causes.first().toObject()["field"].toString(), QStringLiteral(".spec.replicas"));
    QCOMPARE(m_api->get(path).json()["spec"].toObject()["replicas"].toInt(), 3);

    // Applying the live value shares ownership without a conflict.
    QByteArray three = yaml;
    three.replace("replicas: 1", "replicas: 3");
    QCOMPARE(m_api->patch(path + "?fieldManager=labdeck-wizard", three, kApply).status, 200);

    // Force takes the field over.
    const Response forced =
        m_api->patch(path + "?fieldManager=labdeck-wizard&force=true", two, kApply);
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.json()["spec"].toObject()["replicas"].toInt(), 2);
    for (const QJsonValue &m : forced.json()["metadata"].toObject()["managedFields"].toArray()) {
        const QJsonObject e = m.toObject();
        if (e["manager"] == "mgr")
            QVERIFY(!e["fieldsV1"].toObject()["f:spec"].toObject().contains("f:replicas"));
    }
    QTRY_COMPARE(m_api->get(path).json()["status"].toObject()["readyReplicas"].toInt(), 2);

    // Two applying managers: the conflict names the apply manager without "using".
    QByteArray other = yaml;
    other.replace("replicas: 1", "replicas: 5");
    const Response second = m_api->patch(path + "?fieldManager=other-wizard", other, kApply);
    QCOMPARE(second.status, 409);
    QCOMPARE(second.json()["message"].toString(),
             QStringLiteral(
                 "Apply failed with 1 conflict: conflict with \"labdeck-wizard\": .spec.replicas"));

    // A field the manager stops applying goes away.
    QByteArray noSelector = yaml;
    noSelector.replace("      nodeSelector:\n        role: apps\n", "");
    QVERIFY(noSelector != yaml);
    const Response dropped =
        m_api->patch(path + "?fieldManager=labdeck-wizard&force=true", noSelector, kApply);
    QCOMPARE(dropped.status, 200);
    QVERIFY(!dropped.json()["spec"].toObject()["template"].toObject()["spec"].toObject().contains(
        "nodeSelector"));
}

void TestDemoLab::createValidationAndConflicts()
{
    QJsonObject deployment = QJsonDocument::fromJson(R"({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "bad"},
        "spec": {"selector": {"matchLabels": {"app": "one"}},
                 "template": {"metadata": {"labels": {"app": "two"}},
                              "spec": {"containers": [{"name": "c", "image": "busybox:1.36"}]}}}})")
                                 .object();
    const Response invalid = m_api->post("/apis/apps/v1/namespaces/apps/deployments", deployment);
    QCOMPARE(invalid.status, 422);
    QCOMPARE(invalid.json()["reason"].toString(), QStringLiteral("Invalid"));
    QVERIFY(invalid.json()["message"].toString().startsWith(
        "Deployment.apps \"bad\" is invalid: spec.template.metadata.labels: Invalid value"));
    QCOMPARE(invalid.json()["details"].toObject()["kind"].toString(), QStringLiteral("Deployment"));
    QCOMPARE(invalid.json()["details"]
                 .toObject()["causes"]
                 .toArray()
                 .first()
                 .toObject()["field"]
                 .toString(),
             QStringLiteral("spec.template.metadata.labels"));

    QCOMPARE(m_api->post("/apis/apps/v1/namespaces/nope/deployments", deployment)
                 .json()["message"]
                 .toString(),
             QStringLiteral("namespaces \"nope\" not found"));

    // A good one, then the same name again.
    QJsonObject tpl = deployment["spec"].toObject()["template"].toObject();
    QJsonObject tplMeta = tpl["metadata"].toObject();
    tplMeta["labels"] = QJsonObject{{"app", "one"}};
    tpl["metadata"] = tplMeta;
    QJsonObject spec = deployment["spec"].toObject();
    spec["template"] = tpl;
    deployment["spec"] = spec;
    const Response created = m_api->post("/apis/apps/v1/namespaces/apps/deployments", deployment);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json()["spec"].toObject()["replicas"].toInt(), 1); // defaulted
    QCOMPARE(created.json()["spec"].toObject()["strategy"].toObject()["type"].toString(),
             QStringLiteral("RollingUpdate"));
    const Response dup = m_api->post("/apis/apps/v1/namespaces/apps/deployments", deployment);
    QCOMPARE(dup.status, 409);
    QCOMPARE(dup.json()["reason"].toString(), QStringLiteral("AlreadyExists"));
    QCOMPARE(dup.json()["message"].toString(),
             QStringLiteral("deployments.apps \"bad\" already exists"));

    // PUT with the old resourceVersion after a change.
    const QJsonObject current = m_api->get("/apis/apps/v1/namespaces/apps/deployments/bad").json();
    QCOMPARE(m_api
                 ->patch("/apis/apps/v1/namespaces/apps/deployments/bad",
                         R"({"metadata":{"labels":{"x":"y"}}})", kMerge)
                 .status,
             200);
    const Response stale = m_api->put("/apis/apps/v1/namespaces/apps/deployments/bad", current);
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json()["message"].toString(),
             QStringLiteral("Operation cannot be fulfilled on deployments.apps \"bad\": the object "
                            "has been modified; "
                            "please apply your changes to the latest version and try again"));
    // JSON patch and a bad content type.
    QCOMPARE(m_api
                 ->patch("/apis/apps/v1/namespaces/apps/deployments/bad",
                         R"([{"op":"replace","path":"/spec/replicas","value":2}])",
                         "application/json-patch+json")
                 .json()["spec"]
                 .toObject()["replicas"]
                 .toInt(),
             2);
    QCOMPARE(
        m_api->patch("/apis/apps/v1/namespaces/apps/deployments/bad", "{}", "text/plain").status,
        415);
    // A Service on a taken node port.
    const QJsonObject service =
        QJsonDocument::fromJson(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"clash"},
        "spec":{"type":"NodePort","selector":{"app":"x"},"ports":[{"port":80,"nodePort":30300}]}})")
            .object();
    const Response clash = m_api->post("/api/v1/namespaces/apps/services", service);
    QCOMPARE(clash.status, 422);
    QVERIFY(clash.json()["message"].toString().contains("provided port is already allocated"));
}

void TestDemoLab::logs()
{
    const QString grafana =
        nameOf(m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana")
                   .items()
                   .first()
                   .toObject());
    const QString base = "/api/v1/namespaces/monitoring/pods/" + grafana + "/log";
    const Response noContainer = m_api->get(base);
    QCOMPARE(noContainer.status, 400);
    QCOMPARE(noContainer.json()["reason"].toString(), QStringLiteral("BadRequest"));
    QCOMPARE(noContainer.json()["message"].toString(),
             QString("a container name must be specified for pod %1, choose one of: [grafana "
                     "grafana-sc-dashboard]")
                 .arg(grafana));

    const Response tail = m_api->get(base + "?container=grafana&tailLines=5", "*/*");
    QCOMPARE(tail.status, 200);
    QVERIFY(tail.headers.value("content-type").startsWith("text/plain"));
    const QList<QByteArray> lines = tail.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.first().startsWith("logger="));

    const Response stamped =
        m_api->get(base + "?container=grafana-sc-dashboard&tailLines=3&timestamps=true", "*/*");
    const QList<QByteArray> stampedLines = stamped.body.trimmed().split('\n');
    QCOMPARE(stampedLines.size(), 3);
    static const QRegularExpression rfc3339(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z )");
    for (const QByteArray &l : stampedLines)
        QVERIFY2(rfc3339.match(QString::fromUtf8(l)).hasMatch(), l.constData());

    const Response all = m_api->get(base + "?container=grafana", "*/*");
    QVERIFY(all.body.split('\n').size() > 20);
    // One container: no name needed.
    const QString shlink =
        nameOf(m_api->get("/api/v1/namespaces/apps/pods?labelSelector=app%3Dshlink")
                   .items()
                   .first()
                   .toObject());
    const Response single =
        m_api->get("/api/v1/namespaces/apps/pods/" + shlink + "/log?tailLines=2", "*/*");
    QCOMPARE(single.status, 200);
    QVERIFY(single.body.contains("Access.INFO"));
    QCOMPARE(m_api->get(base + "?container=nope").status, 400);
    QCOMPARE(m_api->get("/api/v1/namespaces/monitoring/pods/nope/log").status, 404);
}

void TestDemoLab::logsFollow()
{
    const QString postgres =
        "/api/v1/namespaces/database/pods/postgresql-0/log?follow=true&tailLines=1";
    Stream follow(*m_api, postgres);
    QTRY_COMPARE(follow.lines().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(follow.lines().size() >= 3, 5000);
    QVERIFY(follow.lines().last().contains("UTC ["));
    QVERIFY(!follow.finished());
    // Deleting the pod ends the stream.
    QCOMPARE(
        m_api->del("/api/v1/namespaces/database/pods/postgresql-0?gracePeriodSeconds=0").status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(follow.finished(), 5000);
}

void TestDemoLab::kubeconfig()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("config");
    QString error;
    QVERIFY2(m_sim->writeKubeconfig(path, &error), qPrintable(error));
    const QByteArray text = readFile(path);
    QVERIFY(text.contains("server: \"" + m_sim->url().toString().toUtf8() + "\""));
    QVERIFY(text.contains(m_sim->bearerToken().toUtf8()));
    QVERIFY(text.contains("current-context: labdeck-demo"));
    QVERIFY(text.contains("namespace: default"));
    QVERIFY(!text.contains("certificate-authority-data"));
    QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    KubeSimulator notListening(m_lab);
    QVERIFY(!notListening.writeKubeconfig(dir.filePath("other"), &error));
    QVERIFY(!error.isEmpty());
}

void TestDemoLab::httpsWithClientCertificates()
{
    if (QStandardPaths::findExecutable("openssl").isEmpty())
        QSKIP("openssl is not installed; it makes the test CA");
    QTemporaryDir dir;
    Pki pki;
    QString error;
    QVERIFY2(makePki(dir.path(), &pki, &error), qPrintable(error));

    KubeSimulator secure(m_lab);
    KubeSimulator::Tls tls;
    tls.certificate = pki.server;
    tls.key = pki.serverKey;
    tls.caCertificates = {pki.ca};
    tls.requireClientCertificate = true;
    QVERIFY(secure.listenTls(tls));
    QCOMPARE(secure.url().scheme(), QStringLiteral("https"));

    QSslConfiguration trusted = QSslConfiguration::defaultConfiguration();
    trusted.setCaCertificates({pki.ca});
    trusted.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QSslConfiguration withCert = trusted;
    withCert.setLocalCertificate(pki.client);
    withCert.setPrivateKey(pki.clientKey);

    // The right client certificate is enough; no token needed.
    Client good(secure.url(), QString());
    good.setSsl(withCert);
    const Response ok = good.get("/api/v1/nodes");
    QVERIFY2(ok.status == 200, qPrintable(QString::number(int(ok.error))));
    QCOMPARE(ok.items().size(), 3);

    // Without a certificate the handshake fails.
    Client noCert(secure.url(), secure.bearerToken());
    noCert.setSsl(trusted);
    const Response refused = noCert.get("/api/v1/nodes");
    QCOMPARE(refused.status, 0);
    QVERIFY(refused.error != QNetworkReply::NoError);

    // A client that trusts another CA refuses us.
    QSslConfiguration wrongCa = withCert;
    wrongCa.setCaCertificates({pki.otherCa});
    Client suspicious(secure.url(), secure.bearerToken());
    suspicious.setSsl(wrongCa);
    const Response untrusted = suspicious.get("/api/v1/nodes");
    QCOMPARE(untrusted.status, 0);
    QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);

    // Without client certificates required the token works, and the kubeconfig carries the CA.
    KubeSimulator tokenOnly(m_lab);
    KubeSimulator::Tls plainTls;
    plainTls.certificate = pki.server;
    plainTls.key = pki.serverKey;
    plainTls.caCertificates = {pki.ca};
    QVERIFY(tokenOnly.listenTls(plainTls));
    Client withToken(tokenOnly.url(), tokenOnly.bearerToken());
    withToken.setSsl(trusted);
    QCOMPARE(withToken.get("/api/v1/namespaces").status, 200);
    withToken.setToken("nope");
    QCOMPARE(withToken.get("/api/v1/namespaces").status, 401);
    QVERIFY(tokenOnly.writeKubeconfig(dir.filePath("kubeconfig")));
    QVERIFY(readFile(dir.filePath("kubeconfig"))
                .contains("certificate-authority-data: " + pki.ca.toPem().toBase64()));
}

void TestDemoLab::runsInItsOwnThread()
{
    QThread thread;
    auto *sim = new KubeSimulator(m_lab);
    sim->moveToThread(&thread);
    connect(&thread, &QThread::finished, sim, &QObject::deleteLater);
    thread.start();
    QSignalSpy served(sim, &KubeSimulator::requestServed);
    bool listening = false;
    QMetaObject::invokeMethod(
        sim, [&] { return sim->listen(); }, Qt::BlockingQueuedConnection, &listening);
    QVERIFY(listening);
    QMetaObject::invokeMethod(sim, [sim] { sim->setReadyDelay(30ms); });

    Client client(sim->url(), sim->bearerToken());
    QCOMPARE(client.get("/api/v1/nodes").items().size(), 3);
    // Controllers and timers run on the simulator's thread.
    QCOMPARE(client
                 .patch("/apis/apps/v1/namespaces/apps/deployments/shlink/scale",
                        R"({"spec":{"replicas":2}})", kMerge)
                 .status,
             200);
    QTRY_COMPARE(client.get("/apis/apps/v1/namespaces/apps/deployments/shlink")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 2);
    QVERIFY(sim->resourceVersion() > 0);
    QTRY_VERIFY(served.size() >= 3);
    QCOMPARE(served.first().at(1).toString(), QStringLiteral("/api/v1/nodes"));
    thread.quit();
    QVERIFY(thread.wait(5000));
}

void TestDemoLab::tenThousandPods()
{
    QElapsedTimer timer;
    timer.start();
    m_sim->addBulkPods(10000);
    const qint64 addMs = timer.restart();

    const Response all = m_api->get("/api/v1/pods");
    const qint64 listMs = timer.restart();
    QCOMPARE(all.status, 200);
    const QJsonArray items = all.items();
    QVERIFY(items.size() >= 10019);
    QSet<QString> nodes;
    for (const QJsonValue &v : items) {
        if (v.toObject()["metadata"].toObject()["namespace"] == "bulk")
            nodes.insert(v.toObject()["spec"].toObject()["nodeName"].toString());
    }
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(m_api->get("/api/v1/namespaces/bulk/pods?labelSelector=labdeck.io/shard%3D7")
                 .items()
                 .size(),
             1000);

    // Paged like client-go's pager.
    int paged = 0;
    QString token;
    do {
        const Response page = m_api->get("/api/v1/pods?limit=500" +
                                         (token.isEmpty() ? QString() : "&continue=" + token));
        paged += page.items().size();
        token = page.json()["metadata"].toObject()["continue"].toString();
    } while (!token.isEmpty());
    QCOMPARE(paged, items.size());
    const qint64 pagedMs = timer.restart();

    // A watch keeps up with a burst of changes, even one longer than the
    // event history (20,000): events a live watch still has to send stay.
    const qint64 beforeBurst = m_sim->resourceVersion();
    Stream w(*m_api,
             QString("/api/v1/namespaces/bulk/pods?watch=1&resourceVersion=%1").arg(beforeBurst));
    QTRY_COMPARE(w.status(), 200);
    timer.restart();
    m_sim->modifyPods(21000);
    const qint64 modifyMs = timer.restart();
    QTRY_COMPARE_WITH_TIMEOUT(w.lines().size(), 21000, 60000);
    const qint64 watchMs = timer.restart();
    QCOMPARE(w.events().last()["type"].toString(), QStringLiteral("MODIFIED"));
    QCOMPARE(rvOf(w.events().last()["object"].toObject()), m_sim->resourceVersion());
    qInfo("10k pods: add %lld ms, full list %lld ms (%lld bytes), paged list %lld ms, 21000 "
          "modifications %lld ms, "
          "watch delivery %lld ms",
          addMs, listMs, qint64(all.body.size()), pagedMs, modifyMs, watchMs);
    // Once drained, the history is trimmed: a new watch from before the burst expires.
    m_sim->modifyPods(1);
    Stream late(
        *m_api,
        QString("/api/v1/namespaces/bulk/pods?watch=1&resourceVersion=%1").arg(beforeBurst));
    QTRY_VERIFY(late.finished());
    QCOMPARE(late.events().size(), 1);
    QCOMPARE(late.events().first()["object"].toObject()["code"].toInt(), 410);
    QVERIFY(listMs < 15000);
}

QTEST_GUILESS_MAIN(TestDemoLab)
#include "tst_demolab.moc"
