#pragma once

#include "common/health.h"
#include "common/httpjob.h"
#include "common/poller.h"
#include "ollama/ollamaparser.h"

#include <QDateTime>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace labdeck::ollama {

// Ollama's HTTP API on the GPU server: version, installed models and the
// models loaded in memory, read now and then periodically (Poller; a poll
// is good when all three reads are). Each request is an HttpJob with an
// inactivity timeout and the 8 MiB body cap; an error names the host, the
// step and what to try. UI thread.
class OllamaClient final : public Poller
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
    // The longest silence of each request, default 5 s.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] const QList<OllamaModel> &models() const { return m_models; }
    [[nodiscard]] const QList<LoadedModel> &loaded() const { return m_loaded; }
    // fetchedAt(): UTC of the last full good read.

protected:
    void poll() override;

private:
    void get(const QString &path, std::function<QString(const QByteArray &)> apply);
    void stepDone(const QString &error);

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_base;
    QString m_host;
    std::chrono::milliseconds m_timeout{5000};
    QString m_version;
    QList<OllamaModel> m_models;
    QList<LoadedModel> m_loaded;
    QString m_roundError;
    int m_pending = 0;
};

// Open WebUI's health endpoint (GET <url>/health): Ok on 200, Critical when
// it fails, with the time it was checked (a Poller). UI thread.
class WebUiProbe final : public Poller
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebUiProbe)
public:
    WebUiProbe(QNetworkAccessManager *network, QUrl url, QString host, QObject *parent = nullptr);

    void setUrl(const QUrl &url) { m_url = url; }
    [[nodiscard]] QUrl url() const { return m_url; }
    // The longest silence of the request, default 5 s.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    [[nodiscard]] Health health() const { return m_health; }
    [[nodiscard]] QString text() const { return m_text; } // "HTTP 200", or the error
    [[nodiscard]] QDateTime checkedAt() const { return m_checkedAt; }

protected:
    void poll() override;

private:
    QPointer<QNetworkAccessManager> m_network;
    QUrl m_url;
    QString m_host;
    std::chrono::milliseconds m_timeout{5000};
    Health m_health = Health::Unknown;
    QString m_text;
    QDateTime m_checkedAt;
};

} // namespace labdeck::ollama
