#pragma once

// What the three parts of HistoryDatabase share: limits, error wording and
// the prepared statements (historydatabase.cpp: files, schema, writes;
// historydatabase_retention.cpp: compaction; historydatabase_queries.cpp:
// timelines, uptime, incidents). Private to the library.

#include "history/historydatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace labdeck::history {

namespace detail {

inline constexpr qint64 kHourMs = 3600LL * 1000;
inline constexpr qint64 kDayMs = 24 * kHourMs;
// One compaction transaction covers at most this much of one item's results.
inline constexpr qint64 kCompactChunkMs = 2 * kDayMs;
// Pages given back to the file system per step after a compaction.
inline constexpr int kVacuumPagesPerStep = 500;
inline constexpr const char *kNewerSchema = "labdeck-newer-schema";

inline qint64 floorHour(qint64 ms)
{
    return ms - (ms % kHourMs);
}

// At most max characters, and never null (a null QString binds as NULL).
inline QString bounded(const QString &text, int max = kMaxTextLength)
{
    if (text.isNull())
        return QStringLiteral("");
    return text.size() > max ? text.left(max) : text;
}

// SQLite's primary result codes, as QSQLITE reports them in nativeErrorCode().
inline HistoryFailure classify(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (ok) {
        switch (code) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            return HistoryFailure::Locked;
        case 11: // SQLITE_CORRUPT
        case 26: // SQLITE_NOTADB
            return HistoryFailure::Corrupt;
        case 13: // SQLITE_FULL
            return HistoryFailure::Full;
        case 10: // SQLITE_IOERR (a write past RLIMIT_FSIZE: EFBIG)
            return HistoryFailure::Io;
        default:
            break;
        }
    }
    const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
    if (text.contains(QLatin1String("locked")))
        return HistoryFailure::Locked;
    if (text.contains(QLatin1String("malformed")) || text.contains(QLatin1String("not a database")))
        return HistoryFailure::Corrupt;
    if (text.contains(QLatin1String("disk is full")))
        return HistoryFailure::Full;
    return HistoryFailure::Other;
}

inline QString errorText(const QSqlError &error)
{
    const QString db = error.databaseText();
    return db.isEmpty() ? error.driverText() : db;
}

// Version 1: the first schema, one row per result and per transition, item
// ids as text. Kept so the migration path of every file is the same.
inline constexpr const char *kSchemaV1[] = {
    "CREATE TABLE results(t INTEGER NOT NULL, item TEXT NOT NULL, severity INTEGER NOT NULL, "
    "summary TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX results_item_t ON results(item, t)",
    "CREATE TABLE transitions(t INTEGER NOT NULL, item TEXT NOT NULL, from_severity INTEGER NOT "
    "NULL, to_severity INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '')",
};

// Version 2: item ids interned, hourly aggregates, last states, meta.
inline constexpr const char *kSchemaV2[] = {
    // host and url: the lab item a check result is about (its inventory host,
    // its public URL), so the window's timeline of "host:bracky" shows them.
    "CREATE TABLE items(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, category TEXT NOT NULL "
    "DEFAULT '', target TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', url TEXT NOT "
    "NULL DEFAULT '')",
    "INSERT INTO items(key) SELECT item FROM results UNION SELECT item FROM transitions",
    "UPDATE items SET category = substr(key, 7, instr(substr(key, 7), ':') - 1), target = "
    "substr(key, 7 + instr(substr(key, 7), ':')) WHERE key LIKE 'check:%:%'",
    "CREATE TABLE results2(t INTEGER NOT NULL, item_id INTEGER NOT NULL, severity INTEGER NOT "
    "NULL, summary TEXT NOT NULL DEFAULT '')",
    "INSERT INTO results2(t, item_id, severity, summary) SELECT r.t, i.id, r.severity, "
    "substr(r.summary, 1, 2048) FROM results r JOIN items i ON i.key = r.item ORDER BY i.id, r.t",
    "CREATE TABLE transitions2(t INTEGER NOT NULL, item_id INTEGER NOT NULL, from_sev INTEGER NOT "
    "NULL, to_sev INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '')",
    "INSERT INTO transitions2(t, item_id, from_sev, to_sev, reason) SELECT x.t, i.id, "
    "x.from_severity, x.to_severity, substr(x.reason, 1, 2048) FROM transitions x JOIN items i ON "
    "i.key = x.item ORDER BY i.id, x.t",
    // Version 1 kept no transitions of check results: derive them.
    "INSERT INTO transitions2(t, item_id, from_sev, to_sev, reason) SELECT t, item_id, "
    "coalesce(prev, 3), severity, summary FROM (SELECT t, item_id, severity, summary, "
    "lag(severity) OVER (PARTITION BY item_id ORDER BY t, rowid) AS prev FROM results2) WHERE "
    "(prev IS NULL AND severity != 3) OR prev != severity ORDER BY item_id, t",
    "DROP TABLE results",
    "DROP TABLE transitions",
    "ALTER TABLE results2 RENAME TO results",
    "ALTER TABLE transitions2 RENAME TO transitions",
    // Covering the timeline's GROUP BY: a 30-day strip reads the index only.
    "CREATE INDEX results_item_t ON results(item_id, t, severity)",
    "CREATE INDEX transitions_item_t ON transitions(item_id, t)",
    "CREATE INDEX transitions_t ON transitions(t)",
    "CREATE TABLE hourly(item_id INTEGER NOT NULL, hour INTEGER NOT NULL, n_ok INTEGER NOT NULL, "
    "n_warning INTEGER NOT NULL, n_critical INTEGER NOT NULL, n_unknown INTEGER NOT NULL, worst "
    "INTEGER NOT NULL, PRIMARY KEY(item_id, hour)) WITHOUT ROWID",
    "CREATE TABLE states(item_id INTEGER PRIMARY KEY, severity INTEGER NOT NULL, reason TEXT NOT "
    "NULL DEFAULT '', t INTEGER NOT NULL)",
    // The row with max(t) of each item gives the other columns (SQLite's
    // bare columns with max()).
    "INSERT INTO states(item_id, severity, reason, t) SELECT item_id, to_sev, reason, max(t) FROM "
    "transitions GROUP BY item_id",
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID",
};

} // namespace detail

// The statements every write uses, prepared once per connection.
struct HistoryDatabase::Prepared
{
    explicit Prepared(const QSqlDatabase &db)
        : insertItem(db)
        , insertResult(db)
        , insertTransition(db)
        , upsertState(db)
    {
        insertItem.prepare(QStringLiteral(
            "INSERT INTO items(key, category, target, host, url) VALUES(?, ?, ?, ?, ?)"));
        insertResult.prepare(QStringLiteral(
            "INSERT INTO results(t, item_id, severity, summary) VALUES(?, ?, ?, ?)"));
        insertTransition.prepare(
            QStringLiteral("INSERT INTO transitions(t, item_id, from_sev, to_sev, reason) "
                           "VALUES(?, ?, ?, ?, ?)"));
        upsertState.prepare(
            QStringLiteral("INSERT INTO states(item_id, severity, reason, t) VALUES(?, ?, ?, ?) ON "
                           "CONFLICT(item_id) DO UPDATE SET severity = excluded.severity, reason = "
                           "excluded.reason, t = excluded.t"));
    }
    QSqlQuery insertItem;
    QSqlQuery insertResult;
    QSqlQuery insertTransition;
    QSqlQuery upsertState;
};

} // namespace labdeck::history
