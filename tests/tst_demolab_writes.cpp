// The demo lab's Kubernetes API simulator over real HTTP, written to: its
// controllers roll pods on a restart, scale Deployments and StatefulSets,
// recreate deleted pods, collect garbage and respect cordons; server-side
// apply reports conflicts like the real server, and creates are validated.

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
using labdeck::test::ApiStream;
using labdeck::test::fixture;
using labdeck::test::isReady;
using labdeck::test::kApplyPatch;
using labdeck::test::kMergePatch;
using labdeck::test::kStrategicPatch;
using labdeck::test::nameOf;
using labdeck::test::rvOf;

class TestDemoLabWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void restartRollsPods();
    void scaleSubresource();
    void statefulSetScalesByOrdinal();
    void deletedPodIsRecreated();
    void deleteDeploymentCollectsGarbage();
    void cordonKeepsNewPodsPending();
    void serverSideApply();
    void createValidationAndConflicts();

private:
    Inventory m_lab;
    std::unique_ptr<KubeSimulator> m_sim;
    std::unique_ptr<ApiClient> m_api;
};

void TestDemoLabWrites::initTestCase()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    m_lab = *r.inventory;
}

void TestDemoLabWrites::init()
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

void TestDemoLabWrites::cleanup()
{
    m_api.reset();
    m_sim.reset();
}

void TestDemoLabWrites::restartRollsPods()
{
    const ApiResponse before =
        m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana");
    QCOMPARE(before.items().size(), 1);
    const QString oldPod = nameOf(before.items().first().toObject());
    ApiStream pods(*m_api, QString("/api/v1/namespaces/monitoring/"
                                   "pods?watch=1&labelSelector=app%3Dgrafana&resourceVersion=%1")
                               .arg(rvOf(before.json())));
    QTRY_COMPARE(pods.status(), 200);

    const QByteArray patch =
        R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-08-22T14:03:07+02:00"}}}}})";
    const ApiResponse r = m_api->patch(
        "/apis/apps/v1/namespaces/monitoring/deployments/grafana?fieldManager=kubectl-rollout",
        patch, kStrategicPatch);
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
    const ApiResponse after =
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

void TestDemoLabWrites::scaleSubresource()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments/shlink/scale";
    const ApiResponse scale = m_api->get(path);
    QCOMPARE(scale.status, 200);
    QCOMPARE(scale.json()["kind"].toString(), QStringLiteral("Scale"));
    QCOMPARE(scale.json()["apiVersion"].toString(), QStringLiteral("autoscaling/v1"));
    QCOMPARE(scale.json()["spec"].toObject()["replicas"].toInt(), 1);
    QCOMPARE(scale.json()["status"].toObject()["replicas"].toInt(), 1);
    QCOMPARE(scale.json()["status"].toObject()["selector"].toString(),
             QStringLiteral("app=shlink"));

    const ApiResponse patched = m_api->patch(path, R"({"spec":{"replicas":3}})", kMergePatch);
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
    const ApiResponse conflict = m_api->put(path, stale);
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
    QCOMPARE(m_api->patch(path, R"({"spec":{"replicas":-1}})", kMergePatch).status, 422);
}

void TestDemoLabWrites::statefulSetScalesByOrdinal()
{
    const QString path = "/apis/apps/v1/namespaces/monitoring/statefulsets/loki";
    QCOMPARE(m_api->patch(path + "/scale", R"({"spec":{"replicas":3}})", kMergePatch).status, 200);
    QTRY_COMPARE(m_api->get(path).json()["status"].toObject()["readyReplicas"].toInt(), 3);
    QStringList names;
    for (const QJsonValue &v :
         m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki").items())
        names << nameOf(v.toObject());
    names.sort();
    QCOMPARE(names, (QStringList{"loki-0", "loki-1", "loki-2"}));
    QCOMPARE(m_api->patch(path + "/scale", R"({"spec":{"replicas":1}})", kMergePatch).status, 200);
    QTRY_COMPARE(
        m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki").items().size(),
        1);
    QCOMPARE(nameOf(m_api->get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dloki")
                        .items()
                        .first()
                        .toObject()),
             QStringLiteral("loki-0"));
}

void TestDemoLabWrites::deletedPodIsRecreated()
{
    const QJsonObject pod =
        m_api->get("/api/v1/namespaces/registry/pods?labelSelector=app%3Dregistry")
            .items()
            .first()
            .toObject();
    const QString name = nameOf(pod);
    ApiStream w(*m_api, QString("/api/v1/namespaces/registry/pods?watch=1&resourceVersion=%1")
                            .arg(m_sim->resourceVersion()));
    QTRY_COMPARE(w.status(), 200);
    const ApiResponse deleted = m_api->del("/api/v1/namespaces/registry/pods/" + name);
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

void TestDemoLabWrites::deleteDeploymentCollectsGarbage()
{
    const ApiResponse r = m_api->del("/apis/apps/v1/namespaces/devops/deployments/docmost");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["status"].toString(), QStringLiteral("Success"));
    QCOMPARE(m_api->get("/apis/apps/v1/namespaces/devops/deployments/docmost").status, 404);
    QTRY_COMPARE(m_api->get("/apis/apps/v1/namespaces/devops/replicasets").items().size(), 0);
    QTRY_COMPARE(m_api->get("/api/v1/namespaces/devops/pods").items().size(), 0);
}

void TestDemoLabWrites::cordonKeepsNewPodsPending()
{
    const ApiResponse cordon =
        m_api->patch("/api/v1/nodes/bracky", R"({"spec":{"unschedulable":true}})", kStrategicPatch);
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
                         R"({"spec":{"replicas":2}})", kMergePatch)
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

    QCOMPARE(m_api->patch("/api/v1/nodes/bracky", R"({"spec":{"unschedulable":null}})", kMergePatch)
                 .status,
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

void TestDemoLabWrites::serverSideApply()
{
    const QString path = "/apis/apps/v1/namespaces/apps/deployments/wizard-app";
    const QByteArray yaml = fixture("demolab/wizard-app.yaml");
    QVERIFY(!yaml.isEmpty());

    const ApiResponse noManager = m_api->patch(path, yaml, kApplyPatch);
    QCOMPARE(noManager.status, 422);
    QVERIFY(noManager.json()["message"].toString().contains("fieldManager"));

    const ApiResponse created =
        m_api->patch(path + "?fieldManager=labdeck-wizard", yaml, kApplyPatch);
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
    const ApiResponse again =
        m_api->patch(path + "?fieldManager=labdeck-wizard", yaml, kApplyPatch);
    QCOMPARE(again.status, 200);
    QCOMPARE(rvOf(again.json()), settled);

    // Dry run: the answer shows the change, the object does not get it.
    QByteArray four = yaml;
    four.replace("replicas: 1", "replicas: 4");
    const ApiResponse dry =
        m_api->patch(path + "?fieldManager=labdeck-wizard&dryRun=All", four, kApplyPatch);
    QCOMPARE(dry.status, 200);
    QCOMPARE(dry.json()["spec"].toObject()["replicas"].toInt(), 4);
    QCOMPARE(m_api->get(path).json()["spec"].toObject()["replicas"].toInt(), 1);
    QCOMPARE(rvOf(m_api->get(path).json()), settled);

    // Someone else scales it with an update; our apply with another value conflicts.
    QCOMPARE(
        m_api->patch(path + "?fieldManager=mgr", R"({"spec":{"replicas":3}})", kMergePatch).status,
        200);
    QByteArray two = yaml;
    two.replace("replicas: 1", "replicas: 2");
    const ApiResponse conflict =
        m_api->patch(path + "?fieldManager=labdeck-wizard", two, kApplyPatch);
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
    QCOMPARE(m_api->patch(path + "?fieldManager=labdeck-wizard", three, kApplyPatch).status, 200);

    // Force takes the field over.
    const ApiResponse forced =
        m_api->patch(path + "?fieldManager=labdeck-wizard&force=true", two, kApplyPatch);
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
    const ApiResponse second =
        m_api->patch(path + "?fieldManager=other-wizard", other, kApplyPatch);
    QCOMPARE(second.status, 409);
    QCOMPARE(second.json()["message"].toString(),
             QStringLiteral(
                 "Apply failed with 1 conflict: conflict with \"labdeck-wizard\": .spec.replicas"));

    // A field the manager stops applying goes away.
    QByteArray noSelector = yaml;
    noSelector.replace("      nodeSelector:\n        role: apps\n", "");
    QVERIFY(noSelector != yaml);
    const ApiResponse dropped =
        m_api->patch(path + "?fieldManager=labdeck-wizard&force=true", noSelector, kApplyPatch);
    QCOMPARE(dropped.status, 200);
    QVERIFY(!dropped.json()["spec"].toObject()["template"].toObject()["spec"].toObject().contains(
        "nodeSelector"));
}

void TestDemoLabWrites::createValidationAndConflicts()
{
    QJsonObject deployment = QJsonDocument::fromJson(R"({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "bad"},
        "spec": {"selector": {"matchLabels": {"app": "one"}},
                 "template": {"metadata": {"labels": {"app": "two"}},
                              "spec": {"containers": [{"name": "c", "image": "busybox:1.36"}]}}}})")
                                 .object();
    const ApiResponse invalid =
        m_api->post("/apis/apps/v1/namespaces/apps/deployments", deployment);
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
    const ApiResponse created =
        m_api->post("/apis/apps/v1/namespaces/apps/deployments", deployment);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json()["spec"].toObject()["replicas"].toInt(), 1); // defaulted
    QCOMPARE(created.json()["spec"].toObject()["strategy"].toObject()["type"].toString(),
             QStringLiteral("RollingUpdate"));
    const ApiResponse dup = m_api->post("/apis/apps/v1/namespaces/apps/deployments", deployment);
    QCOMPARE(dup.status, 409);
    QCOMPARE(dup.json()["reason"].toString(), QStringLiteral("AlreadyExists"));
    QCOMPARE(dup.json()["message"].toString(),
             QStringLiteral("deployments.apps \"bad\" already exists"));

    // PUT with the old resourceVersion after a change.
    const QJsonObject current = m_api->get("/apis/apps/v1/namespaces/apps/deployments/bad").json();
    QCOMPARE(m_api
                 ->patch("/apis/apps/v1/namespaces/apps/deployments/bad",
                         R"({"metadata":{"labels":{"x":"y"}}})", kMergePatch)
                 .status,
             200);
    const ApiResponse stale = m_api->put("/apis/apps/v1/namespaces/apps/deployments/bad", current);
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
    const ApiResponse clash = m_api->post("/api/v1/namespaces/apps/services", service);
    QCOMPARE(clash.status, 422);
    QVERIFY(clash.json()["message"].toString().contains("provided port is already allocated"));
}

QTEST_GUILESS_MAIN(TestDemoLabWrites)
#include "tst_demolab_writes.moc"
