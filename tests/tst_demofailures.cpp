// The demo lab's "Simulate failure" switches: each puts the simulated lab
// into a state a real one gets into, with objects laid out as the real API
// objects (the fixtures of kubernetes-api), and undoes it. Read back over
// HTTP from the simulator on its own thread (as the app runs it), by the
// real kubectl where it is installed, and driven through Demo → Simulate
// failure offscreen.

#include "checks/check.h"
#include "demo/simulatemenu.h"
#include "demolab/demochecks.h"
#include "demolab/demotransport.h"
#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "support/simharness.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace labdeck;
using namespace labdeck::demolab;
using namespace std::chrono_literals;

namespace {

struct Response
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray items() const { return json().value("items").toArray(); }
};

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject conditionOf(const QJsonObject &o, const QString &type)
{
    for (const QJsonValue &c : o.value("status").toObject().value("conditions").toArray()) {
        if (c.toObject().value("type").toString() == type)
            return c.toObject();
    }
    return {};
}

QString nameOf(const QJsonObject &o)
{
    return o.value("metadata").toObject().value("name").toString();
}

QJsonObject firstContainerStatus(const QJsonObject &pod)
{
    return pod.value("status").toObject().value("containerStatuses").toArray().at(0).toObject();
}

QDateTime timeOf(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

QJsonObject expectedStatus(int code, const QString &reason, const QString &message,
                           const QJsonObject &details)
{
    return QJsonObject{{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", QJsonObject()},
                       {"status", "Failure"}, {"message", message}, {"reason", reason},
                       {"details", details},  {"code", code}};
}

} // namespace

class TestDemoFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void kubeletStopped();
    void daemonPodsStayOnAnUnreachableNode();
    void nodePressure_data();
    void nodePressure();
    void oomKilled();
    void badImage();
    void forbidden();
    void apiGroupAbsent();
    void maxPageSize();
    void certificateExpired();
    void tunnelOffline();
    void kubectlSeesFailures();
    void menuTogglesTheSimulator();

private:
    template<typename F> auto onSim(F f) { return m_harness->onSim(std::move(f)); }
    Response send(const QByteArray &verb, const QString &path, const QByteArray &body = {});
    Response get(const QString &path) { return send("GET", path); }
    QList<QJsonObject> pods(const QString &ns, const QString &selector);
    QList<QJsonObject> events(const QString &selector);
    Run kubectl(const QStringList &args);

    Inventory m_lab;
    std::unique_ptr<labdeck::test::SimHarness> m_harness;
    KubeSimulator *m_sim = nullptr;
    QUrl m_http;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    bool m_tls = false;
    QNetworkAccessManager m_nam;
};

void TestDemoFailures::initTestCase()
{
    const InventoryLoadResult lab = InventoryLoader::loadBuiltIn();
    QVERIFY2(lab.ok(), qPrintable(lab.errorText()));
    m_lab = *lab.inventory;
    QVERIFY(m_dir.isValid());
    m_harness = std::make_unique<labdeck::test::SimHarness>(m_lab);
    m_sim = m_harness->sim();
    onSim([this] {
        m_sim->setReadyDelay(60ms);
        m_sim->setProgressDeadline(700ms);
    });
    QVERIFY(m_harness->listen());
    m_http = m_sim->url();
    QCOMPARE(m_http.scheme(), QStringLiteral("http"));
    // kubectl sends its token only over TLS: an HTTPS listener too when openssl can make a CA.
    QString error;
    if (labdeck::test::SimHarness::hasOpenssl() && m_harness->listenTls(m_dir.path(), &error)) {
        m_tls = true;
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(m_harness->writeKubeconfig(m_kubeconfig, &error));
    }
}

void TestDemoFailures::cleanupTestCase()
{
    m_sim = nullptr;
    m_harness.reset(); // quits the simulator's thread
}

void TestDemoFailures::cleanup()
{
    if (m_sim)
        onSim([this] { m_sim->undoAllFailures(); });
}

Response TestDemoFailures::send(const QByteArray &verb, const QString &path, const QByteArray &body)
{
    QNetworkRequest req(QUrl(m_http.toString() + path, QUrl::TolerantMode));
    req.setRawHeader("Authorization", "Bearer " + m_sim->bearerToken().toLatin1());
    req.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
    }
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

QList<QJsonObject> TestDemoFailures::pods(const QString &ns, const QString &selector)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v :
         get(QStringLiteral("/api/v1/namespaces/%1/pods?labelSelector=%2").arg(ns, selector))
             .items())
        out << v.toObject();
    return out;
}

QList<QJsonObject> TestDemoFailures::events(const QString &selector)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v :
         get(QStringLiteral("/api/v1/events?fieldSelector=") + selector).items())
        out << v.toObject();
    return out;
}

Run TestDemoFailures::kubectl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("KUBECONFIG", m_kubeconfig);
    p.setProcessEnvironment(env);
    p.start(labdeck::test::SimHarness::findKubectl(),
            QStringList{"--kubeconfig", m_kubeconfig, "--cache-dir", m_dir.path() + "/cache",
                        "--request-timeout=30s"} +
                args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("kubectl %1 timed out").arg(args.join(' '));
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestDemoFailures::kubeletStopped()
{
    const QString node = QStringLiteral("bracky");
    auto heartbeatOf = [&](const char *type) {
        return conditionOf(get("/api/v1/nodes/" + node).json(), QLatin1String(type))
            .value("lastHeartbeatTime")
            .toString();
    };
    // The kubelet posts its status: the heartbeat advances.
    const QString seeded = heartbeatOf("Ready");
    QVERIFY(timeOf(QJsonValue(seeded)).isValid());
    onSim([this] { m_sim->setNodeHeartbeatInterval(200ms); });
    QTRY_VERIFY(timeOf(QJsonValue(heartbeatOf("Ready"))) > timeOf(QJsonValue(seeded)));
    QTRY_VERIFY(heartbeatOf("MemoryPressure") == heartbeatOf("Ready"));
    onSim([this] { m_sim->setNodeHeartbeatInterval(0ms); }); // no post between here and the stop
    const QJsonObject before = get("/api/v1/nodes/" + node).json();
    const QString heartbeat = conditionOf(before, "Ready").value("lastHeartbeatTime").toString();
    const QString rv = before.value("metadata").toObject().value("resourceVersion").toString();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);

    QVERIFY(!onSim([this] { return m_sim->setKubeletStopped("no-such-node", true); }));
    QVERIFY(onSim([&] { return m_sim->setKubeletStopped(node, true); }));
    onSim([this] { m_sim->setNodeHeartbeatInterval(200ms); });

    const QJsonObject stopped = get("/api/v1/nodes/" + node).json();
    for (const char *type : {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"}) {
        const QJsonObject c = conditionOf(stopped, type);
        QCOMPARE(c.value("status").toString(), QStringLiteral("Unknown"));
        QCOMPARE(c.value("reason").toString(), QStringLiteral("NodeStatusUnknown"));
        QCOMPARE(c.value("message").toString(),
                 QStringLiteral("Kubelet stopped posting node status."));
        QCOMPARE(c.value("lastHeartbeatTime").toString(), heartbeat); // frozen
        QVERIFY(timeOf(c.value("lastTransitionTime")) >= start);
    }
    // Still frozen after several heartbeat intervals (timestamps have whole seconds).
    QTest::qSleep(1200);
    QCOMPARE(heartbeatOf("Ready"), heartbeat);
    QSet<QString> effects;
    for (const QJsonValue &v : stopped.value("spec").toObject().value("taints").toArray()) {
        const QJsonObject t = v.toObject();
        if (t.value("key").toString() != "node.kubernetes.io/unreachable")
            continue;
        effects.insert(t.value("effect").toString());
        QVERIFY(timeOf(t.value("timeAdded")) >= start);
    }
    QCOMPARE(effects, (QSet<QString>{"NoSchedule", "NoExecute"}));

    // The node's pods are not Ready (MarkPodsNotReady); nothing is evicted.
    int onNode = 0;
    for (const QJsonValue &v : get("/api/v1/pods?fieldSelector=spec.nodeName%3D" + node).items()) {
        const QJsonObject pod = v.toObject();
        if (pod.value("status").toObject().value("phase").toString() != "Running")
            continue;
        ++onNode;
        QCOMPARE(conditionOf(pod, "Ready").value("status").toString(), QStringLiteral("False"));
        QCOMPARE(conditionOf(pod, "ContainersReady").value("status").toString(),
                 QStringLiteral("False"));
        QVERIFY(pod.value("metadata").toObject().value("deletionTimestamp").isUndefined());
    }
    QVERIFY(onNode >= 3);
    // The watch from before saw the node change.
    const Response watch =
        get(QStringLiteral("/api/v1/nodes?watch=1&timeoutSeconds=1&resourceVersion=") + rv);
    bool sawUnknown = false;
    for (const QByteArray &line : watch.body.split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const QJsonObject o = e.value("object").toObject();
        if (e.value("type").toString() == "MODIFIED" && nameOf(o) == node &&
            conditionOf(o, "Ready").value("status").toString() == "Unknown")
            sawUnknown = true;
    }
    QVERIFY(sawUnknown);
    const QList<QJsonObject> notReady = events("involvedObject.kind%3DNode,involvedObject.name%3D" +
                                               node + ",reason%3DNodeNotReady");
    QVERIFY(!notReady.isEmpty());
    QCOMPARE(notReady.first().value("source").toObject().value("component").toString(),
             QStringLiteral("node-controller"));
    QCOMPARE(notReady.first().value("message").toString(),
             QStringLiteral("Node bracky status is now: NodeNotReady"));
    QVERIFY(!events("involvedObject.kind%3DPod,reason%3DNodeNotReady").isEmpty());
    // metrics-server no longer scrapes it.
    QStringList scraped;
    for (const QJsonValue &v : get("/apis/metrics.k8s.io/v1beta1/nodes").items())
        scraped << nameOf(v.toObject());
    QVERIFY2(!scraped.contains(node) && scraped.contains("pikachu"), qPrintable(scraped.join(',')));

    // Undo: the kubelet posts again.
    QVERIFY(onSim([&] { return m_sim->setKubeletStopped(node, false); }));
    const QJsonObject back = get("/api/v1/nodes/" + node).json();
    const QJsonObject ready = conditionOf(back, "Ready");
    QCOMPARE(ready.value("status").toString(), QStringLiteral("True"));
    QCOMPARE(ready.value("reason").toString(), QStringLiteral("KubeletReady"));
    QCOMPARE(ready.value("message").toString(), QStringLiteral("kubelet is posting ready status"));
    QVERIFY(timeOf(ready.value("lastHeartbeatTime")) > timeOf(QJsonValue(heartbeat)));
    QCOMPARE(conditionOf(back, "MemoryPressure").value("reason").toString(),
             QStringLiteral("KubeletHasSufficientMemory"));
    QCOMPARE(conditionOf(back, "DiskPressure").value("reason").toString(),
             QStringLiteral("KubeletHasNoDiskPressure"));
    QCOMPARE(conditionOf(back, "PIDPressure").value("status").toString(), QStringLiteral("False"));
    for (const QJsonValue &v : back.value("spec").toObject().value("taints").toArray())
        QVERIFY(v.toObject().value("key").toString() != "node.kubernetes.io/unreachable");
    for (const QJsonValue &v : get("/api/v1/pods?fieldSelector=spec.nodeName%3D" + node).items()) {
        const QJsonObject pod = v.toObject();
        if (pod.value("status").toObject().value("phase").toString() == "Running")
            QCOMPARE(conditionOf(pod, "Ready").value("status").toString(), QStringLiteral("True"));
    }
    onSim([this] { m_sim->setNodeHeartbeatInterval(40s); });
}

void TestDemoFailures::daemonPodsStayOnAnUnreachableNode()
{
    // A DaemonSet with only the tolerations its controller adds: the
    // unreachable NoSchedule taint keeps new pods away, but the NoExecute
    // one is tolerated, so its pod on the node stays.
    const QJsonObject labels{{"app", "node-agent"}};
    const QJsonObject container{{"name", "agent"}, {"image", "busybox:1.36"}};
    const QJsonObject podSpec{{"containers", QJsonArray{container}}};
    const QJsonObject podTemplate{{"metadata", QJsonObject{{"labels", labels}}}, {"spec", podSpec}};
    const QJsonObject spec{{"selector", QJsonObject{{"matchLabels", labels}}},
                           {"template", podTemplate}};
    const QJsonObject meta{{"name", "node-agent"}, {"namespace", "apps"}};
    const QJsonObject ds{
        {"apiVersion", "apps/v1"}, {"kind", "DaemonSet"}, {"metadata", meta}, {"spec", spec}};
    QCOMPARE(send("POST", "/apis/apps/v1/namespaces/apps/daemonsets",
                  QJsonDocument(ds).toJson(QJsonDocument::Compact))
                 .status,
             201);
    const QString path = "/apis/apps/v1/namespaces/apps/daemonsets/node-agent";
    auto ready = [&] { return get(path).json()["status"].toObject()["numberReady"].toInt(); };
    QTRY_COMPARE(ready(), 2); // metamon and bracky; the control plane is tainted
    QVERIFY(onSim([this] { return m_sim->setKubeletStopped("bracky", true); }));
    QTRY_COMPARE(ready(), 1); // the controller has seen the node change
    QJsonObject onBracky;
    for (const QJsonObject &p : pods("apps", "app%3Dnode-agent")) {
        if (p["spec"].toObject()["nodeName"].toString() == "bracky")
            onBracky = p;
    }
    QVERIFY(!onBracky.isEmpty());
    QVERIFY(!onBracky.value("metadata").toObject().contains("deletionTimestamp"));
    QVERIFY(onSim([this] { return m_sim->setKubeletStopped("bracky", false); }));
    QTRY_COMPARE(ready(), 2);
    QCOMPARE(send("DELETE", path).status, 200);
}

void TestDemoFailures::nodePressure_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("taint");
    QTest::addColumn<QString>("normalReason");
    QTest::newRow("memory") << QStringLiteral("MemoryPressure")
                            << QStringLiteral("KubeletHasInsufficientMemory")
                            << QStringLiteral("kubelet has insufficient memory available")
                            << QStringLiteral("node.kubernetes.io/memory-pressure")
                            << QStringLiteral("KubeletHasSufficientMemory");
    QTest::newRow("disk") << QStringLiteral("DiskPressure")
                          << QStringLiteral("KubeletHasDiskPressure")
                          << QStringLiteral("kubelet has disk pressure")
                          << QStringLiteral("node.kubernetes.io/disk-pressure")
                          << QStringLiteral("KubeletHasNoDiskPressure");
    QTest::newRow("pid") << QStringLiteral("PIDPressure")
                         << QStringLiteral("KubeletHasInsufficientPID")
                         << QStringLiteral("kubelet has insufficient PID available")
                         << QStringLiteral("node.kubernetes.io/pid-pressure")
                         << QStringLiteral("KubeletHasSufficientPID");
}

void TestDemoFailures::nodePressure()
{
    QFETCH(QString, type);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QFETCH(QString, taint);
    QFETCH(QString, normalReason);
    const QString node = QStringLiteral("metamon");
    QVERIFY(!onSim([&] { return m_sim->setNodePressure(node, "CpuPressure", true); }));
    QVERIFY(onSim([&] { return m_sim->setNodePressure(node, type, true); }));
    const QJsonObject n = get("/api/v1/nodes/" + node).json();
    const QJsonObject c = conditionOf(n, type);
    QCOMPARE(c.value("status").toString(), QStringLiteral("True"));
    QCOMPARE(c.value("reason").toString(), reason);
    QCOMPARE(c.value("message").toString(), message);
    QVERIFY(!c.value("lastHeartbeatTime").toString().isEmpty());
    QCOMPARE(conditionOf(n, "Ready").value("status").toString(), QStringLiteral("True"));
    bool tainted = false;
    for (const QJsonValue &v : n.value("spec").toObject().value("taints").toArray()) {
        if (v.toObject().value("key").toString() == taint) {
            QCOMPARE(v.toObject().value("effect").toString(), QStringLiteral("NoSchedule"));
            tainted = true;
        }
    }
    QVERIFY(tainted);
    const QString event = QString(reason).replace("Kubelet", "Node");
    const QList<QJsonObject> recorded =
        events("involvedObject.name%3D" + node + ",reason%3D" + event);
    QVERIFY2(!recorded.isEmpty(), qPrintable(event));
    QCOMPARE(recorded.first().value("source").toObject().value("component").toString(),
             QStringLiteral("kubelet"));

    QVERIFY(onSim([&] { return m_sim->setNodePressure(node, type, false); }));
    const QJsonObject back = get("/api/v1/nodes/" + node).json();
    QCOMPARE(conditionOf(back, type).value("status").toString(), QStringLiteral("False"));
    QCOMPARE(conditionOf(back, type).value("reason").toString(), normalReason);
    for (const QJsonValue &v : back.value("spec").toObject().value("taints").toArray())
        QVERIFY(v.toObject().value("key").toString() != taint);
}

void TestDemoFailures::oomKilled()
{
    QTRY_COMPARE(get("/apis/apps/v1/namespaces/database/statefulsets/redis")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 1);
    QList<QJsonObject> before = pods("database", "app%3Dredis");
    QCOMPARE(before.size(), 1);
    const int restarts = firstContainerStatus(before.first()).value("restartCount").toInt();
    // The container has a memory limit to be killed at.
    QVERIFY(!before.first()["spec"]
                 .toObject()["containers"]
                 .toArray()[0]
                 .toObject()["resources"]
                 .toObject()["limits"]
                 .toObject()["memory"]
                 .toString()
                 .isEmpty());
    QVERIFY(!onSim([this] { return m_sim->setOomKilled("database", "no-such", true); }));
    QVERIFY(onSim([this] { return m_sim->setOomKilled("database", "redis", true); }));
    QVERIFY(onSim([this] { return m_sim->setOomKilled("apps", "home-assistant", true); }));

    const QJsonObject pod = pods("database", "app%3Dredis").first();
    const QJsonObject cs = firstContainerStatus(pod);
    const QJsonObject waiting = cs["state"].toObject()["waiting"].toObject();
    QCOMPARE(waiting["reason"].toString(), QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(waiting["message"].toString(),
             QStringLiteral("back-off 5m0s restarting failed container=redis pod=%1_database(%2)")
                 .arg(nameOf(pod), pod["metadata"].toObject()["uid"].toString()));
    const QJsonObject terminated = cs["lastState"].toObject()["terminated"].toObject();
    QCOMPARE(terminated["reason"].toString(), QStringLiteral("OOMKilled"));
    QCOMPARE(terminated["exitCode"].toInt(), 137);
    QVERIFY(timeOf(terminated["startedAt"]).isValid());
    QVERIFY(timeOf(terminated["finishedAt"]) >= timeOf(terminated["startedAt"]));
    QCOMPARE(cs["restartCount"].toInt(), restarts + 1);
    QCOMPARE(cs["ready"].toBool(true), false);
    QCOMPARE(conditionOf(pod, "Ready")["status"].toString(), QStringLiteral("False"));
    QCOMPARE(conditionOf(pod, "Ready")["reason"].toString(), QStringLiteral("ContainersNotReady"));
    QVERIFY(!events("involvedObject.name%3D" + nameOf(pod) + ",reason%3DBackOff").isEmpty());
    // The workloads count them as not ready.
    QTRY_COMPARE(get("/apis/apps/v1/namespaces/database/statefulsets/redis")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 0);
    QTRY_COMPARE(get("/apis/apps/v1/namespaces/apps/deployments/home-assistant")
                     .json()["status"]
                     .toObject()["availableReplicas"]
                     .toInt(-1),
                 -1);
    QCOMPARE(conditionOf(get("/apis/apps/v1/namespaces/apps/deployments/home-assistant").json(),
                         "Available")["status"]
                 .toString(),
             QStringLiteral("False"));

    QVERIFY(onSim([this] { return m_sim->setOomKilled("database", "redis", false); }));
    const QJsonObject again = pods("database", "app%3Dredis").first();
    const QJsonObject cs2 = firstContainerStatus(again);
    QVERIFY(cs2["state"].toObject().contains("running"));
    QCOMPARE(cs2["restartCount"].toInt(), restarts + 1); // a counter
    QCOMPARE(cs2["ready"].toBool(), true);
    QCOMPARE(conditionOf(again, "Ready")["status"].toString(), QStringLiteral("True"));
    QTRY_COMPARE(get("/apis/apps/v1/namespaces/database/statefulsets/redis")
                     .json()["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 1);
}

void TestDemoFailures::badImage()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments/shlink";
    const QJsonObject d = get(path).json();
    const QString image = d["spec"]
                              .toObject()["template"]
                              .toObject()["spec"]
                              .toObject()["containers"]
                              .toArray()[0]
                              .toObject()["image"]
                              .toString();
    QCOMPARE(image, QStringLiteral("shlinkio/shlink:4.2.0"));
    const QString oldPod = nameOf(pods("apps", "app%3Dshlink").first());
    QVERIFY(onSim([this] { return m_sim->setBadImage("apps", "shlink", true); }));
    const QString bad = QStringLiteral("shlinkio/shlink:does-not-exist");

    auto newPod = [&] {
        for (const QJsonObject &p : pods("apps", "app%3Dshlink")) {
            if (firstContainerStatus(p)["image"].toString() == bad)
                return p;
        }
        return QJsonObject();
    };
    QTRY_VERIFY(!newPod().isEmpty());
    QTRY_COMPARE(firstContainerStatus(newPod())["state"]
                     .toObject()["waiting"]
                     .toObject()["reason"]
                     .toString(),
                 QStringLiteral("ImagePullBackOff"));
    const QJsonObject pending = newPod();
    QCOMPARE(pending["status"].toObject()["phase"].toString(), QStringLiteral("Pending"));
    QCOMPARE(firstContainerStatus(pending)["state"]
                 .toObject()["waiting"]
                 .toObject()["message"]
                 .toString(),
             QStringLiteral("Back-off pulling image \"%1\"").arg(bad));
    QCOMPARE(firstContainerStatus(pending)["imageID"].toString(), QString());
    QCOMPARE(conditionOf(pending, "Ready")["reason"].toString(),
             QStringLiteral("ContainersNotReady"));
    const QList<QJsonObject> failed =
        events("involvedObject.name%3D" + nameOf(pending) + ",reason%3DFailed");
    QStringList messages;
    for (const QJsonObject &e : failed)
        messages << e["message"].toString();
    QVERIFY2(messages.contains("Error: ErrImagePull"), qPrintable(messages.join('|')));
    QVERIFY2(messages.contains("Error: ImagePullBackOff"), qPrintable(messages.join('|')));
    QVERIFY(messages.join('|').contains(
        "failed to pull and unpack image \"docker.io/shlinkio/shlink:does-not-exist\""));
    // The old pod keeps serving.
    bool oldRunning = false;
    for (const QJsonObject &p : pods("apps", "app%3Dshlink")) {
        if (nameOf(p) == oldPod)
            oldRunning = conditionOf(p, "Ready")["status"].toString() == "True";
    }
    QVERIFY(oldRunning);
    // After the (shortened) progress deadline.
    const QString rs = pending["metadata"]
                           .toObject()["ownerReferences"]
                           .toArray()[0]
                           .toObject()["name"]
                           .toString();
    QTRY_COMPARE(conditionOf(get(path).json(), "Progressing")["reason"].toString(),
                 QStringLiteral("ProgressDeadlineExceeded"));
    const QJsonObject progressing = conditionOf(get(path).json(), "Progressing");
    QCOMPARE(progressing["status"].toString(), QStringLiteral("False"));
    QCOMPARE(progressing["message"].toString(),
             QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rs));
    QCOMPARE(conditionOf(get(path).json(), "Available")["status"].toString(),
             QStringLiteral("True"));

    // Undo: rolled back, and the rollout completes.
    QVERIFY(onSim([this] { return m_sim->setBadImage("apps", "shlink", false); }));
    QTRY_COMPARE(conditionOf(get(path).json(), "Progressing")["reason"].toString(),
                 QStringLiteral("NewReplicaSetAvailable"));
    QTRY_VERIFY(newPod().isEmpty());
    QCOMPARE(get(path)
                 .json()["spec"]
                 .toObject()["template"]
                 .toObject()["spec"]
                 .toObject()["containers"]
                 .toArray()[0]
                 .toObject()["image"]
                 .toString(),
             image);
}

void TestDemoFailures::forbidden()
{
    const QString user = KubeSimulator::demoUserName();
    QCOMPARE(get("/apis/apps/v1/statefulsets").status, 200);
    onSim([this] { m_sim->setForbidden("statefulsets", true); });

    Response r = get("/apis/apps/v1/statefulsets");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json(), expectedStatus(403, "Forbidden",
                                      QStringLiteral("statefulsets.apps is forbidden: User \"%1\" "
                                                     "cannot list resource \"statefulsets\" in API "
                                                     "group \"apps\" at the cluster scope")
                                          .arg(user),
                                      QJsonObject{{"group", "apps"}, {"kind", "statefulsets"}}));
    r = get("/apis/apps/v1/namespaces/database/statefulsets?watch=1");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json()["message"].toString(),
             QStringLiteral("statefulsets.apps is forbidden: User \"%1\" cannot watch resource "
                            "\"statefulsets\" in API group \"apps\" in the namespace \"database\"")
                 .arg(user));
    r = get("/apis/apps/v1/namespaces/database/statefulsets/redis");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json(),
             expectedStatus(
                 403, "Forbidden",
                 QStringLiteral("statefulsets.apps \"redis\" is forbidden: User \"%1\" "
                                "cannot get resource \"statefulsets\" in API group "
                                "\"apps\" in the namespace \"database\"")
                     .arg(user),
                 QJsonObject{{"name", "redis"}, {"group", "apps"}, {"kind", "statefulsets"}}));
    QCOMPARE(get("/apis/apps/v1/deployments").status, 200);

    auto review = [&](const QString &verb, const QString &group, const QString &resource) {
        const QJsonObject body{
            {"apiVersion", "authorization.k8s.io/v1"},
            {"kind", "SelfSubjectAccessReview"},
            {"spec",
             QJsonObject{{"resourceAttributes",
                          QJsonObject{{"verb", verb}, {"group", group}, {"resource", resource}}}}}};
        const Response a = send("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                QJsonDocument(body).toJson(QJsonDocument::Compact));
        [&] { QCOMPARE(a.status, 201); }();
        return a.json();
    };
    QJsonObject a = review("list", "apps", "statefulsets");
    QCOMPARE(a["kind"].toString(), QStringLiteral("SelfSubjectAccessReview"));
    QCOMPARE(a["status"].toObject()["allowed"].toBool(true), false);
    a = review("create", "apps", "statefulsets");
    QCOMPARE(a["status"].toObject()["allowed"].toBool(), true);
    a = review("list", "apps", "deployments");
    QCOMPARE(a["status"].toObject()["allowed"].toBool(), true);
    QVERIFY(a["status"].toObject()["reason"].toString().contains(user));

    onSim([this] { m_sim->setForbidden("statefulsets", false); });
    QCOMPARE(get("/apis/apps/v1/statefulsets").status, 200);
    QCOMPARE(review("list", "apps", "statefulsets")["status"].toObject()["allowed"].toBool(), true);
}

void TestDemoFailures::apiGroupAbsent()
{
    auto listed = [&] {
        for (const QJsonValue &g : get("/apis").json()["groups"].toArray()) {
            if (g.toObject()["name"].toString() == "metrics.k8s.io")
                return true;
        }
        return false;
    };
    QVERIFY(listed());
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1/nodes").status, 200);
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1").status, 200);
    onSim([this] { m_sim->setApiGroupAbsent("metrics.k8s.io", true); });
    QVERIFY(!listed());
    for (const char *path : {"/apis/metrics.k8s.io/v1beta1/nodes", "/apis/metrics.k8s.io/v1beta1",
                             "/apis/metrics.k8s.io"}) {
        const Response r = get(QLatin1String(path));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(),
                 expectedStatus(404, "NotFound", "the server could not find the requested resource",
                                QJsonObject()));
    }
    QCOMPARE(get("/apis/apps/v1/deployments").status, 200);
    onSim([this] { m_sim->setApiGroupAbsent("metrics.k8s.io", false); });
    QVERIFY(listed());
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1/nodes").status, 200);
}

void TestDemoFailures::maxPageSize()
{
    QSet<QString> all;
    for (const QJsonValue &v : get("/api/v1/pods").items())
        all.insert(v.toObject()["metadata"].toObject()["namespace"].toString() + '/' +
                   nameOf(v.toObject()));
    QVERIFY(all.size() > 10);
    onSim([this] { m_sim->setMaxPageSize(4); });
    for (const char *query : {"", "?limit=500", "?limit=0"}) {
        const Response r = get(QStringLiteral("/api/v1/pods") + QLatin1String(query));
        QCOMPARE(r.items().size(), 4);
        QVERIFY(!r.json()["metadata"].toObject()["continue"].toString().isEmpty());
    }
    QCOMPARE(get("/api/v1/pods?limit=2").items().size(), 2);
    // The continue tokens walk the whole list, four at a time.
    QSet<QString> paged;
    QString token;
    int pages = 0;
    do {
        const Response r =
            get(QStringLiteral("/api/v1/pods") +
                (token.isEmpty() ? QString() : "?continue=" + QUrl::toPercentEncoding(token)));
        QCOMPARE(r.status, 200);
        QVERIFY(r.items().size() <= 4);
        for (const QJsonValue &v : r.items())
            paged.insert(v.toObject()["metadata"].toObject()["namespace"].toString() + '/' +
                         nameOf(v.toObject()));
        token = r.json()["metadata"].toObject()["continue"].toString();
        ++pages;
    } while (!token.isEmpty() && pages < 1000);
    QCOMPARE(paged, all);
    QCOMPARE(pages, int((all.size() + 3) / 4));
    onSim([this] { m_sim->setMaxPageSize(0); });
    QCOMPARE(get("/api/v1/pods").items().size(), all.size());
}

void TestDemoFailures::certificateExpired()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed; the demo TLS endpoints need it for their certificates");
    DemoCheckLab lab(m_lab);
    QSignalSpy ready(&lab, &DemoCheckLab::ready);
    lab.start();
    QVERIFY(ready.wait(120000));
    QVERIFY2(ready.first().first().toBool(), qPrintable(lab.errorText()));
    checks::CheckOptions options;
    checks::CheckRegistry registry;
    lab.apply(&options, &registry);
    const QString host = QStringLiteral("ha.example.com");
    const checks::ConnectTarget target = options.connectTo.value(host + ":443");
    QVERIFY(target.port != 0);

    auto served = [&] {
        // The servers live on this thread: wait with the event loop running.
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(target.address, target.port, host);
        if (!encrypted.wait(10000))
            return QSslCertificate();
        const QSslCertificate leaf = socket.peerCertificate();
        socket.disconnectFromHost();
        return leaf;
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSslCertificate leaf = served();
    QVERIFY(!leaf.isNull());
    QVERIFY(leaf.expiryDate() > now);
    lab.setCertificateExpired(host, true);
    QVERIFY(lab.isCertificateExpired(host));
    leaf = served();
    QVERIFY(!leaf.isNull());
    QVERIFY(leaf.expiryDate() < now);
    QVERIFY(leaf.subjectAlternativeNames().values(QSsl::DnsEntry).contains(host));
    lab.setCertificateExpired(host, false);
    QVERIFY(served().expiryDate() > now);
}

void TestDemoFailures::tunnelOffline()
{
    DemoTransport transport(m_lab);
    transport.setLatency(1);
    auto peer = [&](const QString &hostName) {
        remote::CommandJob *job =
            transport.run({m_lab.tailscaleStatusHost, {"tailscale", "status", "--json"}});
        QSignalSpy done(job, &remote::CommandJob::finished);
        [&] { QVERIFY(done.wait(5000)); }();
        const auto result = done.first().first().value<remote::CommandResult>();
        const QJsonObject peers =
            QJsonDocument::fromJson(result.standardOutput).object()["Peer"].toObject();
        for (const QJsonValue &p : peers) {
            if (p.toObject()["HostName"].toString() == hostName)
                return p.toObject();
        }
        return QJsonObject();
    };
    const QString host = QStringLiteral("gpu-server");
    QVERIFY(host != m_lab.tailscaleStatusHost);
    QCOMPARE(peer(host)["Online"].toBool(), true);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    transport.setTunnelOffline(host, true);
    const QJsonObject off = peer(host);
    QCOMPARE(off["Online"].toBool(true), false);
    QCOMPARE(off["Active"].toBool(true), false);
    const QDateTime seen = timeOf(off["LastSeen"]);
    QVERIFY(seen >= before);
    QTest::qSleep(1100);                            // LastSeen has one-second resolution
    QCOMPARE(timeOf(peer(host)["LastSeen"]), seen); // frozen
    QCOMPARE(peer("pikachu")["Online"].toBool(), true);
    transport.setTunnelOffline(host, false);
    QCOMPARE(peer(host)["Online"].toBool(), true);
    QCOMPARE(peer(host)["LastSeen"].toString(), QStringLiteral("0001-01-01T00:00:00Z"));
}

void TestDemoFailures::kubectlSeesFailures()
{
    if (labdeck::test::SimHarness::findKubectl().isEmpty())
        QSKIP("kubectl is not installed (neither /usr/bin/kubectl nor kubectl on PATH); this part "
              "runs the real kubectl against the simulator in each failure state");
    if (!m_tls)
        QSKIP("openssl could not make the test CA; kubectl sends its token only over HTTPS");

    QVERIFY(onSim([this] { return m_sim->setKubeletStopped("bracky", true); }));
    Run r = kubectl({"get", "nodes"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QRegularExpression notReady(QStringLiteral("^bracky\\s+NotReady\\s"),
                                QRegularExpression::MultilineOption);
    QVERIFY2(notReady.match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY(QRegularExpression("^pikachu\\s+Ready\\s", QRegularExpression::MultilineOption)
                .match(r.out)
                .hasMatch());
    QVERIFY(onSim([this] { return m_sim->setKubeletStopped("bracky", false); }));
    r = kubectl({"get", "nodes"});
    QVERIFY2(!notReady.match(r.out).hasMatch(), qPrintable(r.out));

    QVERIFY(onSim([this] { return m_sim->setNodePressure("metamon", "MemoryPressure", true); }));
    r = kubectl({"describe", "node", "metamon"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(
        QRegularExpression("MemoryPressure\\s+True\\s.*KubeletHasInsufficientMemory\\s+kubelet "
                           "has insufficient memory available")
            .match(r.out)
            .hasMatch(),
        qPrintable(r.out));
    QVERIFY2(r.out.contains("node.kubernetes.io/memory-pressure:NoSchedule"), qPrintable(r.out));

    QVERIFY(onSim([this] { return m_sim->setOomKilled("database", "redis", true); }));
    r = kubectl({"get", "pods", "-n", "database"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(QRegularExpression("^redis-0\\s+0/1\\s+CrashLoopBackOff\\s+\\d+ \\(",
                                QRegularExpression::MultilineOption)
                 .match(r.out)
                 .hasMatch(),
             qPrintable(r.out));
    r = kubectl({"describe", "pod", "-n", "database", "redis-0"});
    QVERIFY2(
        QRegularExpression("Last State:\\s+Terminated\\s+Reason:\\s+OOMKilled\\s+Exit Code:\\s+137")
            .match(r.out)
            .hasMatch(),
        qPrintable(r.out));

    QVERIFY(onSim([this] { return m_sim->setBadImage("apps", "shlink", true); }));
    QRegularExpression pullFailure("^shlink-\\S+\\s+0/1\\s+(ErrImagePull|ImagePullBackOff)\\s",
                                   QRegularExpression::MultilineOption);
    QTRY_VERIFY_WITH_TIMEOUT(
        pullFailure.match(kubectl({"get", "pods", "-n", "apps"}).out).hasMatch(), 20000);
    r = kubectl({"rollout", "status", "deployment/shlink", "-n", "apps", "--timeout=20s"});
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QVERIFY2(r.err.contains("exceeded its progress deadline"), qPrintable(r.err));

    onSim([this] { m_sim->setForbidden("statefulsets", true); });
    r = kubectl({"get", "statefulsets", "-A"});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("Forbidden") &&
                 r.err.contains("cannot list resource \"statefulsets\" in API group \"apps\" at "
                                "the cluster scope"),
             qPrintable(r.err));
    r = kubectl({"get", "deployments", "-A"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("home-assistant"));
    r = kubectl({"auth", "can-i", "list", "statefulsets", "-A"});
    QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
    QVERIFY(r.exitCode != 0);
    r = kubectl({"auth", "can-i", "list", "deployments", "-A"});
    QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));

    onSim([this] { m_sim->setMaxPageSize(3); });
    r = kubectl({"get", "deploy", "-A", "--chunk-size=50", "-o", "name"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const int deployments = int(get("/apis/apps/v1/deployments?limit=0").items().size());
    onSim([this] { m_sim->setMaxPageSize(0); });
    const int all = int(get("/apis/apps/v1/deployments").items().size());
    QVERIFY(all > 3);
    QCOMPARE(deployments, 3);                          // paged by the server
    QCOMPARE(r.out.trimmed().split('\n').size(), all); // kubectl followed the continue tokens

    onSim([this] { m_sim->undoAllFailures(); });
    r = kubectl({"get", "statefulsets", "-A"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = kubectl({"rollout", "status", "deployment/shlink", "-n", "apps", "--timeout=30s"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestDemoFailures::menuTogglesTheSimulator()
{
    DemoTransport transport(m_lab);
    QStringList certificates;
    SimulateMenu::Hooks hooks;
    hooks.simulator = [this](std::function<void(KubeSimulator *)> work) {
        // Queued to the simulator's thread, as LabConnection does.
        QMetaObject::invokeMethod(m_sim, [sim = m_sim, work] { work(sim); });
    };
    hooks.transport = &transport;
    hooks.expireCertificate = [&certificates](const QString &host, bool expired) {
        certificates << host + (expired ? QStringLiteral(" expired") : QStringLiteral(" valid"));
    };
    QMenu menu;
    SimulateMenu simulate(&menu, m_lab, hooks);
    for (const char *id : {"kubelet:pikachu", "kubelet:metamon", "kubelet:bracky",
                           "pressure:bracky", "oom:database/redis", "deny:statefulsets", "metrics",
                           "paging", "tunnel:gpu-server", "cert:ha.example.com"}) {
        QAction *a = simulate.action(QLatin1String(id));
        QVERIFY2(a, id);
        QVERIFY(a->isCheckable());
        QVERIFY(!a->text().isEmpty());
    }
    QVERIFY(!simulate.ids().filter("image:").isEmpty());
    QVERIFY(!simulate.action("cert:cloud.example.com")); // expired already
    QCOMPARE(simulate.action("kubelet:pikachu")->text(), QStringLiteral("Stop kubelet on pikachu"));

    auto readyOf = [&](const QString &node) {
        return conditionOf(get("/api/v1/nodes/" + node).json(), "Ready")["status"].toString();
    };
    simulate.action("kubelet:pikachu")->trigger();
    QVERIFY(simulate.action("kubelet:pikachu")->isChecked());
    QTRY_COMPARE(readyOf("pikachu"), QStringLiteral("Unknown"));
    simulate.action("kubelet:pikachu")->trigger(); // the second click undoes
    QTRY_COMPARE(readyOf("pikachu"), QStringLiteral("True"));

    simulate.action("kubelet:metamon")->trigger();
    simulate.action("deny:statefulsets")->trigger();
    simulate.action("paging")->trigger();
    simulate.action("tunnel:gpu-server")->trigger();
    simulate.action("cert:ha.example.com")->trigger();
    QTRY_COMPARE(readyOf("metamon"), QStringLiteral("Unknown"));
    QTRY_COMPARE(get("/apis/apps/v1/statefulsets").status, 403);
    QTRY_COMPARE(get("/api/v1/pods").items().size(), 5);
    QVERIFY(transport.isTunnelOffline("gpu-server"));
    QCOMPARE(certificates, QStringList{"ha.example.com expired"});

    const auto undo = menu.actions().last();
    QCOMPARE(undo->text(), QStringLiteral("Undo all"));
    undo->trigger();
    QTRY_COMPARE(readyOf("metamon"), QStringLiteral("True"));
    QTRY_COMPARE(get("/apis/apps/v1/statefulsets").status, 200);
    QVERIFY(get("/api/v1/pods").items().size() > 5);
    QVERIFY(!transport.isTunnelOffline("gpu-server"));
    QCOMPARE(certificates.last(), QStringLiteral("ha.example.com valid"));
    for (const QString &id : simulate.ids())
        QVERIFY2(!simulate.action(id)->isChecked(), qPrintable(id));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestDemoFailures test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_demofailures.moc"
