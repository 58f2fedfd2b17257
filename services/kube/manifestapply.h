#pragma once

#include "kube/kubeactions.h"
#include "kube/kubeclient.h"
#include "manifests/servicespec.h"
#include "manifests/writeplan.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

namespace labdeck::kube {

// One object to send as a server-side apply.
struct ApplyTarget
{
    QString apiVersion;
    QString kind;
    QString ns; // empty: cluster-scoped, or "default" for a namespaced kind
    QString name;
    QByteArray body;   // YAML or JSON, sent as application/apply-patch+yaml
    QString shownBody; // what Activity shows: the body with secret data redacted
    QString source;    // "apps/hello.yaml:1", may be empty

    [[nodiscard]] QString title() const; // "Deployment apps/hello"
};

// The wizard's objects as apply targets (the Secret's shown body redacted).
[[nodiscard]] QList<ApplyTarget> applyTargets(const QList<manifests::Manifest> &manifests);
// A folder's documents as apply targets, in their order; documents with an
// error are left out (the caller shows them).
[[nodiscard]] QList<ApplyTarget> applyTargets(const QList<manifests::FolderDocument> &documents);

// The API path of an object of a kind Labdeck applies (Namespace, Secret,
// ConfigMap, PersistentVolume(Claim), Service, Deployment, StatefulSet,
// DaemonSet, ServiceAccount); empty with *error for other kinds.
[[nodiscard]] QString applyPath(const QString &apiVersion, const QString &kind, const QString &ns,
                                const QString &name, QString *error = nullptr);

// A field owned by another manager with another value.
struct ApplyConflict
{
    QString field;   // ".spec.replicas"
    QString manager; // "kubectl" (the quoted name from the Status, unquoted)
    QString message; // the Status cause's own words
};

struct ApplyResult
{
    enum class Outcome {
        Pending,
        Created,    // created (dry run: would be created)
        Configured, // changed
        Unchanged,
        Conflict, // nothing applied: conflicts lists the fields and managers
        Failed,
        Skipped, // cancelled before it was sent
    };
    Outcome outcome = Outcome::Pending;
    QString message;                // why it failed, or a note
    QList<ApplyConflict> conflicts; // Conflict only
    QString diff;       // unified diff, live -> applied (YAML, status and server fields left out)
    QJsonObject object; // what the server answered

    [[nodiscard]] bool ok() const
    {
        return outcome == Outcome::Created || outcome == Outcome::Configured ||
               outcome == Outcome::Unchanged;
    }
};

class ApplyText
{
    Q_DECLARE_TR_FUNCTIONS(ApplyText)
public:
    // "created", "configured", "unchanged", "conflict", ... ("would be created" for dry runs).
    [[nodiscard]] static QString outcome(ApplyResult::Outcome outcome, bool dryRun);
};

// One apply (or dry run) of a list of objects, one after the other in the
// given order. Emits objectFinished per object, then finished once.
class ApplyRun final : public QObject
{
    Q_OBJECT
public:
    enum class Mode { DryRun, Apply, ForceApply };

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] bool isDryRun() const { return m_mode == Mode::DryRun; }
    [[nodiscard]] const QList<ApplyTarget> &targets() const { return m_targets; }
    [[nodiscard]] const QList<ApplyResult> &results() const { return m_results; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] int count(ApplyResult::Outcome outcome) const;
    [[nodiscard]] bool allOk() const;
    // Every conflict of the run, each with the object it belongs to.
    [[nodiscard]] QList<QPair<QString, ApplyConflict>> conflicts() const;
    // Stops after the object in flight; the rest are Skipped.
    void cancel();

Q_SIGNALS:
    void objectFinished(int index, const labdeck::kube::ApplyResult &result);
    void finished();

private:
    friend class ManifestApplier;
    explicit ApplyRun(QObject *parent)
        : QObject(parent)
    {}
    Mode m_mode = Mode::DryRun;
    QList<ApplyTarget> m_targets;
    QList<ApplyResult> m_results;
    int m_next = 0;
    bool m_finished = false;
    bool m_cancelled = false;
    QPointer<KubeCall> m_call;
    QPointer<KubeAction> m_action; // the Activity entry (not for dry runs)
};

// Server-side apply with field manager "labdeck": dry runs with a diff
// against the live objects, applies, forced applies, and following the
// rollouts of what was applied. UI thread.
class ManifestApplier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestApplier)
public:
    static constexpr QLatin1String fieldManager{"labdeck"};

    // actions: where applies are recorded for Activity and rollouts followed
    // (may be nullptr: no Activity, no rollouts).
    ManifestApplier(KubeClient *client, KubeActions *actions, QObject *parent = nullptr);
    // Runs still going stop; their Activity entries say so.
    ~ManifestApplier() override;

    // Starts a run; the run is owned by the applier and deleted with it.
    ApplyRun *run(const QList<ApplyTarget> &targets, ApplyRun::Mode mode);
    // Follows the rollout of every workload the run created or configured.
    QList<KubeAction *> followRollouts(const ApplyRun *run);

    // The YAML of an object without what the server adds (status,
    // managedFields, uid, resourceVersion, timestamps, generation), for diffs.
    [[nodiscard]] static QString comparableYaml(const QJsonObject &object);
    // Reads a conflict Status into its fields and managers.
    [[nodiscard]] static QList<ApplyConflict> conflictsOf(const KubeStatus &status);

private:
    void step(ApplyRun *run);
    void sendApply(ApplyRun *run, const QString &path, const QJsonObject &live);
    void finishObject(ApplyRun *run, ApplyResult result);

    QPointer<KubeClient> m_client;
    QPointer<KubeActions> m_actions;
};

} // namespace labdeck::kube
