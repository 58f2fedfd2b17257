#include "kube/reflector.h"

#include "kube/kubeclient.h"
#include "kube/logging_p.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace labdeck::kube {

namespace {
constexpr auto kHealthyReset = std::chrono::minutes(2);
}

Reflector::Reflector(KubeClient *client, QString path, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(path))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_relistAfterBackoff || m_resourceVersion.isEmpty())
            relist();
        else
            watch();
    });
}

Reflector::~Reflector()
{
    // No signals from a destructor: whoever listens may be gone already.
    m_running = false;
    m_retry.stop();
    if (m_call)
        m_call->abort();
}

void Reflector::setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds max)
{
    m_backoffInitial = initial;
    m_backoffMax = max;
}

void Reflector::setWatchTimeout(std::chrono::seconds min, std::chrono::seconds max)
{
    m_watchMin = min;
    m_watchMax = max;
}

std::chrono::milliseconds Reflector::currentBackoff() const
{
    qint64 ms = m_backoffInitial.count();
    for (int i = 1; i < m_failures && ms < m_backoffMax.count(); ++i)
        ms *= 2;
    return std::chrono::milliseconds(qMin(ms, qint64(m_backoffMax.count())));
}

void Reflector::setState(State s, const QString &detail)
{
    m_state = s;
    Q_EMIT stateChanged(s, detail);
}

QDateTime Reflector::nextTry() const
{
    return m_state == State::Backoff ? m_nextTry : QDateTime();
}

void Reflector::retryNow()
{
    if (!m_running || m_state != State::Backoff)
        return;
    m_retry.stop();
    m_failures = 0;
    relist();
}

void Reflector::noteFailure(const KubeResponse &r, const QString &verb)
{
    m_lastHttpStatus = r.httpStatus;
    m_lastStatusMessage = r.error ? r.error->message : QString();
    m_lastVerb = verb;
}

void Reflector::start()
{
    if (m_running)
        return;
    m_running = true;
    relist();
}

void Reflector::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    if (m_state != State::Idle)
        setState(State::Idle);
}

void Reflector::relist()
{
    if (!m_running || !m_client)
        return;
    m_relistAfterBackoff = false;
    m_retry.stop();
    // One request at a time: a LIST or watch still running would hand out
    // pages or events into this list.
    if (m_call)
        m_call->abort();
    m_call = nullptr;
    m_listedItems = 0;
    setState(State::Listing);
    Q_EMIT listStarted();
    requestPage(QString());
}

void Reflector::requestPage(const QString &continueToken)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!continueToken.isEmpty())
        q.addQueryItem(QStringLiteral("continue"), continueToken);
    m_call = m_client->get(m_path, q, std::chrono::seconds(60));
    connect(m_call, &KubeCall::finished, this, &Reflector::onPage);
}

void Reflector::onPage(const KubeResponse &r)
{
    m_call = nullptr;
    if (!r.ok()) {
        // An expired continue token: start the list over, right away.
        if (r.error && r.error->isExpired()) {
            relist(); // listStarted() again: consumers drop the partial pages
            return;
        }
        noteFailure(r, QStringLiteral("list"));
        fail(r.errorText, r.retryAfterSeconds, true);
        return;
    }
    m_lastHttpStatus = 0;
    m_lastStatusMessage.clear();
    const QJsonArray items = r.json.value(QLatin1String("items")).toArray();
    QList<QJsonObject> page;
    page.reserve(items.size());
    for (const QJsonValue &v : items)
        page << v.toObject();
    m_listedItems += int(page.size());
    if (!page.isEmpty())
        Q_EMIT listPage(page);
    const QJsonObject meta = r.json.value(QLatin1String("metadata")).toObject();
    const QString next = meta.value(QLatin1String("continue")).toString();
    if (!next.isEmpty()) {
        requestPage(next);
        return;
    }
    ++m_lists;
    m_resourceVersion = meta.value(QLatin1String("resourceVersion")).toString();
    m_lastSync = QDateTime::currentDateTimeUtc();
    m_lastError.clear();
    Q_EMIT listed(m_resourceVersion, m_listedItems);
    watch();
}

void Reflector::watch()
{
    if (!m_running || !m_client)
        return;
    const auto timeout = QRandomGenerator::global()->bounded(qint64(m_watchMin.count()),
                                                             qint64(m_watchMax.count()) + 1);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("resourceVersion"), m_resourceVersion);
    if (m_bookmarks)
        q.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeout));
    m_parser.reset(); // a partial line of an earlier stream is not an event
    ++m_watches;
    // A watch may be silent between events; allow its whole length plus a margin.
    m_call = m_client->stream(m_path, q, std::chrono::seconds(timeout + 30));
    // The server ends the watch after timeoutSeconds. One that goes on past
    // that by a margin (30 s, less for a short watch), a byte now and then
    // keeping the silence short, is cut and resumed from the last
    // resourceVersion.
    m_call->setDeadline(std::chrono::seconds(timeout + qMin<qint64>(timeout, 30)));
    connect(m_call, &KubeCall::data, this, &Reflector::onWatchData);
    connect(m_call, &KubeCall::finished, this, &Reflector::onWatchEnd);
    if (!m_healthySince.isValid())
        m_healthySince.start();
    setState(State::Watching);
}

void Reflector::onWatchData(const QByteArray &bytes)
{
    m_parser.append(bytes);
    if (!m_sliceScheduled) {
        m_sliceScheduled = true;
        QMetaObject::invokeMethod(this, &Reflector::processWatchSlice, Qt::QueuedConnection);
    }
}

void Reflector::processWatchSlice()
{
    m_sliceScheduled = false;
    // A burst of thousands of events is applied a slice at a time, with the
    // event loop running in between (input and paint stay smooth): parse for
    // about 8 ms, hand the batch out, come back later for the rest.
    constexpr int kStep = 25;
    constexpr qint64 kBudgetMs = 8;
    QElapsedTimer budget;
    budget.start();
    QList<WatchEvent> parsed;
    while (budget.elapsed() < kBudgetMs && parsed.size() < 2000) {
        const QList<WatchEvent> step = m_parser.take(kStep);
        if (step.isEmpty())
            break;
        parsed << step;
    }
    QList<WatchEvent> batch;
    batch.reserve(parsed.size());
    for (const WatchEvent &e : parsed) {
        if (e.type == WatchEvent::Type::Error) {
            const auto status = KubeStatus::fromJson(e.object);
            if (m_call) {
                m_call->abort();
                m_call = nullptr;
            }
            m_parser.reset();
            if (!batch.isEmpty())
                Q_EMIT events(batch);
            if (status && status->isExpired()) {
                // Too old: the history we resume from is gone. List again now.
                qCInfo(lcKube).noquote() << m_path << "watch expired:" << status->message;
                relist();
            } else {
                m_lastHttpStatus = status ? status->code : 0;
                m_lastStatusMessage = status ? status->message : QString();
                m_lastVerb = QStringLiteral("watch");
                fail(status ? status->toText() : tr("watch error"), 0, false);
            }
            return;
        }
        const QString rv = e.resourceVersion();
        if (!rv.isEmpty())
            m_resourceVersion = rv;
        if (e.type != WatchEvent::Type::Bookmark)
            batch << e;
    }
    m_lastSync = QDateTime::currentDateTimeUtc();
    if (!batch.isEmpty())
        Q_EMIT events(batch);
    if (m_parser.hasCompleteLine() && !m_sliceScheduled) {
        m_sliceScheduled = true;
        QMetaObject::invokeMethod(this, &Reflector::processWatchSlice, Qt::QueuedConnection);
    }
}

void Reflector::onWatchEnd(const KubeResponse &r)
{
    m_call = nullptr;
    if (!m_running)
        return;
    // Events still wait to be applied: apply them before resuming, so the
    // resourceVersion is the last one received. An ERROR among them (410
    // Expired: a relist) decides what comes next, in whichever slice it is.
    while (m_parser.hasCompleteLine()) {
        processWatchSlice();
        if (m_call || m_state != State::Watching)
            return;
    }
    if (r.ok()) {
        // The server closed the watch (its timeout): resume where we were.
        m_lastSync = QDateTime::currentDateTimeUtc();
        watch();
        return;
    }
    if (r.error && r.error->isExpired()) {
        relist();
        return;
    }
    noteFailure(r, QStringLiteral("watch"));
    fail(r.errorText, r.retryAfterSeconds, false);
}

void Reflector::fail(const QString &error, int retryAfterSeconds, bool relistNext)
{
    if (!m_running)
        return;
    if (m_healthySince.isValid() &&
        std::chrono::milliseconds(m_healthySince.elapsed()) >= kHealthyReset)
        m_failures = 0;
    m_healthySince.invalidate();
    ++m_failures;
    m_lastError = error;
    m_relistAfterBackoff = relistNext || m_resourceVersion.isEmpty();
    // Permission and existence do not change by retrying fast: wait the
    // longest backoff at once (F5 or retryNow() tries again earlier).
    const bool lasting = m_lastHttpStatus == 403 || m_lastHttpStatus == 404;
    qint64 delay = lasting ? qint64(m_backoffMax.count()) : currentBackoff().count();
    // Jitter up to +100 %, capped, as client-go does.
    delay += qint64(QRandomGenerator::global()->generateDouble() * double(delay));
    delay = qMin(delay, qint64(m_backoffMax.count()));
    delay = qMax(delay, qint64(retryAfterSeconds) * 1000);
    m_nextTry = QDateTime::currentDateTimeUtc().addMSecs(delay);
    setState(State::Backoff,
             tr("%1; retrying in %2 s").arg(error).arg(double(delay) / 1000.0, 0, 'f', 1));
    m_retry.start(int(delay));
}

} // namespace labdeck::kube
