#pragma once

#include "common/httpjob.h"
#include "prometheus/promtypes.h"
#include "prometheus/rangeplan.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <chrono>

namespace labdeck::prom {

// One API call in flight. Emits finished() exactly once unless cancelled
// first; deletes itself after finishing or cancelling.
class Call final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Call)
public:
    ~Call() override;
    [[nodiscard]] QUrl url() const { return m_url; }
    // Aborts the request; finished() is not emitted.
    void cancel();

Q_SIGNALS:
    void finished(const labdeck::prom::Result &result);

private:
    friend class Client;
    Call(HttpJob *job, QUrl url, int kind, HttpAsk ask, QObject *parent);
    void onFinished(const labdeck::HttpResult &http);

    QPointer<HttpJob> m_job;
    QUrl m_url;
    int m_kind;
    HttpAsk m_ask; // server: "Prometheus at host:port", what: "query"
    bool m_cancelled = false;
};

// The Prometheus HTTP API (/api/v1). Asynchronous; every request has a
// timeout, and the server is told to give up a little earlier so its own
// "timeout" answer arrives before the client's.
class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)
public:
    explicit Client(QUrl baseUrl, QObject *parent = nullptr);
    ~Client() override;

    [[nodiscard]] QUrl baseUrl() const { return m_base; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    // Instant query at `time` (invalid: the server's now).
    Call *query(const QString &expr, const QDateTime &time = {});
    Call *queryRange(const QString &expr, const RangePlan &plan);
    Call *targets();
    Call *alerts();

    // Emitted for every request sent (tests and the Activity log read it).
    Q_SIGNAL void requestSent(const QUrl &url);

private:
    Call *get(const QString &path, const QList<QPair<QString, QString>> &params, int kind,
              const QString &what);

    QUrl m_base;
    QNetworkAccessManager m_network;
    std::chrono::milliseconds m_timeout{10000};
};

} // namespace labdeck::prom
