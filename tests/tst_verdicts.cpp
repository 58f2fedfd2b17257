// The failure states of nodes, pods and workloads, named as kubectl names
// them, on objects shaped like real API objects: the recorded fixtures, and
// where no recording exists (a node whose kubelet stopped, memory pressure,
// a whole OOMKilled pod) the recorded node and pod changed field by field
// the way the node lifecycle controller and the kubelet change them.

#include "checks/kubecheck.h"
#include "inventory/inventoryloader.h"
#include "kube/kubesession.h"
#include "kube/labreconcile.h"
#include "kube/verdicts.h"
#include "kubemodels.h"
#include "support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace labdeck;
using namespace labdeck::kube;
using labdeck::test::fixture;

namespace {

QJsonObject json(const char *name, std::source_location at = std::source_location::current())
{
    return QJsonDocument::fromJson(
               fixture(QStringLiteral("kubernetes-api/") + QLatin1String(name), at))
        .object();
}

QString rfc3339(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

const QDateTime kNow = QDateTime(QDate(2026, 12, 2), QTime(12, 30, 0), Qt::UTC);

// node.real.json with every condition as the node lifecycle controller sets
// it when the kubelet stops posting: Unknown, NodeStatusUnknown, the
// heartbeat frozen; and the unreachable taints.
QJsonObject unreachableNode(const QDateTime &lastHeartbeat, const QDateTime &since)
{
    QJsonObject node = json("node.real.json");
    QJsonObject status = node.value(QLatin1String("status")).toObject();
    QJsonArray conditions;
    for (const QJsonValue &v : status.value(QLatin1String("conditions")).toArray()) {
        QJsonObject c = v.toObject();
        c.insert(QStringLiteral("status"), QStringLiteral("Unknown"));
        c.insert(QStringLiteral("reason"), QStringLiteral("NodeStatusUnknown"));
        c.insert(QStringLiteral("message"), QStringLiteral("Kubelet stopped posting node status."));
        c.insert(QStringLiteral("lastHeartbeatTime"), rfc3339(lastHeartbeat));
        c.insert(QStringLiteral("lastTransitionTime"), rfc3339(since));
        conditions << c;
    }
    status.insert(QStringLiteral("conditions"), conditions);
    node.insert(QStringLiteral("status"), status);
    QJsonObject spec = node.value(QLatin1String("spec")).toObject();
    spec.insert(
        QStringLiteral("taints"),
        QJsonArray{
            QJsonObject{{QStringLiteral("key"), QStringLiteral("node.kubernetes.io/unreachable")},
                        {QStringLiteral("effect"), QStringLiteral("NoSchedule")},
                        {QStringLiteral("timeAdded"), rfc3339(since)}},
            QJsonObject{{QStringLiteral("key"), QStringLiteral("node.kubernetes.io/unreachable")},
                        {QStringLiteral("effect"), QStringLiteral("NoExecute")},
                        {QStringLiteral("timeAdded"), rfc3339(since)}}});
    node.insert(QStringLiteral("spec"), spec);
    return node;
}

QJsonObject withCondition(QJsonObject node, const QString &type, const QString &status,
                          const QString &reason, const QString &message)
{
    QJsonObject st = node.value(QLatin1String("status")).toObject();
    QJsonArray conditions;
    for (const QJsonValue &v : st.value(QLatin1String("conditions")).toArray()) {
        QJsonObject c = v.toObject();
        if (c.value(QLatin1String("type")).toString() == type) {
            c.insert(QStringLiteral("status"), status);
            c.insert(QStringLiteral("reason"), reason);
            c.insert(QStringLiteral("message"), message);
        }
        conditions << c;
    }
    st.insert(QStringLiteral("conditions"), conditions);
    node.insert(QStringLiteral("status"), st);
    return node;
}

// pod.real.json with its container's status replaced.
QJsonObject podWithContainerStatus(const QJsonObject &state, const QJsonObject &lastState,
                                   int restarts)
{
    QJsonObject pod = json("pod.real.json");
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
    QJsonObject cs = statuses.at(0).toObject();
    cs.insert(QStringLiteral("state"), state);
    cs.insert(QStringLiteral("lastState"), lastState);
    cs.insert(QStringLiteral("ready"), false);
    cs.insert(QStringLiteral("restartCount"), restarts);
    statuses.replace(0, cs);
    status.insert(QStringLiteral("containerStatuses"), statuses);
    pod.insert(QStringLiteral("status"), status);
    return pod;
}

QJsonObject waiting(const QString &reason, const QString &message)
{
    return QJsonObject{
        {QStringLiteral("waiting"),
         QJsonObject{{QStringLiteral("reason"), reason}, {QStringLiteral("message"), message}}}};
}

const Judgement *findJudgement(const QList<Judgement> &all, const QString &id)
{
    for (const Judgement &j : all) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

} // namespace

class TestVerdicts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readyNode()
    {
        const NodeInfo n = parseNode(json("node.real.json"));
        const Verdict v = Verdicts::node(n, kNow);
        QCOMPARE(v.health, Health::Ok);
        QCOMPARE(v.status, QStringLiteral("Ready"));
        QCOMPARE(NodeModel::statusText(n), QStringLiteral("Ready"));
        QVERIFY(n.lastHeartbeat.isValid());
        QVERIFY(!Verdicts::nodeIsDown(n));
    }

    void unreachableNodeIsNotReady()
    {
        const QDateTime heartbeat = kNow.addSecs(-250);
        const NodeInfo n = parseNode(unreachableNode(heartbeat, kNow.addSecs(-210)));
        QCOMPARE(n.readyStatus, QStringLiteral("Unknown"));
        QCOMPARE(n.lastHeartbeat, heartbeat);
        QVERIFY(n.hasTaint(QStringLiteral("node.kubernetes.io/unreachable")));
        // kubectl get nodes: STATUS NotReady, never "Unknown".
        QCOMPARE(NodeModel::statusText(n), QStringLiteral("NotReady"));
        const Verdict v = Verdicts::node(n, kNow);
        QCOMPARE(v.health, Health::Critical);
        QCOMPARE(v.status, QStringLiteral("NotReady"));
        QCOMPARE(v.note, QStringLiteral("NotReady"));
        QVERIFY2(v.summary.contains(QLatin1String("Kubelet stopped posting node status.")),
                 qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("Last heartbeat 4 min ago")),
                 qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("kubectl describe node minikube")));
        QVERIFY(Verdicts::nodeIsDown(n));
    }

    void notReadyWithReason()
    {
        const NodeInfo n = parseNode(withCondition(
            json("node.real.json"), QStringLiteral("Ready"), QStringLiteral("False"),
            QStringLiteral("KubeletNotReady"), QStringLiteral("container runtime is down")));
        const Verdict v = Verdicts::node(n, kNow);
        QCOMPARE(v.health, Health::Critical);
        QCOMPARE(NodeModel::statusText(n), QStringLiteral("NotReady"));
        QVERIFY2(v.summary.contains(QLatin1String("container runtime is down")),
                 qPrintable(v.summary));
    }

    void pressureIsAWarning_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("note");
        QTest::newRow("memory") << "MemoryPressure"
                                << "KubeletHasInsufficientMemory"
                                << "kubelet has insufficient memory available"
                                << "memory pressure";
        QTest::newRow("disk") << "DiskPressure"
                              << "KubeletHasDiskPressure"
                              << "kubelet has disk pressure"
                              << "disk pressure";
        QTest::newRow("pid") << "PIDPressure"
                             << "KubeletHasInsufficientPID"
                             << "kubelet has insufficient PID available"
                             << "PID pressure";
    }

    void pressureIsAWarning()
    {
        QFETCH(QString, type);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(QString, note);
        const NodeInfo n = parseNode(
            withCondition(json("node.real.json"), type, QStringLiteral("True"), reason, message));
        const Verdict v = Verdicts::node(n, kNow);
        QCOMPARE(v.health, Health::Warning);
        QCOMPARE(v.status, QStringLiteral("Ready"));
        QVERIFY2(v.summary.contains(type + QStringLiteral(": ") + message), qPrintable(v.summary));
        QCOMPARE(v.note, note);
        QVERIFY(!v.advice.isEmpty());
    }

    void cordonedStaysAWarning()
    {
        QJsonObject node = json("node.real.json");
        node.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("unschedulable"), true}});
        const NodeInfo n = parseNode(node);
        const Verdict v = Verdicts::node(n, kNow);
        QCOMPARE(v.health, Health::Warning);
        QCOMPARE(v.status, QStringLiteral("Ready,SchedulingDisabled"));
        QCOMPARE(NodeModel::statusText(n), QStringLiteral("Ready,SchedulingDisabled"));
        QVERIFY(v.advice.contains(QLatin1String("kubectl uncordon minikube")));
    }

    void imagePullBackOff()
    {
        const PodInfo p = parsePod(json("pod-imagepullbackoff.real.json"));
        QCOMPARE(p.status, QStringLiteral("ImagePullBackOff"));
        const Verdict v = Verdicts::pod(p, nullptr, kNow);
        QCOMPARE(v.health, Health::Critical);
        QVERIFY2(v.summary.contains(QLatin1String("gcr.io/heptio-images/ks-guestbook-demo:0.3")),
                 qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("Back-off pulling image")),
                 qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("describe pod")));
    }

    void initContainerCrashLoop()
    {
        const PodInfo p = parsePod(json("pod-init-crashloopbackoff.real.json"));
        QCOMPARE(p.status, QStringLiteral("Init:CrashLoopBackOff"));
        QVERIFY(p.isCrashLooping());
        const Verdict v = Verdicts::pod(p, nullptr, kNow);
        QCOMPARE(v.health, Health::Critical);
        QVERIFY2(v.summary.startsWith(QLatin1String(
                     "init container: CrashLoopBackOff: container vsystem-hana-init")),
                 qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("(exit code 1)")), qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("-c vsystem-hana-init --previous")));
    }

    void oomKilled()
    {
        QJsonObject last = json("containerstatus-laststate-oomkilled-fragment.doc.json")
                               .value(QLatin1String("lastState"))
                               .toObject();
        const QJsonObject pod = podWithContainerStatus(
            waiting(QStringLiteral("CrashLoopBackOff"),
                    QStringLiteral("back-off 40s restarting failed container=nginx pod=x")),
            last, 3);
        const PodInfo p = parsePod(pod);
        QCOMPARE(p.status, QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(p.containerDetails.size(), 1);
        QCOMPARE(p.containerDetails[0].lastReason, QStringLiteral("OOMKilled"));
        QCOMPARE(p.containerDetails[0].lastExitCode, 137);
        QCOMPARE(p.containerDetails[0].memoryLimit, QStringLiteral("170Mi"));
        const NodeInfo node = parseNode(json("node.real.json"));
        const Verdict v = Verdicts::pod(p, &node, kNow);
        QCOMPARE(v.health, Health::Critical);
        QCOMPARE(v.status, QStringLiteral("OOMKilled"));
        QVERIFY2(v.summary.contains(QLatin1String("memory limit 170 MiB (request 70 MiB")),
                 qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("node minikube has")), qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("3 restart(s)")), qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("--previous")));
    }

    void crashLoopWithExecFormatError()
    {
        const QJsonObject last{
            {QStringLiteral("terminated"),
             QJsonObject{{QStringLiteral("exitCode"), 255},
                         {QStringLiteral("reason"), QStringLiteral("Error")},
                         {QStringLiteral("message"),
                          QStringLiteral("exec /usr/local/bin/app: exec format error")},
                         {QStringLiteral("finishedAt"), rfc3339(kNow.addSecs(-30))}}}};
        const PodInfo p = parsePod(podWithContainerStatus(
            waiting(QStringLiteral("CrashLoopBackOff"), QString()), last, 5));
        NodeInfo arm = parseNode(json("node.real.json"));
        arm.architecture = QStringLiteral("arm64");
        const Verdict v = Verdicts::pod(p, &arm, kNow);
        QCOMPARE(v.health, Health::Critical);
        QVERIFY2(v.summary.contains(QLatin1String("last exit Error (exit code 255) 30 s ago")),
                 qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("not built for this node's CPU (arm64)")),
                 qPrintable(v.summary));
    }

    void createContainerConfigError()
    {
        const PodInfo p = parsePod(
            podWithContainerStatus(waiting(QStringLiteral("CreateContainerConfigError"),
                                           QStringLiteral("secret \"db-password\" not found")),
                                   QJsonObject(), 0));
        QCOMPARE(p.status, QStringLiteral("CreateContainerConfigError"));
        const Verdict v = Verdicts::pod(p, nullptr, kNow);
        QCOMPARE(v.health, Health::Critical);
        QVERIFY2(v.summary.contains(QLatin1String("secret \"db-password\" not found")),
                 qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("Secret or ConfigMap")));
    }

    void evicted()
    {
        QJsonObject pod = json("pod.real.json");
        pod.insert(QStringLiteral("status"),
                   json("pod-evicted-status-fragment.real.json").value(QLatin1String("status")));
        const PodInfo p = parsePod(pod);
        QCOMPARE(p.status, QStringLiteral("Evicted"));
        const Verdict v = Verdicts::pod(p, nullptr, kNow);
        QCOMPARE(v.health, Health::Warning);
        QVERIFY2(
            v.summary.startsWith(QLatin1String("Evicted: The node was low on resource: memory.")),
            qPrintable(v.summary));
    }

    void unschedulable()
    {
        const PodInfo p = parsePod(json("pod-pending-unschedulable.real.json"));
        QCOMPARE(p.status, QStringLiteral("Pending"));
        const Verdict v = Verdicts::pod(p, nullptr, kNow);
        QCOMPARE(v.health, Health::Warning);
        QVERIFY(!v.transient);
        QVERIFY2(v.summary.startsWith(QLatin1String("Unschedulable: 0/2 nodes are available")),
                 qPrintable(v.summary));
    }

    void terminating()
    {
        QJsonObject pod = json("pod.real.json");
        QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("deletionTimestamp"), rfc3339(kNow.addSecs(20)));
        meta.insert(QStringLiteral("deletionGracePeriodSeconds"), 30);
        pod.insert(QStringLiteral("metadata"), meta);
        PodInfo p = parsePod(pod);
        QCOMPARE(p.status, QStringLiteral("Terminating"));
        Verdict v = Verdicts::pod(p, nullptr, kNow);
        QVERIFY(v.transient); // within its grace period
        // Past the grace period plus a minute: stuck.
        meta.insert(QStringLiteral("deletionTimestamp"), rfc3339(kNow.addSecs(-300)));
        pod.insert(QStringLiteral("metadata"), meta);
        p = parsePod(pod);
        v = Verdicts::pod(p, nullptr, kNow);
        QCOMPARE(v.health, Health::Warning);
        QVERIFY(!v.transient);
        QVERIFY2(v.summary.contains(QLatin1String("stuck Terminating")), qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("--grace-period=0 --force")));
    }

    void podOnADeadNodeIsStale()
    {
        const PodInfo p = parsePod(json("pod.real.json"));
        QCOMPARE(Verdicts::pod(p, nullptr, kNow).health, Health::Ok);
        const NodeInfo dead = parseNode(unreachableNode(kNow.addSecs(-300), kNow.addSecs(-260)));
        const Verdict v = Verdicts::pod(p, &dead, kNow);
        QVERIFY(v.stale);
        QVERIFY(v.health > Health::Ok); // never a fresh ok
        QVERIFY2(v.summary.contains(QLatin1String("node minikube unreachable since")),
                 qPrintable(v.summary));
        QVERIFY2(v.summary.contains(QLatin1String("state may be stale")), qPrintable(v.summary));
    }

    void progressDeadlineExceeded()
    {
        const WorkloadInfo w = parseWorkload(json("deployment-progressdeadlineexceeded.real.json"),
                                             QStringLiteral("Deployment"));
        const Verdict v = Verdicts::workload(w, {}, {}, kNow);
        QCOMPARE(v.health, Health::Critical);
        QCOMPARE(v.status, QStringLiteral("ProgressDeadlineExceeded"));
        QVERIFY2(v.summary.contains(QLatin1String(
                     "ReplicaSet \"guestbook-ui-75dd4d49d5\" has timed out progressing.")),
                 qPrintable(v.summary));
        QVERIFY(v.advice.contains(QLatin1String("rollout undo deployment/")));
    }

    void replicaFailure()
    {
        QJsonObject d = json("deployment-apps-v1.real.json");
        QJsonObject status = d.value(QLatin1String("status")).toObject();
        QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
        conditions << QJsonObject{
            {QStringLiteral("type"), QStringLiteral("ReplicaFailure")},
            {QStringLiteral("status"), QStringLiteral("True")},
            {QStringLiteral("reason"), QStringLiteral("FailedCreate")},
            {QStringLiteral("message"),
             QStringLiteral("pods \"web-1\" is forbidden: exceeded quota: mem")}};
        status.insert(QStringLiteral("conditions"), conditions);
        d.insert(QStringLiteral("status"), status);
        const Verdict v =
            Verdicts::workload(parseWorkload(d, QStringLiteral("Deployment")), {}, {}, kNow);
        QCOMPARE(v.health, Health::Critical);
        QVERIFY2(v.summary.contains(QLatin1String("exceeded quota")), qPrintable(v.summary));
    }

    void statefulSetCounts()
    {
        WorkloadInfo s;
        s.kind = QStringLiteral("StatefulSet");
        s.ns = QStringLiteral("database");
        s.name = QStringLiteral("postgresql");
        s.desired = 3;
        s.ready = 2;
        s.updated = 1;
        s.current = 3;
        const Verdict v = Verdicts::workload(s, {}, {}, kNow);
        QCOMPARE(v.health, Health::Warning);
        QCOMPARE(v.summary, QStringLiteral("2 ready, 1 updated of 3 desired"));
    }

    void forbiddenStatusNamesVerbAndResource()
    {
        const QJsonObject body = json("status-403-forbidden-list-pods.real.json");
        KubeResponse r;
        r.httpStatus = 403;
        r.error = KubeStatus::fromJson(body);
        r.errorText = r.error->toText();
        const KindAccess a = failedAccess(Resource::Pods, r, QStringLiteral("watch"));
        QCOMPARE(a.state, KindAccess::State::NotPermitted);
        QCOMPARE(a.verb, QStringLiteral("list")); // from the API's own words, not what was asked
        QCOMPARE(a.resource, QStringLiteral("pods"));
        QCOMPARE(a.message, body.value(QLatin1String("message")).toString());
        QCOMPARE(Verdicts::accessText(a), QStringLiteral("this user may not list pods"));
        KubeResponse missing;
        missing.httpStatus = 404;
        missing.error = KubeStatus::fromJson(json("status-404-notfound.json"));
        QCOMPARE(failedAccess(Resource::Deployments, missing, QStringLiteral("list")).state,
                 KindAccess::State::Absent);
        KubeResponse down;
        down.httpStatus = 503;
        down.errorText = QStringLiteral("503 from the API server");
        QCOMPARE(failedAccess(Resource::Nodes, down, QStringLiteral("list")).state,
                 KindAccess::State::Failing);
    }

    // One unreadable kind: its items are unknown with why, the rest are judged.
    void forbiddenKindLeavesTheRestLive()
    {
        const Inventory lab = *InventoryLoader::loadBuiltIn().inventory;
        ClusterSnapshot cluster;
        for (const char *name : {"pikachu", "metamon", "bracky"}) {
            QJsonObject node = json("node.real.json");
            QJsonObject meta = node.value(QLatin1String("metadata")).toObject();
            meta.insert(QStringLiteral("name"), QLatin1String(name));
            node.insert(QStringLiteral("metadata"), meta);
            cluster.nodes << parseNode(name == QLatin1String("bracky")
                                           ? unreachableNode(kNow.addSecs(-90), kNow.addSecs(-50))
                                           : node);
            cluster.nodes.last().name = QLatin1String(name);
        }
        KindAccess denied;
        denied.state = KindAccess::State::NotPermitted;
        denied.resource = QStringLiteral("statefulsets");
        denied.group = QStringLiteral("apps");
        denied.verb = QStringLiteral("list");
        denied.message =
            QStringLiteral("statefulsets.apps is forbidden: User \"demo\" cannot list resource "
                           "\"statefulsets\" in API group \"apps\" at the cluster scope");
        cluster.access.insert(denied.resource, denied);
        const QList<Judgement> all = Verdicts::judgeLab(lab, cluster, kNow);

        const Judgement *bracky = findJudgement(all, QStringLiteral("host:bracky"));
        QVERIFY(bracky);
        QCOMPARE(bracky->verdict.health, Health::Critical); // the dead node is still reported
        QCOMPARE(bracky->verdict.status, QStringLiteral("NotReady"));
        const Judgement *pikachu = findJudgement(all, QStringLiteral("host:pikachu"));
        QCOMPARE(pikachu->verdict.health, Health::Ok);
        const Judgement *postgres =
            findJudgement(all, QStringLiteral("workload:database/postgresql"));
        QVERIFY(postgres);
        QCOMPARE(postgres->verdict.health, Health::Unknown);
        QCOMPARE(postgres->verdict.summary,
                 QStringLiteral("unknown: this user may not list statefulsets"));
        // A Deployment the cluster lacks is still missing (deployments were read).
        const Judgement *shlink = findJudgement(all, QStringLiteral("workload:apps/shlink"));
        QVERIFY(shlink);
        QCOMPARE(shlink->verdict.health, Health::Critical);
        QVERIFY(shlink->verdict.summary.startsWith(QLatin1String("missing")));
        int accessResults = 0;
        for (const Judgement &j : all)
            accessResults += j.subject == Judgement::Subject::Access ? 1 : 0;
        QCOMPARE(accessResults, 1);

        // The window's items and the headless check say the same, item by item.
        const LabState state = LabReconciler::reconcile(lab, cluster, kNow);
        const QList<checks::CheckResult> results = checks::KubeCheck::judge(cluster, lab, kNow);
        int compared = 0;
        for (const LabState::Item &item : state.items) {
            const checks::CheckResult *match = nullptr;
            for (const checks::CheckResult &r : results) {
                if (r.details.value(QLatin1String("item")).toString() == item.id)
                    match = &r;
            }
            QVERIFY2(match, qPrintable(item.id));
            QCOMPARE(match->severity, item.health);
            QCOMPARE(match->summary, item.reason);
            ++compared;
        }
        QVERIFY(compared >= 10);
        bool forbidden = false;
        for (const checks::CheckResult &r : results)
            forbidden = forbidden || r.target == QLatin1String("Kubernetes statefulsets");
        QVERIFY(forbidden);
    }
};

QTEST_GUILESS_MAIN(TestVerdicts)
#include "tst_verdicts.moc"
