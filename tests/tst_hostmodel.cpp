// HostModel: the lab tree, checked by QAbstractItemModelTester for the whole
// test, and health changes that touch one row only.

#include "hostmodel.h"
#include "inventory/inventoryloader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace labdeck;

class TestHostModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One model and one tester for the whole test: every reset, health
    // change and reload below is checked by the tester as it happens.
    void initTestCase()
    {
        m_model = std::make_unique<HostModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void init() { m_model->setInventory(*InventoryLoader::loadBuiltIn().inventory); }
    void cleanupTestCase()
    {
        m_tester.reset();
        m_model.reset();
    }

    void hostsAndChildren()
    {
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->columnCount(), int(HostModel::ColumnCount));
        QStringList hosts;
        for (int r = 0; r < m_model->rowCount(); ++r)
            hosts << m_model->index(r, 0).data(HostModel::IdRole).toString();
        QCOMPARE(hosts, (QStringList{"host:pikachu", "host:metamon", "host:bracky", "host:pochama",
                                     "host:gpu-server"}));
        // pikachu: 4 components; metamon: 5 workloads; bracky: 5; pochama: 4
        // compose services; GPU server: 3 services.
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 4);
        QCOMPARE(m_model->rowCount(m_model->index(1, 0)), 5);
        QCOMPARE(m_model->rowCount(m_model->index(2, 0)), 5);
        QCOMPARE(m_model->rowCount(m_model->index(3, 0)), 4);
        QCOMPARE(m_model->rowCount(m_model->index(4, 0)), 3);
        // Children have no children, and other columns have none either.
        const QModelIndex grafana =
            m_model->indexForId(HostModel::workloadId("monitoring", "grafana"));
        QVERIFY(grafana.isValid());
        QCOMPARE(m_model->rowCount(grafana), 0);
        QCOMPARE(m_model->rowCount(m_model->index(1, 1)), 0);
        QCOMPARE(grafana.parent(), m_model->index(1, 0));
    }

    void dataOfAWorkload()
    {
        const QModelIndex grafana =
            m_model->indexForId(HostModel::workloadId("monitoring", "grafana"));
        QCOMPARE(grafana.data().toString(), QStringLiteral("Grafana"));
        QCOMPARE(grafana.data(HostModel::ItemTypeRole).toInt(), int(HostModel::ItemType::Workload));
        QCOMPARE(grafana.data(HostModel::HostNameRole).toString(), QStringLiteral("metamon"));
        QCOMPARE(grafana.data(HostModel::NodePortRole).toInt(), 30300);
        QCOMPARE(grafana.data(HostModel::UrlRole).toUrl(),
                 QUrl(QStringLiteral("https://grafana.example.com")));
        QCOMPARE(m_model->index(grafana.row(), HostModel::EndpointColumn, grafana.parent())
                     .data()
                     .toString(),
                 QStringLiteral(":30300 grafana.example.com"));
        QCOMPARE(m_model->index(grafana.row(), HostModel::KindColumn, grafana.parent())
                     .data()
                     .toString(),
                 QStringLiteral("Deployment in monitoring"));
        const QString tip = grafana.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("NFS volume /srv/nfs/k8s/grafana on pochama")));

        const QModelIndex pikachu = m_model->indexForId(HostModel::hostId("pikachu"));
        QCOMPARE(m_model->index(pikachu.row(), HostModel::EndpointColumn).data().toString(),
                 QStringLiteral("1 OCPU / 6 GB / 50 GB"));
        QCOMPARE(m_model->index(pikachu.row(), HostModel::KindColumn).data().toString(),
                 QStringLiteral("Control Plane"));
    }

    void everythingStartsUnknown()
    {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex host = m_model->index(r, 0);
            QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Unknown));
            QVERIFY(!host.data(HostModel::UpdatedRole).toDateTime().isValid());
            for (int c = 0; c < m_model->rowCount(host); ++c) {
                const QModelIndex child = m_model->index(c, HostModel::HealthColumn, host);
                QCOMPARE(child.data(HostModel::HealthRole).toInt(), int(Health::Unknown));
                QVERIFY(child.data().toString().contains(QStringLiteral("unknown")));
            }
        }
    }

    void setHealthChangesOneRow()
    {
        QSignalSpy changed(m_model.get(), &HostModel::dataChanged);
        QSignalSpy reset(m_model.get(), &HostModel::modelReset);
        const QString id = HostModel::workloadId("apps", "shlink");
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QVERIFY(m_model->setHealth(id, Health::Warning, QStringLiteral("1 of 2 pods ready"), at));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 2); // the row, then its host (whose roll-up it is part of)
        const QModelIndex idx = m_model->indexForId(id);
        const QModelIndex topLeft = changed.first().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), idx.row());
        QCOMPARE(bottomRight.row(), idx.row());
        QCOMPARE(topLeft.parent(), idx.parent());
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(HostModel::HealthRole));
        QCOMPARE(idx.data(HostModel::HealthRole).toInt(), int(Health::Warning));
        QCOMPARE(idx.data(HostModel::HealthReasonRole).toString(),
                 QStringLiteral("1 of 2 pods ready"));
        QCOMPARE(idx.data(HostModel::UpdatedRole).toDateTime(), at);
        // Siblings untouched.
        const QModelIndex ha = m_model->indexForId(HostModel::workloadId("apps", "home-assistant"));
        QCOMPARE(ha.data(HostModel::HealthRole).toInt(), int(Health::Unknown));

        const QModelIndex host = changed.at(1).at(0).toModelIndex();
        QCOMPARE(host, idx.parent().siblingAtColumn(0));

        QVERIFY(!m_model->setHealth(QStringLiteral("workload:apps/nope"), Health::Ok, {}, at));
        QCOMPARE(changed.count(), 2);
    }

    // A card is never green while something on it is broken.
    void healthRollsUp()
    {
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        const QModelIndex host = m_model->indexForId(bracky);
        QVERIFY(m_model->setHealth(bracky, Health::Ok, QStringLiteral("Ready"), at));
        for (int c = 0; c < m_model->rowCount(host); ++c)
            m_model->setHealth(m_model->index(c, 0, host).data(HostModel::IdRole).toString(),
                               Health::Ok, {}, at);
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Ok));
        QVERIFY(host.data(HostModel::RollupRole).toStringList().isEmpty());

        // A workload on it turns critical: the host is critical, and says why.
        QSignalSpy changed(m_model.get(), &HostModel::dataChanged);
        QVERIFY(m_model->setHealth(HostModel::workloadId("apps", "shlink"), Health::Critical,
                                   QStringLiteral("0 of 1 ready"), at));
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Critical));
        QCOMPARE(host.data(HostModel::OwnHealthRole).toInt(), int(Health::Ok));
        QVERIFY(host.data(HostModel::RollupRole)
                    .toStringList()
                    .join(QLatin1Char('\n'))
                    .contains(QLatin1String("Shlink")));
        QVERIFY(host.siblingAtColumn(HostModel::HealthColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("critical")));
        QVERIFY(host.data(Qt::ToolTipRole).toString().contains(QLatin1String("Shlink")));
        bool hostSignalled = false;
        for (const QList<QVariant> &args : std::as_const(changed))
            hostSignalled = hostSignalled || args.at(0).toModelIndex() == host;
        QVERIFY(hostSignalled);
        QVERIFY(m_model->setHealth(HostModel::workloadId("apps", "shlink"), Health::Ok, {}, at));
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Ok));

        // A firing alert and a check result add to it; removing them takes them away.
        QVERIFY(m_model->setContribution(bracky, QStringLiteral("alerts"), Health::Warning,
                                         QStringLiteral("1 alert firing: NodeMemoryHigh")));
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Warning));
        QVERIFY(m_model->setContribution(bracky, QStringLiteral("checks"), Health::Critical,
                                         QStringLiteral("checks: tunnel down")));
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Critical));
        const QStringList why = host.data(HostModel::RollupRole).toStringList();
        QCOMPARE(why.size(), 2);
        QVERIFY(why.first().contains(QLatin1String("tunnel down"))); // worst first
        m_model->clearContributions(QStringLiteral("checks"));
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Warning));
        QVERIFY(
            m_model->setContribution(bracky, QStringLiteral("alerts"), Health::Unknown, QString()));
        QCOMPARE(host.data(HostModel::HealthRole).toInt(), int(Health::Ok));
        QVERIFY(!m_model->setContribution(QStringLiteral("host:nowhere"), QStringLiteral("alerts"),
                                          Health::Warning, {}));
    }

    // Extras found live come and go in one step per run of rows: all new ones
    // in one rowsInserted, a run of gone ones in one rowsRemoved.
    void extrasInsertedAndRemovedInRanges()
    {
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const QModelIndex bracky = m_model->indexForId(HostModel::hostId(QStringLiteral("bracky")));
        const int known = m_model->rowCount(bracky);
        const auto extra = [](const QString &name, Health h) {
            return HostModel::ExtraWorkload{QStringLiteral("apps"), name,
                                            QStringLiteral("Deployment"), h, QString()};
        };
        QSignalSpy inserted(m_model.get(), &HostModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &HostModel::rowsRemoved);
        m_model->setExtraWorkloads(
            {{QStringLiteral("bracky"),
              {extra("a", Health::Ok), extra("b", Health::Ok), extra("c", Health::Ok),
               extra("b", Health::Critical), extra("d", Health::Ok)}}},
            at);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).toModelIndex(), bracky);
        QCOMPARE(inserted.at(0).at(1).toInt(), known);
        QCOMPARE(inserted.at(0).at(2).toInt(), known + 3); // b listed twice is one row
        QCOMPARE(m_model->rowCount(bracky), known + 4);
        const QModelIndex b = m_model->indexForId(HostModel::workloadId("apps", "b"));
        QCOMPARE(b.row(), known + 1);
        QCOMPARE(b.data(HostModel::OwnHealthRole).toInt(), int(Health::Critical)); // the later one
        QVERIFY(b.data(HostModel::ExtraRole).toBool());

        // a stays (and changes), b, c and d go in one step.
        inserted.clear();
        m_model->setExtraWorkloads({{QStringLiteral("bracky"), {extra("a", Health::Warning)}}}, at);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toModelIndex(), bracky);
        QCOMPARE(removed.at(0).at(1).toInt(), known + 1);
        QCOMPARE(removed.at(0).at(2).toInt(), known + 3);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(m_model->rowCount(bracky), known + 1);
        const QModelIndex a = m_model->indexForId(HostModel::workloadId("apps", "a"));
        QCOMPARE(a.row(), known);
        QCOMPARE(a.data(HostModel::OwnHealthRole).toInt(), int(Health::Warning));

        // Runs apart are removed one run each, from the bottom up.
        m_model->setExtraWorkloads({{QStringLiteral("bracky"),
                                     {extra("a", Health::Ok), extra("b", Health::Ok),
                                      extra("c", Health::Ok), extra("d", Health::Ok)}}},
                                   at);
        removed.clear();
        m_model->setExtraWorkloads({{QStringLiteral("bracky"), {extra("c", Health::Ok)}}}, at);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), known + 3); // d
        QCOMPARE(removed.at(0).at(2).toInt(), known + 3);
        QCOMPARE(removed.at(1).at(1).toInt(), known); // a and b
        QCOMPARE(removed.at(1).at(2).toInt(), known + 1);
        QCOMPARE(m_model->rowCount(bracky), known + 1);
        QCOMPARE(m_model->index(known, 0, bracky).data(HostModel::IdRole).toString(),
                 HostModel::workloadId("apps", "c"));
    }

    // A reset of every health names the roles it changes, for hosts and children.
    void resetHealthNamesItsRoles()
    {
        QSignalSpy changed(m_model.get(), &HostModel::dataChanged);
        m_model->resetHealth(QStringLiteral("reconnecting"));
        QCOMPARE(changed.count(), 1 + m_model->rowCount()); // the hosts, then each host's children
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto roles = args.at(2).value<QList<int>>();
            QVERIFY(roles.contains(HostModel::HealthRole));
            QVERIFY(roles.contains(HostModel::HealthReasonRole));
            QVERIFY(roles.contains(Qt::DisplayRole));
            QVERIFY(!roles.contains(HostModel::UrlRole));
        }
        QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(0, 0));
        QCOMPARE(m_model->index(0, 0).data(HostModel::HealthReasonRole).toString(),
                 QStringLiteral("reconnecting"));
    }

    void idsRoundTrip()
    {
        for (const QString &id : {HostModel::hostId("pochama"), HostModel::composeId("traefik"),
                                  HostModel::serviceId("gpu-server", "ollama"),
                                  HostModel::componentId("pikachu", "etcd")}) {
            const QModelIndex idx = m_model->indexForId(id);
            QVERIFY2(idx.isValid(), qPrintable(id));
            QCOMPARE(idx.data(HostModel::IdRole).toString(), id);
        }
        QVERIFY(!m_model->indexForId(QStringLiteral("host:nowhere")).isValid());
    }

    void reloadResets()
    {
        QSignalSpy reset(m_model.get(), &HostModel::modelReset);
        m_model->setInventory(
            *InventoryLoader::loadFile(
                 QStringLiteral(LABDECK_TEST_FIXTURES "/inventory/good-minimal.yaml"))
                 .inventory);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 1);
    }

private:
    std::unique_ptr<HostModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestHostModel)
#include "tst_hostmodel.moc"
