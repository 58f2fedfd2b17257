#include "common/yamlreader.h"

#include <QElapsedTimer>
#include <QTest>

using namespace labdeck;

class TestYamlReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsAMap();
    void badSyntaxIsLocated();
    void wrongTypeAndMissingKeyAreLocated();
    void missingKeyNeverThrows();
    void depthBombIsAnError();
    void aliasBombIsAnErrorQuickly();
    void selfReferencingAliasIsAnError();
    void documentThatIsNotAMap();
    void emptyFile();
    void nonUtf8BytesAreLocated();
    void exceptionInAWalkBecomesAnError();
};

void TestYamlReader::readsAMap()
{
    YamlReader r(QStringLiteral("a.yaml"));
    QVERIFY(r.load("name: x\nlist: [1, 2]\n"));
    QVERIFY(!r.error());
    QVERIFY(r.root().IsMap());
    QCOMPARE(QString::fromStdString(YamlReader::child(r.root(), "name").Scalar()),
             QStringLiteral("x"));
    QCOMPARE(YamlReader::lineOf(YamlReader::child(r.root(), "list")), 2);
}

void TestYamlReader::badSyntaxIsLocated()
{
    YamlReader r(QStringLiteral("bad.yaml"));
    QVERIFY(!r.load("a: 1\nb: [1, 2\n"));
    QVERIFY(r.error());
    QCOMPARE(r.error()->file, QStringLiteral("bad.yaml"));
    QVERIFY(r.error()->line >= 2);
    QVERIFY(r.error()->column >= 1);
    QVERIFY2(r.error()->toString().startsWith(QStringLiteral("bad.yaml:%1:%2: not valid YAML: ")
                                                  .arg(r.error()->line)
                                                  .arg(r.error()->column)),
             qPrintable(r.error()->toString()));
}

void TestYamlReader::wrongTypeAndMissingKeyAreLocated()
{
    YamlReader r(QStringLiteral("lab.yaml"));
    QVERIFY(r.load("hosts:\n  - name: a\n    memoryGB: [1]\n"));
    const YAML::Node host = r.root()["hosts"][0];
    const YAML::Node memory = YamlReader::child(host, "memoryGB");
    QVERIFY(memory.IsSequence());
    const LocatedError e =
        r.at(memory, QStringLiteral("hosts[0].memoryGB"), QStringLiteral("expected a number"));
    QCOMPARE(e.toString(), QStringLiteral("lab.yaml:3:15: hosts[0].memoryGB: expected a number"));
    const LocatedError missing =
        r.at(YamlReader::child(host, "site"), QStringLiteral("hosts[0].site"),
             QStringLiteral("is required"));
    QCOMPARE(missing.toString(), QStringLiteral("lab.yaml: hosts[0].site: is required"));
}

void TestYamlReader::missingKeyNeverThrows()
{
    YamlReader r(QStringLiteral("m.yaml"));
    QVERIFY(r.load("a: text\n"));
    const YAML::Node &root = r.root();
    const YAML::Node missing = root["nope"];
    QCOMPARE(YamlReader::markOf(missing).is_null(), true);
    QCOMPARE(YamlReader::lineOf(missing), 0);
    // child() of a scalar (where yaml-cpp's operator[] throws) is undefined.
    QVERIFY(!YamlReader::child(YamlReader::child(root, "a"), "b").IsDefined());
}

void TestYamlReader::depthBombIsAnError()
{
    YamlReader r(QStringLiteral("deep.yaml"));
    QVERIFY(!r.load(QByteArray(200, '[') + QByteArray(200, ']')));
    QVERIFY(r.error());
    QVERIFY2(r.error()->message.contains(QStringLiteral("64 levels")),
             qPrintable(r.error()->toString()));
    QCOMPARE(r.error()->line, 1);

    // The boundary: 64 nested lists with a value in the innermost load; 65 do not.
    YamlReader edge(QStringLiteral("edge.yaml"));
    QVERIFY2(edge.load(QByteArray(64, '[') + "x" + QByteArray(64, ']')),
             qPrintable(edge.error() ? edge.error()->toString() : QString()));
    QVERIFY(!edge.load(QByteArray(65, '[') + "x" + QByteArray(65, ']')));
    YamlReader huge(QStringLiteral("deeper.yaml"));
    QVERIFY(!huge.load(QByteArray(100000, '[') + QByteArray(100000, ']')));
    QVERIFY(huge.error());
}

void TestYamlReader::aliasBombIsAnErrorQuickly()
{
    QByteArray yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i <= 9; ++i) {
        QByteArray line =
            QByteArray("a") + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
        for (int k = 0; k < 9; ++k)
            line += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
        yaml += line + "]\n";
    }
    QElapsedTimer timer;
    timer.start();
    YamlReader r(QStringLiteral("lol.yaml"));
    QVERIFY(!r.load(yaml));
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(r.error());
    QVERIFY2(r.error()->message.contains(QStringLiteral("too large")),
             qPrintable(r.error()->toString()));
}

void TestYamlReader::selfReferencingAliasIsAnError()
{
    YamlReader r(QStringLiteral("self.yaml"));
    QVERIFY(!r.load("a: &a [*a]\n"));
    QVERIFY(r.error());
    QVERIFY(r.error()->line >= 1);

    YamlReader m(QStringLiteral("self.yaml"));
    QVERIFY(!m.load("a: &a {k: *a}\n"));
    QVERIFY(m.error());
}

void TestYamlReader::documentThatIsNotAMap()
{
    YamlReader r(QStringLiteral("list.yaml"));
    QVERIFY(r.load("- a\n- b\n"));
    QVERIFY(!r.root().IsMap());
    QVERIFY(!YamlReader::child(r.root(), "a").IsDefined());
    const LocatedError e = r.at(r.root(), QString(), QStringLiteral("expected a mapping"));
    QCOMPARE(e.toString(), QStringLiteral("list.yaml:1:1: expected a mapping"));
}

void TestYamlReader::emptyFile()
{
    for (const QByteArray &text :
         {QByteArray(), QByteArray("# only a comment\n"), QByteArray("---\n")}) {
        YamlReader r(QStringLiteral("empty.yaml"));
        QVERIFY(r.load(text));
        QVERIFY(r.isEmpty());
    }
}

void TestYamlReader::nonUtf8BytesAreLocated()
{
    YamlReader r(QStringLiteral("latin1.yaml"));
    QVERIFY(!r.load("a: ok\nb: caf\xe9\n"));
    QVERIFY(r.error());
    QCOMPARE(r.error()->line, 2);
    QCOMPARE(r.error()->column, 7);
    QVERIFY2(r.error()->message.contains(QStringLiteral("0xe9")),
             qPrintable(r.error()->toString()));

    YamlReader ok(QStringLiteral("utf8.yaml"));
    QVERIFY(ok.load("b: caf\xc3\xa9\n"));
}

void TestYamlReader::exceptionInAWalkBecomesAnError()
{
    YamlReader r(QStringLiteral("w.yaml"));
    QVERIFY(r.load("a: text\n"));
    const auto failure = r.guard([&] { (void)r.root()["a"].as<int>(); });
    QVERIFY(failure);
    QCOMPARE(failure->line, 1);
    QVERIFY(!r.guard([] {}));
}

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
