#include "kube/kubeactions.h"

#include "kube/kubesession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace labdeck::kube {

KubeAction::KubeAction(QString title, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
{
    m_elapsed.start();
}

void KubeAction::cancel()
{
    if (m_state != State::Running)
        return;
    if (m_call)
        m_call->abort();
    finish(State::Cancelled, tr("stopped following; the change already sent stays in effect"));
}

void KubeAction::finish(State state, const QString &message)
{
    if (m_state != State::Running)
        return;
    m_poll.stop();
    m_state = state;
    m_message = message;
    m_finalMs = m_elapsed.elapsed();
    m_elapsed.invalidate();
    Q_EMIT finished(state, message);
}

void KubeAction::setProgress(const QString &text, int done, int total)
{
    m_message = text;
    Q_EMIT progress(text, done, total);
}

KubeActions::KubeActions(KubeClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QString KubeActions::restartTimestamp(const QDateTime &now)
{
    const QDateTime seconds = now.addMSecs(-now.time().msec());
    if (seconds.offsetFromUtc() == 0)
        return seconds.toUTC().toString(Qt::ISODate);
    return seconds.toOffsetFromUtc(seconds.offsetFromUtc()).toString(Qt::ISODate);
}

KubeAction *KubeActions::start(const QString &title, const QByteArray &method, const QString &path,
                               const QJsonObject &body, const QByteArray &contentType)
{
    auto *action = new KubeAction(title, this);
    const QByteArray json =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    action->m_request = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path);
    if (!contentType.isEmpty())
        action->m_request += QStringLiteral(" (%1) %2")
                                 .arg(QString::fromLatin1(contentType), QString::fromUtf8(json));
    Q_EMIT actionStarted(action);
    if (!m_client) {
        QTimer::singleShot(0, action, [action] {
            action->finish(KubeAction::State::Failed, tr("not connected to a cluster"));
        });
        return action;
    }
    // A query given with the path ("...?fieldManager=labdeck") goes in the query.
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    action->m_call =
        m_client->send(method, q < 0 ? path : path.left(q),
                       q < 0 ? QUrlQuery() : QUrlQuery(path.mid(q + 1)), json, contentType);
    return action;
}

KubeAction *KubeActions::restart(const QString &kind, const QString &ns, const QString &name)
{
    const auto resource = workloadResource(kind);
    const QString path = resource ? objectPath(*resource, ns, name) : QString();
    const QJsonObject patch{
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("template"),
              QJsonObject{
                  {QStringLiteral("metadata"),
                   QJsonObject{{QStringLiteral("annotations"),
                                QJsonObject{{QStringLiteral("kubectl.kubernetes.io/restartedAt"),
                                             restartTimestamp()}}}}}}}}}};
    KubeAction *action = start(tr("Restart %1 %2 in %3").arg(kind, name, ns), "PATCH",
                               path + QStringLiteral("?fieldManager=labdeck"), patch,
                               "application/strategic-merge-patch+json");
    if (!resource) {
        QTimer::singleShot(0, action, [action, kind] {
            action->finish(KubeAction::State::Failed,
                           tr("restarting a %1 is not supported").arg(kind));
        });
        return action;
    }
    if (action->m_call) {
        connect(
            action->m_call, &KubeCall::finished, action,
            [this, action, path, ns, name](const KubeResponse &r) {
                if (!r.ok()) {
                    action->finish(KubeAction::State::Failed, r.errorText);
                    return;
                }
                const WorkloadInfo w = parseWorkload(r.json, QString());
                if (w.updateStrategy == QLatin1String("OnDelete")) {
                    action->finish(
                        KubeAction::State::Succeeded,
                        tr("template updated; with updateStrategy OnDelete the pods are replaced "
                           "only when you delete them"));
                    return;
                }
                followRollout(action, path, w.generation);
            });
    }
    return action;
}

KubeAction *KubeActions::scale(const QString &kind, const QString &ns, const QString &name,
                               int replicas)
{
    const auto resource = workloadResource(kind);
    const QString path = resource ? objectPath(*resource, ns, name) : QString();
    KubeAction *action = start(
        tr("Scale %1 %2 in %3 to %4").arg(kind, name, ns).arg(replicas), "PATCH",
        path + QStringLiteral("/scale"),
        QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}}},
        "application/merge-patch+json");
    if (!resource || kind == QLatin1String("DaemonSet")) {
        if (action->m_call)
            action->m_call->abort();
        QTimer::singleShot(0, action, [action, kind] {
            action->finish(KubeAction::State::Failed, tr("a %1 cannot be scaled").arg(kind));
        });
        return action;
    }
    connect(action->m_call, &KubeCall::finished, action,
            [this, action, path](const KubeResponse &r) {
                if (!r.ok()) {
                    action->finish(KubeAction::State::Failed, r.errorText);
                    return;
                }
                followRollout(action, path, 0);
            });
    return action;
}

KubeAction *KubeActions::deletePod(const QString &ns, const QString &name)
{
    KubeAction *action = start(tr("Delete pod %1 in %2").arg(name, ns), "DELETE",
                               objectPath(Resource::Pods, ns, name), {}, {});
    if (action->m_call) {
        connect(action->m_call, &KubeCall::finished, action, [action](const KubeResponse &r) {
            if (!r.ok())
                action->finish(KubeAction::State::Failed, r.errorText);
            else
                action->finish(KubeAction::State::Succeeded,
                               tr("deleted; its controller, if it has one, starts a replacement"));
        });
    }
    return action;
}

KubeAction *KubeActions::setCordoned(const QString &node, bool cordoned)
{
    KubeAction *action =
        start(cordoned ? tr("Cordon node %1").arg(node) : tr("Uncordon node %1").arg(node), "PATCH",
              objectPath(Resource::Nodes, {}, node),
              QJsonObject{{QStringLiteral("spec"),
                           QJsonObject{{QStringLiteral("unschedulable"), cordoned}}}},
              "application/strategic-merge-patch+json");
    if (action->m_call) {
        connect(action->m_call, &KubeCall::finished, action,
                [action, cordoned](const KubeResponse &r) {
                    if (!r.ok())
                        action->finish(KubeAction::State::Failed, r.errorText);
                    else
                        action->finish(
                            KubeAction::State::Succeeded,
                            cordoned ? tr("no new pods will be scheduled on it; running pods stay")
                                     : tr("new pods may be scheduled on it again"));
                });
    }
    return action;
}

KubeAction *KubeActions::followRollout(const QString &kind, const QString &ns, const QString &name)
{
    const auto resource = workloadResource(kind);
    const QString path = resource ? objectPath(*resource, ns, name) : QString();
    auto *action = new KubeAction(tr("Rollout of %1 %2 in %3").arg(kind, name, ns), this);
    action->m_request = QStringLiteral("GET %1 (following the rollout)").arg(path);
    Q_EMIT actionStarted(action);
    if (!resource || !m_client) {
        QTimer::singleShot(0, action, [action, kind] {
            action->finish(KubeAction::State::Failed,
                           tr("cannot follow the rollout of a %1").arg(kind));
        });
        return action;
    }
    followRollout(action, path, 0);
    return action;
}

void KubeActions::followRollout(KubeAction *action, const QString &path, qint64 minGeneration)
{
    auto deadline = std::make_shared<QElapsedTimer>();
    deadline->start();
    action->m_poll.setInterval(int(m_pollInterval.count()));
    auto poll = [this, action, path, minGeneration, deadline] {
        if (action->m_state != KubeAction::State::Running || action->m_call || !m_client)
            return;
        action->m_call = m_client->get(path, {}, std::chrono::seconds(15));
        connect(
            action->m_call, &KubeCall::finished, action,
            [this, action, minGeneration, deadline](const KubeResponse &r) {
                action->m_call = nullptr;
                if (!r.ok()) {
                    // A transient error while following: keep trying until the deadline.
                    action->setProgress(tr("waiting: %1").arg(r.errorText), 0, 0);
                } else {
                    const WorkloadInfo w = parseWorkload(r.json, QString());
                    const QString failure = w.rolloutFailure();
                    if (!failure.isEmpty()) {
                        explainFailure(action, w.ns, w.name, failure);
                        return;
                    }
                    const bool seen = w.observedGeneration >= qMax(minGeneration, w.generation);
                    if (seen && w.rolloutComplete()) {
                        action->finish(
                            KubeAction::State::Succeeded,
                            tr("%1 of %2 replicas updated and ready").arg(w.ready).arg(w.desired));
                        return;
                    }
                    action->setProgress(
                        tr("%1 of %2 updated, %3 ready").arg(w.updated).arg(w.desired).arg(w.ready),
                        qMin(w.updated, w.ready), w.desired);
                    if (std::chrono::milliseconds(deadline->elapsed()) > m_rolloutTimeout) {
                        explainFailure(action, w.ns, w.name,
                                       tr("the rollout did not settle within %1 s")
                                           .arg(m_rolloutTimeout.count() / 1000));
                        return;
                    }
                }
            });
    };
    connect(&action->m_poll, &QTimer::timeout, action, poll);
    action->m_poll.start();
    poll();
}

void KubeActions::explainFailure(KubeAction *action, const QString &ns, const QString &name,
                                 const QString &why)
{
    // Add the pods' warning events, which usually say why (image pull, probes, scheduling).
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("fieldSelector"), QStringLiteral("type=Warning"));
    action->m_call = m_client->get(QStringLiteral("/api/v1/namespaces/%1/events").arg(ns), q,
                                   std::chrono::seconds(10));
    connect(
        action->m_call, &KubeCall::finished, action, [action, name, why](const KubeResponse &r) {
            QStringList reasons;
            const QJsonArray items = r.json.value(QLatin1String("items")).toArray();
            for (const QJsonValue &v : items) {
                const EventInfo e = parseEvent(v.toObject());
                if (e.type == QLatin1String("Warning") && e.objectName.startsWith(name))
                    reasons << QStringLiteral("%1 %2: %3").arg(e.objectName, e.reason, e.message);
            }
            QString message = why;
            if (!reasons.isEmpty())
                message += QLatin1Char('\n') +
                           reasons.mid(qMax(0, int(reasons.size()) - 5)).join(QLatin1Char('\n'));
            action->finish(KubeAction::State::Failed, message);
        });
}

} // namespace labdeck::kube
