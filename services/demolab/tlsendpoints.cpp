#include "demolab/tlsendpoints.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

namespace labdeck::demolab {

namespace {
constexpr qsizetype kMaxRequest = 16 * 1024;
}

TlsEndpoints::TlsEndpoints(QObject *parent)
    : QObject(parent)
{}

TlsEndpoints::~TlsEndpoints() = default;

bool TlsEndpoints::setCertificate(quint16 port, const IssuedCert &cert)
{
    for (QTcpServer *s : std::as_const(m_servers)) {
        auto *server = qobject_cast<QSslServer *>(s);
        if (!server || server->serverPort() != port)
            continue;
        QSslConfiguration ssl = server->sslConfiguration();
        ssl.setLocalCertificateChain(cert.chain);
        ssl.setPrivateKey(cert.key);
        server->setSslConfiguration(ssl);
        return true;
    }
    return false;
}

quint16 TlsEndpoints::addHttps(const IssuedCert &cert, Responder responder)
{
    auto *server = new QSslServer(this);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(cert.chain);
    ssl.setPrivateKey(cert.key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    server->setSslConfiguration(ssl);
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        delete server;
        return 0;
    }
    // A client that fails the handshake (as checks do on a bad certificate)
    // never becomes a pending connection; the server drops it itself.
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server, responder] {
        while (QTcpSocket *socket = server->nextPendingConnection())
            serve(socket, responder);
    });
    m_servers << server;
    return server->serverPort();
}

void TlsEndpoints::serve(QTcpSocket *socket, const Responder &responder)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto buffer = std::make_shared<QByteArray>();
    auto handle = [socket, buffer, responder] {
        *buffer += socket->readAll();
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer->size() > kMaxRequest)
                socket->abort();
            return;
        }
        const QList<QByteArray> request = buffer->left(buffer->indexOf("\r\n")).split(' ');
        const Answer a = responder(request.value(1));
        QByteArray reason = a.status == 200 ? "OK" : a.status == 404 ? "Not Found" : "Status";
        QByteArray out = "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + reason +
                         "\r\nContent-Type: " + a.contentType +
                         "\r\nContent-Length: " + QByteArray::number(a.body.size()) +
                         "\r\nConnection: close\r\n\r\n" + a.body;
        socket->write(out);
        socket->disconnectFromHost();
        buffer->clear();
    };
    connect(socket, &QTcpSocket::readyRead, socket, handle);
    if (socket->bytesAvailable() > 0)
        handle();
}

quint16 TlsEndpoints::addTcp()
{
    return listenTcp(true);
}

quint16 TlsEndpoints::addSilent()
{
    return listenTcp(false);
}

quint16 TlsEndpoints::listenTcp(bool drain)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        delete server;
        return 0;
    }
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [server, drain, this] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            socket->setParent(this); // held open, never written to
            if (drain)
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    m_servers << server;
    return server->serverPort();
}

quint16 TlsEndpoints::closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace labdeck::demolab
