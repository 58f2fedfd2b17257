// The lab inventory: the built-in default is the seed's lab, and every class
// of bad input is reported with its file, line, column and field.

#include "inventory/inventoryloader.h"
#include "inventory/inventorylocator.h"
#include "support/fixtures.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;
using labdeck::test::fixturePath;

namespace {

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

QStringList workloadNames(const Inventory &inv, const QString &host)
{
    QStringList out;
    for (const Workload *w : inv.workloadsOn(host))
        out << w->name;
    return out;
}

} // namespace

class TestInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultLoadsWithoutErrors();
    void defaultHostsAreTheSeed();
    void defaultWorkloadsAreOnTheirNodes();
    void defaultNamespacesUrlsNodePortsNfs();
    void defaultCoversEverythingTheSeedNames();
    void minimalFileLoads();
    void badInput_data();
    void badInput();
    void everyErrorIsReported();
    void incompleteInventoryIsAnError_data();
    void incompleteInventoryIsAnError();
    void noEditOfTheDefaultAborts();
    void ollamaThroughTunnel();
    void missingFile();
    void emptyFile();
    void locatorPrefersCommandLineThenUserFile();
    void loadingNeverWritesTheFile();
};

void TestInventory::defaultLoadsWithoutErrors()
{
    const InventoryLoadResult r = InventoryLoader::loadBuiltIn();
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QVERIFY(r.inventory->isBuiltIn);
    QCOMPARE(r.inventory->sourceFile, InventoryLoader::builtInPath());
}

void TestInventory::defaultHostsAreTheSeed()
{
    const Inventory inv = *InventoryLoader::loadBuiltIn().inventory;
    QStringList names;
    for (const Host &h : inv.hosts)
        names << h.name;
    QCOMPARE(names, (QStringList{"pikachu", "metamon", "bracky", "pochama", "gpu-server"}));

    QCOMPARE(inv.site(QStringLiteral("oci"))->network, QStringLiteral("10.0.0.0/16"));
    QCOMPARE(inv.hostsAt(QStringLiteral("oci")).size(), 4);
    QCOMPARE(inv.hostsAt(QStringLiteral("home")).size(), 1);
    QCOMPARE(inv.hostsAt(QStringLiteral("home")).first()->name, QStringLiteral("gpu-server"));

    for (const char *n : {"pikachu", "metamon", "bracky", "pochama"}) {
        const Host *h = inv.host(QString::fromLatin1(n));
        QVERIFY(h);
        QCOMPARE(h->resources.cpus, 1.0);
        QCOMPARE(h->resources.cpuUnit, QStringLiteral("OCPU"));
        QCOMPARE(h->resources.memoryGB, 6.0);
        QCOMPARE(h->resources.diskGB, 50.0);
        QVERIFY(h->addresses.hasPublicIp);
        QCOMPARE(h->site, QStringLiteral("oci"));
    }
    QCOMPARE(inv.host(QStringLiteral("pikachu"))->kind, HostKind::K8sControlPlane);
    QVERIFY(inv.host(QStringLiteral("pikachu"))
                ->labels.contains(QStringLiteral("node-role.kubernetes.io/control-plane")));
    QCOMPARE(inv.host(QStringLiteral("metamon"))->kind, HostKind::K8sWorker);
    QCOMPARE(inv.host(QStringLiteral("metamon"))->labels.value(QStringLiteral("role")),
             QStringLiteral("devops"));
    QCOMPARE(inv.host(QStringLiteral("bracky"))->labels.value(QStringLiteral("role")),
             QStringLiteral("apps"));
    QCOMPARE(inv.host(QStringLiteral("pochama"))->kind, HostKind::ComposeHost);
    QVERIFY(inv.host(QStringLiteral("pochama"))->labels.isEmpty());
    QVERIFY(inv.host(QStringLiteral("pochama"))->ssh.has_value());
    const Host *gpu = inv.host(QStringLiteral("gpu-server"));
    QCOMPARE(gpu->kind, HostKind::GpuServer);
    QCOMPARE(gpu->gpu, QStringLiteral("RTX 3070 Ti"));
    QVERIFY(gpu->ssh.has_value());

    // Every host is in the Tailscale mesh and has its per-source names.
    QCOMPARE(inv.tailscaleHosts().size(), 5);
    QCOMPARE(inv.host(QStringLiteral("metamon"))->sources.kubernetesNode,
             QStringLiteral("metamon"));
    QCOMPARE(inv.host(QStringLiteral("metamon"))->sources.prometheusInstance,
             QStringLiteral("metamon:9100"));
    QCOMPARE(inv.host(QStringLiteral("pochama"))->sources.sshAlias, QStringLiteral("pochama"));
    QVERIFY(inv.host(QStringLiteral("pochama"))->sources.kubernetesNode.isEmpty());
    QCOMPARE(inv.tailscaleStatusHost, QStringLiteral("pochama"));
}

void TestInventory::defaultWorkloadsAreOnTheirNodes()
{
    const Inventory inv = *InventoryLoader::loadBuiltIn().inventory;
    QCOMPARE(toSet(workloadNames(inv, QStringLiteral("metamon"))),
             toSet({"registry", "prometheus", "grafana", "loki", "docmost"}));
    QCOMPARE(toSet(workloadNames(inv, QStringLiteral("bracky"))),
             toSet({"home-assistant", "postgresql", "redis", "shlink", "own-apps"}));
    QVERIFY(workloadNames(inv, QStringLiteral("pikachu")).isEmpty());
    QCOMPARE(inv.host(QStringLiteral("pikachu"))->components,
             (QStringList{"etcd", "API server", "CoreDNS", "metrics-server"}));

    QStringList compose;
    for (const ComposeService &s : inv.compose.services)
        compose << s.name;
    QCOMPARE(inv.compose.host, QStringLiteral("pochama"));
    QCOMPARE(compose, (QStringList{"tailscale", "traefik", "nfs-server", "nextcloud"}));

    QStringList gpuServices;
    for (const HostService &s : inv.host(QStringLiteral("gpu-server"))->services)
        gpuServices << s.name;
    QCOMPARE(gpuServices, (QStringList{"ollama", "open-webui", "tailscale"}));
    QCOMPARE(inv.ollamaUrl, QUrl(QStringLiteral("http://gpu-server:11434")));
    QVERIFY(inv.ollamaTunnel.isEmpty()); // the seed's lab reaches Ollama directly
    QVERIFY(inv.prometheusUrl.isValid());
}

void TestInventory::defaultNamespacesUrlsNodePortsNfs()
{
    const Inventory inv = *InventoryLoader::loadBuiltIn().inventory;
    QMap<QString, QString> namespaces;
    for (const Namespace &ns : inv.namespaces)
        namespaces.insert(ns.name, ns.host);
    const QMap<QString, QString> expectedNs{{"apps", "bracky"},
                                            {"database", "bracky"},
                                            {"devops", "metamon"},
                                            {"monitoring", "metamon"},
                                            {"registry", "metamon"}};
    QCOMPARE(namespaces, expectedNs);
    for (const Workload &w : inv.workloads) {
        QVERIFY2(namespaces.value(w.ns) == w.host,
                 qPrintable(w.qualifiedName() + QStringLiteral(" is not on its namespace's node")));
    }

    QMap<QString, QString> urls; // url -> host
    for (const PublicUrl &u : inv.publicUrls())
        urls.insert(u.url.toString(), u.host);
    const QMap<QString, QString> expectedUrls{
        {"https://ha.example.com", "bracky"},        {"https://grafana.example.com", "metamon"},
        {"https://docs.example.com", "metamon"},     {"https://s.example.com", "bracky"},
        {"https://registry.example.com", "metamon"}, {"https://cloud.example.com", "pochama"},
        {"https://traefik.example.com", "pochama"}};
    QCOMPARE(urls, expectedUrls);

    QMap<int, QString> ports;
    for (const Workload &w : inv.workloads) {
        if (w.nodePort)
            ports.insert(w.nodePort, w.host + QLatin1Char('/') + w.name);
    }
    const QMap<int, QString> expectedPorts{{30300, "metamon/grafana"},
                                           {30301, "metamon/docmost"},
                                           {30500, "metamon/registry"},
                                           {30123, "bracky/home-assistant"},
                                           {30080, "bracky/shlink"}};
    QCOMPARE(ports, expectedPorts);

    QCOMPARE(inv.nfs.server, QStringLiteral("pochama"));
    QStringList exports;
    for (const NfsExport &e : inv.nfs.exports)
        exports << e.path;
    QCOMPARE(exports, (QStringList{"/srv/nfs/k8s", "/srv/nfs/nextcloud"}));
    QSet<QString> volumes;
    for (const Workload &w : inv.workloads) {
        if (!w.volume.isEmpty())
            volumes.insert(w.volume);
    }
    QCOMPARE(volumes,
             toSet({"/srv/nfs/k8s/prometheus", "/srv/nfs/k8s/grafana", "/srv/nfs/k8s/loki",
                    "/srv/nfs/k8s/home-assistant", "/srv/nfs/k8s/postgresql", "/srv/nfs/k8s/redis",
                    "/srv/nfs/k8s/docmost", "/srv/nfs/k8s/registry"}));
    QCOMPARE(inv.ingress.host, QStringLiteral("pochama"));
    QCOMPARE(inv.ingress.certResolver, QStringLiteral("letsencrypt"));
}

// Reads the seed (the owner's own description of the lab) and checks that
// every NodePort, URL, namespace and NFS directory it names is in the
// default inventory, so the two cannot drift apart.
void TestInventory::defaultCoversEverythingTheSeedNames()
{
    QFile seedFile(QStringLiteral(LABDECK_TEST_FIXTURES "/seed-infrastructure.md"));
    QVERIFY(seedFile.open(QIODevice::ReadOnly));
    const QString seed = QString::fromUtf8(seedFile.readAll());
    const Inventory inv = *InventoryLoader::loadBuiltIn().inventory;

    QSet<int> inventoryPorts;
    for (const Workload &w : inv.workloads)
        inventoryPorts.insert(w.nodePort);
    QSet<int> seedPorts;
    for (const auto &m : QRegularExpression(QStringLiteral(":(3\\d{4})\\b")).globalMatch(seed))
        seedPorts.insert(m.captured(1).toInt());
    QCOMPARE(seedPorts.size(), 5);
    for (int p : seedPorts)
        QVERIFY2(inventoryPorts.contains(p), qPrintable(QString::number(p)));

    QSet<QString> urlHosts;
    for (const PublicUrl &u : inv.publicUrls())
        urlHosts.insert(u.url.host());
    QSet<QString> seedHosts;
    for (const auto &m :
         QRegularExpression(QStringLiteral("`([a-z]+\\.example\\.com)`")).globalMatch(seed))
        seedHosts.insert(m.captured(1));
    QCOMPARE(seedHosts.size(), 7);
    QCOMPARE(urlHosts, seedHosts);

    QSet<QString> seedNs;
    for (const auto &m :
         QRegularExpression(QStringLiteral("\\| `([a-z]+)` \\| (\\w+) \\|")).globalMatch(seed)) {
        seedNs.insert(m.captured(1));
        bool found = false;
        for (const Namespace &ns : inv.namespaces)
            found = found || (ns.name == m.captured(1) && ns.host == m.captured(2));
        QVERIFY2(found, qPrintable(m.captured(0)));
    }
    QCOMPARE(seedNs.size(), 5);

    int dirs = 0;
    // The storage section draws each volume as "├── name/".
    const qsizetype storageAt = seed.indexOf(QStringLiteral("## Storage Architecture"));
    QVERIFY(storageAt > 0);
    const QString storage =
        seed.mid(storageAt, seed.indexOf(QStringLiteral("\n## "), storageAt + 1) - storageAt);
    for (const auto &m :
         QRegularExpression(QStringLiteral("\u2500\u2500 ([a-z-]+)/")).globalMatch(storage)) {
        ++dirs;
        const QString path = QStringLiteral("/srv/nfs/k8s/") + m.captured(1);
        bool found = false;
        for (const Workload &w : inv.workloads)
            found = found || w.volume == path;
        QVERIFY2(found, qPrintable(path));
    }
    QCOMPARE(dirs, 8);

    for (const char *host : {"pikachu", "metamon", "bracky", "pochama"}) {
        QVERIFY(seed.contains(QLatin1String(host)));
        QVERIFY(inv.host(QString::fromLatin1(host)));
    }
    for (const char *thing : {"Home Assistant", "PostgreSQL", "Redis", "Shlink", "Registry",
                              "Prometheus", "Grafana", "Loki", "Docmost"}) {
        bool found = false;
        for (const Workload &w : inv.workloads)
            found = found || w.displayName == QLatin1String(thing);
        QVERIFY2(found, thing);
    }
}

void TestInventory::minimalFileLoads()
{
    const InventoryLoadResult r =
        InventoryLoader::loadFile(fixturePath(QStringLiteral("inventory/good-minimal.yaml")));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.inventory->hosts.size(), 1);
    QCOMPARE(r.inventory->workloads.first().nodePort, 30080);
    QCOMPARE(r.inventory->hosts.first().sources.kubernetesNode, QStringLiteral("node1"));
    QVERIFY(!r.inventory->isBuiltIn);
}

void TestInventory::badInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown key") << "bad-unknown-key.yaml" << 10 << 5 << "hosts[0].colour"
                                 << "unknown key \"colour\"";
    QTest::newRow("wrong type") << "bad-wrong-type.yaml" << 10 << 36
                                << "hosts[0].resources.memoryGB"
                                << "expected a number of 0 or more, found \"six\"";
    QTest::newRow("duplicate host") << "bad-duplicate-host.yaml" << 11 << 11 << "hosts[1].name"
                                    << "duplicate host name \"node1\" (first defined on line 7)";
    QTest::newRow("workload on unknown host")
        << "bad-unknown-host.yaml" << 18 << 11 << "workloads[0].host"
        << "unknown host \"node9\"";
    QTest::newRow("NodePort out of range")
        << "bad-nodeport-range.yaml" << 19 << 15 << "workloads[0].nodePort"
        << "NodePort 8080 is outside the range Kubernetes allows (30000-32767)";
    QTest::newRow("public URL not https") << "bad-http-url.yaml" << 20 << 10 << "workloads[0].url"
                                          << "must use https://";
    QTest::newRow("not YAML") << "bad-syntax.yaml" << 9 << 9 << ""
                              << "not valid YAML";
}

void TestInventory::badInput()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QString path = fixturePath(QStringLiteral("inventory/") + file);
    const InventoryLoadResult r = InventoryLoader::loadFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    const LocatedError &e = r.errors.first();
    QCOMPARE(e.file, path);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QCOMPARE(e.field, field);
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    // The one-line form starts with file:line:column, as compilers print.
    QVERIFY(e.toString().startsWith(QStringLiteral("%1:%2:%3: ").arg(path).arg(line).arg(column)));
}

void TestInventory::everyErrorIsReported()
{
    const QByteArray yaml = "version: 1\n"
                            "sites: [{id: oci, label: OCI}]\n"
                            "hosts:\n"
                            "  - {name: a, site: oci, kind: k8s-worker}\n"
                            "  - {name: b, site: mars, kind: k8s-worker}\n"
                            "  - {name: c, site: oci, kind: toaster}\n"
                            "workloads:\n"
                            "  - {name: w, namespace: apps, host: a, nodePort: 99999}\n";
    const InventoryLoadResult r = InventoryLoader::parse(yaml, QStringLiteral("multi.yaml"));
    QVERIFY(!r.ok());
    QStringList fields;
    for (const LocatedError &e : r.errors)
        fields << e.field;
    QCOMPARE(fields, (QStringList{"hosts[1].site", "hosts[2].kind", "workloads[0].namespace",
                                  "workloads[0].nodePort"}));
    QCOMPARE(r.errors.at(0).line, 5);
    QCOMPARE(r.errors.at(3).line, 8);
}

void TestInventory::incompleteInventoryIsAnError_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("line");

    // A required section missing, or a section of another shape: each was an
    // uncaught yaml-cpp exception (an abort) before.
    QTest::newRow("no sites") << QByteArray("version: 1\nhosts:\n  - name: a\n") << "sites" << 1;
    QTest::newRow("no hosts") << QByteArray("version: 1\nsites: [{id: oci, label: OCI}]\n")
                              << "hosts" << 1;
    QTest::newRow("host is a list")
        << QByteArray("version: 1\nhosts:\n  - [1, 2]\n") << "hosts[0]" << 3;
    QTest::newRow("site is a list")
        << QByteArray("version: 1\nsites: [{id: oci, label: OCI}]\nhosts:\n"
                      "  - {name: b, kind: k8s-worker, site: [a]}\n")
        << "hosts[0].site" << 4;
    QTest::newRow("sections of other shapes")
        << QByteArray("version: 1\nworkloads:\n  - 3\nnfs: [1]\ncompose: 7\nnamespaces: {x: y}\n")
        << "workloads[0]" << 3;
    // A self-referencing alias is refused by the YAML reader, where the cycle is.
    QTest::newRow("self-referencing alias")
        << QByteArray("version: 1\nsites: &a [*a]\n") << "" << 2;
    QTest::newRow("only a key") << QByteArray("a: &a [*a]\n") << "" << 1;
}

void TestInventory::incompleteInventoryIsAnError()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, field);
    QFETCH(int, line);

    const InventoryLoadResult r = InventoryLoader::parse(yaml, QStringLiteral("lab.yaml"));
    QVERIFY(!r.ok());
    bool found = false;
    for (const LocatedError &e : r.errors) {
        QVERIFY2(e.line >= 1 && e.column >= 1, qPrintable(e.toString()));
        QVERIFY2(
            e.toString().startsWith(QStringLiteral("lab.yaml:%1:%2: ").arg(e.line).arg(e.column)),
            qPrintable(e.toString()));
        if (e.field == field && e.line == line)
            found = true;
    }
    QVERIFY2(found, qPrintable(r.errorText()));
}

void TestInventory::noEditOfTheDefaultAborts()
{
    // Every line of the built-in lab removed in turn, and the file cut after
    // every line: each gives errors or an inventory, never an exception.
    const QList<QByteArray> lines = InventoryLoader::builtInYaml().split('\n');
    int failed = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QList<QByteArray> without = lines;
        without.removeAt(i);
        const InventoryLoadResult cut =
            InventoryLoader::parse(without.join('\n'), QStringLiteral("cut.yaml"));
        const InventoryLoadResult prefix =
            InventoryLoader::parse(lines.mid(0, i).join('\n'), QStringLiteral("prefix.yaml"));
        for (const InventoryLoadResult *r : {&cut, &prefix}) {
            QCOMPARE(r->ok(), r->errors.isEmpty());
            failed += r->ok() ? 0 : 1;
            for (const LocatedError &e : r->errors)
                QVERIFY2(!e.message.isEmpty(), qPrintable(e.toString()));
        }
    }
    // Most cuts break the lab: the loop did reach the checks above.
    QVERIFY2(failed > lines.size() / 2, qPrintable(QString::number(failed)));
}

void TestInventory::ollamaThroughTunnel()
{
    const QByteArray head =
        "version: 1\n"
        "sites: [{id: home, label: Home}]\n"
        "hosts:\n"
        "  - {name: gpu-server, site: home, kind: gpu-server, ssh: {host: gpu}}\n"
        "  - {name: plain, site: home, kind: gpu-server}\n";
    InventoryLoadResult r = InventoryLoader::parse(
        head + "ollama: {url: \"http://localhost:11434\", tunnel: gpu-server}\n",
        QStringLiteral("t.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.inventory->ollamaTunnel, QStringLiteral("gpu-server"));
    QCOMPARE(r.inventory->ollamaUrl, QUrl(QStringLiteral("http://localhost:11434")));

    r = InventoryLoader::parse(head +
                                   "ollama: {url: \"http://localhost:11434\", tunnel: nowhere}\n",
                               QStringLiteral("t.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.first().field, QStringLiteral("ollama.tunnel"));
    QCOMPARE(r.errors.first().line, 6);
    QVERIFY2(r.errors.first().message.contains(QStringLiteral("unknown host \"nowhere\"")),
             qPrintable(r.errorText()));

    r = InventoryLoader::parse(head + "ollama: {url: \"http://localhost:11434\", tunnel: plain}\n",
                               QStringLiteral("t.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.first().field, QStringLiteral("ollama.tunnel"));
    QVERIFY2(r.errors.first().message.contains(QStringLiteral("no SSH endpoint")),
             qPrintable(r.errorText()));

    r = InventoryLoader::parse(head + "ollama: {tunnel: gpu-server}\n", QStringLiteral("t.yaml"));
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.first().message.contains(QStringLiteral("needs ollama.url")),
             qPrintable(r.errorText()));
}

void TestInventory::missingFile()
{
    const QString path = fixturePath(QStringLiteral("inventory/does-not-exist.yaml"));
    const InventoryLoadResult r = InventoryLoader::loadFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().file, path);
    QCOMPARE(r.errors.first().line, 0);
    QVERIFY(r.errors.first().message.contains(QStringLiteral("no such file")));
    QVERIFY(r.errors.first().toString().startsWith(path + QStringLiteral(": ")));
}

void TestInventory::emptyFile()
{
    const InventoryLoadResult r =
        InventoryLoader::loadFile(fixturePath(QStringLiteral("inventory/empty.yaml")));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().line, 1);
    QVERIFY(r.errors.first().message.contains(QStringLiteral("empty")));
}

void TestInventory::locatorPrefersCommandLineThenUserFile()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    QCOMPARE(InventoryLocator::userInventoryPath(),
             home.filePath(QStringLiteral("labdeck/lab.yaml")));
    QCOMPARE(InventoryLocator::choose(QString()).source, InventoryLocator::Source::BuiltIn);

    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral("labdeck"))));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("inventory/good-minimal.yaml")),
                        InventoryLocator::userInventoryPath()));
    const auto user = InventoryLocator::choose(QString());
    QCOMPARE(user.source, InventoryLocator::Source::UserConfig);
    QCOMPARE(user.path, InventoryLocator::userInventoryPath());

    const auto cli = InventoryLocator::choose(QStringLiteral("/tmp/other.yaml"));
    QCOMPARE(cli.source, InventoryLocator::Source::CommandLine);
    QCOMPARE(cli.path, QStringLiteral("/tmp/other.yaml"));
    qunsetenv("XDG_CONFIG_HOME");
}

void TestInventory::loadingNeverWritesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.yaml"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("inventory/bad-wrong-type.yaml")), path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    const QDateTime mtime = QFileInfo(path).lastModified();
    QVERIFY(!InventoryLoader::loadFile(path).ok());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(QFileInfo(path).lastModified(), mtime);
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
