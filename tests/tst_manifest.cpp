// The new-service model: golden YAML for representative wizard inputs, the
// checks with their reasons per field, the write plan that never clobbers a
// file, unified diffs, and a manifests folder read in the seed's order.
#include "inventory/inventoryloader.h"
#include "manifests/inventoryeditor.h"
#include "manifests/servicespec.h"
#include "manifests/writeplan.h"
#include "support/fixtures.h"
#include "support/specbuilders.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace labdeck;
using namespace labdeck::manifests;
using labdeck::test::builtInLab;
using labdeck::test::fixturePath;
using labdeck::test::fullNotesSpec;
using labdeck::test::minimalSpec;
using labdeck::test::readFile;
using labdeck::test::writeFile;

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void secretsNeverInFiles();
    void yamlParsesBack();
    void validInputHasNoErrors();
    void invalidInput_data();
    void invalidInput();
    void dnsLabelAsTyped_data();
    void dnsLabelAsTyped();
    void requestsWarning();
    void clusterFacts();
    void writePlanNeverClobbers();
    void unifiedDiffHunks();
    void folderOrder();
    void folderErrorsLocated();
    void folderNamesAreKubernetesNames();
    void quantities();
    void inventoryUrlIntoFlowEntry();
    void inventoryUrlNewEntry();
    void inventoryUrlBlockEntry();
    void inventoryUrlExisting();
    void inventoryWriteKeepsBackup();
};

void TestManifest::golden_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("which");
    QTest::newRow("minimal") << QStringLiteral("minimal") << 0;
    QTest::newRow("full") << QStringLiteral("full") << 1;
    QTest::newRow("monitoring") << QStringLiteral("monitoring") << 2;
}

void TestManifest::golden()
{
    QFETCH(QString, name);
    QFETCH(int, which);
    ServiceSpec spec = which == 0 ? minimalSpec() : fullNotesSpec();
    if (which == 2) {
        // On metamon in the seed's monitoring namespace: written under monitoring/.
        spec = ServiceSpec{};
        spec.role = NodeRole::DevOps;
        applyLabDefaults(spec, builtInLab());
        spec.name = QStringLiteral("blackbox");
        spec.ns = QStringLiteral("monitoring");
        spec.image = QStringLiteral("registry.example.com/prom/blackbox-exporter");
        spec.tag = QStringLiteral("v0.25.0");
        spec.containerPort = 9115;
        spec.cpuRequest = QStringLiteral("0.05");
        spec.memoryRequest = QStringLiteral("32Mi");
        spec.memoryLimit = QStringLiteral("64Mi");
        spec.env = {{QStringLiteral("TZ"), QStringLiteral("Asia/Tokyo"), false},
                    {QStringLiteral("EMPTY"), QString(), false},
                    {QStringLiteral("OFF"), QStringLiteral("off"), false}};
        spec.liveness = {Probe::Kind::Http, QStringLiteral("/-/healthy"), 10, 30};
    }
    QVERIFY(SpecCheck::validate(spec, labFacts(builtInLab())).isEmpty() ||
            std::none_of(SpecCheck::validate(spec, labFacts(builtInLab())).cbegin(),
                         SpecCheck::validate(spec, labFacts(builtInLab())).cend(),
                         [](const FieldIssue &i) {
                             return i.severity == FieldIssue::Severity::Error &&
                                    i.field != QLatin1String("namespace");
                         }));
    const QList<ExtraFile> files = manifestFiles(spec);
    const bool update = qEnvironmentVariableIsSet("LABDECK_UPDATE_GOLDEN");
    QStringList expected;
    QDirIterator it(fixturePath(QStringLiteral("manifests/golden/") + name), QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        expected << QDir(fixturePath(QStringLiteral("manifests/golden/") + name))
                        .relativeFilePath(it.next());
    expected.sort();
    QStringList written;
    for (const ExtraFile &f : files) {
        written << f.file;
        const QString path =
            fixturePath(QStringLiteral("manifests/golden/") + name) + QLatin1Char('/') + f.file;
        if (update)
            writeFile(path, f.content);
        QCOMPARE(QString::fromUtf8(f.content), QString::fromUtf8(readFile(path)));
    }
    written.sort();
    if (!update)
        QCOMPARE(written, expected);
}

void TestManifest::secretsNeverInFiles()
{
    const ServiceSpec spec = fullNotesSpec();
    for (const ExtraFile &f : manifestFiles(spec))
        QVERIFY2(!f.content.contains("s3cr3t-value"), qPrintable(f.file));
    const QList<Manifest> objects = generateManifests(spec);
    const auto secret = std::find_if(objects.cbegin(), objects.cend(), [](const Manifest &m) {
        return m.kind == QLatin1String("Secret");
    });
    QVERIFY(secret != objects.cend());
    QVERIFY(secret->file.isEmpty());
    QVERIFY(secret->object.toYaml().contains("DB_PASSWORD: s3cr3t-value"));
    QVERIFY(!secret->redacted.toYaml().contains("s3cr3t-value"));
    QVERIFY(secret->redacted.toYaml().contains("<redacted>"));
    // The Deployment refers to the Secret, never to the value.
    const auto deployment = std::find_if(objects.cbegin(), objects.cend(), [](const Manifest &m) {
        return m.kind == QLatin1String("Deployment");
    });
    QVERIFY(deployment->object.toYaml().contains("secretKeyRef"));
    QVERIFY(!deployment->object.toYaml().contains("s3cr3t-value"));
}

void TestManifest::yamlParsesBack()
{
    // Strings that look like numbers or booleans stay strings.
    for (const Manifest &m : generateManifests(fullNotesSpec())) {
        const YAML::Node node = YAML::Load(m.object.toYaml().toStdString());
        QCOMPARE(QString::fromStdString(node["kind"].as<std::string>()), m.kind);
        if (m.kind == QLatin1String("Deployment")) {
            const YAML::Node env = node["spec"]["template"]["spec"]["containers"][0]["env"];
            QCOMPARE(env[1]["value"].Tag(), std::string("!"));
            QCOMPARE(env[2]["value"].Tag(), std::string("!"));
            QCOMPARE(node["spec"]["replicas"].as<int>(), 2);
            QCOMPARE(node["spec"]["template"]["spec"]["nodeSelector"]["role"].as<std::string>(),
                     std::string("devops"));
        }
    }
}

void TestManifest::validInputHasNoErrors()
{
    QCOMPARE(SpecCheck::validate(minimalSpec(), labFacts(builtInLab())).size(), 0);
}

void TestManifest::invalidInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("issueField");
    QTest::addColumn<QString>("reason");
    QTest::newRow("upper-case name") << "name"
                                     << "Hello"
                                     << "name"
                                     << "lowercase letters";
    QTest::newRow("name with dash at end") << "name"
                                           << "hello-"
                                           << "name"
                                           << "start and end";
    QTest::newRow("long name") << "name" << QString(64, QLatin1Char('a')) << "name"
                               << "at most 63";
    QTest::newRow("empty name") << "name"
                                << ""
                                << "name"
                                << "required";
    QTest::newRow("missing namespace") << "namespace"
                                       << "nowhere"
                                       << "namespace"
                                       << "does not exist";
    QTest::newRow("image with tag") << "image"
                                    << "registry.example.com/hello:1.0"
                                    << "image"
                                    << "tag goes in its own field";
    QTest::newRow("bad tag") << "tag"
                             << "-x"
                             << "tag"
                             << "not starting";
    QTest::newRow("port") << "containerPort"
                          << "70000"
                          << "containerPort"
                          << "1–65535";
    QTest::newRow("nodePort range") << "nodePort"
                                    << "29999"
                                    << "nodePort"
                                    << "30000–32767";
    QTest::newRow("nodePort taken") << "nodePort"
                                    << "30080"
                                    << "nodePort"
                                    << "apps/shlink (inventory)";
    QTest::newRow("cpu") << "cpuRequest"
                         << "lots"
                         << "cpuRequest"
                         << "not a quantity";
    QTest::newRow("memory limit below request") << "memoryLimit"
                                                << "64Mi"
                                                << "memoryLimit"
                                                << "below the request";
    QTest::newRow("cpu limit above node") << "cpuLimit"
                                          << "2"
                                          << "cpuLimit"
                                          << "more than bracky can give";
    QTest::newRow("env name") << "env"
                              << "1ST"
                              << "env[0].name"
                              << "not starting with a digit";
    QTest::newRow("public host without nodePort") << "publicHost"
                                                  << "hello.example.com"
                                                  << "publicHost"
                                                  << "needs a NodePort";
    QTest::newRow("public host") << "publicHost"
                                 << "not a host"
                                 << "publicHost"
                                 << "not a DNS name";
    QTest::newRow("mount path") << "mountPath"
                                << "data"
                                << "mountPath"
                                << "absolute";
}

void TestManifest::invalidInput()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, issueField);
    QFETCH(QString, reason);
    ServiceSpec s = minimalSpec();
    if (field == QLatin1String("name"))
        s.name = value;
    else if (field == QLatin1String("namespace"))
        s.ns = value;
    else if (field == QLatin1String("image"))
        s.image = value;
    else if (field == QLatin1String("tag"))
        s.tag = value;
    else if (field == QLatin1String("containerPort"))
        s.containerPort = value.toInt();
    else if (field == QLatin1String("nodePort"))
        s.nodePort = value.toInt();
    else if (field == QLatin1String("cpuRequest"))
        s.cpuRequest = value;
    else if (field == QLatin1String("cpuLimit"))
        s.cpuLimit = value;
    else if (field == QLatin1String("memoryLimit"))
        s.memoryLimit = value;
    else if (field == QLatin1String("env"))
        s.env = {{value, QStringLiteral("x"), false}};
    else if (field == QLatin1String("publicHost"))
        s.publicHost = value;
    else if (field == QLatin1String("mountPath")) {
        s.storage = true;
        s.mountPath = value;
    }
    const QList<FieldIssue> issues = SpecCheck::validate(s, labFacts(builtInLab()));
    QVERIFY(!issues.isEmpty());
    bool found = false;
    for (const FieldIssue &i : issues) {
        if (i.field == issueField && i.severity == FieldIssue::Severity::Error) {
            QVERIFY2(i.message.contains(reason), qPrintable(i.message));
            found = true;
        }
    }
    QVERIFY2(found,
             qPrintable(issues.first().field + QLatin1String(": ") + issues.first().message));
    // Nothing else is blamed: the problem shows on the page where it was typed.
    for (const FieldIssue &i : issues)
        QVERIFY2(i.field == issueField || i.severity == FieldIssue::Severity::Warning,
                 qPrintable(i.field));
}

void TestManifest::dnsLabelAsTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("ok");
    QTest::newRow("h") << "h" << true;
    QTest::newRow("he") << "he" << true;
    QTest::newRow("he-") << "he-" << false;
    QTest::newRow("he-l") << "he-l" << true;
    QTest::newRow("He") << "He" << false;
    QTest::newRow("he_l") << "he_l" << false;
    QTest::newRow("0day") << "0day" << true;
    QTest::newRow("dot") << "a.b" << false;
}

void TestManifest::dnsLabelAsTyped()
{
    QFETCH(QString, typed);
    QFETCH(bool, ok);
    QCOMPARE(SpecCheck::dnsLabelProblem(typed).isEmpty(), ok);
}

void TestManifest::requestsWarning()
{
    ServiceSpec s = minimalSpec();
    LabFacts facts = labFacts(builtInLab());
    facts.nodes[QStringLiteral("bracky")].requestedMilliCpu = 900;
    s.cpuRequest = QStringLiteral("200m");
    const QList<FieldIssue> issues = SpecCheck::validate(s, facts);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().severity, FieldIssue::Severity::Warning);
    QCOMPARE(issues.first().field, QStringLiteral("cpuRequest"));
    QVERIFY2(issues.first().message.contains(QStringLiteral("1100m of 1000m")),
             qPrintable(issues.first().message));
    // Two replicas of 3 GiB on a 6 GB node with 1 GiB already requested.
    s.cpuRequest = QStringLiteral("10m");
    s.replicas = 2;
    s.memoryRequest = QStringLiteral("3Gi");
    s.memoryLimit = QStringLiteral("3Gi");
    facts.nodes[QStringLiteral("bracky")].requestedMemory = 1024LL * 1024 * 1024;
    const QList<FieldIssue> memory = SpecCheck::validate(s, facts);
    QCOMPARE(memory.size(), 1);
    QCOMPARE(memory.first().field, QStringLiteral("memoryRequest"));
}

void TestManifest::clusterFacts()
{
    LabFacts facts = labFacts(builtInLab());
    QCOMPARE(facts.usedNodePorts.value(30300), QStringLiteral("monitoring/grafana (inventory)"));
    QVERIFY(facts.namespaces.contains(QStringLiteral("database")));
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).allocatableMilliCpu, 1000);
    const QJsonObject services{
        {QStringLiteral("items"),
         QJsonArray{QJsonObject{
             {QStringLiteral("metadata"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("hello")},
                          {QStringLiteral("namespace"), QStringLiteral("apps")}}},
             {QStringLiteral("spec"),
              QJsonObject{{QStringLiteral("ports"),
                           QJsonArray{QJsonObject{{QStringLiteral("nodePort"), 30088}}}}}}}}}};
    addClusterServices(facts, services);
    QCOMPARE(facts.usedNodePorts.value(30088), QStringLiteral("apps/hello (cluster)"));
    const QJsonObject pods{
        {QStringLiteral("items"),
         QJsonArray{QJsonObject{
             {QStringLiteral("spec"),
              QJsonObject{
                  {QStringLiteral("nodeName"), QStringLiteral("bracky")},
                  {QStringLiteral("containers"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("resources"),
                        QJsonObject{
                            {QStringLiteral("requests"),
                             QJsonObject{{QStringLiteral("cpu"), QStringLiteral("250m")},
                                         {QStringLiteral("memory"), QStringLiteral("1Gi")}}}}}}}}}},
             {QStringLiteral("status"),
              QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")}}}}}}};
    addClusterPods(facts, pods);
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).requestedMilliCpu, 250);
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).requestedMemory, 1024LL * 1024 * 1024);
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).allocatableMilliCpu, 1000);
    const QJsonObject nodes{
        {QStringLiteral("items"),
         QJsonArray{QJsonObject{
             {QStringLiteral("metadata"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("bracky")}}},
             {QStringLiteral("status"),
              QJsonObject{
                  {QStringLiteral("allocatable"),
                   QJsonObject{{QStringLiteral("cpu"), QStringLiteral("950m")},
                               {QStringLiteral("memory"), QStringLiteral("5980000Ki")}}}}}}}}};
    addClusterNodes(facts, nodes);
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).allocatableMilliCpu, 950);
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).allocatableMemory, 5980000LL * 1024);
    QCOMPARE(facts.nodes.value(QStringLiteral("bracky")).requestedMilliCpu, 250); // kept
}

void TestManifest::writePlanNeverClobbers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<ExtraFile> files = manifestFiles(minimalSpec());
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().file, QStringLiteral("apps/hello.yaml"));

    QList<PlannedFile> plan = WritePlan::plan(dir.path(), files);
    QCOMPARE(plan.first().state, PlannedFile::State::New);
    QString error;
    QVERIFY2(WritePlan::write(plan.first(), false, &error), qPrintable(error));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("apps/hello.yaml"))), files.first().content);
    QCOMPARE(WritePlan::plan(dir.path(), files).first().state, PlannedFile::State::Same);

    // The user's own edit: planned as Differs with a diff, never written without consent.
    const QByteArray edited = files.first().content + "# my note\n";
    writeFile(dir.filePath(QStringLiteral("apps/hello.yaml")), edited);
    plan = WritePlan::plan(dir.path(), files);
    QCOMPARE(plan.first().state, PlannedFile::State::Differs);
    QVERIFY2(plan.first().diff.contains(QStringLiteral("-# my note")),
             qPrintable(plan.first().diff));
    QVERIFY(plan.first().diff.startsWith(
        QStringLiteral("--- a/apps/hello.yaml\n+++ b/apps/hello.yaml\n@@ ")));
    QVERIFY(!WritePlan::write(plan.first(), false, &error));
    QVERIFY(error.contains(QStringLiteral("exists and differs")));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("apps/hello.yaml"))), edited);

    // A file that appeared after the plan was made is not clobbered either.
    QTemporaryDir other;
    const QList<PlannedFile> fresh = WritePlan::plan(other.path(), files);
    QCOMPARE(fresh.first().state, PlannedFile::State::New);
    writeFile(other.filePath(QStringLiteral("apps/hello.yaml")), "kind: Mine\n");
    QVERIFY(!WritePlan::write(fresh.first(), true, &error));
    QCOMPARE(readFile(other.filePath(QStringLiteral("apps/hello.yaml"))),
             QByteArray("kind: Mine\n"));

    // With consent after seeing the diff, it is replaced.
    QVERIFY2(WritePlan::write(plan.first(), true, &error), qPrintable(error));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("apps/hello.yaml"))), files.first().content);
}

void TestManifest::unifiedDiffHunks()
{
    const QString a = QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    const QString b = QStringLiteral("1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n");
    QCOMPARE(unifiedDiff(a, b, QStringLiteral("old"), QStringLiteral("new"), 2),
             QStringLiteral("--- old\n+++ new\n"
                            "@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+three\n 4\n 5\n"
                            "@@ -11,2 +11,3 @@\n 11\n 12\n+13\n"));
    QCOMPARE(unifiedDiff(a, a, QStringLiteral("old"), QStringLiteral("new")), QString());
    QCOMPARE(unifiedDiff(QString(), QStringLiteral("x\n"), QStringLiteral("/dev/null"),
                         QStringLiteral("new")),
             QStringLiteral("--- /dev/null\n+++ new\n@@ -0,0 +1,1 @@\n+x\n"));
}

void TestManifest::folderOrder()
{
    QTemporaryDir dir;
    const QByteArray ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n";
    writeFile(dir.filePath(QStringLiteral("devops/a.yaml")),
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: devops\n");
    writeFile(dir.filePath(QStringLiteral("monitoring/b.yml")),
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n");
    writeFile(dir.filePath(QStringLiteral("apps/c.yaml")),
              "# two documents\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
              "c1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n---\n");
    writeFile(dir.filePath(QStringLiteral("base/namespace-tools.yaml")), ns);
    writeFile(dir.filePath(QStringLiteral("traefik/route.yaml")), "http: {}\n");
    writeFile(dir.filePath(QStringLiteral("extra/z.yaml")), "kind: [broken\n");
    writeFile(dir.filePath(QStringLiteral("top.yaml")), "apiVersion: v1\nkind: ConfigMap\n");
    writeFile(dir.filePath(QStringLiteral("README.md")), "not yaml");
    const QList<FolderDocument> docs = ManifestFolder::read(dir.path());
    QStringList order;
    for (const FolderDocument &d : docs)
        order << QDir(dir.path()).relativeFilePath(d.file) + QLatin1Char(':') +
                     QString::number(d.line) + QLatin1Char(' ') + d.name;
    QCOMPARE(order, (QStringList{
                        QStringLiteral("base/namespace-tools.yaml:1 tools"),
                        QStringLiteral("apps/c.yaml:1 c1"), QStringLiteral("apps/c.yaml:7 c2"),
                        QStringLiteral("monitoring/b.yml:1 b"), QStringLiteral("devops/a.yaml:1 a"),
                        QStringLiteral("extra/z.yaml:1 "), QStringLiteral("top.yaml:1 ")}));
    QCOMPARE(docs.at(0).kind, QStringLiteral("Namespace"));
    QCOMPARE(docs.at(0).text, ns);
    QCOMPARE(docs.at(4).ns, QStringLiteral("devops"));
    QVERIFY(docs.at(5).error.contains(QStringLiteral("extra/z.yaml:")));
    QVERIFY(docs.at(6).error.contains(QStringLiteral("metadata.name are required")));
}

void TestManifest::folderErrorsLocated()
{
    // Errors in a later document of a file name the line of the file, not of
    // the document; a syntax error, a self-referencing alias and an alias bomb
    // are located errors, and every good document is still read.
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("apps/multi.yaml")),
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n"
              "---\n"
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n"
              "---\n"
              "apiVersion: v1\nmetadata:\n  name: nokind\n"
              "---\n"
              "- a list\n");
    writeFile(dir.filePath(QStringLiteral("apps/self.yaml")), "&a [*a]\n");
    // Ten levels of ten aliases each: 10^10 nodes once expanded.
    QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const QByteArray previous = "*" + QByteArray(1, char(c - 1));
        bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [" +
                QByteArrayList(10, previous).join(", ") + "]\n";
    }
    writeFile(dir.filePath(QStringLiteral("apps/zbomb.yaml")), bomb);

    const QList<FolderDocument> docs = ManifestFolder::read(dir.path());
    QCOMPARE(docs.size(), 6);
    const QString multi = dir.filePath(QStringLiteral("apps/multi.yaml"));
    QCOMPARE(docs.at(0).name, QStringLiteral("first"));
    QVERIFY(docs.at(0).error.isEmpty());
    // "name: [broken" is on line 9 of the file; the flow list ends unclosed.
    QVERIFY2(docs.at(1).error.startsWith(multi + QStringLiteral(":9:")) ||
                 docs.at(1).error.startsWith(multi + QStringLiteral(":10:")),
             qPrintable(docs.at(1).error));
    QCOMPARE(docs.at(1).line, 6);
    QVERIFY2(docs.at(2).error.startsWith(multi + QStringLiteral(":11:1: kind: ")),
             qPrintable(docs.at(2).error));
    QVERIFY2(docs.at(3).error.startsWith(multi + QStringLiteral(":15:1: ")),
             qPrintable(docs.at(3).error));
    QVERIFY(docs.at(3).error.contains(QStringLiteral("not a Kubernetes object")));
    QVERIFY2(docs.at(4).error.startsWith(dir.filePath(QStringLiteral("apps/self.yaml:1:"))),
             qPrintable(docs.at(4).error));
    QVERIFY2(docs.at(5).error.startsWith(dir.filePath(QStringLiteral("apps/zbomb.yaml:"))),
             qPrintable(docs.at(5).error));
}

void TestManifest::folderNamesAreKubernetesNames()
{
    // A name or namespace from a file becomes part of an API path: one that
    // is not a Kubernetes name is a located error before anything is sent.
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("apps/names.yaml")),
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ../../nodes/pikachu\n"
              "---\n"
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok.name-1\n"
              "  namespace: Apps\n"
              "---\n"
              "apiVersion: v1\nkind: Service\nmetadata:\n  name: 9lives\n"
              "---\n"
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"bell\\a\"\n"
              "---\n"
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n  namespace: apps\n");
    const QList<FolderDocument> docs = ManifestFolder::read(dir.path());
    QCOMPARE(docs.size(), 5);
    const QString file = dir.filePath(QStringLiteral("apps/names.yaml"));
    QVERIFY2(docs.at(0).error.startsWith(file + QStringLiteral(":4:9: metadata.name: ")),
             qPrintable(docs.at(0).error));
    QVERIFY(docs.at(0).error.contains(QStringLiteral("RFC 1123 subdomain")));
    QVERIFY2(docs.at(1).error.startsWith(file + QStringLiteral(":10:14: metadata.namespace: ")),
             qPrintable(docs.at(1).error));
    QVERIFY2(docs.at(2).error.startsWith(file + QStringLiteral(":15:9: metadata.name: ")),
             qPrintable(docs.at(2).error));
    QVERIFY(docs.at(2).error.contains(QStringLiteral("RFC 1035")));
    // The control character is shown as an escape, not printed.
    QVERIFY2(docs.at(3).error.contains(QStringLiteral("bell\\x07")), qPrintable(docs.at(3).error));
    QVERIFY(!docs.at(3).error.contains(QChar(7)));
    QVERIFY2(docs.at(4).error.isEmpty(), qPrintable(docs.at(4).error));
}

void TestManifest::quantities()
{
    QCOMPARE(parseMilliCpu(QStringLiteral("250m")).value_or(-1), 250);
    QCOMPARE(parseMilliCpu(QStringLiteral("0.5")).value_or(-1), 500);
    QCOMPARE(parseMilliCpu(QStringLiteral("1")).value_or(-1), 1000);
    QVERIFY(!parseMilliCpu(QStringLiteral("1Gi")));
    QCOMPARE(parseBytes(QStringLiteral("512Mi")).value_or(-1), 512LL * 1024 * 1024);
    QCOMPARE(parseBytes(QStringLiteral("1G")).value_or(-1), 1000000000LL);
    QVERIFY(!parseBytes(QStringLiteral("lots")));
}

namespace {
Workload workload(const QString &ns, const QString &name, const QString &url)
{
    Workload w;
    w.ns = ns;
    w.name = name;
    w.host = QStringLiteral("metamon");
    w.nodePort = 30400;
    w.url = QUrl(url);
    return w;
}
const Workload *find(const Inventory &inv, const QString &ns, const QString &name)
{
    for (const Workload &w : inv.workloads) {
        if (w.ns == ns && w.name == name)
            return &w;
    }
    return nullptr;
}
} // namespace

void TestManifest::inventoryUrlIntoFlowEntry()
{
    const QByteArray text = InventoryLoader::builtInYaml();
    const InventoryEdit edit = InventoryEditor::addWorkloadUrl(
        text, QStringLiteral("lab.yaml"),
        workload(QStringLiteral("monitoring"), QStringLiteral("prometheus"),
                 QStringLiteral("https://prom.example.com")));
    QVERIFY2(edit.ok(), qPrintable(edit.error));
    QVERIFY(edit.changes());
    QVERIFY2(edit.diff.contains(QStringLiteral(
                 "+     volume: /srv/nfs/k8s/prometheus, url: \"https://prom.example.com\"}")),
             qPrintable(edit.diff));
    // One line changed, nothing else (comments and layout kept).
    QCOMPARE(edit.diff.count(QStringLiteral("\n+")), 2); // "+++" header and the line
    QCOMPARE(edit.after.size(),
             text.size() + qsizetype(QByteArray(", url: \"https://prom.example.com\"").size()));
    const InventoryLoadResult loaded =
        InventoryLoader::parse(edit.after, QStringLiteral("lab.yaml"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    QCOMPARE(
        find(*loaded.inventory, QStringLiteral("monitoring"), QStringLiteral("prometheus"))->url,
        QUrl(QStringLiteral("https://prom.example.com")));
}

void TestManifest::inventoryUrlNewEntry()
{
    const QByteArray text = InventoryLoader::builtInYaml();
    const InventoryEdit edit =
        InventoryEditor::addWorkloadUrl(text, QStringLiteral("lab.yaml"),
                                        workload(QStringLiteral("devops"), QStringLiteral("notes"),
                                                 QStringLiteral("https://notes.example.com")));
    QVERIFY2(edit.ok(), qPrintable(edit.error));
    QVERIFY2(edit.diff.contains(
                 QStringLiteral("+  - {name: notes, namespace: devops, kind: Deployment, host: "
                                "metamon, nodePort: 30400, url: \"https://notes.example.com\"}")),
             qPrintable(edit.diff));
    const InventoryLoadResult loaded =
        InventoryLoader::parse(edit.after, QStringLiteral("lab.yaml"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    const Workload *w = find(*loaded.inventory, QStringLiteral("devops"), QStringLiteral("notes"));
    QVERIFY(w);
    QCOMPARE(w->nodePort, 30400);
    QCOMPARE(loaded.inventory->workloads.last().name, QStringLiteral("notes"));
}

void TestManifest::inventoryUrlBlockEntry()
{
    QByteArray text = InventoryLoader::builtInYaml();
    const QByteArray flow =
        "  - {name: shlink, displayName: Shlink, namespace: apps, kind: Deployment, host: "
        "bracky,\n     nodePort: 30080, url: \"https://s.example.com\"}\n";
    QVERIFY(text.contains(flow));
    text.replace(flow, "  - name: shlink\n    displayName: Shlink  # short links\n    namespace: "
                       "apps\n    kind: Deployment\n    host: bracky\n    nodePort: 30080\n");
    QVERIFY2(InventoryLoader::parse(text, QStringLiteral("lab.yaml")).ok(),
             "block-style entry loads");
    const InventoryEdit edit =
        InventoryEditor::addWorkloadUrl(text, QStringLiteral("lab.yaml"),
                                        workload(QStringLiteral("apps"), QStringLiteral("shlink"),
                                                 QStringLiteral("https://s.example.com")));
    QVERIFY2(edit.ok(), qPrintable(edit.error));
    QVERIFY2(edit.diff.contains(
                 QStringLiteral("     nodePort: 30080\n+    url: \"https://s.example.com\"\n")),
             qPrintable(edit.diff));
    QVERIFY(edit.after.contains("# short links"));
    QVERIFY(InventoryLoader::parse(edit.after, QStringLiteral("lab.yaml")).ok());
}

void TestManifest::inventoryUrlExisting()
{
    const QByteArray text = InventoryLoader::builtInYaml();
    const InventoryEdit same =
        InventoryEditor::addWorkloadUrl(text, QStringLiteral("lab.yaml"),
                                        workload(QStringLiteral("apps"), QStringLiteral("shlink"),
                                                 QStringLiteral("https://s.example.com")));
    QVERIFY(same.ok());
    QVERIFY(!same.changes());
    const InventoryEdit other =
        InventoryEditor::addWorkloadUrl(text, QStringLiteral("lab.yaml"),
                                        workload(QStringLiteral("apps"), QStringLiteral("shlink"),
                                                 QStringLiteral("https://short.example.com")));
    QVERIFY(!other.ok());
    QVERIFY2(other.error.contains(QStringLiteral("already has the URL https://s.example.com")),
             qPrintable(other.error));
    // The built-in lab is never edited.
    QVERIFY(InventoryEditor::refusal(builtInLab())
                .contains(QStringLiteral("Create your own inventory first")));
}

void TestManifest::inventoryWriteKeepsBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.yaml"));
    const QByteArray text = InventoryLoader::builtInYaml();
    writeFile(path, text);
    const InventoryEdit edit =
        InventoryEditor::addWorkloadUrl(text, path,
                                        workload(QStringLiteral("devops"), QStringLiteral("notes"),
                                                 QStringLiteral("https://notes.example.com")));
    QVERIFY(edit.changes());
    // Changed on disk since it was read: refused, untouched.
    writeFile(path, text + "# edited meanwhile\n");
    QString error;
    QVERIFY(!InventoryEditor::write(path, edit, &error));
    QVERIFY(error.contains(QStringLiteral("changed since")));
    QCOMPARE(readFile(path), text + "# edited meanwhile\n");
    writeFile(path, text);
    QVERIFY2(InventoryEditor::write(path, edit, &error), qPrintable(error));
    QCOMPARE(readFile(path), edit.after);
    QCOMPARE(readFile(path + QStringLiteral(".bak")), text);
    const InventoryLoadResult loaded = InventoryLoader::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorText()));
    QVERIFY(!loaded.inventory->isBuiltIn);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
