#pragma once

#include "kube/kubeclient.h"
#include "kube/kubeobjects.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace labdeck::kube {

// One action the user started (restart, scale, delete, cordon): the exact
// request, its progress and its outcome, for the Activity pane. Finishes
// once; cancel() stops following a rollout (the change already sent stays).
class KubeAction final : public QObject
{
    Q_OBJECT
public:
    enum class State { Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString request() const { return m_request; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] qint64 elapsedMs() const
    {
        return m_elapsed.isValid() ? m_elapsed.elapsed() : m_finalMs;
    }
    void cancel();

Q_SIGNALS:
    // done/total: replicas updated and ready of those desired (0/0 when not a rollout).
    void progress(const QString &text, int done, int total);
    void finished(labdeck::kube::KubeAction::State state, const QString &message);

private:
    friend class KubeActions;
    friend class ManifestApplier; // records applies in Activity
    explicit KubeAction(QString title, QObject *parent);
    void finish(State state, const QString &message);
    void setProgress(const QString &text, int done, int total);

    QString m_title;
    QString m_request;
    State m_state = State::Running;
    QString m_message;
    QElapsedTimer m_elapsed;
    qint64 m_finalMs = 0;
    QTimer m_poll;
    QPointer<KubeCall> m_call;
};

// Changes to the cluster, done as kubectl does them. UI thread.
class KubeActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeActions)
public:
    explicit KubeActions(KubeClient *client, QObject *parent = nullptr);

    // How long a rollout may take before the action reports failure.
    void setRolloutTimeout(std::chrono::milliseconds timeout) { m_rolloutTimeout = timeout; }
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    // kubectl rollout restart: a strategic merge patch setting
    // spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"],
    // then follows the rollout until it settles or fails.
    KubeAction *restart(const QString &kind, const QString &ns, const QString &name);
    // kubectl scale: a merge patch of the scale subresource, then follows.
    KubeAction *scale(const QString &kind, const QString &ns, const QString &name, int replicas);
    KubeAction *deletePod(const QString &ns, const QString &name);
    // kubectl cordon / uncordon: spec.unschedulable.
    KubeAction *setCordoned(const QString &node, bool cordoned);
    // Only follows a rollout (after an apply) until it settles or fails;
    // a failure carries the pods' warning events.
    KubeAction *followRollout(const QString &kind, const QString &ns, const QString &name);

    // The restartedAt value kubectl writes: local time, seconds, numeric
    // offset (or Z in UTC).
    [[nodiscard]] static QString
    restartTimestamp(const QDateTime &now = QDateTime::currentDateTime());

Q_SIGNALS:
    void actionStarted(labdeck::kube::KubeAction *action);

private:
    KubeAction *start(const QString &title, const QByteArray &method, const QString &path,
                      const QJsonObject &body, const QByteArray &contentType);
    void followRollout(KubeAction *action, const QString &path, qint64 minGeneration);
    void explainFailure(KubeAction *action, const QString &ns, const QString &name,
                        const QString &why);

    QPointer<KubeClient> m_client;
    std::chrono::milliseconds m_rolloutTimeout{std::chrono::minutes(10)};
    std::chrono::milliseconds m_pollInterval{std::chrono::seconds(1)};
};

} // namespace labdeck::kube
