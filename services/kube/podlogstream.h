#pragma once

#include "kube/kubeclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace labdeck::kube {

// The log of one pod container: the last N lines, then (follow) new lines as
// they come. Lines are handed out in batches at most every 100 ms so a fast
// log does not flood the UI. UI thread.
class PodLogStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodLogStream)
public:
    struct Options
    {
        QString container;   // empty: the only container
        int tailLines = 500; // 0: the whole log
        bool follow = true;
        bool timestamps = false;
        bool previous = false;
    };

    PodLogStream(KubeClient *client, QString ns, QString pod, Options options,
                 QObject *parent = nullptr);
    ~PodLogStream() override;

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_call != nullptr; }
    [[nodiscard]] qint64 lineCount() const { return m_lineCount; }

Q_SIGNALS:
    void lines(const QStringList &batch);
    // The stream ended: error is empty when the server closed it normally.
    void ended(const QString &error);

private:
    void onData(const QByteArray &bytes);
    void flush();

    QPointer<KubeClient> m_client;
    QString m_ns;
    QString m_pod;
    Options m_options;
    QPointer<KubeCall> m_call;
    QByteArray m_partial;
    QStringList m_batch;
    QTimer m_flush;
    qint64 m_lineCount = 0;
};

} // namespace labdeck::kube
