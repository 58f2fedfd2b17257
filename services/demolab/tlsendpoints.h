#pragma once

#include "demolab/demopki.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace labdeck::demolab {

// Small loopback servers for the demo lab and the check tests: HTTPS with a
// given certificate chain and a tiny HTTP/1.1 answer, plain TCP ports that
// accept (NodePorts), and ports that accept and never answer. Lives on one
// thread; nothing blocks. Ports are picked free by the system.
class TlsEndpoints final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsEndpoints)
public:
    struct Answer
    {
        int status = 200;
        QByteArray contentType = "text/plain; charset=utf-8";
        QByteArray body;
    };
    // path -> answer, called for every GET.
    using Responder = std::function<Answer(const QByteArray &path)>;

    explicit TlsEndpoints(QObject *parent = nullptr);
    ~TlsEndpoints() override;

    // Each returns the port, or 0 when it could not listen.
    quint16 addHttps(const IssuedCert &cert, Responder responder);
    quint16 addTcp();    // accepts, reads and discards, never writes
    quint16 addSilent(); // accepts and never answers, not even a TLS handshake
    // A port where nothing listens (bound, then closed at once).
    static quint16 closedPort();
    // The certificate an HTTPS port (from addHttps) serves to new connections.
    bool setCertificate(quint16 port, const IssuedCert &cert);

private:
    void serve(QTcpSocket *socket, const Responder &responder);
    quint16 listenTcp(bool drain);
    QList<QTcpServer *> m_servers;
};

} // namespace labdeck::demolab
