// kubeconfig loading and merging: real kubeconfigs from kind, kubeadm, k3s
// and EKS, each as kubectl 1.32 treats it; and kubectl's merge rules across
// files (first file wins, relative paths, missing files, $KUBECONFIG and
// $HOME).

#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "kube/kubeconfigparser.h"
#include "support/fixtures.h"
#include "support/kubeconfigpki.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/stat.h>

using namespace labdeck::kube;
using labdeck::test::fixturePath;
using labdeck::test::KubeconfigPki;
using labdeck::test::readFile;
using labdeck::test::writeFile;

namespace {

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

} // namespace

class TestKubeConfigLoading : public QObject
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

private:
    // Made in initTestCase, not with the test object: "-functions" exits without
    // running destructors, which would leave the directories behind.
    std::unique_ptr<KubeconfigPki> m_pki;
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestKubeConfigLoading::initTestCase()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_pki = std::make_unique<KubeconfigPki>();
    QVERIFY(m_tmp->isValid());
    if (!m_pki->make())
        qWarning("TLS tests will be skipped: %s", qPrintable(m_pki->error));
}

// --- The shared fixtures --------------------------------------------------

void TestKubeConfigLoading::kindAndKubeadmFixturesHaveBadBase64LikeKubectlSays()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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

void TestKubeConfigLoading::k3sFixtureLoadsButItsFakeCaDoesNotResolve()
{
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(fixturePath("kubeconfig/k3s-k3s.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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

void TestKubeConfigLoading::eksExecFixture()
{
    const KubeConfigLoadResult r =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/eks-exec-aws-get-token.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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
    withCa.replace(at, withCa.indexOf('\n', at) - at, m_pki->pem("ca.crt").toBase64());
    const KubeConfigLoadResult r2 = KubeConfig::parse(withCa, m_tmp->filePath("eks.yaml"));
    QVERIFY2(r2.ok(), qPrintable(r2.errorText()));
    const std::optional<ResolvedContext> rc = r2.config->resolve(QString(), &error);
    QVERIFY2(rc, qPrintable(error));
    QVERIFY(rc->user.exec);
    QCOMPARE(rc->user.exec->interactiveMode, QStringLiteral("IfAvailable"));
    QCOMPARE(rc->cluster.server, QUrl("https://endpoint.amazonaws.com"));
    QCOMPARE(rc->effectiveNamespace(), QStringLiteral("default"));
}

void TestKubeConfigLoading::eksMultiClusterFixture()
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

void TestKubeConfigLoading::eksV1alpha1IsRefusedOnResolve()
{
    const QString file =
        QFileInfo(fixturePath("kubeconfig/eks-v1alpha1-without-ca.yaml")).absoluteFilePath();
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(file);
    QVERIFY2(r.ok(), qPrintable(r.errorText())); // loads, as in kubectl: only using it fails
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

void TestKubeConfigLoading::redactedFixtureNamesThePlaceholder()
{
    const KubeConfigLoadResult r =
        KubeConfig::loadExplicit(fixturePath("kubeconfig/kubeadm-config-view-redacted.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText())); // "REDACTED" is valid base64: kubectl loads it too
    QCOMPARE(r.config->currentContext(), QStringLiteral("gsviec-traning"));
    QCOMPARE(r.config->cluster("kubernetes")->server, QUrl("https://192.168.10.64:6443"));
    QString error;
    QVERIFY(!r.config->resolve(QString(), &error));
    QVERIFY2(error.contains("clusters[kubernetes].cluster.certificate-authority-data: holds the "
                            "placeholder \"REDACTED\""),
             qPrintable(error));
    QVERIFY(error.contains("kubectl config view --raw"));
}

// --- Merge rules ----------------------------------------------------------

void TestKubeConfigLoading::mergeFirstFileWins()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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

void TestKubeConfigLoading::mergeRelativePathsAgainstOwnFile()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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
                                        m_pki->pem("ca.crt").toBase64() +
                                        "\n"
                                        "contexts:\n- name: lab\n  context: {cluster: lab}\n");
    const KubeConfigLoadResult r3 = KubeConfig::loadExplicit(three);
    QVERIFY2(r3.ok(), qPrintable(r3.errorText()));
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
    QVERIFY2(r6.errorText().contains(QStringLiteral("is not a regular file")),
             qPrintable(r6.errorText()));
}

void TestKubeConfigLoading::mergeMissingFiles()
{
    QTemporaryDir dir;
    const QString good =
        writeFile(dir.filePath("good"), "contexts:\n- name: x\n  context: {cluster: c}\n");
    const QString empty = writeFile(dir.filePath("empty"), "# nothing here\n");
    const QString missing = dir.filePath("missing");

    const KubeConfigLoadResult r = KubeConfig::load({missing, good, empty});
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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

void TestKubeConfigLoading::defaultFilesHonoursKubeconfigAndHome()
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

void TestKubeConfigLoading::kubeconfigEnvWithDuplicatesAndEmptyEntries()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.config->files(), (QStringList{a, b}));
    QCOMPARE(r.config->currentContext(), QStringLiteral("from-a"));
    QCOMPARE(r.config->contextNames(), (QStringList{"from-a", "from-b"}));
    QCOMPARE(r.warnings.size(), 1); // "nope" does not exist

    // The same file named twice through different spellings is read once.
    const KubeConfigLoadResult twice = KubeConfig::load({a, dir.path() + "/./a"});
    QCOMPARE(twice.config->files(), QStringList{a});
}

void TestKubeConfigLoading::explicitFileMustExist()
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

QTEST_GUILESS_MAIN(TestKubeConfigLoading)
#include "tst_kubeconfig_loading.moc"
