// KeyedTableModel's batching rules under QAbstractItemModelTester (Fatal):
// each key in one row whatever a batch holds, the index right whenever a
// signal is emitted, and exactly which signals each batch emits. Then the
// Kubernetes models fold a watch batch (ADDED+MODIFIED, ADDED+DELETED, ...).

#include "keyedtablemodel.h"
#include "kubemodels.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace labdeck;
using kube::WatchEvent;

namespace {

struct Item
{
    QString key;
    int value = 0;
};

class ItemModel final : public KeyedTableModel<Item>
{
public:
    ItemModel()
        : KeyedTableModel<Item>([](const Item &i) { return i.key; }, nullptr)
    {}
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 2;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        const Item &i = at(index.row());
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 is %2").arg(i.key).arg(i.value);
        if (role != Qt::DisplayRole)
            return {};
        return index.column() == 0 ? QVariant(i.key) : QVariant(i.value);
    }
    // A whole row changed: dataChanged names these ("roles 0,3").
    const QList<int> &rowRoles() const override
    {
        static const QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole};
        return roles;
    }
};

QList<Item> items(std::initializer_list<std::pair<const char *, int>> list)
{
    QList<Item> out;
    for (const auto &[k, v] : list)
        out << Item{QString::fromLatin1(k), v};
    return out;
}

// "a=1 b=2" in row order.
QString contents(const ItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << QStringLiteral("%1=%2").arg(m.at(r).key).arg(m.at(r).value);
    return out.join(QLatin1Char(' '));
}

// Every row's key maps back to the row, and no key is in two rows.
bool indexConsistent(const ItemModel &m, QString *why)
{
    QSet<QString> seen;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QString key = m.at(r).key;
        if (seen.contains(key)) {
            *why = QStringLiteral("key %1 in two rows").arg(key);
            return false;
        }
        seen.insert(key);
        if (m.rowOf(key) != r) {
            *why =
                QStringLiteral("rowOf(%1) is %2, the row is %3").arg(key).arg(m.rowOf(key)).arg(r);
            return false;
        }
    }
    return true;
}

// Every signal the model emits, as text, with an index check at each one.
class Recorder : public QObject
{
public:
    explicit Recorder(ItemModel *m)
        : m_model(m)
    {
        connect(m, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    record(QStringLiteral("inserted %1-%2").arg(first).arg(last));
                });
        connect(m, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    record(QStringLiteral("removed %1-%2").arg(first).arg(last));
                });
        connect(m, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                    QString s = QStringLiteral("changed %1-%2").arg(tl.row()).arg(br.row());
                    if (tl.column() != 0 || br.column() != m_model->columnCount() - 1)
                        s += QStringLiteral(" columns %1-%2").arg(tl.column()).arg(br.column());
                    // dataChanged always names its roles.
                    if (roles.isEmpty() && inconsistency.isEmpty())
                        inconsistency = s + QStringLiteral(": no roles");
                    QStringList r;
                    for (int role : roles)
                        r << QString::number(role);
                    s += QStringLiteral(" roles ") + r.join(QLatin1Char(','));
                    record(s);
                });
        connect(m, &QAbstractItemModel::modelReset, this,
                [this] { record(QStringLiteral("reset")); });
    }
    QStringList take() { return std::exchange(m_signals, {}); }
    QString inconsistency;

private:
    void record(const QString &s)
    {
        m_signals << s;
        QString why;
        if (inconsistency.isEmpty() && !indexConsistent(*m_model, &why))
            inconsistency = s + QStringLiteral(": ") + why;
    }
    ItemModel *m_model;
    QStringList m_signals;
};

QJsonObject pod(const QString &name, const QString &phase, const QString &node = {},
                const QString &uid = {})
{
    QJsonObject spec;
    if (!node.isEmpty())
        spec.insert(QStringLiteral("nodeName"), node);
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("apps")},
                                    {QStringLiteral("uid"), uid.isEmpty() ? name : uid}}},
                       {QStringLiteral("spec"), spec},
                       {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), phase}}}};
}

WatchEvent watchEvent(WatchEvent::Type t, const QJsonObject &o)
{
    WatchEvent e;
    e.type = t;
    e.object = o;
    return e;
}

QJsonObject deployment(const QString &name, int replicas, int ready)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("apps")}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("readyReplicas"), ready}}}};
}

} // namespace

class TestKeyedTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<ItemModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_rec = std::make_unique<Recorder>(m_model.get());
    }
    void cleanup()
    {
        QVERIFY2(m_rec->inconsistency.isEmpty(), qPrintable(m_rec->inconsistency));
        QString why;
        QVERIFY2(indexConsistent(*m_model, &why), qPrintable(why));
        m_rec.reset();
        m_tester.reset();
        m_model.reset();
    }

    void firstListResets()
    {
        m_model->replaceAll(items({{"a", 1}, {"b", 2}, {"a", 3}}));
        QCOMPARE(m_rec->take(), QStringList{"reset"});
        QCOMPARE(contents(*m_model), QStringLiteral("a=3 b=2"));
        // An empty list into an empty table: nothing to announce.
        m_model->clear();
        m_rec->take();
        m_model->replaceAll({});
        QCOMPARE(m_rec->take(), QStringList());
    }

    void duplicateKeysInOneBatch()
    {
        m_model->upsertMany(items({{"a", 1}}));
        QCOMPARE(m_rec->take(), QStringList{"inserted 0-0"});
        // b is new and comes twice (ADDED then MODIFIED): one row, the later value.
        m_model->upsertMany(items({{"b", 1}, {"c", 1}, {"b", 2}, {"b", 3}}));
        QCOMPARE(m_rec->take(), QStringList{"inserted 1-2"});
        QCOMPARE(contents(*m_model), QStringLiteral("a=1 b=3 c=1"));
        // An existing key twice: one dataChanged for it.
        m_model->upsertMany(items({{"c", 5}, {"c", 6}}));
        QCOMPARE(m_rec->take(), QStringList{"changed 2-2 roles 0,3"});
        QCOMPARE(contents(*m_model), QStringLiteral("a=1 b=3 c=6"));
        m_model->upsert(Item{QStringLiteral("a"), 7}, {Qt::DisplayRole});
        QCOMPARE(m_rec->take(), QStringList{"changed 0-0 roles 0"});
        m_model->upsert(Item{QStringLiteral("d"), 1});
        QCOMPARE(m_rec->take(), QStringList{"inserted 3-3"});
    }

    void changedRowsInRuns()
    {
        QList<Item> many;
        for (int i = 0; i < 10; ++i)
            many << Item{QStringLiteral("k%1").arg(i), i};
        m_model->upsertMany(many);
        m_rec->take();
        // Rows 1, 2, 3 and 7 (unordered, one twice): two dataChanged, no more.
        m_model->upsertMany(items({{"k3", 0}, {"k1", 0}, {"k7", 0}, {"k2", 0}, {"k1", 9}}));
        QCOMPARE(m_rec->take(), (QStringList{"changed 1-3 roles 0,3", "changed 7-7 roles 0,3"}));
        QCOMPARE(m_model->at(1).value, 9);
    }

    void largeBatchOneDataChanged()
    {
        QList<Item> many;
        for (int i = 0; i < 100; ++i)
            many << Item{QStringLiteral("k%1").arg(i), i};
        m_model->upsertMany(many);
        QCOMPARE(m_rec->take(), QStringList{"inserted 0-99"});
        // 60 of 100 rows change, 20 of them twice, plus two new rows: one
        // dataChanged over the whole table, then the insert.
        QList<Item> batch;
        for (int i = 0; i < 60; ++i)
            batch << Item{QStringLiteral("k%1").arg(i), 1000 + i};
        for (int i = 0; i < 20; ++i)
            batch << Item{QStringLiteral("k%1").arg(i), 2000 + i};
        batch << Item{QStringLiteral("n1"), 1} << Item{QStringLiteral("n1"), 2}
              << Item{QStringLiteral("n2"), 1};
        m_model->upsertMany(batch);
        QCOMPARE(m_rec->take(), (QStringList{"changed 0-99 roles 0,3", "inserted 100-101"}));
        QCOMPARE(m_model->rowCount(), 102);
        QCOMPARE(m_model->at(0).value, 2000);
        QCOMPARE(m_model->at(30).value, 1030);
        QCOMPARE(m_model->at(100).value, 2);
        // 30 changes (20 distinct twice + 10) are not more than half: per run.
        batch.clear();
        for (int i = 0; i < 20; ++i)
            batch << Item{QStringLiteral("k%1").arg(i), 1} << Item{QStringLiteral("k%1").arg(i), 2};
        batch << Item{QStringLiteral("k50"), 1};
        m_model->upsertMany(batch);
        QCOMPARE(m_rec->take(), (QStringList{"changed 0-19 roles 0,3", "changed 50-50 roles 0,3"}));
    }

    void removeKeepsIndex()
    {
        m_model->upsertMany(items({{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}}));
        m_rec->take();
        m_model->remove(QStringLiteral("b"));
        QCOMPARE(m_rec->take(), QStringList{"removed 1-1"});
        m_model->remove(QStringLiteral("b")); // gone already: nothing
        QCOMPARE(m_rec->take(), QStringList());
        QCOMPARE(m_model->rowOf(QStringLiteral("f")), 4);
        // Rows 0, 2, 3 (a, d, e) and an unknown key: two removals, bottom first.
        m_model->removeMany({QStringLiteral("e"), QStringLiteral("a"), QStringLiteral("zz"),
                             QStringLiteral("d"), QStringLiteral("a")});
        QCOMPARE(m_rec->take(), (QStringList{"removed 2-3", "removed 0-0"}));
        QCOMPARE(contents(*m_model), QStringLiteral("c=3 f=6"));
        QCOMPARE(m_model->rowOf(QStringLiteral("f")), 1);
        QCOMPARE(m_model->find(QStringLiteral("a")), nullptr);
        // A removed key comes back as a new row.
        m_model->upsert(Item{QStringLiteral("a"), 9});
        QCOMPARE(m_rec->take(), QStringList{"inserted 2-2"});
        QCOMPARE(m_model->find(QStringLiteral("a"))->value, 9);
    }

    void replaceAllKeepsAndRemoves()
    {
        m_model->replaceAll(items({{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}}));
        QCOMPARE(m_rec->take(), QStringList{"reset"});
        // b and c gone (one run), a, d, e kept (3 of 3 rows: one whole-table
        // change), f new and listed twice: one row.
        m_model->replaceAll(items({{"e", 50}, {"f", 6}, {"a", 10}, {"d", 4}, {"f", 60}}));
        QCOMPARE(m_rec->take(),
                 (QStringList{"removed 1-2", "changed 0-2 roles 0,3", "inserted 3-3"}));
        QCOMPARE(contents(*m_model), QStringLiteral("a=10 d=4 e=50 f=60"));
        // Everything gone: removed, not reset.
        m_model->replaceAll({});
        QCOMPARE(m_rec->take(), QStringList{"removed 0-3"});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void stagedPagesWithDuplicates()
    {
        m_model->upsertMany(items({{"a", 1}, {"b", 1}}));
        m_rec->take();
        // A LIST in pages where an object shows on two pages (it changed
        // between them): one row, the later page's value.
        m_model->clearStaged();
        m_model->stage(items({{"b", 2}, {"c", 1}}));
        QCOMPARE(m_rec->take(), QStringList()); // nothing until the commit
        m_model->stage(items({{"c", 2}, {"d", 1}}));
        m_model->commitStaged();
        QCOMPARE(m_rec->take(),
                 (QStringList{"removed 0-0", "changed 0-0 roles 0,3", "inserted 1-2"}));
        QCOMPARE(contents(*m_model), QStringLiteral("b=2 c=2 d=1"));
    }

    // The Kubernetes models fold a watch batch: the last event of an object wins.
    void podBatchAddedModifiedDeleted()
    {
        PodModel pods;
        QAbstractItemModelTester tester(&pods,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&pods, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&pods, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&pods, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&pods, &QAbstractItemModel::modelReset);
        const QString a = QStringLiteral("web-a");
        const QString b = QStringLiteral("web-b");
        // A new pod ADDED (no node yet) and MODIFIED (scheduled) in one burst:
        // one row, scheduled.
        pods.applyEvents({watchEvent(WatchEvent::Type::Added, pod(a, QStringLiteral("Pending"))),
                          watchEvent(WatchEvent::Type::Modified,
                                     pod(a, QStringLiteral("Pending"), QStringLiteral("bracky"))),
                          watchEvent(WatchEvent::Type::Modified,
                                     pod(a, QStringLiteral("Running"), QStringLiteral("bracky")))});
        QCOMPARE(pods.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(pods.at(0).nodeName, QStringLiteral("bracky"));
        QCOMPARE(pods.at(0).phase, QStringLiteral("Running"));
        // Created and deleted in one burst: no row, no signal.
        pods.applyEvents({watchEvent(WatchEvent::Type::Added, pod(b, QStringLiteral("Pending"))),
                          watchEvent(WatchEvent::Type::Modified,
                                     pod(b, QStringLiteral("Pending"), QStringLiteral("metamon"))),
                          watchEvent(WatchEvent::Type::Deleted, pod(b, QStringLiteral("Pending"),
                                                                    QStringLiteral("metamon")))});
        QCOMPARE(pods.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 0);
        // Deleted and recreated under the same name (a StatefulSet pod): one
        // row with the new object, updated in place.
        pods.applyEvents({watchEvent(WatchEvent::Type::Deleted,
                                     pod(a, QStringLiteral("Running"), QStringLiteral("bracky"))),
                          watchEvent(WatchEvent::Type::Added, pod(a, QStringLiteral("Pending"), {},
                                                                  QStringLiteral("uid-2")))});
        QCOMPARE(pods.rowCount(), 1);
        QCOMPARE(pods.at(0).uid, QStringLiteral("uid-2"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(removed.count(), 0);
        // Modified then deleted: removed.
        pods.applyEvents({watchEvent(WatchEvent::Type::Modified,
                                     pod(a, QStringLiteral("Running"), QStringLiteral("bracky"))),
                          watchEvent(WatchEvent::Type::Deleted,
                                     pod(a, QStringLiteral("Running"), QStringLiteral("bracky")))});
        QCOMPARE(pods.rowCount(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(reset.count(), 0);
    }

    // A watch batch on a table of pods: the deleted ones go one run at a time
    // from the bottom, the modified ones change with every role a row
    // answers, the new ones come in one insert.
    void podBatchSignalsAndRoles()
    {
        PodModel pods;
        QAbstractItemModelTester tester(&pods,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<QJsonObject> list;
        for (const char *name : {"a", "b", "c", "d", "e"})
            list << pod(QString::fromLatin1(name), QStringLiteral("Running"),
                        QStringLiteral("bracky"));
        QSignalSpy reset(&pods, &QAbstractItemModel::modelReset);
        pods.setList(list);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(pods.rowCount(), 5);

        QStringList seen;
        connect(&pods, &QAbstractItemModel::rowsRemoved, this,
                [&seen](const QModelIndex &, int first, int last) {
                    seen << QStringLiteral("removed %1-%2").arg(first).arg(last);
                });
        connect(&pods, &QAbstractItemModel::rowsInserted, this,
                [&seen](const QModelIndex &, int first, int last) {
                    seen << QStringLiteral("inserted %1-%2").arg(first).arg(last);
                });
        QList<QList<int>> changedRoles;
        connect(&pods, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                    seen << QStringLiteral("changed %1-%2 columns %3-%4")
                                .arg(tl.row())
                                .arg(br.row())
                                .arg(tl.column())
                                .arg(br.column());
                    changedRoles << roles;
                });
        const auto ev = [](WatchEvent::Type t, const char *name, const char *phase) {
            return watchEvent(
                t, pod(QString::fromLatin1(name), QLatin1String(phase), QStringLiteral("bracky")));
        };
        pods.applyEvents({ev(WatchEvent::Type::Deleted, "b", "Running"),
                          ev(WatchEvent::Type::Modified, "a", "Failed"),
                          ev(WatchEvent::Type::Added, "f", "Pending"),
                          ev(WatchEvent::Type::Deleted, "e", "Running"),
                          ev(WatchEvent::Type::Deleted, "c", "Running"),
                          ev(WatchEvent::Type::Added, "g", "Pending"),
                          ev(WatchEvent::Type::Modified, "f", "Running")});
        QCOMPARE(seen, (QStringList{"removed 4-4", "removed 1-2", "changed 0-0 columns 0-6",
                                    "inserted 2-3"}));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(pods.rowCount(), 4);
        QCOMPARE(pods.at(0).phase, QStringLiteral("Failed"));
        QCOMPARE(pods.at(2).phase, QStringLiteral("Running")); // f: its later event
        QCOMPARE(changedRoles.size(), 1);
        QCOMPARE(changedRoles.at(0), pods.rowRoles());
        for (int role :
             {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::DecorationRole), int(roles::Sort),
              int(roles::Health), int(roles::Key), int(roles::Namespace)})
            QVERIFY2(pods.rowRoles().contains(role), qPrintable(QString::number(role)));

        // The column table drives the headers, the text and the sort value.
        QCOMPARE(pods.headerData(PodModel::Name, Qt::Horizontal).toString(), QStringLiteral("Pod"));
        QCOMPARE(pods.headerData(PodModel::Age, Qt::Horizontal).toString(), QStringLiteral("Age"));
        QVERIFY(!pods.headerData(PodModel::ColumnCount, Qt::Horizontal).isValid());
        QCOMPARE(pods.columnCount(), int(PodModel::ColumnCount));
        const QModelIndex name = pods.index(1, PodModel::Name);
        QCOMPARE(name.data().toString(), QStringLiteral("d"));
        QCOMPARE(name.data(roles::Sort).toString(), QStringLiteral("d")); // sorts as shown
        QCOMPARE(name.data(roles::Key).toString(), pods.at(1).key());
        QCOMPARE(name.data(roles::Namespace).toString(), QStringLiteral("apps"));
        QCOMPARE(pods.index(1, PodModel::Node).data(roles::Node).toString(),
                 QStringLiteral("bracky"));
        QCOMPARE(pods.index(1, PodModel::Age).data(roles::Sort).metaType(),
                 QMetaType::fromType<QDateTime>());
        QVERIFY(pods.index(1, PodModel::Status).data(Qt::DecorationRole).isValid());
        QVERIFY(!pods.index(1, PodModel::Name).data(Qt::DecorationRole).isValid());
    }

    void workloadCreatedTwiceInOneBurst()
    {
        PodModel pods;
        WorkloadModel workloads(&pods);
        QAbstractItemModelTester tester(&workloads,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QString kind = QStringLiteral("Deployment");
        workloads.setList(kind, {deployment(QStringLiteral("shlink"), 1, 1)});
        // The wizard's Deployment: ADDED, then the controller's status update.
        workloads.applyEvents(
            kind,
            {watchEvent(WatchEvent::Type::Added, deployment(QStringLiteral("myapp"), 2, 0)),
             watchEvent(WatchEvent::Type::Modified, deployment(QStringLiteral("myapp"), 2, 1))});
        QCOMPARE(workloads.rowCount(), 2);
        const kube::WorkloadInfo *w = workloads.find(QStringLiteral("Deployment:apps/myapp"));
        QVERIFY(w);
        QCOMPARE(w->ready, 1);
        // A relist of one kind keeps the other kinds and lists each object once.
        workloads.setList(QStringLiteral("StatefulSet"), {});
        QCOMPARE(workloads.rowCount(), 2);
        workloads.setList(kind, {deployment(QStringLiteral("myapp"), 2, 2),
                                 deployment(QStringLiteral("myapp"), 2, 2)});
        QCOMPARE(workloads.rowCount(), 1);
        QCOMPARE(workloads.at(0).ready, 2);
    }

    void nodeEventsBatched()
    {
        NodeModel nodes;
        QAbstractItemModelTester tester(&nodes,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&nodes, &QAbstractItemModel::rowsInserted);
        auto node = [](const QString &name, const char *ready) {
            return QJsonObject{
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                {QStringLiteral("status"),
                 QJsonObject{
                     {QStringLiteral("conditions"),
                      QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                             {QStringLiteral("status"), QLatin1String(ready)}}}}}}};
        };
        nodes.applyEvents(
            {watchEvent(WatchEvent::Type::Added, node(QStringLiteral("n1"), "False")),
             watchEvent(WatchEvent::Type::Added, node(QStringLiteral("n2"), "True")),
             watchEvent(WatchEvent::Type::Modified, node(QStringLiteral("n1"), "True"))});
        QCOMPARE(nodes.rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(nodes.find(QStringLiteral("n1"))->ready);
    }

private:
    std::unique_ptr<ItemModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<Recorder> m_rec;
};

QTEST_GUILESS_MAIN(TestKeyedTableModel)
#include "tst_keyedtablemodel.moc"
