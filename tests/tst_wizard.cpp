// The New Service wizard, the Apply Folder dialog and the conflict dialog,
// driven as a user would against the demo lab: invalid input rejected on the
// page where it was typed, with the reason; the review with YAML and the dry
// run's diff; apply and rollout; the conflict flow with an explicit Force;
// an existing file never replaced without showing the diff and asking.
#include "demolab/kubesimulator.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "kube/kubeactions.h"
#include "kube/kubeclient.h"
#include "labselection.h"
#include "mainwindow.h"
#include "support/fixtures.h"
#include "support/simharness.h"
#include "support/specbuilders.h"
#include "wizards/applyfolderdialog.h"
#include "wizards/conflictdialog.h"
#include "wizards/createmenu.h"
#include "wizards/servicewizard.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

using namespace labdeck;
using namespace std::chrono_literals;
using labdeck::test::builtInLab;
using labdeck::test::readFile;

namespace {

QStringList childTexts(QTreeWidgetItem *parent, int column)
{
    QStringList out;
    for (int i = 0; parent && i < parent->childCount(); ++i)
        out << parent->child(i)->text(column);
    return out;
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void invalidInputOnItsPage();
    void warningsDoNotBlock();
    void applyAndRollout();
    void backAndForthDuringDryRun();
    void liveNodePortCollision();
    void conflictNeedsExplicitForce();
    void existingFileNeverClobbered();
    void applyFolder();
    void publicUrlIntoInventory();
    void conflictDialogLists();
    void createMenu();

private:
    void fill(ServiceWizard &w, const QString &name);
    kube::KubeResponse send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                            const QByteArray &body, const QByteArray &type);

    QTemporaryDir m_dir;
    std::unique_ptr<labdeck::test::SimHarness> m_harness;
    demolab::KubeSimulator *m_sim = nullptr;
    std::unique_ptr<kube::StaticAuthenticator> m_auth;
    std::unique_ptr<kube::KubeClient> m_client;
    std::unique_ptr<kube::KubeActions> m_actions;
};

void TestWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The manifests-folder setting goes to a throwaway config home.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
    m_harness = std::make_unique<labdeck::test::SimHarness>(builtInLab());
    m_sim = m_harness->sim();
    m_harness->onSim([this] { m_sim->setReadyDelay(50ms); });
    QVERIFY(m_harness->listen());
    m_auth = std::make_unique<kube::StaticAuthenticator>(m_sim->bearerToken(),
                                                         QSslConfiguration::defaultConfiguration());
    m_auth->allowPlainHttpOnLoopback();
    m_client = std::make_unique<kube::KubeClient>(m_sim->url(), m_auth.get());
    m_actions = std::make_unique<kube::KubeActions>(m_client.get());
    m_actions->setPollInterval(100ms);
    m_actions->setRolloutTimeout(20s);
}

void TestWizard::cleanupTestCase()
{
    m_actions.reset();
    m_client.reset();
    m_sim = nullptr;
    m_harness.reset();
}

kube::KubeResponse TestWizard::send(const QByteArray &method, const QString &path,
                                    const QUrlQuery &query, const QByteArray &body,
                                    const QByteArray &type)
{
    kube::KubeCall *call = method == "GET" ? m_client->get(path, query)
                                           : m_client->send(method, path, query, body, type);
    kube::KubeResponse response;
    QSignalSpy done(call, &kube::KubeCall::finished);
    connect(call, &kube::KubeCall::finished, this,
            [&response](const kube::KubeResponse &r) { response = r; });
    done.wait(20000);
    return response;
}

void TestWizard::fill(ServiceWizard &w, const QString &name)
{
    w.folderEdit()->setText(m_dir.filePath(QStringLiteral("manifests")));
    QTest::keyClicks(w.nameEdit(), name);
    w.devopsButton()->setChecked(true);
    w.portSpin()->setValue(3000);
    w.nodePortSpin()->setValue(30420);
    w.addEnv(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"), false);
    w.addEnv(QStringLiteral("API_TOKEN"), QStringLiteral("t0ken-v4lue"), true);
    w.storageBox()->setChecked(true);
}

void TestWizard::invalidInputOnItsPage()
{
    ServiceWizard w(builtInLab(), nullptr, nullptr);
    SpecPage *basics = w.specPage(ServiceWizard::BasicsPage);
    SpecPage *network = w.specPage(ServiceWizard::NetworkPage);
    SpecPage *env = w.specPage(ServiceWizard::EnvPage);
    w.show();
    QVERIFY(!basics->isComplete()); // no name yet
    QVERIFY(basics->message(QStringLiteral("name")).contains(QStringLiteral("is required")));

    // Checked as it is typed, key by key.
    QTest::keyClicks(w.nameEdit(), QStringLiteral("My"));
    QVERIFY2(basics->message(QStringLiteral("name")).contains(QStringLiteral("lowercase letters")),
             qPrintable(basics->message(QStringLiteral("name"))));
    QVERIFY(!basics->isComplete());
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    w.nameEdit()->clear();
    QTest::keyClicks(w.nameEdit(), QStringLiteral("my-app-"));
    QVERIFY(basics->message(QStringLiteral("name")).contains(QStringLiteral("start and end")));
    QTest::keyClicks(w.nameEdit(), QStringLiteral("x"));
    QCOMPARE(basics->message(QStringLiteral("name")), QString());
    QVERIFY(basics->isComplete());
    QVERIFY(w.button(QWizard::NextButton)->isEnabled());
    // The image follows the name in the lab's registry.
    QCOMPARE(w.imageEdit()->text(), QStringLiteral("registry.example.com/my-app-x"));

    // A namespace that does not exist: on the first page, with what to do.
    w.namespaceBox()->setCurrentText(QStringLiteral("nowhere"));
    QVERIFY(basics->message(QStringLiteral("namespace"))
                .contains(QStringLiteral("choose \"new namespace\"")));
    QVERIFY(!basics->isComplete());
    w.newNamespaceBox()->setChecked(true);
    QVERIFY(basics->isComplete());

    // A NodePort in use: on the network page, naming who has it; the first page stays fine.
    w.nodePortSpin()->setValue(30300);
    QVERIFY2(network->message(QStringLiteral("nodePort"))
                 .contains(QStringLiteral("monitoring/grafana (inventory)")),
             qPrintable(network->message(QStringLiteral("nodePort"))));
    QVERIFY(!network->isComplete());
    QVERIFY(basics->isComplete());
    w.nodePortSpin()->setValue(100);
    QVERIFY(network->message(QStringLiteral("nodePort")).contains(QStringLiteral("30000–32767")));
    w.nodePortSpin()->setValue(30301 + 100);
    QVERIFY(network->isComplete());

    // An environment name: on the environment page.
    w.addEnv(QStringLiteral("9LIVES"), QStringLiteral("x"), false);
    QVERIFY(
        env->message(QStringLiteral("env")).contains(QStringLiteral("not starting with a digit")));
    QVERIFY(!env->isComplete());
    w.envTable()->item(0, 0)->setText(QStringLiteral("LIVES"));
    QVERIFY(env->isComplete());
}

void TestWizard::warningsDoNotBlock()
{
    ServiceWizard w(builtInLab(), nullptr, nullptr);
    QTest::keyClicks(w.nameEdit(), QStringLiteral("big"));
    w.replicasSpin()->setValue(3);
    w.memoryRequestEdit()->setText(QStringLiteral("2500Mi"));
    w.memoryLimitEdit()->setText(QStringLiteral("2500Mi"));
    SpecPage *resources = w.specPage(ServiceWizard::ResourcesPage);
    QVERIFY2(resources->message(QStringLiteral("memoryRequest"))
                 .startsWith(QStringLiteral("⚠ bracky would have")),
             qPrintable(resources->message(QStringLiteral("memoryRequest"))));
    QVERIFY(resources->isComplete());
    w.memoryLimitEdit()->setText(QStringLiteral("1Gi"));
    QVERIFY(resources->message(QStringLiteral("memoryLimit")).startsWith(QStringLiteral("✗ ")));
    QVERIFY(!resources->isComplete());
}

void TestWizard::applyAndRollout()
{
    ServiceWizard w(builtInLab(), m_client.get(), m_actions.get());
    int asked = 0;
    w.setPrompts({[&asked](const QString &, const QString &, const QString &, const QString &) {
                      ++asked;
                      return false;
                  },
                  {}});
    w.show();
    fill(w, QStringLiteral("tracker"));
    QCOMPARE(w.currentId(), int(ServiceWizard::BasicsPage));
    QSignalSpy dry(&w, &ServiceWizard::dryRunFinished);
    for (int i = 0; i < 5; ++i) {
        QVERIFY2(w.currentPage()->isComplete(), qPrintable(QString::number(w.currentId())));
        w.next();
    }
    QCOMPARE(w.currentId(), int(ServiceWizard::ReviewPage));
    QVERIFY(dry.count() == 1 || dry.wait(20000));
    QTreeWidgetItem *files = w.reviewList()->topLevelItem(0);
    QTreeWidgetItem *objects = w.reviewList()->topLevelItem(1);
    QCOMPARE(childTexts(files, 0), (QStringList{QStringLiteral("base/storage-tracker.yaml"),
                                                QStringLiteral("devops/tracker.yaml")}));
    QCOMPARE(childTexts(files, 1),
             (QStringList{QStringLiteral("new file"), QStringLiteral("new file")}));
    QCOMPARE(childTexts(objects, 0),
             (QStringList{QStringLiteral("PersistentVolume tracker-pv"),
                          QStringLiteral("PersistentVolumeClaim devops/tracker-data"),
                          QStringLiteral("Secret devops/tracker-secrets"),
                          QStringLiteral("Deployment devops/tracker"),
                          QStringLiteral("Service devops/tracker")}));
    for (const QString &result : childTexts(objects, 1))
        QVERIFY2(result.startsWith(QStringLiteral("would be created")), qPrintable(result));
    QVERIFY(w.yamlView()->toPlainText().contains(
        QStringLiteral("nodeSelector:\n        role: devops")));
    QVERIFY(w.diffView()->toPlainText().contains(QStringLiteral("+++ dry run")));
    QVERIFY(!w.yamlView()->toPlainText().contains(QStringLiteral("t0ken-v4lue")));
    QVERIFY(!w.diffView()->toPlainText().contains(QStringLiteral("t0ken-v4lue")));
    QVERIFY(w.statusLabel()->text().startsWith(QStringLiteral("Dry run: 5 would be created")));
    QCOMPARE(send("GET", QStringLiteral("/apis/apps/v1/namespaces/devops/deployments/tracker"), {},
                  {}, {})
                 .httpStatus,
             404);

    QSignalSpy applied(&w, &ServiceWizard::applyFinished);
    QVERIFY(w.applyButton()->isEnabled());
    QTest::mouseClick(w.applyButton(), Qt::LeftButton);
    QVERIFY(applied.count() == 1 || applied.wait(30000));
    QCOMPARE(applied.first().first().toBool(), true);
    QCOMPARE(asked, 0);                   // new files: nothing to ask
    QVERIFY(w.progressBar()->isHidden()); // shown while the rollout ran
    QVERIFY2(w.statusLabel()->text().startsWith(
                 QStringLiteral("Ready: 1 of 1 replicas updated and ready")),
             qPrintable(w.statusLabel()->text()));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("manifests/devops/tracker.yaml"))));
    // The secret value is in the cluster only.
    QDirIterator it(m_dir.filePath(QStringLiteral("manifests")), QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        QVERIFY(!readFile(it.next()).contains("t0ken-v4lue"));
    const kube::KubeResponse secret = send(
        "GET", QStringLiteral("/api/v1/namespaces/devops/secrets/tracker-secrets"), {}, {}, {});
    QCOMPARE(QByteArray::fromBase64(secret.json[QStringLiteral("data")]
                                        .toObject()[QStringLiteral("API_TOKEN")]
                                        .toString()
                                        .toLatin1()),
             QByteArray("t0ken-v4lue"));
}

void TestWizard::backAndForthDuringDryRun()
{
    ServiceWizard w(builtInLab(), m_client.get(), m_actions.get());
    fill(w, QStringLiteral("quick"));
    w.nodePortSpin()->setValue(30421);
    w.show();
    for (int i = 0; i < 5; ++i)
        w.next();
    QCOMPARE(w.currentId(), int(ServiceWizard::ReviewPage));
    // Back before the dry run ended, change the replicas, and review again.
    w.back();
    w.back();
    w.back();
    w.back();
    w.replicasSpin()->setValue(2);
    QSignalSpy dry(&w, &ServiceWizard::dryRunFinished);
    for (int i = 0; i < 4; ++i)
        w.next();
    QCOMPARE(w.currentId(), int(ServiceWizard::ReviewPage));
    QVERIFY(dry.wait(20000));
    QCOMPARE(dry.size(), 1); // only the current run reports
    for (const QString &result : childTexts(w.reviewList()->topLevelItem(1), 1))
        QVERIFY2(result.startsWith(QStringLiteral("would be created")), qPrintable(result));
    QVERIFY(w.yamlView()->toPlainText().contains(QStringLiteral("replicas: 2")));
}

void TestWizard::liveNodePortCollision()
{
    // 30420 is not in the inventory; the cluster has it since applyAndRollout.
    ServiceWizard w(builtInLab(), m_client.get(), m_actions.get());
    QTest::keyClicks(w.nameEdit(), QStringLiteral("other"));
    w.nodePortSpin()->setValue(30420);
    SpecPage *network = w.specPage(ServiceWizard::NetworkPage);
    QTRY_VERIFY_WITH_TIMEOUT(network->message(QStringLiteral("nodePort"))
                                 .contains(QStringLiteral("devops/tracker (cluster)")),
                             10000);
    QVERIFY(!network->isComplete());
}

void TestWizard::conflictNeedsExplicitForce()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("kubectl"));
    QVERIFY(send("PATCH", QStringLiteral("/apis/apps/v1/namespaces/devops/deployments/tracker"), q,
                 R"({"spec":{"replicas":4}})", "application/merge-patch+json")
                .ok());
    ServiceWizard w(builtInLab(), m_client.get(), m_actions.get());
    QList<QList<QPair<QString, kube::ApplyConflict>>> shown;
    bool answer = false;
    w.setPrompts({{}, [&](const QList<QPair<QString, kube::ApplyConflict>> &conflicts) {
                      shown << conflicts;
                      return answer;
                  }});
    fill(w, QStringLiteral("tracker"));
    QSignalSpy dry(&w, &ServiceWizard::dryRunFinished);
    w.show();
    for (int i = 0; i < 5; ++i)
        w.next();
    QVERIFY(dry.count() == 1 || dry.wait(20000));
    QTreeWidgetItem *objects = w.reviewList()->topLevelItem(1);
    QCOMPARE(objects->child(3)->text(1), QStringLiteral("conflict: .spec.replicas (kubectl)"));
    QCOMPARE(childTexts(w.reviewList()->topLevelItem(0), 1),
             (QStringList{QStringLiteral("unchanged"), QStringLiteral("unchanged")}));

    // Declined: the field stays the other manager's.
    QSignalSpy applied(&w, &ServiceWizard::applyFinished);
    QTest::mouseClick(w.applyButton(), Qt::LeftButton);
    QVERIFY(applied.count() == 1 || applied.wait(20000));
    QCOMPARE(applied.takeFirst().first().toBool(), false);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().size(), 1);
    QCOMPARE(shown.first().first().first, QStringLiteral("Deployment devops/tracker"));
    QCOMPARE(shown.first().first().second.field, QStringLiteral(".spec.replicas"));
    QCOMPARE(shown.first().first().second.manager, QStringLiteral("kubectl"));
    QCOMPARE(send("GET", QStringLiteral("/apis/apps/v1/namespaces/devops/deployments/tracker"), {},
                  {}, {})
                 .json[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("replicas")]
                 .toInt(),
             4);

    // Forced: taken over, then the rollout.
    answer = true;
    QVERIFY(w.applyButton()->isEnabled());
    QTest::mouseClick(w.applyButton(), Qt::LeftButton);
    QVERIFY(applied.count() == 1 || applied.wait(30000));
    QCOMPARE(applied.takeFirst().first().toBool(), true);
    QCOMPARE(shown.size(), 2);
    QCOMPARE(send("GET", QStringLiteral("/apis/apps/v1/namespaces/devops/deployments/tracker"), {},
                  {}, {})
                 .json[QStringLiteral("spec")]
                 .toObject()[QStringLiteral("replicas")]
                 .toInt(),
             1);
}

void TestWizard::existingFileNeverClobbered()
{
    const QString folder = m_dir.filePath(QStringLiteral("own"));
    QDir().mkpath(folder + QStringLiteral("/apps"));
    const QString path = folder + QStringLiteral("/apps/hello.yaml");
    const QByteArray mine =
        "# my own hello, hand-written\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(mine);
    }
    ServiceWizard w(builtInLab(), nullptr, nullptr);
    QStringList details;
    bool answer = false;
    w.setPrompts(
        {[&](const QString &, const QString &, const QString &detail, const QString &button) {
             details << detail;
             return answer && button == QLatin1String("Replace File");
         },
         {}});
    w.folderEdit()->setText(folder);
    QTest::keyClicks(w.nameEdit(), QStringLiteral("hello"));
    w.show();
    for (int i = 0; i < 5; ++i)
        w.next();
    QCOMPARE(w.currentId(), int(ServiceWizard::ReviewPage));
    QCOMPARE(w.reviewList()->topLevelItem(0)->child(0)->text(1),
             QStringLiteral("exists and differs: you are asked before it is replaced"));
    QVERIFY(w.diffView()->toPlainText().contains(QStringLiteral("-# my own hello, hand-written")));
    QCOMPARE(w.applyButton()->text(), QStringLiteral("&Write Files"));
    QSignalSpy applied(&w, &ServiceWizard::applyFinished);
    QTest::mouseClick(w.applyButton(), Qt::LeftButton);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.takeFirst().first().toBool(), false);
    QCOMPARE(details.size(), 1);
    QVERIFY(details.first().contains(QStringLiteral("--- a/apps/hello.yaml")));
    QCOMPARE(readFile(path), mine);
    QVERIFY(w.statusLabel()->text().contains(QStringLiteral("apps/hello.yaml was kept")));

    answer = true;
    QTest::mouseClick(w.applyButton(), Qt::LeftButton);
    QCOMPARE(applied.takeFirst().first().toBool(), true);
    QVERIFY(readFile(path).contains("kind: Deployment"));
}

void TestWizard::applyFolder()
{
    const QString folder = m_dir.filePath(QStringLiteral("manifests"));
    ApplyFolderDialog dialog(folder, m_client.get(), m_actions.get());
    bool asked = false;
    dialog.setPrompts(
        {[&asked](const QString &, const QString &text, const QString &, const QString &) {
             asked = text.contains(QStringLiteral("Apply 4 object(s) from"));
             return true;
         },
         {}});
    QSignalSpy dry(&dialog, &ApplyFolderDialog::dryRunFinished);
    dialog.show();
    QVERIFY(dry.count() == 1 || dry.wait(20000));
    QStringList where;
    QStringList results;
    for (int i = 0; i < dialog.list()->topLevelItemCount(); ++i) {
        where << dialog.list()->topLevelItem(i)->text(0);
        results << dialog.list()->topLevelItem(i)->text(2);
    }
    QCOMPARE(where, (QStringList{QStringLiteral("base/storage-tracker.yaml:1"),
                                 QStringLiteral("base/storage-tracker.yaml:21"),
                                 QStringLiteral("devops/tracker.yaml:1"),
                                 QStringLiteral("devops/tracker.yaml:51")}));
    QVERIFY2(dialog.status()->text().startsWith(
                 QStringLiteral("Dry run: 0 created, 0 changed, 4 unchanged")),
             qPrintable(dialog.status()->text() + results.join(QLatin1Char('|'))));
    QVERIFY(dialog.applyButton()->isEnabled());
    QSignalSpy applied(&dialog, &ApplyFolderDialog::applyFinished);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QVERIFY(applied.count() == 1 || applied.wait(20000));
    QCOMPARE(applied.first().first().toBool(), true);
    QVERIFY(dialog.status()->text().startsWith(
        QStringLiteral("Applied: 0 created, 0 changed, 4 unchanged")));
    QVERIFY(asked); // confirmed first, naming the count and the folder
}

void TestWizard::publicUrlIntoInventory()
{
    // The user's own inventory (a copy of the seed's lab in a file).
    const QString inventoryPath = m_dir.filePath(QStringLiteral("lab.yaml"));
    {
        QFile f(inventoryPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(InventoryLoader::builtInYaml());
    }
    const InventoryLoadResult own = InventoryLoader::loadFile(inventoryPath);
    QVERIFY(own.ok());
    QVERIFY(!own.inventory->isBuiltIn);
    ServiceWizard w(*own.inventory, nullptr, nullptr);
    QStringList asked;
    QString diff;
    w.setPrompts(
        {[&](const QString &title, const QString &, const QString &details, const QString &) {
             asked << title;
             diff = details;
             return true;
         },
         {}});
    w.folderEdit()->setText(m_dir.filePath(QStringLiteral("public")));
    QTest::keyClicks(w.nameEdit(), QStringLiteral("shop"));
    w.nodePortSpin()->setValue(30430);
    w.publicHostEdit()->setText(QStringLiteral("shop.example.com"));
    w.show();
    for (int i = 0; i < 5; ++i)
        w.next();
    QCOMPARE(w.currentId(), int(ServiceWizard::ReviewPage));
    QCOMPARE(childTexts(w.reviewList()->topLevelItem(0), 0),
             (QStringList{QStringLiteral("apps/shop.yaml"), QStringLiteral("traefik/shop.yaml")}));
    QTest::mouseClick(w.applyButton(), Qt::LeftButton);
    QCOMPARE(asked, QStringList{QStringLiteral("Add URL to Inventory")});
    QVERIFY2(diff.contains(
                 QStringLiteral("+  - {name: shop, namespace: apps, kind: Deployment, host: "
                                "bracky, nodePort: 30430, url: \"https://shop.example.com\"}")),
             qPrintable(diff));
    QVERIFY(readFile(m_dir.filePath(QStringLiteral("public/traefik/shop.yaml")))
                .contains("certResolver: letsencrypt"));
    QCOMPARE(readFile(inventoryPath + QStringLiteral(".bak")), InventoryLoader::builtInYaml());
    const InventoryLoadResult after = InventoryLoader::loadFile(inventoryPath);
    QVERIFY2(after.ok(), qPrintable(after.errorText()));
    bool found = false;
    for (const PublicUrl &u : after.inventory->publicUrls())
        found = found || u.url == QUrl(QStringLiteral("https://shop.example.com"));
    QVERIFY(found);

    // The built-in lab is never edited: the user is told to make their own first.
    ServiceWizard builtIn(builtInLab(), nullptr, nullptr);
    builtIn.setPrompts(
        {[&](const QString &title, const QString &, const QString &, const QString &) {
             asked << title;
             return true;
         },
         {}});
    builtIn.folderEdit()->setText(m_dir.filePath(QStringLiteral("public2")));
    QTest::keyClicks(builtIn.nameEdit(), QStringLiteral("shop"));
    builtIn.nodePortSpin()->setValue(30430);
    builtIn.publicHostEdit()->setText(QStringLiteral("shop.example.com"));
    builtIn.show();
    for (int i = 0; i < 5; ++i)
        builtIn.next();
    QTest::mouseClick(builtIn.applyButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(
        builtIn.statusLabel()->text().contains(QStringLiteral("Create your own inventory first")),
        qPrintable(builtIn.statusLabel()->text()));
}

void TestWizard::conflictDialogLists()
{
    ConflictDialog dialog({{QStringLiteral("Deployment apps/x"),
                            {QStringLiteral(".spec.replicas"), QStringLiteral("kubectl"),
                             QStringLiteral("conflict with \"kubectl\" using apps/v1")}}});
    QCOMPARE(dialog.list()->topLevelItemCount(), 1);
    QCOMPARE(dialog.list()->topLevelItem(0)->text(1), QStringLiteral(".spec.replicas"));
    QCOMPARE(dialog.list()->topLevelItem(0)->text(2), QStringLiteral("kubectl"));
    QCOMPARE(dialog.forceButton()->text(), QStringLiteral("&Force Apply"));
    QVERIFY(!dialog.forceButton()->isDefault());

    // Opened without a nested event loop; the choice comes back through the callback.
    QWidget parent;
    parent.show();
    std::optional<bool> choice;
    ConflictDialog::ask({{QStringLiteral("Deployment apps/x"),
                          {QStringLiteral(".spec.replicas"), QStringLiteral("kubectl"), {}}}},
                        &parent, [&choice](bool force) { choice = force; });
    auto *opened = parent.findChild<ConflictDialog *>();
    QVERIFY(opened);
    QVERIFY(opened->isVisible());
    QVERIFY(!choice);
    QTest::keyClick(opened, Qt::Key_Escape);
    QCOMPARE(choice, std::optional<bool>(false));
    choice.reset();
    ConflictDialog::ask({{QStringLiteral("Deployment apps/x"),
                          {QStringLiteral(".spec.replicas"), QStringLiteral("kubectl"), {}}}},
                        &parent, [&choice](bool force) { choice = force; });
    QTRY_VERIFY(parent.findChild<ConflictDialog *>() &&
                parent.findChild<ConflictDialog *>()->isVisible());
    QTest::mouseClick(parent.findChild<ConflictDialog *>()->forceButton(), Qt::LeftButton);
    QCOMPARE(choice, std::optional<bool>(true));
}

void TestWizard::createMenu()
{
    HostModel model;
    LabSelection selection;
    MainWindow window(&model, &selection);
    CreateMenu menu(
        &window, [] { return builtInLab(); }, [] { return CreateMenu::Session{}; });
    QCOMPARE(menu.newServiceAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCOMPARE(menu.applyFolderAction()->text(), QStringLiteral("&Apply Folder…"));
    menu.newService();
    auto *wizard = window.findChild<ServiceWizard *>();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    wizard->close();
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
