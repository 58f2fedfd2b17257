#pragma once

#include "common/health.h"
#include "gpu/ollamaparser.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace labdeck::gpu {

// Ollama's HTTP API on the GPU server: version, installed models and the
// models loaded in memory, read now and then periodically. Each request has
// a transfer timeout; an error names the host, the step and what to try.
// UI thread.
class OllamaClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OllamaClient)
public:
    // host is the inventory host name used in messages ("gpu-server").
    OllamaClient(QNetworkAccessManager *network, QUrl baseUrl, QString host,
                 QObject *parent = nullptr);
    ~OllamaClient() override;

    void setBaseUrl(const QUrl &url) { m_base = url; }
    [[nodiscard]] QUrl baseUrl() const { return m_base; }
    // Per request (ms), default 5000.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void start(int intervalMs = 10000);
    void stop() { m_timer.stop(); }
    void refresh();

    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] const QList<OllamaModel> &models() const { return m_models; }
    [[nodiscard]] const QList<LoadedModel> &loaded() const { return m_loaded; }
    [[nodiscard]] QDateTime fetchedAt() const
    {
        return m_fetchedAt;
    } // UTC of the last full good read
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] bool isStale() const;

Q_SIGNALS:
    // After every refresh, good or not.
    void updated();
    void failed(const QString &error);

private:
    void get(const QString &path, std::function<QString(const QByteArray &)> apply);
    void stepDone(const QString &error);

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_base;
    QString m_host;
    int m_timeoutMs = 5000;
    QTimer m_timer;
    QString m_version;
    QList<OllamaModel> m_models;
    QList<LoadedModel> m_loaded;
    QDateTime m_fetchedAt;
    QString m_error;
    QString m_roundError;
    int m_pending = 0;
};

// Open WebUI's health endpoint (GET <url>/health): Ok on 200, Critical when
// it fails, with the time it was checked. UI thread.
class WebUiProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebUiProbe)
public:
    WebUiProbe(QNetworkAccessManager *network, QUrl url, QString host, QObject *parent = nullptr);

    void setUrl(const QUrl &url) { m_url = url; }
    [[nodiscard]] QUrl url() const { return m_url; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void start(int intervalMs = 30000);
    void refresh();

    [[nodiscard]] Health health() const { return m_health; }
    [[nodiscard]] QString text() const { return m_text; } // "HTTP 200", or the error
    [[nodiscard]] QDateTime checkedAt() const { return m_checkedAt; }

Q_SIGNALS:
    void updated();

private:
    QPointer<QNetworkAccessManager> m_network;
    QUrl m_url;
    QString m_host;
    int m_timeoutMs = 5000;
    QTimer m_timer;
    Health m_health = Health::Unknown;
    QString m_text;
    QDateTime m_checkedAt;
    bool m_running = false;
};

// "gpu-server: Ollama /api/tags: connection refused (http://…) — is it running?"
[[nodiscard]] QString describeReplyError(QNetworkReply *reply, const QString &host,
                                         const QString &what, int timeoutMs);

} // namespace labdeck::gpu
