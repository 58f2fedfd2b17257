// Parsing real Kubernetes objects, watch streams cut at any byte, and Status
// errors into readable text.

#include "kube/kubeobjects.h"
#include "kube/kubestatus.h"
#include "kube/watchparser.h"
#include "support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace labdeck::kube;
using labdeck::test::fixture;

namespace {
QJsonObject json(const char *name, std::source_location at = std::source_location::current())
{
    return QJsonDocument::fromJson(
               fixture(QStringLiteral("kubernetes-api/") + QLatin1String(name), at))
        .object();
}
} // namespace

class TestKubeParsing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void node()
    {
        const NodeInfo n = parseNode(json("node.real.json"));
        QCOMPARE(n.name, QStringLiteral("minikube"));
        QVERIFY(n.readyKnown);
        QVERIFY(n.ready);
        QCOMPARE(n.roles, QStringList{QStringLiteral("master")});
        QCOMPARE(n.kubeletVersion, QStringLiteral("v1.15.2"));
        QCOMPARE(n.architecture, QStringLiteral("amd64"));
        QVERIFY(!n.cpuCapacity.isEmpty());
        QVERIFY(!n.memoryAllocatable.isEmpty());
        QVERIFY(n.conditions.size() >= 4);
        QVERIFY(!n.unschedulable);
    }

    void pod()
    {
        const PodInfo p = parsePod(json("pod.real.json"));
        QVERIFY(!p.name.isEmpty());
        QCOMPARE(p.phase, QStringLiteral("Running"));
        QCOMPARE(p.status, QStringLiteral("Running"));
        QVERIFY(p.ready);
        QCOMPARE(p.totalContainers, int(p.containers.size()));
        QCOMPARE(p.readyContainers, p.totalContainers);
        QCOMPARE(p.restarts, 0);
        QVERIFY(!p.nodeName.isEmpty());
        QVERIFY(p.created.isValid());
    }

    void podOwnedByReplicaSetBelongsToItsDeployment()
    {
        QJsonObject pod = json("pod.real.json");
        QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
        meta.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("pod-template-hash"),
                                                           QStringLiteral("7d4b578979")}});
        meta.insert(QStringLiteral("ownerReferences"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                        {QStringLiteral("name"), QStringLiteral("home-assistant-7d4b578979")}}});
        pod.insert(QStringLiteral("metadata"), meta);
        const PodInfo p = parsePod(pod);
        QCOMPARE(p.workloadKind, QStringLiteral("Deployment"));
        QCOMPARE(p.workloadName, QStringLiteral("home-assistant"));
    }

    void crashLoopingPod()
    {
        QJsonObject pod = json("pod.real.json");
        QJsonObject status = pod.value(QLatin1String("status")).toObject();
        QJsonArray cs = status.value(QLatin1String("containerStatuses")).toArray();
        QJsonObject c = cs.at(0).toObject();
        c.insert(QStringLiteral("ready"), false);
        c.insert(QStringLiteral("restartCount"), 7);
        c.insert(QStringLiteral("state"),
                 QJsonObject{{QStringLiteral("waiting"),
                              QJsonObject{{QStringLiteral("reason"),
                                           QStringLiteral("CrashLoopBackOff")}}}});
        cs.replace(0, c);
        status.insert(QStringLiteral("containerStatuses"), cs);
        pod.insert(QStringLiteral("status"), status);
        const PodInfo p = parsePod(pod);
        QCOMPARE(p.status, QStringLiteral("CrashLoopBackOff"));
        QVERIFY(p.isCrashLooping());
        QCOMPARE(p.restarts, 7);
        QCOMPARE(p.readyContainers, 0);
    }

    void deployment()
    {
        const WorkloadInfo w =
            parseWorkload(json("deployment-apps-v1.real.json"), QStringLiteral("Deployment"));
        QCOMPARE(w.kind, QStringLiteral("Deployment"));
        QCOMPARE(w.desired, 1);
        QCOMPARE(w.ready, 1);
        QCOMPARE(w.updated, 1);
        QVERIFY(w.rolloutComplete());
        QVERIFY(w.rolloutFailure().isEmpty());
        QVERIFY(!w.images.isEmpty());
    }

    void rolloutInProgress()
    {
        QJsonObject d = json("deployment-apps-v1.real.json");
        QJsonObject spec = d.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), 3);
        d.insert(QStringLiteral("spec"), spec);
        const WorkloadInfo w = parseWorkload(d, QStringLiteral("Deployment"));
        QCOMPARE(w.desired, 3);
        QVERIFY(!w.rolloutComplete());
    }

    void watchStreamCutAnywhere_data()
    {
        QTest::addColumn<int>("chunk");
        for (int c : {1, 7, 64, 1000, 1 << 20})
            QTest::newRow(qPrintable(QString::number(c))) << c;
    }
    void watchStreamCutAnywhere()
    {
        QFETCH(int, chunk);
        const QByteArray stream =
            fixture(QStringLiteral("kubernetes-api/watch-pods.constructed.jsonl"));
        WatchParser parser;
        QList<WatchEvent> events;
        for (qsizetype i = 0; i < stream.size(); i += chunk)
            events << parser.feed(stream.mid(i, chunk));
        // ADDED, ADDED, BOOKMARK, then ERROR with a 410 Expired Status.
        QCOMPARE(events.size(), 4);
        QCOMPARE(events.at(0).type, WatchEvent::Type::Added);
        QCOMPARE(events.at(0).resourceVersion(), QStringLiteral("1482816"));
        QCOMPARE(parsePod(events.at(1).object).name, QStringLiteral("nginx-7fb78fb6d8-2w75j"));
        QCOMPARE(events.at(2).type, WatchEvent::Type::Bookmark);
        QCOMPARE(events.at(2).resourceVersion(), QStringLiteral("12746"));
        QCOMPARE(events.at(3).type, WatchEvent::Type::Error);
        QVERIFY(KubeStatus::fromJson(events.at(3).object)->isExpired());
        QCOMPARE(parser.malformedLines(), 0);
        QCOMPARE(parser.pendingBytes(), qsizetype(0));
    }

    void watchErrorAndBookmark()
    {
        WatchParser parser;
        const auto events = parser.feed("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\","
                                        "\"metadata\":{\"resourceVersion\":\"42\"}}}\n"
                                        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\","
                                        "\"apiVersion\":\"v1\",\"status\":\"Failure\","
                                        "\"message\":\"too old resource version: 1 "
                                        "(40)\",\"reason\":\"Expired\",\"code\":410}}\n"
                                        "not json\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).type, WatchEvent::Type::Bookmark);
        QCOMPARE(events.at(0).resourceVersion(), QStringLiteral("42"));
        QCOMPARE(events.at(1).type, WatchEvent::Type::Error);
        const auto status = KubeStatus::fromJson(events.at(1).object);
        QVERIFY(status);
        QVERIFY(status->isExpired());
        QCOMPARE(parser.malformedLines(), 1);
    }

    void statusText()
    {
        const KubeStatus s = KubeStatus::fromReply(
            404, fixture(QStringLiteral("kubernetes-api/status-404-notfound.json")));
        QCOMPARE(s.code, 404);
        QCOMPARE(s.reason, QStringLiteral("NotFound"));
        QCOMPARE(s.name, QStringLiteral("grafana"));
        QVERIFY(
            s.toText().startsWith(QStringLiteral("NotFound (404): pods \"grafana\" not found")));

        const KubeStatus plain = KubeStatus::fromReply(502, "Bad Gateway");
        QVERIFY(plain.toText().startsWith(QStringLiteral("HTTP 502: Bad Gateway")));

        const QByteArray conflict =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":"
            "\"Conflict\",\"code\":409,"
            "\"message\":\"Apply failed with 1 conflict: conflict with \\\"kubectl\\\" using "
            "apps/v1: .spec.replicas\","
            "\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict "
            "with \\\"kubectl\\\" using apps/v1\",\"field\":\".spec.replicas\"}]}}";
        const KubeStatus c = KubeStatus::fromReply(409, conflict);
        QVERIFY(c.isFieldManagerConflict());
        QCOMPARE(c.causes.first().field, QStringLiteral(".spec.replicas"));
        QVERIFY(c.toText().contains(QStringLiteral("force")));
    }
};

QTEST_GUILESS_MAIN(TestKubeParsing)
#include "tst_kubeparsing.moc"
