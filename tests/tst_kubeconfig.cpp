// kubeconfig loading, merging and resolving: real kubeconfigs from kind,
// kubeadm, k3s and EKS; kubectl's merge rules across files; every class of
// bad input located by file, line, column and field; and TLS settings that
// work against a real TLS server with a CA and client certificates made by
// openssl in the test.

#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "kube/kubeconfigparser.h"
#include "support/fixtures.h"

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
using labdeck::test::fixturePath;
using labdeck::test::readFile;
using labdeck::test::writeFile;

namespace {

QString errorsOf(const KubeConfigLoadResult &r)
{
    return r.errorText();
}

// Sets an environment variable for one scope.
class EnvGuard
{
public:
    EnvGuard(const char *name, const QByteArray &value, bool unset = false)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (unset)
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

// A test PKI made with the openssl command: a CA, a server certificate for the
// name "kubernetes" (not for 127.0.0.1), RSA and EC client certificates.
struct Pki
{
    QTemporaryDir dir;
    bool ok = false;
    QString error;

    QString path(const QString &name) const { return dir.filePath(name); }
    QByteArray pem(const QString &name) const { return readFile(path(name)); }

    bool run(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            error = QStringLiteral("openssl %1: %2")
                        .arg(args.join(' '), QString::fromLocal8Bit(p.readAll()));
            return false;
        }
        return true;
    }

    bool make()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            error = QStringLiteral("the openssl command is not installed");
            return false;
        }
        writeFile(path("server.ext"), "subjectAltName=DNS:kubernetes\nextendedKeyUsage=serverAuth\n"
                                      "basicConstraints=CA:FALSE\n");
        writeFile(path("client.ext"), "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n");
        ok = run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                  "ca.crt", "-days", "2", "-subj", "/CN=labdeck-test-ca", "-addext",
                  "basicConstraints=critical,CA:TRUE", "-addext",
                  "keyUsage=critical,keyCertSign,cRLSign"}) &&
             run({"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
                  "server.csr", "-subj", "/CN=kubernetes"}) &&
             run({"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                  "-CAcreateserial", "-days", "2", "-out", "server.crt", "-extfile",
                  "server.ext"}) &&
             // RSA client key; OpenSSL 3 writes PKCS#8 ("BEGIN PRIVATE KEY").
             run({"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out",
                  "client.csr", "-subj", "/O=system:masters/CN=admin"}) &&
             run({"x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                  "-CAcreateserial", "-days", "2", "-out", "client.crt", "-extfile",
                  "client.ext"}) &&
             // The same key as PKCS#1 ("BEGIN RSA PRIVATE KEY"), as kubeadm writes it.
             run({"rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key"}) &&
             // An EC client key ("BEGIN EC PRIVATE KEY"), as k3s writes it.
             run({"ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key"}) &&
             run({"req", "-new", "-key", "ec.key", "-out", "ec.csr", "-subj", "/CN=k3s-admin"}) &&
             run({"x509", "-req", "-in", "ec.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                  "-CAcreateserial", "-days", "2", "-out", "ec.crt", "-extfile", "client.ext"});
        return ok;
    }
};

QByteArray b64(const QByteArray &data)
{
    return data.toBase64();
}

} // namespace

class TestKubeConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // The shared fixtures, each as kubectl 1.32 treats it.
    void kindAndKubeadmFixturesHaveBadBase64LikeKubectlSays();
    void k3sFixtureLoadsButItsFakeCaDoesNotResolve();
    void eksExecFixture();
    void eksMultiClusterFixture();
    void eksV1alpha1IsRefusedOnResolve();
    void redactedFixtureNamesThePlaceholder();

    // Merge rules.
    void mergeFirstFileWins();
    void mergeRelativePathsAgainstOwnFile();
    void mergeMissingFiles();
    void defaultFilesHonoursKubeconfigAndHome();
    void kubeconfigEnvWithDuplicatesAndEmptyEntries();
    void explicitFileMustExist();

    // Parsing.
    void badFiles_data();
    void badFiles();
    void everyErrorIsReported();
    void typeErrorsNeverEchoValues();
    void unknownKeysAndRepeatedKeysAreAcceptedLikeKubectl();
    void yamlBooleansAndHostPortServer();
    void base64DecodingMatchesGo_data();
    void base64DecodingMatchesGo();
    void execCommandLineAndPaths();

    // Resolving.
    void resolveErrorsNameFileAndField_data();
    void resolveErrorsNameFileAndField();
    void anonymousContextResolves();

    // TLS.
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
    std::unique_ptr<Pki> m_pki;
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestKubeConfig::initTestCase()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_pki = std::make_unique<Pki>();
    QVERIFY(m_tmp->isValid());
    if (!m_pki->make())
        qWarning("TLS tests will be skipped: %s", qPrintable(m_pki->error));
}

QByteArray TestKubeConfig::pkiKubeconfig(const QByteArray &extraCluster,
                                         const QByteArray &user) const
{
    const QByteArray userBlock =
        user.isEmpty() ? "    client-certificate-data: " + b64(m_pki->pem("client.crt")) +
                             "\n    client-key-data: " + b64(m_pki->pem("client.key")) + "\n"
                       : user;
    return "apiVersion: v1\nkind: Config\n"
           "clusters:\n- name: lab\n  cluster:\n    server: https://127.0.0.1:6443\n"
           "    certificate-authority-data: " +
           b64(m_pki->pem("ca.crt")) + "\n" + extraCluster + "users:\n- name: admin\n  user:\n" +
           userBlock +
           "contexts:\n- name: lab\n  context:\n    cluster: lab\n    user: admin\n"
           "current-context: lab\n";
}

// --- Shared fixtures -------------------------------------------------------

void TestKubeConfig::kindAndKubeadmFixturesHaveBadBase64LikeKubectlSays()
{
    // kubectl 1.32 on these files: "illegal base64 data at input byte 12" (the
    // upstream placeholders "definitelyacert", "seemslegit" are not base64).
    const KubeConfigLoadResult kind =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/kind-kind.yaml"));
    QVERIFY(!kind.ok());
    QCOMPARE(kind.errors.size(), 3);
    const labdeck::LocatedError &ca = kind.errors.at(0);
    QCOMPARE(ca.file, QFileInfo(fixturePath("kubeconfig/kind-kind.yaml")).absoluteFilePath());
    QCOMPARE(ca.line, 4);
    QCOMPARE(ca.column, 33);
    QCOMPARE(ca.field, QStringLiteral("clusters[kind-kind].cluster.certificate-authority-data"));
    QVERIFY2(ca.message.contains("illegal base64 data at input byte 12"), qPrintable(ca.message));
    QCOMPARE(kind.errors.at(1).field,
             QStringLiteral("users[kind-kind].user.client-certificate-data"));
    QCOMPARE(kind.errors.at(1).line, 18);
    QVERIFY(kind.errors.at(1).message.contains("input byte 8"));
    QCOMPARE(kind.errors.at(2).field, QStringLiteral("users[kind-kind].user.client-key-data"));
    QVERIFY(kind.errors.at(2).message.contains("input byte 0"));
    QVERIFY(ca.toString().startsWith(
        ca.file + ":4:33: clusters[kind-kind].cluster.certificate-authority-data: "));

    const KubeConfigLoadResult kubeadm =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/kubeadm-admin.conf.yaml"));
    QVERIFY(!kubeadm.ok());
    QCOMPARE(kubeadm.errors.constFirst().field,
             QStringLiteral("clusters[kind].cluster.certificate-authority-data"));
    QCOMPARE(kubeadm.errors.constLast().field,
             QStringLiteral("users[kubernetes-admin].user.client-key-data"));

    // With valid base64 the same files load; the structure is what kind and kubeadm write.
    QByteArray fixed = readFile(fixturePath("kubeconfig/kubeadm-admin.conf.yaml"));
    fixed.replace("definitelyacert", "ZGVmaW5pdGVseWFjZXJ0")
        .replace("seemslegit", "c2VlbXNsZWdpdA==")
        .replace("yep", "eWVw");
    const KubeConfigLoadResult r = KubeConfig::parse(fixed, m_tmp->filePath("admin.conf"));
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config->currentContext(), QStringLiteral("kubernetes-admin@kind"));
    QCOMPARE(r.config->contextNames(), QStringList{"kubernetes-admin@kind"});
    const ContextInfo *ctx = r.config->context("kubernetes-admin@kind");
    QCOMPARE(ctx->cluster, QStringLiteral("kind"));
    QCOMPARE(ctx->user, QStringLiteral("kubernetes-admin"));
    QCOMPARE(r.config->cluster("kind")->server, QUrl("https://192.168.9.4:6443"));
    QCOMPARE(r.config->cluster("kind")->certificateAuthorityPem, QByteArray("definitelyacert"));
    QCOMPARE(r.config->user("kubernetes-admin")->clientKeyPem, QByteArray("yep"));
    QString error;
    QVERIFY(!r.config->resolve(QString(), &error));
    QVERIFY2(error.contains("certificate-authority-data: holds no PEM certificate"),
             qPrintable(error));
}

void TestKubeConfig::k3sFixtureLoadsButItsFakeCaDoesNotResolve()
{
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(fixturePath("kubeconfig/k3s-k3s.yaml"));
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QVERIFY(r.warnings.isEmpty());
    const KubeConfig &c = *r.config;
    QCOMPARE(c.currentContext(), QStringLiteral("default"));
    QCOMPARE(c.clusters().size(), 1);
    QCOMPARE(c.clusters().constFirst().server, QUrl("https://127.0.0.1:6443"));
    QVERIFY(c.clusters().constFirst().certificateAuthorityPem.startsWith(
        "-----BEGIN CERTIFICATE-----\nFAKE"));
    QVERIFY(c.users().constFirst().clientKeyPem.startsWith("-----BEGIN EC PRIVATE KEY-----"));
    QCOMPARE(c.users().constFirst().sourceFile,
             QFileInfo(fixturePath("kubeconfig/k3s-k3s.yaml")).absoluteFilePath());

    // The data is fake (see fixtures SOURCES.md): resolve says so, at the CA's line.
    QString error;
    QVERIFY(!c.resolve(QString(), &error));
    QVERIFY2(error.startsWith(QFileInfo(fixturePath("kubeconfig/k3s-k3s.yaml")).absoluteFilePath() +
                              ":4:33: clusters[default].cluster.certificate-authority-data: holds "
                              "no PEM certificate"),
             qPrintable(error));
}

void TestKubeConfig::eksExecFixture()
{
    const KubeConfigLoadResult r =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/eks-exec-aws-get-token.yaml"));
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    const QString arn = QStringLiteral("arn:aws:eks:region:111222333444:cluster/ExampleCluster");
    QCOMPARE(r.config->currentContext(), arn);
    const UserInfo *u = r.config->user(arn);
    QVERIFY(u);
    QVERIFY(u->exec);
    QCOMPARE(u->exec->apiVersion, QStringLiteral("client.authentication.k8s.io/v1beta1"));
    QCOMPARE(u->exec->command, QStringLiteral("aws")); // PATH-based: left alone
    QCOMPARE(u->exec->args, (QStringList{"--region", "region", "eks", "get-token", "--cluster-name",
                                         "ExampleCluster"}));
    QCOMPARE(u->exec->commandLine(),
             QStringLiteral("aws --region region eks get-token --cluster-name ExampleCluster"));
    QVERIFY(u->exec->interactiveMode.isEmpty());
    QVERIFY(!u->exec->provideClusterInfo);
    QCOMPARE(u->exec->sourceFile,
             QFileInfo(fixturePath("kubeconfig/eks-exec-aws-get-token.yaml")).absoluteFilePath());
    // Valid base64 of a PEM header around "Testing Data": loads, does not resolve.
    QVERIFY(
        r.config->cluster(arn)->certificateAuthorityPem.startsWith("-----BEGIN CERTIFICATE-----"));
    QString error;
    QVERIFY(!r.config->resolve(QString(), &error));
    QVERIFY2(error.contains(
                 QStringLiteral(
                     "clusters[%1].cluster.certificate-authority-data: holds no PEM certificate")
                     .arg(arn)),
             qPrintable(error));

    // With a real CA the exec user resolves, and v1beta1 gets interactiveMode IfAvailable.
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    QByteArray withCa = readFile(fixturePath("kubeconfig/eks-exec-aws-get-token.yaml"));
    const qsizetype at = withCa.indexOf("certificate-authority-data: ") + 28;
    withCa.replace(at, withCa.indexOf('\n', at) - at, b64(m_pki->pem("ca.crt")));
    const KubeConfigLoadResult r2 = KubeConfig::parse(withCa, m_tmp->filePath("eks.yaml"));
    QVERIFY2(r2.ok(), qPrintable(errorsOf(r2)));
    const std::optional<ResolvedContext> rc = r2.config->resolve(QString(), &error);
    QVERIFY2(rc, qPrintable(error));
    QVERIFY(rc->user.exec);
    QCOMPARE(rc->user.exec->interactiveMode, QStringLiteral("IfAvailable"));
    QCOMPARE(rc->cluster.server, QUrl("https://endpoint.amazonaws.com"));
    QCOMPARE(rc->effectiveNamespace(), QStringLiteral("default"));
}

void TestKubeConfig::eksMultiClusterFixture()
{
    // kubectl 1.32: "illegal base64 data at input byte 168" ("DATA...DATA=" has a lone '=').
    const KubeConfigLoadResult r =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/eks-multi-cluster-v1alpha1.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.constFirst().line, 4);
    QCOMPARE(r.errors.constFirst().column, 33);
    QCOMPARE(r.errors.constFirst().field,
             QStringLiteral("clusters[arn:aws:eks:us-west-2:111222333444:cluster/"
                            "Existing].cluster.certificate-authority-data"));
    QVERIFY(r.errors.constFirst().message.contains("input byte 168"));
}

void TestKubeConfig::eksV1alpha1IsRefusedOnResolve()
{
    const QString file =
        QFileInfo(fixturePath("kubeconfig/eks-v1alpha1-without-ca.yaml")).absoluteFilePath();
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(file);
    QVERIFY2(r.ok(), qPrintable(errorsOf(r))); // loads, as in kubectl: only using it fails
    QCOMPARE(r.config->contexts().size(), 2);
    for (const QString &ctx : r.config->contextNames()) {
        QString error;
        QVERIFY(!r.config->resolve(ctx, &error));
        QVERIFY2(error.startsWith(file + ":"), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("users[%1].user.exec.apiVersion: ").arg(ctx)),
                 qPrintable(error));
        QVERIFY2(error.contains("\"client.authentication.k8s.io/v1alpha1\" is not supported"),
                 qPrintable(error));
        QVERIFY2(error.contains("aws eks update-kubeconfig"), qPrintable(error));
    }
    QString error;
    QVERIFY(!r.config->resolve(
        QStringLiteral("arn:aws:eks:us-west-2:111222333444:cluster/Existing"), &error));
    // The apiVersion line of the first user.
    QVERIFY2(error.startsWith(file + ":28:19: "), qPrintable(error));
}

void TestKubeConfig::redactedFixtureNamesThePlaceholder()
{
    const KubeConfigLoadResult r =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/kubeadm-config-view-redacted.yaml"));
    QVERIFY2(r.ok(), qPrintable(errorsOf(r))); // "REDACTED" is valid base64: kubectl loads it too
    QCOMPARE(r.config->currentContext(), QStringLiteral("gsviec-traning"));
    QCOMPARE(r.config->cluster("kubernetes")->server, QUrl("https://192.168.10.64:6443"));
    QString error;
    QVERIFY(!r.config->resolve(QString(), &error));
    QVERIFY2(error.contains("clusters[kubernetes].cluster.certificate-authority-data: holds the "
                            "placeholder \"REDACTED\""),
             qPrintable(error));
    QVERIFY(error.contains("kubectl config view --raw"));
}

// --- Merging ---------------------------------------------------------------

void TestKubeConfig::mergeFirstFileWins()
{
    QTemporaryDir dir;
    const QString a = writeFile(dir.filePath("a/config"), R"(apiVersion: v1
kind: Config
current-context: ctx-a
clusters:
- name: shared
  cluster:
    server: https://a.example:6443
- name: only-a
  cluster:
    server: https://only-a.example:6443
users:
- name: shared-user
  user:
    token: token-from-a
contexts:
- name: ctx-a
  context: {cluster: shared, user: shared-user, namespace: apps}
)");
    const QString b = writeFile(dir.filePath("b/config"), R"(apiVersion: v1
kind: Config
current-context: ctx-b
clusters:
- name: shared
  cluster:
    server: https://b.example:6443
    tls-server-name: from-b
- name: only-b
  cluster:
    server: https://only-b.example:6443
users:
- name: shared-user
  user:
    username: from-b
    password: from-b
- name: user-b
  user:
    token: token-from-b
contexts:
- name: ctx-b
  context: {cluster: shared, user: user-b}
- name: ctx-a
  context: {cluster: only-b, user: user-b}
)");
    const QString c = writeFile(dir.filePath("c/config"), R"(apiVersion: v1
kind: Config
clusters:
- name: only-c
  cluster:
    server: https://only-c.example:6443
)");
    const KubeConfigLoadResult r = KubeConfig::load({a, b, c});
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    const KubeConfig &k = *r.config;
    QCOMPARE(k.files(), (QStringList{a, b, c}));
    QCOMPARE(k.currentContext(), QStringLiteral("ctx-a"));

    QStringList clusters;
    for (const ClusterInfo &cl : k.clusters())
        clusters << cl.name;
    QCOMPARE(clusters, (QStringList{"shared", "only-a", "only-b", "only-c"}));
    // Taken whole from the first file: b's tls-server-name is not merged in.
    QCOMPARE(k.cluster("shared")->server, QUrl("https://a.example:6443"));
    QVERIFY(k.cluster("shared")->tlsServerName.isEmpty());
    QCOMPARE(k.cluster("shared")->sourceFile, a);
    QCOMPARE(k.cluster("only-b")->sourceFile, b);
    QCOMPARE(k.user("shared-user")->token, QStringLiteral("token-from-a"));
    QVERIFY(k.user("shared-user")->username.isEmpty());
    QCOMPARE(k.context("ctx-a")->cluster, QStringLiteral("shared"));
    QCOMPARE(k.context("ctx-a")->ns, QStringLiteral("apps"));
    QCOMPARE(k.contextNames(), (QStringList{"ctx-a", "ctx-b"}));

    // A context from b uses the cluster a defined.
    QString error;
    const std::optional<ResolvedContext> rc = k.resolve(QStringLiteral("ctx-b"), &error);
    QVERIFY2(rc, qPrintable(error));
    QCOMPARE(rc->cluster.server, QUrl("https://a.example:6443"));
    QCOMPARE(rc->user.token, QStringLiteral("token-from-b"));
    QCOMPARE(rc->context.sourceFile, b);

    // Order matters: b first makes b win.
    const KubeConfigLoadResult r2 = KubeConfig::load({b, a});
    QVERIFY(r2.ok());
    QCOMPARE(r2.config->currentContext(), QStringLiteral("ctx-b"));
    QCOMPARE(r2.config->cluster("shared")->tlsServerName, QStringLiteral("from-b"));
    QCOMPARE(r2.config->context("ctx-a")->cluster, QStringLiteral("only-b"));

    // Errors point into the file that defined the winning entry.
    const QString d = writeFile(dir.filePath("d/config"), R"(contexts:
- name: broken
  context:
    cluster: nowhere
)");
    const KubeConfigLoadResult r3 = KubeConfig::load({a, d});
    QVERIFY(r3.ok());
    QVERIFY(!r3.config->resolve(QStringLiteral("broken"), &error));
    QCOMPARE(error, d + ":4:14: contexts[broken].context.cluster: no cluster named \"nowhere\"; "
                        "clusters: shared, only-a");
}

void TestKubeConfig::mergeRelativePathsAgainstOwnFile()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath("one/pki"));
    QDir().mkpath(dir.filePath("two/certs"));
    QVERIFY(QFile::copy(m_pki->path("ca.crt"), dir.filePath("one/pki/ca.crt")));
    QVERIFY(QFile::copy(m_pki->path("client.crt"), dir.filePath("two/certs/admin.crt")));
    QVERIFY(QFile::copy(m_pki->path("client.key"), dir.filePath("two/certs/admin.key")));
    writeFile(dir.filePath("two/token"), "  file-token\n");
    const QString one = writeFile(dir.filePath("one/config"), R"(clusters:
- name: lab
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority: pki/ca.crt
contexts:
- name: lab
  context: {cluster: lab, user: admin}
current-context: lab
)");
    const QString two = writeFile(dir.filePath("two/config"), R"(users:
- name: admin
  user:
    client-certificate: certs/admin.crt
    client-key: ./certs/../certs/admin.key
- name: bot
  user:
    tokenFile: token
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ../bin/plugin
      interactiveMode: Never
)");
    // Loaded from another working directory: paths still resolve to their own file's dir.
    const QString oldCwd = QDir::currentPath();
    QDir::setCurrent(QDir::tempPath());
    const KubeConfigLoadResult r = KubeConfig::load({one, two});
    QDir::setCurrent(oldCwd);
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config->cluster("lab")->certificateAuthorityFile, dir.filePath("one/pki/ca.crt"));
    QCOMPARE(r.config->user("admin")->clientCertificateFile, dir.filePath("two/certs/admin.crt"));
    QCOMPARE(r.config->user("admin")->clientKeyFile, dir.filePath("two/certs/admin.key"));
    QCOMPARE(r.config->user("bot")->tokenFile, dir.filePath("two/token"));
    QCOMPARE(r.config->user("bot")->exec->command, dir.filePath("bin/plugin"));

    QString error;
    const std::optional<ResolvedContext> rc = r.config->resolve(QString(), &error);
    QVERIFY2(rc, qPrintable(error));
    QCOMPARE(rc->cluster.certificateAuthorityPem, m_pki->pem("ca.crt"));
    QCOMPARE(rc->user.clientCertificatePem, m_pki->pem("client.crt"));
    QCOMPARE(rc->user.clientKeyPem, m_pki->pem("client.key"));

    // -data wins over the path (the path is not even read).
    const QString three = writeFile(dir.filePath("three/config"),
                                    "clusters:\n- name: lab\n  cluster:\n    server: https://h:1\n"
                                    "    certificate-authority: /nonexistent/ca.crt\n"
                                    "    certificate-authority-data: " +
                                        b64(m_pki->pem("ca.crt")) +
                                        "\n"
                                        "contexts:\n- name: lab\n  context: {cluster: lab}\n");
    const KubeConfigLoadResult r3 = KubeConfig::loadExplicit(three);
    QVERIFY2(r3.ok(), qPrintable(errorsOf(r3)));
    QVERIFY(r3.config->cluster("lab")->certificateAuthorityFile.isEmpty());
    QVERIFY2(r3.config->resolve(QStringLiteral("lab"), &error), qPrintable(error));

    // An unreadable referenced file names the field and the path.
    const QString four = writeFile(dir.filePath("four/config"),
                                   "clusters:\n- name: lab\n  cluster:\n    server: https://h:1\n"
                                   "    certificate-authority: missing-ca.crt\n"
                                   "contexts:\n- name: lab\n  context: {cluster: lab}\n");
    const KubeConfigLoadResult r4 = KubeConfig::loadExplicit(four);
    QVERIFY(r4.ok());
    QVERIFY(!r4.config->resolve(QStringLiteral("lab"), &error));
    QVERIFY2(error.startsWith(four +
                              ":5:28: clusters[lab].cluster.certificate-authority: cannot read \"" +
                              dir.filePath("four/missing-ca.crt") + "\""),
             qPrintable(error));

    // A pipe or a device in place of a file is refused without reading it:
    // reading a FIFO would wait for a writer, /dev/zero would never end.
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath("four/fifo-ca.crt")).constData(), 0600) == 0);
    for (const QString &ca : {QStringLiteral("fifo-ca.crt"), QStringLiteral("/dev/zero")}) {
        const QString five =
            writeFile(dir.filePath("four/config-" + QFileInfo(ca).fileName()),
                      "clusters:\n- name: lab\n  cluster:\n    server: https://h:1\n"
                      "    certificate-authority: " +
                          ca.toUtf8() +
                          "\n"
                          "contexts:\n- name: lab\n  context: {cluster: lab}\n");
        const KubeConfigLoadResult r5 = KubeConfig::loadExplicit(five);
        QVERIFY(r5.ok());
        QVERIFY(!r5.config->resolve(QStringLiteral("lab"), &error));
        QVERIFY2(error.contains(QStringLiteral("is not a regular file")), qPrintable(error));
    }
    // The kubeconfig itself, too.
    const KubeConfigLoadResult r6 = KubeConfig::loadExplicit(dir.filePath("four/fifo-ca.crt"));
    QVERIFY(!r6.ok());
    QVERIFY2(errorsOf(r6).contains(QStringLiteral("is not a regular file")),
             qPrintable(errorsOf(r6)));
}

void TestKubeConfig::mergeMissingFiles()
{
    QTemporaryDir dir;
    const QString good =
        writeFile(dir.filePath("good"), "contexts:\n- name: x\n  context: {cluster: c}\n");
    const QString empty = writeFile(dir.filePath("empty"), "# nothing here\n");
    const QString missing = dir.filePath("missing");

    const KubeConfigLoadResult r = KubeConfig::load({missing, good, empty});
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config->files(), (QStringList{good, empty}));
    QCOMPARE(r.warnings.size(), 2);
    QCOMPARE(r.warnings.at(0).file, missing);
    QVERIFY(r.warnings.at(0).message.contains("does not exist"));
    QCOMPARE(r.warnings.at(1).file, empty);

    // None exists: one error that says so and what to do.
    const KubeConfigLoadResult none = KubeConfig::load({missing, dir.filePath("also-missing")});
    QVERIFY(!none.ok());
    QCOMPARE(none.errors.size(), 1);
    QVERIFY(none.errors.constFirst().file.contains(missing));
    QVERIFY2(none.errors.constFirst().message.contains("none exists"),
             qPrintable(none.errors.constFirst().message));
    QVERIFY(none.errors.constFirst().message.contains("KUBECONFIG"));

    // Only empty files: an error at 1:1.
    const KubeConfigLoadResult onlyEmpty = KubeConfig::load({empty});
    QVERIFY(!onlyEmpty.ok());
    QCOMPARE(onlyEmpty.errors.constFirst().toString().left(empty.size() + 4), empty + ":1:1");

    // A broken file fails the whole load, as in kubectl.
    const QString broken = writeFile(dir.filePath("broken"), "clusters: {}\n");
    const KubeConfigLoadResult withBroken = KubeConfig::load({good, broken});
    QVERIFY(!withBroken.ok());
    QCOMPARE(withBroken.errors.constFirst().file, broken);
}

void TestKubeConfig::defaultFilesHonoursKubeconfigAndHome()
{
    {
        EnvGuard kc("KUBECONFIG", {}, true);
        EnvGuard home("HOME", "/home/someone-else");
        QCOMPARE(KubeConfig::defaultFiles(), QStringList{"/home/someone-else/.kube/config"});
    }
    {
        EnvGuard kc("KUBECONFIG", "");
        EnvGuard home("HOME", "/srv/h");
        QCOMPARE(KubeConfig::defaultFiles(), QStringList{"/srv/h/.kube/config"});
    }
    {
        EnvGuard kc("KUBECONFIG", "/a/config::/b/config:/a/config:");
        QCOMPARE(KubeConfig::defaultFiles(), (QStringList{"/a/config", "/b/config"}));
    }
    {
        // Only separators: no file at all (kubectl does not fall back to ~/.kube/config either).
        EnvGuard kc("KUBECONFIG", "::");
        QVERIFY(KubeConfig::defaultFiles().isEmpty());
        const KubeConfigLoadResult r = KubeConfig::load(KubeConfig::defaultFiles());
        QVERIFY(!r.ok());
        QVERIFY(r.errors.constFirst().toString().startsWith("KUBECONFIG: names no file"));
    }
}

void TestKubeConfig::kubeconfigEnvWithDuplicatesAndEmptyEntries()
{
    QTemporaryDir dir;
    const QString a =
        writeFile(dir.filePath("a"), "current-context: from-a\n"
                                     "contexts:\n- name: from-a\n  context: {cluster: x}\n");
    const QString b =
        writeFile(dir.filePath("b"), "current-context: from-b\n"
                                     "contexts:\n- name: from-b\n  context: {cluster: x}\n");
    EnvGuard kc("KUBECONFIG",
                (":" + a + "::" + b + ":" + a + ":" + dir.filePath("nope")).toLocal8Bit());
    QCOMPARE(KubeConfig::defaultFiles(), (QStringList{a, b, dir.filePath("nope")}));
    const KubeConfigLoadResult r = KubeConfig::load(KubeConfig::defaultFiles());
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config->files(), (QStringList{a, b}));
    QCOMPARE(r.config->currentContext(), QStringLiteral("from-a"));
    QCOMPARE(r.config->contextNames(), (QStringList{"from-a", "from-b"}));
    QCOMPARE(r.warnings.size(), 1); // "nope" does not exist

    // The same file named twice through different spellings is read once.
    const KubeConfigLoadResult twice = KubeConfig::load({a, dir.path() + "/./a"});
    QCOMPARE(twice.config->files(), QStringList{a});
}

void TestKubeConfig::explicitFileMustExist()
{
    QTemporaryDir dir;
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(dir.filePath("nope.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.constFirst().toString(),
             dir.filePath("nope.yaml") + ": no such file; check the path given with --kubeconfig");
    const KubeConfigLoadResult d = KubeConfig::loadExplicit(dir.path());
    QVERIFY(!d.ok());
    QVERIFY(d.errors.constFirst().message.contains("directory"));
}

// --- Parsing ---------------------------------------------------------------

void TestKubeConfig::badFiles_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("list where a mapping is expected")
        << QByteArray("clusters:\n- name: c\n  cluster: [a, b]\n") << 3 << 12
        << "clusters[c].cluster"
        << "expected a mapping (key: value), found a list";
    QTest::newRow("mapping where a list is expected")
        << QByteArray("apiVersion: v1\nusers:\n  admin:\n    token: x\n") << 3 << 3 << "users"
        << "expected a list, found a mapping";
    QTest::newRow("text field given a list")
        << QByteArray("users:\n- name: u\n  user:\n    token: [a]\n") << 4 << 12
        << "users[u].user.token"
        << "expected text, found a list";
    QTest::newRow("number where text is expected (kubectl: cannot unmarshal number)")
        << QByteArray("contexts:\n- name: c\n  context:\n    namespace: 123\n") << 4 << 16
        << "contexts[c].context.namespace"
        << "expected text, found a number";
    QTest::newRow("yes is a YAML 1.1 boolean, not text")
        << QByteArray("contexts:\n- name: c\n  context:\n    cluster: yes\n") << 4 << 14
        << "contexts[c].context.cluster"
        << "expected text, found a true/false value";
    QTest::newRow("quoted boolean")
        << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://h\n    "
                      "insecure-skip-tls-verify: \"true\"\n")
        << 5 << 31 << "clusters[c].cluster.insecure-skip-tls-verify"
        << "expected true or false, found text";
    QTest::newRow("bad base64")
        << QByteArray(
               "users:\n- name: admin\n  user:\n    client-certificate-data: bm90IGJhc2U2NA=x\n")
        << 4 << 30 << "users[admin].user.client-certificate-data"
        << "not valid base64 (illegal base64 data at input byte 14)";
    QTest::newRow("server is not a URL")
        << QByteArray("clusters:\n- name: c\n  cluster:\n    server: \"not a url\"\n") << 4 << 13
        << "clusters[c].cluster.server"
        << "\"not a url\" is not an API server URL";
    QTest::newRow("server with another scheme")
        << QByteArray("clusters:\n- name: c\n  cluster:\n    server: ftp://h:21\n") << 4 << 13
        << "clusters[c].cluster.server"
        << "is not an API server URL";
    QTest::newRow("proxy-url scheme")
        << QByteArray(
               "clusters:\n- name: c\n  cluster:\n    server: https://h\n    proxy-url: ftp://p\n")
        << 5 << 16 << "clusters[c].cluster.proxy-url"
        << "kubectl accepts http://, https:// and socks5://";
    QTest::newRow("https proxy-url is not used as plain HTTP")
        << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://h\n"
                      "    proxy-url: https://user:pw@proxy.lan:3129\n")
        << 5 << 16 << "clusters[c].cluster.proxy-url"
        << "https:// proxies are not supported";
    QTest::newRow("exec args not a list")
        << QByteArray(
               "users:\n- name: u\n  user:\n    exec:\n      command: x\n      args: --flag\n")
        << 6 << 13 << "users[u].user.exec.args"
        << "expected a list, found text";
    QTest::newRow("exec env entry not a mapping")
        << QByteArray("users:\n- name: u\n  user:\n    exec:\n      command: x\n      env: [A=b]\n")
        << 6 << 13 << "users[u].user.exec.env[0]"
        << "expected a mapping";
    QTest::newRow("not YAML") << QByteArray("clusters:\n- name: c\n  cluster: {server: [\n") << 4
                              << 1 << ""
                              << "not valid YAML";
    QTest::newRow("tab indentation is not YAML")
        << QByteArray("clusters:\n- name: c\n\tcluster: {}\n") << 3 << 1 << ""
        << "not valid YAML";
    QTest::newRow("empty file") << QByteArray("") << 1 << 1 << ""
                                << "the file is empty";
    QTest::newRow("only comments") << QByteArray("# kubeconfig\n\n") << 1 << 1 << ""
                                   << "the file is empty";
    QTest::newRow("a list, not a kubeconfig")
        << QByteArray("- a\n- b\n") << 1 << 1 << ""
        << "expected a kubeconfig (a mapping with clusters, users and contexts), found a list";
    QTest::newRow("a manifest, not a kubeconfig")
        << QByteArray("apiVersion: v1\nkind: Pod\n") << 2 << 7 << "kind"
        << "\"Pod\" is not a kubeconfig";
    QTest::newRow("unknown version")
        << QByteArray("apiVersion: v2\nkind: Config\n") << 1 << 13 << "apiVersion"
        << "kubectl reads apiVersion v1";
    QTest::newRow("duplicate names in one file (kubectl refuses the file)")
        << QByteArray("clusters:\n- name: c\n  cluster: {server: https://a}\n- name: c\n  cluster: "
                      "{server: https://b}\n")
        << 4 << 9 << "clusters[c].name"
        << "duplicate name \"c\" in clusters (first on line 2)";
}

void TestKubeConfig::badFiles()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QTemporaryDir dir;
    const QString file = writeFile(dir.filePath("config"), yaml);
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(file);
    QVERIFY(!r.ok());
    QVERIFY(!r.config);
    QVERIFY(!r.errors.isEmpty());
    const labdeck::LocatedError &e = r.errors.constFirst();
    QCOMPARE(e.file, file);
    QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
    QCOMPARE(e.field, field);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    const QString prefix =
        field.isEmpty()
            ? QStringLiteral("%1:%2:%3: ").arg(file).arg(line).arg(column)
            : QStringLiteral("%1:%2:%3: %4: ").arg(file).arg(line).arg(column).arg(field);
    QVERIFY2(e.toString().startsWith(prefix), qPrintable(e.toString()));
    // Merging with a good file does not hide it; only an empty file is skipped
    // (with a warning) when another file has content.
    const QString good = writeFile(dir.filePath("good"), "current-context: x\n");
    const KubeConfigLoadResult merged = KubeConfig::load({good, file});
    const bool empty = message == QLatin1String("the file is empty");
    QCOMPARE(merged.ok(), empty);
    if (empty)
        QCOMPARE(merged.warnings.constFirst().file, file);
}

void TestKubeConfig::everyErrorIsReported()
{
    const KubeConfigLoadResult r = KubeConfig::parse(R"(clusters:
- name: a
  cluster:
    server: 6443
- name: b
  cluster:
    certificate-authority-data: "%%%"
users:
- name: u
  user:
    exec: []
contexts: 12
)",
                                                     "/tmp/labdeck-test/config");
    QVERIFY(!r.ok());
    QStringList fields;
    for (const labdeck::LocatedError &e : r.errors)
        fields << e.field;
    QCOMPARE(fields, (QStringList{"clusters[a].cluster.server",
                                  "clusters[b].cluster.certificate-authority-data",
                                  "users[u].user.exec", "contexts"}));
    QCOMPARE(r.errorText().count('\n'), 3);
}

void TestKubeConfig::typeErrorsNeverEchoValues()
{
    const KubeConfigLoadResult r =
        KubeConfig::parse("users:\n- name: u\n  user:\n    token: 1234567890\n    password: true\n"
                          "    client-key-data: c2VjcmV0LWtleQ=!\n",
                          "/tmp/x/config");
    QCOMPARE(r.errors.size(), 3);
    const QString all = r.errorText();
    QVERIFY(!all.contains("1234567890"));
    QVERIFY(!all.contains("c2VjcmV0LWtleQ"));
    QVERIFY(all.contains("users[u].user.token: expected text, found a number (put it in quotes"));
}

void TestKubeConfig::unknownKeysAndRepeatedKeysAreAcceptedLikeKubectl()
{
    const KubeConfigLoadResult r = KubeConfig::parse(R"(apiVersion: v1
kind: Config
preferences: {colors: true}
extensions: [{name: x, extension: {a: 1}}]
some-tool-key: whatever
clusters:
- name: c
  futureField: 1
  cluster:
    server: https://first:6443
    server: https://second:6443
    brand-new-option: [1, 2]
users:
- name: u
  user:
    token: abc
    as: someone
    as-groups: [admins]
    as-user-extra: {scopes: [view]}
contexts:
- name: x
  context: {cluster: c, user: u, namespace: null}
- name:
  context: {cluster: c}
current-context: x
)",
                                                     "/tmp/x/config");
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QCOMPARE(r.config->cluster("c")->server, QUrl("https://second:6443")); // last one wins
    QCOMPARE(r.config->contexts().size(), 1);
    QCOMPARE(r.warnings.size(), 1); // the context without a name
    QCOMPARE(r.warnings.constFirst().field, QStringLiteral("contexts[1].name"));
    QCOMPARE(r.config->user("u")->impersonateUser, QStringLiteral("someone"));
    QCOMPARE(r.config->user("u")->impersonateGroups, QStringList{"admins"});
    QCOMPARE(r.config->user("u")->impersonateExtra.value("scopes"), QStringList{"view"});
}

void TestKubeConfig::yamlBooleansAndHostPortServer()
{
    const KubeConfigLoadResult r = KubeConfig::parse(R"({
  "clusters": [
    {"name": "json", "cluster": {"server": "192.168.1.10:6443", "insecure-skip-tls-verify": yes,
                                 "disable-compression": True, "tls-server-name": "kubernetes",
                                 "extensions": [{"name": "client.authentication.k8s.io/exec",
                                                 "extension": {"audience": "lab", "n": 3}}]}}
  ],
  "contexts": [{"name": "j", "context": {"cluster": "json", "namespace": "12:30"}}]
})",
                                                     "/tmp/x/config.json");
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    const ClusterInfo *c = r.config->cluster("json");
    QCOMPARE(c->server, QUrl("https://192.168.1.10:6443"));
    QVERIFY(c->insecureSkipTlsVerify);
    QVERIFY(c->disableCompression);
    QCOMPARE(c->tlsServerName, QStringLiteral("kubernetes"));
    QCOMPARE(c->execExtension.toObject().value("audience").toString(), QStringLiteral("lab"));
    QCOMPARE(c->execExtension.toObject().value("n").toDouble(), 3.0);
    QCOMPARE(r.config->context("j")->ns,
             QStringLiteral("12:30")); // sexagesimal stays text, as in kubectl
}

void TestKubeConfig::base64DecodingMatchesGo_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<int>("badOffset");
    // Offsets as kubectl (Go encoding/base64) reports them.
    QTest::newRow("empty") << QByteArray("") << true << QByteArray() << 0;
    QTest::newRow("padded") << QByteArray("aGk=") << true << QByteArray("hi") << 0;
    QTest::newRow("two pads") << QByteArray("aA==") << true << QByteArray("h") << 0;
    QTest::newRow("newlines skipped") << QByteArray("aG\nk=\r\n") << true << QByteArray("hi") << 0;
    QTest::newRow("REDACTED is base64")
        << QByteArray("REDACTED") << true << QByteArray::fromBase64("REDACTED") << 0;
    QTest::newRow("definitelyacert")
        << QByteArray("definitelyacert") << false << QByteArray() << 12;
    QTest::newRow("seemslegit") << QByteArray("seemslegit") << false << QByteArray() << 8;
    QTest::newRow("yup") << QByteArray("yup") << false << QByteArray() << 0;
    QTest::newRow("lone pad") << QByteArray("DATA=") << false << QByteArray() << 4;
    QTest::newRow("one pad where two are needed")
        << QByteArray("aA=") << false << QByteArray() << 3;
    QTest::newRow("garbage after padding") << QByteArray("aGk=aGk=") << false << QByteArray() << 4;
    QTest::newRow("space") << QByteArray("aG k=") << false << QByteArray() << 2;
    QTest::newRow("url alphabet") << QByteArray("a-_b") << false << QByteArray() << 1;
}

void TestKubeConfig::base64DecodingMatchesGo()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, ok);
    QFETCH(QByteArray, decoded);
    QFETCH(int, badOffset);
    qsizetype bad = -1;
    const std::optional<QByteArray> out = decodeBase64Strict(input, &bad);
    QCOMPARE(out.has_value(), ok);
    if (ok)
        QCOMPARE(*out, decoded);
    else
        QCOMPARE(bad, qsizetype(badOffset));
}

void TestKubeConfig::execCommandLineAndPaths()
{
    ExecConfig e;
    e.command = QStringLiteral("/opt/aws cli/aws");
    e.args = QStringList{"eks",  "get-token", "--cluster-name", "my cluster", "--role",
                         "it's", "",          "--x=$HOME"};
    e.env = {{"AWS_PROFILE", "lab"}, {"EMPTY", ""}, {"SPACED", "a b"}};
    QCOMPARE(
        e.commandLine(),
        QStringLiteral("AWS_PROFILE=lab EMPTY='' SPACED='a b' '/opt/aws cli/aws' eks get-token "
                       "--cluster-name 'my cluster' --role 'it'\\''s' '' '--x=$HOME'"));

    const KubeConfigLoadResult r = KubeConfig::parse(R"(users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: bin/get-token
      args: [--verbose, "2"]
      env:
      - name: A
        value: b
      - name: EMPTY
      installHint: brew install get-token
      provideClusterInfo: true
      interactiveMode: Never
)",
                                                     "/etc/labdeck/kube/config");
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    const ExecConfig &x = *r.config->user("u")->exec;
    QCOMPARE(x.command, QStringLiteral("/etc/labdeck/kube/bin/get-token"));
    QCOMPARE(x.args, (QStringList{"--verbose", "2"}));
    QCOMPARE(x.env.size(), 2);
    QCOMPARE(x.env.at(0), (QPair<QString, QString>{"A", "b"}));
    QCOMPARE(x.env.at(1), (QPair<QString, QString>{"EMPTY", ""}));
    QCOMPARE(x.installHint, QStringLiteral("brew install get-token"));
    QVERIFY(x.provideClusterInfo);
    QCOMPARE(x.interactiveMode, QStringLiteral("Never"));
    QCOMPARE(x.commandLine(),
             QStringLiteral("A=b EMPTY='' /etc/labdeck/kube/bin/get-token --verbose 2"));
}

// --- Resolving -------------------------------------------------------------

void TestKubeConfig::resolveErrorsNameFileAndField_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expected"); // after "<file>"

    const QByteArray base = "clusters:\n- name: c\n  cluster:\n    server: https://h:6443\n"
                            "users:\n- name: u\n  user:\n    token: t\n";
    QTest::newRow("no current-context")
        << QByteArray(base + "contexts:\n- name: x\n  context: {cluster: c, user: u}\n") << ""
        << ": current-context: is not set; choose a context (kubectl config use-context NAME). "
           "Contexts: x";
    QTest::newRow("current-context names no context")
        << QByteArray(base + "current-context: gone\n") << ""
        << ":9:18: current-context: no context named \"gone\"; contexts: (none)";
    QTest::newRow("asked for a missing context")
        << QByteArray(base + "contexts:\n- name: x\n  context: {cluster: c, user: u}\n") << "nope"
        << ": contexts: no context named \"nope\"; contexts: x";
    QTest::newRow("missing cluster")
        << QByteArray(base +
                      "contexts:\n- name: kind-kind\n  context:\n    cluster: x\n    user: u\n")
        << "kind-kind"
        << ":12:14: contexts[kind-kind].context.cluster: no cluster named \"x\"; clusters: c";
    QTest::newRow("context without cluster")
        << QByteArray(base + "contexts:\n- name: x\n  context:\n    user: u\n") << "x"
        << ":12:5: contexts[x].context.cluster: is not set; name one of the clusters in the "
           "kubeconfig";
    QTest::newRow("missing user")
        << QByteArray(base + "contexts:\n- name: x\n  context:\n    cluster: c\n    user: admin\n")
        << "x"
        << ":13:11: contexts[x].context.user: no user named \"admin\"; users: u";
    QTest::newRow("cluster without server")
        << QByteArray("clusters:\n- name: c\n  cluster:\n    tls-server-name: k\ncontexts:\n- "
                      "name: x\n  context: {cluster: c}\n")
        << "x"
        << ":4:5: clusters[c].cluster.server: is required";
    QTest::newRow("insecure with a CA")
        << QByteArray(
               "clusters:\n- name: c\n  cluster:\n    server: https://h\n    "
               "insecure-skip-tls-verify: true\n"
               "    certificate-authority: ca.crt\ncontexts:\n- name: x\n  context: {cluster: c}\n")
        << "x"
        << ":5:31: clusters[c].cluster.insecure-skip-tls-verify: cannot be combined with a "
           "certificate authority";
    const QByteArray ctx = "contexts:\n- name: x\n  context: {cluster: c, user: v}\n";
    const QByteArray cl = "clusters:\n- name: c\n  cluster:\n    server: https://h:6443\n";
    QTest::newRow("token and basic auth")
        << QByteArray(
               cl + ctx +
               "users:\n- name: v\n  user:\n    token: t\n    username: a\n    password: b\n")
        << "x"
        << ":11:12: users[v].user.token: more than one authentication method";
    QTest::newRow("tokenFile and exec")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    tokenFile: /t\n    exec: {apiVersion: "
                      "client.authentication.k8s.io/v1beta1, command: x}\n")
        << "x"
        << ":11:16: users[v].user.tokenFile: both a token and an exec plugin are set";
    QTest::newRow("certificate without key")
        << QByteArray(cl + ctx + "users:\n- name: v\n  user:\n    client-certificate: /c.crt\n")
        << "x"
        << ":11:25: users[v].user.client-certificate: a client certificate needs its key";
    QTest::newRow("auth-provider")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    auth-provider: {name: oidc, config: {}}\n")
        << "x"
        << ":11:20: users[v].user.auth-provider: auth-provider \"oidc\" is not supported";
    QTest::newRow("exec v1 without interactiveMode")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    exec:\n      apiVersion: "
                      "client.authentication.k8s.io/v1\n      command: x\n")
        << "x"
        << ":12:7: users[v].user.exec.interactiveMode: is required for "
           "client.authentication.k8s.io/v1";
    QTest::newRow("exec bad interactiveMode")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    exec:\n      apiVersion: "
                      "client.authentication.k8s.io/v1\n      command: x\n      interactiveMode: "
                      "Sometimes\n")
        << "x"
        << ":14:24: users[v].user.exec.interactiveMode: \"Sometimes\" is not one of Never, "
           "IfAvailable, Always";
    QTest::newRow("exec without command")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    exec:\n      apiVersion: "
                      "client.authentication.k8s.io/v1beta1\n")
        << "x"
        << ":12:7: users[v].user.exec.command: is required";
    QTest::newRow("exec unknown apiVersion")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    exec:\n      apiVersion: example.com/v9\n   "
                      "   command: x\n")
        << "x"
        << ":12:19: users[v].user.exec.apiVersion: exec plugin apiVersion \"example.com/v9\" is "
           "not supported";
    QTest::newRow("two impersonation groups")
        << QByteArray(cl + ctx +
                      "users:\n- name: v\n  user:\n    token: t\n    as-groups: [a, b]\n")
        << "x"
        << ":12:16: users[v].user.as-groups: Labdeck can impersonate only one group";
}

void TestKubeConfig::resolveErrorsNameFileAndField()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, context);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString file = writeFile(dir.filePath("config"), yaml);
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(file);
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    QString error;
    QVERIFY(!r.config->resolve(context, &error));
    QVERIFY2(error.startsWith(file + expected),
             qPrintable(error + "\nexpected: " + file + expected));
    QVERIFY(!r.config->resolve(context, nullptr)); // error may be null
}

void TestKubeConfig::anonymousContextResolves()
{
    const KubeConfigLoadResult r =
        KubeConfig::parse("clusters:\n- name: c\n  cluster:\n    server: https://h:6443\n    "
                          "insecure-skip-tls-verify: true\n"
                          "contexts:\n- name: anon\n  context: {cluster: c, namespace: "
                          "monitoring}\ncurrent-context: anon\n",
                          "/tmp/x/config");
    QVERIFY(r.ok());
    QString error;
    const std::optional<ResolvedContext> rc = r.config->resolve(QString(), &error);
    QVERIFY2(rc, qPrintable(error));
    QVERIFY(rc->user.name.isEmpty());
    QCOMPARE(rc->effectiveNamespace(), QStringLiteral("monitoring"));
    QCOMPARE(rc->sslConfiguration().peerVerifyMode(), QSslSocket::VerifyNone);
}

// --- TLS -------------------------------------------------------------------

void TestKubeConfig::privateKeysInEveryPemForm()
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

void TestKubeConfig::sslConfigurationFromData()
{
    if (!m_pki->ok)
        QSKIP(qPrintable(m_pki->error));
    const KubeConfigLoadResult r = KubeConfig::parse(
        pkiKubeconfig("    tls-server-name: kubernetes\n"), m_tmp->filePath("pki.yaml"));
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
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

void TestKubeConfig::sslConfigurationFromFilesAndInsecure()
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
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
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

void TestKubeConfig::sslConfigurationPrefersExecCertificate()
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

void TestKubeConfig::applyToSetsHeadersAndPeerName()
{
    const KubeConfigLoadResult r = KubeConfig::parse(
        "clusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\n    tls-server-name: "
        "kubernetes\n"
        "    proxy-url: socks5://user:pw@proxy.lan:1081\n"
        "users:\n- name: u\n  user:\n    token: abc\n    as: jane\n    as-groups: [devs]\n"
        "contexts:\n- name: x\n  context: {cluster: c, user: u}\n",
        "/tmp/x/config");
    QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
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

void TestKubeConfig::tlsHandshakeWithRealServer()
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
    const QByteArray ecUser = "    client-certificate-data: " + b64(m_pki->pem("ec.crt")) +
                              "\n    client-key-data: " + b64(m_pki->pem("ec.key")) + "\n";
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

QTEST_GUILESS_MAIN(TestKubeConfig)
#include "tst_kubeconfig.moc"
