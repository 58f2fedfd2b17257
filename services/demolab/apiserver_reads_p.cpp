#include "demolab/apiserver_p.h"
#include "demolab/apiserver_request_p.h"
#include "demolab/apiserver_status_p.h"
#include "demolab/cluster_p.h"
#include "demolab/discovery_p.h"
#include "demolab/jsonpatch_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/managedfields_p.h"
#include "demolab/nodemetrics_p.h"
#include "demolab/objects_p.h"
#include "demolab/podlogs_p.h"
#include "demolab/tables_p.h"
#include "demolab/yamljson_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <optional>

// Reads: list (paged with continue tokens over a snapshot, streamed when
// long, as a Table when asked) and watch.
namespace labdeck::demolab::detail {

namespace {

constexpr qsizetype StreamThreshold = 500; // lists longer than this are streamed
constexpr qsizetype ChunkBytes = 128 * 1024;
constexpr qint64 SnapshotLifetimeMs = 5 * 60 * 1000;
constexpr int MaxSnapshots = 16;
constexpr int DefaultWatchTimeoutSeconds = 1800;

QString listKind(const ResourceType &t)
{
    return t.kind + QStringLiteral("List");
}

QByteArray encodeContinue(qint64 rv, const QString &start)
{
    const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("rv"), rv},
                            {QStringLiteral("start"), start}};
    return compact(token).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool decodeContinue(const QString &text, qint64 *rv, QString *start)
{
    const QByteArray raw = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *rv = doc.object().value(QLatin1String("rv")).toInteger(-1);
    *start = doc.object().value(QLatin1String("start")).toString();
    return *rv >= 0 && !start->isEmpty();
}

QByteArray itemBytes(const ResourceType &t, const StoredObject &s, bool table, TableObject include,
                     const QDateTime &now)
{
    return table ? tableRow(t, s.object, s.json, include, now) : s.json;
}

// --- streaming helpers ------------------------------------------------------

// Writes a long list as chunks while the socket drains.
class ListStream final : public QObject
{
public:
    ListStream(HttpConnection *c, const ResourceType &type, ObjectMap snapshot, const QString &ns,
               Filter filter, bool table, TableObject include, QByteArray header)
        : QObject(c)
        , m_connection(c)
        , m_type(type)
        , m_snapshot(std::move(snapshot))
        , m_filter(std::move(filter))
        , m_table(table)
        , m_include(include)
        , m_header(std::move(header))
        , m_now(QDateTime::currentDateTimeUtc())
    {
        std::tie(m_it, m_end) = range(m_snapshot, ns);
    }

    void start()
    {
        m_connection->beginChunked(200, kJson);
        connect(m_connection, &HttpConnection::drained, this, &ListStream::pump);
        pump();
    }

private:
    void pump()
    {
        if (m_done)
            return;
        QByteArray chunk = std::exchange(m_header, {});
        while (m_it != m_end && m_connection->pendingBytes() < HttpConnection::LowWatermark) {
            if (m_filter.matches(m_it->object)) {
                if (!m_first)
                    chunk += ',';
                m_first = false;
                chunk += itemBytes(m_type, *m_it, m_table, m_include, m_now);
            }
            ++m_it;
            if (chunk.size() >= ChunkBytes) {
                m_connection->writeChunk(chunk);
                chunk.clear();
            }
        }
        if (m_it == m_end) {
            chunk += "]}";
            m_connection->writeChunk(chunk);
            m_connection->endChunked();
            m_done = true;
            deleteLater();
            return;
        }
        m_connection->writeChunk(chunk);
    }

    HttpConnection *m_connection;
    const ResourceType &m_type;
    ObjectMap m_snapshot;
    ObjectMap::const_iterator m_it;
    ObjectMap::const_iterator m_end;
    Filter m_filter;
    bool m_table;
    TableObject m_include;
    QByteArray m_header;
    QDateTime m_now;
    bool m_first = true;
    bool m_done = false;
};

class WatchStream final : public QObject
{
public:
    struct Options
    {
        QString ns;
        Filter filter;
        qint64 from = 0;
        bool initialEvents = false; // synthetic ADDED for the current state first
        bool initialEndBookmark = false;
        bool bookmarks = false;
        bool table = false;
        TableObject include = TableObject::Metadata;
        int timeoutSeconds = DefaultWatchTimeoutSeconds;
        std::chrono::milliseconds bookmarkInterval{10000};
    };

    WatchStream(HttpConnection *c, Store *store, const ResourceType &type, Options options)
        : QObject(c)
        , m_connection(c)
        , m_store(store)
        , m_type(type)
        , m_options(std::move(options))
        , m_cursor(m_options.from)
    {
        if (m_options.initialEvents) {
            m_initial = store->objects(type.id);
            std::tie(m_it, m_end) = range(m_initial, m_options.ns);
            m_cursor = store->resourceVersion();
        }
        store->setWatchCursor(this, m_cursor);
    }
    ~WatchStream() override
    {
        if (m_store)
            m_store->removeWatchCursor(this);
    }

    void start()
    {
        m_connection->beginChunked(200, kJson);
        connect(m_connection, &HttpConnection::drained, this, &WatchStream::pump);
        connect(m_store.data(), &Store::historyAppended, this, &WatchStream::schedule);
        connect(m_store.data(), &Store::compacted, this, &WatchStream::schedule);
        if (m_options.timeoutSeconds > 0)
            QTimer::singleShot(std::chrono::seconds(m_options.timeoutSeconds), this, [this] {
                if (m_options.bookmarks)
                    m_connection->writeChunk(bookmark(false));
                finish();
            });
        if (m_options.bookmarks) {
            auto *timer = new QTimer(this);
            timer->setInterval(m_options.bookmarkInterval);
            connect(timer, &QTimer::timeout, this, [this] {
                if (!m_options.initialEvents || m_it == m_end)
                    m_connection->writeChunk(bookmark(false));
            });
            timer->start();
        }
        pump();
    }

private:
    void schedule()
    {
        if (m_scheduled || m_done)
            return;
        m_scheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_scheduled = false;
                pump();
            },
            Qt::QueuedConnection);
    }

    QByteArray eventLine(const char *type, const QJsonObject &object, const QByteArray &json) const
    {
        QByteArray line =
            QByteArrayLiteral("{\"type\":\"") + type + QByteArrayLiteral("\",\"object\":");
        if (m_options.table) {
            QJsonObject meta{
                {QStringLiteral("resourceVersion"), jstr(object, {"metadata", "resourceVersion"})}};
            line +=
                "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" +
                compact(meta) + ",\"columnDefinitions\":" +
                (m_sentColumns
                     ? QByteArrayLiteral("[]")
                     : QJsonDocument(tableColumns(m_type.id)).toJson(QJsonDocument::Compact)) +
                ",\"rows\":[" +
                tableRow(m_type, object, json, m_options.include, QDateTime::currentDateTimeUtc()) +
                "]}";
        } else {
            line += fullObjectJson(m_type, json);
        }
        line += "}\n";
        return line;
    }

    QByteArray bookmark(bool initialEnd) const
    {
        QJsonObject meta{{QStringLiteral("resourceVersion"), QString::number(m_cursor)}};
        if (initialEnd)
            meta.insert(
                QStringLiteral("annotations"),
                QJsonObject{{QStringLiteral("k8s.io/initial-events-end"), QStringLiteral("true")}});
        const QJsonObject object{{QStringLiteral("kind"), m_type.kind},
                                 {QStringLiteral("apiVersion"), m_type.apiVersion()},
                                 {QStringLiteral("metadata"), meta}};
        return "{\"type\":\"BOOKMARK\",\"object\":" + compact(object) + "}\n";
    }

    bool inScope(const QJsonObject &object) const
    {
        if (!m_options.ns.isEmpty() && namespaceOf(object) != m_options.ns)
            return false;
        return m_options.filter.matches(object);
    }

    void pump()
    {
        if (m_done || !m_connection->isOpen())
            return;
        QByteArray chunk;
        auto full = [&] {
            return m_connection->pendingBytes() + chunk.size() >= HttpConnection::LowWatermark;
        };
        if (m_options.initialEvents) {
            while (m_it != m_end && !full()) {
                if (m_options.filter.matches(m_it->object)) {
                    chunk += eventLine("ADDED", m_it->object, m_it->json);
                    m_sentColumns = true;
                }
                ++m_it;
            }
            if (m_it != m_end) {
                m_connection->writeChunk(chunk);
                return;
            }
            if (m_options.initialEndBookmark && !m_sentInitialEnd) {
                chunk += bookmark(true);
                m_sentInitialEnd = true;
            }
            m_initial = ObjectMap();
            m_it = m_end = m_initial.cend();
        }
        if (m_cursor > m_store->resourceVersion() || m_cursor < m_store->compactedRevision()) {
            // Like the watch cache: one ERROR event, then the stream ends.
            const ApiError e = m_cursor > m_store->resourceVersion()
                                   ? tooLargeResourceVersion(m_cursor, m_store->resourceVersion())
                                   : expired(QStringLiteral("too old resource version: %1 (%2)")
                                                 .arg(m_cursor)
                                                 .arg(m_store->compactedRevision() + 1));
            chunk += "{\"type\":\"ERROR\",\"object\":" + compact(statusObject(e)) + "}\n";
            m_connection->writeChunk(chunk);
            finish();
            return;
        }
        const std::deque<HistoryEvent> &history = m_store->history();
        size_t i = m_store->firstEventAfter(m_cursor);
        for (; i < history.size() && !full(); ++i) {
            const HistoryEvent &e = history[i];
            m_cursor = e.rv;
            if (e.resource != m_type.id)
                continue;
            const bool now = inScope(e.object);
            const char *type = nullptr;
            switch (e.type) {
            case WatchEventType::Added:
                type = now ? "ADDED" : nullptr;
                break;
            case WatchEventType::Modified: {
                const bool before = inScope(e.previous);
                type = now ? (before ? "MODIFIED" : "ADDED") : (before ? "DELETED" : nullptr);
                break;
            }
            case WatchEventType::Deleted:
                type = now ? "DELETED" : nullptr;
                break;
            }
            if (type) {
                chunk += eventLine(type, e.object, e.json);
                m_sentColumns = true;
            }
        }
        if (i >= history.size())
            m_cursor = std::max(m_cursor, m_store->resourceVersion());
        m_store->setWatchCursor(this, m_cursor);
        m_connection->writeChunk(chunk);
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_store->removeWatchCursor(this);
        m_connection->endChunked();
        deleteLater();
    }

    HttpConnection *m_connection;
    QPointer<Store> m_store;
    const ResourceType &m_type;
    Options m_options;
    qint64 m_cursor;
    ObjectMap m_initial;
    ObjectMap::const_iterator m_it;
    ObjectMap::const_iterator m_end;
    bool m_scheduled = false;
    bool m_done = false;
    bool m_sentColumns = false;
    bool m_sentInitialEnd = false;
};

} // namespace

QByteArray listHeader(const ResourceType &t, bool table, const QJsonObject &meta)
{
    if (table)
        return "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" +
               compact(meta) + ",\"columnDefinitions\":" +
               QJsonDocument(tableColumns(t.id)).toJson(QJsonDocument::Compact) + ",\"rows\":[";
    return "{\"kind\":\"" + listKind(t).toLatin1() + "\",\"apiVersion\":\"" +
           t.apiVersion().toLatin1() + "\",\"metadata\":" + compact(meta) + ",\"items\":[";
}

// The keys of one namespace (or all) in a snapshot.
std::pair<ObjectMap::const_iterator, ObjectMap::const_iterator> range(const ObjectMap &map,
                                                                      const QString &ns)
{
    if (ns.isEmpty())
        return {map.cbegin(), map.cend()};
    // '0' follows '/' in ASCII: [ns/, ns0) is exactly the namespace.
    return {map.lowerBound(ns + QLatin1Char('/')), map.lowerBound(ns + QLatin1Char('0'))};
}

void ApiServer::list(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                     const QString &ns)
{
    Filter filter;
    if (auto e = parseFilter(r, &filter)) {
        replyError(c, r, *e);
        return;
    }
    const bool table = wantsTable(r);
    const TableObject include = includeObject(r);
    bool limitOk = true;
    qint64 limit = r.hasParam(QStringLiteral("limit"))
                       ? r.param(QStringLiteral("limit")).toLongLong(&limitOk)
                       : 0;
    if (!limitOk || limit < 0) {
        replyError(
            c, r,
            badRequest(QStringLiteral("invalid limit: %1").arg(r.param(QStringLiteral("limit")))));
        return;
    }
    // A server that pages: never more than this, asked for or not.
    if (m_maxPageSize > 0 && (limit == 0 || limit > m_maxPageSize))
        limit = m_maxPageSize;

    // Drop old snapshots.
    for (auto it = m_snapshots.begin(); it != m_snapshots.end();) {
        if (it->age.elapsed() > SnapshotLifetimeMs)
            it = m_snapshots.erase(it);
        else
            ++it;
    }

    // Shared, never written: iterators into it stay valid (a non-const call
    // would detach the copy and strand them).
    ObjectMap shared;
    qint64 rv = m_store->resourceVersion();
    const qint64 wantedRv = r.param(QStringLiteral("resourceVersion")).toLongLong();
    if (wantedRv > rv) {
        replyError(c, r, tooLargeResourceVersion(wantedRv, rv));
        return;
    }
    QString startAfter;
    const QString token = r.param(QStringLiteral("continue"));
    if (!token.isEmpty()) {
        if (!decodeContinue(token, &rv, &startAfter)) {
            replyError(
                c, r,
                badRequest(QStringLiteral("continue key is not valid: incorrect encoded start "
                                          "resourceVersion (version meta.k8s.io/v1)")));
            return;
        }
        const auto it = m_snapshots.constFind({type.id, rv});
        if (rv < m_store->compactedRevision() || it == m_snapshots.cend()) {
            ApiError e = expired(QStringLiteral("The provided continue parameter is too old to "
                                                "display a consistent list result. You can start a "
                                                "new list without the continue parameter, or use "
                                                "the continue token in this response to retrieve "
                                                "the remainder of the results. Continuing with the "
                                                "provided token results in an inconsistent list "
                                                "- objects that were created, modified, or deleted "
                                                "between the time the first chunk was returned "
                                                "and now may show up in the list."));
            replyError(c, r, e);
            return;
        }
        shared = it->objects;
    } else {
        shared = m_store->objects(type.id);
    }
    const ObjectMap &snapshot = shared;

    auto [begin, end] = range(snapshot, ns);
    if (!startAfter.isEmpty()) {
        begin = snapshot.upperBound(startAfter);
        if (!ns.isEmpty() && begin != end && !begin.key().startsWith(ns + QLatin1Char('/')))
            begin = end;
    }

    QJsonObject meta{{QStringLiteral("resourceVersion"), QString::number(rv)}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (limit == 0 && std::distance(begin, end) > StreamThreshold && startAfter.isEmpty()) {
        auto *stream = new ListStream(c, type, snapshot, ns, filter, table, include,
                                      listHeader(type, table, meta));
        served(r, 200);
        stream->start();
        return;
    }

    QByteArray items;
    qint64 count = 0;
    QString lastKey;
    auto it = begin;
    for (; it != end; ++it) {
        if (!filter.matches(it->object))
            continue;
        if (limit > 0 && count == limit)
            break;
        if (count > 0)
            items += ',';
        items += itemBytes(type, *it, table, include, now);
        lastKey = it.key();
        ++count;
    }
    if (it != end) {
        // More matches remain: hand out a token bound to this snapshot.
        meta.insert(QStringLiteral("continue"), QString::fromLatin1(encodeContinue(rv, lastKey)));
        if (filter.labels.isEmpty() && filter.fields.isEmpty())
            meta.insert(QStringLiteral("remainingItemCount"), qint64(std::distance(it, end)));
        const QPair<int, qint64> key{type.id, rv};
        if (!m_snapshots.contains(key)) {
            if (m_snapshots.size() >= MaxSnapshots) {
                auto oldest = m_snapshots.begin();
                for (auto s = m_snapshots.begin(); s != m_snapshots.end(); ++s) {
                    if (s->age.elapsed() > oldest->age.elapsed())
                        oldest = s;
                }
                m_snapshots.erase(oldest);
            }
            Snapshot s{snapshot, {}};
            s.age.start();
            m_snapshots.insert(key, s);
        }
    }
    replyJson(c, r, 200, listHeader(type, table, meta) + items + "]}");
}

void ApiServer::watch(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns)
{
    WatchStream::Options o;
    if (auto e = parseFilter(r, &o.filter)) {
        replyError(c, r, *e);
        return;
    }
    o.ns = ns;
    o.table = wantsTable(r);
    o.include = includeObject(r);
    o.bookmarks = truthy(r.param(QStringLiteral("allowWatchBookmarks")));
    o.bookmarkInterval = m_bookmarkInterval;
    const QString rvText = r.param(QStringLiteral("resourceVersion"));
    const bool sendInitial = truthy(r.param(QStringLiteral("sendInitialEvents")));
    if (r.hasParam(QStringLiteral("timeoutSeconds")))
        o.timeoutSeconds = r.param(QStringLiteral("timeoutSeconds")).toInt();
    if (rvText.isEmpty() || rvText == QLatin1String("0") || sendInitial) {
        o.initialEvents = true;
        o.initialEndBookmark = sendInitial && o.bookmarks;
    } else {
        bool ok = false;
        o.from = rvText.toLongLong(&ok);
        if (!ok) {
            replyError(c, r,
                       badRequest(QStringLiteral("invalid resource version: %1").arg(rvText)));
            return;
        }
    }
    auto *stream = new WatchStream(c, m_store, type, o);
    served(r, 200);
    stream->start();
}

} // namespace labdeck::demolab::detail
