// The history on a real SQLite file: what is written survives a restart, a
// file of the previous schema is migrated with its rows, a writer killed with
// SIGKILL mid-burst leaves a readable file, a locked, a damaged and a full
// file each give a clear error without losing the file, retention turns old
// results into hourly aggregates with the same counts, and the timeline,
// uptime and incident queries give hand-computed answers.

#include "history/historydatabase.h"
#include "history/historystore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace labdeck;
using namespace labdeck::history;

namespace {

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// An hour boundary a few days back: every hand-computed time is after it.
qint64 baseTime()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return now - now % kHour - 10 * kDay;
}

checks::CheckResult result(const QString &category, const QString &target, Health severity,
                           const QString &summary = QString())
{
    checks::CheckResult r;
    r.category = category;
    r.target = target;
    r.severity = severity;
    r.summary = summary.isEmpty() ? HealthText::name(severity) : summary;
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

HistoryOptions at(const QString &path)
{
    HistoryOptions o;
    o.path = path;
    return o;
}

// While alive, no file of this process may grow past `bytes` (as
// tst_faults_disk does: a write past it fails with EFBIG, SIGXFSZ ignored).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

// A raw connection to a file, as another program (or the previous Labdeck) has.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_ok = false;
};

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath()
    {
        return m_dir.filePath(QStringLiteral("h%1/history.sqlite").arg(++m_files));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")),
                 "install libqt6sql6-sqlite");
    }

    void resultsSurviveARestart()
    {
        const QString path = newPath();
        const qint64 t0 = baseTime();
        {
            HistoryDatabase db(at(path));
            QCOMPARE(db.open().state, HistoryState::Ready);
            QVERIFY(QFileInfo::exists(path));
            QVERIFY(db.record(
                {result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)}, t0));
            QVERIFY(db.record({result(QStringLiteral("certs"), QStringLiteral("https://a"),
                                      Health::Critical, QStringLiteral("expired"))},
                              t0 + kMinute));
            QCOMPARE(db.recordStates({{QStringLiteral("host:bracky"),
                                       ItemState{Health::Warning, QStringLiteral("slow")}}},
                                     t0 + 2 * kMinute),
                     1);
        }
        HistoryDatabase db(at(path));
        QCOMPARE(db.open().state, HistoryState::Ready);
        QCOMPARE(db.rawResultCount(QStringLiteral("check:certs:https://a")), 2);
        QCOMPARE(db.items(t0), (QStringList{QStringLiteral("check:certs:https://a"),
                                            QStringLiteral("host:bracky")}));
        // Still critical since before: part of a later span too.
        QCOMPARE(db.items(t0 + 3 * kMinute), (QStringList{QStringLiteral("check:certs:https://a"),
                                                          QStringLiteral("host:bracky")}));
        const QList<Transition> all = db.transitions({}, t0, 10);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].item, QStringLiteral("host:bracky"));
        QCOMPARE(all[1].item, QStringLiteral("check:certs:https://a"));
        QCOMPARE(all[1].from, Health::Ok);
        QCOMPARE(all[1].to, Health::Critical);
        QCOMPARE(all[1].reason, QStringLiteral("expired"));
        // The last states came back too: the same state again writes nothing.
        QCOMPARE(db.recordStates({{QStringLiteral("host:bracky"),
                                   ItemState{Health::Warning, QStringLiteral("slow")}}},
                                 t0 + 3 * kMinute),
                 0);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    void theStoreWorksOnItsOwnThreadAndAnswersByRequestId()
    {
        const QString path = newPath();
        const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(baseTime(), Qt::UTC);
        {
            HistoryStore store(at(path));
            QSignalSpy status(&store, &HistoryStore::statusChanged);
            QSignalSpy recorded(&store, &HistoryStore::recorded);
            store.open();
            QVERIFY(status.wait(5000));
            QCOMPARE(store.status().state, HistoryState::Ready);
            store.record({result(QStringLiteral("k8s"), QStringLiteral("node bracky"),
                                 Health::Critical, QStringLiteral("NotReady"))},
                         t0);
            store.record({result(QStringLiteral("k8s"), QStringLiteral("node bracky"), Health::Ok)},
                         t0.addSecs(300));
            QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 5000);
            QSignalSpy incidents(&store, &HistoryStore::incidentsReady);
            QSignalSpy timeline(&store, &HistoryStore::timelineReady);
            const int a = store.requestTimeline(QStringLiteral("check:k8s:node bracky"), t0,
                                                t0.addSecs(600), 2);
            const int b = store.requestIncidents(QString(), t0.addSecs(-60));
            QVERIFY(a != b);
            QTRY_COMPARE_WITH_TIMEOUT(incidents.size(), 1, 5000);
            QCOMPARE(timeline.size(), 1); // answered in order
            QCOMPARE(timeline[0][0].toInt(), a);
            const auto buckets = timeline[0][1].value<QList<TimelineBucket>>();
            QCOMPARE(buckets.size(), 2);
            QCOMPARE(buckets[0].worst, Health::Critical);
            QCOMPARE(buckets[1].worst, Health::Ok);
            QCOMPARE(incidents[0][0].toInt(), b);
            const auto list = incidents[0][1].value<QList<Incident>>();
            QCOMPARE(list.size(), 1);
            QCOMPARE(list[0].from, t0.toMSecsSinceEpoch());
            QCOMPARE(list[0].to, t0.addSecs(300).toMSecsSinceEpoch());
            QCOMPARE(list[0].reason, QStringLiteral("NotReady"));
            // The last write goes in before the store closes.
            store.record({result(QStringLiteral("k8s"), QStringLiteral("node bracky"), Health::Ok)},
                         t0.addSecs(600));
        }
        HistoryDatabase db(at(path));
        QCOMPARE(db.open().state, HistoryState::Ready);
        QCOMPARE(db.rawResultCount(), 3);
    }

    void migratesAFileOfThePreviousSchemaWithItsRows()
    {
        const QString path = newPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        const qint64 t0 = baseTime();
        {
            // What the previous Labdeck wrote: schema version 1.
            RawConnection v1(path);
            QVERIFY(v1.ok());
            QVERIFY(v1.exec(QStringLiteral(
                "CREATE TABLE results(t INTEGER NOT NULL, item TEXT NOT NULL, severity INTEGER "
                "NOT NULL, summary TEXT NOT NULL DEFAULT '')")));
            QVERIFY(v1.exec(QStringLiteral("CREATE INDEX results_item_t ON results(item, t)")));
            QVERIFY(v1.exec(QStringLiteral(
                "CREATE TABLE transitions(t INTEGER NOT NULL, item TEXT NOT NULL, from_severity "
                "INTEGER NOT NULL, to_severity INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT "
                "'')")));
            // certs:https://a ok, ok, critical, ok; routes:r warning twice.
            const int sev[] = {0, 0, 2, 0};
            for (int i = 0; i < 4; ++i)
                QVERIFY(v1.exec(QStringLiteral("INSERT INTO results VALUES(%1, "
                                               "'check:certs:https://a', %2, 'said %3')")
                                    .arg(t0 + i * kMinute)
                                    .arg(sev[i])
                                    .arg(i)));
            QVERIFY(v1.exec(
                QStringLiteral("INSERT INTO results VALUES(%1, 'check:routes:r', 1, 'slow'), (%2, "
                               "'check:routes:r', 1, 'slow')")
                    .arg(t0)
                    .arg(t0 + kMinute)));
            QVERIFY(v1.exec(QStringLiteral("INSERT INTO transitions VALUES(%1, 'host:bracky', 3, "
                                           "2, 'NotReady'), (%2, 'host:bracky', 2, 0, 'Ready')")
                                .arg(t0)
                                .arg(t0 + 5 * kMinute)));
            QVERIFY(v1.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        {
            HistoryDatabase db(at(path));
            QCOMPARE(db.open().state, HistoryState::Ready);
            QCOMPARE(db.rawResultCount(), 6);
            QCOMPARE(db.rawResultCount(QStringLiteral("check:certs:https://a")), 4);
            // Transitions derived from version 1's results, and its own kept.
            const QList<Transition> t = db.transitions(
                {QString(), QStringLiteral("check:certs:https://a"), Health::Unknown}, 0, 10);
            QCOMPARE(t.size(), 3); // unknown->ok, ok->critical, critical->ok
            QCOMPARE(t[1].to, Health::Critical);
            QCOMPARE(t[1].reason, QStringLiteral("said 2"));
            const QList<Incident> inc = db.incidents(QStringLiteral("host:bracky"), 0);
            QCOMPARE(inc.size(), 1);
            QCOMPARE(inc[0].from, t0);
            QCOMPARE(inc[0].to, t0 + 5 * kMinute);
            QCOMPARE(inc[0].worst, Health::Critical);
            // The last states were rebuilt: the same state writes nothing.
            QCOMPARE(db.recordStates({{QStringLiteral("host:bracky"), ItemState{Health::Ok, {}}}},
                                     t0 + kHour),
                     0);
            const Uptime u = db.uptime(QStringLiteral("check:routes:r"), t0, t0 + kHour);
            QCOMPARE(u.samples, 2);
            QCOMPARE(u.percent, 0.0);
            // New rows go into the migrated file.
            QVERIFY(db.record(
                {result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)},
                t0 + kHour));
            QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        }
        RawConnection check(path);
        QCOMPARE(check.value(QStringLiteral("PRAGMA user_version")).toInt(),
                 HistoryDatabase::kSchemaVersion);
        QCOMPARE(check.value(QStringLiteral("SELECT count(*) FROM results")).toInt(), 7);
        QCOMPARE(check.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }

    void identicalSnapshotsWriteNothing()
    {
        HistoryDatabase db(at(newPath()));
        QCOMPARE(db.open().state, HistoryState::Ready);
        const qint64 t0 = baseTime();
        QHash<QString, ItemState> snapshot{
            {QStringLiteral("host:bracky"), {Health::Ok, QStringLiteral("Ready")}},
            {QStringLiteral("host:pikachu"), {Health::Ok, QStringLiteral("Ready")}},
            {QStringLiteral("url:https://ha.example.com"), {Health::Unknown, QString()}},
        };
        // Unknown from the start is not a state worth storing.
        QCOMPARE(db.recordStates(snapshot, t0), 2);
        for (int i = 1; i <= 50; ++i)
            QCOMPARE(db.recordStates(snapshot, t0 + i * 1000), 0);
        snapshot[QStringLiteral("host:bracky")] = {Health::Critical, QStringLiteral("NotReady")};
        QCOMPARE(db.recordStates(snapshot, t0 + 60000), 1);
        // A new reason with the same severity is not a transition.
        snapshot[QStringLiteral("host:bracky")] = {Health::Critical, QStringLiteral("gone")};
        QCOMPARE(db.recordStates(snapshot, t0 + 61000), 0);
        QCOMPARE(db.transitions({}, 0, 100).size(), 3);
        // Labdeck closes: the watched items become unknown, not "up".
        QCOMPARE(db.recordSessionEnd(t0 + 70000, QStringLiteral("Labdeck closed")), 2);
        QCOMPARE(db.transitions({}, 0, 100).first().to, Health::Unknown);
    }

    void aWriterKilledMidBurstLeavesAReadableFile()
    {
        const QString path = newPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        qint64 before = 0;
        for (int run = 0; run < 3; ++run) {
            QProcess writer;
            writer.start(QStringLiteral(LABDECK_HISTORY_WRITER), {QStringLiteral("burst"), path});
            QVERIFY(writer.waitForStarted());
            // Let it commit a few rounds (more each run), then SIGKILL it.
            const int rounds = 5 + 10 * run;
            QByteArray seen;
            QTRY_VERIFY_WITH_TIMEOUT(
                (seen += writer.readAllStandardOutput()).count("round ") >= rounds, 20000);
            writer.kill(); // SIGKILL: no destructor, no commit, no checkpoint
            QVERIFY(writer.waitForFinished());
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            HistoryDatabase db(at(path));
            const HistoryStatus st = db.open();
            QCOMPARE(st.state, HistoryState::Ready);
            QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
            const qint64 rows = db.rawResultCount();
            // Whole rounds only: a transaction is all or nothing.
            QCOMPARE(rows % 60, 0);
            QVERIFY2(rows >= before + 60 * rounds, qPrintable(QString::number(rows)));
            before = rows;
        }
    }

    void aLockedFileGivesASessionWithoutItAndIsNotTouched()
    {
        const QString path = newPath();
        {
            HistoryDatabase db(at(path));
            QCOMPARE(db.open().state, HistoryState::Ready);
            QVERIFY(db.record(
                {result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)},
                baseTime()));
        }
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        QProcess locker;
        locker.start(QStringLiteral(LABDECK_HISTORY_WRITER), {QStringLiteral("lock"), path});
        QVERIFY(locker.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += locker.readAllStandardOutput()).contains("locked"),
                                 10000);

        HistoryOptions options = at(path);
        options.busyTimeoutMs = 300;
        {
            HistoryDatabase db(options);
            const HistoryStatus st = db.open();
            QCOMPARE(st.state, HistoryState::MemoryOnly);
            QVERIFY2(st.message.contains(path), qPrintable(st.message));
            QVERIFY2(st.message.contains(QLatin1String("locked")), qPrintable(st.message));
            QVERIFY2(st.message.contains(QLatin1String("memory only")), qPrintable(st.message));
            // The session still keeps what happens, in memory.
            QVERIFY(db.record(
                {result(QStringLiteral("certs"), QStringLiteral("https://b"), Health::Ok)},
                baseTime()));
            QCOMPARE(db.rawResultCount(), 1);
        }
        QCOMPARE(readAll(path), bytes);
        // The window's store says the same, without blocking its thread.
        {
            HistoryStore store(options);
            QSignalSpy status(&store, &HistoryStore::statusChanged);
            store.open();
            QVERIFY(status.wait(5000));
            QCOMPARE(store.status().state, HistoryState::MemoryOnly);
        }
        QCOMPARE(readAll(path), bytes);
        locker.closeWriteChannel();
        QVERIFY(locker.waitForFinished());
        QCOMPARE(locker.exitCode(), 0);
        // Unlocked, the file is used again, with its rows.
        HistoryDatabase db(at(path));
        QCOMPARE(db.open().state, HistoryState::Ready);
        QCOMPARE(db.rawResultCount(), 1);
    }

    void aDamagedFileIsKeptUnderANewNameAndAFreshOneStarted_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("why");
        QByteArray garbage;
        for (int i = 0; i < 9000; ++i)
            garbage += char((i * 7919) % 251);
        QTest::newRow("garbage") << garbage << QStringLiteral("not an SQLite database");
        QTest::newRow("header cut short")
            << QByteArray("SQLite format 3\0\x10\0\x02\x02", 20) << QStringLiteral("cut short");
    }

    void aDamagedFileIsKeptUnderANewNameAndAFreshOneStarted()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        const QString path = newPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(writeFile(path, bytes));
        HistoryDatabase db(at(path));
        const HistoryStatus st = db.open();
        QCOMPARE(st.state, HistoryState::Recovered);
        QVERIFY2(st.message.contains(path), qPrintable(st.message));
        QVERIFY2(st.message.contains(why), qPrintable(st.message));
        QVERIFY(st.movedTo.startsWith(path + QLatin1String(".corrupt-")));
        QVERIFY2(st.message.contains(st.movedTo), qPrintable(st.message));
        // Kept byte for byte, and a working new file in its place.
        QCOMPARE(readAll(st.movedTo), bytes);
        QVERIFY(
            db.record({result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)},
                      baseTime()));
        QCOMPARE(db.rawResultCount(), 1);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    void aDamagedDatabaseBodyIsFoundAtOpen()
    {
        // A real database whose pages after the first are overwritten.
        const QString path = newPath();
        {
            HistoryDatabase db(at(path));
            QCOMPARE(db.open().state, HistoryState::Ready);
            QList<checks::CheckResult> many;
            for (int i = 0; i < 200; ++i)
                many << result(QStringLiteral("certs"), QStringLiteral("https://t%1").arg(i),
                               Health::Ok, QString(200, QLatin1Char('x')));
            QVERIFY(db.record(many, baseTime()));
        }
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 8192);
        for (qsizetype i = 4096; i < bytes.size(); ++i)
            bytes[i] = char(0xA5 ^ (i & 0xff));
        QVERIFY(writeFile(path, bytes));
        HistoryDatabase db(at(path));
        const HistoryStatus st = db.open();
        QCOMPARE(st.state, HistoryState::Recovered);
        QCOMPARE(readAll(st.movedTo), bytes);
        QCOMPARE(db.rawResultCount(), 0);
    }

    void retentionTurnsOldResultsIntoHourlyAggregatesWithEqualCounts()
    {
        HistoryOptions options = at(newPath());
        options.rawRetentionDays = 30;
        options.aggregateRetentionDays = 365;
        HistoryDatabase db(options);
        QCOMPARE(db.open().state, HistoryState::Ready);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 old = now - now % kHour - 40 * kDay; // an hour boundary, 40 days ago
        const QString item = QStringLiteral("check:certs:https://a");
        // 3 hours of 5-minute results: hour 0 all ok, hour 1 two critical,
        // hour 2 one warning and one unknown.
        for (int i = 0; i < 36; ++i) {
            Health h = Health::Ok;
            if (i == 13 || i == 17)
                h = Health::Critical;
            if (i == 30)
                h = Health::Warning;
            if (i == 31)
                h = Health::Unknown;
            QVERIFY(db.record({result(QStringLiteral("certs"), QStringLiteral("https://a"), h)},
                              old + i * 5 * kMinute));
        }
        // Recent ones stay raw; very old ones go.
        QVERIFY(
            db.record({result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)},
                      now - kDay));
        QVERIFY(
            db.record({result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)},
                      now - 400 * kDay));
        // Not hour boundaries, so each bucket spans parts of two hours.
        const QList<TimelineBucket> before = db.timeline(item, old, old + 3 * kHour, 3);
        QCOMPARE(db.rawResultCount(), 38);

        db.compactAll(now);
        QCOMPARE(db.rawResultCount(item), 1); // only the recent one
        QCOMPARE(db.aggregatedResultCount(item), 36);
        const QList<TimelineBucket> after = db.timeline(item, old, old + 3 * kHour, 3);
        QCOMPARE(after.size(), 3);
        for (int b = 0; b < 3; ++b) {
            QCOMPARE(after[b].counts, before[b].counts);
            QCOMPARE(after[b].worst, before[b].worst);
        }
        QCOMPARE(after[0].counts, (std::array<int, 4>{12, 0, 0, 0}));
        QCOMPARE(after[1].counts, (std::array<int, 4>{10, 0, 2, 0}));
        QCOMPARE(after[1].worst, Health::Critical);
        QCOMPARE(after[2].counts, (std::array<int, 4>{10, 1, 0, 1}));
        QCOMPARE(after[2].worst, Health::Warning);
        RawConnection raw(options.path);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM hourly")).toInt(), 3);
        QCOMPARE(raw.value(QStringLiteral("SELECT worst FROM hourly ORDER BY hour LIMIT 1 OFFSET "
                                          "1"))
                     .toInt(),
                 int(CodeCritical));
        // Uptime over the aggregated span: 32 ok of 35 known.
        const Uptime u = db.uptime(item, old, old + 3 * kHour);
        QCOMPARE(u.samples, 35);
        QCOMPARE(u.okSamples, 32);
        QVERIFY(!db.compactionDue(now));
        QVERIFY(db.compactionDue(now + 25 * kHour));
        // Compacting again changes nothing.
        db.compactAll(now);
        QCOMPARE(db.aggregatedResultCount(item), 36);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    void timelineUptimeAndIncidentsOfALabItem()
    {
        HistoryDatabase db(at(newPath()));
        QCOMPARE(db.open().state, HistoryState::Ready);
        const qint64 t0 = baseTime();
        const QString id = QStringLiteral("host:bracky");
        auto state = [&](qint64 at, Health h, const QString &why) {
            QCOMPARE(db.recordStates({{id, ItemState{h, why}}}, at), 1);
        };
        // ok 0..4h, warning 4..5h, critical 5..6h, ok 6..9h, unknown 9..10h,
        // warning from 10h on (ongoing).
        state(t0, Health::Ok, QStringLiteral("Ready"));
        state(t0 + 4 * kHour, Health::Warning, QStringLiteral("MemoryPressure"));
        state(t0 + 5 * kHour, Health::Critical, QStringLiteral("NotReady"));
        state(t0 + 6 * kHour, Health::Ok, QStringLiteral("Ready"));
        state(t0 + 9 * kHour, Health::Unknown, QStringLiteral("cluster unreachable"));
        state(t0 + 10 * kHour, Health::Warning, QStringLiteral("DiskPressure"));

        const QList<TimelineBucket> strip = db.timeline(id, t0, t0 + 12 * kHour, 6);
        QCOMPARE(strip.size(), 6);
        const Health worst[] = {Health::Ok, Health::Ok,      Health::Critical,
                                Health::Ok, Health::Unknown, Health::Warning};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(strip[i].worst, worst[i]);
        QCOMPARE(strip[2].stateMs[CodeWarning], kHour);
        QCOMPARE(strip[2].stateMs[CodeCritical], kHour);
        QCOMPARE(strip[4].stateMs[CodeOk], kHour);
        QCOMPARE(strip[4].stateMs[CodeUnknown], kHour);
        // Before the first state: nothing known.
        QVERIFY(db.timeline(id, t0 - 2 * kHour, t0, 1).first().empty());

        // Known 11 of 12 h, ok 7 h.
        const Uptime u = db.uptime(id, t0, t0 + 12 * kHour);
        QCOMPARE(u.knownMs, 11 * kHour);
        QCOMPARE(u.okMs, 7 * kHour);
        QCOMPARE(u.percent, 100.0 * 7 / 11);

        const QList<Incident> inc = db.incidents(id, t0);
        QCOMPARE(inc.size(), 2);
        QCOMPARE(inc[0].from, t0 + 10 * kHour);
        QVERIFY(inc[0].ongoing());
        QCOMPARE(inc[0].reason, QStringLiteral("DiskPressure"));
        QCOMPARE(inc[1].from, t0 + 4 * kHour);
        QCOMPARE(inc[1].to, t0 + 6 * kHour);
        QCOMPARE(inc[1].worst, Health::Critical);
        QCOMPARE(inc[1].reason, QStringLiteral("MemoryPressure"));
        // Asked from inside the first incident: it began before, it is listed.
        const QList<Incident> later = db.incidents(QString(), t0 + 5 * kHour + kMinute);
        QCOMPARE(later.size(), 2);
        QCOMPARE(later[1].from, t0 + 4 * kHour);
        // From after it ended: only the ongoing one.
        QCOMPARE(db.incidents(QString(), t0 + 7 * kHour).size(), 1);

        // The dock's filter.
        TransitionFilter f;
        f.minimum = Health::Warning;
        QCOMPARE(db.transitions(f, t0, 100).size(), 3);
        f.text = QStringLiteral("notready");
        QCOMPARE(db.transitions(f, t0, 100).size(), 1);
        f = {};
        f.text = QStringLiteral("BRACKY");
        QCOMPARE(db.transitions(f, t0, 100).size(), 6);
        QCOMPARE(db.transitions({}, t0, 2).size(), 2);
    }

    void timelineOfCheckResults()
    {
        HistoryDatabase db(at(newPath()));
        QCOMPARE(db.open().state, HistoryState::Ready);
        const qint64 t0 = baseTime();
        const QString id = QStringLiteral("check:routes:ha");
        // One result every 10 minutes for 2 hours: critical at 30, 40 min;
        // unknown at 90 min.
        for (int i = 0; i < 12; ++i) {
            Health h = Health::Ok;
            if (i == 3 || i == 4)
                h = Health::Critical;
            if (i == 9)
                h = Health::Unknown;
            QVERIFY(db.record({result(QStringLiteral("routes"), QStringLiteral("ha"), h,
                                      h == Health::Critical ? QStringLiteral("404") : QString())},
                              t0 + i * 10 * kMinute));
        }
        const QList<TimelineBucket> strip = db.timeline(id, t0, t0 + 2 * kHour, 4);
        QCOMPARE(strip[0].counts, (std::array<int, 4>{3, 0, 0, 0}));
        QCOMPARE(strip[1].counts, (std::array<int, 4>{1, 0, 2, 0}));
        QCOMPARE(strip[2].counts, (std::array<int, 4>{3, 0, 0, 0}));
        QCOMPARE(strip[3].counts, (std::array<int, 4>{2, 0, 0, 1}));
        QCOMPARE(strip[1].worst, Health::Critical);
        QCOMPARE(strip[3].worst, Health::Unknown);
        const Uptime u = db.uptime(id, t0, t0 + 2 * kHour);
        QCOMPARE(u.samples, 11);
        QCOMPARE(u.okSamples, 9);
        const QList<Incident> inc = db.incidents(id, t0);
        QCOMPARE(inc.size(), 1);
        QCOMPARE(inc[0].from, t0 + 30 * kMinute);
        QCOMPARE(inc[0].to, t0 + 50 * kMinute);
        QCOMPARE(inc[0].reason, QStringLiteral("404"));
        // Bounded: many buckets are capped, an unknown item is empty.
        QCOMPARE(db.timeline(id, t0, t0 + 2 * kHour, 1000000).size(), kMaxBuckets);
        QVERIFY(db.timeline(QStringLiteral("check:none:x"), t0, t0 + kHour, 3).first().empty());
    }

    void aLabItemsTimelineHasTheChecksAboutIt()
    {
        const QString path = newPath();
        const qint64 t0 = baseTime();
        {
            HistoryDatabase db(at(path));
            QCOMPARE(db.open().state, HistoryState::Ready);
            checks::CheckResult node = result(QStringLiteral("k8s"), QStringLiteral("node bracky"),
                                              Health::Critical, QStringLiteral("NotReady"));
            node.host = QStringLiteral("bracky");
            checks::CheckResult cert = result(QStringLiteral("certs"),
                                              QStringLiteral("https://ha.example.com"), Health::Ok);
            cert.url = QStringLiteral("https://ha.example.com");
            QVERIFY(db.record({node, cert}, t0));
            node.severity = Health::Ok;
            QVERIFY(db.record({node}, t0 + 10 * kMinute));
        }
        // After a restart too (the links are in the file).
        HistoryDatabase db(at(path));
        QCOMPARE(db.open().state, HistoryState::Ready);
        const QList<TimelineBucket> host =
            db.timeline(QStringLiteral("host:bracky"), t0, t0 + 20 * kMinute, 2);
        QCOMPARE(host[0].counts, (std::array<int, 4>{0, 0, 1, 0}));
        QCOMPARE(host[1].counts, (std::array<int, 4>{1, 0, 0, 0}));
        QCOMPARE(db.uptime(QStringLiteral("host:bracky"), t0, t0 + 20 * kMinute).percent, 50.0);
        const QList<Incident> inc = db.incidents(QStringLiteral("host:bracky"), t0);
        QCOMPARE(inc.size(), 1);
        QCOMPARE(inc[0].item, QStringLiteral("check:k8s:node bracky"));
        QCOMPARE(db.timeline(QStringLiteral("url:https://ha.example.com"), t0, t0 + kMinute, 1)
                     .first()
                     .counts[CodeOk],
                 1);
        QVERIFY(db.timeline(QStringLiteral("host:pikachu"), t0, t0 + kMinute, 1).first().empty());
    }

    void aFullDiskGivesAClearErrorAndTheFileStaysGood()
    {
        HistoryOptions options = at(newPath());
        options.maxPageCount = 40; // a tiny disk: 40 pages of 4 KiB
        HistoryDatabase db(options);
        QCOMPARE(db.open().state, HistoryState::Ready);
        const qint64 t0 = baseTime();
        int written = 0;
        bool failedOnce = false;
        for (int round = 0; round < 200 && !failedOnce; ++round) {
            QList<checks::CheckResult> batch;
            for (int i = 0; i < 20; ++i)
                batch << result(QStringLiteral("certs"), QStringLiteral("https://t%1").arg(i),
                                Health::Ok, QString(500, QLatin1Char('a' + round % 26)));
            if (db.record(batch, t0 + round * kMinute))
                written += 20;
            else
                failedOnce = true;
        }
        QVERIFY(failedOnce);
        QCOMPARE(db.lastError().kind, HistoryFailure::Full);
        QVERIFY2(db.lastError().message.contains(options.path), qPrintable(db.lastError().message));
        QVERIFY2(db.lastError().message.contains(QLatin1String("full")),
                 qPrintable(db.lastError().message));
        QVERIFY2(db.lastError().message.contains(QLatin1String("20 check results")),
                 qPrintable(db.lastError().message));
        // Nothing half-written, the file still good and open.
        QCOMPARE(db.rawResultCount(), written);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QVERIFY(db.isOpen());
        db.close();
        // With room again, recording goes on in the same file.
        HistoryDatabase roomy(at(options.path));
        QCOMPARE(roomy.open().state, HistoryState::Ready);
        QCOMPARE(roomy.rawResultCount(), written);
        QVERIFY(roomy.record(
            {result(QStringLiteral("certs"), QStringLiteral("https://x"), Health::Ok)}, t0 + kDay));
    }

    void aFileThatCannotGrowFailsTheWriteWhole()
    {
        const QString path = newPath();
        HistoryDatabase db(at(path));
        QCOMPARE(db.open().state, HistoryState::Ready);
        const qint64 t0 = baseTime();
        QVERIFY(db.record(
            {result(QStringLiteral("certs"), QStringLiteral("https://a"), Health::Ok)}, t0));
        QList<checks::CheckResult> big;
        for (int i = 0; i < 300; ++i)
            big << result(QStringLiteral("certs"), QStringLiteral("https://t%1").arg(i), Health::Ok,
                          QString(2000, QLatin1Char('b')));
        bool recorded = true;
        {
            const qint64 now =
                std::max(QFileInfo(path).size(), QFileInfo(path + QLatin1String("-wal")).size());
            FileSizeLimit limit(rlim_t(now + 16 * 1024));
            QVERIFY(limit.ok());
            recorded = db.record(big, t0 + kMinute);
        }
        QVERIFY(!recorded);
        const HistoryError e = db.lastError();
        QVERIFY2(e.kind == HistoryFailure::Io || e.kind == HistoryFailure::Full,
                 qPrintable(e.message));
        QVERIFY2(e.message.contains(path), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("300 check results")), qPrintable(e.message));
        // Nothing of the batch, the file good, and the next write goes in.
        QCOMPARE(db.rawResultCount(), 1);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QVERIFY(db.record(big, t0 + 2 * kMinute));
        QCOMPARE(db.rawResultCount(), 301);
        db.close();
        HistoryDatabase again(at(path));
        QCOMPARE(again.open().state, HistoryState::Ready);
        QCOMPARE(again.rawResultCount(), 301);
    }

    void longTextsAreBounded()
    {
        HistoryDatabase db(at(newPath()));
        QCOMPARE(db.open().state, HistoryState::Ready);
        QVERIFY(db.record({result(QStringLiteral("certs"), QStringLiteral("https://a"),
                                  Health::Critical, QString(100000, QLatin1Char('z')))},
                          baseTime()));
        const QList<Transition> t = db.transitions({}, 0, 10);
        QCOMPARE(t.size(), 1);
        QCOMPARE(t[0].reason.size(), kMaxTextLength);
        QCOMPARE(db.transitions({}, 0, 1000000).size(), 1); // the limit is clamped, not trusted
    }

    void aNewerSchemaIsLeftAlone()
    {
        const QString path = newPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future(x)")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        const QByteArray bytes = readAll(path);
        HistoryDatabase db(at(path));
        const HistoryStatus st = db.open();
        QCOMPARE(st.state, HistoryState::MemoryOnly);
        QVERIFY2(st.message.contains(QLatin1String("newer Labdeck")), qPrintable(st.message));
        db.close();
        QCOMPARE(readAll(path), bytes);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
