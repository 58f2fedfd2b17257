// Server-side apply of the wizard's manifests against the demo lab over
// HTTPS: dry runs that persist nothing and diff against the live objects,
// applies with field manager "labdeck", the conflict flow with force,
// folder apply in the seed's order, rollouts followed to Ready or to the
// pod events that say why not, secrets kept out of Activity and diffs; and
// the real kubectl accepting every generated manifest (skips with a message
// where kubectl is absent).
#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "kube/kubeactions.h"
#include "kube/kubeclient.h"
#include "kube/manifestapply.h"
#include "manifests/servicespec.h"
#include "manifests/writeplan.h"
#include "support/simharness.h"
#include "support/specbuilders.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace labdeck;
using namespace labdeck::kube;
using namespace labdeck::manifests;
using namespace std::chrono_literals;
using labdeck::test::builtInLab;
using labdeck::test::minimalSpec;
using labdeck::test::notesSpec;

namespace {

QString outcomes(const ApplyRun *run)
{
    QStringList out;
    for (qsizetype i = 0; i < run->targets().size(); ++i)
        out << run->targets().at(i).title() + QLatin1Char('=') +
                   ApplyText::outcome(run->results().at(i).outcome, run->isDryRun());
    return out.join(QLatin1String(", "));
}

} // namespace

class TestApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void dryRunPersistsNothing();
    void applyCreatesThenUnchanged();
    void dryRunDiffAgainstLive();
    void conflictAndForce();
    void secretsStayOutOfActivityAndDiffs();
    void secretLastAppliedAnnotationIsRedacted();
    void folderInSeedOrder();
    void rolloutFailureSaysWhy();
    void unsupportedKind();
    void pathsOnlyFromKubernetesNames();
    void kubectlAcceptsGeneratedManifests();

private:
    ApplyRun *runAndWait(const QList<ApplyTarget> &targets, ApplyRun::Mode mode);
    QJsonObject get(const QString &path);
    KubeResponse send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                      const QByteArray &body, const QByteArray &type);

    QTemporaryDir m_dir;
    std::unique_ptr<labdeck::test::SimHarness> m_harness;
    demolab::KubeSimulator *m_sim = nullptr;
    std::unique_ptr<StaticAuthenticator> m_auth;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<KubeActions> m_actions;
    std::unique_ptr<ManifestApplier> m_applier;
    QList<KubeAction *> m_started;
    QString m_kubeconfig;
};

void TestApply::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed; it makes the test CA for the demo lab's HTTPS");
    QVERIFY(m_dir.isValid());
    m_harness = std::make_unique<labdeck::test::SimHarness>(builtInLab());
    m_sim = m_harness->sim();
    m_harness->onSim([this] { m_sim->setReadyDelay(50ms); });
    QString error;
    QVERIFY2(m_harness->listenTls(m_dir.path(), &error), qPrintable(error));
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY(m_harness->writeKubeconfig(m_kubeconfig, &error));

    m_auth = std::make_unique<StaticAuthenticator>(m_sim->bearerToken(), m_harness->trustingCa());
    m_client = std::make_unique<KubeClient>(m_sim->url(), m_auth.get());
    m_actions = std::make_unique<KubeActions>(m_client.get());
    m_actions->setPollInterval(100ms);
    m_actions->setRolloutTimeout(20s);
    connect(m_actions.get(), &KubeActions::actionStarted, this,
            [this](KubeAction *a) { m_started << a; });
    m_applier = std::make_unique<ManifestApplier>(m_client.get(), m_actions.get());
}

void TestApply::cleanupTestCase()
{
    m_applier.reset();
    m_actions.reset();
    m_client.reset();
    m_sim = nullptr;
    m_harness.reset();
}

ApplyRun *TestApply::runAndWait(const QList<ApplyTarget> &targets, ApplyRun::Mode mode)
{
    ApplyRun *run = m_applier->run(targets, mode);
    QSignalSpy done(run, &ApplyRun::finished);
    if (!run->isFinished())
        done.wait(20000);
    return run;
}

KubeResponse TestApply::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                             const QByteArray &body, const QByteArray &type)
{
    KubeCall *call = method == "GET" ? m_client->get(path, query)
                                     : m_client->send(method, path, query, body, type);
    KubeResponse response;
    QSignalSpy done(call, &KubeCall::finished);
    connect(call, &KubeCall::finished, this, [&response](const KubeResponse &r) { response = r; });
    done.wait(20000);
    return response;
}

QJsonObject TestApply::get(const QString &path)
{
    const KubeResponse r = send("GET", path, {}, {}, {});
    return r.ok() ? r.json : QJsonObject{{QStringLiteral("code"), r.httpStatus}};
}

void TestApply::dryRunPersistsNothing()
{
    const QList<ApplyTarget> targets = applyTargets(generateManifests(notesSpec()));
    QCOMPARE(targets.size(), 6); // Namespace, PV, PVC, Secret, Deployment, Service
    ApplyRun *run = runAndWait(targets, ApplyRun::Mode::DryRun);
    QVERIFY(run->isFinished());
    QVERIFY2(run->allOk(), qPrintable(outcomes(run)));
    QCOMPARE(run->count(ApplyResult::Outcome::Created), 6);
    // Objects in the namespace the run creates are checked when applied.
    QVERIFY(run->results().at(2).message.contains(
        QStringLiteral("namespace tools does not exist yet")));
    // The PV is cluster-scoped: the server checked it for real.
    QVERIFY(run->results().at(1).message.isEmpty());
    QVERIFY(run->results().at(1).diff.contains(QStringLiteral("+  name: notes-pv")));
    QCOMPARE(get(QStringLiteral("/api/v1/namespaces/tools"))[QStringLiteral("code")].toInt(), 404);
    QCOMPARE(
        get(QStringLiteral("/api/v1/persistentvolumes/notes-pv"))[QStringLiteral("code")].toInt(),
        404);
}

void TestApply::applyCreatesThenUnchanged()
{
    const int before = int(m_started.size());
    const QList<ApplyTarget> targets = applyTargets(generateManifests(notesSpec()));
    QElapsedTimer timer; // reported, not asserted
    timer.start();
    ApplyRun *run = runAndWait(targets, ApplyRun::Mode::Apply);
    const qint64 applyMs = timer.elapsed();
    QVERIFY2(run->allOk(), qPrintable(outcomes(run)));
    QCOMPARE(run->count(ApplyResult::Outcome::Created), 6);
    QCOMPARE(m_started.size(), before + 1);
    QCOMPARE(m_started.last()->state(), KubeAction::State::Succeeded);
    QCOMPARE(m_started.last()->message(),
             QStringLiteral("6 created, 0 configured, 0 unchanged, 0 failed"));

    const QJsonObject d = get(QStringLiteral("/apis/apps/v1/namespaces/tools/deployments/notes"));
    QCOMPARE(d[QStringLiteral("spec")].toObject()[QStringLiteral("replicas")].toInt(), 2);
    const QJsonArray managed =
        d[QStringLiteral("metadata")].toObject()[QStringLiteral("managedFields")].toArray();
    QCOMPARE(managed.size(), 1);
    QCOMPARE(managed.first().toObject()[QStringLiteral("manager")].toString(),
             QStringLiteral("labdeck"));
    QCOMPARE(managed.first().toObject()[QStringLiteral("operation")].toString(),
             QStringLiteral("Apply"));
    const QJsonObject svc = get(QStringLiteral("/api/v1/namespaces/tools/services/notes"));
    QCOMPARE(svc[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("ports")]
                 .toArray()
                 .first()
                 .toObject()[QStringLiteral("nodePort")]
                 .toInt(),
             30400);
    const QJsonObject secret =
        get(QStringLiteral("/api/v1/namespaces/tools/secrets/notes-secrets"));
    QCOMPARE(QByteArray::fromBase64(secret[QStringLiteral("data")]
                                        .toObject()[QStringLiteral("DB_PASSWORD")]
                                        .toString()
                                        .toLatin1()),
             QByteArray("s3cr3t-value"));

    // The rollout is followed until Ready, on metamon (role=devops).
    const QList<KubeAction *> rollouts = m_applier->followRollouts(run);
    QCOMPARE(rollouts.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(rollouts.first()->state(), KubeAction::State::Succeeded, 20000);
    qInfo("apply of 6 objects (GET + PATCH each, HTTPS): %lld ms; rollout of 2 replicas ready "
          "after %lld ms "
          "(pod ready delay 50 ms, poll 100 ms)",
          applyMs, timer.elapsed() - applyMs);
    QCOMPARE(rollouts.first()->message(), QStringLiteral("2 of 2 replicas updated and ready"));
    const QJsonArray pods =
        get(QStringLiteral("/api/v1/namespaces/tools/pods"))[QStringLiteral("items")].toArray();
    QVERIFY(!pods.isEmpty());
    for (const QJsonValue &p : pods)
        QCOMPARE(
            p.toObject()[QStringLiteral("spec")].toObject()[QStringLiteral("nodeName")].toString(),
            QStringLiteral("metamon"));

    // Again: nothing changes.
    ApplyRun *again = runAndWait(targets, ApplyRun::Mode::Apply);
    QVERIFY2(again->allOk(), qPrintable(outcomes(again)));
    QCOMPARE(again->count(ApplyResult::Outcome::Unchanged), 6);
    QVERIFY(m_applier->followRollouts(again).isEmpty());
    ApplyRun *dry = runAndWait(targets, ApplyRun::Mode::DryRun);
    QCOMPARE(dry->count(ApplyResult::Outcome::Unchanged), 6);
    for (const ApplyResult &r : dry->results())
        QCOMPARE(r.diff, QString());
}

void TestApply::dryRunDiffAgainstLive()
{
    ServiceSpec spec = notesSpec();
    spec.replicas = 3;
    spec.tag = QStringLiteral("2.4.0");
    ApplyRun *dry = runAndWait(applyTargets(generateManifests(spec)), ApplyRun::Mode::DryRun);
    QVERIFY2(dry->allOk(), qPrintable(outcomes(dry)));
    const ApplyResult &deployment = dry->results().at(4);
    QCOMPARE(deployment.outcome, ApplyResult::Outcome::Configured);
    QVERIFY2(deployment.diff.contains(QStringLiteral("\n-  replicas: 2\n+  replicas: 3\n")),
             qPrintable(deployment.diff));
    QVERIFY2(deployment.diff.contains(
                 QStringLiteral("+          image: registry.example.com/team/notes:2.4.0")),
             qPrintable(deployment.diff));
    QVERIFY(deployment.diff.startsWith(QStringLiteral("--- live\n+++ dry run\n")));
    QCOMPARE(dry->results().at(5).outcome, ApplyResult::Outcome::Unchanged);
    // Still the old values on the server.
    QCOMPARE(get(QStringLiteral(
                 "/apis/apps/v1/namespaces/tools/deployments/notes"))[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("replicas")]
                 .toInt(),
             2);
}

void TestApply::conflictAndForce()
{
    // Someone scales with kubectl (an Update by manager "kubectl").
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("kubectl"));
    const KubeResponse scaled =
        send("PATCH", QStringLiteral("/apis/apps/v1/namespaces/tools/deployments/notes"), q,
             R"({"spec":{"replicas":5}})", "application/merge-patch+json");
    QVERIFY2(scaled.ok(), qPrintable(scaled.errorText));

    // Our apply still says 2: a conflict, nothing of the run is changed for that object.
    const QList<ApplyTarget> targets = applyTargets(generateManifests(notesSpec()));
    ApplyRun *run = runAndWait(targets, ApplyRun::Mode::DryRun);
    QCOMPARE(run->results().at(4).outcome, ApplyResult::Outcome::Conflict);
    run = runAndWait(targets, ApplyRun::Mode::Apply);
    QCOMPARE(run->results().at(4).outcome, ApplyResult::Outcome::Conflict);
    QCOMPARE(m_started.last()->state(), KubeAction::State::Failed);
    const auto conflicts = run->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().first, QStringLiteral("Deployment tools/notes"));
    QCOMPARE(conflicts.first().second.field, QStringLiteral(".spec.replicas"));
    QCOMPARE(conflicts.first().second.manager, QStringLiteral("kubectl"));
    QVERIFY(conflicts.first().second.message.contains(QStringLiteral("using apps/v1")));
    QVERIFY(
        run->results().at(4).message.startsWith(QStringLiteral("Apply failed with 1 conflict")));
    QCOMPARE(get(QStringLiteral(
                 "/apis/apps/v1/namespaces/tools/deployments/notes"))[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("replicas")]
                 .toInt(),
             5);
    QVERIFY(m_applier->followRollouts(run).isEmpty());

    // Force takes the field over.
    ApplyRun *forced = runAndWait(targets, ApplyRun::Mode::ForceApply);
    QVERIFY2(forced->allOk(), qPrintable(outcomes(forced)));
    QCOMPARE(forced->results().at(4).outcome, ApplyResult::Outcome::Configured);
    QVERIFY(
        m_started.last()->request().contains(QStringLiteral("fieldManager=labdeck&force=true")));
    const QJsonObject d = get(QStringLiteral("/apis/apps/v1/namespaces/tools/deployments/notes"));
    QCOMPARE(d[QStringLiteral("spec")].toObject()[QStringLiteral("replicas")].toInt(), 2);
    ApplyRun *plain = runAndWait(targets, ApplyRun::Mode::Apply);
    QVERIFY2(plain->allOk(), qPrintable(outcomes(plain)));
}

void TestApply::secretsStayOutOfActivityAndDiffs()
{
    const QByteArray base64 = QByteArray("s3cr3t-value").toBase64();
    for (const KubeAction *a : std::as_const(m_started)) {
        QVERIFY(!a->request().contains(QStringLiteral("s3cr3t-value")));
        QVERIFY(!a->request().contains(QString::fromLatin1(base64)));
    }
    QVERIFY(m_started.first()->request().contains(QStringLiteral("DB_PASSWORD: <redacted>")));
    ServiceSpec spec = notesSpec();
    spec.env[1].value = QStringLiteral("n3w-s3cr3t");
    ApplyRun *dry = runAndWait(applyTargets(generateManifests(spec)), ApplyRun::Mode::DryRun);
    const ApplyResult &secret = dry->results().at(3);
    QCOMPARE(secret.outcome, ApplyResult::Outcome::Configured);
    QVERIFY2(secret.diff.contains(QStringLiteral("<redacted, changed>")), qPrintable(secret.diff));
    QVERIFY(!secret.diff.contains(QStringLiteral("n3w-s3cr3t")));
    QVERIFY(!secret.diff.contains(QString::fromLatin1(QByteArray("n3w-s3cr3t").toBase64())));
    QVERIFY(!secret.diff.contains(QString::fromLatin1(base64)));
}

void TestApply::secretLastAppliedAnnotationIsRedacted()
{
    // As `kubectl apply` leaves a Secret: the whole object, data in clear, in an annotation.
    const auto lastApplied = [](const QString &value) {
        return QString::fromUtf8(
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                    {QStringLiteral("kind"), QStringLiteral("Secret")},
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("legacy")},
                                 {QStringLiteral("namespace"), QStringLiteral("default")}}},
                    {QStringLiteral("stringData"), QJsonObject{{QStringLiteral("token"), value}}},
                })
                .toJson(QJsonDocument::Compact));
    };
    const auto secret = [&](const QString &value) {
        return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Secret")},
            {QStringLiteral("metadata"),
             QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("legacy")},
                 {QStringLiteral("namespace"), QStringLiteral("default")},
                 {QStringLiteral("annotations"),
                  QJsonObject{{QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
                               lastApplied(value)}}}}},
            {QStringLiteral("stringData"), QJsonObject{{QStringLiteral("token"), value}}},
        };
    };
    const KubeResponse created =
        send("POST", QStringLiteral("/api/v1/namespaces/default/secrets"), {},
             QJsonDocument(secret(QStringLiteral("l3gacy-s3cr3t"))).toJson(), "application/json");
    QVERIFY2(created.ok(), qPrintable(created.errorText));
    const QString live = QString::fromUtf8(
        QJsonDocument(get(QStringLiteral("/api/v1/namespaces/default/secrets/legacy"))).toJson());
    QVERIFY2(live.contains(QLatin1String("l3gacy-s3cr3t")), "the server keeps the annotation");

    ApplyTarget t;
    t.apiVersion = QStringLiteral("v1");
    t.kind = QStringLiteral("Secret");
    t.ns = QStringLiteral("default");
    t.name = QStringLiteral("legacy");
    t.shownBody = QStringLiteral("(Secret legacy: body not shown)");
    // Forced first (the POST made another field manager the owner), then a dry
    // run of a third value against what that left.
    const QList<QPair<ApplyRun::Mode, QString>> steps{
        {ApplyRun::Mode::ForceApply, QStringLiteral("n3w-l3gacy")},
        {ApplyRun::Mode::DryRun, QStringLiteral("th1rd-s3cr3t")}};
    for (const auto &[mode, value] : steps) {
        t.body = QJsonDocument(secret(value)).toJson();
        ApplyRun *run = runAndWait({t}, mode);
        QVERIFY(run->isFinished());
        const ApplyResult &r = run->results().at(0);
        QCOMPARE(r.outcome, ApplyResult::Outcome::Configured);
        QVERIFY2(r.diff.contains(QLatin1String("last-applied-configuration")), qPrintable(r.diff));
        QVERIFY2(r.diff.contains(QLatin1String("<redacted, changed>")), qPrintable(r.diff));
        const QString object = QString::fromUtf8(QJsonDocument(r.object).toJson());
        for (const QString &v : {QStringLiteral("l3gacy-s3cr3t"), QStringLiteral("n3w-l3gacy"),
                                 QStringLiteral("th1rd-s3cr3t")}) {
            const QString b64 = QString::fromLatin1(v.toUtf8().toBase64());
            QVERIFY2(!r.diff.contains(v) && !r.diff.contains(b64), qPrintable(r.diff));
            QVERIFY2(!object.contains(v) && !object.contains(b64), qPrintable(object));
        }
    }
}

void TestApply::folderInSeedOrder()
{
    // The wizard's files for a service in a new namespace, written to a folder.
    ServiceSpec spec = notesSpec();
    spec.name = QStringLiteral("wiki");
    spec.ns = QStringLiteral("docs");
    spec.nodePort = 30410;
    spec.env.clear();
    spec.role = NodeRole::Apps;
    const QString folder = m_dir.filePath(QStringLiteral("manifests"));
    for (const PlannedFile &f : WritePlan::plan(folder, manifestFiles(spec))) {
        QString error;
        QVERIFY2(WritePlan::write(f, false, &error), qPrintable(error));
    }
    const QList<FolderDocument> docs = ManifestFolder::read(folder);
    const QList<ApplyTarget> targets = applyTargets(docs);
    QStringList titles;
    for (const ApplyTarget &t : targets)
        titles << t.title();
    QCOMPARE(
        titles,
        (QStringList{QStringLiteral("Namespace docs"), QStringLiteral("PersistentVolume wiki-pv"),
                     QStringLiteral("PersistentVolumeClaim docs/wiki-data"),
                     QStringLiteral("Deployment docs/wiki"), QStringLiteral("Service docs/wiki")}));
    QVERIFY(targets.at(0).source.endsWith(QStringLiteral("base/namespace-docs.yaml:1")));

    ApplyRun *dry = runAndWait(targets, ApplyRun::Mode::DryRun);
    QVERIFY2(dry->allOk(), qPrintable(outcomes(dry)));
    QCOMPARE(get(QStringLiteral("/api/v1/namespaces/docs"))[QStringLiteral("code")].toInt(), 404);
    ApplyRun *run = runAndWait(targets, ApplyRun::Mode::Apply);
    QVERIFY2(run->allOk(), qPrintable(outcomes(run)));
    QCOMPARE(run->count(ApplyResult::Outcome::Created), 5);
    QCOMPARE(get(QStringLiteral(
                 "/apis/apps/v1/namespaces/docs/deployments/wiki"))[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("template")]
                 .toObject()[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("nodeSelector")]
                 .toObject()[QStringLiteral("role")]
                 .toString(),
             QStringLiteral("apps"));

    // Reversed order (apps before base) fails for want of the namespace: the order matters.
    ServiceSpec other = spec;
    other.name = QStringLiteral("wiki2");
    other.ns = QStringLiteral("docs2");
    other.nodePort = 30411;
    QList<ApplyTarget> reversed = applyTargets(generateManifests(other));
    std::reverse(reversed.begin(), reversed.end());
    ApplyRun *bad = runAndWait(reversed, ApplyRun::Mode::Apply);
    QCOMPARE(bad->results().first().outcome, ApplyResult::Outcome::Failed);
    QVERIFY2(bad->results().first().message.contains(QStringLiteral("docs2")),
             qPrintable(bad->results().first().message));
}

void TestApply::rolloutFailureSaysWhy()
{
    // A Deployment no node can take: the rollout fails with the scheduler's event.
    m_actions->setRolloutTimeout(1500ms);
    const QByteArray yaml =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: stuck\n  namespace: "
        "apps\nspec:\n"
        "  replicas: 1\n  selector:\n    matchLabels:\n      app: stuck\n  template:\n    "
        "metadata:\n"
        "      labels:\n        app: stuck\n    spec:\n      nodeSelector:\n        role: gpu\n"
        "      containers:\n        - name: stuck\n          image: registry.example.com/stuck:1\n";
    ApplyRun *run = runAndWait({ApplyTarget{QStringLiteral("apps/v1"),
                                            QStringLiteral("Deployment"),
                                            QStringLiteral("apps"),
                                            QStringLiteral("stuck"),
                                            yaml,
                                            QString::fromUtf8(yaml),
                                            {}}},
                               ApplyRun::Mode::Apply);
    QVERIFY2(run->allOk(), qPrintable(outcomes(run)));
    const QList<KubeAction *> rollouts = m_applier->followRollouts(run);
    QCOMPARE(rollouts.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(rollouts.first()->state(), KubeAction::State::Failed, 20000);
    QVERIFY2(rollouts.first()->message().contains(QStringLiteral("FailedScheduling")),
             qPrintable(rollouts.first()->message()));
    m_actions->setRolloutTimeout(20s);
}

void TestApply::pathsOnlyFromKubernetesNames()
{
    struct Case
    {
        const char *kind;
        const char *ns;
        const char *name;
        const char *says;
    };
    const Case cases[] = {
        {"ConfigMap", "apps", "../secrets", "is not a valid name"},
        {"ConfigMap", "apps", "a/b", "is not a valid name"},
        {"ConfigMap", "apps", "x?dryRun=All", "is not a valid name"},
        {"ConfigMap", "apps", "Upper", "is not a valid name"},
        {"ConfigMap", "apps", "ends-", "is not a valid name"},
        {"Service", "apps", "1abc", "RFC 1035 label"},
        {"Namespace", "", "a.b", "namespace name"},
        {"ConfigMap", "kube-system/../x", "c", "is not a valid namespace"},
        {"ConfigMap", "a.b", "c", "is not a valid namespace"},
    };
    for (const Case &c : cases) {
        QString error;
        const QString path =
            applyPath(QStringLiteral("v1"), QString::fromLatin1(c.kind), QString::fromLatin1(c.ns),
                      QString::fromLatin1(c.name), &error);
        QVERIFY2(path.isEmpty(), qPrintable(path));
        QVERIFY2(error.contains(QLatin1String(c.says)), qPrintable(error));
    }
    // Dotted names are fine where Kubernetes allows them.
    QCOMPARE(applyPath(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QStringLiteral("apps"),
                       QStringLiteral("nextcloud.config-1")),
             QStringLiteral("/api/v1/namespaces/apps/configmaps/nextcloud.config-1"));
    // A run never sends a target whose name is not one.
    ApplyRun *run = runAndWait({ApplyTarget{QStringLiteral("v1"),
                                            QStringLiteral("ConfigMap"),
                                            QStringLiteral("apps"),
                                            QStringLiteral("../../nodes/pikachu"),
                                            "kind: ConfigMap\n",
                                            {},
                                            {}}},
                               ApplyRun::Mode::DryRun);
    QCOMPARE(run->results().first().outcome, ApplyResult::Outcome::Failed);
    QVERIFY2(run->results().first().message.contains(QStringLiteral("is not a valid name")),
             qPrintable(run->results().first().message));
}

void TestApply::unsupportedKind()
{
    QString error;
    QVERIFY(applyPath(QStringLiteral("networking.k8s.io/v1"), QStringLiteral("Ingress"),
                      QStringLiteral("apps"), QStringLiteral("x"), &error)
                .isEmpty());
    QVERIFY(error.contains(QStringLiteral("does not apply Ingress")));
    QCOMPARE(applyPath(QStringLiteral("v1"), QStringLiteral("PersistentVolume"),
                       QStringLiteral("ignored"), QStringLiteral("pv")),
             QStringLiteral("/api/v1/persistentvolumes/pv"));
    QCOMPARE(applyPath(QStringLiteral("v1"), QStringLiteral("ConfigMap"), QString(),
                       QStringLiteral("c")),
             QStringLiteral("/api/v1/namespaces/default/configmaps/c"));
    ApplyRun *run = runAndWait({ApplyTarget{QStringLiteral("networking.k8s.io/v1"),
                                            QStringLiteral("Ingress"),
                                            QStringLiteral("apps"),
                                            QStringLiteral("x"),
                                            "kind: Ingress\n",
                                            {},
                                            {}}},
                               ApplyRun::Mode::DryRun);
    QCOMPARE(run->results().first().outcome, ApplyResult::Outcome::Failed);
}

void TestApply::kubectlAcceptsGeneratedManifests()
{
    const QString kubectl = labdeck::test::SimHarness::findKubectl();
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed (neither on PATH nor /usr/bin/kubectl): the check that the "
              "real kubectl "
              "accepts every generated manifest with --server-side --dry-run=server is skipped");
    // Every generated file (not the Traefik route), for specs whose namespaces exist by now.
    const ServiceSpec minimal = minimalSpec(); // hello in apps
    const QString folder = m_dir.filePath(QStringLiteral("kubectl"));
    QStringList files;
    ServiceSpec monitoring;
    monitoring.role = NodeRole::DevOps;
    applyLabDefaults(monitoring, builtInLab());
    monitoring.name = QStringLiteral("blackbox");
    monitoring.ns = QStringLiteral("monitoring");
    monitoring.image = QStringLiteral("registry.example.com/prom/blackbox-exporter");
    monitoring.env = {{QStringLiteral("OFF"), QStringLiteral("off"), false},
                      {QStringLiteral("EMPTY"), QString(), false}};
    monitoring.liveness = {Probe::Kind::Http, QStringLiteral("/-/healthy"), 10, 30};
    for (const ServiceSpec &spec : {minimal, notesSpec(), monitoring}) {
        for (const PlannedFile &f : WritePlan::plan(folder, manifestFiles(spec))) {
            QString error;
            QVERIFY2(WritePlan::write(f, false, &error), qPrintable(error));
            if (!f.relative.startsWith(QLatin1String("traefik/")))
                files << f.path;
        }
    }
    QStringList args{
        QStringLiteral("--kubeconfig"),          m_kubeconfig,
        QStringLiteral("--cache-dir"),           m_dir.filePath(QStringLiteral("cache")),
        QStringLiteral("--request-timeout=30s"), QStringLiteral("apply"),
        QStringLiteral("--server-side"),         QStringLiteral("--dry-run=server")};
    for (const QString &f : files)
        args << QStringLiteral("-f") << f;
    QProcess p;
    p.start(kubectl, args);
    QVERIFY(p.waitForFinished(60000)); // the simulator answers on its own thread
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(err + out));
    for (const QString &expected :
         {QStringLiteral("deployment.apps/hello serverside-applied (server dry run)"),
          QStringLiteral("service/hello serverside-applied (server dry run)"),
          QStringLiteral("namespace/tools serverside-applied (server dry run)"),
          QStringLiteral("persistentvolume/notes-pv serverside-applied (server dry run)"),
          QStringLiteral("persistentvolumeclaim/notes-data serverside-applied (server dry run)"),
          QStringLiteral("deployment.apps/notes serverside-applied (server dry run)"),
          QStringLiteral("service/notes serverside-applied (server dry run)"),
          QStringLiteral("deployment.apps/blackbox serverside-applied (server dry run)")})
        QVERIFY2(out.contains(expected), qPrintable(expected + QLatin1String("\n") + out));
    // A dry run: hello was not created.
    QCOMPARE(get(QStringLiteral(
                 "/apis/apps/v1/namespaces/apps/deployments/hello"))[QStringLiteral("code")]
                 .toInt(),
             404);
}

QTEST_GUILESS_MAIN(TestApply)
#include "tst_apply.moc"
