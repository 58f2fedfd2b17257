#pragma once

#include "checks/check.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <functional>

class QSslSocket;

namespace labdeck::checks {

// One connection to one name:port: TCP, optionally TLS (with SNI and the
// certificate checked against the configuration's CAs for that name), and
// optionally one HTTP/1.1 GET. TLS errors are recorded and end the
// handshake; they are never ignored. Everything is bounded by one timeout.
struct ProbeRequest
{
    QString host; // the real name: SNI, certificate check, Host header
    quint16 port = 443;
    ConnectTarget connectTo; // where to connect (see CheckOptions::target)
    bool tls = true;
    bool http = false; // send GET path and read the answer
    QString path = QStringLiteral("/");
    bool readBody = false; // keep the body (at most maxBody bytes)
    qint64 maxBody = 8 * 1024 * 1024;
    std::chrono::milliseconds timeout{10000}; // the whole probe: connect, handshake, answer
};

struct ProbeResult
{
    bool connected = false;
    bool encrypted = false;
    bool timedOut = false;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    QString errorText; // the socket's words when it failed
    QList<QSslError> sslErrors;
    QList<QSslCertificate> chain; // as the server sent it (leaf first)
    QSsl::SslProtocol protocol = QSsl::UnknownProtocol;
    QString cipher;
    int httpStatus = 0;
    QString httpReason;
    QByteArray body;
    qint64 connectMs = -1;   // TCP connected
    qint64 handshakeMs = -1; // TLS done
    qint64 firstByteMs = -1; // first byte of the HTTP answer
    qint64 totalMs = 0;

    [[nodiscard]] bool ok() const
    {
        return errorText.isEmpty() && !timedOut && sslErrors.isEmpty();
    }
    [[nodiscard]] QSslCertificate leaf() const { return chain.value(0); }
};

// The TLS configuration of a run: the system CAs plus the extra roots.
[[nodiscard]] QSslConfiguration checkSslConfiguration(const QList<QSslCertificate> &extraCas);
// "TLS 1.3"
[[nodiscard]] QString protocolName(QSsl::SslProtocol protocol);

class Probe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Probe)
public:
    using Done = std::function<void(const ProbeResult &)>;
    // Starts at once; done is called exactly once (queued or from a socket
    // signal), unless the probe is deleted first.
    Probe(const ProbeRequest &request, const QSslConfiguration &ssl, Done done,
          QObject *parent = nullptr);
    ~Probe() override;
    void abort();

private:
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onError(QAbstractSocket::SocketError error);
    void sendRequest();
    bool parseAnswer(); // true when the answer is complete
    void finish();

    ProbeRequest m_request;
    QSslSocket *m_socket;
    QTimer m_timer;
    QElapsedTimer m_clock;
    ProbeResult m_result;
    QByteArray m_buffer;
    qint64 m_headerEnd = -1;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    Done m_done;
};

} // namespace labdeck::checks
