#include "history/historydatabase.h"

#include "history/historydatabase_p.h"
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

using namespace detail;

namespace {

std::atomic<int> g_connections{0};

} // namespace

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

} // namespace labdeck::history
