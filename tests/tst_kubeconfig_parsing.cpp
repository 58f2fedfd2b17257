// kubeconfig parsing and resolving: every class of bad input located by
// file, line, column and field, YAML and base64 read as kubectl (Go) reads
// them, exec command lines, and resolve errors naming the file and field.

#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "kube/kubeconfigparser.h"
#include "support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck::kube;
using labdeck::test::writeFile;

class TestKubeConfigParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

// --- Parsing --------------------------------------------------------------

void TestKubeConfigParsing::badFiles_data()
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

void TestKubeConfigParsing::badFiles()
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

void TestKubeConfigParsing::everyErrorIsReported()
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

void TestKubeConfigParsing::typeErrorsNeverEchoValues()
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

void TestKubeConfigParsing::unknownKeysAndRepeatedKeysAreAcceptedLikeKubectl()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.config->cluster("c")->server, QUrl("https://second:6443")); // last one wins
    QCOMPARE(r.config->contexts().size(), 1);
    QCOMPARE(r.warnings.size(), 1); // the context without a name
    QCOMPARE(r.warnings.constFirst().field, QStringLiteral("contexts[1].name"));
    QCOMPARE(r.config->user("u")->impersonateUser, QStringLiteral("someone"));
    QCOMPARE(r.config->user("u")->impersonateGroups, QStringList{"admins"});
    QCOMPARE(r.config->user("u")->impersonateExtra.value("scopes"), QStringList{"view"});
}

void TestKubeConfigParsing::yamlBooleansAndHostPortServer()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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

void TestKubeConfigParsing::base64DecodingMatchesGo_data()
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

void TestKubeConfigParsing::base64DecodingMatchesGo()
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

void TestKubeConfigParsing::execCommandLineAndPaths()
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
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
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

// --- Resolving ------------------------------------------------------------

void TestKubeConfigParsing::resolveErrorsNameFileAndField_data()
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

void TestKubeConfigParsing::resolveErrorsNameFileAndField()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, context);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString file = writeFile(dir.filePath("config"), yaml);
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(file);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QString error;
    QVERIFY(!r.config->resolve(context, &error));
    QVERIFY2(error.startsWith(file + expected),
             qPrintable(error + "\nexpected: " + file + expected));
    QVERIFY(!r.config->resolve(context, nullptr)); // error may be null
}

void TestKubeConfigParsing::anonymousContextResolves()
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

QTEST_GUILESS_MAIN(TestKubeConfigParsing)
#include "tst_kubeconfig_parsing.moc"
