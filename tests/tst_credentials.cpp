// Credentials for a context: static ones from the kubeconfig, and real exec
// plugins (small shell scripts written by the test) run asynchronously, only
// after approval, cached until they expire, re-run after invalidate().

#include "kube/credentials.h"
#include "kube/execapproval.h"
#include "kube/kubeconfig.h"
#include "support/fixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <sys/stat.h>

using namespace labdeck::kube;
using labdeck::test::readFile;
using labdeck::test::writeFile;

namespace {

int runCount(const QString &counterFile)
{
    return int(readFile(counterFile).count('\n'));
}

const QByteArray kV1 = "client.authentication.k8s.io/v1";
const QByteArray kV1beta1 = "client.authentication.k8s.io/v1beta1";

QByteArray execCredential(const QByteArray &apiVersion, const QJsonObject &status)
{
    return QJsonDocument(QJsonObject{{"apiVersion", QString::fromLatin1(apiVersion)},
                                     {"kind", "ExecCredential"},
                                     {"status", status}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    // Static credentials.
    void staticTokenIsQueued();
    void tokenFileIsReReadAfterInvalidate();
    void tokenFileMissing();
    void clientCertificateFromKubeconfig();
    void anonymousUser();

    // Exec plugins.
    void execCachesUntilInvalidate();
    void execReRunsAfterExpiry();
    void execFailureCarriesStderr();
    void execBadOutput_data();
    void execBadOutput();
    void execTimeout();
    void execGetsExecInfoEnvAndArgs();
    void execClusterInfoOnlyWhenAsked();
    void execCertificateCredential();
    void execCommandNotFound();
    void execInteractiveAlwaysIsRefused();
    void concurrentRequestsShareOneRun();
    void parseExecCredential_data();
    void parseExecCredential();

    // Approval.
    void approvalAskedOnceWithCommandLineAndFile();
    void denyNeverRunsThePlugin();
    void rememberedAllowIsNotAskedAgain();
    void rememberedDenyFailsWithoutAsking();
    void noHookMeansNoRun();
    void asyncAnswerAndDestroyedProvider();
    void storeFileIsJsonWithoutSecrets();

private:
    // Writes a kubeconfig whose user runs `command` and resolves its context.
    ResolvedContext execContext(const QString &command, const QByteArray &execExtra = {},
                                const QByteArray &apiVersion = kV1,
                                const QByteArray &clusterExtra = {});
    ResolvedContext staticContext(const QByteArray &userYaml);
    QString script(const QString &name, const QByteArray &body);
    // A hook that allows (and remembers when asked to) and counts its calls.
    CredentialProvider::ApprovalHook allowHook(bool remember = false);

    std::unique_ptr<QTemporaryDir> m_dir; // made in initTestCase ("-functions" skips destructors)
    QString m_work;                       // per test function
    QString m_kubeconfig;
    QString m_storePath;
    QList<ExecApprovalRequest> m_asked;
    QByteArray m_caPem;
    QByteArray m_certPem;
    QByteArray m_keyPem;
    int m_caseNo = 0;
};

void TestCredentials::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY2(!QStandardPaths::findExecutable("sh").isEmpty(),
             "the exec plugin scripts need /bin/sh");
    // A CA and an EC client certificate, for credentials that carry certificates.
    if (!QStandardPaths::findExecutable("openssl").isEmpty()) {
        QProcess p;
        p.setWorkingDirectory(m_dir->path());
        p.start("sh",
                {"-c", "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                       "-keyout ca.key -out ca.crt -days 2 -subj /CN=test-ca 2>/dev/null && "
                       "openssl ecparam -name prime256v1 -genkey -noout -out c.key && "
                       "openssl req -new -key c.key -subj /CN=plugin-user -out c.csr && "
                       "openssl x509 -req -in c.csr -CA ca.crt -CAkey ca.key -CAcreateserial "
                       "-days 2 -out c.crt 2>/dev/null"});
        if (p.waitForFinished(60000) && p.exitCode() == 0) {
            m_caPem = readFile(m_dir->filePath("ca.crt"));
            m_certPem = readFile(m_dir->filePath("c.crt"));
            m_keyPem = readFile(m_dir->filePath("c.key"));
        }
    }
}

void TestCredentials::init()
{
    m_work = m_dir->filePath(QStringLiteral("case%1").arg(++m_caseNo));
    QDir().mkpath(m_work);
    m_kubeconfig = m_work + "/kubeconfig.yaml";
    m_storePath = m_work + "/config/labdeck/exec-approvals.json";
    m_asked.clear();
}

QString TestCredentials::script(const QString &name, const QByteArray &body)
{
    return writeFile(m_work + "/" + name, "#!/bin/sh\nW='" + m_work.toUtf8() + "'\n" + body, true);
}

ResolvedContext TestCredentials::execContext(const QString &command, const QByteArray &execExtra,
                                             const QByteArray &apiVersion,
                                             const QByteArray &clusterExtra)
{
    const QByteArray yaml =
        "apiVersion: v1\nkind: Config\n"
        "clusters:\n- name: lab\n  cluster:\n    server: https://127.0.0.1:6443\n" +
        clusterExtra + "users:\n- name: bot\n  user:\n    exec:\n      apiVersion: " + apiVersion +
        "\n      command: \"" + command.toUtf8() + "\"\n" +
        (apiVersion == kV1 && !execExtra.contains("interactiveMode")
             ? QByteArray("      interactiveMode: Never\n")
             : QByteArray()) +
        execExtra +
        "contexts:\n- name: lab\n  context: {cluster: lab, user: bot}\n"
        "current-context: lab\n";
    writeFile(m_kubeconfig, yaml);
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(m_kubeconfig);
    if (!r.ok())
        qFatal("test kubeconfig does not load: %s", qPrintable(r.errorText()));
    QString error;
    const std::optional<ResolvedContext> rc = r.config->resolve(QString(), &error);
    if (!rc)
        qFatal("test kubeconfig does not resolve: %s", qPrintable(error));
    return *rc;
}

ResolvedContext TestCredentials::staticContext(const QByteArray &userYaml)
{
    const QByteArray yaml =
        "clusters:\n- name: lab\n  cluster:\n    server: https://127.0.0.1:6443\n" +
        (userYaml.isEmpty() ? QByteArray() : "users:\n- name: me\n  user:\n" + userYaml) +
        "contexts:\n- name: lab\n  context: {cluster: lab" +
        (userYaml.isEmpty() ? QByteArray() : QByteArray(", user: me")) + "}\n";
    writeFile(m_kubeconfig, yaml);
    const KubeConfigLoadResult r = KubeConfig::loadExplicit(m_kubeconfig);
    if (!r.ok())
        qFatal("test kubeconfig does not load: %s", qPrintable(r.errorText()));
    QString error;
    const std::optional<ResolvedContext> rc = r.config->resolve("lab", &error);
    if (!rc)
        qFatal("test kubeconfig does not resolve: %s", qPrintable(error));
    return *rc;
}

CredentialProvider::ApprovalHook TestCredentials::allowHook(bool remember)
{
    return
        [this, remember](const ExecApprovalRequest &req, std::function<void(bool, bool)> answer) {
            m_asked << req;
            answer(true, remember);
        };
}

// --- Static ----------------------------------------------------------------

void TestCredentials::staticTokenIsQueued()
{
    CredentialProvider p(staticContext("    token: s3cr3t\n"), nullptr);
    QSignalSpy ready(&p, &CredentialProvider::ready);
    QSignalSpy failed(&p, &CredentialProvider::failed);
    p.request();
    QCOMPARE(ready.count(), 0); // never synchronous: callers may connect after request()
    QVERIFY(ready.wait(5000));
    const Credential c = ready.constFirst().constFirst().value<Credential>();
    QCOMPARE(c.bearerToken, QStringLiteral("s3cr3t"));
    QVERIFY(c.isValid());
    QVERIFY(!c.expiry.isValid());
    QCOMPARE(c.authorizationHeader(), QByteArray("Bearer s3cr3t"));
    QCOMPARE(p.cached().bearerToken, QStringLiteral("s3cr3t"));
    QCOMPARE(failed.count(), 0);
}

void TestCredentials::tokenFileIsReReadAfterInvalidate()
{
    const QString tokenFile = writeFile(m_work + "/token", "first-token\n");
    CredentialProvider p(staticContext("    tokenFile: token\n"),
                         nullptr); // relative to the kubeconfig
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("first-token"));

    writeFile(tokenFile, "  second-token  \n");
    p.request();
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("first-token")); // not re-read until invalidated

    p.invalidate();
    QVERIFY(p.cached().isEmpty());
    p.request();
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("second-token"));

    // A failed re-read keeps the last good token (client-go does the same).
    QFile::remove(tokenFile);
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression("cannot re-read .*/token \\(.*\\); using the last token read"));
    p.invalidate();
    p.request();
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("second-token"));
}

void TestCredentials::tokenFileMissing()
{
    writeFile(m_work + "/token", "x\n");
    const ResolvedContext rc = staticContext("    tokenFile: token\n");
    QFile::remove(m_work + "/token"); // gone after resolve()
    CredentialProvider p(rc, nullptr);
    QSignalSpy failed(&p, &CredentialProvider::failed);
    p.request();
    QCOMPARE(failed.count(), 0);
    QVERIFY(failed.wait(5000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.startsWith(m_kubeconfig + ": users[me].user.tokenFile: cannot read \"" + m_work +
                              "/token\""),
             qPrintable(error));

    // A pipe in place of the token file is refused, not read (it would block).
    QVERIFY(::mkfifo(QFile::encodeName(m_work + "/token").constData(), 0600) == 0);
    {
        CredentialProvider fifo(rc, nullptr);
        QSignalSpy fifoFailed(&fifo, &CredentialProvider::failed);
        fifo.request();
        QVERIFY(fifoFailed.wait(5000));
        const QString why = fifoFailed.constFirst().constFirst().toString();
        QVERIFY2(why.contains(QStringLiteral("not a regular file")), qPrintable(why));
    }
    QFile::remove(m_work + "/token");

    // With a token next to it, the token is the fallback.
    const ResolvedContext both = staticContext("    token: fallback\n    tokenFile: token\n");
    CredentialProvider p2(both, nullptr);
    QSignalSpy ready(&p2, &CredentialProvider::ready);
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression("cannot read .*/token \\(.*\\); using the token in the kubeconfig"));
    p2.request();
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.constFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("fallback"));
}

void TestCredentials::clientCertificateFromKubeconfig()
{
    if (m_certPem.isEmpty())
        QSKIP("openssl is needed to make a test certificate");
    CredentialProvider p(staticContext("    client-certificate-data: " + m_certPem.toBase64() +
                                       "\n    client-key-data: " + m_keyPem.toBase64() + "\n"),
                         nullptr);
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(5000));
    const Credential c = ready.constFirst().constFirst().value<Credential>();
    QCOMPARE(c.clientCertificatePem, m_certPem);
    QCOMPARE(c.clientKeyPem, m_keyPem);
    QVERIFY(c.bearerToken.isEmpty());
    QVERIFY(c.isValid());
    QVERIFY(c.authorizationHeader().isEmpty());
}

void TestCredentials::anonymousUser()
{
    CredentialProvider p(staticContext({}), nullptr);
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(5000));
    const Credential c = ready.constFirst().constFirst().value<Credential>();
    QVERIFY(c.isEmpty());
    QVERIFY(!c.isValid());
}

// --- Exec ------------------------------------------------------------------

void TestCredentials::execCachesUntilInvalidate()
{
    const QString plugin = script("count.sh", R"(echo run >> "$W/runs"
n=$(wc -l < "$W/runs" | tr -d ' ')
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-%s"}}\n' "$n"
)");
    CredentialProvider p(execContext(plugin), nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy ready(&p, &CredentialProvider::ready);
    QSignalSpy failed(&p, &CredentialProvider::failed);

    p.request();
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("tok-1"));

    p.request(); // no expiry: cached
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("tok-1"));
    QCOMPARE(runCount(m_work + "/runs"), 1);

    p.invalidate(); // what a 401 leads to
    QVERIFY(p.cached().isEmpty());
    p.request();
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.takeFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("tok-2"));
    QCOMPARE(runCount(m_work + "/runs"), 2);
    QCOMPARE(p.cached().bearerToken, QStringLiteral("tok-2"));
    QCOMPARE(m_asked.size(), 1); // approved for this provider once
    QCOMPARE(failed.count(), 0);
}

void TestCredentials::execReRunsAfterExpiry()
{
    const QString plugin = script("expiring.sh", R"(echo run >> "$W/runs"
exp=$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%S.%NZ)
printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"tok","expirationTimestamp":"%s"}}\n' "$exp"
)");
    CredentialProvider p(execContext(plugin, {}, kV1beta1), nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy ready(&p, &CredentialProvider::ready);

    p.request();
    QVERIFY(ready.wait(10000));
    const Credential first = ready.takeFirst().constFirst().value<Credential>();
    QVERIFY(first.expiry.isValid());
    QCOMPARE(first.expiry.timeSpec(), Qt::UTC);
    QVERIFY(first.expiry > QDateTime::currentDateTimeUtc());
    QVERIFY(first.expiry < QDateTime::currentDateTimeUtc().addSecs(3));
    QVERIFY(first.isValid());

    p.request(); // still fresh: from the cache
    QVERIFY(ready.wait(5000));
    ready.clear();
    QCOMPARE(runCount(m_work + "/runs"), 1);

    QTRY_VERIFY_WITH_TIMEOUT(first.isExpired(), 5000);
    QVERIFY(!first.isValid());
    p.request();
    QVERIFY(ready.wait(10000));
    QCOMPARE(runCount(m_work + "/runs"), 2);
    QVERIFY(ready.constFirst().constFirst().value<Credential>().expiry > first.expiry);
}

void TestCredentials::execFailureCarriesStderr()
{
    const QString plugin = script("fail.sh", R"(echo "first line of noise" >&2
echo "error: the SSO session for profile lab has expired; run aws sso login" >&2
exit 1
)");
    CredentialProvider p(execContext(plugin), nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy failed(&p, &CredentialProvider::failed);
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(failed.wait(10000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.startsWith(m_kubeconfig + ": users[bot].user.exec: exec plugin \"" + plugin +
                              "\" failed with exit code 1: "),
             qPrintable(error));
    QVERIFY(error.contains("run aws sso login"));
    QCOMPARE(ready.count(), 0);
    QVERIFY(!p.isBusy());
}

void TestCredentials::execBadOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("Please visit https://login.example to sign in\n")
                              << "printed something that is not JSON";
    QTest::newRow("JSON array") << QByteArray("[1]") << "not an ExecCredential object";
    QTest::newRow("wrong apiVersion")
        << execCredential(kV1beta1, {{"token", "t"}})
        << "answered with apiVersion \"client.authentication.k8s.io/v1beta1\", but the kubeconfig "
           "asks for "
           "\"client.authentication.k8s.io/v1\"";
    QTest::newRow("no status")
        << QByteArray(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"})")
        << "without status";
    QTest::newRow("empty status") << execCredential(kV1, {}) << "neither status.token nor";
    QTest::newRow("certificate without key")
        << execCredential(kV1, {{"clientCertificateData", "-----BEGIN CERTIFICATE-----"}})
        << "clientCertificateData without clientKeyData";
    QTest::newRow("bad expiry") << execCredential(
                                       kV1, {{"token", "t"}, {"expirationTimestamp", "tomorrow"}})
                                << "\"tomorrow\", which is not an RFC 3339 time";
}

void TestCredentials::execBadOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, message);
    writeFile(m_work + "/out.json", output);
    const QString plugin = script("print.sh", R"(cat "$W/out.json")");
    CredentialProvider p(execContext(plugin), nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy failed(&p, &CredentialProvider::failed);
    p.request();
    QVERIFY(failed.wait(10000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.startsWith(m_kubeconfig + ": users[bot].user.exec: exec plugin"),
             qPrintable(error));
    QVERIFY(!error.contains("login.example")); // the output itself is never repeated
}

void TestCredentials::execTimeout()
{
    const QString plugin = script("sleep.sh", "echo started >> \"$W/runs\"\nexec sleep 60\n");
    CredentialProvider p(execContext(plugin), nullptr);
    p.setApprovalHook(allowHook());
    p.setExecTimeout(std::chrono::milliseconds(300));
    QSignalSpy failed(&p, &CredentialProvider::failed);
    QElapsedTimer t;
    t.start();
    p.request();
    QVERIFY(p.isBusy());
    QVERIFY(failed.wait(10000));
    QVERIFY(t.elapsed() < 5000);
    QVERIFY(!p.isBusy());
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.startsWith(m_kubeconfig + ": users[bot].user.exec: exec plugin \"" + plugin +
                              "\" did not answer within 0.3 s"),
             qPrintable(error));
    QCOMPARE(runCount(m_work + "/runs"), 1);

    // The default is 30 s.
    CredentialProvider other(execContext(plugin), nullptr);
    QCOMPARE(other.execTimeout(), std::chrono::milliseconds(30000));
}

void TestCredentials::execGetsExecInfoEnvAndArgs()
{
    qputenv("LABDECK_TEST_INHERITED", "from-parent");
    qputenv("LABDECK_TEST_OVERRIDDEN", "parent-value");
    const QString plugin = script("env.sh", R"(printf '%s' "$KUBERNETES_EXEC_INFO" > "$W/execinfo"
printf '%s|%s|%s' "$LAB_VAR" "$LABDECK_TEST_INHERITED" "$LABDECK_TEST_OVERRIDDEN" > "$W/env"
for a in "$@"; do printf '%s\n' "$a"; done > "$W/args"
cat > "$W/stdin"
[ -t 0 ] && echo tty > "$W/stdin-is-tty"
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"env-ok"}}'
)");
    const ResolvedContext rc =
        execContext(plugin, "      args: [\"a b\", \"$HOME\", \";\", \"'q'\", \"\"]\n"
                            "      env:\n"
                            "      - {name: LAB_VAR, value: \"with space; and $(not run)\"}\n"
                            "      - {name: LABDECK_TEST_OVERRIDDEN, value: kubeconfig-value}\n");
    CredentialProvider p(rc, nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.constFirst().constFirst().value<Credential>().bearerToken,
             QStringLiteral("env-ok"));

    const QJsonObject info = QJsonDocument::fromJson(readFile(m_work + "/execinfo")).object();
    QCOMPARE(info.value("apiVersion").toString(),
             QStringLiteral("client.authentication.k8s.io/v1"));
    QCOMPARE(info.value("kind").toString(), QStringLiteral("ExecCredential"));
    QCOMPARE(info.value("spec").toObject().value("interactive"), QJsonValue(false));
    QVERIFY(!info.value("spec").toObject().contains("cluster")); // provideClusterInfo is off
    QCOMPARE(readFile(m_work + "/env"),
             QByteArray("with space; and $(not run)|from-parent|kubeconfig-value"));
    // Arguments arrive exactly as written: no shell ever saw them.
    QCOMPARE(readFile(m_work + "/args"), QByteArray("a b\n$HOME\n;\n'q'\n\n"));
    QVERIFY2(readFile(m_work + "/stdin").isEmpty(), // stdin is closed (/dev/null)
             readFile(m_work + "/stdin").left(200).constData());
    QVERIFY(!QFile::exists(m_work + "/stdin-is-tty"));
    QCOMPARE(m_asked.constFirst().commandLine,
             "LAB_VAR='with space; and $(not run)' LABDECK_TEST_OVERRIDDEN=kubeconfig-value " +
                 plugin + " 'a b' '$HOME' ';' ''\\''q'\\''' ''");
    qunsetenv("LABDECK_TEST_INHERITED");
    qunsetenv("LABDECK_TEST_OVERRIDDEN");
}

void TestCredentials::execClusterInfoOnlyWhenAsked()
{
    if (m_caPem.isEmpty())
        QSKIP("openssl is needed to make a test CA");
    const QString plugin = script("info.sh", R"(printf '%s' "$KUBERNETES_EXEC_INFO" > "$W/execinfo"
echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}'
)");
    const ResolvedContext rc =
        execContext(plugin, "      provideClusterInfo: true\n", kV1beta1,
                    "    certificate-authority-data: " + m_caPem.toBase64() +
                        "\n    tls-server-name: kubernetes\n"
                        "    extensions:\n    - name: client.authentication.k8s.io/exec\n      "
                        "extension: {audience: lab}\n");
    CredentialProvider p(rc, nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(10000));
    const QJsonObject info = QJsonDocument::fromJson(readFile(m_work + "/execinfo")).object();
    QCOMPARE(info.value("apiVersion").toString(),
             QStringLiteral("client.authentication.k8s.io/v1beta1"));
    const QJsonObject cluster = info.value("spec").toObject().value("cluster").toObject();
    QCOMPARE(cluster.value("server").toString(), QStringLiteral("https://127.0.0.1:6443"));
    QCOMPARE(cluster.value("tls-server-name").toString(), QStringLiteral("kubernetes"));
    QCOMPARE(
        QByteArray::fromBase64(cluster.value("certificate-authority-data").toString().toLatin1()),
        m_caPem);
    QCOMPARE(cluster.value("config").toObject().value("audience").toString(),
             QStringLiteral("lab"));
    QVERIFY(!cluster.contains("insecure-skip-tls-verify"));
}

void TestCredentials::execCertificateCredential()
{
    if (m_certPem.isEmpty())
        QSKIP("openssl is needed to make a test certificate");
    writeFile(m_work + "/out.json",
              execCredential(kV1, {{"clientCertificateData", QString::fromLatin1(m_certPem)},
                                   {"clientKeyData", QString::fromLatin1(m_keyPem)},
                                   {"expirationTimestamp", "2099-01-02T03:04:05+02:00"}}));
    const QString plugin = script("cert.sh", R"(cat "$W/out.json")");
    const ResolvedContext rc = execContext(plugin);
    CredentialProvider p(rc, nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(10000));
    const Credential c = ready.constFirst().constFirst().value<Credential>();
    QCOMPARE(c.clientCertificatePem, m_certPem);
    QCOMPARE(c.clientKeyPem, m_keyPem);
    QCOMPARE(c.expiry, QDateTime(QDate(2099, 1, 2), QTime(1, 4, 5), Qt::UTC));
    QVERIFY(c.bearerToken.isEmpty());
    // The TLS configuration for requests carries the plugin's certificate.
    QCOMPARE(rc.sslConfiguration(c).localCertificate().subjectInfo(QSslCertificate::CommonName),
             QStringList{"plugin-user"});
}

void TestCredentials::execCommandNotFound()
{
    const QString missing = m_work + "/no-such-plugin";
    CredentialProvider p(
        execContext(missing,
                    "      installHint: \"Install it with: apt install no-such-plugin\"\n"),
        nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy failed(&p, &CredentialProvider::failed);
    p.request();
    QCOMPARE(failed.count(), 0); // QProcess reports this inside start(): still queued
    QVERIFY(failed.wait(10000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.startsWith(m_kubeconfig + ": users[bot].user.exec.command: exec plugin \"" +
                              missing + "\" could not be started"),
             qPrintable(error));
    QVERIFY(error.endsWith("Install it with: apt install no-such-plugin"));
    QCOMPARE(m_asked.constFirst().installHint,
             QStringLiteral("Install it with: apt install no-such-plugin"));
}

void TestCredentials::execInteractiveAlwaysIsRefused()
{
    const QString plugin = script("login.sh", "echo run >> \"$W/runs\"\n");
    CredentialProvider p(execContext(plugin, "      interactiveMode: Always\n"), nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy failed(&p, &CredentialProvider::failed);
    p.request();
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(
        "needs a terminal (interactiveMode: Always)"));
    QVERIFY(m_asked.isEmpty());
    QCOMPARE(runCount(m_work + "/runs"), 0);
}

void TestCredentials::concurrentRequestsShareOneRun()
{
    const QString plugin = script("slow.sh", R"(echo run >> "$W/runs"
sleep 0.3
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"shared"}}'
)");
    CredentialProvider p(execContext(plugin), nullptr);
    p.setApprovalHook(allowHook());
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    p.request();
    p.request();
    QVERIFY(ready.wait(10000));
    // Bounded check that nothing else is on its way: no second ready in 100 ms
    // (the three requests shared the one run).
    QVERIFY(!ready.wait(100));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(runCount(m_work + "/runs"), 1);
    QCOMPARE(m_asked.size(), 1);
}

void TestCredentials::parseExecCredential_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QDateTime>("expiry");
    const QDateTime noExpiry;
    QTest::newRow("token, no expiry") << execCredential(kV1, {{"token", "t"}}) << true << noExpiry;
    QTest::newRow("Z") << execCredential(kV1, {{"token", "t"},
                                               {"expirationTimestamp", "2026-08-22T15:04:05Z"}})
                       << true << QDateTime(QDate(2026, 8, 22), QTime(15, 4, 5), Qt::UTC);
    QTest::newRow("nanoseconds") << execCredential(kV1, {{"token", "t"},
                                                         {"expirationTimestamp",
                                                          "2026-08-22T15:04:05.123456789Z"}})
                                 << true
                                 << QDateTime(QDate(2026, 8, 22), QTime(15, 4, 5, 123), Qt::UTC);
    QTest::newRow("offset") << execCredential(
                                   kV1, {{"token", "t"},
                                         {"expirationTimestamp", "2026-08-22T15:04:05-07:30"}})
                            << true << QDateTime(QDate(2026, 8, 22), QTime(22, 34, 5), Qt::UTC);
    QTest::newRow("null expiry")
        << QByteArray(
               R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","expirationTimestamp":null}})")
        << true << noExpiry;
    QTest::newRow("no offset") << execCredential(kV1,
                                                 {{"token", "t"},
                                                  {"expirationTimestamp", "2026-08-22T15:04:05"}})
                               << false << noExpiry;
    QTest::newRow("date only") << execCredential(
                                      kV1, {{"token", "t"}, {"expirationTimestamp", "2026-08-22"}})
                               << false << noExpiry;
    QTest::newRow("token not text") << execCredential(kV1, {{"token", 5}}) << false << noExpiry;
    QTest::newRow("wrong kind")
        << QByteArray(
               R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"Pod","status":{"token":"t"}})")
        << false << noExpiry;
    QTest::newRow("key without certificate")
        << execCredential(kV1, {{"token", "t"}, {"clientKeyData", "k"}}) << false << noExpiry;
    QTest::newRow("fake PEM pair")
        << execCredential(kV1,
                          {{"clientCertificateData",
                            "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n"},
                           {"clientKeyData",
                            "-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----\n"}})
        << false << noExpiry;
}

void TestCredentials::parseExecCredential()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QDateTime, expiry);
    QString why;
    const std::optional<Credential> c =
        CredentialProvider::parseExecCredential(json, QString::fromLatin1(kV1), &why);
    QCOMPARE(c.has_value(), ok);
    if (ok) {
        QCOMPARE(c->bearerToken, QStringLiteral("t"));
        QCOMPARE(c->expiry, expiry);
    } else {
        QVERIFY(!why.isEmpty());
        QVERIFY2(!why.contains("\"t\""), qPrintable(why)); // never the token itself
    }
}

// --- Approval --------------------------------------------------------------

void TestCredentials::approvalAskedOnceWithCommandLineAndFile()
{
    const QString plugin = script("ok.sh", R"(echo run >> "$W/runs"
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}'
)");
    const ResolvedContext rc =
        execContext(plugin, "      args: [get-token, --cluster-name, my lab]\n"
                            "      installHint: get it from the lab wiki\n");
    ExecApprovalStore store(m_storePath);
    CredentialProvider p(rc, &store);
    p.setApprovalHook(allowHook(false));
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(ready.wait(10000));
    QCOMPARE(m_asked.size(), 1);
    const ExecApprovalRequest &req = m_asked.constFirst();
    QCOMPARE(req.kubeconfigFile, m_kubeconfig);
    QCOMPARE(req.commandLine, plugin + " get-token --cluster-name 'my lab'");
    QCOMPARE(req.commandLine, rc.user.exec->commandLine());
    QCOMPARE(req.installHint, QStringLiteral("get it from the lab wiki"));
    QCOMPARE(req.context, QStringLiteral("lab"));
    QCOMPARE(req.user, QStringLiteral("bot"));

    p.invalidate();
    p.request();
    QVERIFY(ready.wait(10000));
    QCOMPARE(m_asked.size(), 1); // allowed for this provider: not asked again
    QCOMPARE(runCount(m_work + "/runs"), 2);
    // Not remembered: the store has no answer, a new provider asks again.
    QVERIFY(!store.decision(m_kubeconfig, req.commandLine).has_value());
    QVERIFY(!QFile::exists(m_storePath));
    CredentialProvider p2(rc, &store);
    p2.setApprovalHook(allowHook(false));
    QSignalSpy ready2(&p2, &CredentialProvider::ready);
    p2.request();
    QVERIFY(ready2.wait(10000));
    QCOMPARE(m_asked.size(), 2);
}

void TestCredentials::denyNeverRunsThePlugin()
{
    const QString plugin = script("never.sh", "echo run >> \"$W/runs\"\n");
    ExecApprovalStore store(m_storePath);
    CredentialProvider p(execContext(plugin), &store);
    int asked = 0;
    p.setApprovalHook([&](const ExecApprovalRequest &, std::function<void(bool, bool)> answer) {
        ++asked;
        answer(false, false);
    });
    QSignalSpy failed(&p, &CredentialProvider::failed);
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.constFirst().constFirst().toString().startsWith(
                 m_kubeconfig + ": users[bot].user.exec: running exec plugin \"" + plugin +
                 "\" was not allowed"),
             qPrintable(failed.constFirst().constFirst().toString()));
    QCOMPARE(asked, 1);
    // Bounded check that the denied plugin never starts: in 200 ms neither
    // its runs file nor a ready appears.
    QVERIFY(!QTest::qWaitFor([&] { return QFile::exists(m_work + "/runs") || ready.count() > 0; },
                             200));
    QVERIFY(!QFile::exists(m_work + "/runs"));
    // Not remembered: asked again next time.
    p.request();
    QVERIFY(failed.wait(5000));
    QCOMPARE(asked, 2);
    QVERIFY(!QFile::exists(m_work + "/runs"));
}

void TestCredentials::rememberedAllowIsNotAskedAgain()
{
    const QString plugin = script("ok.sh", R"(echo run >> "$W/runs"
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}'
)");
    const ResolvedContext rc = execContext(plugin);
    ExecApprovalStore store(m_storePath);
    {
        CredentialProvider p(rc, &store);
        p.setApprovalHook(allowHook(true));
        QSignalSpy ready(&p, &CredentialProvider::ready);
        p.request();
        QVERIFY(ready.wait(10000));
    }
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(store.decision(m_kubeconfig, rc.user.exec->commandLine()), std::optional<bool>(true));

    // A new provider with the same store runs without asking.
    CredentialProvider p2(rc, &store);
    p2.setApprovalHook([](const ExecApprovalRequest &, std::function<void(bool, bool)>) {
        QFAIL("asked again although the answer was remembered");
    });
    QSignalSpy ready2(&p2, &CredentialProvider::ready);
    p2.request();
    QVERIFY(ready2.wait(10000));
    QCOMPARE(runCount(m_work + "/runs"), 2);

    // And so does one with a store reloaded from the file (a new Labdeck session), without any
    // hook.
    ExecApprovalStore reloaded(m_storePath);
    CredentialProvider p3(rc, &reloaded);
    QSignalSpy ready3(&p3, &CredentialProvider::ready);
    p3.request();
    QVERIFY(ready3.wait(10000));
    QCOMPARE(runCount(m_work + "/runs"), 3);

    // A changed command line is a new question.
    QVERIFY(!store.decision(m_kubeconfig, rc.user.exec->commandLine() + " --extra").has_value());
    QVERIFY(!store.decision(m_work + "/other.yaml", rc.user.exec->commandLine()).has_value());
}

void TestCredentials::rememberedDenyFailsWithoutAsking()
{
    const QString plugin = script("never.sh", "echo run >> \"$W/runs\"\n");
    const ResolvedContext rc = execContext(plugin);
    ExecApprovalStore store(m_storePath);
    {
        CredentialProvider p(rc, &store);
        p.setApprovalHook([](const ExecApprovalRequest &, std::function<void(bool, bool)> answer) {
            answer(false, true);
        });
        QSignalSpy failed(&p, &CredentialProvider::failed);
        p.request();
        QVERIFY(failed.wait(5000));
    }
    QCOMPARE(store.decision(m_kubeconfig, rc.user.exec->commandLine()), std::optional<bool>(false));

    ExecApprovalStore reloaded(m_storePath);
    CredentialProvider p2(rc, &reloaded);
    p2.setApprovalHook([](const ExecApprovalRequest &, std::function<void(bool, bool)>) {
        QFAIL("asked although the user's 'no' was remembered");
    });
    QSignalSpy failed(&p2, &CredentialProvider::failed);
    p2.request();
    QCOMPARE(failed.count(), 0);
    QVERIFY(failed.wait(5000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.contains("is not allowed: you denied it") && error.contains(m_storePath),
             qPrintable(error));
    // Bounded check that the plugin never starts: no runs file in 200 ms.
    QVERIFY(!QTest::qWaitFor([&] { return QFile::exists(m_work + "/runs"); }, 200));

    // forget() brings the question back.
    QVERIFY(reloaded.forget(m_kubeconfig, rc.user.exec->commandLine()));
    QVERIFY(!ExecApprovalStore(m_storePath)
                 .decision(m_kubeconfig, rc.user.exec->commandLine())
                 .has_value());
}

void TestCredentials::noHookMeansNoRun()
{
    const QString plugin = script("never.sh", "echo run >> \"$W/runs\"\n");
    ExecApprovalStore store(m_storePath);
    CredentialProvider p(execContext(plugin), &store);
    QSignalSpy failed(&p, &CredentialProvider::failed);
    p.request();
    QVERIFY(failed.wait(5000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY2(error.startsWith(m_kubeconfig + ": users[bot].user.exec: exec plugin \"" + plugin +
                              "\" needs your approval first"),
             qPrintable(error));
    // Bounded check that the plugin never starts: no runs file in 200 ms.
    QVERIFY(!QTest::qWaitFor([&] { return QFile::exists(m_work + "/runs"); }, 200));

    CredentialProvider noStore(execContext(plugin), nullptr); // no store, no hook: same
    QSignalSpy failed2(&noStore, &CredentialProvider::failed);
    noStore.request();
    QVERIFY(failed2.wait(5000));
    QVERIFY(!QFile::exists(m_work + "/runs"));
}

void TestCredentials::asyncAnswerAndDestroyedProvider()
{
    const QString plugin = script("ok.sh", R"(echo run >> "$W/runs"
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}'
)");
    const ResolvedContext rc = execContext(plugin);
    ExecApprovalStore store(m_storePath);

    // The dialog answers later; requests meanwhile wait for that one answer.
    std::function<void(bool, bool)> pending;
    int asked = 0;
    auto hook = [&](const ExecApprovalRequest &, std::function<void(bool, bool)> answer) {
        ++asked;
        pending = std::move(answer);
    };
    CredentialProvider p(rc, &store);
    p.setApprovalHook(hook);
    QSignalSpy ready(&p, &CredentialProvider::ready);
    p.request();
    p.request();
    QVERIFY(p.isBusy());
    // Bounded check that, while the answer is pending, the second request
    // asks nothing more and nothing runs: none of that within 100 ms.
    QVERIFY(!QTest::qWaitFor(
        [&] { return asked > 1 || ready.count() > 0 || QFile::exists(m_work + "/runs"); }, 100));
    QCOMPARE(asked, 1);
    QCOMPARE(ready.count(), 0);
    QVERIFY(!QFile::exists(m_work + "/runs"));
    QTimer::singleShot(50, this, [&] {
        pending(true, false);
        pending(false, true); // a second answer is ignored
    });
    QVERIFY(ready.wait(10000));
    // Bounded check that the ignored second answer starts nothing: no second
    // ready within 100 ms.
    QVERIFY(!ready.wait(100));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(runCount(m_work + "/runs"), 1);
    QVERIFY(!store.decision(m_kubeconfig, rc.user.exec->commandLine()).has_value());

    // The provider is gone before the user answers: nothing runs, nothing crashes.
    auto *doomed = new CredentialProvider(rc, &store);
    doomed->setApprovalHook(hook);
    doomed->request();
    QCOMPARE(asked, 2);
    delete doomed;
    pending(true, true);
    // Bounded check that the answer to a destroyed provider runs nothing: the
    // run count stays at one for 200 ms.
    QVERIFY(!QTest::qWaitFor([&] { return runCount(m_work + "/runs") > 1; }, 200));
    QCOMPARE(runCount(m_work + "/runs"), 1);
    QVERIFY(!store.decision(m_kubeconfig, rc.user.exec->commandLine()).has_value());
}

void TestCredentials::storeFileIsJsonWithoutSecrets()
{
    const QString plugin = script(
        "ok.sh",
        R"(echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"super-secret-token"}}'
)");
    const ResolvedContext rc =
        execContext(plugin, "      env:\n      - {name: API_KEY, value: env-secret-value}\n");
    {
        ExecApprovalStore store(m_storePath);
        CredentialProvider p(rc, &store);
        p.setApprovalHook(allowHook(true));
        QSignalSpy ready(&p, &CredentialProvider::ready);
        p.request();
        QVERIFY(ready.wait(10000));
        QVERIFY(store.lastError().isEmpty());
        // A second, unrelated answer.
        QVERIFY(store.remember(m_work + "/other.yaml", "kubelogin get-token", false));
    }
    const QByteArray raw = readFile(m_storePath);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value("version").toInt(), 1);
    const QJsonArray decisions = doc.object().value("decisions").toArray();
    QCOMPARE(decisions.size(), 2);
    QStringList files;
    for (const QJsonValue &v : decisions) {
        files << v.toObject().value("kubeconfig").toString();
        QCOMPARE(v.toObject().value("key").toString().size(), 64);
        QVERIFY(QDateTime::fromString(v.toObject().value("decidedAt").toString(), Qt::ISODate)
                    .isValid());
    }
    files.sort();
    QCOMPARE(files, (QStringList{m_kubeconfig, m_work + "/other.yaml"}));
    QVERIFY(!raw.contains("super-secret-token"));
    QVERIFY(!raw.contains("env-secret-value"));
    QCOMPARE(QFile::permissions(m_storePath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    // Reloadable: a new store sees both answers.
    const ExecApprovalStore reloaded(m_storePath);
    QCOMPARE(reloaded.decision(m_kubeconfig, rc.user.exec->commandLine()),
             std::optional<bool>(true));
    QCOMPARE(reloaded.decision(m_work + "/other.yaml", "kubelogin get-token"),
             std::optional<bool>(false));

    // Two stores on one file keep each other's answers.
    ExecApprovalStore a(m_storePath);
    ExecApprovalStore b(m_storePath);
    QVERIFY(a.remember(m_kubeconfig, "cmd-a", true));
    QVERIFY(b.remember(m_kubeconfig, "cmd-b", true));
    const ExecApprovalStore both(m_storePath);
    QVERIFY(both.decision(m_kubeconfig, "cmd-a").value_or(false));
    QVERIFY(both.decision(m_kubeconfig, "cmd-b").value_or(false));

    // A damaged file is reported and treated as "never asked" (the safe side).
    writeFile(m_storePath, "{ not json");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("is not a Labdeck exec approval file"));
    const ExecApprovalStore damaged(m_storePath);
    QVERIFY(!damaged.lastError().isEmpty());
    QVERIFY(!damaged.decision(m_kubeconfig, rc.user.exec->commandLine()).has_value());
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
