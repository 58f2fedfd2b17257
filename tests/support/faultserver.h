#pragma once

// An HTTPS/1.1 server on loopback that misbehaves on purpose, for fault
// tests: it answers each request through a handler that may stream a huge
// body at the pace the client reads it (never buffering more than a few
// hundred KiB itself), trickle a byte now and then, or reset the connection
// (RST) in the middle of a reply. It counts what each connection sent and
// when the client closed it. Test thread only; the certificate comes from
// tests/support/testpki.

#include "support/testpki.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

namespace labdeck::test {

class FaultServer;

// One accepted connection and what happened on it.
class FaultConnection final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QUrl url;                              // path and query as the client sent them
        QHash<QByteArray, QByteArray> headers; // lower-case names

        [[nodiscard]] QUrlQuery query() const { return QUrlQuery(url); }
    };

    FaultConnection(QSslSocket *socket, FaultServer *server);

    [[nodiscard]] QSslSocket *socket() const { return m_socket; }
    // Plain bytes the socket has written to the network (TLS records sent).
    [[nodiscard]] qint64 bytesSent() const { return m_sent; }
    // Set when the client closed or reset the connection.
    [[nodiscard]] bool closedByPeer() const { return m_closedByPeer; }
    // bytesSent() when the client closed it (-1 while open).
    [[nodiscard]] qint64 sentWhenClosed() const { return m_sentWhenClosed; }

    // Writes now.
    void write(const QByteArray &bytes);
    // Writes one chunk of a chunked body ("<hex size>\r\n<bytes>\r\n").
    void writeChunk(const QByteArray &bytes);
    // Writes `head`, then `total` bytes made by `fill` (called with the
    // offset and the size wanted, returns that many bytes) as fast as the
    // client reads them, then `tail`; with `chunked`, each piece is one chunk
    // of a chunked body. At most about 256 KiB wait in the socket at any
    // time, so a gigabyte is never held in memory.
    void stream(const QByteArray &head, qint64 total,
                std::function<QByteArray(qint64 offset, qint64 size)> fill,
                const QByteArray &tail = {}, bool chunked = false);
    // Writes `head`, then one `byte` every `intervalMs` (with `chunked`, as a
    // chunk of its own), until the client goes.
    void trickle(const QByteArray &head, char byte, int intervalMs, bool chunked = false);
    // Resets the connection: SO_LINGER 0, then close, so the kernel sends a
    // RST instead of a FIN. What was written before is flushed first.
    void reset();
    // A graceful end (FIN) after what was written.
    void close();

Q_SIGNALS:
    void request(const labdeck::test::FaultConnection::Request &request);

private:
    void onReadyRead();
    void pump();

    QPointer<QSslSocket> m_socket;
    QByteArray m_head;
    qint64 m_sent = 0;
    bool m_closedByPeer = false;
    qint64 m_sentWhenClosed = -1;
    bool m_finishing = false;
    // The stream in progress.
    qint64 m_streamTotal = 0;
    qint64 m_streamOffset = 0;
    std::function<QByteArray(qint64, qint64)> m_fill;
    QByteArray m_tail;
    bool m_streaming = false;
    bool m_chunked = false;
    QTimer m_trickle;
    char m_trickleByte = ' ';
};

class FaultServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(FaultConnection *, const FaultConnection::Request &)>;

    explicit FaultServer(const Pki &pki, QObject *parent = nullptr);

    bool listen();
    [[nodiscard]] QUrl url() const; // https://127.0.0.1:<port>
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // Every request, in order, and every connection (kept until the server goes).
    [[nodiscard]] const QList<FaultConnection::Request> &requests() const { return m_requests; }
    [[nodiscard]] const QList<QPointer<FaultConnection>> &connections() const
    {
        return m_connections;
    }

    // The response head of a JSON answer with a known length.
    static QByteArray jsonHead(qint64 length, int status = 200);
    // The head of a chunked stream, as the API server answers a watch.
    static QByteArray streamHead();
    // A whole JSON response.
    static QByteArray json(const QByteArray &body, int status = 200);

private:
    friend class FaultConnection;
    void onRequest(FaultConnection *c, const FaultConnection::Request &r);

    QSslServer m_server;
    Handler m_handler;
    QList<FaultConnection::Request> m_requests;
    QList<QPointer<FaultConnection>> m_connections;
};

// The process's resident set: now and its peak (VmRSS, VmHWM of
// /proc/self/status), in bytes. resetPeak() makes the peak the current size
// (writes 5 to /proc/self/clear_refs); false where the kernel refuses.
struct MemoryUse
{
    qint64 resident = 0;
    qint64 peak = 0;

    static MemoryUse now();
    static bool resetPeak();
};

} // namespace labdeck::test
