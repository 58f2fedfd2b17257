#include "common/httpjob.h"

#include "common/format.h"
#include "common/visibletext.h"

#include <QNetworkAccessManager>

namespace labdeck {

namespace {

constexpr qint64 kStreamSlice = 1 << 20;
constexpr qint64 kReadBuffer = 1 << 20;

// A URL for messages: no user info, no query, no fragment (any may carry secrets).
QString shown(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString seconds(std::chrono::milliseconds ms)
{
    return Format::number(double(ms.count()) / 1000.0);
}

QString httpHint(int status)
{
    if (status == 401)
        return HttpJob::tr("check the credentials");
    if (status == 403)
        return HttpJob::tr("the credentials lack the permission");
    if (status == 404)
        return HttpJob::tr("check the address and the path");
    if (status == 429 || status == 503)
        return HttpJob::tr("the server is busy, try again later");
    if (status >= 500)
        return HttpJob::tr("see the server's log");
    return HttpJob::tr("the server refused the request as it was sent");
}

QString networkWords(const HttpResult &r, const HttpAsk &ask, const QString &url)
{
    switch (r.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        return HttpJob::tr(
                   "%1: %2: connection refused at %3; is the service running and listening there?")
            .arg(ask.server, ask.what, url);
    case QNetworkReply::HostNotFoundError:
        if (!ask.setting.isEmpty())
            return HttpJob::tr("%1: %2: the host name of %3 does not resolve; check %4, the DNS "
                               "or Tailscale.")
                .arg(ask.server, ask.what, url, ask.setting);
        return HttpJob::tr("%1: %2: the host name of %3 does not resolve; check the address in "
                           "the inventory, the DNS or Tailscale.")
            .arg(ask.server, ask.what, url);
    case QNetworkReply::RemoteHostClosedError:
        return HttpJob::tr("%1: %2: %3 closed the connection before a whole answer; the server "
                           "may have restarted, try again.")
            .arg(ask.server, ask.what, url);
    default:
        break;
    }
    if (r.networkError == QNetworkReply::SslHandshakeFailedError)
        return HttpJob::tr("%1: %2: TLS with %3 failed: %4; check the server's certificate and "
                           "the CA it is checked against.")
            .arg(ask.server, ask.what, url, r.networkErrorString);
    return HttpJob::tr("%1: %2: %3 at %4; check the address and the network.")
        .arg(ask.server, ask.what, r.networkErrorString, url);
}

} // namespace

QString describeHttpFailure(const HttpResult &r, const HttpAsk &ask, const QString &detail,
                            const QString &advice)
{
    const QString url = shown(r.url);
    switch (r.status) {
    case HttpResult::Status::Ok:
        return {};
    case HttpResult::Status::InactivityTimeout:
        return HttpJob::tr("%1: %2: no answer from %3 within %4 s; the server or the tunnel may "
                           "be down, or the server overloaded.")
            .arg(ask.server, ask.what, url, seconds(r.limit));
    case HttpResult::Status::DeadlineExceeded:
        return HttpJob::tr("%1: %2: the answer from %3 did not end within %4 s; the server may be "
                           "overloaded, or the request too large for it.")
            .arg(ask.server, ask.what, url, seconds(r.limit));
    case HttpResult::Status::TooLarge:
        if (r.streaming)
            return HttpJob::tr("%1: %2: a line longer than %3 from %4; is this the right "
                               "address?")
                .arg(ask.server, ask.what, Format::bytes(double(r.capBytes)), url);
        return HttpJob::tr("%1: %2: reply larger than %3 from %4; is this the right address?")
            .arg(ask.server, ask.what, Format::bytes(double(r.capBytes)), url);
    case HttpResult::Status::HttpError: {
        const QString excerpt =
            !detail.isEmpty()
                ? VisibleText::escape(detail)
                : VisibleText::escape(QString::fromUtf8(r.body.left(200)).simplified());
        return HttpJob::tr("%1: %2: HTTP %3 from %4%5; %6.")
            .arg(ask.server, ask.what, QString::number(r.httpStatus), url,
                 excerpt.isEmpty() ? QString() : QStringLiteral(": ") + excerpt,
                 advice.isEmpty() ? httpHint(r.httpStatus) : advice);
    }
    case HttpResult::Status::NetworkError:
        return networkWords(r, ask, url);
    }
    return {};
}

HttpJob::HttpJob(QNetworkAccessManager *network, QNetworkRequest request, HttpAsk ask,
                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(std::move(request))
    , m_ask(std::move(ask))
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] { stop(Abort::Deadline); });
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpJob::setMethod(const QByteArray &method, const QByteArray &body)
{
    m_method = method;
    m_requestBody = body;
}

void HttpJob::setStreaming(qint64 lineCap)
{
    m_streaming = true;
    m_lineCap = lineCap;
}

void HttpJob::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_network) {
        // Still asynchronous, as every other ending.
        QTimer::singleShot(0, this, [this] {
            if (m_abort != Abort::None)
                return;
            HttpResult r;
            r.url = m_request.url();
            r.streaming = m_streaming;
            r.networkError = QNetworkReply::UnknownNetworkError;
            r.networkErrorString = tr("no network access");
            finish(std::move(r));
        });
        return;
    }
    QNetworkRequest request = m_request;
    request.setTransferTimeout(int(m_inactivity.count()));
    QNetworkReply *reply = (m_method == "GET" && m_requestBody.isEmpty())
                               ? m_network->get(request)
                               : m_network->sendCustomRequest(request, m_method, m_requestBody);
    // Qt's HTTP thread reads from the socket as fast as the network goes and
    // queues it all for this thread unless told not to: a server sending a
    // gigabyte would fill memory faster than the cap is checked. With a read
    // buffer it stops reading while this much waits (TCP then slows the
    // server down), so the caps bound memory, not only what is kept.
    reply->setReadBufferSize(kReadBuffer);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &HttpJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpJob::onFinished);
    if (m_deadline.count() > 0)
        m_deadlineTimer.start(m_deadline);
}

void HttpJob::abort()
{
    stop(Abort::Cancelled);
}

void HttpJob::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_abort != Abort::None)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_streaming || status < 200 || status >= 300) {
        // An error body of a stream is kept whole, as any other body.
        if (!m_lengthSeen) {
            m_lengthSeen = true;
            // A body announced larger than the cap is refused before it is
            // read; one within it gets its room at once, not by doubling
            // (each doubling copies, for a while twice the body in memory).
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            if (length.isValid() && length.toLongLong() > m_bodyCap) {
                stop(Abort::TooLarge);
                return;
            }
            if (length.isValid() && length.toLongLong() > 0)
                m_buffer.reserve(qsizetype(length.toLongLong()));
        }
        m_buffer += reply->readAll();
        if (m_buffer.size() > m_bodyCap)
            stop(Abort::TooLarge);
        return;
    }
    readStream(reply, kStreamSlice);
    if (m_reply && m_abort == Abort::None && reply->bytesAvailable() > 0 && !m_sliceQueued) {
        m_sliceQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_sliceQueued = false;
            onReadyRead();
        });
    }
}

void HttpJob::readStream(QNetworkReply *reply, qint64 most)
{
    // A line longer than a slice gets the room for the longest line allowed
    // (up to 8 MiB) once, instead of doubling its way there (each doubling
    // copies it).
    const qint64 room = qMin(m_lineCap, kDefaultBodyCap) + most;
    if (m_buffer.size() + most > kStreamSlice && m_buffer.capacity() < room)
        m_buffer.reserve(qsizetype(room));
    m_buffer += reply->read(most);
    qsizetype from = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', from)) {
        if (end - from > m_lineCap) {
            m_buffer.clear();
            stop(Abort::TooLarge);
            return;
        }
        const QByteArray line = m_buffer.mid(from, end - from);
        from = end + 1;
        Q_EMIT lineReceived(line);
        if (m_abort != Abort::None)
            return; // the receiver ended the job
    }
    m_buffer.remove(0, from);
    if (m_buffer.size() > m_lineCap) {
        m_buffer.clear();
        stop(Abort::TooLarge);
        return;
    }
    if (m_buffer.capacity() > 2 * kStreamSlice && m_buffer.size() < kStreamSlice)
        m_buffer.squeeze(); // the long line has passed
}

void HttpJob::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_abort != Abort::None)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_streaming && status >= 200 && status < 300) {
        while (reply->isOpen() && reply->bytesAvailable() > 0 && m_abort == Abort::None)
            readStream(reply, kStreamSlice);
    } else if (reply->isOpen() && reply->bytesAvailable() > 0) {
        onReadyRead();
    }
    if (m_abort != Abort::None)
        return; // cut off while reading the rest
    m_reply = nullptr;
    m_deadlineTimer.stop();
    reply->disconnect(this);
    reply->deleteLater();

    HttpResult r;
    r.url = reply->url();
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.networkError = reply->error();
    r.networkErrorString = reply->errorString();
    r.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    r.streaming = m_streaming;
    const bool streamed = m_streaming && r.httpStatus >= 200 && r.httpStatus < 300;
    if (r.networkError == QNetworkReply::OperationCanceledError) {
        // Nobody else aborts this reply: Qt's transfer timeout did.
        r.status = HttpResult::Status::InactivityTimeout;
        r.timedOut = true;
        r.limit = m_inactivity;
    } else if (r.networkError == QNetworkReply::NoError) {
        r.status = HttpResult::Status::Ok;
    } else if (r.httpStatus >= 400) {
        r.status = HttpResult::Status::HttpError;
    } else {
        r.status = HttpResult::Status::NetworkError;
    }
    if (streamed) {
        if (!m_buffer.isEmpty() && r.status == HttpResult::Status::Ok) {
            const QByteArray last = std::exchange(m_buffer, {});
            Q_EMIT lineReceived(last);
            if (m_abort != Abort::None)
                return;
        }
    } else {
        r.body = std::exchange(m_buffer, {});
    }
    finish(std::move(r));
}

void HttpJob::stop(Abort reason)
{
    if (m_abort != Abort::None || m_done)
        return;
    m_abort = reason;
    m_deadlineTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    HttpResult r;
    r.url = m_request.url();
    r.streaming = m_streaming;
    if (reply) {
        r.url = reply->url();
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_buffer.clear();
    switch (reason) {
    case Abort::Cancelled:
    case Abort::None:
        deleteLater();
        return;
    case Abort::Deadline:
        r.status = HttpResult::Status::DeadlineExceeded;
        r.timedOut = true;
        r.limit = m_deadline;
        break;
    case Abort::TooLarge:
        r.status = HttpResult::Status::TooLarge;
        r.capBytes =
            m_streaming && r.httpStatus >= 200 && r.httpStatus < 300 ? m_lineCap : m_bodyCap;
        break;
    }
    r.networkError = QNetworkReply::OperationCanceledError;
    finish(std::move(r));
}

void HttpJob::finish(HttpResult result)
{
    m_done = true;
    result.receivedAt = QDateTime::currentDateTimeUtc();
    result.errorText = describeHttpFailure(result, m_ask);
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace labdeck
