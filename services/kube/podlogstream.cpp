#include "kube/podlogstream.h"

#include "kube/kubeclient.h"

#include <QUrlQuery>

namespace labdeck::kube {

PodLogStream::PodLogStream(KubeClient *client, QString ns, QString pod, Options options,
                           QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_pod(std::move(pod))
    , m_options(std::move(options))
{
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &PodLogStream::flush);
}

PodLogStream::~PodLogStream()
{
    stop();
}

void PodLogStream::start()
{
    stop();
    if (!m_client)
        return;
    QUrlQuery q;
    if (!m_options.container.isEmpty())
        q.addQueryItem(QStringLiteral("container"), m_options.container);
    if (m_options.tailLines > 0)
        q.addQueryItem(QStringLiteral("tailLines"), QString::number(m_options.tailLines));
    if (m_options.follow)
        q.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
    if (m_options.timestamps)
        q.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    if (m_options.previous)
        q.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(m_ns, m_pod);
    // A followed log may be quiet for long; allow 10 minutes of silence.
    m_call = m_client->stream(
        path, q, m_options.follow ? std::chrono::minutes(10) : std::chrono::minutes(1));
    connect(m_call, &KubeCall::data, this, &PodLogStream::onData);
    connect(m_call, &KubeCall::finished, this, [this](const KubeResponse &r) {
        m_call = nullptr;
        if (!m_partial.isEmpty())
            m_batch << QString::fromUtf8(std::exchange(m_partial, {}));
        flush();
        m_flush.stop();
        Q_EMIT ended(r.errorText);
    });
    m_flush.start();
}

void PodLogStream::stop()
{
    if (m_call) {
        m_call->abort();
        m_call = nullptr;
    }
    flush();
    m_flush.stop();
}

void PodLogStream::onData(const QByteArray &bytes)
{
    m_partial += bytes;
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = m_partial.indexOf('\n', start);
        if (nl < 0)
            break;
        qsizetype end = nl;
        if (end > start && m_partial.at(end - 1) == '\r')
            --end;
        m_batch << QString::fromUtf8(m_partial.constData() + start, end - start);
        start = nl + 1;
    }
    m_partial.remove(0, start);
}

void PodLogStream::flush()
{
    if (m_batch.isEmpty())
        return;
    m_lineCount += m_batch.size();
    Q_EMIT lines(std::exchange(m_batch, {}));
}

} // namespace labdeck::kube
