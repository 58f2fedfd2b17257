// The real kubectl against the demo lab's Kubernetes API simulator: an
// independent client proves the simulator speaks the API faithfully. The
// simulator runs on its own QThread (as in the app) over HTTPS with a test CA,
// because client-go sends a kubeconfig's credentials only over TLS.

#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "support/fixtures.h"
#include "support/simharness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace labdeck;
using namespace labdeck::demolab;
using namespace std::chrono_literals;
using labdeck::test::fixturePath;
using labdeck::test::readFile;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestDemoLabKubectl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void getPodsAllNamespaces();
    void getNodesJson();
    void scaleDeployment();
    void rolloutRestart();
    void applyServerSide();
    void logsAndEvents();

private:
    Run kubectl(const QStringList &args, int timeoutMs = 60000);
    QJsonObject get(const QString &path);

    QString m_kubectl;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    std::unique_ptr<labdeck::test::SimHarness> m_harness;
    KubeSimulator *m_sim = nullptr;
    QNetworkAccessManager m_nam;
};

void TestDemoLabKubectl::initTestCase()
{
    m_kubectl = labdeck::test::SimHarness::findKubectl();
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed (neither /usr/bin/kubectl nor kubectl on PATH); this test "
              "runs the real "
              "kubectl against the demo lab and needs it");
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed; it makes the test CA (kubectl sends its token only over "
              "HTTPS)");
    QVERIFY(m_dir.isValid());

    const InventoryLoadResult lab = InventoryLoader::loadBuiltIn();
    QVERIFY2(lab.ok(), qPrintable(lab.errorText()));
    // The simulator on its own thread, as the app runs it: kubectl's requests
    // are answered while this thread waits for the process. HTTPS with a CA
    // and a server certificate for 127.0.0.1.
    m_harness = std::make_unique<labdeck::test::SimHarness>(*lab.inventory);
    m_sim = m_harness->sim();
    m_harness->onSim([this] { m_sim->setReadyDelay(100ms); });
    QString error;
    QVERIFY2(m_harness->listenTls(m_dir.path(), &error), qPrintable(error));
    QVERIFY(!m_harness->pki().server.isNull() && !m_harness->pki().serverKey.isNull() &&
            !m_harness->pki().ca.isNull());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY(m_harness->writeKubeconfig(m_kubeconfig, &error));

    const Run version = kubectl({"version", "-o", "json"});
    QVERIFY2(version.exitCode == 0, qPrintable(version.err));
    const QJsonObject v = QJsonDocument::fromJson(version.out.toUtf8()).object();
    qInfo("kubectl %s (%s) against server %s",
          qPrintable(v["clientVersion"].toObject()["gitVersion"].toString()), qPrintable(m_kubectl),
          qPrintable(v["serverVersion"].toObject()["gitVersion"].toString()));
    QVERIFY(v["serverVersion"].toObject()["gitVersion"].toString().startsWith("v1.30."));
}

void TestDemoLabKubectl::cleanupTestCase()
{
    m_sim = nullptr;
    m_harness.reset();
}

Run TestDemoLabKubectl::kubectl(const QStringList &args, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("KUBECONFIG", m_kubeconfig);
    p.setProcessEnvironment(env);
    p.start(m_kubectl, QStringList{"--kubeconfig", m_kubeconfig, "--cache-dir",
                                   m_dir.path() + "/cache", "--request-timeout=30s"} +
                           args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
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

QJsonObject TestDemoLabKubectl::get(const QString &path)
{
    QNetworkRequest req(QUrl(m_sim->url().toString() + path));
    req.setRawHeader("Authorization", "Bearer " + m_sim->bearerToken().toLatin1());
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_harness->pki().ca});
    req.setSslConfiguration(ssl);
    QNetworkReply *reply = m_nam.get(req);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(20000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void TestDemoLabKubectl::getPodsAllNamespaces()
{
    const Run r = kubectl({"get", "pods", "-A"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith("NAMESPACE"));
    QVERIFY(lines.first().contains("READY") && lines.first().contains("STATUS") &&
            lines.first().contains("AGE"));
    const InventoryLoadResult lab = InventoryLoader::loadBuiltIn();
    for (const Workload &w : lab.inventory->workloads) {
        if (w.kind == WorkloadKind::Group)
            continue;
        bool found = false;
        for (const QString &line : lines) {
            const QStringList cells = line.simplified().split(' ');
            found = found || (cells.value(0) == w.ns && cells.value(1).startsWith(w.name + '-') &&
                              cells.value(3) == "Running");
        }
        QVERIFY2(found, qPrintable(w.qualifiedName()));
    }
    QVERIFY(r.out.contains("etcd-pikachu"));
    QVERIFY(r.out.contains("2/2     Running")); // grafana and its sidecar
}

void TestDemoLabKubectl::getNodesJson()
{
    const Run r = kubectl({"get", "nodes", "-o", "json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(list["kind"].toString(), QStringLiteral("List"));
    QStringList names;
    for (const QJsonValue &v : list["items"].toArray()) {
        const QJsonObject node = v.toObject();
        QCOMPARE(node["kind"].toString(), QStringLiteral("Node"));
        names << node["metadata"].toObject()["name"].toString();
    }
    names.sort();
    QCOMPARE(names, (QStringList{"bracky", "metamon", "pikachu"}));
    const Run wide = kubectl({"get", "nodes", "-o", "wide"});
    QVERIFY(wide.out.contains("control-plane"));
    QVERIFY(wide.out.contains("v1.30."));
}

void TestDemoLabKubectl::scaleDeployment()
{
    const Run r = kubectl({"scale", "deployment/shlink", "-n", "apps", "--replicas=2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/shlink scaled"));
    QCOMPARE(get("/apis/apps/v1/namespaces/apps/deployments/shlink")["spec"]
                 .toObject()["replicas"]
                 .toInt(),
             2);
    QTRY_COMPARE(get("/apis/apps/v1/namespaces/apps/deployments/shlink")["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 2);
    const Run status =
        kubectl({"rollout", "status", "deployment/shlink", "-n", "apps", "--timeout=30s"});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QVERIFY(status.out.contains("successfully rolled out"));
}

void TestDemoLabKubectl::rolloutRestart()
{
    const QString before =
        get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana")["items"]
            .toArray()
            .first()
            .toObject()["metadata"]
            .toObject()["name"]
            .toString();
    const Run r = kubectl({"rollout", "restart", "deployment/grafana", "-n", "monitoring"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/grafana restarted"));

    const QJsonObject d = get("/apis/apps/v1/namespaces/monitoring/deployments/grafana");
    const QString restartedAt = d["spec"]
                                    .toObject()["template"]
                                    .toObject()["metadata"]
                                    .toObject()["annotations"]
                                    .toObject()["kubectl.kubernetes.io/restartedAt"]
                                    .toString();
    QVERIFY(!restartedAt.isEmpty());
    QVERIFY(QDateTime::fromString(restartedAt, Qt::ISODate).isValid());
    bool byRollout = false;
    for (const QJsonValue &m : d["metadata"].toObject()["managedFields"].toArray()) {
        const QJsonObject e = m.toObject();
        byRollout = byRollout || (e["manager"] == "kubectl-rollout" && e["operation"] == "Update" &&
                                  QJsonDocument(e["fieldsV1"].toObject())
                                      .toJson()
                                      .contains("f:kubectl.kubernetes.io/restartedAt"));
    }
    QVERIFY(byRollout);

    const Run status =
        kubectl({"rollout", "status", "deployment/grafana", "-n", "monitoring", "--timeout=30s"});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err + status.out));
    QVERIFY(status.out.contains("successfully rolled out"));
    QTRY_VERIFY([&] {
        const QJsonArray pods =
            get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana")["items"]
                .toArray();
        return pods.size() == 1 &&
               pods.first().toObject()["metadata"].toObject()["name"].toString() != before;
    }());
}

void TestDemoLabKubectl::applyServerSide()
{
    const QString manifest = fixturePath("demolab/hello-app.yaml");
    const Run dry = kubectl({"apply", "--server-side", "--dry-run=server", "-f", manifest});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
    QVERIFY(dry.out.contains("deployment.apps/hello serverside-applied (server dry run)"));
    QVERIFY(dry.out.contains("service/hello serverside-applied (server dry run)"));
    QCOMPARE(get("/apis/apps/v1/namespaces/apps/deployments/hello")["code"].toInt(), 404);

    const Run applied = kubectl({"apply", "--server-side", "-f", manifest});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
    QVERIFY(applied.out.contains("deployment.apps/hello serverside-applied"));
    QVERIFY(applied.out.contains("service/hello serverside-applied"));

    const QJsonObject d = get("/apis/apps/v1/namespaces/apps/deployments/hello");
    QCOMPARE(d["kind"].toString(), QStringLiteral("Deployment"));
    const QJsonArray managed = d["metadata"].toObject()["managedFields"].toArray();
    QCOMPARE(managed.size(), 1);
    QCOMPARE(managed.first().toObject()["manager"].toString(), QStringLiteral("kubectl"));
    QCOMPARE(managed.first().toObject()["operation"].toString(), QStringLiteral("Apply"));
    const QJsonObject svc = get("/api/v1/namespaces/apps/services/hello");
    QCOMPARE(svc["spec"].toObject()["ports"].toArray().first().toObject()["nodePort"].toInt(),
             30088);
    QTRY_COMPARE(get("/apis/apps/v1/namespaces/apps/deployments/hello")["status"]
                     .toObject()["readyReplicas"]
                     .toInt(),
                 1);
    QCOMPARE(get("/api/v1/namespaces/apps/pods?labelSelector=app%3Dhello")["items"]
                 .toArray()
                 .first()
                 .toObject()["spec"]
                 .toObject()["nodeName"]
                 .toString(),
             QStringLiteral("bracky"));

    // Again, and as a dry run against the existing objects.
    const Run again = kubectl({"apply", "--server-side", "-f", manifest});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    const Run dryAgain = kubectl({"apply", "--server-side", "--dry-run=server", "-f", manifest});
    QVERIFY2(dryAgain.exitCode == 0, qPrintable(dryAgain.err));
    QVERIFY(dryAgain.out.contains("(server dry run)"));

    // After someone scales it, a plain apply reports the conflict and force wins.
    QCOMPARE(kubectl({"scale", "deployment/hello", "-n", "apps", "--replicas=3"}).exitCode, 0);
    QString twoReplicas =
        QString::fromUtf8(readFile(manifest)).replace("replicas: 1", "replicas: 2");
    const QString changed = m_dir.path() + "/hello-2.yaml";
    QFile f(changed);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(twoReplicas.toUtf8());
    f.close();
    const Run conflict = kubectl({"apply", "--server-side", "-f", changed});
    QVERIFY(conflict.exitCode != 0);
    QVERIFY2(conflict.err.contains("Apply failed with 1 conflict") &&
                 conflict.err.contains(".spec.replicas"),
             qPrintable(conflict.err));
    const Run forced = kubectl({"apply", "--server-side", "--force-conflicts", "-f", changed});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QCOMPARE(get("/apis/apps/v1/namespaces/apps/deployments/hello")["spec"]
                 .toObject()["replicas"]
                 .toInt(),
             2);
}

void TestDemoLabKubectl::logsAndEvents()
{
    const Run logs = kubectl({"logs", "-n", "database", "postgresql-0", "--tail=3"});
    QVERIFY2(logs.exitCode == 0, qPrintable(logs.err));
    QCOMPARE(logs.out.trimmed().split('\n').size(), 3);
    QVERIFY(logs.out.contains("LOG:"));
    const QString grafana =
        get("/api/v1/namespaces/monitoring/pods?labelSelector=app%3Dgrafana")["items"]
            .toArray()
            .first()
            .toObject()["metadata"]
            .toObject()["name"]
            .toString();
    const Run sidecar =
        kubectl({"logs", "-n", "monitoring", grafana, "-c", "grafana-sc-dashboard", "--tail=2"});
    QVERIFY2(sidecar.exitCode == 0, qPrintable(sidecar.err));
    const Run events = kubectl({"get", "events", "-n", "monitoring"});
    QVERIFY2(events.exitCode == 0, qPrintable(events.err));
    QVERIFY(events.out.contains("Started"));
    const Run describe = kubectl({"describe", "pod", "-n", "database", "redis-0"});
    QVERIFY2(describe.exitCode == 0, qPrintable(describe.err));
    QVERIFY(describe.out.contains("Node:") && describe.out.contains("bracky"));
}

QTEST_GUILESS_MAIN(TestDemoLabKubectl)
#include "tst_demolab_kubectl.moc"
