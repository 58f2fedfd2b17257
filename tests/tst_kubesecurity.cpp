// Credentials stay with the API server: KubeClient follows a redirect only
// within the server's origin (never with the token or Impersonate-* headers
// to another host), and sends no credentials to a plain http:// server, for
// a kubeconfig's user as kubectl does not either.

#include "kube/credentials.h"
#include "kube/execapproval.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "kube/providerauthenticator.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace labdeck::kube;

namespace {

// A tiny HTTP/1.1 server on loopback: records each request's head and answers
// with what respond() returns for its path.
class RecordingServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };
    std::function<QByteArray(const Request &)> respond;
    QList<Request> requests;
    int connections = 0;

    RecordingServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, s, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }

    static QByteArray json(const QByteArray &body)
    {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    static QByteArray redirect(const QString &location)
    {
        return "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location.toUtf8() +
               "\r\nContent-Length: 0\r\n\r\n";
    }

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);
        Request r;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        requests << r;
        s->write(respond ? respond(r) : json("{}"));
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A result of an authenticator: a token and an impersonation header, as a
// kubeconfig user with `as:` would give.
class FixedAuthenticator final : public Authenticator
{
public:
    Result result;
    void authenticate(Callback done) override
    {
        QTimer::singleShot(0, this, [this, done = std::move(done)] { done(result); });
    }
    void invalidate() override {}
};

KubeResponse await(KubeCall *call)
{
    KubeResponse result;
    bool done = false;
    QObject::connect(call, &KubeCall::finished, [&](const KubeResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        result.errorText = QStringLiteral("test: no answer");
    return result;
}

bool hasCredentialHeader(const RecordingServer::Request &r)
{
    for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it) {
        if (it.key() == "authorization" || it.key().startsWith("impersonate-"))
            return true;
    }
    return false;
}

} // namespace

class TestKubeSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redirectToAnotherHostIsNotFollowed_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("get") << false;
        QTest::newRow("watch stream") << true;
    }
    void redirectToAnotherHostIsNotFollowed()
    {
        QFETCH(bool, stream);
        RecordingServer api;
        RecordingServer other;
        other.respond = [](const RecordingServer::Request &) {
            return RecordingServer::json(R"({"kind":"PodList","items":[]})");
        };
        api.respond = [&](const RecordingServer::Request &) {
            return RecordingServer::redirect(other.url(QStringLiteral("/api/v1/pods")).toString());
        };
        FixedAuthenticator auth;
        auth.result.bearerToken = QStringLiteral("secret-token");
        auth.result.headers << qMakePair(QByteArray("Impersonate-User"), QByteArray("admin"));
        auth.result.plainHttpLoopbackAllowed = true; // both servers are on loopback
        KubeClient client(api.url(), &auth);

        KubeCall *call =
            stream ? client.stream(QStringLiteral("/api/v1/pods"), {}, std::chrono::seconds(10))
                   : client.get(QStringLiteral("/api/v1/pods"));
        const KubeResponse r = await(call);

        QCOMPARE(api.requests.size(), 1);
        QCOMPARE(api.requests[0].headers.value("authorization"), QByteArray("Bearer secret-token"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorText.contains(QLatin1String("redirected to another host")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(other.url(QStringLiteral("/api/v1/pods")).toString()),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(api.url(QStringLiteral("/api/v1/pods")).toString()),
                 qPrintable(r.errorText));
        // Bounded check that no follow-up request goes to the other host: none
        // arrives within 200 ms.
        QVERIFY(!QTest::qWaitFor([&] { return !other.requests.isEmpty(); }, 200));
        for (const auto &req : std::as_const(other.requests))
            QVERIFY2(!hasCredentialHeader(req), req.path.constData());
        QCOMPARE(other.requests.size(), 0);
    }

    void redirectWithinTheServerIsFollowed()
    {
        RecordingServer api;
        api.respond = [](const RecordingServer::Request &r) {
            if (r.path == "/old/api/v1/nodes")
                return RecordingServer::redirect(QStringLiteral("/api/v1/nodes"));
            return RecordingServer::json(
                R"({"kind":"NodeList","items":[{"metadata":{"name":"pikachu"}}]})");
        };
        FixedAuthenticator auth;
        auth.result.bearerToken = QStringLiteral("secret-token");
        auth.result.plainHttpLoopbackAllowed = true;
        KubeClient client(api.url(), &auth);
        const KubeResponse r = await(client.get(QStringLiteral("/old/api/v1/nodes")));
        QVERIFY2(r.ok(), qPrintable(r.errorText));
        QCOMPARE(r.json.value(QLatin1String("kind")).toString(), QStringLiteral("NodeList"));
        QCOMPARE(api.requests.size(), 2);
        QCOMPARE(api.requests[1].path, QByteArray("/api/v1/nodes"));
        QCOMPARE(api.requests[1].headers.value("authorization"), QByteArray("Bearer secret-token"));
    }

    void samePortOtherSchemeIsAnotherOrigin()
    {
        // http://127.0.0.1:P -> https://127.0.0.1:P is not the same origin either.
        RecordingServer api;
        api.respond = [&](const RecordingServer::Request &) {
            return RecordingServer::redirect(
                QStringLiteral("https://127.0.0.1:%1/api").arg(api.port()));
        };
        FixedAuthenticator auth;
        auth.result.bearerToken = QStringLiteral("secret-token");
        auth.result.plainHttpLoopbackAllowed = true;
        KubeClient client(api.url(), &auth);
        const KubeResponse r = await(client.get(QStringLiteral("/api")));
        QVERIFY2(r.errorText.contains(QLatin1String("redirected to another host")),
                 qPrintable(r.errorText));
        QCOMPARE(api.requests.size(), 1);
    }

    void noCredentialsOverPlainHttp()
    {
        // A Static- or other authenticator without the demo lab's opt-in.
        RecordingServer api;
        FixedAuthenticator auth;
        auth.result.bearerToken = QStringLiteral("secret-token");
        KubeClient client(api.url(), &auth);
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorText.contains(QLatin1String("plain http://")), qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QLatin1String("https://")), qPrintable(r.errorText));
        QCOMPARE(api.connections, 0);

        // The opt-in holds only for loopback: "localhost" is, a LAN address is not.
        auth.result.plainHttpLoopbackAllowed = true;
        KubeClient lan(QUrl(QStringLiteral("http://192.0.2.1:%1").arg(api.port())), &auth);
        const KubeResponse refused = await(lan.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY2(refused.errorText.contains(QLatin1String("plain http://")),
                 qPrintable(refused.errorText));

        // Anonymous requests (no credentials) still go out over http.
        FixedAuthenticator anonymous;
        KubeClient open(api.url(), &anonymous);
        const KubeResponse ok = await(open.get(QStringLiteral("/version")));
        QVERIFY2(ok.ok(), qPrintable(ok.errorText));
        QCOMPARE(api.requests.size(), 1);
        QVERIFY(!hasCredentialHeader(api.requests[0]));
    }

    void kubeconfigWithHttpServerSendsNoToken_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("token") << QStringLiteral("    token: secret-token\n");
        QTest::newRow("basic") << QStringLiteral(
            "    username: admin\n    password: secret-token\n");
        QTest::newRow("exec") << QStringLiteral(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
            "      command: /bin/echo\n      interactiveMode: Never\n");
    }
    void kubeconfigWithHttpServerSendsNoToken()
    {
        QFETCH(QString, user);
        RecordingServer api;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: lab\n"
                           "clusters:\n- name: lab\n  cluster:\n    server: %1\n"
                           "users:\n- name: me\n  user:\n%2"
                           "contexts:\n- name: lab\n  context:\n    cluster: lab\n    user: me\n")
                .arg(api.url().toString(), user)
                .toUtf8());
        file.close();
        const auto loaded = KubeConfig::loadExplicit(path);
        QVERIFY(loaded.ok());
        QString error;
        const auto context = loaded.config->resolve(QString(), &error);
        QVERIFY2(context, qPrintable(error));

        ExecApprovalStore approvals(dir.filePath(QStringLiteral("approvals.json")));
        CredentialProvider provider(*context, &approvals);
        bool asked = false;
        provider.setApprovalHook(
            [&](const ExecApprovalRequest &, std::function<void(bool, bool)> answer) {
                asked = true;
                answer(true, false);
            });
        ProviderAuthenticator auth(&provider);
        KubeClient client(context->cluster.server, &auth);
        const KubeResponse r = await(client.get(QStringLiteral("/api/v1/nodes")));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorText.contains(QLatin1String("plain http://")), qPrintable(r.errorText));
        QVERIFY2(
            r.errorText.contains(QLatin1String("does not send the credentials of user \"me\"")),
            qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(QLatin1String("certificate-authority-data")),
                 qPrintable(r.errorText));
        QVERIFY2(r.errorText.contains(path), qPrintable(r.errorText));
        QCOMPARE(ProviderAuthenticator::plainHttpRefusal(*context),
                 r.errorText); // the window's label
        QVERIFY(!asked);       // no plugin is offered for a server it could not be sent to
        // Bounded check that nothing connects to the plain-http server within 100 ms.
        QVERIFY(!QTest::qWaitFor([&] { return api.connections > 0; }, 100));
        QCOMPARE(api.connections, 0);

        // The same user with an https:// server may send them.
        ResolvedContext secure = *context;
        secure.cluster.server.setScheme(QStringLiteral("https"));
        QVERIFY(ProviderAuthenticator::plainHttpRefusal(secure).isEmpty());
        // An anonymous user over http:// has nothing to refuse.
        ResolvedContext anonymous = *context;
        anonymous.user = UserInfo{};
        QVERIFY(ProviderAuthenticator::plainHttpRefusal(anonymous).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKubeSecurity)
#include "tst_kubesecurity.moc"
