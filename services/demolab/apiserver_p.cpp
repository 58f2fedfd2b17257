#include "demolab/apiserver_p.h"
#include "demolab/nodemetrics_p.h"

#include "demolab/cluster_p.h"
#include "demolab/discovery_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/jsonpatch_p.h"
#include "demolab/managedfields_p.h"
#include "demolab/yamljson_p.h"
#include "demolab/logging_p.h"
#include "demolab/objects_p.h"
#include "demolab/podlogs_p.h"
#include "demolab/tables_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace labdeck::demolab::detail {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");
constexpr qsizetype StreamThreshold = 500; // lists longer than this are streamed
constexpr qsizetype ChunkBytes = 128 * 1024;
constexpr qint64 SnapshotLifetimeMs = 5 * 60 * 1000;
constexpr int MaxSnapshots = 16;
constexpr int DefaultWatchTimeoutSeconds = 1800;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject statusObject(const ApiError &e)
{
    QJsonObject s{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject()},
                  {QStringLiteral("status"), QStringLiteral("Failure")},
                  {QStringLiteral("message"), e.message},
                  {QStringLiteral("reason"), e.reason},
                  {QStringLiteral("code"), e.code}};
    if (!e.details.isEmpty())
        s.insert(QStringLiteral("details"), e.details);
    return s;
}

QJsonObject detailsFor(const ResourceType &t, const QString &name)
{
    QJsonObject d{{QStringLiteral("name"), name}, {QStringLiteral("kind"), t.plural}};
    if (!t.group.isEmpty())
        d.insert(QStringLiteral("group"), t.group);
    return d;
}

ApiError notFound(const ResourceType &t, const QString &name)
{
    return {404, QStringLiteral("NotFound"),
            QStringLiteral("%1 \"%2\" not found").arg(t.groupResource(), name), detailsFor(t, name),
            0};
}

ApiError notFoundPath()
{
    return {404,
            QStringLiteral("NotFound"),
            QStringLiteral("the server could not find the requested resource"),
            {},
            0};
}

ApiError badRequest(const QString &message)
{
    return {400, QStringLiteral("BadRequest"), message, {}, 0};
}

ApiError methodNotAllowed()
{
    return {405,
            QStringLiteral("MethodNotAllowed"),
            QStringLiteral("the server does not allow this method on the requested resource"),
            {},
            0};
}

ApiError conflict(const ResourceType &t, const QString &name, const QString &why)
{
    return {409, QStringLiteral("Conflict"),
            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3")
                .arg(t.groupResource(), name, why),
            detailsFor(t, name), 0};
}

ApiError modified(const ResourceType &t, const QString &name)
{
    return conflict(
        t, name,
        QStringLiteral(
            "the object has been modified; please apply your changes to the latest version "
            "and try again"));
}

ApiError alreadyExists(const ResourceType &t, const QString &name)
{
    return {409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists").arg(t.groupResource(), name),
            detailsFor(t, name), 0};
}

ApiError invalid(const QString &groupKind, const QString &group, const QString &kind,
                 const QString &name, const QList<FieldError> &errors)
{
    QJsonArray causes;
    QStringList texts;
    for (const FieldError &e : errors) {
        causes.append(QJsonObject{{QStringLiteral("reason"), e.reason},
                                  {QStringLiteral("message"), e.message},
                                  {QStringLiteral("field"), e.field}});
        texts << e.field + QStringLiteral(": ") + e.message;
    }
    const QString joined =
        texts.size() == 1 ? texts.first()
                          : QLatin1Char('[') + texts.join(QStringLiteral(", ")) + QLatin1Char(']');
    QJsonObject details{{QStringLiteral("name"), name},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("causes"), causes}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return {422, QStringLiteral("Invalid"),
            QStringLiteral("%1 \"%2\" is invalid: %3").arg(groupKind, name, joined), details, 0};
}

ApiError invalid(const ResourceType &t, const QString &name, const QList<FieldError> &errors)
{
    return invalid(t.groupKind(), t.group, t.kind, name, errors);
}

ApiError expired(const QString &message)
{
    return {410, QStringLiteral("Expired"), message, {}, 0};
}

// A resourceVersion this server never handed out (say, from before a restart).
ApiError tooLargeResourceVersion(qint64 wanted, qint64 current)
{
    const QJsonObject details{
        {QStringLiteral("causes"),
         QJsonArray{QJsonObject{
             {QStringLiteral("reason"), QStringLiteral("ResourceVersionTooLarge")},
             {QStringLiteral("message"), QStringLiteral("Too large resource version")}}}},
        {QStringLiteral("retryAfterSeconds"), 1}};
    return {504, QStringLiteral("Timeout"),
            QStringLiteral("Too large resource version: %1, current: %2").arg(wanted).arg(current),
            details, 1};
}

bool truthy(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1") ||
           value == QLatin1String("True");
}

QByteArray mediaType(const HttpRequest &r)
{
    QByteArray ct = r.header("content-type").toLower();
    const qsizetype semi = ct.indexOf(';');
    if (semi >= 0)
        ct.truncate(semi);
    return ct.trimmed();
}

QString fieldManager(const HttpRequest &r)
{
    const QString m = r.param(QStringLiteral("fieldManager"));
    if (!m.isEmpty())
        return m;
    const QString agent =
        QString::fromUtf8(r.header("user-agent")).section(QLatin1Char('/'), 0, 0).trimmed();
    return agent.isEmpty() ? QStringLiteral("unknown") : agent;
}

// Decodes a POST/PUT body (JSON, or YAML when sent as YAML).
std::optional<QJsonObject> decodeBody(const HttpRequest &r, ApiError *error)
{
    const QByteArray ct = mediaType(r);
    if (ct.contains("protobuf") || ct.contains("cbor")) {
        *error = {
            415,
            QStringLiteral("UnsupportedMediaType"),
            QStringLiteral(
                "the body of the request was in an unknown format - accepted media types include: "
                "application/json, application/yaml"),
            {},
            0};
        return std::nullopt;
    }
    QString parseError;
    const auto value = parseYamlDocument(r.body, &parseError);
    if (!value || !value->isObject()) {
        *error = badRequest(
            QStringLiteral("the body of the request could not be decoded: %1")
                .arg(parseError.isEmpty() ? QStringLiteral("not a JSON object") : parseError));
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<ApiError> checkTypeMeta(const QJsonObject &object, const ResourceType &t)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != t.apiVersion())
        return badRequest(
            QStringLiteral(
                "the API version in the data (%1) does not match the expected API version (%2)")
                .arg(apiVersion, t.apiVersion()));
    if (!kind.isEmpty() && kind != t.kind)
        return badRequest(
            QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)")
                .arg(kind, t.kind));
    return std::nullopt;
}

std::optional<ApiError> checkDryRun(const HttpRequest &r, bool *dryRun)
{
    const QString value = r.param(QStringLiteral("dryRun"));
    *dryRun = value == QLatin1String("All");
    if (!value.isEmpty() && !*dryRun) {
        return invalid(
            QStringLiteral("DryRun"), QString(), QStringLiteral("DryRun"), QString(),
            {{QStringLiteral("FieldValueNotSupported"), QStringLiteral("dryRun"),
              QStringLiteral("Unsupported value: \"%1\": supported values: \"All\"").arg(value)}});
    }
    return std::nullopt;
}

// What comparisons ignore: the revision and when managers last wrote.
QJsonObject comparable(QJsonObject o)
{
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.remove(QLatin1String("resourceVersion"));
    QJsonArray fields = meta.value(QLatin1String("managedFields")).toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QJsonObject e = fields.at(i).toObject();
        e.remove(QLatin1String("time"));
        fields.replace(i, e);
    }
    if (!fields.isEmpty())
        meta.insert(QLatin1String("managedFields"), fields);
    o.insert(QLatin1String("metadata"), meta);
    return o;
}

void restoreIdentity(QJsonObject &updated, const QJsonObject &existing)
{
    QJsonObject meta = updated.value(QLatin1String("metadata")).toObject();
    const QJsonObject old = existing.value(QLatin1String("metadata")).toObject();
    for (const char *k :
         {"name", "namespace", "uid", "creationTimestamp", "generation", "resourceVersion",
          "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "generateName"}) {
        const QLatin1String key(k);
        if (old.contains(key))
            meta.insert(key, old.value(key));
        else
            meta.remove(key);
    }
    updated.insert(QLatin1String("metadata"), meta);
}

// A write to the main resource of a kind with a status subresource keeps the
// server's status, as a real API server does.
void keepServerStatus(QJsonObject &updated, const QJsonObject &existing)
{
    if (existing.contains(QLatin1String("status")))
        updated.insert(QLatin1String("status"), existing.value(QLatin1String("status")));
    else
        updated.remove(QLatin1String("status"));
}

struct Filter
{
    LabelSelector labels;
    FieldSelector fields;

    [[nodiscard]] bool matches(const QJsonObject &object) const
    {
        if (!labels.isEmpty() && !labels.matches(jobj(object, {"metadata", "labels"})))
            return false;
        return fields.isEmpty() || fields.matches(object);
    }
};

std::optional<ApiError> parseFilter(const HttpRequest &r, Filter *filter)
{
    QString error;
    filter->labels = LabelSelector::parse(r.param(QStringLiteral("labelSelector")), &error);
    if (!error.isEmpty())
        return badRequest(error);
    filter->fields = FieldSelector::parse(r.param(QStringLiteral("fieldSelector")), &error);
    if (!error.isEmpty())
        return badRequest(error);
    return std::nullopt;
}

TableObject includeObject(const HttpRequest &r)
{
    const QString v = r.param(QStringLiteral("includeObject"));
    if (v == QLatin1String("None"))
        return TableObject::None;
    if (v == QLatin1String("Object"))
        return TableObject::Object;
    return TableObject::Metadata;
}

bool wantsTable(const HttpRequest &r)
{
    return r.header("accept").contains("as=Table");
}

QString listKind(const ResourceType &t)
{
    return t.kind + QStringLiteral("List");
}

QByteArray listHeader(const ResourceType &t, bool table, const QJsonObject &meta)
{
    if (table)
        return "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" +
               compact(meta) + ",\"columnDefinitions\":" +
               QJsonDocument(tableColumns(t.id)).toJson(QJsonDocument::Compact) + ",\"rows\":[";
    return "{\"kind\":\"" + listKind(t).toLatin1() + "\",\"apiVersion\":\"" +
           t.apiVersion().toLatin1() + "\",\"metadata\":" + compact(meta) + ",\"items\":[";
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

// The keys of one namespace (or all) in a snapshot.
std::pair<ObjectMap::const_iterator, ObjectMap::const_iterator> range(const ObjectMap &map,
                                                                      const QString &ns)
{
    if (ns.isEmpty())
        return {map.cbegin(), map.cend()};
    // '0' follows '/' in ASCII: [ns/, ns0) is exactly the namespace.
    return {map.lowerBound(ns + QLatin1Char('/')), map.lowerBound(ns + QLatin1Char('0'))};
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

// kubectl logs -f: the existing lines, then one more about every second.
class LogFollow final : public QObject
{
public:
    LogFollow(HttpConnection *c, Store *store, PodLogs *logs, QString key, QString uid,
              QString container, bool timestamps)
        : QObject(c)
        , m_connection(c)
        , m_store(store)
        , m_logs(logs)
        , m_key(std::move(key))
        , m_uid(std::move(uid))
        , m_container(std::move(container))
        , m_timestamps(timestamps)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(std::chrono::milliseconds(1000));
        connect(timer, &QTimer::timeout, this, &LogFollow::tick);
        timer->start();
    }

private:
    void tick()
    {
        const QJsonObject pod = m_store->get(Pods, m_key);
        if (pod.isEmpty() || uidOf(pod) != m_uid) {
            m_connection->endChunked();
            deleteLater();
            return;
        }
        if (m_connection->pendingBytes() > HttpConnection::LowWatermark)
            return;
        const LogLine line = m_logs->append(pod, m_container);
        m_connection->writeChunk(((m_timestamps ? line.timestamp + QLatin1Char(' ') : QString()) +
                                  line.text + QLatin1Char('\n'))
                                     .toUtf8());
    }

    HttpConnection *m_connection;
    Store *m_store;
    PodLogs *m_logs;
    QString m_key;
    QString m_uid;
    QString m_container;
    bool m_timestamps;
};

} // namespace

// ---------------------------------------------------------------------------

ApiServer::ApiServer(Store *store, Cluster *cluster, PodLogs *logs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cluster(cluster)
    , m_logs(logs)
{}

void ApiServer::injectFailures(int count, int httpStatus, int retryAfterSeconds,
                               const QString &pathPrefix)
{
    m_failure = Failure{count, httpStatus, retryAfterSeconds, pathPrefix};
}

void ApiServer::dropSnapshots()
{
    m_snapshots.clear();
}

void ApiServer::setForbidden(const QString &resource, bool denied)
{
    // "statefulsets" or "statefulsets.apps": stored with the group.
    QString key = resource.toLower();
    if (!key.contains(QLatin1Char('.'))) {
        for (const ResourceType &t : resourceTypes()) {
            if (t.plural == key)
                key = t.groupResource();
        }
    }
    if (denied)
        m_forbidden.insert(key);
    else
        m_forbidden.remove(key);
}

void ApiServer::setApiGroupAbsent(const QString &group, bool absent)
{
    if (absent)
        m_absentGroups.insert(group);
    else
        m_absentGroups.remove(group);
}

void ApiServer::undoFailures()
{
    m_forbidden.clear();
    m_absentGroups.clear();
    m_maxPageSize = 0;
}

bool ApiServer::denied(const QString &group, const QString &resource, const QString &verb) const
{
    if (verb != QLatin1String("get") && verb != QLatin1String("list") &&
        verb != QLatin1String("watch") && verb != QLatin1String("*"))
        return false;
    const QString key = group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    return m_forbidden.contains(key);
}

void ApiServer::accessReview(HttpConnection *c, const HttpRequest &r)
{
    ApiError error;
    const std::optional<QJsonObject> body = decodeBody(r, &error);
    if (!body) {
        replyError(c, r, error);
        return;
    }
    const QJsonObject spec = body->value(QLatin1String("spec")).toObject();
    const QJsonObject attributes = spec.value(QLatin1String("resourceAttributes")).toObject();
    if (attributes.isEmpty() && !spec.contains(QLatin1String("nonResourceAttributes"))) {
        replyError(c, r,
                   invalid(QStringLiteral("SelfSubjectAccessReview.authorization.k8s.io"),
                           QStringLiteral("authorization.k8s.io"),
                           QStringLiteral("SelfSubjectAccessReview"), QString(),
                           {{QStringLiteral("FieldValueRequired"),
                             QStringLiteral("spec.resourceAttributes"),
                             QStringLiteral("Required value: exactly one of "
                                            "nonResourceAttributes or resourceAttributes must be "
                                            "specified")}}));
        return;
    }
    const bool no =
        !attributes.isEmpty() && denied(attributes.value(QLatin1String("group")).toString(),
                                        attributes.value(QLatin1String("resource")).toString(),
                                        attributes.value(QLatin1String("verb")).toString());
    // RBAC has no deny rules: a refusal is "no opinion", without a reason.
    QJsonObject status{{QStringLiteral("allowed"), !no}};
    if (!no)
        status.insert(QStringLiteral("reason"),
                      QStringLiteral("RBAC: allowed by ClusterRoleBinding \"labdeck-demo\" of "
                                     "ClusterRole \"cluster-admin\" to User \"%1\"")
                          .arg(userName()));
    const QJsonObject review{
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("creationTimestamp"), QJsonValue(QJsonValue::Null)}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"), status}};
    replyJson(c, r, 201, compact(review));
}

void ApiServer::served(const HttpRequest &request, int status)
{
    Q_EMIT requestServed(QString::fromLatin1(request.method), request.path, status);
}

void ApiServer::reply(HttpConnection *c, const HttpRequest &r, int status,
                      const QByteArray &contentType, const QByteArray &body,
                      const HttpHeaders &headers)
{
    served(r, status);
    c->respond(status, contentType, body, headers);
}

void ApiServer::replyJson(HttpConnection *c, const HttpRequest &r, int status,
                          const QByteArray &json)
{
    reply(c, r, status, kJson, json);
}

void ApiServer::replyError(HttpConnection *c, const HttpRequest &r, const ApiError &error)
{
    HttpHeaders headers;
    if (error.retryAfterSeconds > 0)
        headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(error.retryAfterSeconds)});
    reply(c, r, error.code, kJson, compact(statusObject(error)), headers);
}

void ApiServer::replyObject(HttpConnection *c, const HttpRequest &r, int status,
                            const ResourceType &type, const QJsonObject &object)
{
    QJsonObject item = object;
    item.remove(QLatin1String("apiVersion"));
    item.remove(QLatin1String("kind"));
    const QByteArray json = compact(item);
    if (wantsTable(r)) {
        const QJsonObject meta{
            {QStringLiteral("resourceVersion"), jstr(object, {"metadata", "resourceVersion"})}};
        replyJson(
            c, r, status,
            listHeader(type, true, meta) +
                tableRow(type, item, json, includeObject(r), QDateTime::currentDateTimeUtc()) +
                "]}");
        return;
    }
    replyJson(c, r, status, fullObjectJson(type, json));
}

std::optional<ApiError> ApiServer::checkNamespace(const ResourceType &type, const QString &ns) const
{
    if (!type.namespaced)
        return std::nullopt;
    const QJsonObject object = m_store->get(Namespaces, ns);
    if (object.isEmpty())
        return notFound(resourceType(Namespaces), ns);
    if (podIsTerminating(object))
        return ApiError{
            403, QStringLiteral("Forbidden"),
            QStringLiteral(
                "unable to create new content in namespace %1 because it is being terminated")
                .arg(ns),
            detailsFor(type, QString()), 0};
    return std::nullopt;
}

void ApiServer::serve(HttpConnection *c, const HttpRequest &r)
{
    const QByteArray auth = r.header("authorization");
    const bool tokenOk =
        !m_token.isEmpty() && auth == QByteArrayLiteral("Bearer ") + m_token.toLatin1();
    if (!tokenOk && !r.clientCertificateVerified) {
        replyError(c, r,
                   {401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}, 0});
        return;
    }
    if (m_failure.remaining > 0 && r.path.startsWith(m_failure.prefix)) {
        --m_failure.remaining;
        ApiError e{m_failure.status, QString(), QString(), {}, 0};
        switch (m_failure.status) {
        case 429:
            e.reason = QStringLiteral("TooManyRequests");
            e.message = QStringLiteral("Too many requests, please try again later.");
            break;
        case 500:
            e.reason = QStringLiteral("InternalError");
            e.message = QStringLiteral("Internal error occurred: injected failure");
            e.details =
                QJsonObject{{QStringLiteral("causes"),
                             QJsonArray{QJsonObject{{QStringLiteral("message"),
                                                     QStringLiteral("injected failure")}}}}};
            break;
        case 503:
            e.reason = QStringLiteral("ServiceUnavailable");
            e.message = QStringLiteral("the server is currently unable to handle the request");
            break;
        case 504:
            e.reason = QStringLiteral("Timeout");
            e.message = QStringLiteral(
                "the server was unable to return a response in the time allotted, but may "
                "still be processing the request");
            break;
        default:
            e.message = QStringLiteral("injected failure");
            break;
        }
        if (m_failure.retryAfter > 0) {
            e.retryAfterSeconds = m_failure.retryAfter;
            e.details.insert(QStringLiteral("retryAfterSeconds"), m_failure.retryAfter);
        }
        replyError(c, r, e);
        return;
    }

    QStringList segments = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool isGet = r.method == "GET" || r.method == "HEAD";
    if (segments.isEmpty()) {
        replyError(c, r, notFoundPath());
        return;
    }
    const QString &first = segments.first();
    if (first == QLatin1String("version") && segments.size() == 1) {
        isGet ? replyJson(c, r, 200, versionDocument()) : replyError(c, r, methodNotAllowed());
        return;
    }
    if ((first == QLatin1String("healthz") || first == QLatin1String("livez") ||
         first == QLatin1String("readyz")) &&
        segments.size() == 1) {
        reply(c, r, 200, QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("ok"));
        return;
    }
    if (first == QLatin1String("openapi")) {
        if (segments.size() == 2 && segments.at(1) == QLatin1String("v3")) {
            replyJson(c, r, 200, openApiIndexDocument());
            return;
        }
        if (segments.size() >= 3 && segments.at(1) == QLatin1String("v3")) {
            const QByteArray doc = openApiDocument(segments.mid(2).join(QLatin1Char('/')));
            if (!doc.isEmpty()) {
                replyJson(c, r, 200, doc);
                return;
            }
        }
        reply(c, r, 404, QByteArrayLiteral("text/plain; charset=utf-8"),
              QByteArrayLiteral("404 page not found\n"));
        return;
    }
    if (first == QLatin1String("api")) {
        if (segments.size() == 1) {
            replyJson(c, r, 200, coreVersionsDocument(m_serverAddress));
            return;
        }
        routeGroupVersion(c, r, QString(), segments.at(1), segments.mid(2));
        return;
    }
    if (first == QLatin1String("apis") && segments.size() >= 2 &&
        m_absentGroups.contains(segments.at(1))) {
        // What the aggregator answers once the APIService is gone.
        QJsonObject status = statusObject(notFoundPath());
        status.insert(QStringLiteral("details"), QJsonObject());
        replyJson(c, r, 404, compact(status));
        return;
    }
    if (first == QLatin1String("apis") && segments.size() == 4 &&
        segments.at(1) == QLatin1String("authorization.k8s.io") &&
        segments.at(2) == QLatin1String("v1") &&
        segments.at(3) == QLatin1String("selfsubjectaccessreviews")) {
        r.method == "POST" ? accessReview(c, r) : replyError(c, r, methodNotAllowed());
        return;
    }
    if (first == QLatin1String("apis") && segments.size() == 4 && isGet &&
        segments.at(1) == QLatin1String("metrics.k8s.io") && segments.at(3) == QLatin1String("nodes")) {
        replyJson(c, r, 200, nodeMetricsList(*m_store)); // metrics-server's view of the nodes
        return;
    }
    if (first == QLatin1String("apis")) {
        if (segments.size() == 1) {
            replyJson(c, r, 200, groupListDocument(m_absentGroups));
            return;
        }
        if (segments.size() == 2) {
            const QByteArray doc = groupDocument(segments.at(1));
            doc.isEmpty() ? replyError(c, r, notFoundPath()) : replyJson(c, r, 200, doc);
            return;
        }
        routeGroupVersion(c, r, segments.at(1), segments.at(2), segments.mid(3));
        return;
    }
    reply(c, r, 404, QByteArrayLiteral("text/plain; charset=utf-8"),
          QByteArrayLiteral("404 page not found\n"));
}

void ApiServer::routeGroupVersion(HttpConnection *c, const HttpRequest &r, const QString &group,
                                  const QString &version, QStringList rest)
{
    if (rest.isEmpty()) {
        const QByteArray doc = resourceListDocument(group, version);
        doc.isEmpty() ? replyError(c, r, notFoundPath()) : replyJson(c, r, 200, doc);
        return;
    }
    bool watchPrefix = false;
    if (rest.first() == QLatin1String("watch")) {
        watchPrefix = true;
        rest.removeFirst();
    }
    QString ns;
    if (rest.size() >= 3 && rest.first() == QLatin1String("namespaces")) {
        const ResourceType *inner = findResource(group, version, rest.at(2));
        if (inner && inner->namespaced) {
            ns = rest.at(1);
            rest = rest.mid(2);
        }
    }
    if (rest.isEmpty()) {
        replyError(c, r, notFoundPath());
        return;
    }
    const ResourceType *type = findResource(group, version, rest.first());
    if (!type) {
        replyError(c, r, notFoundPath());
        return;
    }
    if ((r.method == "GET" || r.method == "HEAD") && rest.size() <= 2) {
        const bool watching = watchPrefix || truthy(r.param(QStringLiteral("watch")));
        const QString verb = watching           ? QStringLiteral("watch")
                             : rest.size() == 1 ? QStringLiteral("list")
                                                : QStringLiteral("get");
        if (denied(type->group, type->plural, verb)) {
            // RBAC's answer (k8s.io/apiserver/pkg/endpoints/handlers/responsewriters).
            const QString name = rest.size() == 2 ? rest.at(1) : QString();
            const QString scope = ns.isEmpty() ? QStringLiteral("at the cluster scope")
                                               : QStringLiteral("in the namespace \"%1\"").arg(ns);
            const QString subject =
                name.isEmpty() ? type->groupResource()
                               : QStringLiteral("%1 \"%2\"").arg(type->groupResource(), name);
            QJsonObject details{{QStringLiteral("kind"), type->plural}};
            if (!name.isEmpty())
                details.insert(QStringLiteral("name"), name);
            if (!type->group.isEmpty())
                details.insert(QStringLiteral("group"), type->group);
            replyError(c, r,
                       {403, QStringLiteral("Forbidden"),
                        QStringLiteral("%1 is forbidden: User \"%2\" cannot %3 resource \"%4\" in "
                                       "API group \"%5\" %6")
                            .arg(subject, userName(), verb, type->plural, type->group, scope),
                        details, 0});
            return;
        }
    }
    if (rest.size() == 1) {
        collection(c, r, *type, ns, watchPrefix);
    } else if (type->namespaced && ns.isEmpty()) {
        replyError(c, r, notFoundPath());
    } else if (rest.size() == 2) {
        if (watchPrefix) {
            // /watch/namespaces/ns/pods/name: a watch on one object.
            HttpRequest single = r;
            single.query.addQueryItem(QStringLiteral("fieldSelector"),
                                      QStringLiteral("metadata.name=") + rest.at(1));
            collection(c, single, *type, ns, true);
            return;
        }
        item(c, r, *type, ns, rest.at(1));
    } else if (rest.size() == 3) {
        subresource(c, r, *type, ns, rest.at(1), rest.at(2));
    } else {
        replyError(c, r, notFoundPath());
    }
}

void ApiServer::collection(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                           const QString &ns, bool watchPrefix)
{
    if (r.method == "GET") {
        if (watchPrefix || truthy(r.param(QStringLiteral("watch"))))
            watch(c, r, type, ns);
        else
            list(c, r, type, ns);
    } else if (r.method == "POST") {
        if (type.namespaced && ns.isEmpty())
            replyError(c, r, methodNotAllowed());
        else
            create(c, r, type, ns);
    } else if (r.method == "DELETE") {
        removeCollection(c, r, type, ns);
    } else {
        replyError(c, r, methodNotAllowed());
    }
}

void ApiServer::item(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                     const QString &ns, const QString &name)
{
    if (r.method == "GET") {
        const StoredObject *s = m_store->find(type.id, objectKey(ns, name));
        if (!s) {
            replyError(c, r, notFound(type, name));
            return;
        }
        if (wantsTable(r))
            replyObject(c, r, 200, type, s->object);
        else
            replyJson(c, r, 200, fullObjectJson(type, s->json));
    } else if (r.method == "PUT") {
        replace(c, r, type, ns, name, QString());
    } else if (r.method == "PATCH") {
        patch(c, r, type, ns, name, QString());
    } else if (r.method == "DELETE") {
        remove(c, r, type, ns, name);
    } else {
        replyError(c, r, methodNotAllowed());
    }
}

void ApiServer::subresource(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                            const QString &ns, const QString &name, const QString &sub)
{
    if (!type.subresources.contains(sub)) {
        replyError(c, r, notFoundPath());
        return;
    }
    if (sub == QLatin1String("log")) {
        r.method == "GET" ? logs(c, r, ns, name) : replyError(c, r, methodNotAllowed());
        return;
    }
    if (sub == QLatin1String("scale")) {
        scale(c, r, type, ns, name);
        return;
    }
    // status
    if (r.method == "GET") {
        const StoredObject *s = m_store->find(type.id, objectKey(ns, name));
        s ? replyJson(c, r, 200, fullObjectJson(type, s->json))
          : replyError(c, r, notFound(type, name));
    } else if (r.method == "PUT") {
        replace(c, r, type, ns, name, sub);
    } else if (r.method == "PATCH") {
        patch(c, r, type, ns, name, sub);
    } else {
        replyError(c, r, methodNotAllowed());
    }
}

// --- reads -----------------------------------------------------------------

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

void ApiServer::logs(HttpConnection *c, const HttpRequest &r, const QString &ns,
                     const QString &name)
{
    const ResourceType &podType = resourceType(Pods);
    const QJsonObject pod = m_store->get(Pods, ns, name);
    if (pod.isEmpty()) {
        replyError(c, r, notFound(podType, name));
        return;
    }
    QStringList containers;
    for (const QJsonValue &v : jarr(pod, {"spec", "containers"}))
        containers << v.toObject().value(QLatin1String("name")).toString();
    QString container = r.param(QStringLiteral("container"));
    if (container.isEmpty()) {
        if (containers.size() != 1) {
            replyError(
                c, r,
                badRequest(QStringLiteral(
                               "a container name must be specified for pod %1, choose one of: [%2]")
                               .arg(name, containers.join(QLatin1Char(' ')))));
            return;
        }
        container = containers.first();
    }
    if (!containers.contains(container)) {
        replyError(
            c, r,
            badRequest(
                QStringLiteral("container %1 is not valid for pod %2").arg(container, name)));
        return;
    }
    for (const QJsonValue &v : jarr(pod, {"status", "containerStatuses"})) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("name")).toString() != container)
            continue;
        const QString waiting = jstr(s, {"state", "waiting", "reason"});
        if (!waiting.isEmpty()) {
            replyError(
                c, r,
                badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                               .arg(container, name, waiting)));
            return;
        }
    }
    if (jstr(pod, {"status", "phase"}) == QLatin1String("Pending") &&
        jarr(pod, {"status", "containerStatuses"}).isEmpty()) {
        replyError(c, r,
                   badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: "
                                             "ContainerCreating")
                                  .arg(container, name)));
        return;
    }
    const bool timestamps = truthy(r.param(QStringLiteral("timestamps")));
    const bool follow = truthy(r.param(QStringLiteral("follow")));
    QList<LogLine> lines = m_logs->lines(pod, container);
    if (r.hasParam(QStringLiteral("sinceSeconds")) || r.hasParam(QStringLiteral("sinceTime"))) {
        const QDateTime since =
            r.hasParam(QStringLiteral("sinceSeconds"))
                ? QDateTime::currentDateTimeUtc().addSecs(
                      -r.param(QStringLiteral("sinceSeconds")).toLongLong())
                : QDateTime::fromString(r.param(QStringLiteral("sinceTime")), Qt::ISODate);
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [&](const LogLine &l) { return l.time < since; }),
                    lines.end());
    }
    if (r.hasParam(QStringLiteral("tailLines"))) {
        const qsizetype tail = r.param(QStringLiteral("tailLines")).toLongLong();
        if (tail >= 0 && tail < lines.size())
            lines = lines.mid(lines.size() - tail);
    }
    QByteArray body;
    for (const LogLine &l : std::as_const(lines))
        body +=
            ((timestamps ? l.timestamp + QLatin1Char(' ') : QString()) + l.text + QLatin1Char('\n'))
                .toUtf8();
    if (r.hasParam(QStringLiteral("limitBytes"))) {
        const qsizetype limit = r.param(QStringLiteral("limitBytes")).toLongLong();
        if (limit > 0 && limit < body.size())
            body.truncate(limit);
    }
    const QByteArray textPlain = QByteArrayLiteral("text/plain");
    if (!follow) {
        reply(c, r, 200, textPlain, body);
        return;
    }
    served(r, 200);
    c->beginChunked(200, textPlain);
    c->writeChunk(body);
    new LogFollow(c, m_store, m_logs, objectKey(ns, name), uidOf(pod), container, timestamps);
}

// --- writes ----------------------------------------------------------------

std::optional<ApiError> ApiServer::commitUpdate(const ResourceType &type,
                                                const QJsonObject &existing, QJsonObject updated,
                                                const QString &manager, const QString &subresource,
                                                bool dryRun, QJsonObject *result)
{
    updated.remove(QLatin1String("apiVersion"));
    updated.remove(QLatin1String("kind"));
    const QString name = nameOf(existing);
    const bool statusWrite = subresource == QLatin1String("status");
    if (statusWrite) {
        QJsonObject merged = existing;
        if (updated.contains(QLatin1String("status")))
            merged.insert(QLatin1String("status"), updated.value(QLatin1String("status")));
        updated = merged;
    } else {
        restoreIdentity(updated, existing);
        if (type.hasStatusSubresource)
            keepServerStatus(updated, existing);
    }
    applyDefaults(type.id, updated);
    if (type.id == Services && !statusWrite) {
        const QString error = m_cluster->allocateServiceAddresses(updated, existing);
        if (!error.isEmpty()) {
            const QString field = error.section(QLatin1Char(':'), 0, 0);
            return invalid(type, name,
                           {{QStringLiteral("FieldValueInvalid"), field,
                             error.section(QStringLiteral(": "), 1)}});
        }
    }
    if (type.id == Pods && !statusWrite) {
        // Pods are mostly immutable: only images (and a few fields) change.
        auto strip = [](QJsonObject spec) {
            QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
            for (qsizetype i = 0; i < containers.size(); ++i) {
                QJsonObject ctr = containers.at(i).toObject();
                ctr.remove(QLatin1String("image"));
                containers.replace(i, ctr);
            }
            spec.insert(QLatin1String("containers"), containers);
            spec.remove(QLatin1String("activeDeadlineSeconds"));
            spec.remove(QLatin1String("tolerations"));
            spec.remove(QLatin1String("terminationGracePeriodSeconds"));
            return spec;
        };
        if (strip(jobj(updated, {"spec"})) != strip(jobj(existing, {"spec"})))
            return invalid(
                type, name,
                {{QStringLiteral("FieldValueForbidden"), QStringLiteral("spec"),
                  QStringLiteral(
                      "Forbidden: pod updates may not change fields other than "
                      "`spec.containers[*].image`,`spec.initContainers[*].image`,"
                      "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
                      "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it "
                      "to be set to 1 if it was previously negative)")}});
    }
    if (!statusWrite) {
        const QList<FieldError> errors = validateObject(type.id, updated, existing);
        if (!errors.isEmpty())
            return invalid(type, name, errors);
    }
    recordUpdate(updated, existing, manager, type.apiVersion(), subresource,
                 statusWrite ? FieldScope::Status : FieldScope::Spec);
    if (comparable(updated) == comparable(existing)) {
        *result = existing;
        return std::nullopt;
    }
    if (dryRun) {
        *result = updated;
        return std::nullopt;
    }
    *result = m_store->update(type.id, updated);
    return std::nullopt;
}

void ApiServer::create(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                       const QString &ns)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    ApiError error;
    auto body = decodeBody(r, &error);
    if (!body) {
        replyError(c, r, error);
        return;
    }
    QJsonObject object = *body;
    if (auto e = checkTypeMeta(object, type)) {
        replyError(c, r, *e);
        return;
    }
    object.remove(QLatin1String("apiVersion"));
    object.remove(QLatin1String("kind"));
    QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    if (type.namespaced) {
        const QString bodyNs = meta.value(QLatin1String("namespace")).toString();
        if (!bodyNs.isEmpty() && bodyNs != ns) {
            replyError(
                c, r,
                badRequest(QStringLiteral("the namespace of the provided object does not match the "
                                          "namespace sent on the request")));
            return;
        }
        meta.insert(QStringLiteral("namespace"), ns);
    } else {
        meta.remove(QLatin1String("namespace"));
    }
    QString name = meta.value(QLatin1String("name")).toString();
    const QString generateName = meta.value(QLatin1String("generateName")).toString();
    if (name.isEmpty() && !generateName.isEmpty()) {
        do {
            name = generateName + m_cluster->randomSuffix();
        } while (m_store->find(type.id, objectKey(ns, name)));
        meta.insert(QStringLiteral("name"), name);
    }
    for (const char *k :
         {"resourceVersion", "uid", "creationTimestamp", "generation", "managedFields",
          "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"})
        meta.remove(QLatin1String(k));
    object.insert(QStringLiteral("metadata"), meta);
    if (type.hasStatusSubresource)
        object.remove(QLatin1String("status"));
    if (type.namespaced) {
        if (auto e = checkNamespace(type, ns)) {
            replyError(c, r, *e);
            return;
        }
    }
    if (!name.isEmpty() && m_store->find(type.id, objectKey(ns, name))) {
        replyError(c, r, alreadyExists(type, name));
        return;
    }
    applyDefaults(type.id, object);
    if (type.id == Services) {
        const QString err = m_cluster->allocateServiceAddresses(object, {});
        if (!err.isEmpty()) {
            replyError(
                c, r,
                invalid(type, name,
                        {{QStringLiteral("FieldValueInvalid"), err.section(QLatin1Char(':'), 0, 0),
                          err.section(QStringLiteral(": "), 1)}}));
            return;
        }
    }
    const QList<FieldError> errors = validateObject(type.id, object, {});
    if (!errors.isEmpty()) {
        replyError(c, r, invalid(type, name, errors));
        return;
    }
    recordUpdate(object, {}, fieldManager(r), type.apiVersion(), QString(), FieldScope::Spec);
    if (dryRun) {
        jset(object, {"metadata", "uid"}, QUuid::createUuid().toString(QUuid::WithoutBraces));
        jset(object, {"metadata", "creationTimestamp"}, nowTimestamp());
        replyObject(c, r, 201, type, object);
        return;
    }
    replyObject(c, r, 201, type, m_store->create(type.id, object));
}

void ApiServer::replace(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                        const QString &ns, const QString &name, const QString &sub)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    ApiError error;
    auto body = decodeBody(r, &error);
    if (!body) {
        replyError(c, r, error);
        return;
    }
    if (auto e = checkTypeMeta(*body, type)) {
        replyError(c, r, *e);
        return;
    }
    const QString bodyName = jstr(*body, {"metadata", "name"});
    if (bodyName != name) {
        replyError(
            c, r,
            badRequest(QStringLiteral(
                           "the name of the object (%1) does not match the name on the URL (%2)")
                           .arg(bodyName, name)));
        return;
    }
    const QString rv = jstr(*body, {"metadata", "resourceVersion"});
    if (!rv.isEmpty() && rv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r, modified(type, name));
        return;
    }
    QJsonObject result;
    if (auto e = commitUpdate(type, existing, *body, fieldManager(r), sub, dryRun, &result)) {
        replyError(c, r, *e);
        return;
    }
    replyObject(c, r, 200, type, result);
}

void ApiServer::patch(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns, const QString &name, const QString &sub)
{
    const QByteArray ct = mediaType(r);
    if (ct == "application/apply-patch+yaml" && sub.isEmpty()) {
        apply(c, r, type, ns, name);
        return;
    }
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    if (ct != "application/merge-patch+json" && ct != "application/strategic-merge-patch+json" &&
        ct != "application/json-patch+json") {
        replyError(c, r,
                   {415,
                    QStringLiteral("UnsupportedMediaType"),
                    QStringLiteral(
                        "the body of the request was in an unknown format - accepted media types "
                        "include: application/json-patch+json, application/merge-patch+json, "
                        "application/apply-patch+yaml, application/strategic-merge-patch+json"),
                    {},
                    0});
        return;
    }
    if (!r.param(QStringLiteral("force")).isEmpty()) {
        replyError(
            c, r,
            invalid(QStringLiteral("PatchOptions.meta.k8s.io"), QStringLiteral("meta.k8s.io"),
                    QStringLiteral("PatchOptions"), QString(),
                    {{QStringLiteral("FieldValueInvalid"), QStringLiteral("force"),
                      QStringLiteral(
                          "Invalid value: true: may not be specified for non-apply patch")}}));
        return;
    }
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        replyError(
            c, r,
            badRequest(QStringLiteral("error decoding patch: %1").arg(parseError.errorString())));
        return;
    }
    QJsonValue patched = withTypeMeta(type, existing);
    if (ct == "application/json-patch+json") {
        QString error;
        if (!doc.isArray() || !jsonPatch(patched, doc.array(), &error)) {
            replyError(c, r,
                       {422,
                        QStringLiteral("Invalid"),
                        error.isEmpty() ? QStringLiteral("invalid JSON patch") : error,
                        {},
                        0});
            return;
        }
    } else if (!doc.isObject()) {
        replyError(c, r, badRequest(QStringLiteral("error decoding patch: not a JSON object")));
        return;
    } else if (ct == "application/merge-patch+json") {
        patched = mergePatch(patched, doc.object());
    } else {
        patched = strategicMergePatch(patched, doc.object());
    }
    const QString rv = jstr(patched.toObject(), {"metadata", "resourceVersion"});
    if (!rv.isEmpty() && rv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r, modified(type, name));
        return;
    }
    QJsonObject result;
    if (auto e = commitUpdate(type, existing, patched.toObject(), fieldManager(r), sub, dryRun,
                              &result)) {
        replyError(c, r, *e);
        return;
    }
    replyObject(c, r, 200, type, result);
}

void ApiServer::apply(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns, const QString &name)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const QString manager = r.param(QStringLiteral("fieldManager"));
    if (manager.isEmpty()) {
        replyError(c, r,
                   invalid(QStringLiteral("PatchOptions.meta.k8s.io"),
                           QStringLiteral("meta.k8s.io"), QStringLiteral("PatchOptions"), QString(),
                           {{QStringLiteral("FieldValueRequired"), QStringLiteral("fieldManager"),
                             QStringLiteral("Required value: is required for apply patch")}}));
        return;
    }
    const bool force = truthy(r.param(QStringLiteral("force")));
    QString parseError;
    const auto body = parseYamlDocument(r.body, &parseError);
    if (!body || !body->isObject()) {
        replyError(c, r,
                   badRequest(QStringLiteral("error decoding YAML: %1")
                                  .arg(parseError.isEmpty() ? QStringLiteral("not an object")
                                                            : parseError)));
        return;
    }
    QJsonObject applied = body->toObject();
    const QString apiVersion = applied.value(QLatin1String("apiVersion")).toString();
    const QString kind = applied.value(QLatin1String("kind")).toString();
    if (apiVersion.isEmpty() || kind.isEmpty()) {
        replyError(
            c, r,
            badRequest(QStringLiteral("invalid object type: %1, Kind=%2").arg(apiVersion, kind)));
        return;
    }
    if (auto e = checkTypeMeta(applied, type)) {
        replyError(c, r, *e);
        return;
    }
    const QString bodyName = jstr(applied, {"metadata", "name"});
    if (bodyName != name) {
        replyError(
            c, r,
            badRequest(QStringLiteral(
                           "the name of the object (%1) does not match the name on the URL (%2)")
                           .arg(bodyName, name)));
        return;
    }
    if (jget(applied, {"metadata", "managedFields"}).isArray()) {
        replyError(c, r, badRequest(QStringLiteral("metadata.managedFields must be nil")));
        return;
    }
    if (type.namespaced) {
        const QString bodyNs = jstr(applied, {"metadata", "namespace"});
        if (!bodyNs.isEmpty() && bodyNs != ns) {
            replyError(
                c, r,
                badRequest(QStringLiteral("the namespace of the provided object does not match the "
                                          "namespace sent on the request")));
            return;
        }
        jset(applied, {"metadata", "namespace"}, ns);
    }
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        if (auto e = checkNamespace(type, ns)) {
            replyError(c, r, *e);
            return;
        }
    }
    ApplyOutcome outcome = serverSideApply(existing, applied, manager, type.apiVersion(), force);
    if (!outcome.conflicts.isEmpty()) {
        QJsonArray causes;
        auto who = [](const ManagedEntry &e) {
            QString s = QLatin1Char('"') + e.manager + QLatin1Char('"');
            if (!e.subresource.isEmpty())
                s += QStringLiteral(" with subresource \"%1\"").arg(e.subresource);
            if (e.operation == QLatin1String("Update"))
                s += QStringLiteral(" using ") + e.apiVersion;
            return s;
        };
        QMap<QString, QStringList> byManager;
        for (const ApplyConflict &conflict : std::as_const(outcome.conflicts)) {
            causes.append(QJsonObject{
                {QStringLiteral("reason"), QStringLiteral("FieldManagerConflict")},
                {QStringLiteral("message"), QStringLiteral("conflict with ") + who(conflict.owner)},
                {QStringLiteral("field"), displayPath(conflict.path)}});
            byManager[who(conflict.owner)] << displayPath(conflict.path);
        }
        QString message;
        if (outcome.conflicts.size() == 1) {
            message = QStringLiteral("Apply failed with 1 conflict: conflict with %1: %2")
                          .arg(who(outcome.conflicts.first().owner),
                               displayPath(outcome.conflicts.first().path));
        } else {
            QStringList lines;
            for (auto it = byManager.cbegin(); it != byManager.cend(); ++it) {
                lines << QStringLiteral("conflicts with %1:").arg(it.key());
                for (const QString &p : it.value())
                    lines << QStringLiteral("- ") + p;
            }
            message = QStringLiteral("Apply failed with %1 conflicts: %2")
                          .arg(outcome.conflicts.size())
                          .arg(lines.join(QLatin1Char('\n')));
        }
        replyError(c, r,
                   {409, QStringLiteral("Conflict"), message,
                    QJsonObject{{QStringLiteral("causes"), causes}}, 0});
        return;
    }
    QJsonObject object = outcome.object;
    object.remove(QLatin1String("apiVersion"));
    object.remove(QLatin1String("kind"));
    if (existing.isEmpty()) {
        if (type.hasStatusSubresource)
            object.remove(QLatin1String("status"));
        applyDefaults(type.id, object);
        if (type.id == Services) {
            const QString err = m_cluster->allocateServiceAddresses(object, {});
            if (!err.isEmpty()) {
                replyError(c, r,
                           invalid(type, name,
                                   {{QStringLiteral("FieldValueInvalid"),
                                     err.section(QLatin1Char(':'), 0, 0),
                                     err.section(QStringLiteral(": "), 1)}}));
                return;
            }
        }
        const QList<FieldError> errors = validateObject(type.id, object, {});
        if (!errors.isEmpty()) {
            replyError(c, r, invalid(type, name, errors));
            return;
        }
        if (dryRun) {
            jset(object, {"metadata", "uid"}, QUuid::createUuid().toString(QUuid::WithoutBraces));
            jset(object, {"metadata", "creationTimestamp"}, nowTimestamp());
            replyObject(c, r, 201, type, object);
            return;
        }
        replyObject(c, r, 201, type, m_store->create(type.id, object));
        return;
    }
    // Identity and status stay the server's.
    const QJsonArray managed = jarr(object, {"metadata", "managedFields"});
    restoreIdentity(object, existing);
    jset(object, {"metadata", "managedFields"}, managed);
    if (type.hasStatusSubresource)
        keepServerStatus(object, existing);
    applyDefaults(type.id, object);
    if (type.id == Services) {
        const QString err = m_cluster->allocateServiceAddresses(object, existing);
        if (!err.isEmpty()) {
            replyError(
                c, r,
                invalid(type, name,
                        {{QStringLiteral("FieldValueInvalid"), err.section(QLatin1Char(':'), 0, 0),
                          err.section(QStringLiteral(": "), 1)}}));
            return;
        }
    }
    const QList<FieldError> errors = validateObject(type.id, object, existing);
    if (!errors.isEmpty()) {
        replyError(c, r, invalid(type, name, errors));
        return;
    }
    if (comparable(object) == comparable(existing)) {
        replyObject(c, r, 200, type, existing);
        return;
    }
    if (dryRun) {
        replyObject(c, r, 200, type, object);
        return;
    }
    replyObject(c, r, 200, type, m_store->update(type.id, object));
}

void ApiServer::scale(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                      const QString &ns, const QString &name)
{
    const QJsonObject existing = m_store->get(type.id, ns, name);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    auto scaleOf = [](const QJsonObject &o) {
        QJsonObject meta{
            {QStringLiteral("name"), nameOf(o)},
            {QStringLiteral("namespace"), namespaceOf(o)},
            {QStringLiteral("uid"), uidOf(o)},
            {QStringLiteral("resourceVersion"), jstr(o, {"metadata", "resourceVersion"})},
            {QStringLiteral("creationTimestamp"), jstr(o, {"metadata", "creationTimestamp"})}};
        QJsonObject spec;
        const qint64 replicas = jint(o, {"spec", "replicas"}, 1);
        if (replicas != 0)
            spec.insert(QStringLiteral("replicas"), replicas);
        return QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("Scale")},
            {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("replicas"), jint(o, {"status", "replicas"}, 0)},
                         {QStringLiteral("selector"),
                          LabelSelector::toText(jobj(o, {"spec", "selector"}))}}}};
    };
    if (r.method == "GET") {
        replyJson(c, r, 200, compact(scaleOf(existing)));
        return;
    }
    if (r.method != "PUT" && r.method != "PATCH") {
        replyError(c, r, methodNotAllowed());
        return;
    }
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    QJsonObject wanted;
    if (r.method == "PUT") {
        ApiError error;
        auto body = decodeBody(r, &error);
        if (!body) {
            replyError(c, r, error);
            return;
        }
        wanted = *body;
    } else {
        const QByteArray ct = mediaType(r);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            replyError(
                c, r,
                badRequest(
                    QStringLiteral("error decoding patch: %1").arg(parseError.errorString())));
            return;
        }
        QJsonValue patched = scaleOf(existing);
        if (ct == "application/json-patch+json") {
            QString error;
            if (!doc.isArray() || !jsonPatch(patched, doc.array(), &error)) {
                replyError(c, r, {422, QStringLiteral("Invalid"), error, {}, 0});
                return;
            }
        } else if (ct == "application/merge-patch+json") {
            patched = mergePatch(patched, doc.object());
        } else if (ct == "application/strategic-merge-patch+json") {
            patched = strategicMergePatch(patched, doc.object());
        } else {
            replyError(c, r,
                       {415,
                        QStringLiteral("UnsupportedMediaType"),
                        QStringLiteral(
                            "the body of the request was in an unknown format - accepted media "
                            "types include: application/json-patch+json, "
                            "application/merge-patch+json, application/strategic-merge-patch+json"),
                        {},
                        0});
            return;
        }
        wanted = patched.toObject();
    }
    const QString rv = jstr(wanted, {"metadata", "resourceVersion"});
    if (!rv.isEmpty() && rv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r, modified(type, name));
        return;
    }
    const QJsonValue replicasValue = jget(wanted, {"spec", "replicas"});
    const qint64 replicas = replicasValue.isUndefined() ? 0 : replicasValue.toInteger(-1);
    if (replicas < 0) {
        replyError(c, r,
                   invalid(QStringLiteral("Scale.autoscaling"), QStringLiteral("autoscaling"),
                           QStringLiteral("Scale"), name,
                           {{QStringLiteral("FieldValueInvalid"), QStringLiteral("spec.replicas"),
                             QStringLiteral("Invalid value: %1: must be greater than or equal to 0")
                                 .arg(replicas)}}));
        return;
    }
    QJsonObject updated = existing;
    jset(updated, {"spec", "replicas"}, replicas);
    QJsonObject result;
    if (auto e = commitUpdate(type, existing, updated, fieldManager(r), QStringLiteral("scale"),
                              dryRun, &result)) {
        replyError(c, r, *e);
        return;
    }
    replyJson(c, r, 200, compact(scaleOf(result)));
}

void ApiServer::remove(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                       const QString &ns, const QString &name)
{
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const QString key = objectKey(ns, name);
    const QJsonObject existing = m_store->get(type.id, key);
    if (existing.isEmpty()) {
        replyError(c, r, notFound(type, name));
        return;
    }
    QJsonObject options;
    if (!r.body.trimmed().isEmpty())
        options = QJsonDocument::fromJson(r.body).object();
    QString propagation = r.param(QStringLiteral("propagationPolicy"));
    if (propagation.isEmpty())
        propagation = options.value(QLatin1String("propagationPolicy"))
                          .toString(QStringLiteral("Background"));
    if (options.value(QLatin1String("orphanDependents")).toBool())
        propagation = QStringLiteral("Orphan");
    int grace = -1;
    if (r.hasParam(QStringLiteral("gracePeriodSeconds")))
        grace = r.param(QStringLiteral("gracePeriodSeconds")).toInt();
    else if (options.value(QLatin1String("gracePeriodSeconds")).isDouble())
        grace = int(options.value(QLatin1String("gracePeriodSeconds")).toInteger());
    const QJsonObject preconditions = options.value(QLatin1String("preconditions")).toObject();
    const QString wantUid = preconditions.value(QLatin1String("uid")).toString();
    if (!wantUid.isEmpty() && wantUid != uidOf(existing)) {
        replyError(c, r,
                   conflict(type, name,
                            QStringLiteral("Precondition failed: UID in precondition: %1, UID in "
                                           "object meta: %2")
                                .arg(wantUid, uidOf(existing))));
        return;
    }
    const QString wantRv = preconditions.value(QLatin1String("resourceVersion")).toString();
    if (!wantRv.isEmpty() && wantRv != jstr(existing, {"metadata", "resourceVersion"})) {
        replyError(c, r,
                   conflict(type, name,
                            QStringLiteral("Precondition failed: ResourceVersion in precondition: "
                                           "%1, ResourceVersion in object meta: %2")
                                .arg(wantRv, jstr(existing, {"metadata", "resourceVersion"}))));
        return;
    }
    if (dryRun) {
        replyObject(c, r, 200, type, existing);
        return;
    }
    const QJsonObject result = m_cluster->deleteObject(type.id, key, propagation, grace);
    if (type.id == Pods || type.id == Namespaces) {
        replyObject(c, r, 200, type, result);
        return;
    }
    QJsonObject details = detailsFor(type, name);
    details.insert(QStringLiteral("uid"), uidOf(existing));
    replyJson(c, r, 200,
              compact(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Status")},
                                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("metadata"), QJsonObject()},
                                  {QStringLiteral("status"), QStringLiteral("Success")},
                                  {QStringLiteral("details"), details}}));
}

void ApiServer::removeCollection(HttpConnection *c, const HttpRequest &r, const ResourceType &type,
                                 const QString &ns)
{
    Filter filter;
    if (auto e = parseFilter(r, &filter)) {
        replyError(c, r, *e);
        return;
    }
    bool dryRun = false;
    if (auto e = checkDryRun(r, &dryRun)) {
        replyError(c, r, *e);
        return;
    }
    const ObjectMap snapshot = m_store->objects(type.id);
    auto [begin, end] = range(snapshot, ns);
    QByteArray items;
    for (auto it = begin; it != end; ++it) {
        if (!filter.matches(it->object))
            continue;
        const QJsonObject result =
            dryRun ? it->object
                   : m_cluster->deleteObject(type.id, it.key(), QStringLiteral("Background"));
        if (!items.isEmpty())
            items += ',';
        items += compact(result);
    }
    const QJsonObject meta{
        {QStringLiteral("resourceVersion"), QString::number(m_store->resourceVersion())}};
    replyJson(c, r, 200, listHeader(type, false, meta) + items + "]}");
}

} // namespace labdeck::demolab::detail
