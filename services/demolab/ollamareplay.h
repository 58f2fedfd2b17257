#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <functional>

namespace labdeck::demolab {

namespace detail {
class HttpListener;
}

// Ollama's HTTP API replayed from captured answers, on loopback: GET
// /api/version, /api/tags, /api/ps (and / and Open WebUI's /health). The
// demo lab points its Ollama client and its Open WebUI probe here; tests
// serve the fixtures through it. Thread: the one it was created on.
class OllamaReplay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OllamaReplay)
public:
    explicit OllamaReplay(QObject *parent = nullptr);
    ~OllamaReplay() override;

    // The body (JSON) answered for a path, with an HTTP status.
    void setResponse(const QString &path, const QByteArray &body, int status = 200);
    // A body computed at each request (the demo's /api/ps keeps its expiry ahead).
    void setResponder(const QString &path, std::function<QByteArray()> body);
    // The demo lab's Ollama: the documented version and models, with two of
    // them loaded on the GPU (one partly offloaded). Returns the VRAM they
    // hold in MiB, for nvidia-smi.
    int useDemoResponses();

    // Port 0 picks a free one. Returns false when it cannot listen.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] QUrl url() const;
    // Requests served per path (tests).
    [[nodiscard]] int requestCount(const QString &path) const { return m_counts.value(path); }

private:
    struct Response
    {
        int status = 200;
        std::function<QByteArray()> body;
    };
    detail::HttpListener *m_listener;
    QHash<QString, Response> m_responses;
    QHash<QString, int> m_counts;
};

} // namespace labdeck::demolab
