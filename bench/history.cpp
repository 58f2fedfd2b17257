// A year of 5-minute results for 60 targets (6.3 million rows) in the
// history: insert time, size before and after retention's compaction, the
// timeline of one item over 30 days (target < 50 ms) and opening the file
// (target < 20 ms). See bench/README.md.
//   bench_history [--days N] [--targets N] [--keep FILE]
#include "history/historydatabase.h"
#include "history/historystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace labdeck;
using namespace labdeck::history;

namespace {

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QLatin1String("-wal")).size();
}

double mb(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int days = 365;
    int targets = 60;
    QString keep;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--days"))
            days = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--targets"))
            targets = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--keep"))
            keep = args[i + 1];
    }
    QTemporaryDir dir;
    HistoryOptions options;
    options.path = keep.isEmpty() ? dir.filePath(QStringLiteral("history.sqlite")) : keep;
    QTextStream out(stdout);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = now - qint64(days) * kDay;
    const int perDay = 24 * 12;
    QStringList names;
    for (int t = 0; t < targets; ++t)
        names << QStringLiteral("https://service%1.example.com").arg(t);

    qint64 rows = 0;
    double timeline30Ms = 0;
    QElapsedTimer timer;
    {
        HistoryDatabase db(options);
        if (db.open().state != HistoryState::Ready) {
            out << "cannot open " << options.path << Qt::endl;
            return 1;
        }
        timer.start();
        for (int d = 0; d < days; ++d) {
            QList<HistoryDatabase::Round> rounds;
            rounds.reserve(perDay);
            for (int k = 0; k < perDay; ++k) {
                HistoryDatabase::Round round;
                round.atMs = start + (qint64(d) * perDay + k) * 5 * kMinute;
                round.results.reserve(targets);
                for (int t = 0; t < targets; ++t) {
                    checks::CheckResult r;
                    r.category = QStringLiteral("certs");
                    r.target = names[t];
                    // A 30-minute outage of each target every 3 days, a
                    // warning hour every week.
                    const int slot = (d * perDay + k + t * 37) % (3 * perDay);
                    if (slot < 6)
                        r.severity = Health::Critical;
                    else if ((d + t) % 7 == 0 && k >= 100 && k < 112)
                        r.severity = Health::Warning;
                    else
                        r.severity = Health::Ok;
                    r.summary = r.severity == Health::Critical
                                    ? QStringLiteral("connection refused")
                                    : QStringLiteral("valid for %1 more days").arg(90 - d % 60);
                    round.results << r;
                }
                rounds << round;
            }
            if (!db.recordRounds(rounds)) {
                out << "insert failed: " << db.lastError().message << Qt::endl;
                return 1;
            }
            rows += qint64(perDay) * targets;
        }
        const double insertS = double(timer.elapsed()) / 1000.0;
        out << QStringLiteral("insert: %1 rows in %2 s (%3 rows/s)")
                   .arg(rows)
                   .arg(insertS, 0, 'f', 1)
                   .arg(qint64(double(rows) / insertS))
            << Qt::endl;
        out << QStringLiteral("before compaction: %1 MB in use, %2 MB on disk (with WAL)")
                   .arg(mb(db.usedBytes()), 0, 'f', 1)
                   .arg(mb(fileBytes(options.path)), 0, 'f', 1)
            << Qt::endl;

        const QString item = checkItemId(QStringLiteral("certs"), names[targets / 2]);
        QList<double> q30;
        for (int i = 0; i < 15; ++i) {
            timer.start();
            const auto strip = db.timeline(item, now - 30 * kDay, now, 90);
            const Uptime u = db.uptime(item, now - 30 * kDay, now);
            q30 << double(timer.nsecsElapsed()) / 1e6;
            if (strip.size() != 90 || u.samples == 0)
                return 1;
        }
        out << QStringLiteral("timeline + uptime, one item, 30 days, 90 buckets (raw): median "
                              "%1 ms (target 50)")
                   .arg(median(q30), 0, 'f', 2)
            << Qt::endl;
        timeline30Ms = median(q30);

        timer.start();
        int steps = 0;
        QList<double> stepMs;
        QElapsedTimer step;
        for (step.start(); db.compactStep(now); step.start()) {
            stepMs << double(step.nsecsElapsed()) / 1e6;
            ++steps;
        }
        std::sort(stepMs.begin(), stepMs.end());
        out << QStringLiteral("compaction: %1 s in %2 steps (longest step %3 ms, median %4 ms); "
                              "%5 raw rows left, %6 results in hourly aggregates")
                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                   .arg(steps)
                   .arg(stepMs.isEmpty() ? 0.0 : stepMs.last(), 0, 'f', 1)
                   .arg(median(stepMs), 0, 'f', 2)
                   .arg(db.rawResultCount())
                   .arg(db.aggregatedResultCount())
            << Qt::endl;
        out << QStringLiteral("after compaction: %1 MB in use, %2 MB on disk (with WAL)")
                   .arg(mb(db.usedBytes()), 0, 'f', 1)
                   .arg(mb(fileBytes(options.path)), 0, 'f', 1)
            << Qt::endl;
        QList<double> q30b;
        QList<double> q365;
        for (int i = 0; i < 15; ++i) {
            timer.start();
            (void)db.timeline(item, now - 30 * kDay, now, 90);
            q30b << double(timer.nsecsElapsed()) / 1e6;
            timer.start();
            (void)db.timeline(item, now - 365 * kDay, now, 365);
            q365 << double(timer.nsecsElapsed()) / 1e6;
        }
        out << QStringLiteral("timeline, one item, 30 days (raw) after compaction: median %1 ms; "
                              "365 days (aggregates): median %2 ms")
                   .arg(median(q30b), 0, 'f', 2)
                   .arg(median(q365), 0, 'f', 2)
            << Qt::endl;
        timer.start();
        const QList<Incident> inc = db.incidents(QString(), now - 7 * kDay, 1000);
        out << QStringLiteral("incidents of all items, 7 days: %1 in %2 ms")
                   .arg(inc.size())
                   .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1)
            << Qt::endl;
    }
    QList<double> opens;
    for (int i = 0; i < 11; ++i) {
        HistoryDatabase db(options);
        timer.start();
        if (db.open().state != HistoryState::Ready)
            return 1;
        opens << double(timer.nsecsElapsed()) / 1e6;
    }
    out << QStringLiteral("open (blocking, on the history thread): median %1 ms (target 20)")
               .arg(median(opens), 0, 'f', 2)
        << Qt::endl;
    // What the window's thread pays: making the store and asking it to open.
    QList<double> uiCost;
    QList<double> ready;
    for (int i = 0; i < 11; ++i) {
        timer.start();
        HistoryStore store(options);
        QSignalSpy opened(&store, &HistoryStore::statusChanged);
        store.open();
        uiCost << double(timer.nsecsElapsed()) / 1e6;
        if (!opened.wait(10000))
            return 1;
        ready << double(timer.nsecsElapsed()) / 1e6;
    }
    out << QStringLiteral("HistoryStore on the UI thread: median %1 ms to create and open; ready "
                          "after %2 ms")
               .arg(median(uiCost), 0, 'f', 2)
               .arg(median(ready), 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("RESULT rows=%1 timeline30d_ms=%2 open_ms=%3 ui_open_ms=%4")
               .arg(rows)
               .arg(timeline30Ms, 0, 'f', 2)
               .arg(median(opens), 0, 'f', 2)
               .arg(median(uiCost), 0, 'f', 2)
        << Qt::endl;
    return 0;
}
