#include "common/format.h"
#include "common/health.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>
#include <cmath>
#include <ctime>

using namespace labdeck;
using Q = Format::Quantity;

class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Local time on a half-hour offset: ticks at round local times are
        // not at round UTC times.
        qputenv("TZ", "Asia/Kolkata");
        tzset();
        QCOMPARE(QDateTime::fromSecsSinceEpoch(0).toString(QStringLiteral("HH:mm")),
                 QStringLiteral("05:30"));
    }
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
    void quantity_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("percent") << int(Q::Percent) << 37.54 << "37.5 %";
        QTest::newRow("load") << int(Q::Plain) << 0.523 << "0.52";
        QTest::newRow("bytes/s") << int(Q::BytesPerSecond) << 1.25 * 1024 * 1024 << "1.3 MiB/s";
        QTest::newRow("bytes/s small") << int(Q::BytesPerSecond) << 900.0 << "900 B/s";
        QTest::newRow("bytes") << int(Q::Bytes) << 5.7 * 1024 * 1024 * 1024 << "5.7 GiB";
        QTest::newRow("huge, no e-notation") << int(Q::BytesPerSecond) << 3e15 << "2728.5 TiB/s";
        QTest::newRow("nan") << int(Q::Plain) << std::nan("") << "no value";
    }
    void quantity()
    {
        QFETCH(int, quantity);
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(Format::quantity(Q(quantity), value), expected);
    }

    void valueTicks_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<double>("max");
        const double kib = 1024;
        const double mib = 1024 * kib;
        QTest::newRow("rate in MiB/s")
            << int(Q::BytesPerSecond) << 0.0 << 1.3 * mib << 5
            << QStringList{"0 MiB/s", "0.5 MiB/s", "1 MiB/s", "1.5 MiB/s"} << 1.5 * mib;
        QTest::newRow("rate in KiB/s")
            << int(Q::BytesPerSecond) << 0.0 << 700 * kib << 5
            << QStringList{"0 KiB/s", "200 KiB/s", "400 KiB/s", "600 KiB/s", "800 KiB/s"}
            << 800 * kib;
        // 1000 KiB would round up to 1024 KiB or more: the axis is in MiB/s.
        QTest::newRow("KiB rounding up to MiB")
            << int(Q::BytesPerSecond) << 0.0 << 1020 * kib << 4
            << QStringList{"0 MiB/s", "0.5 MiB/s", "1 MiB/s"} << mib;
        QTest::newRow("rate never below zero")
            << int(Q::BytesPerSecond) << -500.0 << 3000.0 << 4
            << QStringList{"0 KiB/s", "1 KiB/s", "2 KiB/s", "3 KiB/s"} << 3 * kib;
        QTest::newRow("no traffic") << int(Q::BytesPerSecond) << 0.0 << 0.0 << 3
                                    << QStringList{"0 KiB/s", "0.5 KiB/s", "1 KiB/s"} << kib;
        QTest::newRow("bytes, whole bytes only")
            << int(Q::Bytes) << 0.0 << 3.0 << 8 << QStringList{"0 B", "1 B", "2 B", "3 B"} << 3.0;
        QTest::newRow("percent, six ticks")
            << int(Q::Percent) << 0.0 << 37.0 << 6
            << QStringList{"0 %", "20 %", "40 %", "60 %", "80 %", "100 %"} << 100.0;
        QTest::newRow("percent, three ticks")
            << int(Q::Percent) << 0.0 << 99.0 << 3 << QStringList{"0 %", "50 %", "100 %"} << 100.0;
        QTest::newRow("load") << int(Q::Plain) << 0.0 << 0.61 << 5
                              << QStringList{"0", "0.2", "0.4", "0.6", "0.8"} << 0.8;
        QTest::newRow("load, two ticks")
            << int(Q::Plain) << 0.0 << 0.61 << 2 << QStringList{"0", "1"} << 1.0;
        QTest::newRow("small load")
            << int(Q::Plain) << 0.0 << 0.07 << 4 << QStringList{"0", "0.05", "0.1"} << 0.1;
        QTest::newRow("custom query below zero")
            << int(Q::Plain) << -1.2 << 2.5 << 6 << QStringList{"-2", "-1", "0", "1", "2", "3"}
            << 3.0;
    }
    void valueTicks()
    {
        QFETCH(int, quantity);
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(int, maxTicks);
        QFETCH(QStringList, labels);
        QFETCH(double, max);
        const Format::ValueTicks t = Format::valueTicks(Q(quantity), lo, hi, maxTicks);
        QCOMPARE(t.labels, labels);
        QVERIFY(t.labels.size() <= maxTicks);
        QCOMPARE(t.values.size(), t.labels.size());
        QCOMPARE(t.values.first(), t.min);
        QCOMPARE(t.max, max);
        QVERIFY(std::abs(t.values.last() - t.max) < 1e-6 * t.max);
        QVERIFY(t.max >= hi);
        if (lo >= 0 || Q(quantity) != Q::Plain)
            QCOMPARE(t.min, 0.0);
        for (const QString &label : t.labels)
            QVERIFY2(!label.contains(QRegularExpression(QStringLiteral("\\de[+-]?\\d"))),
                     qPrintable(label));
    }

    void valueTicksAreNice()
    {
        // Any range and room: 1, 2 or 5 times a power of ten of the unit,
        // covering the data, within the room, never in e-notation.
        const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d+)?( .*)?$"));
        for (const Q q : {Q::Plain, Q::Percent, Q::Bytes, Q::BytesPerSecond}) {
            for (double hi = 0.003; hi < 5e13; hi *= 1.37) {
                for (int room = 2; room <= 8; ++room) {
                    const Format::ValueTicks t = Format::valueTicks(q, 0, hi, room);
                    QVERIFY(t.labels.size() >= 2 && t.labels.size() <= room);
                    QVERIFY(t.max >= hi);
                    QCOMPARE(t.min, 0.0);
                    const double unitStep = t.step / std::pow(1024.0, t.unitPower);
                    const double mantissa =
                        unitStep / std::pow(10.0, std::floor(std::log10(unitStep) + 1e-9));
                    QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 ||
                                 std::abs(mantissa - 5) < 1e-6,
                             qPrintable(QStringLiteral("%1 %2").arg(hi).arg(unitStep)));
                    for (const QString &label : t.labels)
                        QVERIFY2(number.match(label).hasMatch(), qPrintable(label));
                    QCOMPARE(QSet<QString>(t.labels.begin(), t.labels.end()).size(),
                             t.labels.size());
                }
            }
        }
    }

    void timeTicks_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<qint64>("spanSeconds");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<QStringList>("labels");
        // Local times (Asia/Kolkata, UTC+05:30).
        QTest::newRow("15 min") << "2024-03-14T14:07:20" << qint64(900) << 4
                                << QStringList{"14:10", "14:15", "14:20"};
        QTest::newRow("1 h") << "2024-03-14T13:07:00" << qint64(3600) << 4
                             << QStringList{"13:15", "13:30", "13:45", "14:00"};
        QTest::newRow("1 h, less room")
            << "2024-03-14T13:07:00" << qint64(3600) << 2 << QStringList{"13:30", "14:00"};
        QTest::newRow("1 h, more room")
            << "2024-03-14T13:07:00" << qint64(3600) << 7
            << QStringList{"13:10", "13:20", "13:30", "13:40", "13:50", "14:00"};
        QTest::newRow("6 h") << "2024-03-14T08:07:00" << qint64(6 * 3600) << 4
                             << QStringList{"10:00", "12:00", "14:00"};
        QTest::newRow("24 h across midnight") << "2024-03-14T14:07:00" << qint64(86400) << 5
                                              << QStringList{"18:00", "00:00", "06:00", "12:00"};
        QTest::newRow("7 d, days")
            << "2024-03-07T14:07:00" << qint64(7 * 86400) << 8
            << QStringList{"03-08", "03-09", "03-10", "03-11", "03-12", "03-13", "03-14"};
        QTest::newRow("2 d, hours")
            << "2024-03-12T14:07:00" << qint64(2 * 86400) << 5
            << QStringList{"03-13 00:00", "03-13 12:00", "03-14 00:00", "03-14 12:00"};
        QTest::newRow("zoomed to a minute")
            << "2024-03-14T14:07:20" << qint64(60) << 4
            << QStringList{"14:07:30", "14:07:45", "14:08:00", "14:08:15"};
        QTest::newRow("7 d, narrow") << "2024-03-07T14:07:00" << qint64(7 * 86400) << 3
                                     << QStringList{"03-08", "03-11", "03-14"};
    }
    void timeTicks()
    {
        QFETCH(QString, from);
        QFETCH(qint64, spanSeconds);
        QFETCH(int, maxTicks);
        QFETCH(QStringList, labels);
        const QDateTime start = QDateTime::fromString(from, Qt::ISODate);
        QVERIFY(start.isValid());
        QCOMPARE(start.timeSpec(), Qt::LocalTime);
        const qint64 fromMs = start.toMSecsSinceEpoch();
        const qint64 toMs = fromMs + spanSeconds * 1000;
        // Room for maxTicks: at least a maxTicks-th of the range apart.
        const Format::TimeTicks t = Format::timeTicks(fromMs, toMs, (toMs - fromMs) / maxTicks);
        QCOMPARE(t.labels, labels);
        QVERIFY(t.labels.size() <= maxTicks + 1);
        QCOMPARE(t.msecs.size(), t.labels.size());
        for (qsizetype i = 1; i < t.msecs.size(); ++i)
            QVERIFY((t.msecs.at(i) - t.msecs.at(i - 1)) * maxTicks >= toMs - fromMs);
        for (qsizetype i = 0; i < t.msecs.size(); ++i) {
            QVERIFY(t.msecs.at(i) >= fromMs && t.msecs.at(i) <= toMs);
            // Each label is its tick's local time.
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(t.msecs.at(i)).toString(t.format),
                     t.labels.at(i));
        }
        // A local round hour is half past in UTC here.
        QCOMPARE(Format::sampleTime(start.toMSecsSinceEpoch()),
                 start.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }

    void sparkline()
    {
        QCOMPARE(Format::sparkline({0, 25, 50, 75, 100}, 100, 10),
                 QStringLiteral("\u2581\u2583\u2585\u2586\u2588"));
        // Squeezed into the width, each cell the largest of its share.
        QCOMPARE(Format::sparkline({0, 100, 0, 0, 50, 0}, 100, 3),
                 QStringLiteral("\u2588\u2581\u2585"));
        QCOMPARE(Format::sparkline({std::nan(""), 200, -5}, 100, 8),
                 QStringLiteral(" \u2588\u2581"));
        QCOMPARE(Format::sparkline({1, 2}, 0, 8), QStringLiteral("\u2581\u2581"));
        QVERIFY(Format::sparkline({}, 1, 8).isEmpty());
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
