#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <chrono>
#include <functional>
#include <optional>

class QTcpSocket;

namespace labdeck::checks {

// Where `--serve` listens: "9464" (loopback, 127.0.0.1), "0.0.0.0:9464",
// "127.0.0.1:9464", "[::1]:9464", "[::]:9464", "localhost:9464". Only
// addresses, no other host names: what is bound must be what was asked.
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    // Port 0 means a free port (tests).
    [[nodiscard]] static std::optional<ListenAddress> parse(const QString &text);
    // "127.0.0.1:9464", "[::1]:9464".
    [[nodiscard]] QString toString() const;
};

// A small HTTP/1.1 server for GET and HEAD /metrics, for Prometheus to
// scrape. The body comes from a callback (the last rounds' results, never
// a new round). 404 for other paths, 405 for other methods, 431 for a
// request head over 8 KiB, 400 for what is not HTTP; at most 32
// connections at once (more get 503), each closed after 10 s; every reply
// says `Connection: close`. One thread; never blocks.
class MetricsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsServer)
public:
    static constexpr qsizetype kMaxRequestHead = 8 * 1024;
    static constexpr int kMaxConnections = 32;

    using Body = std::function<QByteArray()>;
    explicit MetricsServer(Body body, QObject *parent = nullptr);
    ~MetricsServer() override;

    bool listen(const ListenAddress &where, QString *error);
    void close();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QHostAddress address() const { return m_server.serverAddress(); }
    // How long a connection may stay open (10 s; tests shorten it).
    void setConnectionTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] int connectionCount() const { return int(m_connections.size()); }
    [[nodiscard]] quint64 scrapes() const { return m_scrapes; }

Q_SIGNALS:
    // After each reply: the method, the path and the status sent.
    void served(const QByteArray &method, const QByteArray &path, int status);

private:
    void accept();
    void read(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, const QByteArray &method, const QByteArray &path,
               const QByteArray &contentType, const QByteArray &body,
               const QByteArray &extraHeaders = {});
    void drop(QTcpSocket *socket);

    Body m_body;
    QTcpServer m_server;
    QSet<QTcpSocket *> m_connections;
    std::chrono::milliseconds m_timeout{10000};
    quint64 m_scrapes = 0;
};

} // namespace labdeck::checks
