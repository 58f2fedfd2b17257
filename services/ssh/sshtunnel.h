#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QTcpServer;

namespace labdeck::ssh {

class SshTransport;

// A loopback port whose connections are carried over one host's SSH session
// to targetHost:targetPort (direct-tcpip), e.g. Ollama on the GPU server's
// localhost:11434. Made by SshTransport::openTunnel; lives on the UI thread;
// the bytes move on the host's worker thread.
class SshTunnel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshTunnel)
public:
    ~SshTunnel() override;

    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 localPort() const;
    // http://127.0.0.1:<localPort>
    [[nodiscard]] QUrl localUrl() const;
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] QString target() const;
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    // A connection could not be forwarded ("gpu-server: connect: ...").
    void failed(const QString &error);

private:
    friend class SshTransport;
    SshTunnel(SshTransport *transport, quint64 id, QString host, QString targetHost,
              quint16 targetPort, QObject *parent);
    void accepted(qintptr descriptor);
    void reportError(const QString &error);

    QPointer<SshTransport> m_transport;
    quint64 m_id;
    QString m_host;
    QString m_targetHost;
    quint16 m_targetPort;
    QTcpServer *m_server;
    QString m_error;
};

} // namespace labdeck::ssh
