// LabSummary: the lab's worst state and its problems in one line, for the
// tray: what is down with a dead host is counted under it, not listed again;
// a problem elsewhere is still listed; contributions (alerts, checks) count.

#include "hostmodel.h"
#include "inventory/inventoryloader.h"
#include "labsummary.h"

#include <QSignalSpy>
#include <QTest>

using namespace labdeck;

class TestLabSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<HostModel>();
        m_model->setInventory(*InventoryLoader::loadBuiltIn().inventory);
    }

    void nothingKnownIsNotOk()
    {
        LabSummary s(m_model.get());
        QCOMPARE(s.worst(), Health::Unknown);
        QVERIFY(s.problems().isEmpty());
        QCOMPARE(s.text(), QStringLiteral("Waiting for the lab's state"));
        // Most things ok, one still unknown: not called ok.
        const QStringList ids = allIds();
        for (const QString &id : ids.mid(1))
            QVERIFY(m_model->setHealth(id, Health::Ok, {}, now()));
        s.update();
        QCOMPARE(s.worst(), Health::Unknown);
        QVERIFY2(s.text().contains(QLatin1String("1 of")), qPrintable(s.text()));
    }

    void allOk()
    {
        LabSummary s(m_model.get());
        setAll(Health::Ok);
        s.update();
        QCOMPARE(s.worst(), Health::Ok);
        QCOMPARE(s.text(), QStringLiteral("All %1 items ok").arg(allIds().size()));
    }

    void aDeadHostCarriesWhatRunsOnIt()
    {
        LabSummary s(m_model.get());
        setAll(Health::Ok);
        s.update();
        QSignalSpy changed(&s, &LabSummary::changed);
        // bracky NotReady: it and everything on it critical.
        const QString bracky = HostModel::hostId(QStringLiteral("bracky"));
        QVERIFY(m_model->setHealth(bracky, Health::Critical, QStringLiteral("NotReady"), now()));
        const QModelIndex host = m_model->indexForId(bracky);
        const int onIt = m_model->rowCount(host);
        QVERIFY(onIt > 0);
        for (int c = 0; c < onIt; ++c)
            QVERIFY(
                m_model->setHealth(m_model->index(c, 0, host).data(HostModel::IdRole).toString(),
                                   Health::Critical, QStringLiteral("on a NotReady node"), now()));
        // Elsewhere, a warning from a check.
        const QString metamon = HostModel::hostId(QStringLiteral("metamon"));
        QVERIFY(m_model->setContribution(metamon, QStringLiteral("alerts"), Health::Warning,
                                         QStringLiteral("1 alert firing")));
        QTRY_VERIFY(changed.count() > 0); // coalesced, not one per row
        QVERIFY(changed.count() < 3);
        QCOMPARE(s.worst(), Health::Critical);
        QCOMPARE(s.problems().size(), 2);
        QCOMPARE(s.problems().at(0).id, bracky);
        QCOMPARE(s.problems().at(0).affected, onIt);
        QCOMPARE(s.problems().at(1).id, metamon);
        QCOMPARE(s.problems().at(1).health, Health::Warning);
        QCOMPARE(s.count(Health::Critical), 1);
        QCOMPARE(s.text(), QStringLiteral("1 critical: bracky NotReady (%1 more affected); 1 "
                                          "warning: metamon 1 alert firing")
                               .arg(onIt));

        // A workload on a healthy host is its own problem.
        const QString shlink =
            HostModel::workloadId(QStringLiteral("apps"), QStringLiteral("shlink"));
        if (m_model->indexForId(shlink).parent() != host) {
            QVERIFY(
                m_model->setHealth(shlink, Health::Critical, QStringLiteral("OOMKilled"), now()));
            s.update();
            QCOMPARE(s.count(Health::Critical), 2);
        }
        // Recovered: back to ok.
        setAll(Health::Ok);
        m_model->clearContributions(QStringLiteral("alerts"));
        s.update();
        QCOMPARE(s.worst(), Health::Ok);
        QVERIFY(s.problems().isEmpty());
    }

    void longListsAreCut()
    {
        LabSummary s(m_model.get());
        setAll(Health::Warning);
        s.update();
        QVERIFY(s.problems().size() > 4);
        QVERIFY2(s.text(2).contains(QStringLiteral("and %1 more").arg(s.problems().size() - 2)),
                 qPrintable(s.text(2)));
    }

private:
    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }
    QStringList allIds() const
    {
        QStringList ids;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex host = m_model->index(r, 0);
            ids << host.data(HostModel::IdRole).toString();
            for (int c = 0; c < m_model->rowCount(host); ++c)
                ids << m_model->index(c, 0, host).data(HostModel::IdRole).toString();
        }
        return ids;
    }
    void setAll(Health h)
    {
        for (const QString &id : allIds())
            QVERIFY(m_model->setHealth(id, h, {}, now()));
    }

    std::unique_ptr<HostModel> m_model;
};

QTEST_MAIN(TestLabSummary)
#include "tst_labsummary.moc"
