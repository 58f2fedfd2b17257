// The demo lab's seed: its data files read (and a broken one is reported,
// not a crash), placeholders are filled in after parsing, and the objects it puts in the store for
// the built-in lab and for two test labs are the golden ones (fixtures/demolab-seed-golden.json),
// with the fields that differ from run to run (uids, random name suffixes)
// replaced by stable names.
//
// LABDECK_WRITE_SEED_GOLDEN=path writes what the seed makes now to path.

#include "demolab/cluster_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/seed_p.h"
#include "demolab/store_p.h"
#include "inventory/inventoryloader.h"
#include "support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace labdeck;
using namespace labdeck::demolab::detail;
using labdeck::test::fixturePath;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 8, 22), QTime(12, 3, 7), Qt::UTC);

Inventory loadLab(const QString &which)
{
    if (which == QLatin1String("default"))
        return *InventoryLoader::loadBuiltIn().inventory;
    const InventoryLoadResult r = InventoryLoader::loadFile(fixturePath(which));
    if (!r.ok())
        qFatal("%s", qPrintable(r.errorText()));
    return *r.inventory;
}

// Every object in the store, by resource (plural) and key, with what is
// random in each run replaced: the suffix of a pod name a ReplicaSet or
// DaemonSet picked (by the pod's place among its siblings: node, then IP) and
// uids (by the object they belong to), and the container ids made from them.
QJsonObject dump(const Store &store)
{
    QHash<QString, QString> replace;
    QHash<QString, QList<QJsonObject>> siblings;
    for (const StoredObject &o : store.objects(Pods)) {
        const QJsonObject owner = jarr(o.object, {"metadata", "ownerReferences"}).at(0).toObject();
        const QString ownerKind = owner.value(QLatin1String("kind")).toString();
        if (ownerKind == QLatin1String("ReplicaSet") || ownerKind == QLatin1String("DaemonSet"))
            siblings[namespaceOf(o.object) + QLatin1Char('/') +
                     owner.value(QLatin1String("name")).toString()]
                << o.object;
    }
    for (auto it = siblings.begin(); it != siblings.end(); ++it) {
        QList<QJsonObject> &pods = it.value();
        std::sort(pods.begin(), pods.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return std::pair(jstr(a, {"spec", "nodeName"}), jstr(a, {"status", "podIP"})) <
                   std::pair(jstr(b, {"spec", "nodeName"}), jstr(b, {"status", "podIP"}));
        });
        const QString owner = it.key().section(QLatin1Char('/'), 1);
        for (qsizetype i = 0; i < pods.size(); ++i)
            replace.insert(nameOf(pods.at(i)), QStringLiteral("%1-random%2").arg(owner).arg(i));
    }
    QJsonObject all;
    for (const ResourceType &type : resourceTypes()) {
        QJsonObject objects;
        const ObjectMap &map = store.objects(type.id);
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            objects.insert(it.key(), it->object);
            replace.insert(uidOf(it->object),
                           QStringLiteral("uid-of-%1/%2").arg(type.plural, it.key()));
        }
        if (!objects.isEmpty())
            all.insert(type.plural, objects);
    }
    QString text = QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
    for (auto it = replace.cbegin(); it != replace.cend(); ++it)
        text.replace(it.key(), it.value());
    // A uid token may hold a renamed pod.
    for (auto it = replace.cbegin(); it != replace.cend(); ++it)
        text.replace(it.key(), it.value());
    // Container ids hash the pod's uid.
    text.replace(QRegularExpression(QStringLiteral("containerd://[0-9a-f]{64}")),
                 QStringLiteral("containerd://id"));
    all = QJsonDocument::fromJson(text.toUtf8()).object();
    QJsonObject pods = all.value(QLatin1String("pods")).toObject();
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        if (!it.key().contains(QLatin1String("-random")))
            continue;
        QJsonObject pod = it.value().toObject();
        jremove(pod, {"metadata", "resourceVersion"});
        it.value() = pod;
    }
    all.insert(QLatin1String("pods"), pods);
    // Which of two like pods started first is up to their random names, and
    // with it their resourceVersions and the order of their Events: those are
    // compared as a sorted list, without their names (stamped with that
    // order) and resourceVersions.
    QStringList events;
    const QJsonObject byKey = all.value(QLatin1String("events")).toObject();
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        QJsonObject event = it.value().toObject();
        for (const char *field : {"name", "uid", "resourceVersion"})
            jremove(event, {"metadata", field});
        jremove(event, {"involvedObject", "resourceVersion"});
        events << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
    }
    events.sort();
    QJsonArray sorted;
    for (const QString &e : std::as_const(events))
        sorted.append(QJsonDocument::fromJson(e.toUtf8()).object());
    all.insert(QLatin1String("events"), sorted);
    return all;
}

QJsonObject seeded(const QString &which)
{
    const Inventory lab = loadLab(which);
    Store store(nullptr);
    Cluster cluster(&store, nullptr);
    SeedOptions options;
    options.now = kNow;
    const QList<LocatedError> errors = seedLab(store, cluster, lab, options);
    if (!errors.isEmpty())
        qWarning().noquote() << locatedErrorsText(errors);
    return errors.isEmpty() ? dump(store) : QJsonObject();
}

const QStringList kLabs{QStringLiteral("default"), QStringLiteral("demolab-seed/edge-lab.yaml"),
                        QStringLiteral("demolab-seed/minimal-lab.yaml")};

} // namespace

class TestDemoSeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray out = qgetenv("LABDECK_WRITE_SEED_GOLDEN");
        if (out.isEmpty())
            return;
        QJsonObject golden;
        for (const QString &lab : kLabs)
            golden.insert(lab, seeded(lab));
        QFile file(QString::fromLocal8Bit(out));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(golden).toJson(QJsonDocument::Indented));
    }

    // Every built-in data file reads, through the same function as the seed.
    void dataFilesRead()
    {
        const QStringList names = seedDataFileNames();
        QCOMPARE(names.size(), 4);
        for (const QString &name : names) {
            LocatedError error;
            const auto data = readSeedData(QStringLiteral(":/demolab/seed/") + name, &error);
            QVERIFY2(data, qPrintable(error.toString()));
            QVERIFY(!data->isEmpty());
        }
    }

    // A broken data file: seeding stops with located errors and an empty
    // store instead of crashing; a broken template leaves its objects out.
    void brokenDataFailsLoudly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : seedDataFileNames())
            QVERIFY(QFile::copy(QStringLiteral(":/demolab/seed/") + name, dir.filePath(name)));
        QFile broken(dir.filePath(QStringLiteral("profiles.yaml")));
        QVERIFY(broken.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("defaults:\n  port: [8080\nprofiles: []\n");
        broken.close();
        const Inventory lab = loadLab(QStringLiteral("default"));
        {
            Store store(nullptr);
            Cluster cluster(&store, nullptr);
            SeedOptions options;
            options.dataDirectory = dir.path();
            QTest::ignoreMessage(QtCriticalMsg,
                                 QRegularExpression(QStringLiteral("profiles.yaml:3")));
            const QList<LocatedError> errors = seedLab(store, cluster, lab, options);
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.at(0).file, dir.filePath(QStringLiteral("profiles.yaml")));
            QCOMPARE(errors.at(0).line, 3);
            QVERIFY(store.objects(Nodes).isEmpty());
        }
        // A misspelt placeholder in one template.
        QFile::remove(broken.fileName());
        QVERIFY(QFile::copy(QStringLiteral(":/demolab/seed/profiles.yaml"), broken.fileName()));
        QFile workload(dir.filePath(QStringLiteral("workload.yaml")));
        QVERIFY(workload.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(workload.open(QIODevice::ReadWrite));
        QByteArray text = workload.readAll();
        QVERIFY(text.contains("serviceName: \"${name}\""));
        text.replace("serviceName: \"${name}\"", "serviceName: \"${nmae}\"");
        QVERIFY(workload.resize(0));
        workload.write(text);
        workload.close();
        Store store(nullptr);
        Cluster cluster(&store, nullptr);
        SeedOptions options;
        options.dataDirectory = dir.path();
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("nmae")));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("nmae")));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("nmae")));
        const QList<LocatedError> errors = seedLab(store, cluster, lab, options);
        QCOMPARE(errors.size(), 3); // the built-in lab's three StatefulSets
        QCOMPARE(errors.at(0).field, QStringLiteral("statefulSet.spec.serviceName"));
        QVERIFY(errors.at(0).message.contains(QLatin1String("${nmae}")));
        QVERIFY(!store.objects(Deployments).isEmpty());
    }

    // Values go into the parsed strings: one that looks like a placeholder
    // stays as it is, a whole placeholder takes the value's type, an
    // undefined one leaves its key and list item out.
    void placeholders()
    {
        const QJsonObject tpl{{QStringLiteral("name"), QStringLiteral("${name}-data")},
                              {QStringLiteral("port"), QStringLiteral("${port}")},
                              {QStringLiteral("gone"), QStringLiteral("${gone}")},
                              {QStringLiteral("list"),
                               QJsonArray{QStringLiteral("${gone}"), QStringLiteral("${name}")}},
                              {QStringLiteral("${name}"), QStringLiteral("key")}};
        const SeedValues values{{QStringLiteral("name"), QStringLiteral("${port}\"\n: x")},
                                {QStringLiteral("port"), 8080},
                                {QStringLiteral("gone"), QJsonValue(QJsonValue::Undefined)}};
        QList<LocatedError> errors;
        const QJsonValue out =
            substitutePlaceholders(tpl, values, QStringLiteral("t.yaml"), {}, &errors);
        QVERIFY(errors.isEmpty());
        const QJsonObject expected{
            {QStringLiteral("name"), QStringLiteral("${port}\"\n: x-data")},
            {QStringLiteral("port"), 8080},
            {QStringLiteral("list"), QJsonArray{QStringLiteral("${port}\"\n: x")}},
            {QStringLiteral("${name}"), QStringLiteral("key")}};
        QCOMPARE(out.toObject(), expected);

        const QJsonValue bad = substitutePlaceholders(
            QJsonObject{{QStringLiteral("a"), QJsonArray{QStringLiteral("x${port}")}},
                        {QStringLiteral("b"), QStringLiteral("${other}")}},
            values, QStringLiteral("t.yaml"), QStringLiteral("top"), &errors);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).toString(),
                 QStringLiteral(
                     "t.yaml: top.a[0]: ${port} is not text, so it can only be a whole value"));
        QCOMPARE(errors.at(1).toString(),
                 QStringLiteral("t.yaml: top.b: unknown placeholder ${other}"));
        QCOMPARE(bad.toObject().value(QLatin1String("b")).toString(), QStringLiteral("${other}"));
    }

    void seedIsGolden_data()
    {
        QTest::addColumn<QString>("lab");
        for (const QString &lab : kLabs)
            QTest::newRow(qPrintable(lab)) << lab;
    }

    // The same objects as the seed made when it was written in C++ (the
    // golden file), field for field.
    void seedIsGolden()
    {
        QFETCH(QString, lab);
        QFile file(fixturePath(QStringLiteral("demolab-seed-golden.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject golden = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject expected = golden.value(lab).toObject();
        QVERIFY(!expected.isEmpty());
        const QJsonObject actual = seeded(lab);
        // Resource by resource, object by object, for a readable failure.
        QCOMPARE(actual.keys(), expected.keys());
        for (const QString &resource : expected.keys()) {
            const QJsonValue e = expected.value(resource);
            const QJsonValue a = actual.value(resource);
            if (e.isObject()) {
                QCOMPARE(a.toObject().keys(), e.toObject().keys());
                for (const QString &key : e.toObject().keys()) {
                    const QJsonObject eo = e.toObject().value(key).toObject();
                    const QJsonObject ao = a.toObject().value(key).toObject();
                    QVERIFY2(ao == eo,
                             qPrintable(QStringLiteral("%1 %2 differs:\n%3\nexpected:\n%4")
                                            .arg(resource, key,
                                                 QString::fromUtf8(QJsonDocument(ao).toJson()),
                                                 QString::fromUtf8(QJsonDocument(eo).toJson()))));
                }
            }
            QVERIFY2(a == e, qPrintable(resource));
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoSeed)
#include "tst_demoseed.moc"
