#include "checks/metricsserver.h"

#include "checks/exporter.h"
#include "checks/logging_p.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace labdeck::checks {

namespace {

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

// Marks a socket as answered: whatever else arrives on it is ignored.
constexpr char kAnswered[] = "labdeckAnswered";

} // namespace

std::optional<ListenAddress> ListenAddress::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:(\\[[0-9A-Fa-f:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}|localhost):)?(\\d{1,5})$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const uint port = m.captured(2).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    ListenAddress out;
    out.port = quint16(port);
    QString host = m.captured(1);
    if (host.isEmpty() || host == QLatin1String("localhost")) {
        out.address = QHostAddress(QHostAddress::LocalHost);
        return out;
    }
    const bool bracketed = host.startsWith(QLatin1Char('['));
    if (bracketed)
        host = host.mid(1, host.size() - 2);
    if (!out.address.setAddress(host))
        return std::nullopt;
    // An IPv6 address needs its brackets (as in a URL), an IPv4 one none.
    const bool v6 = out.address.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6 != bracketed)
        return std::nullopt;
    return out;
}

QString ListenAddress::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

MetricsServer::MetricsServer(Body body, QObject *parent)
    : QObject(parent)
    , m_body(std::move(body))
{
    connect(&m_server, &QTcpServer::newConnection, this, &MetricsServer::accept);
}

MetricsServer::~MetricsServer()
{
    close();
}

bool MetricsServer::listen(const ListenAddress &where, QString *error)
{
    if (m_server.listen(where.address, where.port))
        return true;
    *error = tr("cannot listen on %1: %2").arg(where.toString(), m_server.errorString());
    return false;
}

void MetricsServer::close()
{
    m_server.close();
    const QSet<QTcpSocket *> open = std::exchange(m_connections, {});
    for (QTcpSocket *s : open) {
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

void MetricsServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        if (m_connections.size() >= kMaxConnections) {
            // Said at once and closed: the open ones keep their slots.
            socket->setProperty(kAnswered, true);
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            continue;
        }
        m_connections.insert(socket);
        socket->setReadBufferSize(kMaxRequestHead + 1024);
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] {
            qCInfo(lcChecks) << "metrics: a connection took longer than" << m_timeout.count()
                             << "ms; closed";
            drop(socket);
        });
        timer->start(int(m_timeout.count()));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        if (socket->bytesAvailable() > 0)
            read(socket);
    }
}

void MetricsServer::read(QTcpSocket *socket)
{
    if (socket->property(kAnswered).toBool()) {
        socket->readAll(); // a body or a pipelined request: not read, the reply closes
        return;
    }
    // The head stays in the socket's buffer until it is complete.
    const QByteArray buffered = socket->peek(kMaxRequestHead + 1);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0 || end + 4 > kMaxRequestHead) {
        if (buffered.size() > kMaxRequestHead || end + 4 > kMaxRequestHead)
            reply(socket, 431, {}, {}, "text/plain; charset=utf-8", "request head over 8 KiB\n");
        return;
    }
    const QByteArray head = socket->read(end + 4);
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    const QList<QByteArray> words = requestLine.split(' ');
    if (words.size() != 3 || !words.at(2).startsWith("HTTP/1.") || words.at(0).isEmpty()) {
        reply(socket, 400, {}, {}, "text/plain; charset=utf-8", "not an HTTP/1.x request\n");
        return;
    }
    const QByteArray &method = words.at(0);
    QByteArray path = words.at(1);
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);
    if (path != "/metrics") {
        reply(socket, 404, method, path, "text/plain; charset=utf-8",
              "not found; the metrics are at /metrics\n");
        return;
    }
    if (method != "GET" && method != "HEAD") {
        reply(socket, 405, method, path, "text/plain; charset=utf-8",
              "only GET and HEAD are served\n", "Allow: GET, HEAD\r\n");
        return;
    }
    ++m_scrapes;
    reply(socket, 200, method, path, MetricsExposition::kContentType, m_body());
}

void MetricsServer::reply(QTcpSocket *socket, int status, const QByteArray &method,
                          const QByteArray &path, const QByteArray &contentType,
                          const QByteArray &body, const QByteArray &extraHeaders)
{
    socket->setProperty(kAnswered, true);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += extraHeaders;
    out += "Connection: close\r\n\r\n";
    if (method != "HEAD")
        out += body;
    socket->write(out);
    socket->readAll();
    // Closes once everything is written (the timer still bounds a reader
    // that never takes it).
    socket->disconnectFromHost();
    Q_EMIT served(method, path, status);
}

void MetricsServer::drop(QTcpSocket *socket)
{
    if (!m_connections.remove(socket))
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace labdeck::checks
