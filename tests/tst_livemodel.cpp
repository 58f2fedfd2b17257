// Differential test: Labdeck's live Kubernetes models equal what kubectl
// sees. The demo lab's API simulator runs on its own thread over TLS; a
// KubeSession feeds ClusterModels (pods, workloads, nodes) exactly as in the
// app, and a seeded random sequence of actions and bursts runs against the
// simulator: rollout restarts, scaling, pod deletions, server-side applied
// and deleted Deployments, create-then-modify, bursts of pod changes, forced
// relists (history compacted under the watches) and deletions during a
// relist. At checkpoints, once every reflector caught up with the simulator,
// `kubectl get ... -o json` and the models are compared object by object
// (by UID): phase, node and readiness of pods, ready/desired replicas of
// workloads, the Ready condition of nodes.
//
// LABDECK_LIVEMODEL_SEED=<n> runs another sequence (the seed is printed; the
// default is fixed); LABDECK_LIVEMODEL_ACTIONS=<n> changes its length
// (default 1000). The seed fixes the actions and their parameters; which pod
// a deletion hits and how events batch on the wire follow the timing.

#include "clustermodels.h"
#include "demolab/kubesimulator.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"
#include "kubemodels.h"
#include "support/simharness.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace labdeck;
using namespace labdeck::kube;
using namespace std::chrono_literals;

namespace {

constexpr quint32 kDefaultSeed = 20261202;
constexpr int kCheckpointEvery = 50;
constexpr int kMaxCreated = 6; // server-side applied Deployments alive at once
const Resource kFollowed[] = {Resource::Nodes,        Resource::Pods,       Resource::Deployments,
                              Resource::StatefulSets, Resource::DaemonSets, Resource::Events};

QString findKubectl()
{
    if (QFile::exists(QStringLiteral("/usr/bin/kubectl")))
        return QStringLiteral("/usr/bin/kubectl");
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString conditionStatus(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &v : status.value(QLatin1String("conditions")).toArray()) {
        if (str(v.toObject(), "type") == type)
            return str(v.toObject(), "status");
    }
    return {};
}

// One object as both sides describe it: "what" names it, "state" is compared.
struct Seen
{
    QString what;
    QString state;
};

// The objects kubectl listed, by UID, described independently of Labdeck's parsers.
QHash<QString, Seen> fromKubectl(const QJsonObject &list)
{
    QHash<QString, Seen> out;
    for (const QJsonValue &v : list.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString kind = str(o, "kind");
        const QJsonObject meta = obj(o, "metadata");
        const QJsonObject spec = obj(o, "spec");
        const QJsonObject status = obj(o, "status");
        const QString uid = str(meta, "uid");
        Seen s;
        if (kind == QLatin1String("Node")) {
            const QString ready = conditionStatus(status, QStringLiteral("Ready"));
            s.what = QStringLiteral("Node %1").arg(str(meta, "name"));
            s.state = QStringLiteral("Ready=%1")
                          .arg(ready == QLatin1String("True") || ready == QLatin1String("False")
                                   ? ready
                                   : QStringLiteral("Unknown"));
        } else if (kind == QLatin1String("Pod")) {
            s.what = QStringLiteral("Pod %1/%2").arg(str(meta, "namespace"), str(meta, "name"));
            s.state =
                QStringLiteral("phase=%1 node=%2 ready=%3 deleting=%4")
                    .arg(str(status, "phase"), str(spec, "nodeName"),
                         conditionStatus(status, QStringLiteral("Ready")) == QLatin1String("True")
                             ? QStringLiteral("yes")
                             : QStringLiteral("no"),
                         meta.contains(QLatin1String("deletionTimestamp")) ? QStringLiteral("yes")
                                                                           : QStringLiteral("no"));
        } else {
            int desired = 0;
            int ready = 0;
            if (kind == QLatin1String("DaemonSet")) {
                desired = status.value(QLatin1String("desiredNumberScheduled")).toInt();
                ready = status.value(QLatin1String("numberReady")).toInt();
            } else {
                desired = spec.value(QLatin1String("replicas")).toInt(1);
                ready = status.value(QLatin1String("readyReplicas")).toInt();
            }
            s.what =
                QStringLiteral("%1 %2/%3").arg(kind, str(meta, "namespace"), str(meta, "name"));
            s.state = QStringLiteral("ready=%1/%2").arg(ready).arg(desired);
        }
        out.insert(uid, s);
    }
    return out;
}

// The same from Labdeck's models; an object in two rows is reported in dup.
QHash<QString, Seen> fromModels(const ClusterModels &m, QStringList *dup)
{
    QHash<QString, Seen> out;
    auto add = [&](const QString &uid, const Seen &s) {
        if (out.contains(uid))
            *dup << QStringLiteral("%1 (uid %2) is in more than one row").arg(s.what, uid);
        out.insert(uid, s);
    };
    for (const NodeInfo &n : m.nodes()->rows())
        add(n.uid, {QStringLiteral("Node %1").arg(n.name),
                    QStringLiteral("Ready=%1")
                        .arg(!n.readyKnown
                                 ? QStringLiteral("Unknown")
                                 : (n.ready ? QStringLiteral("True") : QStringLiteral("False")))});
    for (const PodInfo &p : m.pods()->rows())
        add(p.uid,
            {QStringLiteral("Pod %1/%2").arg(p.ns, p.name),
             QStringLiteral("phase=%1 node=%2 ready=%3 deleting=%4")
                 .arg(p.phase, p.nodeName, p.ready ? QStringLiteral("yes") : QStringLiteral("no"),
                      p.deleting ? QStringLiteral("yes") : QStringLiteral("no"))});
    for (const WorkloadInfo &w : m.workloads()->rows())
        add(w.uid, {QStringLiteral("%1 %2/%3").arg(w.kind, w.ns, w.name),
                    QStringLiteral("ready=%1/%2").arg(w.ready).arg(w.desired)});
    return out;
}

// Readable differences, one line per object.
QStringList diff(const QHash<QString, Seen> &kubectl, const QHash<QString, Seen> &labdeck)
{
    QStringList out;
    for (auto it = kubectl.cbegin(); it != kubectl.cend(); ++it) {
        const auto other = labdeck.constFind(it.key());
        if (other == labdeck.cend())
            out << QStringLiteral("only kubectl lists %1 (uid %2): %3")
                       .arg(it->what, it.key(), it->state);
        else if (other->what != it->what || other->state != it->state)
            out << QStringLiteral("%1 (uid %2): kubectl says %3, Labdeck says %4 (%5)")
                       .arg(it->what, it.key(), it->state, other->state, other->what);
    }
    for (auto it = labdeck.cbegin(); it != labdeck.cend(); ++it) {
        if (!kubectl.contains(it.key()))
            out << QStringLiteral("only Labdeck shows %1 (uid %2): %3")
                       .arg(it->what, it.key(), it->state);
    }
    out.sort();
    return out;
}

struct Target
{
    QString kind; // Deployment, StatefulSet, DaemonSet
    QString ns;
    QString name;
};

QJsonObject deploymentManifest(const QString &name, int replicas)
{
    const QJsonObject labels{{QStringLiteral("app"), name}};
    const QJsonObject requests{{QStringLiteral("cpu"), QStringLiteral("1m")},
                               {QStringLiteral("memory"), QStringLiteral("8Mi")}};
    const QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("web")},
        {QStringLiteral("image"), QStringLiteral("registry.example.com/live:1.0")},
        {QStringLiteral("resources"), QJsonObject{{QStringLiteral("requests"), requests}}}};
    const QJsonObject podTemplate{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("containers"), QJsonArray{container}}}}};
    const QJsonObject spec{
        {QStringLiteral("replicas"), replicas},
        {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
        {QStringLiteral("template"), podTemplate}};
    const QJsonObject meta{{QStringLiteral("name"), name},
                           {QStringLiteral("namespace"), QStringLiteral("apps")},
                           {QStringLiteral("labels"), labels}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Deployment")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec}};
}

} // namespace

class TestLiveModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelsEqualKubectl();

Q_SIGNALS:
    // The last call in flight answered.
    void answered();

private:
    enum class Action {
        RolloutRestart,
        Scale,
        DeletePod,
        ApplyDeployment,
        DeleteDeployment,
        CreateThenModify,
        ModifyBurst,
        ForcedRelist,
        DeleteDuringRelist,
        NodeFailure, // a node's kubelet stops, or one that stopped comes back
    };
    Action pick();
    void run(Action a);
    void send(KubeCall *call, const QString &what,
              std::function<void(const KubeResponse &)> then = {});
    void inSimulator(std::function<void(demolab::KubeSimulator *)> f);
    bool caughtUp() const;
    void checkpoint(const QString &label);
    QJsonObject kubectlGet(QString *error);
    Target randomWorkload(bool scalable);
    QString randomPod();

    QString m_kubectl;
    QSet<QString> m_stoppedKubelets;
    int m_nodeFailures = 0;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    std::unique_ptr<labdeck::test::SimHarness> m_harness;
    demolab::KubeSimulator *m_sim = nullptr;
    std::unique_ptr<StaticAuthenticator> m_auth;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<ClusterModels> m_models;
    std::unique_ptr<KubeSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_podTester;
    std::unique_ptr<QAbstractItemModelTester> m_workloadTester;
    std::unique_ptr<QAbstractItemModelTester> m_nodeTester;
    QRandomGenerator m_rng;    // the sequence of actions and their parameters
    QRandomGenerator m_podRng; // which pod: depends on timing, so apart from m_rng
    QList<Target> m_workloads; // from the seed: restarted and scaled
    QStringList m_created;     // Deployments this test applied, oldest first
    int m_createdCounter = 0;
    int m_outstanding = 0;
    QStringList m_callErrors;
    bool m_deleteOnNextList = false;
    int m_deletesDuringList = 0;
    int m_forcedRelists = 0;
    int m_checkpoints = 0;
};

void TestLiveModel::initTestCase()
{
    m_kubectl = findKubectl();
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed (/usr/bin/kubectl); this test compares Labdeck's models "
              "with it");
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed; it makes the test CA (kubectl sends its token only over "
              "HTTPS)");
    QVERIFY(m_dir.isValid());
    // Every relist after a forced 410 is logged at info level; keep the
    // output to the seed, the differences and the summary.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("labdeck.kube.info=false"));

    bool ok = false;
    const auto seed = quint32(qEnvironmentVariableIntValue("LABDECK_LIVEMODEL_SEED", &ok));
    m_rng.seed(ok ? seed : kDefaultSeed);
    m_podRng.seed((ok ? seed : kDefaultSeed) + 1);
    qInfo("seed %u (replay with LABDECK_LIVEMODEL_SEED=%u)", ok ? seed : kDefaultSeed,
          ok ? seed : kDefaultSeed);

    const InventoryLoadResult lab = InventoryLoader::loadBuiltIn();
    QVERIFY2(lab.ok(), qPrintable(lab.errorText()));
    m_harness = std::make_unique<labdeck::test::SimHarness>(*lab.inventory);
    m_sim = m_harness->sim();
    m_harness->onSim([this] {
        // Pods move through their phases quickly; bookmarks often, so
        // every reflector's resourceVersion catches up with the server's.
        m_sim->setReadyDelay(30ms);
        m_sim->setBookmarkInterval(150ms);
    });
    QString error;
    QVERIFY2(m_harness->listenTls(m_dir.path(), &error), qPrintable(error));
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(m_harness->writeKubeconfig(m_kubeconfig, &error), qPrintable(error));

    m_auth = std::make_unique<StaticAuthenticator>(m_sim->bearerToken(), m_harness->trustingCa());
    m_hosts = std::make_unique<HostModel>();
    m_hosts->setInventory(*lab.inventory);
    m_models = std::make_unique<ClusterModels>(m_hosts.get());
    m_podTester = std::make_unique<QAbstractItemModelTester>(
        m_models->pods(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_workloadTester = std::make_unique<QAbstractItemModelTester>(
        m_models->workloads(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_nodeTester = std::make_unique<QAbstractItemModelTester>(
        m_models->nodes(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_session = std::make_unique<KubeSession>(QStringLiteral("demo"), m_sim->url(), m_auth.get());
    for (Resource r : kFollowed) {
        Reflector *ref = m_session->reflector(r);
        // Small pages: a relist takes several requests, so changes (and
        // deletions) land between its pages. Short watches: they end and
        // resume from their resourceVersion all the time.
        ref->setPageSize(7);
        ref->setWatchTimeout(1s, 3s);
        ref->setBackoff(50ms, 400ms);
    }
    connect(m_session->reflector(Resource::Pods), &Reflector::listStarted, this, [this] {
        if (!std::exchange(m_deleteOnNextList, false))
            return;
        // While the LIST pages come: a pod is deleted and others change.
        const QString pod = randomPod();
        if (!pod.isEmpty()) {
            ++m_deletesDuringList;
            const qsizetype slash = pod.indexOf(QLatin1Char('/'));
            send(m_session->client()->remove(
                     objectPath(Resource::Pods, pod.left(slash), pod.mid(slash + 1))),
                 QStringLiteral("delete pod %1 during a relist").arg(pod));
        }
        inSimulator([](demolab::KubeSimulator *sim) { sim->modifyPods(25); });
    });
    m_models->setSession(m_session.get());
    QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 20000);
    QVERIFY(m_models->pods()->rowCount() > 10);

    for (const WorkloadInfo &w : m_models->workloads()->rows())
        m_workloads << Target{w.kind, w.ns, w.name};
    QVERIFY(m_workloads.size() >= 5);
    checkpoint(QStringLiteral("initial list"));
}

void TestLiveModel::cleanupTestCase()
{
    if (m_models)
        m_models->setSession(nullptr);
    m_session.reset();
    m_podTester.reset();
    m_workloadTester.reset();
    m_nodeTester.reset();
    m_sim = nullptr;
    if (m_harness)
        m_harness->stop(10000);
    m_harness.reset();
}

void TestLiveModel::inSimulator(std::function<void(demolab::KubeSimulator *)> f)
{
    m_harness->onSim([sim = m_sim, f = std::move(f)] { f(sim); });
}

void TestLiveModel::send(KubeCall *call, const QString &what,
                         std::function<void(const KubeResponse &)> then)
{
    ++m_outstanding;
    connect(call, &KubeCall::finished, this,
            [this, what, then = std::move(then)](const KubeResponse &r) {
                // Racing a controller (409) or a pod gone already (404) is routine.
                if (!r.ok() && r.httpStatus != 404 && r.httpStatus != 409)
                    m_callErrors << QStringLiteral("%1: %2").arg(what, r.errorText);
                if (then)
                    then(r); // a follow-up call counts before this one ends
                if (--m_outstanding == 0)
                    Q_EMIT answered();
            });
}

bool TestLiveModel::caughtUp() const
{
    if (m_outstanding > 0)
        return false;
    const QString rv = QString::number(m_sim->resourceVersion());
    for (Resource r : kFollowed) {
        Reflector *ref = m_session->reflector(r);
        if (ref->state() != Reflector::State::Watching || ref->resourceVersion() != rv)
            return false;
    }
    return true;
}

QJsonObject TestLiveModel::kubectlGet(QString *error)
{
    QProcess p;
    p.start(m_kubectl, {QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--cache-dir"),
                        m_dir.filePath(QStringLiteral("cache")),
                        QStringLiteral("--request-timeout=30s"), QStringLiteral("get"),
                        QStringLiteral("pods,deployments,statefulsets,daemonsets,nodes"),
                        QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("json")});
    // The simulator answers on its own thread while this one waits.
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        *error = QStringLiteral("kubectl timed out");
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &pe);
    if (pe.error != QJsonParseError::NoError)
        *error = pe.errorString();
    return doc.object();
}

void TestLiveModel::checkpoint(const QString &label)
{
    ++m_checkpoints;
    // Wait until the simulator is quiet and every reflector caught up, and
    // take kubectl's view at a resourceVersion that did not move meanwhile.
    for (int attempt = 0; attempt < 20; ++attempt) {
        QTRY_VERIFY2_WITH_TIMEOUT(
            caughtUp(), qPrintable(label + QStringLiteral(": reflectors did not catch up")), 30000);
        const qint64 rv = m_sim->resourceVersion();
        QString error;
        const QJsonObject list = kubectlGet(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (m_sim->resourceVersion() != rv)
            continue; // the cluster moved while kubectl listed: again
        // Nothing moved: the models are still at that resourceVersion.
        QVERIFY(caughtUp());
        QStringList problems;
        const QHash<QString, Seen> labdeck = fromModels(*m_models, &problems);
        problems << diff(fromKubectl(list), labdeck);
        if (!problems.isEmpty()) {
            if (problems.size() > 40)
                problems = problems.mid(0, 40) << QStringLiteral("...");
            QFAIL(qPrintable(
                QStringLiteral(
                    "%1 (resourceVersion %2): Labdeck's models differ from kubectl:\n  %3")
                    .arg(label)
                    .arg(rv)
                    .arg(problems.join(QStringLiteral("\n  ")))));
        }
        QVERIFY(!labdeck.isEmpty());
        return;
    }
    QFAIL(qPrintable(label +
                     QStringLiteral(": the simulator never stayed quiet while kubectl listed")));
}

TestLiveModel::Action TestLiveModel::pick()
{
    struct Weighted
    {
        Action action;
        int weight;
    };
    static constexpr Weighted kWeights[] = {
        {Action::RolloutRestart, 14},    {Action::Scale, 16},
        {Action::DeletePod, 16},         {Action::ApplyDeployment, 8},
        {Action::DeleteDeployment, 5},   {Action::CreateThenModify, 8},
        {Action::ModifyBurst, 12},       {Action::ForcedRelist, 3},
        {Action::DeleteDuringRelist, 3}, {Action::NodeFailure, 3},
    };
    int total = 0;
    for (const Weighted &w : kWeights)
        total += w.weight;
    int r = int(m_rng.bounded(total));
    for (const Weighted &w : kWeights) {
        if (r < w.weight)
            return w.action;
        r -= w.weight;
    }
    return Action::ModifyBurst;
}

Target TestLiveModel::randomWorkload(bool scalable)
{
    QList<Target> pool;
    for (const Target &t : std::as_const(m_workloads)) {
        if (!scalable || t.kind != QLatin1String("DaemonSet"))
            pool << t;
    }
    for (const QString &name : std::as_const(m_created))
        pool << Target{QStringLiteral("Deployment"), QStringLiteral("apps"), name};
    return pool.at(int(m_rng.bounded(int(pool.size()))));
}

QString TestLiveModel::randomPod()
{
    const QList<PodInfo> &pods = m_models->pods()->rows();
    QList<const PodInfo *> pool;
    for (const PodInfo &p : pods) {
        // Static pods belong to their node: deleting one is not a user's action.
        if (p.workloadKind != QLatin1String("StaticPod") && !p.deleting)
            pool << &p;
    }
    if (pool.isEmpty())
        return {};
    return pool.at(int(m_podRng.bounded(int(pool.size()))))->key();
}

void TestLiveModel::run(Action a)
{
    KubeClient *client = m_session->client();
    switch (a) {
    case Action::RolloutRestart: {
        const Target t = randomWorkload(false);
        const QJsonObject patch{
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("template"),
                  QJsonObject{{QStringLiteral("metadata"),
                               QJsonObject{{QStringLiteral("annotations"),
                                            QJsonObject{{QStringLiteral(
                                                             "kubectl.kubernetes.io/restartedAt"),
                                                         QDateTime::currentDateTimeUtc().toString(
                                                             Qt::ISODateWithMs)}}}}}}}}}};
        send(
            client->strategicMergePatch(objectPath(*workloadResource(t.kind), t.ns, t.name), patch),
            QStringLiteral("restart %1 %2/%3").arg(t.kind, t.ns, t.name));
        break;
    }
    case Action::Scale: {
        const Target t = randomWorkload(true);
        const int replicas = int(m_rng.bounded(4));
        send(client->mergePatch(objectPath(*workloadResource(t.kind), t.ns, t.name),
                                QJsonObject{{QStringLiteral("spec"),
                                             QJsonObject{{QStringLiteral("replicas"), replicas}}}}),
             QStringLiteral("scale %1 %2/%3 to %4").arg(t.kind, t.ns, t.name).arg(replicas));
        break;
    }
    case Action::DeletePod: {
        const QString pod = randomPod();
        if (pod.isEmpty())
            break;
        const qsizetype slash = pod.indexOf(QLatin1Char('/'));
        send(client->remove(objectPath(Resource::Pods, pod.left(slash), pod.mid(slash + 1))),
             QStringLiteral("delete pod %1").arg(pod));
        break;
    }
    case Action::ApplyDeployment: {
        if (m_created.size() >= kMaxCreated) {
            run(Action::DeleteDeployment);
            break;
        }
        const QString name = QStringLiteral("live-%1").arg(++m_createdCounter);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("labdeck"));
        q.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
        send(client->send("PATCH", objectPath(Resource::Deployments, QStringLiteral("apps"), name),
                          q,
                          QJsonDocument(deploymentManifest(name, 1 + int(m_rng.bounded(3))))
                              .toJson(QJsonDocument::Compact),
                          "application/apply-patch+yaml"),
             QStringLiteral("apply deployment %1").arg(name));
        m_created << name;
        break;
    }
    case Action::DeleteDeployment: {
        if (m_created.isEmpty())
            break;
        const QString name = m_created.takeAt(int(m_rng.bounded(int(m_created.size()))));
        send(client->remove(objectPath(Resource::Deployments, QStringLiteral("apps"), name)),
             QStringLiteral("delete deployment %1").arg(name));
        break;
    }
    case Action::CreateThenModify: {
        if (m_created.size() >= kMaxCreated) {
            run(Action::DeleteDeployment);
            break;
        }
        // Created, then changed the moment the answer is here: ADDED and
        // MODIFIED (and the controller's updates) arrive close together.
        const QString name = QStringLiteral("live-%1").arg(++m_createdCounter);
        const QString path = objectPath(Resource::Deployments, QStringLiteral("apps"), name);
        send(client->send("POST", QStringLiteral("/apis/apps/v1/namespaces/apps/deployments"), {},
                          QJsonDocument(deploymentManifest(name, 1 + int(m_rng.bounded(2))))
                              .toJson(QJsonDocument::Compact),
                          "application/json"),
             QStringLiteral("create deployment %1").arg(name),
             [this, client, path, name](const KubeResponse &r) {
                 if (!r.ok())
                     return;
                 send(client->mergePatch(
                          path, QJsonObject{{QStringLiteral("metadata"),
                                             QJsonObject{
                                                 {QStringLiteral("labels"),
                                                  QJsonObject{{QStringLiteral("labdeck.io/touched"),
                                                               QStringLiteral("yes")}}}}}}),
                      QStringLiteral("modify deployment %1").arg(name));
             });
        m_created << name;
        break;
    }
    case Action::ModifyBurst: {
        const int n = 10 + int(m_rng.bounded(190));
        inSimulator([n](demolab::KubeSimulator *sim) { sim->modifyPods(n); });
        break;
    }
    case Action::ForcedRelist:
        // Changes the watches have not sent yet, then the history is
        // compacted: every watch behind gets 410 Expired and its reflector
        // lists again.
        ++m_forcedRelists;
        inSimulator([](demolab::KubeSimulator *sim) {
            sim->modifyPods(20);
            sim->compactHistory();
        });
        break;
    case Action::DeleteDuringRelist:
        m_deleteOnNextList = true;
        run(Action::ForcedRelist);
        break;
    case Action::NodeFailure: {
        // The node turns NotReady (Unknown, unreachable taints) and its pods
        // unready; the next time it is picked it comes back. The checkpoints
        // compare the nodes' Ready condition and the pods' readiness.
        static const QStringList kNodes{QStringLiteral("pikachu"), QStringLiteral("metamon"),
                                        QStringLiteral("bracky")};
        const QString node = kNodes.at(int(m_rng.bounded(int(kNodes.size()))));
        const bool stop = !m_stoppedKubelets.contains(node);
        if (stop)
            m_stoppedKubelets.insert(node);
        else
            m_stoppedKubelets.remove(node);
        ++m_nodeFailures;
        inSimulator(
            [node, stop](demolab::KubeSimulator *sim) { sim->setKubeletStopped(node, stop); });
        break;
    }
    }
}

void TestLiveModel::modelsEqualKubectl()
{
    bool ok = false;
    const int total = qEnvironmentVariableIntValue("LABDECK_LIVEMODEL_ACTIONS", &ok);
    const int actions = ok && total > 0 ? total : 1000;
    const int podListsBefore = m_session->reflector(Resource::Pods)->listCount();
    QElapsedTimer clock;
    clock.start();
    int done = 0;
    QHash<int, int> counts;
    while (done < actions) {
        // A burst: up to four actions at once, then their answers.
        const int burst = 1 + int(m_rng.bounded(4));
        for (int i = 0; i < burst && done < actions; ++i, ++done) {
            const Action a = pick();
            ++counts[int(a)];
            run(a);
        }
        if (m_outstanding > 0) {
            QSignalSpy answers(this, &TestLiveModel::answered);
            QVERIFY2(answers.wait(20000), "the simulator did not answer every call of a burst");
        }
        QVERIFY2(m_callErrors.isEmpty(), qPrintable(m_callErrors.join(QLatin1Char('\n'))));
        if (done % kCheckpointEvery < burst || done == actions) {
            checkpoint(QStringLiteral("after %1 actions").arg(done));
            if (QTest::currentTestFailed())
                return;
        }
    }
    const int podLists = m_session->reflector(Resource::Pods)->listCount() - podListsBefore;
    qInfo("%d actions (restart %d, scale %d, delete pod %d, apply %d, delete deployment %d, "
          "create+modify %d, "
          "modify burst %d, forced relist %d, delete during relist %d, kubelet stop/start %d) in "
          "%lld ms; %d checkpoints; "
          "pods listed "
          "%d more times, %d pods deleted during a relist",
          actions, counts.value(int(Action::RolloutRestart)), counts.value(int(Action::Scale)),
          counts.value(int(Action::DeletePod)), counts.value(int(Action::ApplyDeployment)),
          counts.value(int(Action::DeleteDeployment)), counts.value(int(Action::CreateThenModify)),
          counts.value(int(Action::ModifyBurst)), counts.value(int(Action::ForcedRelist)),
          counts.value(int(Action::DeleteDuringRelist)), m_nodeFailures, clock.elapsed(),
          m_checkpoints, podLists, m_deletesDuringList);
    // The forced relists did happen (each compaction expires the pod watch).
    QVERIFY(m_forcedRelists == 0 || podLists > 0);
}

QTEST_GUILESS_MAIN(TestLiveModel)
#include "tst_livemodel.moc"
