// kubeconfig TLS settings: private keys in every PEM form, the SSL
// configuration from data, files, insecure-skip-tls-verify and exec
// credentials, request headers and peer name, and a handshake with a real
// TLS server (a CA and RSA and EC client certificates made by openssl).

#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "kube/kubeconfigparser.h"
#include "support/fixtures.h"
#include "support/kubeconfigpki.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/stat.h>

using namespace labdeck::kube;
using labdeck::test::KubeconfigPki;
using labdeck::test::writeFile;

class TestKubeConfigTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void privateKeysInEveryPemForm();
    void sslConfigurationFromData();
    void sslConfigurationFromFilesAndInsecure();
    void sslConfigurationPrefersExecCertificate();
    void applyToSetsHeadersAndPeerName();
    void tlsHandshakeWithRealServer();

private:
    QByteArray pkiKubeconfig(const QByteArray &extraCluster = {},
                             const QByteArray &user = {}) const;

    // Made in initTestCase, not with the test object: "-functions" exits without
    // running destructors, which would leave the directories behind.
    std::unique_ptr<KubeconfigPki> m_pki;
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestKubeConfigTls::initTestCase()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_pki = std::make_unique<KubeconfigPki>();
    QVERIFY(m_tmp->isValid());
    if (!m_pki->make())
        qWarning("TLS tests will be skipped: %s", qPrintable(m_pki->error));
}

QByteArray TestKubeConfigTls::pkiKubeconfig(const QByteArray &extraCluster,
                                            const QByteArray &user) const
{
    const QByteArray userBlock =
        user.isEmpty() ? "    client-certificate-data: " + m_pki->pem("client.crt").toBase64() +
                             "\n    client-key-data: " + m_pki->pem("client.key").toBase64() + "\n"
                       : user;
    return "apiVersion: v1\nkind: Config\n"
           "clusters:\n- name: lab\n  cluster:\n    server: https://127.0.0.1:6443\n"
           "    certificate-authority-data: " +
           m_pki->pem("ca.crt").toBase64() + "\n" + extraCluster +
           "users:\n- name: admin\n  user:\n" + userBlock +
           "contexts:\n- name: lab\n  context:\n    cluster: lab\n    user: admin\n"
           "current-context: lab\n";
}

void TestKubeConfigTls::privateKeysInEveryPemForm()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    QVERIFY(m_pki->pem("client.key").contains("BEGIN PRIVATE KEY"));
    QVERIFY(m_pki->pem("client-pkcs1.key").contains("BEGIN RSA PRIVATE KEY"));
    QVERIFY(m_pki->pem("ec.key").contains("BEGIN EC PRIVATE KEY"));
    QCOMPARE(privateKeyFromPem(m_pki->pem("client.key")).algorithm(), QSsl::Rsa);
    QCOMPARE(privateKeyFromPem(m_pki->pem("client-pkcs1.key")).algorithm(), QSsl::Rsa);
    QCOMPARE(privateKeyFromPem(m_pki->pem("ec.key")).algorithm(), QSsl::Ec);
    QVERIFY(
        privateKeyFromPem("-----BEGIN EC PRIVATE KEY-----\nFAKE\n-----END EC PRIVATE KEY-----\n")
            .isNull());
}

void TestKubeConfigTls::sslConfigurationFromData()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    const KubeConfigLoadResult r = KubeConfig::parse(
        pkiKubeconfig("    tls-server-name: kubernetes\n"), m_tmp->filePath("pki.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QString error;
    const std::optional<ResolvedContext> rc = r.config->resolve(QString(), &error);
    QVERIFY2(rc, qPrintable(error));
    const QSslConfiguration cfg = rc->sslConfiguration();
    const QSslCertificate ca = QSslCertificate::fromData(m_pki->pem("ca.crt")).constFirst();
    QCOMPARE(cfg.caCertificates(),
             QList<QSslCertificate>{ca}); // only the cluster CA, no system CAs
    QCOMPARE(cfg.localCertificate(),
             QSslCertificate::fromData(m_pki->pem("client.crt")).constFirst());
    QCOMPARE(cfg.privateKey(), privateKeyFromPem(m_pki->pem("client.key")));
    QCOMPARE(cfg.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(rc->peerVerifyName(), QStringLiteral("kubernetes"));
}

void TestKubeConfigTls::sslConfigurationFromFilesAndInsecure()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    QTemporaryDir dir;
    QVERIFY(QFile::copy(m_pki->path("ec.crt"), dir.filePath("ec.crt")));
    QVERIFY(QFile::copy(m_pki->path("ec.key"), dir.filePath("ec.key")));
    QVERIFY(QFile::copy(m_pki->path("ca.crt"), dir.filePath("ca.crt")));
    const QString file = writeFile(dir.filePath("k3s.yaml"), R"(clusters:
- name: secure
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority: ca.crt
- name: insecure
  cluster:
    server: https://127.0.0.1:6443
    insecure-skip-tls-verify: true
- name: system
  cluster:
    server: https://k8s.example.com
users:
- name: k3s
  user:
    client-certificate: ec.crt
    client-key: ec.key
contexts:
- {name: secure, context: {cluster: secure, user: k3s}}
- {name: insecure, context: {cluster: insecure, user: k3s}}
- {name: system, context: {cluster: system}}
)");
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(file);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QString error;
    const std::optional<ResolvedContext> secure = r.config->resolve("secure", &error);
    QVERIFY2(secure, qPrintable(error));
    const QSslConfiguration s = secure->sslConfiguration();
    QCOMPARE(s.caCertificates(), QSslCertificate::fromData(m_pki->pem("ca.crt")));
    QCOMPARE(s.privateKey().algorithm(), QSsl::Ec);
    QCOMPARE(s.localCertificate().subjectInfo(QSslCertificate::CommonName),
             QStringList{"k3s-admin"});
    QCOMPARE(s.peerVerifyMode(), QSslSocket::VerifyPeer);

    const std::optional<ResolvedContext> insecure = r.config->resolve("insecure", &error);
    QVERIFY2(insecure, qPrintable(error));
    QCOMPARE(insecure->sslConfiguration().peerVerifyMode(), QSslSocket::VerifyNone);
    QVERIFY(!insecure->sslConfiguration().localCertificate().isNull());

    // No CA in the kubeconfig: the system's CAs, still verified.
    const std::optional<ResolvedContext> system = r.config->resolve("system", &error);
    QVERIFY2(system, qPrintable(error));
    const QSslConfiguration sys = system->sslConfiguration();
    QCOMPARE(sys.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(sys.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
    QVERIFY(sys.localCertificate().isNull());
}

void TestKubeConfigTls::sslConfigurationPrefersExecCertificate()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    const KubeConfigLoadResult r = KubeConfig::parse(pkiKubeconfig(), m_tmp->filePath("pki.yaml"));
    QVERIFY(r.ok());
    const std::optional<ResolvedContext> rc = r.config->resolve(QString(), nullptr);
    QVERIFY(rc);
    Credential fromPlugin;
    fromPlugin.clientCertificatePem = m_pki->pem("ec.crt");
    fromPlugin.clientKeyPem = m_pki->pem("ec.key");
    QCOMPARE(rc->sslConfiguration(fromPlugin).privateKey().algorithm(), QSsl::Ec);
    Credential tokenOnly;
    tokenOnly.bearerToken = QStringLiteral("t");
    QCOMPARE(rc->sslConfiguration(tokenOnly).privateKey().algorithm(),
             QSsl::Rsa); // the static pair
}

void TestKubeConfigTls::applyToSetsHeadersAndPeerName()
{
    const KubeConfigLoadResult r = KubeConfig::parse(
        "clusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\n    tls-server-name: "
        "kubernetes\n"
        "    proxy-url: socks5://user:pw@proxy.lan:1081\n"
        "users:\n- name: u\n  user:\n    token: abc\n    as: jane\n    as-groups: [devs]\n"
        "contexts:\n- name: x\n  context: {cluster: c, user: u}\n",
        "/tmp/x/config");
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    const std::optional<ResolvedContext> rc = r.config->resolve("x", nullptr);
    QVERIFY(rc);
    Credential cred;
    cred.bearerToken = rc->user.token;
    QNetworkRequest req(QUrl("https://10.0.0.1:6443/version"));
    rc->applyTo(req, cred);
    QCOMPARE(req.rawHeader("Authorization"), QByteArray("Bearer abc"));
    QCOMPARE(req.peerVerifyName(), QStringLiteral("kubernetes"));
    QCOMPARE(req.rawHeader("Impersonate-User"), QByteArray("jane"));
    QCOMPARE(req.rawHeader("Impersonate-Group"), QByteArray("devs"));
    QCOMPARE(req.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
    const QNetworkProxy proxy = rc->networkProxy();
    QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(proxy.hostName(), QStringLiteral("proxy.lan"));
    QCOMPARE(proxy.port(), quint16(1081));
    QCOMPARE(proxy.user(), QStringLiteral("user"));

    Credential basic;
    basic.username = QStringLiteral("admin");
    basic.password = QStringLiteral("secret");
    QCOMPARE(basic.authorizationHeader(), "Basic " + QByteArray("admin:secret").toBase64());
}

void TestKubeConfigTls::tlsHandshakeWithRealServer()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    // A TLS server with a certificate for "kubernetes" that demands a client
    // certificate from the test CA, answering one HTTP request.
    QSslServer server;
    QSslConfiguration serverCfg = QSslConfiguration::defaultConfiguration();
    serverCfg.setLocalCertificate(QSslCertificate::fromData(m_pki->pem("server.crt")).constFirst());
    serverCfg.setPrivateKey(privateKeyFromPem(m_pki->pem("server.key")));
    serverCfg.setCaCertificates(QSslCertificate::fromData(m_pki->pem("ca.crt")));
    serverCfg.setPeerVerifyMode(QSslSocket::VerifyPeer);
    server.setSslConfiguration(serverCfg);
    QStringList clientNames;
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            auto *ssl = qobject_cast<QSslSocket *>(s);
            clientNames << ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName);
            connect(s, &QTcpSocket::readyRead, s, [s] {
                if (!s->readAll().contains("\r\n\r\n"))
                    return;
                s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                         "Connection: close\r\n\r\nok");
                s->disconnectFromHost();
            });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray port = QByteArray::number(server.serverPort());

    QNetworkAccessManager sharedNam;
    QNetworkAccessManager *useNam = nullptr;
    const auto get = [&](const QByteArray &extraCluster, const QByteArray &user) {
        // A manager per request, unless useNam is set: QNetworkAccessManager keeps
        // connections (and their TLS context, client certificate included) per host,
        // port and peer verify name, whatever a later request's SSL configuration says.
        QNetworkAccessManager ownNam;
        QNetworkAccessManager &nam = useNam ? *useNam : ownNam;
        QByteArray yaml = pkiKubeconfig(extraCluster, user);
        yaml.replace("https://127.0.0.1:6443", "https://127.0.0.1:" + port);
        const KubeConfigLoadResult r = KubeConfig::parse(yaml, m_tmp->filePath("tls.yaml"));
        if (!r.ok())
            return std::pair<int, QString>(-1, r.errorText());
        QString error;
        const std::optional<ResolvedContext> rc = r.config->resolve(QString(), &error);
        if (!rc)
            return std::pair<int, QString>(-1, error);
        QNetworkRequest req(QUrl(rc->cluster.server.toString() + "/version"));
        rc->applyTo(req, Credential{});
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(20000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString err =
            reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
        reply->deleteLater();
        return std::pair<int, QString>(status, err);
    };

    // tls-server-name makes the certificate for "kubernetes" match 127.0.0.1.
    const auto ok = get("    tls-server-name: kubernetes\n", {});
    QVERIFY2(ok.first == 200, qPrintable(ok.second));
    QCOMPARE(clientNames, QStringList{"admin"});

    // Without it the host name does not match: refused, not ignored.
    const auto mismatch = get({}, {});
    QCOMPARE(mismatch.first, 0);
    QVERIFY2(!mismatch.second.isEmpty(), "a host name mismatch must fail");

    // EC client certificate (k3s style).
    const QByteArray ecUser = "    client-certificate-data: " + m_pki->pem("ec.crt").toBase64() +
                              "\n    client-key-data: " + m_pki->pem("ec.key").toBase64() + "\n";
    const auto ec = get("    tls-server-name: kubernetes\n", ecUser);
    QVERIFY2(ec.first == 200, qPrintable(ec.second));
    QCOMPARE(clientNames.constLast(), QStringLiteral("k3s-admin"));

    // Qt 6.4 quirk the client must know: one manager keeps the TLS identity of
    // its first request to a host:port (+ peer verify name), even on a new
    // connection, so a rotated client certificate is only used after
    // clearConnectionCache() (or with another manager).
    useNam = &sharedNam;
    QVERIFY(get("    tls-server-name: kubernetes\n", {}).first == 200);
    QCOMPARE(clientNames.constLast(), QStringLiteral("admin"));
    QVERIFY(get("    tls-server-name: kubernetes\n", ecUser).first == 200);
    QCOMPARE(clientNames.constLast(), QStringLiteral("admin")); // not k3s-admin
    sharedNam.clearConnectionCache();
    QVERIFY(get("    tls-server-name: kubernetes\n", ecUser).first == 200);
    QCOMPARE(clientNames.constLast(), QStringLiteral("k3s-admin"));
}

QTEST_GUILESS_MAIN(TestKubeConfigTls)
#include "tst_kubeconfig_tls.moc"
