#include "support/faultserver.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <sys/socket.h>

namespace labdeck::test {

namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kMostQueued = 256 * 1024;

} // namespace

FaultConnection::FaultConnection(QSslSocket *socket, FaultServer *server)
    : QObject(server)
    , m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QSslSocket::readyRead, this, &FaultConnection::onReadyRead);
    connect(socket, &QSslSocket::bytesWritten, this, [this](qint64 n) {
        m_sent += n;
        pump();
    });
    connect(socket, &QSslSocket::encryptedBytesWritten, this, [this](qint64) { pump(); });
    connect(socket, &QSslSocket::disconnected, this, [this] {
        m_trickle.stop();
        m_streaming = false;
        if (!m_finishing && !m_closedByPeer) {
            m_closedByPeer = true;
            m_sentWhenClosed = m_sent;
        }
    });
    connect(this, &FaultConnection::request, server,
            [this, server](const Request &r) { server->onRequest(this, r); });
    connect(&m_trickle, &QTimer::timeout, this, [this] {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (m_chunked)
            writeChunk(QByteArray(1, m_trickleByte));
        else
            m_socket->write(QByteArray(1, m_trickleByte));
    });
}

void FaultConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_head += m_socket->readAll();
    // Requests one after the other on a kept-alive connection; a body
    // (Content-Length) is skipped.
    while (true) {
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_head.left(end).split('\n');
        Request r;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.url = QUrl::fromEncoded(first.value(1));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (m_head.size() < end + 4 + length)
            return;
        m_head.remove(0, end + 4 + length);
        Q_EMIT request(r);
    }
}

void FaultConnection::write(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->write(bytes);
}

void FaultConnection::writeChunk(const QByteArray &bytes)
{
    write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

void FaultConnection::stream(const QByteArray &head, qint64 total,
                             std::function<QByteArray(qint64, qint64)> fill, const QByteArray &tail,
                             bool chunked)
{
    m_chunked = chunked;
    m_streamTotal = total;
    m_streamOffset = 0;
    m_fill = std::move(fill);
    m_tail = tail;
    m_streaming = true;
    write(head);
    pump();
}

void FaultConnection::pump()
{
    if (!m_streaming || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    while (m_streamOffset < m_streamTotal &&
           m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < kMostQueued) {
        const qint64 n = qMin(kChunk, m_streamTotal - m_streamOffset);
        if (m_chunked)
            writeChunk(m_fill(m_streamOffset, n));
        else
            m_socket->write(m_fill(m_streamOffset, n));
        m_streamOffset += n;
    }
    if (m_streamOffset == m_streamTotal) {
        m_streaming = false;
        if (m_chunked) {
            if (!m_tail.isEmpty())
                writeChunk(m_tail);
            m_socket->write("0\r\n\r\n");
        } else if (!m_tail.isEmpty()) {
            m_socket->write(m_tail);
        }
    }
}

void FaultConnection::trickle(const QByteArray &head, char byte, int intervalMs, bool chunked)
{
    m_chunked = chunked;
    write(head);
    m_trickleByte = byte;
    m_trickle.start(intervalMs);
}

void FaultConnection::reset()
{
    m_finishing = true;
    m_trickle.stop();
    m_streaming = false;
    if (!m_socket)
        return;
    m_socket->flush();
    const linger hard{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    m_socket->abort();
}

void FaultConnection::close()
{
    m_finishing = true;
    m_trickle.stop();
    m_streaming = false;
    if (m_socket)
        m_socket->disconnectFromHost();
}

FaultServer::FaultServer(const Pki &pki, QObject *parent)
    : QObject(parent)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(pki.server);
    ssl.setPrivateKey(pki.serverKey);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(ssl);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            if (auto *socket = qobject_cast<QSslSocket *>(s))
                m_connections << new FaultConnection(socket, this);
        }
    });
}

bool FaultServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FaultServer::onRequest(FaultConnection *c, const FaultConnection::Request &r)
{
    m_requests << r;
    if (m_handler)
        m_handler(c, r);
    else
        c->write(json("{}", 404));
}

QByteArray FaultServer::jsonHead(qint64 length, int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(length) +
           "\r\n\r\n";
}

QByteArray FaultServer::streamHead()
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: "
           "chunked\r\n\r\n";
}

QByteArray FaultServer::json(const QByteArray &body, int status)
{
    return jsonHead(body.size(), status) + body;
}

MemoryUse MemoryUse::now()
{
    MemoryUse m;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : f.readAll().split('\n')) {
        auto kib = [&line] {
            return line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toLongLong() *
                   1024;
        };
        if (line.startsWith("VmRSS:"))
            m.resident = kib();
        else if (line.startsWith("VmHWM:"))
            m.peak = kib();
    }
    return m;
}

bool MemoryUse::resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1 && f.flush();
}

} // namespace labdeck::test
