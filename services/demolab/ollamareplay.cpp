#include "demolab/ollamareplay.h"

#include "demolab/httpserver_p.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace labdeck::demolab {

using detail::HttpConnection;
using detail::HttpListener;
using detail::HttpRequest;

namespace {
QByteArray resource(const QString &name)
{
    QFile f(QStringLiteral(":/demolab/ollama/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Go's time format with the local offset, as Ollama writes expires_at.
QString goTime(const QDateTime &t)
{
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs);
}
} // namespace

OllamaReplay::OllamaReplay(QObject *parent)
    : QObject(parent)
    , m_listener(new HttpListener(this))
{
    setResponse(QStringLiteral("/"), "Ollama is running");
    setResponse(QStringLiteral("/health"), "{\"status\":true}\n");
    connect(m_listener, &HttpListener::connectionReady, this, [this](HttpConnection *connection) {
        connect(connection, &HttpConnection::requestReceived, this,
                [this](HttpConnection *c, const HttpRequest &request) {
                    m_counts[request.path] += 1;
                    const auto it = m_responses.constFind(request.path);
                    if (request.method != "GET" && request.method != "HEAD") {
                        c->respond(405, "application/json", "{\"error\":\"method not allowed\"}");
                        return;
                    }
                    if (it == m_responses.constEnd()) {
                        c->respond(404, "application/json", "{\"error\":\"404 page not found\"}");
                        return;
                    }
                    const QByteArray body = it->body();
                    const QByteArray type = body.startsWith('{')
                                                ? QByteArray("application/json; charset=utf-8")
                                                : QByteArray("text/plain; charset=utf-8");
                    c->respond(it->status, type, body);
                });
    });
}

OllamaReplay::~OllamaReplay() = default;

void OllamaReplay::setResponse(const QString &path, const QByteArray &body, int status)
{
    m_responses.insert(path, Response{status, [body] { return body; }});
}

void OllamaReplay::setResponder(const QString &path, std::function<QByteArray()> body)
{
    m_responses.insert(path, Response{200, std::move(body)});
}

bool OllamaReplay::listen(const QHostAddress &address, quint16 port)
{
    return m_listener->listen(address, port);
}

QUrl OllamaReplay::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_listener->serverAddress().toString());
    u.setPort(m_listener->serverPort());
    return u;
}

int OllamaReplay::useDemoResponses()
{
    setResponse(QStringLiteral("/api/version"), resource(QStringLiteral("api-version.json")));
    const QByteArray tags = resource(QStringLiteral("api-tags.json"));
    setResponse(QStringLiteral("/api/tags"), tags);
    // /api/ps: the documented entry as the template, one copy per loaded
    // model, taking name and details from /api/tags.
    const QJsonObject templ = QJsonDocument::fromJson(resource(QStringLiteral("api-ps.json")))
                                  .object()
                                  .value(QStringLiteral("models"))
                                  .toArray()
                                  .first()
                                  .toObject();
    const QJsonArray installed =
        QJsonDocument::fromJson(tags).object().value(QStringLiteral("models")).toArray();
    struct Loaded
    {
        int index;
        qint64 size;
        qint64 vram;
        int keepSeconds;
    };
    const QList<Loaded> loaded{{1, Q_INT64_C(3135000000), Q_INT64_C(3135000000), 17 * 60},
                               {0, Q_INT64_C(5700000000), Q_INT64_C(2340000000), 4 * 60}};
    const QDateTime since = QDateTime::currentDateTime();
    setResponder(QStringLiteral("/api/ps"), [templ, installed, loaded, since] {
        QJsonArray models;
        const QDateTime now = QDateTime::currentDateTime();
        for (const Loaded &l : loaded) {
            const QJsonObject from = installed.at(l.index).toObject();
            QJsonObject m = templ;
            m.insert(QStringLiteral("name"), from.value(QStringLiteral("name")));
            m.insert(QStringLiteral("model"), from.value(QStringLiteral("model")));
            m.insert(QStringLiteral("digest"), from.value(QStringLiteral("digest")));
            m.insert(QStringLiteral("details"), from.value(QStringLiteral("details")));
            m.insert(QStringLiteral("size"), l.size);
            m.insert(QStringLiteral("size_vram"), l.vram);
            // The keep-alive restarts whenever it runs out, as if used again.
            const qint64 period = l.keepSeconds;
            const qint64 left = period - (since.secsTo(now) % period);
            m.insert(QStringLiteral("expires_at"), goTime(now.addSecs(left)));
            m.insert(QStringLiteral("context_length"), 4096);
            models.append(m);
        }
        return QJsonDocument(QJsonObject{{QStringLiteral("models"), models}})
            .toJson(QJsonDocument::Indented);
    });
    qint64 vram = 0;
    for (const Loaded &l : loaded)
        vram += l.vram;
    return int(vram / (1024 * 1024));
}

} // namespace labdeck::demolab
