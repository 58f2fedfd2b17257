#include "kube/manifestapply.h"

#include "common/kubenames.h"
#include "common/visibletext.h"
#include "manifests/writeplan.h"
#include "manifests/yamltree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace labdeck::kube {

namespace {

struct KindInfo
{
    const char *group; // "" for the core API
    const char *kind;
    const char *plural;
    bool namespaced;
};

constexpr KindInfo kKinds[] = {
    {"", "Namespace", "namespaces", false},
    {"", "PersistentVolume", "persistentvolumes", false},
    {"", "PersistentVolumeClaim", "persistentvolumeclaims", true},
    {"", "Secret", "secrets", true},
    {"", "ConfigMap", "configmaps", true},
    {"", "Service", "services", true},
    {"", "ServiceAccount", "serviceaccounts", true},
    {"apps", "Deployment", "deployments", true},
    {"apps", "StatefulSet", "statefulsets", true},
    {"apps", "DaemonSet", "daemonsets", true},
};

bool isWorkload(const QString &kind)
{
    return kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet") ||
           kind == QLatin1String("DaemonSet");
}

QJsonObject withoutServerFields(QJsonObject object)
{
    object.remove(QLatin1String("status"));
    QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    for (const char *k :
         {"managedFields", "uid", "resourceVersion", "creationTimestamp", "generation", "selfLink"})
        meta.remove(QLatin1String(k));
    object.insert(QLatin1String("metadata"), meta);
    return object;
}

// Secret values never reach a diff or a log: each key shows only whether it changes.
void redactSecrets(QJsonObject &live, QJsonObject &applied)
{
    for (const char *field : {"data", "stringData"}) {
        const QLatin1String f(field);
        QJsonObject oldData = live.value(f).toObject();
        QJsonObject newData = applied.value(f).toObject();
        for (auto it = newData.begin(); it != newData.end(); ++it) {
            const bool same = oldData.value(it.key()) == it.value();
            it.value() =
                same ? QStringLiteral("<redacted>") : QStringLiteral("<redacted, changed>");
        }
        for (auto it = oldData.begin(); it != oldData.end(); ++it)
            it.value() = QStringLiteral("<redacted>");
        if (live.contains(f))
            live.insert(f, oldData);
        if (applied.contains(f))
            applied.insert(f, newData);
    }
    // `kubectl apply` keeps the whole object, data in clear, in this annotation.
    const QLatin1String lastApplied("kubectl.kubernetes.io/last-applied-configuration");
    const auto annotation = [&](const QJsonObject &o) {
        return o.value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("annotations"))
            .toObject()
            .value(lastApplied);
    };
    const QJsonValue oldValue = annotation(live);
    const QJsonValue newValue = annotation(applied);
    const auto replace = [&](QJsonObject &o, const QString &shown) {
        QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
        if (!annotations.contains(lastApplied))
            return;
        annotations.insert(lastApplied, shown);
        meta.insert(QLatin1String("annotations"), annotations);
        o.insert(QLatin1String("metadata"), meta);
    };
    replace(live, QStringLiteral("<redacted>"));
    replace(applied, oldValue == newValue ? QStringLiteral("<redacted>")
                                          : QStringLiteral("<redacted, changed>"));
}

QString unquote(QString s)
{
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        s = s.mid(1, s.size() - 2);
    return s;
}

} // namespace

QList<ApplyTarget> applyTargets(const QList<manifests::Manifest> &list)
{
    QList<ApplyTarget> out;
    for (const manifests::Manifest &m : list) {
        out.append({m.apiVersion, m.kind, m.ns, m.name, m.object.toYaml(),
                    QString::fromUtf8(m.redacted.toYaml()), m.file});
    }
    return out;
}

QList<ApplyTarget> applyTargets(const QList<manifests::FolderDocument> &documents)
{
    QList<ApplyTarget> out;
    for (const manifests::FolderDocument &d : documents) {
        if (!d.error.isEmpty())
            continue;
        QString shown = QString::fromUtf8(d.text);
        if (d.kind == QLatin1String("Secret"))
            shown = ApplyText::tr("(Secret %1: body not shown)").arg(d.name);
        out.append({d.apiVersion, d.kind, d.ns, d.name, d.text, shown,
                    QStringLiteral("%1:%2").arg(d.file).arg(d.line)});
    }
    return out;
}

QString ApplyTarget::title() const
{
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                        : QStringLiteral("%1 %2/%3").arg(kind, ns, name);
}

QString applyPath(const QString &apiVersion, const QString &kind, const QString &ns,
                  const QString &name, QString *error)
{
    for (const KindInfo &k : kKinds) {
        if (kind != QLatin1String(k.kind))
            continue;
        // The wizard and the folder reader check names too; a path is never
        // built from one that is not a Kubernetes name.
        QString bad = kubenames::nameProblem(kind, name);
        if (bad.isEmpty() && k.namespaced && !ns.isEmpty())
            bad = kubenames::namespaceProblem(ns);
        if (!bad.isEmpty()) {
            if (error)
                *error = VisibleText::escape(bad);
            return {};
        }
        const QString group = QLatin1String(k.group);
        const QString expected =
            group.isEmpty() ? QStringLiteral("v1") : group + QStringLiteral("/v1");
        if (apiVersion != expected) {
            if (error)
                *error =
                    ApplyText::tr("%1 is served as %2, not %3").arg(kind, expected, apiVersion);
            return {};
        }
        const QString prefix =
            group.isEmpty() ? QStringLiteral("/api/v1") : QStringLiteral("/apis/") + expected;
        if (k.namespaced)
            return QStringLiteral("%1/namespaces/%2/%3/%4")
                .arg(prefix, ns.isEmpty() ? QStringLiteral("default") : ns, QLatin1String(k.plural),
                     name);
        return QStringLiteral("%1/%2/%3").arg(prefix, QLatin1String(k.plural), name);
    }
    if (error)
        *error = ApplyText::tr("Labdeck does not apply %1 objects (%2); use kubectl for them")
                     .arg(kind, apiVersion);
    return {};
}

QString ApplyText::outcome(ApplyResult::Outcome outcome, bool dryRun)
{
    switch (outcome) {
    case ApplyResult::Outcome::Pending:
        return tr("waiting");
    case ApplyResult::Outcome::Created:
        return dryRun ? tr("would be created") : tr("created");
    case ApplyResult::Outcome::Configured:
        return dryRun ? tr("would be changed") : tr("configured");
    case ApplyResult::Outcome::Unchanged:
        return tr("unchanged");
    case ApplyResult::Outcome::Conflict:
        return tr("conflict");
    case ApplyResult::Outcome::Failed:
        return tr("failed");
    case ApplyResult::Outcome::Skipped:
        return tr("skipped");
    }
    return {};
}

int ApplyRun::count(ApplyResult::Outcome outcome) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
                             [outcome](const ApplyResult &r) { return r.outcome == outcome; }));
}

bool ApplyRun::allOk() const
{
    return m_finished && std::all_of(m_results.cbegin(), m_results.cend(),
                                     [](const ApplyResult &r) { return r.ok(); });
}

QList<QPair<QString, ApplyConflict>> ApplyRun::conflicts() const
{
    QList<QPair<QString, ApplyConflict>> out;
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        for (const ApplyConflict &c : m_results.at(i).conflicts)
            out.append({m_targets.at(i).title(), c});
    }
    return out;
}

void ApplyRun::cancel()
{
    m_cancelled = true;
}

ManifestApplier::ManifestApplier(KubeClient *client, KubeActions *actions, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_actions(actions)
{}

ManifestApplier::~ManifestApplier()
{
    const QList<ApplyRun *> runs = findChildren<ApplyRun *>(Qt::FindDirectChildrenOnly);
    for (ApplyRun *run : runs) {
        if (run->m_finished)
            continue;
        if (run->m_call)
            run->m_call->abort();
        if (run->m_action)
            run->m_action->finish(
                KubeAction::State::Cancelled,
                tr("stopped when its window closed; objects already sent stay applied"));
    }
}

QString ManifestApplier::comparableYaml(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(manifests::YamlValue::fromJson(withoutServerFields(object)).toYaml());
}

QList<ApplyConflict> ManifestApplier::conflictsOf(const KubeStatus &status)
{
    QList<ApplyConflict> out;
    for (const KubeStatus::Cause &c : status.causes) {
        if (c.reason != QLatin1String("FieldManagerConflict"))
            continue;
        // "conflict with \"kubectl\" using apps/v1" or "conflict with \"labdeck\"".
        QString manager = c.message;
        const qsizetype open = manager.indexOf(QLatin1Char('"'));
        const qsizetype close = open < 0 ? -1 : manager.indexOf(QLatin1Char('"'), open + 1);
        if (open >= 0 && close > open)
            manager = manager.mid(open, close - open + 1);
        out.append({c.field, unquote(manager), c.message});
    }
    return out;
}

ApplyRun *ManifestApplier::run(const QList<ApplyTarget> &targets, ApplyRun::Mode mode)
{
    auto *run = new ApplyRun(this);
    run->m_mode = mode;
    run->m_targets = targets;
    run->m_results.resize(targets.size());
    if (mode != ApplyRun::Mode::DryRun && m_actions) {
        auto *action =
            new KubeAction(mode == ApplyRun::Mode::ForceApply
                               ? tr("Apply %n object(s) with force", nullptr, int(targets.size()))
                               : tr("Apply %n object(s)", nullptr, int(targets.size())),
                           m_actions);
        QStringList request;
        for (const ApplyTarget &t : targets) {
            request << QStringLiteral(
                           "PATCH %1?fieldManager=%2%3 (application/apply-patch+yaml)\n%4")
                           .arg(applyPath(t.apiVersion, t.kind, t.ns, t.name), fieldManager,
                                mode == ApplyRun::Mode::ForceApply ? QStringLiteral("&force=true")
                                                                   : QString(),
                                t.shownBody);
        }
        action->m_request = request.join(QLatin1Char('\n'));
        run->m_action = action;
        Q_EMIT m_actions->actionStarted(action);
    }
    QTimer::singleShot(0, run, [this, run] { step(run); });
    return run;
}

void ManifestApplier::step(ApplyRun *run)
{
    if (run->m_next >= run->m_targets.size() || run->m_cancelled) {
        for (qsizetype i = run->m_next; i < run->m_targets.size(); ++i) {
            run->m_results[i].outcome = ApplyResult::Outcome::Skipped;
            run->m_results[i].message = tr("cancelled before it was sent");
            Q_EMIT run->objectFinished(int(i), run->m_results.at(i));
        }
        run->m_next = int(run->m_targets.size());
        run->m_finished = true;
        if (run->m_action) {
            const int failed = run->count(ApplyResult::Outcome::Failed) +
                               run->count(ApplyResult::Outcome::Conflict);
            const QString summary = tr("%1 created, %2 configured, %3 unchanged, %4 failed")
                                        .arg(run->count(ApplyResult::Outcome::Created))
                                        .arg(run->count(ApplyResult::Outcome::Configured))
                                        .arg(run->count(ApplyResult::Outcome::Unchanged))
                                        .arg(failed);
            run->m_action->finish(run->m_cancelled ? KubeAction::State::Cancelled
                                  : failed > 0     ? KubeAction::State::Failed
                                                   : KubeAction::State::Succeeded,
                                  summary);
        }
        Q_EMIT run->finished();
        return;
    }
    const ApplyTarget &t = run->m_targets.at(run->m_next);
    if (run->m_action)
        run->m_action->setProgress(
            tr("%1 of %2: %3").arg(run->m_next + 1).arg(run->m_targets.size()).arg(t.title()),
            run->m_next, int(run->m_targets.size()));
    QString error;
    const QString path = applyPath(t.apiVersion, t.kind, t.ns, t.name, &error);
    if (path.isEmpty() || !m_client) {
        finishObject(run, {ApplyResult::Outcome::Failed,
                           path.isEmpty() ? error : tr("not connected to a cluster"),
                           {},
                           {},
                           {}});
        return;
    }
    // The live object first: the diff, and whether anything would change.
    run->m_call = m_client->get(path);
    connect(run->m_call, &KubeCall::finished, run, [this, run, path](const KubeResponse &r) {
        if (!r.ok() && r.httpStatus != 404) {
            finishObject(run, {ApplyResult::Outcome::Failed, r.errorText, {}, {}, {}});
            return;
        }
        sendApply(run, path, r.ok() ? r.json : QJsonObject());
    });
}

void ManifestApplier::sendApply(ApplyRun *run, const QString &path, const QJsonObject &live)
{
    const ApplyTarget &t = run->m_targets.at(run->m_next);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fieldManager"), fieldManager);
    if (run->m_mode == ApplyRun::Mode::ForceApply)
        query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    if (run->m_mode == ApplyRun::Mode::DryRun)
        query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    run->m_call = m_client->send("PATCH", path, query, t.body, "application/apply-patch+yaml");
    const QString kind = t.kind;
    connect(run->m_call, &KubeCall::finished, run, [this, run, live, kind](const KubeResponse &r) {
        ApplyResult result;
        if (!r.ok()) {
            const KubeStatus status = r.error.value_or(KubeStatus{});
            if (r.httpStatus == 409 && status.isFieldManagerConflict()) {
                result.outcome = ApplyResult::Outcome::Conflict;
                result.conflicts = conflictsOf(status);
                result.message = status.message;
            } else if (run->isDryRun() && r.httpStatus == 404 &&
                       status.kind == QLatin1String("namespaces")) {
                // The namespace is created by an earlier object of this run: a dry
                // run cannot check what goes into it yet.
                const ApplyTarget &current = run->m_targets.at(run->m_next);
                bool earlier = false;
                for (int i = 0; i < run->m_next; ++i) {
                    const ApplyTarget &o = run->m_targets.at(i);
                    if (o.kind == QLatin1String("Namespace") && o.name == current.ns &&
                        run->m_results.at(i).outcome == ApplyResult::Outcome::Created)
                        earlier = true;
                }
                if (earlier) {
                    result.outcome = ApplyResult::Outcome::Created;
                    result.message =
                        tr("checked when it is applied: namespace %1 does not exist yet")
                            .arg(current.ns);
                } else {
                    result.outcome = ApplyResult::Outcome::Failed;
                    result.message = r.errorText;
                }
            } else {
                result.outcome = ApplyResult::Outcome::Failed;
                result.message = r.errorText;
            }
            finishObject(run, result);
            return;
        }
        QJsonObject before = live;
        QJsonObject after = r.json;
        const bool secret =
            kind == QLatin1String("Secret") ||
            live.value(QLatin1String("kind")).toString() == QLatin1String("Secret") ||
            r.json.value(QLatin1String("kind")).toString() == QLatin1String("Secret");
        if (secret)
            redactSecrets(before, after);
        const QString oldYaml = comparableYaml(before);
        const QString newYaml = comparableYaml(after);
        if (live.isEmpty())
            result.outcome = ApplyResult::Outcome::Created;
        else if (oldYaml == newYaml)
            result.outcome = ApplyResult::Outcome::Unchanged;
        else
            result.outcome = ApplyResult::Outcome::Configured;
        result.diff = manifests::unifiedDiff(
            oldYaml, newYaml, live.isEmpty() ? QStringLiteral("/dev/null") : QStringLiteral("live"),
            run->isDryRun() ? QStringLiteral("dry run") : QStringLiteral("applied"));
        result.object = secret ? after : r.json;
        finishObject(run, result);
    });
}

void ManifestApplier::finishObject(ApplyRun *run, ApplyResult result)
{
    run->m_call = nullptr;
    const int index = run->m_next;
    run->m_results[index] = result;
    ++run->m_next;
    Q_EMIT run->objectFinished(index, run->m_results.at(index));
    step(run);
}

QList<KubeAction *> ManifestApplier::followRollouts(const ApplyRun *run)
{
    QList<KubeAction *> actions;
    if (!m_actions || run->isDryRun())
        return actions;
    for (qsizetype i = 0; i < run->targets().size(); ++i) {
        const ApplyTarget &t = run->targets().at(i);
        const ApplyResult &r = run->results().at(i);
        if (isWorkload(t.kind) && (r.outcome == ApplyResult::Outcome::Created ||
                                   r.outcome == ApplyResult::Outcome::Configured))
            actions << m_actions->followRollout(
                t.kind, t.ns.isEmpty() ? QStringLiteral("default") : t.ns, t.name);
    }
    return actions;
}

} // namespace labdeck::kube
