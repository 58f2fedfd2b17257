#include "common/format.h"
#include "common/health.h"

#include <QTest>

using namespace labdeck;

class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void size_data()
    {
        QTest::addColumn<double>("cpus");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("memory");
        QTest::addColumn<double>("disk");
        QTest::addColumn<QString>("expected");
        QTest::newRow("oci node") << 1.0 << "OCPU" << 6.0 << 50.0 << "1 OCPU / 6 GB / 50 GB";
        QTest::newRow("plain cpus") << 8.0 << "" << 32.0 << 0.0 << "8 CPU / 32 GB";
        QTest::newRow("fractions") << 0.5 << "OCPU" << 1.5 << 0.0 << "0.5 OCPU / 1.5 GB";
        QTest::newRow("nothing") << 0.0 << "" << 0.0 << 0.0 << "";
    }
    void size()
    {
        QFETCH(double, cpus);
        QFETCH(QString, unit);
        QFETCH(double, memory);
        QFETCH(double, disk);
        QFETCH(QString, expected);
        QCOMPARE(Format::size(cpus, unit, memory, disk), expected);
    }
    void ago_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << qint64(0) << "0 s ago";
        QTest::newRow("clock skew") << qint64(-5) << "0 s ago";
        QTest::newRow("seconds") << qint64(12) << "12 s ago";
        QTest::newRow("minutes") << qint64(5 * 60 + 59) << "5 min ago";
        QTest::newRow("hours") << qint64(3 * 3600) << "3 h ago";
        QTest::newRow("days") << qint64(2 * 86400 + 10) << "2 d ago";
    }
    void ago()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(Format::ago(seconds), expected);
    }
    void healthNeverLooksHealthyWhenUnknown()
    {
        QCOMPARE(HealthText::name(Health::Unknown), QStringLiteral("unknown"));
        QCOMPARE(HealthText::glyph(Health::Unknown), QStringLiteral("?"));
        QVERIFY(HealthText::glyph(Health::Ok) != HealthText::glyph(Health::Unknown));
        QVERIFY(HealthText::glyph(Health::Warning) != HealthText::glyph(Health::Critical));
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
