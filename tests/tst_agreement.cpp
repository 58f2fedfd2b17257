// One judgement: the window's live models (a KubeSession's reflectors into
// ClusterModels, judged by LabStatus into the lab view) and the headless
// `labdeck check k8s` (KubeCheck's own paged reads) on the same simulated
// cluster say the same thing about every item, in the same words.

#include "checks/checkrunner.h"
#include "checks/kubecheck.h"
#include "clustermodels.h"
#include "demolab/kubesimulator.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "kube/kubesession.h"
#include "kubemodels.h"
#include "labstatus.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace labdeck;

namespace {
// Relative times ("4 min ago") may differ by a tick between two readings.
QString withoutNumbers(QString s)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    return s.replace(digits, QStringLiteral("#"));
}
} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT
private:
    Inventory m_lab;
    std::unique_ptr<demolab::KubeSimulator> m_sim;
    std::unique_ptr<kube::StaticAuthenticator> m_auth;
    std::unique_ptr<kube::KubeSession> m_session;
    std::unique_ptr<HostModel> m_hosts;
    std::unique_ptr<ClusterModels> m_models;
    std::unique_ptr<kube::KubeClient> m_checkClient;

    // The headless check's results, read fresh from the server.
    QList<checks::CheckResult> runCheck(int pageSize)
    {
        checks::KubeCheck check;
        check.setPageSize(pageSize);
        QList<checks::CheckResult> results;
        connect(&check, &checks::Check::resultReady, this,
                [&results](const checks::CheckResult &r) { results << r; });
        QSignalSpy done(&check, &checks::Check::finished);
        checks::CheckContext ctx;
        ctx.inventory = m_lab;
        ctx.kube = m_checkClient.get();
        check.start(ctx);
        if (!done.wait(10000))
            qWarning("the k8s check did not finish");
        return results;
    }

    // Every result about a lab item against that item in the window; empty
    // when they agree, else the differences.
    QString differences(const QList<checks::CheckResult> &results, int *compared)
    {
        QStringList diff;
        *compared = 0;
        for (const checks::CheckResult &r : results) {
            const QString id = r.details.value(QLatin1String("item")).toString();
            if (id.isEmpty())
                continue;
            const QModelIndex idx = m_hosts->indexForId(id);
            if (!idx.isValid()) {
                diff << QStringLiteral("%1: not in the window").arg(id);
                continue;
            }
            ++*compared;
            const Health window = Health(idx.data(HostModel::OwnHealthRole).toInt());
            const QString reason = idx.data(HostModel::HealthReasonRole).toString();
            if (window != r.severity || withoutNumbers(reason) != withoutNumbers(r.summary))
                diff << QStringLiteral("%1: window %2 \"%3\", check %4 \"%5\"")
                            .arg(id, HealthText::name(window), reason, HealthText::name(r.severity),
                                 r.summary);
        }
        return diff.join(QLatin1Char('\n'));
    }

    // Waits until the window has caught up with the server, then compares.
    void expectAgreement(int pageSize = 500)
    {
        int compared = 0;
        QString diff;
        // The lab view is recomputed at most four times a second: the check
        // runs again until it agrees, for up to ten seconds.
        const bool agreed = QTest::qWaitFor(
            [&] {
                diff = differences(runCheck(pageSize), &compared);
                return diff.isEmpty();
            },
            10000);
        QVERIFY2(agreed, qPrintable(diff));
        QVERIFY2(compared >= 15, qPrintable(QString::number(compared)));
    }

    QString summaryOf(const QList<checks::CheckResult> &results, const QString &target)
    {
        for (const checks::CheckResult &r : results) {
            if (r.target == target)
                return r.summary;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_lab = *InventoryLoader::loadBuiltIn().inventory;
        m_sim = std::make_unique<demolab::KubeSimulator>(m_lab);
        m_sim->setReadyDelay(std::chrono::milliseconds(50));
        QVERIFY(m_sim->listen());
    }

    void cleanup()
    {
        m_checkClient.reset();
        m_models.reset();
        m_session.reset();
        m_hosts.reset();
        m_sim.reset();
    }

    void healthyLab()
    {
        connectWindow();
        expectAgreement();
    }

    // Small pages: the check follows continue tokens as the reflectors do,
    // so nothing the window shows is "missing" to it.
    void smallPages()
    {
        connectWindow();
        const QList<checks::CheckResult> results = runCheck(2);
        for (const checks::CheckResult &r : results)
            QVERIFY2(!r.summary.startsWith(QLatin1String("missing")),
                     qPrintable(r.target + QLatin1Char(' ') + r.summary));
        expectAgreement(2);
    }

    // A server that pages whatever it is asked: every deployment is found.
    void pagingServer()
    {
        m_sim->setMaxPageSize(3);
        connectWindow();
        const QList<checks::CheckResult> results = runCheck(500);
        int deployments = 0;
        for (const checks::CheckResult &r : results) {
            QVERIFY2(!r.summary.startsWith(QLatin1String("missing")),
                     qPrintable(r.target + QLatin1Char(' ') + r.summary));
            deployments += r.target.startsWith(QLatin1String("deployment ")) ? 1 : 0;
        }
        int inInventory = 0;
        for (const Workload &w : m_lab.workloads)
            inInventory += w.kind == WorkloadKind::Deployment ? 1 : 0;
        QCOMPARE(deployments, inInventory);
        expectAgreement();
    }

    // A node whose kubelet stops: NotReady in both, in the same words; what
    // runs there is stale.
    void kubeletStopped()
    {
        connectWindow();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(m_sim->setKubeletStopped(QStringLiteral("bracky"), true));
        const QModelIndex bracky = m_hosts->indexForId(HostModel::hostId(QStringLiteral("bracky")));
        QTRY_COMPARE_WITH_TIMEOUT(Health(bracky.data(HostModel::HealthRole).toInt()),
                                  Health::Critical, 5000);
        qInfo("bracky's card turned critical %lld ms after the node update",
              qint64(clock.elapsed()));
        QVERIFY(bracky.data(HostModel::HealthReasonRole)
                    .toString()
                    .startsWith(QLatin1String("NotReady (unreachable)")));
        QCOMPARE(bracky.data(HostModel::NoteRole).toString(), QStringLiteral("NotReady"));
        expectAgreement();
        // Its pods are marked stale in the Pods table.
        bool stale = false;
        for (int r = 0; r < m_models->pods()->rowCount(); ++r) {
            const kube::PodInfo &p = m_models->pods()->at(r);
            if (p.nodeName == QLatin1String("bracky") && p.phase == QLatin1String("Running"))
                stale =
                    m_models->pods()->verdict(p).stale && m_models->pods()
                                                              ->index(r, PodModel::Status)
                                                              .data()
                                                              .toString()
                                                              .endsWith(QLatin1String("(stale)"));
            if (stale)
                break;
        }
        QVERIFY(stale);
        const QList<checks::CheckResult> results = runCheck(500);
        QVERIFY(summaryOf(results, QStringLiteral("node bracky"))
                    .contains(QLatin1String("Kubelet stopped posting node status.")));
        QVERIFY(summaryOf(results, QStringLiteral("deployment apps/shlink"))
                    .contains(QLatin1String("state may be stale")));
        QVERIFY(m_sim->setKubeletStopped(QStringLiteral("bracky"), false));
        QTRY_COMPARE_WITH_TIMEOUT(Health(bracky.data(HostModel::OwnHealthRole).toInt()), Health::Ok,
                                  5000);
        expectAgreement();
    }

    void memoryPressure()
    {
        connectWindow();
        QVERIFY(m_sim->setNodePressure(QStringLiteral("metamon"), QStringLiteral("MemoryPressure"),
                                       true));
        const QModelIndex metamon =
            m_hosts->indexForId(HostModel::hostId(QStringLiteral("metamon")));
        QTRY_COMPARE_WITH_TIMEOUT(Health(metamon.data(HostModel::OwnHealthRole).toInt()),
                                  Health::Warning, 5000);
        QCOMPARE(metamon.data(HostModel::NoteRole).toString(), QStringLiteral("memory pressure"));
        expectAgreement();
    }

    // A user who may not list statefulsets: one result says so, the
    // StatefulSets of the inventory are unknown with why, the rest is live.
    void forbiddenStatefulSets()
    {
        m_sim->setForbidden(QStringLiteral("statefulsets"), true);
        connectWindow();
        const QModelIndex postgres = m_hosts->indexForId(
            HostModel::workloadId(QStringLiteral("database"), QStringLiteral("postgresql")));
        QTRY_COMPARE_WITH_TIMEOUT(postgres.data(HostModel::HealthReasonRole).toString(),
                                  QStringLiteral("unknown: this user may not list statefulsets"),
                                  5000);
        QCOMPARE(Health(postgres.data(HostModel::OwnHealthRole).toInt()), Health::Unknown);
        const QModelIndex shlink = m_hosts->indexForId(
            HostModel::workloadId(QStringLiteral("apps"), QStringLiteral("shlink")));
        QCOMPARE(Health(shlink.data(HostModel::OwnHealthRole).toInt()), Health::Ok);
        QCOMPARE(m_session->access(kube::Resource::StatefulSets).state,
                 kube::KindAccess::State::NotPermitted);
        QCOMPARE(m_session->access(kube::Resource::Deployments).state,
                 kube::KindAccess::State::Live);
        QVERIFY(
            m_session->stateText().contains(QLatin1String("this user may not list statefulsets")));
        // A 403 waits the longest backoff rather than retrying fast.
        const QDateTime next = m_session->reflector(kube::Resource::StatefulSets)->nextTry();
        QVERIFY(next.isValid());
        QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(next) > 20000);
        expectAgreement();
        const QList<checks::CheckResult> results = runCheck(500);
        int forbidden = 0;
        for (const checks::CheckResult &r : results) {
            if (r.target == QLatin1String("Kubernetes statefulsets")) {
                ++forbidden;
                QCOMPARE(r.severity, Health::Unknown);
                QVERIFY(r.summary.contains(
                    QLatin1String("statefulsets.apps is forbidden: User \"labdeck-demo\"")));
            }
        }
        QCOMPARE(forbidden, 1);
        QVERIFY(
            summaryOf(results, QStringLiteral("node bracky")).startsWith(QLatin1String("Ready")));
        // Allowed again: F5 (retryNow) reads it at once.
        m_sim->setForbidden(QStringLiteral("statefulsets"), false);
        m_models->retryNow();
        QTRY_COMPARE_WITH_TIMEOUT(Health(postgres.data(HostModel::OwnHealthRole).toInt()),
                                  Health::Ok, 5000);
        expectAgreement();
    }

    void podFailures()
    {
        connectWindow();
        QVERIFY(m_sim->setOomKilled(QStringLiteral("apps"), QStringLiteral("shlink"), true));
        QVERIFY(m_sim->setBadImage(QStringLiteral("monitoring"), QStringLiteral("grafana"), true));
        QList<checks::CheckResult> results;
        QTRY_VERIFY_WITH_TIMEOUT(pullFailureSeen(&results), 10000);
        bool oom = false;
        for (const checks::CheckResult &r : results)
            oom = oom || (r.target.startsWith(QLatin1String("pod apps/shlink-")) &&
                          r.summary.startsWith(QLatin1String("OOMKilled")));
        QVERIFY(oom);
        expectAgreement();
    }

private:
    bool pullFailureSeen(QList<checks::CheckResult> *results)
    {
        *results = runCheck(500);
        for (const checks::CheckResult &r : std::as_const(*results)) {
            if (r.target.startsWith(QLatin1String("pod monitoring/grafana-")) &&
                (r.summary.startsWith(QLatin1String("ImagePullBackOff")) ||
                 r.summary.startsWith(QLatin1String("ErrImagePull"))))
                return true;
        }
        return false;
    }

    void connectWindow()
    {
        m_auth = std::make_unique<kube::StaticAuthenticator>(
            m_sim->bearerToken(), QSslConfiguration::defaultConfiguration());
        m_auth->allowPlainHttpOnLoopback();
        m_hosts = std::make_unique<HostModel>();
        m_hosts->setInventory(m_lab);
        m_models = std::make_unique<ClusterModels>(m_hosts.get());
        m_session =
            std::make_unique<kube::KubeSession>(QStringLiteral("demo"), m_sim->url(), m_auth.get());
        for (kube::Resource r :
             {kube::Resource::Nodes, kube::Resource::Pods, kube::Resource::Deployments,
              kube::Resource::StatefulSets, kube::Resource::DaemonSets, kube::Resource::Events})
            m_session->reflector(r)->setPageSize(3); // the window pages too
        m_models->setSession(m_session.get());
        m_checkClient = std::make_unique<kube::KubeClient>(m_sim->url(), m_auth.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_models->status()->isLive(), 10000);
    }

private Q_SLOTS:
    void degradedAndMissing()
    {
        connectWindow();
        m_sim->setReadyDelay(std::chrono::minutes(10)); // new pods stay unready
        kube::KubeCall *scale = m_checkClient->mergePatch(
            kube::objectPath(kube::Resource::Deployments, QStringLiteral("apps"),
                             QStringLiteral("shlink")),
            QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 3}}}});
        QSignalSpy scaled(scale, &kube::KubeCall::finished);
        QVERIFY(scaled.wait(5000));
        kube::KubeCall *remove = m_checkClient->remove(kube::objectPath(
            kube::Resource::Deployments, QStringLiteral("monitoring"), QStringLiteral("grafana")));
        QSignalSpy removed(remove, &kube::KubeCall::finished);
        QVERIFY(removed.wait(5000));
        expectAgreement();
        const QList<checks::CheckResult> results = runCheck(500);
        QVERIFY(summaryOf(results, QStringLiteral("deployment apps/shlink"))
                    .startsWith(QLatin1String("1 of 3 ready")));
        QVERIFY(summaryOf(results, QStringLiteral("deployment monitoring/grafana"))
                    .startsWith(QLatin1String("missing")));
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
