#include "demolab/httpserver_p.h"

#include "demolab/logging_p.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace labdeck::demolab::detail {

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;
constexpr qint64 MaxBodyBytes = 16 * 1024 * 1024;
// A client that keeps sending while its previous request is still answered
// (a watch) is not one we know; cap what we buffer for it.
constexpr qsizetype MaxBufferedBytes = 32 * 1024 * 1024;
constexpr int HandshakeTimeoutMs = 10000;

} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 406:
        return QByteArrayLiteral("Not Acceptable");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 413:
        return QByteArrayLiteral("Request Entity Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

// ---------------------------------------------------------------------------

HttpConnection::HttpConnection(QTcpSocket *socket, bool clientCertificateVerified, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_clientCertificateVerified(clientCertificateVerified)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // RemoteHostClosed is followed by disconnected(); anything else ends us too.
        close();
    });
    auto maybeDrained = [this](qint64) {
        if (m_state == State::Streaming && pendingBytes() < LowWatermark)
            Q_EMIT drained();
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, maybeDrained);
    // Over TLS the plaintext may be written while encrypted bytes still wait:
    // the last encryptedBytesWritten is what empties the buffer.
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, maybeDrained);
    // Data may have arrived with the handshake already.
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection() = default;

qint64 HttpConnection::pendingBytes() const
{
    qint64 n = m_socket->bytesToWrite();
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        n += ssl->encryptedBytesToWrite();
    return n;
}

bool HttpConnection::isOpen() const
{
    return m_state != State::Closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::Closed)
        return;
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > MaxBufferedBytes) {
        qCWarning(lcDemoLab) << "client sent too much data while a response was running; closing";
        close();
        return;
    }
    if (m_state != State::Handling && m_state != State::Streaming)
        parse();
}

void HttpConnection::parse()
{
    QPointer<HttpConnection> self(this);
    while (self && m_state != State::Closed && m_state != State::Handling &&
           m_state != State::Streaming) {
        switch (m_state) {
        case State::ReadingHead: {
            // Tolerate stray CRLFs between requests (RFC 9112 2.2).
            while (m_buffer.startsWith("\r\n"))
                m_buffer.remove(0, 2);
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > MaxHeadBytes)
                    fail(431, QByteArrayLiteral("request head too large"));
                return;
            }
            if (!parseHead(end))
                return;
            break;
        }
        case State::ReadingBody: {
            const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
            m_request.body += m_buffer.left(take);
            m_buffer.remove(0, take);
            m_bodyRemaining -= take;
            if (m_bodyRemaining > 0)
                return;
            dispatch();
            break;
        }
        case State::ReadingChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0)
                return;
            QByteArray line = m_buffer.left(eol);
            m_buffer.remove(0, eol + 2);
            const qsizetype semi = line.indexOf(';');
            if (semi >= 0)
                line.truncate(semi);
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(400, QByteArrayLiteral("bad chunk size"));
                return;
            }
            if (m_request.body.size() + size > MaxBodyBytes) {
                fail(413, QByteArrayLiteral("request body too large"));
                return;
            }
            if (size == 0) {
                m_state = State::ReadingTrailer;
            } else {
                m_bodyRemaining = size;
                m_state = State::ReadingChunkData;
            }
            break;
        }
        case State::ReadingChunkData: {
            if (m_buffer.size() < m_bodyRemaining + 2)
                return;
            m_request.body += m_buffer.left(m_bodyRemaining);
            m_buffer.remove(0, m_bodyRemaining + 2);
            m_bodyRemaining = 0;
            m_state = State::ReadingChunkSize;
            break;
        }
        case State::ReadingTrailer: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0)
                return;
            m_buffer.remove(0, eol + 2);
            if (eol == 0)
                dispatch();
            break;
        }
        case State::Handling:
        case State::Streaming:
        case State::Closed:
            return;
        }
    }
}

bool HttpConnection::parseHead(qsizetype end)
{
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, QByteArrayLiteral("malformed request line"));
        return false;
    }
    m_request = HttpRequest{};
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.clientCertificateVerified = m_clientCertificateVerified;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QByteArrayLiteral("malformed header"));
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (m_request.headers.contains(name))
            m_request.headers[name] += QByteArrayLiteral(", ") + value;
        else
            m_request.headers.insert(name, value);
    }
    const qsizetype q = m_request.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? m_request.target : m_request.target.left(q);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0) {
        // '+' in a query means a space for Go's url.Values encoding.
        QByteArray rawQuery = m_request.target.mid(q + 1);
        rawQuery.replace('+', QByteArrayLiteral("%20"));
        m_request.query.setQuery(QString::fromLatin1(rawQuery));
    }

    const QByteArray connection = m_request.header("connection").toLower();
    m_closeAfterResponse = connection.contains("close") ||
                           (requestLine.at(2) == "HTTP/1.0" && !connection.contains("keep-alive"));

    if (m_request.header("expect").toLower() == "100-continue")
        m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));

    if (m_request.header("transfer-encoding").toLower().contains("chunked")) {
        m_state = State::ReadingChunkSize;
        return true;
    }
    const QByteArray lengthHeader = m_request.header("content-length");
    if (!lengthHeader.isEmpty()) {
        bool ok = false;
        const qint64 length = lengthHeader.toLongLong(&ok);
        if (!ok || length < 0) {
            fail(400, QByteArrayLiteral("bad content length"));
            return false;
        }
        if (length > MaxBodyBytes) {
            fail(413, QByteArrayLiteral("request body too large"));
            return false;
        }
        if (length > 0) {
            m_bodyRemaining = length;
            m_request.body.reserve(length);
            m_state = State::ReadingBody;
            return true;
        }
    }
    dispatch();
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Handling;
    // The handler gets its own copy: answering resets the connection's state
    // while the handler may still read the request.
    const HttpRequest request = std::exchange(m_request, HttpRequest{});
    m_method = request.method;
    Q_EMIT requestReceived(this, request);
}

void HttpConnection::writeHead(int status, const QByteArray &contentType,
                               const HttpHeaders &extraHeaders, qint64 contentLength)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    for (const auto &[name, value] : extraHeaders)
        head += name + ": " + value + "\r\n";
    if (m_closeAfterResponse)
        head += "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body,
                             const HttpHeaders &extraHeaders)
{
    if (m_state != State::Handling)
        return;
    writeHead(status, contentType, extraHeaders, body.size());
    if (!body.isEmpty() && m_method != "HEAD")
        m_socket->write(body);
    finishResponse();
}

void HttpConnection::beginChunked(int status, const QByteArray &contentType,
                                  const HttpHeaders &extraHeaders)
{
    if (m_state != State::Handling)
        return;
    writeHead(status, contentType, extraHeaders, -1);
    m_state = State::Streaming;
}

void HttpConnection::writeChunk(const QByteArray &data)
{
    if (m_state != State::Streaming || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n");
    m_socket->write(data);
    m_socket->write("\r\n", 2);
}

void HttpConnection::endChunked()
{
    if (m_state != State::Streaming)
        return;
    m_socket->write("0\r\n\r\n", 5);
    finishResponse();
}

void HttpConnection::finishResponse()
{
    m_method.clear();
    if (m_closeAfterResponse) {
        m_state = State::Closed;
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::ReadingHead;
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::parse, Qt::QueuedConnection);
}

void HttpConnection::fail(int status, const QByteArray &message)
{
    m_closeAfterResponse = true;
    m_state = State::Handling;
    respond(status, QByteArrayLiteral("text/plain; charset=utf-8"), message + '\n');
}

void HttpConnection::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_state = State::Closed;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    Q_EMIT closed();
    deleteLater();
}

// ---------------------------------------------------------------------------

HttpListener::HttpListener(QObject *parent)
    : QTcpServer(parent)
{}

void HttpListener::setTls(const QSslConfiguration &configuration)
{
    m_configuration = configuration;
    m_tls = true;
}

void HttpListener::incomingConnection(qintptr handle)
{
    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        Q_EMIT connectionReady(new HttpConnection(socket, false, this));
        return;
    }

    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_configuration);
    const bool verifyPeer = m_configuration.peerVerifyMode() == QSslSocket::VerifyPeer;
    // The handshake connections die with the context object once encrypted.
    auto *handshake = new QObject(socket);
    connect(socket, &QSslSocket::encrypted, handshake, [this, socket, handshake, verifyPeer] {
        delete handshake;
        const bool verified = verifyPeer && !socket->peerCertificate().isNull();
        Q_EMIT connectionReady(new HttpConnection(socket, verified, this));
    });
    connect(socket, &QSslSocket::sslErrors, handshake, [this](const QList<QSslError> &errors) {
        // Never ignored: a client without a trusted certificate is refused.
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        Q_EMIT handshakeFailed(texts.join(QStringLiteral("; ")));
    });
    connect(socket, &QSslSocket::errorOccurred, handshake,
            [this, socket](QAbstractSocket::SocketError) {
                Q_EMIT handshakeFailed(socket->errorString());
                socket->deleteLater();
            });
    connect(socket, &QSslSocket::disconnected, handshake, [socket] { socket->deleteLater(); });
    QTimer::singleShot(HandshakeTimeoutMs, handshake, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

} // namespace labdeck::demolab::detail
