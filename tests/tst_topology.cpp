// The topology scene holds every host, workload and link of the inventory,
// and one selection drives the scene, the Lab tree and the Details dock.

#include "detailspanel.h"
#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labselection.h"
#include "mainwindow.h"
#include "topology/topologyitems.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace labdeck;

class TestTopology : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("labdeck-test"));
        m_inventory = *InventoryLoader::loadBuiltIn().inventory;
    }

    void sceneHoldsEveryHostAndWorkload()
    {
        HostModel model;
        LabSelection selection;
        model.setInventory(m_inventory);
        TopologyScene scene(&model, &selection);

        for (const Host &h : m_inventory.hosts) {
            HostCardItem *card = scene.hostCard(h.name);
            QVERIFY2(card, qPrintable(h.name));
            QCOMPARE(card->health(), Health::Unknown);
            for (const Workload *w : m_inventory.workloadsOn(h.name)) {
                StatusItem *row = scene.itemForId(HostModel::workloadId(w->ns, w->name));
                QVERIFY2(row, qPrintable(w->name));
                QCOMPARE(row->parentItem(), card); // drawn inside its host's card
                QCOMPARE(row->health(), Health::Unknown);
            }
            for (const HostService &s : h.services)
                QCOMPARE(scene.itemForId(HostModel::serviceId(h.name, s.name))->parentItem(), card);
            for (const QString &c : h.components)
                QCOMPARE(scene.itemForId(HostModel::componentId(h.name, c))->parentItem(), card);
        }
        for (const ComposeService &s : m_inventory.compose.services)
            QCOMPARE(scene.itemForId(HostModel::composeId(s.name))->parentItem(),
                     scene.hostCard("pochama"));
        for (const PublicUrl &u : m_inventory.publicUrls())
            QVERIFY2(scene.itemForId(TopologyScene::urlId(u.url)), qPrintable(u.url.toString()));
    }

    void groupsAreTheSites()
    {
        HostModel model;
        LabSelection selection;
        model.setInventory(m_inventory);
        TopologyScene scene(&model, &selection);
        QCOMPARE(scene.groups().size(), 2);
        QCOMPARE(scene.groups().at(0)->title(), QStringLiteral("OCI VCN (10.0.0.0/16)"));
        QCOMPARE(scene.groups().at(1)->title(), QStringLiteral("Home"));
        // Frames are drawn at the scene origin, so their shapes are in scene
        // coordinates; the OCI frame is L-shaped and Home sits in its corner.
        const QPainterPath oci = scene.groups().at(0)->shape();
        const QPainterPath home = scene.groups().at(1)->shape();
        for (const char *h : {"pikachu", "metamon", "bracky", "pochama"})
            QVERIFY2(oci.contains(scene.hostCard(h)->sceneBoundingRect()), h);
        QVERIFY(home.contains(scene.hostCard("gpu-server")->sceneBoundingRect()));
        QVERIFY(!oci.intersects(home));
        QVERIFY(!oci.intersects(scene.internet()->sceneBoundingRect()));
        QVERIFY(!home.intersects(scene.internet()->sceneBoundingRect()));
        // Kubernetes nodes on top, pochama below them, as in the seed.
        QVERIFY(scene.hostCard("pochama")->y() >
                scene.hostCard("metamon")->sceneBoundingRect().bottom());
        QCOMPARE(scene.hostCard("pikachu")->y(), scene.hostCard("bracky")->y());
        // No two cards overlap.
        const QStringList names{"pikachu", "metamon", "bracky", "pochama", "gpu-server"};
        for (const QString &a : names)
            for (const QString &b : names)
                if (a != b)
                    QVERIFY(!scene.hostCard(a)->sceneBoundingRect().intersects(
                        scene.hostCard(b)->sceneBoundingRect()));
    }

    void linksCoverTheInventory()
    {
        HostModel model;
        LabSelection selection;
        model.setInventory(m_inventory);
        TopologyScene scene(&model, &selection);

        QStringList ingressTargets;
        QStringList nodePortTargets;
        QStringList meshHosts;
        QStringList nfsVolumes;
        for (const LinkItem *link : scene.links()) {
            switch (link->kind()) {
            case LinkKind::Ingress:
                QCOMPARE(link->from(), static_cast<QGraphicsItem *>(scene.internet()));
                QCOMPARE(link->to(), static_cast<QGraphicsItem *>(scene.hostCard("pochama")));
                for (const QString &t : link->targets()) {
                    if (t.startsWith(QLatin1String("https://")))
                        ingressTargets << t;
                }
                break;
            case LinkKind::NodePort:
                QCOMPARE(link->from(), static_cast<QGraphicsItem *>(scene.hostCard("pochama")));
                for (const QString &t : link->targets()) {
                    // The link ends on the card of the workload's host.
                    const auto *row = scene.itemForId(t);
                    QCOMPARE(row->parentItem(), link->to());
                }
                nodePortTargets << link->targets();
                break;
            case LinkKind::Tailscale:
                QCOMPARE(link->from(), static_cast<QGraphicsItem *>(scene.hostCard("pochama")));
                meshHosts << static_cast<HostCardItem *>(link->to())->id().mid(5);
                break;
            case LinkKind::Nfs:
                QCOMPARE(link->from(), static_cast<QGraphicsItem *>(scene.hostCard("pochama")));
                nfsVolumes << link->targets();
                break;
            }
        }
        ingressTargets.sort();
        QStringList urls;
        for (const PublicUrl &u : m_inventory.publicUrls())
            urls << u.url.toString();
        urls.sort();
        QCOMPARE(ingressTargets, urls);
        QCOMPARE(ingressTargets.size(), 7);

        nodePortTargets.sort();
        QCOMPARE(nodePortTargets,
                 (QStringList{"workload:apps/home-assistant", "workload:apps/shlink",
                              "workload:devops/docmost", "workload:monitoring/grafana",
                              "workload:registry/registry"}));
        meshHosts.sort();
        QCOMPARE(meshHosts, (QStringList{"bracky", "gpu-server", "metamon", "pikachu"}));
        QCOMPARE(nfsVolumes.size(), 8);
        for (const Workload &w : m_inventory.workloads) {
            if (!w.volume.isEmpty())
                QVERIFY2(nfsVolumes.contains(w.volume), qPrintable(w.volume));
        }
    }

    void healthChangesRepaintTheItem()
    {
        HostModel model;
        LabSelection selection;
        model.setInventory(m_inventory);
        TopologyScene scene(&model, &selection);
        model.setHealth(HostModel::hostId("bracky"), Health::Critical, QStringLiteral("NotReady"),
                        QDateTime::currentDateTimeUtc());
        QCOMPARE(scene.hostCard("bracky")->health(), Health::Critical);
        QVERIFY(scene.hostCard("bracky")->toolTip().contains(QStringLiteral("NotReady")));
        QCOMPARE(scene.hostCard("metamon")->health(), Health::Unknown);
    }

    void cardNotesFromEverySourceStayTogether()
    {
        HostModel model;
        LabSelection selection;
        model.setInventory(m_inventory);
        TopologyScene scene(&model, &selection);
        HostCardItem *card = scene.hostCard("bracky");
        card->setExtraNote(QStringLiteral("remote"), QStringLiteral("Tailscale online"));
        card->setExtraNote(QStringLiteral("checks"), QStringLiteral("checks \u00d7 2"), true);
        // The model's own note (from Kubernetes) joins them; none overwrites another.
        model.setHealth(HostModel::hostId("bracky"), Health::Warning, QStringLiteral("cordoned"),
                        QDateTime::currentDateTimeUtc(), QStringLiteral("cordoned"));
        QCOMPARE(card->note(),
                 QStringLiteral("cordoned \u00b7 checks \u00d7 2 \u00b7 Tailscale online"));
        card->setExtraNote(QStringLiteral("checks"), QString());
        QCOMPARE(card->note(), QStringLiteral("cordoned \u00b7 Tailscale online"));
        // Meters add to the model's tooltip rather than replace it.
        HostCardItem::Meters meters;
        meters.cpuPercent = 40;
        meters.tooltip = QStringLiteral("CPU 40%");
        card->setMeters(meters);
        QVERIFY(card->toolTip().contains(QStringLiteral("cordoned")));
        QVERIFY(card->toolTip().endsWith(QStringLiteral("CPU 40%")));
    }

    void oneSelectionEverywhere()
    {
        QSettings().clear();
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(window.loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Scene -> selection -> tree and details.
        TopologyScene *scene = window.topologyScene();
        scene->itemForId(HostModel::workloadId("apps", "shlink"))->setSelected(true);
        QCOMPARE(selection.current(), QStringLiteral("workload:apps/shlink"));
        QCOMPARE(window.labTree()->currentIndex().data(HostModel::IdRole).toString(),
                 QStringLiteral("workload:apps/shlink"));
        QVERIFY(window.detailsPanel()->html().contains(QStringLiteral("Shlink")));
        QVERIFY(window.detailsPanel()->html().contains(QStringLiteral("30080")));

        // Tree -> selection -> scene.
        const QModelIndex metamon = window.labTree()->model()->index(1, 0);
        window.labTree()->setCurrentIndex(metamon);
        QCOMPARE(selection.current(), QStringLiteral("host:metamon"));
        QVERIFY(scene->hostCard("metamon")->isSelected());
        QVERIFY(!scene->itemForId(HostModel::workloadId("apps", "shlink"))->isSelected());
        QVERIFY(window.detailsPanel()->html().contains(QStringLiteral("role=devops")));

        // Keyboard in the topology: Right moves to bracky, Esc clears.
        window.topologyView()->setFocus();
        QTest::keyClick(window.topologyView(), Qt::Key_Right);
        QCOMPARE(selection.current(), QStringLiteral("host:bracky"));
        QTest::keyClick(window.topologyView(), Qt::Key_Down);
        QVERIFY(selection.current().startsWith(QStringLiteral("workload:")));
        QCOMPARE(scene->itemForId(selection.current())->parentItem(), scene->hostCard("bracky"));
        QTest::keyClick(window.topologyView(), Qt::Key_Escape);
        QVERIFY(selection.current().isEmpty());
        QVERIFY(scene->selectedItems().isEmpty());
    }

    void zoomAndFit()
    {
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(window.loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TopologyView *view = window.topologyView();
        view->fitToWindow();
        const qreal fitted = view->zoom();
        QVERIFY(fitted > 0.15 && fitted <= 1.0);
        // Fitted: the whole scene is visible.
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(window.topologyScene()->sceneRect()));
        view->zoomIn();
        QVERIFY(view->zoom() > fitted * 1.1);
        view->zoomOut();
        view->zoomOut();
        QVERIFY(view->zoom() < fitted);
        for (int i = 0; i < 40; ++i)
            view->zoomOut();
        QVERIFY(view->zoom() >= 0.15 - 1e-9);
    }

    void badInventoryKeepsTheLastGoodLab()
    {
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.useDefaultLayout();
        QVERIFY(window.loadInventory({InventoryLocator::Source::BuiltIn, {}}));
        QVERIFY(window.errorText().isEmpty());
        const QString bad =
            QStringLiteral(LABDECK_TEST_FIXTURES "/inventory/bad-nodeport-range.yaml");
        QVERIFY(!window.loadInventory({InventoryLocator::Source::CommandLine, bad}));
        QVERIFY(window.errorText().contains(QStringLiteral("bad-nodeport-range.yaml:19:15")));
        QVERIFY(window.errorText().contains(QStringLiteral("workloads[0].nodePort")));
        QCOMPARE(model.rowCount(), 5); // the seed's lab is still shown
        QVERIFY(window.topologyScene()->hostCard("pikachu"));
    }

    void dockLayoutPersists()
    {
        QSettings().clear();
        {
            HostModel model;
            LabSelection selection;
            MainWindow window(&model, &selection);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QDockWidget *>(QStringLiteral("DetailsDock"))->hide();
            window.close();
        }
        HostModel model;
        LabSelection selection;
        MainWindow window(&model, &selection);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("DetailsDock"))->isHidden());
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("LabDock"))->isHidden());
        QSettings().clear();
    }

private:
    Inventory m_inventory;
};

QTEST_MAIN(TestTopology)
#include "tst_topology.moc"
