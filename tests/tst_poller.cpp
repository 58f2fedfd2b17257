// labdeck::Poller with a test subclass whose polls end when the test says:
// a poll now and one per interval, no second poll while one runs, fetchedAt
// and lastError, stale after N periods, stop().

#include "common/poller.h"

#include <QSignalSpy>
#include <QTest>

using namespace labdeck;
using namespace std::chrono_literals;

namespace {

// Counts polls; each poll stays open until the test ends it, or ends at
// once with the outcome set in `autoEnd`.
class TestPoller final : public Poller
{
public:
    enum class End { Never, Good, Bad };
    explicit TestPoller(std::chrono::milliseconds idle = 1s)
        : Poller(idle)
    {}
    int polls = 0;
    End autoEnd = End::Never;
    QString badWords = QStringLiteral("host: thing: refused");

    void endGood() { succeeded(); }
    void endBad(const QString &why) { fail(why); }

protected:
    void poll() override
    {
        ++polls;
        if (autoEnd == End::Good)
            succeeded();
        else if (autoEnd == End::Bad)
            fail(badWords);
    }
};

} // namespace

class TestPollerCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollsNowThenEveryInterval()
    {
        TestPoller p;
        p.autoEnd = TestPoller::End::Good;
        QSignalSpy updated(&p, &Poller::updated);
        p.start(50ms);
        QCOMPARE(p.polls, 1); // now, not after the first interval
        QCOMPARE(updated.count(), 1);
        QVERIFY(p.isActive());
        QCOMPARE(p.period(), 50ms);
        QTRY_VERIFY_WITH_TIMEOUT(p.polls >= 3, 5000);
        QVERIFY(updated.count() >= 3);
    }

    void zeroIntervalPollsOnce()
    {
        TestPoller p(40s);
        p.autoEnd = TestPoller::End::Good;
        QSignalSpy updated(&p, &Poller::updated);
        p.start(0ms);
        QCOMPARE(p.polls, 1);
        QVERIFY(!p.isActive());
        QCOMPARE(p.period(), 40s); // the idle period
        QVERIFY(!updated.wait(200));
        QCOMPARE(p.polls, 1);
    }

    void noOverlappingPolls()
    {
        TestPoller p; // polls never end on their own
        QSignalSpy updated(&p, &Poller::updated);
        p.start(20ms);
        QCOMPARE(p.polls, 1);
        QVERIFY(p.isPolling());
        // Many ticks pass; none starts a second poll, nor does refresh().
        QVERIFY(!updated.wait(300));
        p.refresh();
        QCOMPARE(p.polls, 1);
        p.endGood();
        QVERIFY(!p.isPolling());
        QCOMPARE(updated.count(), 1);
        // The next tick polls again.
        QTRY_COMPARE_WITH_TIMEOUT(p.polls, 2, 5000);
    }

    void fetchedAtAndLastError()
    {
        TestPoller p;
        QSignalSpy updated(&p, &Poller::updated);
        QSignalSpy failed(&p, &Poller::failed);
        QVERIFY(!p.fetchedAt().isValid());
        QVERIFY(p.isStale()); // never fetched

        const QDateTime before = QDateTime::currentDateTimeUtc();
        p.refresh();
        p.endGood();
        const QDateTime good = p.fetchedAt();
        QVERIFY(good >= before);
        QCOMPARE(good.timeSpec(), Qt::UTC);
        QVERIFY(p.lastError().isEmpty());
        QVERIFY(!p.isStale());

        p.refresh();
        p.endBad(QStringLiteral("host: thing: connection refused"));
        QCOMPARE(p.lastError(), QStringLiteral("host: thing: connection refused"));
        QCOMPARE(p.fetchedAt(), good); // the last good poll's time stays
        QVERIFY(p.isStale());          // the last poll failed
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), p.lastError());
        QCOMPARE(updated.count(), 2); // after the good poll and after the failed one

        p.refresh();
        p.endGood();
        QVERIFY(p.lastError().isEmpty());
        QVERIFY(!p.isStale());
    }

    void staleAfterNPeriods()
    {
        TestPoller p;
        QSignalSpy updated(&p, &Poller::updated);
        p.start(100ms); // the first poll stays open, so no later one refreshes fetchedAt
        p.endGood();
        QCOMPARE(p.staleAfter(), 3);
        p.setStaleAfter(2);
        QVERIFY(!p.isStale());
        // Ticks start polls that never end: fetchedAt ages past 2 × 100 ms.
        QTRY_VERIFY_WITH_TIMEOUT(p.isStale(), 5000);
        QVERIFY(p.fetchedAt().msecsTo(QDateTime::currentDateTimeUtc()) > 200);
        QVERIFY(p.lastError().isEmpty()); // stale by age alone
        QCOMPARE(updated.count(), 1);
    }

    void stopEndsTheTicks()
    {
        TestPoller p;
        p.autoEnd = TestPoller::End::Bad;
        QSignalSpy failed(&p, &Poller::failed);
        p.start(30ms);
        QTRY_VERIFY_WITH_TIMEOUT(p.polls >= 2, 5000);
        p.stop();
        QVERIFY(!p.isActive());
        const int polls = p.polls;
        QVERIFY(!failed.wait(200)); // several periods: no poll after stop()
        QCOMPARE(p.polls, polls);
        QCOMPARE(failed.count(), polls);
    }
};

QTEST_GUILESS_MAIN(TestPollerCase)
#include "tst_poller.moc"
