#include "history/historydatabase.h"

#include "history/logging_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <optional>

namespace labdeck::history {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
// One compaction transaction covers at most this much of one item's results.
constexpr qint64 kCompactChunkMs = 2 * kDayMs;
// Pages given back to the file system per step after a compaction.
constexpr int kVacuumPagesPerStep = 500;
const char *const kNewerSchema = "labdeck-newer-schema";

std::atomic<int> g_connections{0};

qint64 floorHour(qint64 ms)
{
    return ms - (ms % kHourMs);
}

// At most max characters, and never null (a null QString binds as NULL).
QString bounded(const QString &text, int max = kMaxTextLength)
{
    if (text.isNull())
        return QStringLiteral("");
    return text.size() > max ? text.left(max) : text;
}

// SQLite's primary result codes, as QSQLITE reports them in nativeErrorCode().
HistoryFailure classify(const QSqlError &error)
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

QString errorText(const QSqlError &error)
{
    const QString db = error.databaseText();
    return db.isEmpty() ? error.driverText() : db;
}

// Version 1: the first schema, one row per result and per transition, item
// ids as text. Kept so the migration path of every file is the same.
const char *const kSchemaV1[] = {
    "CREATE TABLE results(t INTEGER NOT NULL, item TEXT NOT NULL, severity INTEGER NOT NULL, "
    "summary TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX results_item_t ON results(item, t)",
    "CREATE TABLE transitions(t INTEGER NOT NULL, item TEXT NOT NULL, from_severity INTEGER NOT "
    "NULL, to_severity INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '')",
};

// Version 2: item ids interned, hourly aggregates, last states, meta.
const char *const kSchemaV2[] = {
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

} // namespace

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

HistoryDatabase::HistoryDatabase(HistoryOptions options)
    : m_options(std::move(options))
{
    m_options.rawRetentionDays = std::max(1, m_options.rawRetentionDays);
    m_options.aggregateRetentionDays =
        std::max(m_options.rawRetentionDays, m_options.aggregateRetentionDays);
    m_options.busyTimeoutMs = std::clamp(m_options.busyTimeoutMs, 0, 60000);
    m_status.path = m_options.resolvedPath();
}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

bool HistoryDatabase::exists(const QString &path)
{
    return QFileInfo(path).isFile();
}

bool HistoryDatabase::isOpen() const
{
    return m_q != nullptr && m_db.isOpen();
}

void HistoryDatabase::close()
{
    if (m_inTransaction)
        rollback();
    dropConnection();
    m_compacting = false;
    m_compactQueue.clear();
}

void HistoryDatabase::dropConnection()
{
    m_q.reset();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connection.isEmpty())
        QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_itemNumbers.clear();
    m_itemKeys.clear();
    m_related.clear();
    m_states.clear();
    m_inTransaction = false;
}

bool HistoryDatabase::openConnection(const QString &name, const QString &path, QSqlError *error)
{
    m_connection = name;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
    if (!m_db.open()) {
        *error = m_db.lastError();
        return false;
    }
    return true;
}

HistoryStatus HistoryDatabase::open()
{
    close();
    const QString path = m_options.resolvedPath();
    m_status = HistoryStatus{};
    m_status.path = path;
    m_memory = false;
    m_error = {};
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_status.state = HistoryState::Failed;
        m_status.message = tr("Labdeck keeps no history in this session: Qt's SQLite driver is "
                              "missing (Debian package libqt6sql6-sqlite). Install it and start "
                              "Labdeck again.");
        return m_status;
    }
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return openInMemory(tr("The history file %1 is not a file. This session keeps its "
                                   "history in memory only; move whatever is there away and start "
                                   "Labdeck again.")
                                    .arg(path));
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray head = f.read(100);
            if (!head.isEmpty() &&
                (head.size() < 100 || !head.startsWith(QByteArrayLiteral("SQLite format 3\0"))))
                return recoverCorrupt(head.size() < 100 ? tr("its header is cut short")
                                                        : tr("it is not an SQLite database"));
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        return openInMemory(tr("The folder %1 for the history file %2 cannot be created. This "
                               "session keeps its history in memory only; check the folder's "
                               "permissions and start Labdeck again.")
                                .arg(info.absolutePath(), path));
    }
    QSqlError error;
    const QString name = QStringLiteral("labdeck-history-%1").arg(++g_connections);
    if (openConnection(name, path, &error) && initialize(&error)) {
        m_status.state = HistoryState::Ready;
        qCDebug(lcHistory) << "opened" << path;
        return m_status;
    }
    dropConnection();
    if (error.nativeErrorCode() == QLatin1String(kNewerSchema))
        return openInMemory(tr("The history file %1 was written by a newer Labdeck (%2). This "
                               "session keeps its history in memory only and leaves the file as "
                               "it is; use the newer Labdeck, or move the file away to start a "
                               "new history.")
                                .arg(path, error.databaseText()));
    switch (classify(error)) {
    case HistoryFailure::Corrupt:
        return recoverCorrupt(errorText(error));
    case HistoryFailure::Locked:
        return openInMemory(
            tr("The history file %1 is locked by another program (%2). This session keeps its "
               "history in memory only and does not touch the file; close the other program "
               "(another Labdeck?) and start Labdeck again to record.")
                .arg(path, errorText(error)));
    case HistoryFailure::Full:
        return openInMemory(tr("The disk holding the history file %1 is full (%2). This session "
                               "keeps its history in memory only; free some space and start "
                               "Labdeck again.")
                                .arg(path, errorText(error)));
    case HistoryFailure::Io:
    case HistoryFailure::Other:
    case HistoryFailure::None:
        break;
    }
    return openInMemory(tr("The history file %1 cannot be opened (%2). This session keeps its "
                           "history in memory only; check the file and its folder's permissions "
                           "and start Labdeck again.")
                            .arg(path, errorText(error)));
}

HistoryStatus HistoryDatabase::recoverCorrupt(const QString &why)
{
    dropConnection();
    const QString path = m_status.path;
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.corrupt-%2").arg(path, stamp);
    for (int i = 2; QFileInfo::exists(target) && i < 100; ++i)
        target = QStringLiteral("%1.corrupt-%2-%3").arg(path, stamp).arg(i);
    if (QFileInfo::exists(target) || !QFile::rename(path, target))
        return openInMemory(tr("The history file %1 is damaged (%2) and could not be set aside. "
                               "This session keeps its history in memory only; move the file "
                               "away and start Labdeck again.")
                                .arg(path, why));
    // Its journal belongs to it: a new file must not pick it up.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, target + QLatin1String(suffix));
    }
    qCWarning(lcHistory) << "damaged history file" << path << "kept as" << target << ":" << why;
    QSqlError error;
    const QString name = QStringLiteral("labdeck-history-%1").arg(++g_connections);
    if (!openConnection(name, path, &error) || !initialize(&error)) {
        dropConnection();
        return openInMemory(tr("The history file %1 was damaged (%2); it was kept as %3, but a "
                               "new one cannot be made (%4). This session keeps its history in "
                               "memory only.")
                                .arg(path, why, target, errorText(error)));
    }
    m_status.state = HistoryState::Recovered;
    m_status.movedTo = target;
    m_status.message = tr("The history file %1 was damaged (%2). It was kept as %3 and a new, "
                          "empty history was started; look into the old file or delete it "
                          "yourself.")
                           .arg(path, why, target);
    return m_status;
}

HistoryStatus HistoryDatabase::openInMemory(const QString &message)
{
    dropConnection();
    m_memory = true;
    QSqlError error;
    const QString name = QStringLiteral("labdeck-history-%1").arg(++g_connections);
    if (!openConnection(name, QStringLiteral(":memory:"), &error) || !initialize(&error)) {
        dropConnection();
        m_status.state = HistoryState::Failed;
        m_status.message = message;
        return m_status;
    }
    qCWarning(lcHistory).noquote() << message;
    m_status.state = HistoryState::MemoryOnly;
    m_status.message = message;
    return m_status;
}

bool HistoryDatabase::initialize(QSqlError *error)
{
    QSqlQuery q(m_db);
    auto run = [&q, error](const QString &sql) {
        if (q.exec(sql))
            return true;
        *error = q.lastError();
        return false;
    };
    if (!run(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_options.busyTimeoutMs)))
        return false;
    // Reading the header: a file that is not a database fails here.
    if (!run(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (!error->isValid())
            *error = q.lastError();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        *error = QSqlError(
            QString(),
            tr("schema version %1; this Labdeck knows up to %2").arg(version).arg(kSchemaVersion),
            QSqlError::UnknownError, QLatin1String(kNewerSchema));
        return false;
    }
    if (version == 0) {
        // Before the first table: freed pages can be given back later.
        if (!run(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL")))
            return false;
    }
    if (!m_memory) {
        if (!run(QStringLiteral("PRAGMA journal_mode = WAL")))
            return false;
        q.finish();
    }
    if (!run(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return false;
    // After a checkpoint the WAL is cut back to this, so one big compaction
    // does not leave a file the size of everything it moved.
    if (!run(QStringLiteral("PRAGMA journal_size_limit = %1").arg(8 * 1024 * 1024)))
        return false;
    q.finish();
    if (m_options.maxPageCount > 0 &&
        !run(QStringLiteral("PRAGMA max_page_count = %1").arg(m_options.maxPageCount)))
        return false;
    q.finish();
    // A write lock, even when there is nothing to migrate: a file another
    // program holds locked is found now, not at the first write.
    if (!run(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    if (version < kSchemaVersion) {
        if (!migrate(version, error)) {
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        if (!run(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion))) {
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    if (!run(QStringLiteral("COMMIT"))) {
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (version > 0 && version < kSchemaVersion)
        qCInfo(lcHistory) << "migrated" << m_status.path << "from schema" << version << "to"
                          << kSchemaVersion;
    return loadCaches(error);
}

bool HistoryDatabase::migrate(int from, QSqlError *error)
{
    // The migration list: step i takes a file from version i to i + 1.
    using Step = bool (HistoryDatabase::*)(QSqlError *);
    static constexpr Step steps[] = {&HistoryDatabase::migrateToV1, &HistoryDatabase::migrateToV2};
    static_assert(std::size(steps) == kSchemaVersion);
    for (int v = from; v < kSchemaVersion; ++v) {
        if (!(this->*steps[v])(error))
            return false;
    }
    return true;
}

bool HistoryDatabase::migrateToV1(QSqlError *error)
{
    QSqlQuery q(m_db);
    for (const char *sql : kSchemaV1) {
        if (!q.exec(QLatin1String(sql))) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

bool HistoryDatabase::migrateToV2(QSqlError *error)
{
    QSqlQuery q(m_db);
    for (const char *sql : kSchemaV2) {
        if (!q.exec(QLatin1String(sql))) {
            *error = q.lastError();
            qCWarning(lcHistory) << "migration to schema 2 failed at" << sql << errorText(*error);
            return false;
        }
    }
    return true;
}

bool HistoryDatabase::loadCaches(QSqlError *error)
{
    m_itemNumbers.clear();
    m_itemKeys.clear();
    m_related.clear();
    m_states.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, key, host, url FROM items"))) {
        *error = q.lastError();
        return false;
    }
    while (q.next()) {
        const qint64 no = q.value(0).toLongLong();
        m_itemNumbers.insert(q.value(1).toString(), no);
        m_itemKeys.insert(no, q.value(1).toString());
        relate(no, q.value(2).toString(), q.value(3).toString());
    }
    if (!q.exec(QStringLiteral("SELECT item_id, severity, reason FROM states"))) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        m_states.insert(q.value(0).toLongLong(),
                        ItemState{healthFromCode(q.value(1).toInt()), q.value(2).toString()});
    // Reading the last result touches the results table's pages: a file cut
    // short is found now.
    if (!q.exec(QStringLiteral("SELECT max(rowid) FROM results"))) {
        *error = q.lastError();
        return false;
    }
    q.finish();
    m_q = std::make_unique<Prepared>(m_db);
    return true;
}

bool HistoryDatabase::begin()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        fail(q.lastError(), tr("starting a transaction"));
        return false;
    }
    m_inTransaction = true;
    return true;
}

bool HistoryDatabase::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError e = q.lastError();
        rollback();
        fail(e, tr("saving"));
        return false;
    }
    m_inTransaction = false;
    return true;
}

void HistoryDatabase::rollback()
{
    if (!m_db.isOpen())
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
    // The caches may hold what was just undone.
    QSqlError ignored;
    m_q.reset();
    if (!loadCaches(&ignored))
        m_q.reset();
}

void HistoryDatabase::fail(const QSqlError &error, const QString &doing)
{
    const QString path = m_status.path;
    m_error.kind = classify(error);
    switch (m_error.kind) {
    case HistoryFailure::Locked:
        m_error.message = tr("The history file %1 is locked by another program (%2), so %3 was "
                             "not done. Close the other program using it (another Labdeck?); "
                             "Labdeck tries again with the next write.")
                              .arg(path, errorText(error), doing);
        break;
    case HistoryFailure::Full:
        m_error.message = tr("Could not write to the history file %1: the disk is full (%2), so "
                             "%3 was not done. Free some space on that disk; recording goes on "
                             "once there is room.")
                              .arg(path, errorText(error), doing);
        break;
    case HistoryFailure::Io:
        m_error.message = tr("Could not write to the history file %1 (%2), so %3 was not done. "
                             "The disk may be full, the file over a size limit, or the disk "
                             "failing; free some space or check the disk. Recording goes on "
                             "with the next write.")
                              .arg(path, errorText(error), doing);
        break;
    case HistoryFailure::Corrupt:
        if (!m_memory) {
            recoverCorrupt(errorText(error));
            m_error.message = m_status.message;
            break;
        }
        [[fallthrough]];
    case HistoryFailure::Other:
    case HistoryFailure::None:
        m_error.kind = HistoryFailure::Other;
        m_error.message =
            tr("The history file %1: %2 failed (%3).").arg(path, doing, errorText(error));
        break;
    }
    qCWarning(lcHistory).noquote() << m_error.message;
}

void HistoryDatabase::relate(qint64 itemNo, const QString &host, const QString &url)
{
    if (!host.isEmpty())
        m_related[QStringLiteral("host:") + host] << itemNo;
    if (!url.isEmpty())
        m_related[QStringLiteral("url:") + url] << itemNo;
}

QList<qint64> HistoryDatabase::numbersFor(const QString &item) const
{
    QList<qint64> out;
    const qint64 own = m_itemNumbers.value(bounded(item, kMaxItemIdLength), -1);
    if (own >= 0)
        out << own;
    for (qint64 no : m_related.value(item))
        if (no != own)
            out << no;
    return out;
}

qint64 HistoryDatabase::itemNumber(const QString &key, bool create, const QString &host,
                                   const QString &url)
{
    const QString id = bounded(key, kMaxItemIdLength);
    const auto it = m_itemNumbers.constFind(id);
    if (it != m_itemNumbers.constEnd())
        return *it;
    if (!create || !m_q)
        return -1;
    QString category = QStringLiteral("");
    QString target = QStringLiteral("");
    if (id.startsWith(QLatin1String("check:"))) {
        const int colon = int(id.indexOf(QLatin1Char(':'), 6));
        if (colon > 0) {
            category = id.mid(6, colon - 6);
            target = id.mid(colon + 1);
        }
    }
    QSqlQuery &q = m_q->insertItem;
    q.bindValue(0, id);
    q.bindValue(1, category);
    q.bindValue(2, target);
    q.bindValue(3, bounded(host, kMaxItemIdLength));
    q.bindValue(4, bounded(url, kMaxItemIdLength));
    if (!q.exec()) {
        const QSqlError e = q.lastError();
        rollback();
        fail(e, tr("recording"));
        return -1;
    }
    const qint64 no = q.lastInsertId().toLongLong();
    m_itemNumbers.insert(id, no);
    m_itemKeys.insert(no, id);
    relate(no, bounded(host, kMaxItemIdLength), bounded(url, kMaxItemIdLength));
    return no;
}

bool HistoryDatabase::storeTransition(qint64 itemNo, qint64 atMs, Health from, Health to,
                                      const QString &reason)
{
    const QString text = bounded(reason);
    QSqlQuery &t = m_q->insertTransition;
    t.bindValue(0, atMs);
    t.bindValue(1, itemNo);
    t.bindValue(2, severityCode(from));
    t.bindValue(3, severityCode(to));
    t.bindValue(4, text);
    if (!t.exec()) {
        const QSqlError e = t.lastError();
        rollback();
        fail(e, tr("recording"));
        return false;
    }
    QSqlQuery &s = m_q->upsertState;
    s.bindValue(0, itemNo);
    s.bindValue(1, severityCode(to));
    s.bindValue(2, text);
    s.bindValue(3, atMs);
    if (!s.exec()) {
        const QSqlError e = s.lastError();
        rollback();
        fail(e, tr("recording"));
        return false;
    }
    m_states.insert(itemNo, ItemState{to, text});
    return true;
}

bool HistoryDatabase::recordOne(const checks::CheckResult &result, qint64 atMs)
{
    const qint64 no =
        itemNumber(checkItemId(result.category, result.target), true, result.host, result.url);
    if (no < 0)
        return false;
    const QString summary = bounded(result.summary);
    QSqlQuery &q = m_q->insertResult;
    q.bindValue(0, atMs);
    q.bindValue(1, no);
    q.bindValue(2, severityCode(result.severity));
    q.bindValue(3, summary);
    if (!q.exec()) {
        const QSqlError e = q.lastError();
        rollback();
        fail(e, tr("recording check results"));
        return false;
    }
    const auto it = m_states.constFind(no);
    const bool changed = it == m_states.constEnd() ? result.severity != Health::Unknown
                                                   : it->health != result.severity;
    if (changed)
        return storeTransition(no, atMs, it == m_states.constEnd() ? Health::Unknown : it->health,
                               result.severity, summary);
    return true;
}

bool HistoryDatabase::record(const QList<checks::CheckResult> &results, qint64 atMs)
{
    return recordRounds({Round{atMs, results}});
}

bool HistoryDatabase::recordRounds(const QList<Round> &rounds)
{
    m_error = {};
    if (!m_q) {
        m_error = {HistoryFailure::Other, tr("The history is not open.")};
        return false;
    }
    qsizetype count = 0;
    for (const Round &r : rounds)
        count += r.results.size();
    if (count == 0)
        return true;
    if (!begin())
        return false;
    for (const Round &r : rounds) {
        for (const checks::CheckResult &result : r.results) {
            if (!recordOne(result, r.atMs)) {
                // recordOne rolled back; say how much was lost.
                m_error.message +=
                    QLatin1Char(' ') + tr("%1 check results were not recorded.").arg(count);
                return false;
            }
        }
    }
    return commit();
}

int HistoryDatabase::recordStates(const QHash<QString, ItemState> &states, qint64 atMs)
{
    m_error = {};
    if (!m_q) {
        m_error = {HistoryFailure::Other, tr("The history is not open.")};
        return -1;
    }
    QStringList changed;
    for (auto it = states.constBegin(); it != states.constEnd(); ++it) {
        const qint64 no = itemNumber(it.key(), false);
        const auto st = m_states.constFind(no);
        if (no < 0 || st == m_states.constEnd()) {
            if (it->health != Health::Unknown)
                changed << it.key();
        } else if (st->health != it->health) {
            changed << it.key();
        }
    }
    if (changed.isEmpty())
        return 0;
    changed.sort();
    if (!begin())
        return -1;
    for (const QString &id : std::as_const(changed)) {
        const qint64 no = itemNumber(id, true);
        if (no < 0)
            return -1;
        const Health from = m_states.value(no, ItemState{}).health;
        const ItemState &to = states[id];
        if (!storeTransition(no, atMs, from, to.health, to.reason))
            return -1;
    }
    return commit() ? int(changed.size()) : -1;
}

int HistoryDatabase::recordSessionEnd(qint64 atMs, const QString &reason)
{
    m_error = {};
    if (!m_q)
        return -1;
    QList<qint64> open;
    for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
        if (it->health != Health::Unknown &&
            !m_itemKeys.value(it.key()).startsWith(QLatin1String("check:")))
            open << it.key();
    }
    if (open.isEmpty())
        return 0;
    std::sort(open.begin(), open.end());
    if (!begin())
        return -1;
    for (qint64 no : std::as_const(open)) {
        if (!storeTransition(no, atMs, m_states.value(no).health, Health::Unknown, reason))
            return -1;
    }
    return commit() ? int(open.size()) : -1;
}

qint64 HistoryDatabase::metaValue(const QString &key, qint64 fallback)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.bindValue(0, key);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return fallback;
}

void HistoryDatabase::setMetaValue(const QString &key, qint64 value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE "
                             "SET value = excluded.value"));
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!q.exec())
        fail(q.lastError(), tr("compacting"));
}

bool HistoryDatabase::compactionDue(qint64 nowMs)
{
    if (!m_q)
        return false;
    return metaValue(QStringLiteral("compacted_at"), 0) <= nowMs - kDayMs;
}

bool HistoryDatabase::compactStep(qint64 nowMs)
{
    if (!m_q)
        return false;
    if (!m_compacting) {
        m_compactRawCut = floorHour(nowMs - qint64(m_options.rawRetentionDays) * kDayMs);
        m_compactAggregateCut =
            floorHour(nowMs - qint64(m_options.aggregateRetentionDays) * kDayMs);
        m_compactQueue = m_itemKeys.keys();
        std::sort(m_compactQueue.begin(), m_compactQueue.end());
        m_compacting = true;
    }
    if (m_compactQueue.isEmpty()) {
        // Give freed pages back, a bounded number at a time.
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next() && q.value(0).toInt() > 0) {
            const int pages = std::min(q.value(0).toInt(), kVacuumPagesPerStep);
            q.finish();
            // QSQLITE steps a statement without columns once, and each step
            // of incremental_vacuum frees one page: step it that often, in
            // one transaction.
            if (!begin())
                return false;
            QSqlQuery vacuum(m_db);
            vacuum.prepare(QStringLiteral("PRAGMA incremental_vacuum"));
            for (int i = 0; i < pages; ++i) {
                if (!vacuum.exec()) {
                    const QSqlError e = vacuum.lastError();
                    rollback();
                    fail(e, tr("compacting"));
                    m_compacting = false;
                    return false;
                }
            }
            vacuum.finish();
            if (!commit()) {
                m_compacting = false;
                return false;
            }
            return true;
        }
        q.finish();
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM transitions WHERE t < ?"));
        del.bindValue(0, m_compactAggregateCut);
        if (!del.exec())
            fail(del.lastError(), tr("compacting"));
        setMetaValue(QStringLiteral("compacted_at"), nowMs);
        m_compacting = false;
        return false;
    }
    const qint64 no = m_compactQueue.first();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT min(t) FROM results WHERE item_id = ?"));
    q.bindValue(0, no);
    if (!q.exec() || !q.next()) {
        fail(q.lastError(), tr("compacting"));
        m_compacting = false;
        return false;
    }
    const QVariant first = q.value(0);
    q.finish();
    if (first.isNull() || first.toLongLong() >= m_compactRawCut) {
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM hourly WHERE item_id = ? AND hour < ?"));
        del.bindValue(0, no);
        del.bindValue(1, m_compactAggregateCut);
        if (!del.exec())
            fail(del.lastError(), tr("compacting"));
        m_compactQueue.removeFirst();
        return true;
    }
    const qint64 from = floorHour(first.toLongLong());
    const qint64 end = std::min(m_compactRawCut, from + kCompactChunkMs);
    if (!begin()) {
        m_compacting = false;
        return false;
    }
    QSqlQuery add(m_db);
    add.prepare(QStringLiteral(
        "INSERT INTO hourly(item_id, hour, n_ok, n_warning, n_critical, n_unknown, worst) "
        "SELECT item_id, (t / 3600000) * 3600000, sum(severity = 0), sum(severity = 1), "
        "sum(severity = 2), sum(severity NOT IN (0, 1, 2)), 0 FROM results WHERE item_id = ? AND "
        "t < ? GROUP BY 2 ON CONFLICT(item_id, hour) DO UPDATE SET n_ok = n_ok + excluded.n_ok, "
        "n_warning = n_warning + excluded.n_warning, n_critical = n_critical + "
        "excluded.n_critical, n_unknown = n_unknown + excluded.n_unknown"));
    add.bindValue(0, no);
    add.bindValue(1, end);
    QSqlQuery worst(m_db);
    worst.prepare(QStringLiteral(
        "UPDATE hourly SET worst = CASE WHEN n_critical > 0 THEN 2 WHEN n_warning > 0 THEN 1 "
        "WHEN n_unknown > 0 THEN 3 ELSE 0 END WHERE item_id = ? AND hour >= ? AND hour < ?"));
    worst.bindValue(0, no);
    worst.bindValue(1, from);
    worst.bindValue(2, end);
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM results WHERE item_id = ? AND t < ?"));
    del.bindValue(0, no);
    del.bindValue(1, end);
    for (QSqlQuery *step : {&add, &worst, &del}) {
        if (!step->exec()) {
            const QSqlError e = step->lastError();
            rollback();
            fail(e, tr("compacting"));
            m_compacting = false;
            return false;
        }
    }
    if (!commit()) {
        m_compacting = false;
        return false;
    }
    return true;
}

void HistoryDatabase::compactAll(qint64 nowMs)
{
    m_compacting = false;
    while (compactStep(nowMs)) {
    }
}

Health HistoryDatabase::stateAt(qint64 itemNo, qint64 atMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT to_sev FROM transitions WHERE item_id = ? AND t < ? ORDER BY "
                             "t DESC, rowid DESC LIMIT 1"));
    q.bindValue(0, itemNo);
    q.bindValue(1, atMs);
    if (q.exec() && q.next())
        return healthFromCode(q.value(0).toInt());
    return Health::Unknown;
}

QList<TimelineBucket> HistoryDatabase::timeline(const QString &item, qint64 fromMs, qint64 toMs,
                                                int buckets)
{
    QList<TimelineBucket> out;
    if (toMs <= fromMs || buckets <= 0)
        return out;
    buckets = std::min(buckets, kMaxBuckets);
    const qint64 width = std::max<qint64>(1, (toMs - fromMs + buckets - 1) / buckets);
    for (int i = 0; i < buckets; ++i) {
        TimelineBucket b;
        b.from = fromMs + i * width;
        b.to = std::min(toMs, b.from + width);
        if (b.from >= toMs)
            break;
        out << b;
    }
    const QList<qint64> numbers = numbersFor(item);
    if (numbers.isEmpty() || !m_q)
        return out;
    const qint64 no = itemNumber(item, false); // the item's own states; -1 when none
    auto bucketOf = [&](qint64 t) {
        return int(std::clamp<qint64>((t - fromMs) / width, 0, out.size() - 1));
    };

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Its own results and those of the checks about it.
    for (qint64 number : numbers) {
        q.prepare(
            QStringLiteral("SELECT (t - ?) / ?, severity, count(*) FROM results WHERE item_id = "
                           "? AND t >= ? AND t < ? GROUP BY 1, 2"));
        q.bindValue(0, fromMs);
        q.bindValue(1, width);
        q.bindValue(2, number);
        q.bindValue(3, fromMs);
        q.bindValue(4, toMs);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the timeline"));
            return out;
        }
        while (q.next()) {
            const int b = std::clamp(q.value(0).toInt(), 0, int(out.size()) - 1);
            const int code = std::clamp(q.value(1).toInt(), 0, 3);
            out[b].counts[size_t(code)] += q.value(2).toInt();
        }
        q.prepare(
            QStringLiteral("SELECT (hour - ?) / ?, sum(n_ok), sum(n_warning), sum(n_critical), "
                           "sum(n_unknown) FROM hourly WHERE item_id = ? AND hour >= ? AND hour "
                           "< ? GROUP BY 1"));
        q.bindValue(0, fromMs);
        q.bindValue(1, width);
        q.bindValue(2, number);
        q.bindValue(3, fromMs);
        q.bindValue(4, toMs);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the timeline"));
            return out;
        }
        while (q.next()) {
            const int b = std::clamp(q.value(0).toInt(), 0, int(out.size()) - 1);
            for (int c = 0; c < 4; ++c)
                out[b].counts[size_t(c)] += q.value(1 + c).toInt();
        }
    }
    // A lab-tree item: time in each state, from its transitions.
    if (no >= 0 && !item.startsWith(QLatin1String("check:"))) {
        const qint64 end = std::min(toMs, QDateTime::currentMSecsSinceEpoch());
        auto addSpan = [&](qint64 a, qint64 b, Health h) {
            if (b <= a)
                return;
            const size_t code = size_t(severityCode(h));
            for (int i = bucketOf(a); i < out.size() && out[i].from < b; ++i)
                out[i].stateMs[code] += std::min(b, out[i].to) - std::max(a, out[i].from);
        };
        Health state = stateAt(no, fromMs);
        bool known = state != Health::Unknown;
        qint64 since = fromMs;
        q.prepare(QStringLiteral("SELECT t, to_sev FROM transitions WHERE item_id = ? AND t >= ? "
                                 "AND t < ? ORDER BY t, rowid LIMIT %1")
                      .arg(kMaxQueryRows * 10));
        q.bindValue(0, no);
        q.bindValue(1, fromMs);
        q.bindValue(2, end);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the timeline"));
            return out;
        }
        while (q.next()) {
            const qint64 t = q.value(0).toLongLong();
            if (known)
                addSpan(since, t, state);
            state = healthFromCode(q.value(1).toInt());
            known = true;
            since = t;
        }
        if (known)
            addSpan(since, end, state);
    }
    for (TimelineBucket &b : out) {
        Health worst = Health::Ok;
        for (int c = 0; c < 4; ++c) {
            if (b.counts[size_t(c)] > 0 || b.stateMs[size_t(c)] > 0)
                worst = worseOf(worst, healthFromCode(c));
        }
        b.worst = b.empty() ? Health::Unknown : worst;
    }
    return out;
}

Uptime HistoryDatabase::uptime(const QString &item, qint64 fromMs, qint64 toMs)
{
    Uptime u;
    const QList<TimelineBucket> all = timeline(item, fromMs, toMs, 1);
    if (all.isEmpty())
        return u;
    const TimelineBucket &b = all.first();
    u.samples = b.counts[CodeOk] + b.counts[CodeWarning] + b.counts[CodeCritical];
    u.okSamples = b.counts[CodeOk];
    u.knownMs = b.stateMs[CodeOk] + b.stateMs[CodeWarning] + b.stateMs[CodeCritical];
    u.okMs = b.stateMs[CodeOk];
    if (u.knownMs > 0)
        u.percent = 100.0 * double(u.okMs) / double(u.knownMs);
    else if (u.samples > 0)
        u.percent = 100.0 * u.okSamples / u.samples;
    return u;
}

QList<Incident> HistoryDatabase::incidents(const QString &item, qint64 sinceMs, int limit)
{
    QList<Incident> out;
    if (!m_q)
        return out;
    limit = std::clamp(limit, 1, kMaxQueryRows);
    QList<qint64> numbers;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!item.isEmpty()) {
        // The item's own and those of the checks about it.
        numbers = numbersFor(item);
        if (numbers.isEmpty())
            return out;
    } else {
        q.prepare(QStringLiteral("SELECT DISTINCT item_id FROM transitions WHERE t >= ?"));
        q.bindValue(0, sinceMs);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading incidents"));
            return out;
        }
        while (q.next())
            numbers << q.value(0).toLongLong();
        // Going on since before sinceMs, without a change since.
        for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
            if (isProblem(it->health) && !numbers.contains(it.key()))
                numbers << it.key();
        }
        std::sort(numbers.begin(), numbers.end());
    }
    for (qint64 no : std::as_const(numbers)) {
        qint64 start = sinceMs;
        if (isProblem(stateAt(no, sinceMs))) {
            q.prepare(QStringLiteral(
                "SELECT max(t) FROM transitions WHERE item_id = ? AND t < ? AND to_sev IN (1, 2) "
                "AND from_sev NOT IN (1, 2)"));
            q.bindValue(0, no);
            q.bindValue(1, sinceMs);
            if (q.exec() && q.next() && !q.value(0).isNull())
                start = q.value(0).toLongLong();
            else
                start = 0;
        }
        q.prepare(QStringLiteral("SELECT t, to_sev, reason FROM transitions WHERE item_id = ? AND "
                                 "t >= ? ORDER BY t, rowid LIMIT %1")
                      .arg(kMaxQueryRows * 10));
        q.bindValue(0, no);
        q.bindValue(1, start);
        if (!q.exec()) {
            fail(q.lastError(), tr("reading incidents"));
            return out;
        }
        std::optional<Incident> current;
        const QString key = m_itemKeys.value(no);
        while (q.next()) {
            const qint64 t = q.value(0).toLongLong();
            const Health to = healthFromCode(q.value(1).toInt());
            if (isProblem(to)) {
                if (!current)
                    current = Incident{key, t, 0, to, q.value(2).toString()};
                else
                    current->worst = worseOf(current->worst, to);
            } else if (to == Health::Ok && current) {
                current->to = t;
                if (current->to >= sinceMs)
                    out << *current;
                current.reset();
            }
        }
        if (current)
            out << *current;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Incident &a, const Incident &b) { return a.from > b.from; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QList<Transition> HistoryDatabase::transitions(const TransitionFilter &filter, qint64 sinceMs,
                                               int limit)
{
    QList<Transition> out;
    if (!m_q)
        return out;
    limit = std::clamp(limit, 1, kMaxQueryRows);
    QString sql = QStringLiteral("SELECT x.t, i.key, x.from_sev, x.to_sev, x.reason FROM "
                                 "transitions x JOIN items i ON i.id = x.item_id WHERE x.t >= ?");
    QVariantList binds{sinceMs};
    if (!filter.item.isEmpty()) {
        sql += QStringLiteral(" AND i.key = ?");
        binds << bounded(filter.item, kMaxItemIdLength);
    }
    if (!filter.text.isEmpty()) {
        sql += QStringLiteral(" AND (instr(lower(i.key), ?) > 0 OR instr(lower(x.reason), ?) > 0)");
        const QString needle = bounded(filter.text.toLower(), 256);
        binds << needle << needle;
    }
    switch (filter.minimum) {
    case Health::Critical:
        sql += QStringLiteral(" AND x.to_sev = 2");
        break;
    case Health::Warning:
        sql += QStringLiteral(" AND x.to_sev IN (1, 2)");
        break;
    case Health::Ok:
        sql += QStringLiteral(" AND x.to_sev IN (0, 1, 2)");
        break;
    case Health::Unknown:
        break;
    }
    sql += QStringLiteral(" ORDER BY x.t DESC, x.rowid DESC LIMIT %1").arg(limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec()) {
        fail(q.lastError(), tr("reading transitions"));
        return out;
    }
    while (q.next())
        out << Transition{q.value(0).toLongLong(), q.value(1).toString(),
                          healthFromCode(q.value(2).toInt()), healthFromCode(q.value(3).toInt()),
                          q.value(4).toString()};
    return out;
}

QStringList HistoryDatabase::items(qint64 sinceMs)
{
    QStringList out;
    if (!m_q)
        return out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM results WHERE item_id = ? AND t >= ?) OR EXISTS(SELECT 1 "
        "FROM transitions WHERE item_id = ? AND t >= ?) OR EXISTS(SELECT 1 FROM hourly WHERE "
        "item_id = ? AND hour >= ?)"));
    for (auto it = m_itemKeys.constBegin(); it != m_itemKeys.constEnd(); ++it) {
        for (int i = 0; i < 2; ++i) {
            q.bindValue(2 * i, it.key());
            q.bindValue(2 * i + 1, sinceMs);
        }
        q.bindValue(4, it.key());
        q.bindValue(5, floorHour(sinceMs));
        if (!q.exec()) {
            fail(q.lastError(), tr("reading the items"));
            return out;
        }
        if (q.next() && q.value(0).toBool())
            out << it.value();
        // In an open incident since before sinceMs: still part of the span.
        else if (isProblem(m_states.value(it.key()).health))
            out << it.value();
        q.finish();
    }
    out.sort();
    return out;
}

qint64 HistoryDatabase::rawResultCount(const QString &item)
{
    QSqlQuery q(m_db);
    if (item.isEmpty()) {
        q.prepare(QStringLiteral("SELECT count(*) FROM results"));
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM results WHERE item_id = ?"));
        q.bindValue(0, itemNumber(item, false));
    }
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 HistoryDatabase::aggregatedResultCount(const QString &item)
{
    QSqlQuery q(m_db);
    const QString sum = QStringLiteral(
        "SELECT coalesce(sum(n_ok + n_warning + n_critical + n_unknown), 0) FROM hourly");
    if (item.isEmpty()) {
        q.prepare(sum);
    } else {
        q.prepare(sum + QStringLiteral(" WHERE item_id = ?"));
        q.bindValue(0, itemNumber(item, false));
    }
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

QString HistoryDatabase::integrityCheck()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return errorText(q.lastError());
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

qint64 HistoryDatabase::usedBytes()
{
    QSqlQuery q(m_db);
    auto pragma = [&q](const char *name) -> qint64 {
        if (q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next())
            return q.value(0).toLongLong();
        return 0;
    };
    const qint64 pageSize = pragma("page_size");
    return pageSize * (pragma("page_count") - pragma("freelist_count"));
}

} // namespace labdeck::history
