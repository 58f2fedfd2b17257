// Labdeck's Kubernetes client, reflector, actions and logs against the demo
// lab's API server: paging, watch resume, relist after 410, backoff under
// injected 500 and 429 + Retry-After, each action with its progress, logs,
// and TLS with a test CA.

#include "demolab/kubesimulator.h"
#include "inventory/inventoryloader.h"
#include "kube/credentials.h"
#include "kube/execapproval.h"
#include "kube/kubeactions.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "kube/kubesession.h"
#include "kube/podlogstream.h"
#include "kube/providerauthenticator.h"
#include "kube/reflector.h"
#include "support/testpki.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;
using namespace labdeck::kube;

namespace {

// Waits for a call to finish and returns its response.
KubeResponse await(KubeCall *call, int timeoutMs = 10000)
{
    KubeResponse result;
    bool done = false;
    QObject::connect(call, &KubeCall::finished, [&](const KubeResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        result.errorText = QStringLiteral("test: no answer");
    return result;
}

KubeAction::State awaitAction(KubeAction *action, int timeoutMs = 20000)
{
    if (action->state() != KubeAction::State::Running)
        return action->state();
    QSignalSpy spy(action, &KubeAction::finished);
    spy.wait(timeoutMs);
    return action->state();
}

} // namespace

class TestKubeClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<demolab::KubeSimulator> m_sim;
    std::unique_ptr<StaticAuthenticator> m_auth;
    std::unique_ptr<KubeClient> m_client;

    int seededPods()
    {
        const KubeResponse r = await(m_client->get(QStringLiteral("/api/v1/pods")));
        return int(r.json.value(QLatin1String("items")).toArray().size());
    }

    QJsonObject getObject(const QString &path) { return await(m_client->get(path)).json; }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<demolab::KubeSimulator>(*InventoryLoader::loadBuiltIn().inventory);
        m_sim->setReadyDelay(std::chrono::milliseconds(60));
        QVERIFY(m_sim->listen());
        m_auth = std::make_unique<StaticAuthenticator>(m_sim->bearerToken(),
                                                       QSslConfiguration::defaultConfiguration());
        m_auth->allowPlainHttpOnLoopback();
        m_client = std::make_unique<KubeClient>(m_sim->url(), m_auth.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_auth.reset();
        m_sim.reset();
    }

    void statusErrorsAreReadable()
    {
        // What reaches the terminal: a 404 (an expected "not there yet") is
        // not printed; a refused credential is.
        static QStringList printed;
        printed.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &msg) {
                if (type != QtDebugMsg &&
                    QLatin1String(context.category) == QLatin1String("labdeck.kube"))
                    printed << msg;
            });
        const KubeResponse r =
            await(m_client->get(QStringLiteral("/apis/apps/v1/namespaces/apps/deployments/nope")));
        QVERIFY2(printed.isEmpty(), qPrintable(printed.join(QLatin1Char('\n'))));
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 404);
        QVERIFY(r.error);
        QCOMPARE(r.error->reason, QStringLiteral("NotFound"));
        QVERIFY2(r.errorText.contains(QStringLiteral("NotFound (404)")), qPrintable(r.errorText));
        QVERIFY(r.errorText.contains(m_sim->url().authority()));

        StaticAuthenticator wrong(QStringLiteral("not-the-token"),
                                  QSslConfiguration::defaultConfiguration());
        wrong.allowPlainHttpOnLoopback();
        KubeClient anonymous(m_sim->url(), &wrong);
        const KubeResponse denied = await(anonymous.get(QStringLiteral("/api/v1/nodes")));
        QCOMPARE(denied.httpStatus, 401);
        QVERIFY2(denied.errorText.contains(QStringLiteral("credentials were refused")),
                 qPrintable(denied.errorText));
        qInstallMessageHandler(previous);
        QCOMPARE(printed.size(), 1);
        QVERIFY(printed.first().contains(QLatin1String("credentials were refused")));
    }

    void connectRefusedAndTimeoutSayWhere()
    {
        StaticAuthenticator none(QString(), QSslConfiguration::defaultConfiguration());
        QUrl closed = m_sim->url();
        closed.setPort(1); // nothing listens on port 1
        KubeClient client(closed, &none);
        const KubeResponse r =
            await(client.get(QStringLiteral("/api/v1/nodes"), {}, std::chrono::seconds(5)));
        QVERIFY(!r.ok());
        QCOMPARE(r.httpStatus, 0);
        QVERIFY2(r.errorText.contains(QStringLiteral("127.0.0.1:1")), qPrintable(r.errorText));
    }

    void reflectorPagesThenWatches()
    {
        const int expected = seededPods();
        QVERIFY(expected >= 10);
        Reflector reflector(m_client.get(), QStringLiteral("/api/v1/pods"));
        reflector.setPageSize(3);
        QSignalSpy listed(&reflector, &Reflector::listed);
        QSignalSpy started(&reflector, &Reflector::listStarted);
        QList<QJsonObject> items;
        int pages = 0;
        connect(&reflector, &Reflector::listPage, this, [&](const QList<QJsonObject> &page) {
            QVERIFY(page.size() <= 3);
            items << page;
            ++pages;
        });
        reflector.start();
        QVERIFY(listed.wait(10000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(listed.first().at(1).toInt(), expected);
        QCOMPARE(pages, (expected + 2) / 3);
        QCOMPARE(int(items.size()), expected);
        QSet<QString> names;
        for (const QJsonObject &o : items)
            names.insert(o.value(QLatin1String("metadata"))
                             .toObject()
                             .value(QLatin1String("name"))
                             .toString());
        QCOMPARE(int(names.size()), expected); // each once across the pages
        QTRY_COMPARE(reflector.state(), Reflector::State::Watching);

        // A change arrives through the watch as events, without a new list.
        QSignalSpy events(&reflector, &Reflector::events);
        KubeActions actions(m_client.get());
        actions.setPollInterval(std::chrono::milliseconds(50));
        QCOMPARE(awaitAction(actions.scale(QStringLiteral("Deployment"), QStringLiteral("apps"),
                                           QStringLiteral("shlink"), 2)),
                 KubeAction::State::Succeeded);
        QTRY_VERIFY(!events.isEmpty());
        bool added = false;
        for (const auto &args : events) {
            for (const WatchEvent &e : args.at(0).value<QList<WatchEvent>>())
                added = added || e.type == WatchEvent::Type::Added;
        }
        QVERIFY(added);
        QCOMPARE(reflector.listCount(), 1);
    }

    void watchResumesAndRelistsAfterExpiry()
    {
        // No bookmarks: the reflector's resourceVersion stays that of its list
        // while nothing happens to deployments.
        Reflector reflector(m_client.get(), QStringLiteral("/apis/apps/v1/deployments"));
        reflector.setAllowBookmarks(false);
        reflector.setWatchTimeout(std::chrono::seconds(1), std::chrono::seconds(1));
        QSignalSpy listed(&reflector, &Reflector::listed);
        reflector.start();
        QVERIFY(listed.wait(10000));
        // The server ends the watch after 1 s; the reflector resumes from its
        // resourceVersion without listing again.
        QTRY_VERIFY_WITH_TIMEOUT(reflector.watchCount() >= 3, 8000);
        QCOMPARE(reflector.listCount(), 1);

        // A node changes (the deployments watch sees none of it), then the
        // history is compacted: the next deployments watch, from its older
        // resourceVersion, gets 410 Expired and the reflector lists again.
        const QString before = reflector.resourceVersion();
        QVERIFY(await(m_client->strategicMergePatch(
                          QStringLiteral("/api/v1/nodes/pikachu"),
                          QJsonObject{{QStringLiteral("metadata"),
                                       QJsonObject{{QStringLiteral("labels"),
                                                    QJsonObject{{QStringLiteral("test"),
                                                                 QStringLiteral("1")}}}}}}))
                    .ok());
        m_sim->compactHistory();
        QCOMPARE(reflector.resourceVersion(), before);
        QTRY_VERIFY_WITH_TIMEOUT(reflector.listCount() >= 2, 8000);
        QTRY_COMPARE_WITH_TIMEOUT(reflector.state(), Reflector::State::Watching, 5000);
    }

    void backoffOnServerErrors()
    {
        QList<Reflector::State> states; // outlives the reflector
        Reflector reflector(m_client.get(), QStringLiteral("/api/v1/nodes"));
        reflector.setBackoff(std::chrono::milliseconds(100), std::chrono::milliseconds(400));
        m_sim->injectFailures(3, 500, 0, QStringLiteral("/api/v1/nodes"));
        connect(&reflector, &Reflector::stateChanged, this,
                [&](Reflector::State s) { states << s; });
        QSignalSpy listed(&reflector, &Reflector::listed);
        QElapsedTimer t;
        t.start();
        reflector.start();
        QVERIFY(listed.wait(10000));
        // Three failures: 100 ms, 200 ms, 400 ms (each with up to 100 % jitter, capped at 400 ms).
        QVERIFY2(t.elapsed() >= 600, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(states.count(Reflector::State::Backoff), 3);
        QVERIFY(reflector.lastError().isEmpty());
        QCOMPARE(listed.first().at(1).toInt(), 3);
    }

    void retryAfterIsHonoured()
    {
        Reflector reflector(m_client.get(), QStringLiteral("/api/v1/nodes"));
        reflector.setBackoff(std::chrono::milliseconds(50), std::chrono::milliseconds(100));
        m_sim->injectFailures(1, 429, 2, QStringLiteral("/api/v1/nodes"));
        QSignalSpy listed(&reflector, &Reflector::listed);
        QElapsedTimer t;
        t.start();
        reflector.start();
        QVERIFY(listed.wait(10000));
        QVERIFY2(t.elapsed() >= 1900, qPrintable(QString::number(t.elapsed())));
    }

    void restartRollsThePods()
    {
        KubeActions actions(m_client.get());
        actions.setPollInterval(std::chrono::milliseconds(50));
        const QString path =
            QStringLiteral("/apis/apps/v1/namespaces/monitoring/deployments/grafana");
        const qint64 generation = getObject(path)
                                      .value(QLatin1String("metadata"))
                                      .toObject()
                                      .value(QLatin1String("generation"))
                                      .toInteger();
        KubeAction *action = actions.restart(
            QStringLiteral("Deployment"), QStringLiteral("monitoring"), QStringLiteral("grafana"));
        QVERIFY(action->request().startsWith(QStringLiteral(
            "PATCH /apis/apps/v1/namespaces/monitoring/deployments/grafana?fieldManager=labdeck "
            "(application/strategic-merge-patch+json)")));
        QSignalSpy progress(action, &KubeAction::progress);
        QCOMPARE(awaitAction(action), KubeAction::State::Succeeded);
        QVERIFY2(action->message().contains(QStringLiteral("1 of 1 replicas updated and ready")),
                 qPrintable(action->message()));
        // Progress while it rolls (how many polls see it depends on the
        // machine's speed): each says how far the rollout is.
        for (const QList<QVariant> &p : std::as_const(progress)) {
            QVERIFY2(p.at(0).toString().contains(QLatin1String("of 1 updated")),
                     qPrintable(p.at(0).toString()));
            QCOMPARE(p.at(2).toInt(), 1);
        }

        const QJsonObject d = getObject(path);
        QVERIFY(d.value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("generation"))
                    .toInteger() > generation);
        const QString restartedAt = d.value(QLatin1String("spec"))
                                        .toObject()
                                        .value(QLatin1String("template"))
                                        .toObject()
                                        .value(QLatin1String("metadata"))
                                        .toObject()
                                        .value(QLatin1String("annotations"))
                                        .toObject()
                                        .value(QLatin1String("kubectl.kubernetes.io/restartedAt"))
                                        .toString();
        QVERIFY(!restartedAt.isEmpty());
        QVERIFY(QDateTime::fromString(restartedAt, Qt::ISODate).isValid());
    }

    void restartTimestampIsKubectls()
    {
        const QDateTime utc(QDate(2026, 8, 22), QTime(12, 3, 7, 450), Qt::UTC);
        QCOMPARE(KubeActions::restartTimestamp(utc), QStringLiteral("2026-08-22T12:03:07Z"));
        const QDateTime plus2 = utc.toOffsetFromUtc(2 * 3600);
        QCOMPARE(KubeActions::restartTimestamp(plus2), QStringLiteral("2026-08-22T14:03:07+02:00"));
    }

    void scaleAndFailures()
    {
        KubeActions actions(m_client.get());
        actions.setPollInterval(std::chrono::milliseconds(50));
        KubeAction *up = actions.scale(QStringLiteral("StatefulSet"), QStringLiteral("database"),
                                       QStringLiteral("redis"), 2);
        QCOMPARE(awaitAction(up), KubeAction::State::Succeeded);
        const QJsonObject s =
            getObject(QStringLiteral("/apis/apps/v1/namespaces/database/statefulsets/redis"));
        QCOMPARE(s.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(),
                 2);
        QCOMPARE(s.value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("readyReplicas"))
                     .toInt(),
                 2);

        KubeAction *missing = actions.restart(QStringLiteral("Deployment"), QStringLiteral("apps"),
                                              QStringLiteral("nope"));
        QCOMPARE(awaitAction(missing), KubeAction::State::Failed);
        QVERIFY2(missing->message().contains(QStringLiteral("NotFound (404)")),
                 qPrintable(missing->message()));

        KubeAction *daemon = actions.scale(QStringLiteral("DaemonSet"),
                                           QStringLiteral("kube-system"), QStringLiteral("x"), 2);
        QCOMPARE(awaitAction(daemon), KubeAction::State::Failed);
    }

    void deletePodAndCordon()
    {
        KubeActions actions(m_client.get());
        const QJsonArray pods = await(m_client->get(QStringLiteral("/api/v1/namespaces/apps/pods")))
                                    .json.value(QLatin1String("items"))
                                    .toArray();
        QVERIFY(!pods.isEmpty());
        const QString pod = pods.first()
                                .toObject()
                                .value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("name"))
                                .toString();
        QCOMPARE(awaitAction(actions.deletePod(QStringLiteral("apps"), pod)),
                 KubeAction::State::Succeeded);

        QCOMPARE(awaitAction(actions.setCordoned(QStringLiteral("bracky"), true)),
                 KubeAction::State::Succeeded);
        QVERIFY(getObject(QStringLiteral("/api/v1/nodes/bracky"))
                    .value(QLatin1String("spec"))
                    .toObject()
                    .value(QLatin1String("unschedulable"))
                    .toBool());
        QCOMPARE(awaitAction(actions.setCordoned(QStringLiteral("bracky"), false)),
                 KubeAction::State::Succeeded);
        QVERIFY(!getObject(QStringLiteral("/api/v1/nodes/bracky"))
                     .value(QLatin1String("spec"))
                     .toObject()
                     .value(QLatin1String("unschedulable"))
                     .toBool());
    }

    void logsTailAndFollow()
    {
        const QJsonArray pods =
            await(m_client->get(QStringLiteral("/api/v1/namespaces/monitoring/pods")))
                .json.value(QLatin1String("items"))
                .toArray();
        QString pod;
        for (const QJsonValue &v : pods) {
            const QString name = v.toObject()
                                     .value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            if (name.startsWith(QLatin1String("grafana")))
                pod = name;
        }
        QVERIFY(!pod.isEmpty());
        PodLogStream::Options tail;
        tail.tailLines = 5;
        tail.follow = false;
        tail.container = QStringLiteral("grafana"); // the pod has a sidecar too
        tail.timestamps = true;
        PodLogStream stream(m_client.get(), QStringLiteral("monitoring"), pod, tail);
        QStringList lines;
        connect(&stream, &PodLogStream::lines, this, [&](const QStringList &l) { lines << l; });
        QSignalSpy ended(&stream, &PodLogStream::ended);
        stream.start();
        QVERIFY(ended.wait(10000));
        QCOMPARE(ended.first().at(0).toString(), QString());
        QCOMPARE(lines.size(), 5);
        // Timestamps as the API gives them: RFC 3339 and a space.
        QVERIFY2(
            QDateTime::fromString(lines.first().section(QLatin1Char(' '), 0, 0), Qt::ISODateWithMs)
                .isValid(),
            qPrintable(lines.first()));

        PodLogStream::Options follow;
        follow.tailLines = 1;
        follow.follow = true;
        follow.container = QStringLiteral("grafana");
        PodLogStream live(m_client.get(), QStringLiteral("monitoring"), pod, follow);
        QStringList more;
        connect(&live, &PodLogStream::lines, this, [&](const QStringList &l) { more << l; });
        live.start();
        QTRY_VERIFY_WITH_TIMEOUT(more.size() >= 3, 8000);
        live.stop();
    }

    // The whole path Labdeck takes with a real cluster: a kubeconfig with a
    // CA and a client certificate, the credential provider, TLS verified
    // against that CA. Then a kubeconfig whose CA is another one: refused,
    // with an error that says so.
    void kubeconfigOverTlsWithClientCertificate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed (Debian package openssl); it makes the test CA");
        QTemporaryDir dir;
        labdeck::test::Pki pki;
        QString error;
        QVERIFY2(labdeck::test::makePki(dir.path(), &pki, &error), qPrintable(error));

        demolab::KubeSimulator secure(*InventoryLoader::loadBuiltIn().inventory);
        demolab::KubeSimulator::Tls tls;
        tls.certificate = pki.server;
        tls.key = pki.serverKey;
        tls.caCertificates = {pki.ca};
        tls.requireClientCertificate = true;
        tls.clientCertificate = pki.client;
        tls.clientKey = pki.clientKey;
        QVERIFY(secure.listenTls(tls));
        const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(secure.writeKubeconfig(kubeconfig, &error));

        const auto loaded = KubeConfig::loadExplicit(kubeconfig);
        QVERIFY2(
            loaded.ok(),
            qPrintable(loaded.errors.isEmpty() ? QString() : loaded.errors.first().toString()));
        const auto context = loaded.config->resolve(QString(), &error);
        QVERIFY2(context, qPrintable(error));
        QVERIFY(!context->user.clientCertificatePem.isEmpty());
        ExecApprovalStore approvals(dir.filePath(QStringLiteral("approvals.json")));
        CredentialProvider provider(*context, &approvals);
        ProviderAuthenticator auth(&provider);
        KubeClient client(context->cluster.server, &auth);
        const KubeResponse nodes = await(client.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY2(nodes.ok(), qPrintable(nodes.errorText));
        QCOMPARE(nodes.json.value(QLatin1String("items")).toArray().size(), 3);

        // The same server, but the kubeconfig names another CA.
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        text.replace(pki.ca.toPem().toBase64(), pki.otherCa.toPem().toBase64());
        const QString wrongPath = dir.filePath(QStringLiteral("wrong-ca"));
        QFile wrong(wrongPath);
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write(text);
        wrong.close();
        const auto wrongLoaded = KubeConfig::loadExplicit(wrongPath);
        QVERIFY(wrongLoaded.ok());
        const auto wrongContext = wrongLoaded.config->resolve(QString(), &error);
        QVERIFY2(wrongContext, qPrintable(error));
        CredentialProvider wrongProvider(*wrongContext, &approvals);
        ProviderAuthenticator wrongAuth(&wrongProvider);
        KubeClient suspicious(wrongContext->cluster.server, &wrongAuth);
        const KubeResponse refused = await(suspicious.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.httpStatus, 0);
        QVERIFY2(refused.errorText.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(refused.errorText));
        QVERIFY2(refused.errorText.contains(QStringLiteral("SSL"), Qt::CaseInsensitive) ||
                     refused.errorText.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(refused.errorText));
    }

    void sessionSummarisesReflectors()
    {
        KubeSession session(QStringLiteral("demo"), m_sim->url(), m_auth.get());
        QCOMPARE(session.health(), Health::Unknown);
        session.start({Resource::Nodes, Resource::Pods, Resource::Deployments});
        QTRY_COMPARE_WITH_TIMEOUT(session.health(), Health::Ok, 10000);
        QVERIFY(session.lastSync().isValid());
        QVERIFY(session.stateText().contains(QStringLiteral("watching 3")));
        QCOMPARE(collectionPath(Resource::Deployments),
                 QStringLiteral("/apis/apps/v1/deployments"));
        QCOMPARE(objectPath(Resource::Nodes, QStringLiteral("x"), QStringLiteral("bracky")),
                 QStringLiteral("/api/v1/nodes/bracky"));
        QCOMPARE(objectPath(Resource::Pods, QStringLiteral("apps"), QStringLiteral("p")),
                 QStringLiteral("/api/v1/namespaces/apps/pods/p"));
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
