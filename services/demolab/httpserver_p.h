#pragma once

// A small HTTP/1.1 server for the demo lab's Kubernetes API: keep-alive,
// Content-Length and chunked request bodies, plain and chunked (streaming)
// responses with write-side back pressure, optional TLS with client
// certificates. Not a general web server: one request at a time per
// connection, which is what Go's and Qt's clients do.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QTcpServer>
#include <QUrlQuery>

class QTcpSocket;

namespace labdeck::demolab::detail {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: "/api/v1/pods?limit=5"
    QString path;      // percent-decoded path without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    bool clientCertificateVerified = false;

    [[nodiscard]] QByteArray header(const char *lowerCaseName) const
    {
        return headers.value(QByteArray(lowerCaseName));
    }
    // First value of a query parameter, decoded.
    [[nodiscard]] QString param(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    [[nodiscard]] bool hasParam(const QString &name) const { return query.hasQueryItem(name); }
};

// One client connection. Owns its socket; deletes itself when the peer goes.
// Handlers answer through respond() or the chunked trio; a streaming handler
// is parented to the connection so it dies with it.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)
public:
    HttpConnection(QTcpSocket *socket, bool clientCertificateVerified, QObject *parent);
    ~HttpConnection() override;

    void respond(int status, const QByteArray &contentType, const QByteArray &body,
                 const HttpHeaders &extraHeaders = {});
    void beginChunked(int status, const QByteArray &contentType,
                      const HttpHeaders &extraHeaders = {});
    void writeChunk(const QByteArray &data);
    // Ends the chunked body; the connection then reads the next request.
    void endChunked();

    // Bytes queued in the socket, not yet sent (for back pressure).
    [[nodiscard]] qint64 pendingBytes() const;
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] bool isStreaming() const { return m_state == State::Streaming; }

    // Below this many queued bytes a streaming writer should add more.
    static constexpr qint64 LowWatermark = 256 * 1024;

Q_SIGNALS:
    void requestReceived(labdeck::demolab::detail::HttpConnection *connection,
                         const labdeck::demolab::detail::HttpRequest &request);
    // The socket drained below LowWatermark while a chunked response runs.
    void drained();
    // The peer closed the connection or it failed; streams must stop.
    void closed();

private:
    enum class State {
        ReadingHead,
        ReadingBody,
        ReadingChunkSize,
        ReadingChunkData,
        ReadingTrailer,
        Handling,
        Streaming,
        Closed
    };

    void onReadyRead();
    void parse();
    bool parseHead(qsizetype end);
    void dispatch();
    void finishResponse();
    void fail(int status, const QByteArray &message);
    void close();
    void writeHead(int status, const QByteArray &contentType, const HttpHeaders &extraHeaders,
                   qint64 contentLength);

    QTcpSocket *m_socket;
    bool m_clientCertificateVerified;
    QByteArray m_buffer;
    State m_state = State::ReadingHead;
    HttpRequest m_request;
    QByteArray m_method; // of the request being answered
    qint64 m_bodyRemaining = 0;
    bool m_closeAfterResponse = false;
    bool m_closing = false;
};

// Accepts plain or TLS connections and hands out HttpConnections. For TLS
// every socket does its handshake first (bounded by a timeout); a failed
// handshake (a client without the required certificate, a client that does
// not trust us) closes the socket and never reaches the handler.
class HttpListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)
public:
    explicit HttpListener(QObject *parent);
    // Call before listen(); an empty configuration means plain HTTP.
    void setTls(const QSslConfiguration &configuration);
    [[nodiscard]] bool isTls() const { return m_tls; }

Q_SIGNALS:
    void connectionReady(labdeck::demolab::detail::HttpConnection *connection);
    void handshakeFailed(const QString &reason);

protected:
    void incomingConnection(qintptr handle) override;

private:
    QSslConfiguration m_configuration;
    bool m_tls = false;
};

[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace labdeck::demolab::detail
