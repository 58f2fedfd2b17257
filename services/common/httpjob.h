#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <chrono>

class QNetworkAccessManager;

namespace labdeck {

// Who was asked what, for the words of a failed reply.
struct HttpAsk
{
    QString server;  // "gpu-server", "Prometheus at 10.0.0.5:9090"
    QString what;    // "Ollama /api/tags", "query_range"
    QString setting; // where the address is set, as words ("prometheus.url in the inventory"); may
                     // be empty
};

// The outcome of one HTTP job.
struct HttpResult
{
    enum class Status {
        Ok,                // a 2xx (or other non-error) answer, body complete
        HttpError,         // the server answered with an error status (4xx, 5xx)
        NetworkError,      // no usable answer: refused, unresolved, TLS, closed
        InactivityTimeout, // nothing arrived for `limit`
        DeadlineExceeded,  // the whole job took longer than `limit`
        TooLarge,          // the body (or one line of a stream) was over `limit` bytes
    };

    Status status = Status::NetworkError;
    int httpStatus = 0;        // 0 when no HTTP answer came
    QString errorText;         // empty on success; else describeHttpFailure()'s words
    bool timedOut = false;     // InactivityTimeout or DeadlineExceeded
    QDateTime receivedAt;      // UTC, when the job ended
    QByteArray body;           // the whole body (also for HttpError); empty for streams
    QUrl url;                  // what was asked (the last hop)
    int retryAfterSeconds = 0; // the answer's Retry-After (seconds form), 0: none
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorString;         // Qt's words for networkError
    std::chrono::milliseconds limit{0}; // the timeout that ran out
    qint64 capBytes = 0;                // the cap that was exceeded
    bool streaming = false;

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

// "gpu-server: Ollama /api/tags: connection refused at http://…; is the
// service running and listening there?": the server, what was asked, what
// happened and what to try, for any failed result. Empty for a good one.
// For an HTTP error, `detail` (the server's own explanation, read from its
// body by the caller) replaces the excerpt of the body, and `advice`
// replaces the generic hint for the status. Any thread.
[[nodiscard]] QString describeHttpFailure(const HttpResult &result, const HttpAsk &ask,
                                          const QString &detail = {}, const QString &advice = {});

// One HTTP request over a QNetworkAccessManager the caller owns, with an
// inactivity timeout (no bytes for that long), an overall deadline and a body
// cap. A streaming job hands out complete lines as they arrive, each capped,
// instead of keeping the body. Emits finished() exactly once unless abort()ed
// first, then deletes itself (deleteLater). UI thread (the manager's).
class HttpJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJob)
public:
    static constexpr qint64 kDefaultBodyCap = 8 * 1024 * 1024;

    HttpJob(QNetworkAccessManager *network, QNetworkRequest request, HttpAsk ask,
            QObject *parent = nullptr);
    ~HttpJob() override;

    // Before start(). Default GET with no body.
    void setMethod(const QByteArray &method, const QByteArray &body = {});
    // The longest silence (0: none). Default 30 s.
    void setInactivityTimeout(std::chrono::milliseconds timeout) { m_inactivity = timeout; }
    // The longest the whole job may take, from start() to the last byte (0: none, the default).
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }
    // Bytes of body kept before the job fails with TooLarge (default 8 MiB);
    // a reply whose Content-Length is larger fails before its body is read.
    void setBodyCap(qint64 bytes) { m_bodyCap = bytes; }
    // Hand the body out as lines (lineReceived), each at most lineCap bytes,
    // reading at most 1 MiB per turn of the event loop (a burst of tens of
    // megabytes does not stall the thread).
    void setStreaming(qint64 lineCap = kDefaultBodyCap);

    [[nodiscard]] std::chrono::milliseconds inactivityTimeout() const { return m_inactivity; }
    [[nodiscard]] std::chrono::milliseconds deadline() const { return m_deadline; }
    [[nodiscard]] const HttpAsk &ask() const { return m_ask; }
    [[nodiscard]] QUrl url() const { return m_request.url(); }
    // The reply in flight (null before start() and after the end), for callers
    // that watch redirects or headers.
    [[nodiscard]] QNetworkReply *reply() const { return m_reply; }

    void start();
    // Ends the job early; finished() is not emitted.
    void abort();

Q_SIGNALS:
    // Streaming only: one line, without its "\n" (a last line without one
    // comes before finished()).
    void lineReceived(const QByteArray &line);
    void finished(const labdeck::HttpResult &result);

private:
    enum class Abort { None, Deadline, TooLarge, Cancelled };
    void onReadyRead();
    void readStream(QNetworkReply *reply, qint64 most);
    void onFinished();
    void stop(Abort reason);
    void finish(HttpResult result);

    QPointer<QNetworkAccessManager> m_network;
    QNetworkRequest m_request;
    HttpAsk m_ask;
    QByteArray m_method = "GET";
    QByteArray m_requestBody;
    std::chrono::milliseconds m_inactivity{30000};
    std::chrono::milliseconds m_deadline{0};
    qint64 m_bodyCap = kDefaultBodyCap;
    bool m_streaming = false;
    qint64 m_lineCap = kDefaultBodyCap;
    QByteArray m_buffer; // the body so far, or a stream's unfinished line
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadlineTimer;
    Abort m_abort = Abort::None;
    bool m_started = false;
    bool m_done = false; // finished() was emitted
    bool m_sliceQueued = false;
    bool m_lengthSeen = false; // the Content-Length was checked against the cap
};

} // namespace labdeck

Q_DECLARE_METATYPE(labdeck::HttpResult)
