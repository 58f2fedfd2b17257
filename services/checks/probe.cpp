#include "checks/probe.h"

#include <QNetworkProxy>
#include <QSslCipher>
#include <QSslSocket>

namespace labdeck::checks {

namespace {

// Decodes an HTTP/1.1 chunked body; complete is set when the last chunk came.
QByteArray dechunk(const QByteArray &data, bool *complete)
{
    QByteArray out;
    qsizetype pos = 0;
    *complete = false;
    while (true) {
        const qsizetype eol = data.indexOf("\r\n", pos);
        if (eol < 0)
            return out;
        QByteArray sizeText = data.mid(pos, eol - pos);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return out;
        if (size == 0) {
            *complete = true;
            return out;
        }
        if (data.size() < eol + 2 + size + 2)
            return out;
        out += data.mid(eol + 2, size);
        pos = eol + 2 + size + 2;
    }
}

} // namespace

QSslConfiguration checkSslConfiguration(const QList<QSslCertificate> &extraCas)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (extraCas.isEmpty())
        return ssl; // the system's roots, looked up by the TLS library as needed
    // The system roots plus the run's own. Setting a list turns off the
    // lookup as needed, so the whole system list goes in; it is read once
    // per process. Nothing here lowers verification.
    static const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    ssl.setCaCertificates(system + extraCas);
    return ssl;
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
    case QSsl::TlsV1_1:
        return QStringLiteral("TLS 1.1");
    case QSsl::TlsV1_0:
        return QStringLiteral("TLS 1.0");
        QT_WARNING_POP
    default:
        break;
    }
    return QString();
}

Probe::Probe(const ProbeRequest &request, const QSslConfiguration &ssl, Done done, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_socket(new QSslSocket(this))
    , m_done(std::move(done))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_result.timedOut = true;
        m_socket->abort();
        finish();
    });
    m_timer.start(m_request.timeout);
    m_socket->setSslConfiguration(ssl);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QSslSocket::connected, this, &Probe::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &Probe::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &Probe::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &Probe::onError);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Kept for the verdict; not ignored, so the handshake ends here.
        m_result.sslErrors = errors;
        m_result.chain = m_socket->peerCertificateChain();
        if (m_result.chain.isEmpty() && !m_socket->peerCertificate().isNull())
            m_result.chain << m_socket->peerCertificate();
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (m_result.errorText.isEmpty() && m_request.http && !parseAnswer() &&
            m_result.httpStatus == 0)
            m_result.errorText = tr("the server closed the connection without an answer");
        finish();
    });
    const ConnectTarget to = m_request.connectTo.address.isEmpty()
                                 ? ConnectTarget{m_request.host, m_request.port}
                                 : m_request.connectTo;
    if (m_request.tls)
        m_socket->connectToHostEncrypted(to.address, to.port, m_request.host);
    else
        m_socket->connectToHost(to.address, to.port);
}

Probe::~Probe()
{
    m_done = nullptr;
    m_socket->disconnect(this);
    m_socket->abort();
}

void Probe::abort()
{
    m_done = nullptr;
    m_timer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
}

void Probe::onConnected()
{
    m_result.connected = true;
    m_result.connectMs = m_clock.elapsed();
    if (!m_request.tls) {
        if (m_request.http)
            sendRequest();
        else
            finish();
    }
}

void Probe::onEncrypted()
{
    m_result.encrypted = true;
    m_result.handshakeMs = m_clock.elapsed();
    m_result.chain = m_socket->peerCertificateChain();
    m_result.protocol = m_socket->sessionProtocol();
    m_result.cipher = m_socket->sessionCipher().name();
    if (m_request.http)
        sendRequest();
    else
        finish();
}

void Probe::sendRequest()
{
    QByteArray hostHeader = m_request.host.toUtf8();
    if (m_request.port != (m_request.tls ? 443 : 80))
        hostHeader += ':' + QByteArray::number(m_request.port);
    const QByteArray request =
        "GET " + m_request.path.toUtf8() + " HTTP/1.1\r\nHost: " + hostHeader +
        "\r\nUser-Agent: labdeck-check\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    m_socket->write(request);
}

void Probe::onReadyRead()
{
    if (m_result.firstByteMs < 0)
        m_result.firstByteMs = m_clock.elapsed();
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > m_request.maxBody + 64 * 1024) {
        m_result.errorText = tr("the answer is larger than %1 bytes").arg(m_request.maxBody);
        m_socket->abort();
        finish();
        return;
    }
    if (parseAnswer())
        finish();
}

bool Probe::parseAnswer()
{
    if (m_headerEnd < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        m_headerEnd = end + 4;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        m_result.httpStatus = status.value(1).toInt();
        m_result.httpReason = QString::fromLatin1(status.mid(2).join(' '));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                m_contentLength = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                m_chunked = true;
        }
        if (!m_request.readBody)
            return true;
    }
    const QByteArray raw = m_buffer.mid(m_headerEnd);
    if (m_chunked) {
        bool complete = false;
        m_result.body = dechunk(raw, &complete);
        return complete;
    }
    m_result.body = raw;
    return m_contentLength >= 0 && raw.size() >= m_contentLength;
}

void Probe::onError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError && m_request.http && m_headerEnd >= 0) {
        parseAnswer();
        finish();
        return;
    }
    m_result.socketError = error;
    m_result.errorText = m_socket->errorString();
    finish();
}

void Probe::finish()
{
    if (!m_done)
        return;
    m_timer.stop();
    m_result.totalMs = m_clock.elapsed();
    Done done = std::move(m_done);
    m_done = nullptr;
    m_socket->disconnect(this);
    m_socket->abort();
    const ProbeResult result = m_result; // done may delete this probe
    done(result);
}

} // namespace labdeck::checks
