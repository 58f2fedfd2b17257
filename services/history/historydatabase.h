#pragma once

// The history file itself: one SQLite connection (Qt SQL, QSQLITE) and every
// statement Labdeck runs on it. BLOCKING: each call runs its SQL before it
// returns, so the window never calls it; HistoryStore owns one on its own
// thread. `labdeck history`, `labdeck check --record`, the tests and the
// benchmark use it directly. Not thread-safe: use an instance on the thread
// that opened it.
//
// Schema (PRAGMA user_version), see docs/history.md:
//   1  results(t, item, severity, summary), transitions(t, item, from, to, reason)
//   2  items interned (items), results and transitions by item number,
//      hourly aggregates, the last state of each item, meta
// A file of an older version is migrated in one transaction when opened.

#include "checks/checkresult.h"
#include "history/historytypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <memory>

class QSqlQuery;
class QSqlError;

namespace labdeck::history {

class HistoryDatabase final
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::history::HistoryDatabase)
public:
    static constexpr int kSchemaVersion = 2;

    explicit HistoryDatabase(HistoryOptions options = {});
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // Opens (creating or migrating) the file. Never throws or aborts:
    //  - a file that is not a database or is damaged is renamed to
    //    "<file>.corrupt-<UTC time>" (never deleted) and a new one started
    //    (Recovered);
    //  - a file another program holds locked past busyTimeoutMs, one written
    //    by a newer Labdeck, or one that cannot be created: the file is left
    //    alone and the history is kept in memory (MemoryOnly);
    //  - no QSQLITE driver: Failed.
    // The status's message says which file and what to do.
    HistoryStatus open();
    // Opens an existing file only; false (with the message) when it does
    // not exist. For `labdeck history`, which must not create one.
    [[nodiscard]] static bool exists(const QString &path);
    void close();
    [[nodiscard]] const HistoryStatus &status() const { return m_status; }
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const HistoryOptions &options() const { return m_options; }

    // One round of check results at `atMs`; each result's severity change
    // since the item's last result is also stored as a transition. One
    // transaction. Returns false (lastError()) when nothing was written.
    bool record(const QList<checks::CheckResult> &results, qint64 atMs);
    struct Round
    {
        qint64 atMs = 0;
        QList<checks::CheckResult> results;
    };
    // Many rounds in one transaction (imports, the benchmark).
    bool recordRounds(const QList<Round> &rounds);
    // The lab tree's states at `atMs`: stores a transition for each item
    // whose severity differs from its last stored one (an item first seen
    // in an unknown state is not stored). Returns how many were stored, -1 on
    // an error.
    int recordStates(const QHash<QString, ItemState> &states, qint64 atMs);
    // Labdeck stops watching: every lab-tree item (not check results) that is
    // not unknown becomes unknown at `atMs` with the reason, so time with
    // Labdeck closed does not count as up. Returns how many, -1 on an error.
    int recordSessionEnd(qint64 atMs, const QString &reason);

    // Retention, a bounded piece at a time (one item, at most two days of raw
    // results per transaction). Returns true when more work is left.
    // Raw results older than rawRetentionDays (cut at an hour boundary)
    // become hourly aggregates (count per severity, worst); aggregates and
    // transitions older than aggregateRetentionDays are dropped.
    bool compactStep(qint64 nowMs);
    // All of it at once (the command line, tests, the benchmark).
    void compactAll(qint64 nowMs);
    // True when the last full compaction is a day old or more.
    [[nodiscard]] bool compactionDue(qint64 nowMs);

    // `buckets` equal spans from `fromMs` to `toMs` (at most kMaxBuckets).
    // For a lab-tree item ("host:bracky", "url:https://…") the buckets also
    // count the results of the checks about it (CheckResult::host / url), so
    // `labdeck check --record` runs fill its timeline; the same for uptime
    // (state time when the window watched it, else results) and incidents.
    [[nodiscard]] QList<TimelineBucket> timeline(const QString &item, qint64 fromMs, qint64 toMs,
                                                 int buckets);
    [[nodiscard]] Uptime uptime(const QString &item, qint64 fromMs, qint64 toMs);
    // Incidents of one item (or all when item is empty) that were going on
    // at or after sinceMs, newest first, at most `limit` (<= kMaxQueryRows).
    [[nodiscard]] QList<Incident> incidents(const QString &item, qint64 sinceMs, int limit = 500);
    // Transitions at or after sinceMs, newest first.
    [[nodiscard]] QList<Transition> transitions(const TransitionFilter &filter, qint64 sinceMs,
                                                int limit = 500);
    // Every item id with results or transitions at or after sinceMs (or an
    // aggregate), sorted.
    [[nodiscard]] QStringList items(qint64 sinceMs);
    // Raw results and hourly aggregates per item (tests, benchmark).
    [[nodiscard]] qint64 rawResultCount(const QString &item = QString());
    [[nodiscard]] qint64 aggregatedResultCount(const QString &item = QString());
    // PRAGMA integrity_check: "ok" or what it found.
    [[nodiscard]] QString integrityCheck();
    // Bytes in use (pages minus free pages) and the file's size.
    [[nodiscard]] qint64 usedBytes();

    [[nodiscard]] const HistoryError &lastError() const { return m_error; }
    void clearError() { m_error = {}; }

private:
    struct Prepared;
    bool openConnection(const QString &name, const QString &path, QSqlError *error);
    bool initialize(QSqlError *error);
    bool migrate(int from, QSqlError *error);
    bool migrateToV1(QSqlError *error);
    bool migrateToV2(QSqlError *error);
    bool loadCaches(QSqlError *error);
    HistoryStatus recoverCorrupt(const QString &why);
    HistoryStatus openInMemory(const QString &message);
    void dropConnection();
    qint64 itemNumber(const QString &key, bool create, const QString &host = QString(),
                      const QString &url = QString());
    void relate(qint64 itemNo, const QString &host, const QString &url);
    // An item's own number and, for a lab-tree item, its checks' numbers.
    [[nodiscard]] QList<qint64> numbersFor(const QString &item) const;
    bool recordOne(const checks::CheckResult &result, qint64 atMs);
    bool storeTransition(qint64 itemNo, qint64 atMs, Health from, Health to, const QString &reason);
    bool begin();
    bool commit();
    void rollback();
    // Classifies a failed statement, sets m_error and, for a damaged file,
    // sets it aside and starts a new one.
    void fail(const QSqlError &error, const QString &doing);
    [[nodiscard]] Health stateAt(qint64 itemNo, qint64 atMs);
    [[nodiscard]] qint64 metaValue(const QString &key, qint64 fallback);
    void setMetaValue(const QString &key, qint64 value);

    HistoryOptions m_options;
    HistoryStatus m_status;
    HistoryError m_error;
    QString m_connection;
    QSqlDatabase m_db;
    std::unique_ptr<Prepared> m_q;
    bool m_memory = false;
    bool m_inTransaction = false;
    QHash<QString, qint64> m_itemNumbers;
    QHash<qint64, QString> m_itemKeys;
    QHash<QString, QList<qint64>> m_related; // "host:bracky" -> its check results' items
    QHash<qint64, ItemState> m_states;       // last stored state per item number
    // Compaction in progress: items still to do, and the cut-offs of this pass.
    QList<qint64> m_compactQueue;
    qint64 m_compactRawCut = 0;
    qint64 m_compactAggregateCut = 0;
    bool m_compacting = false;
};

} // namespace labdeck::history
