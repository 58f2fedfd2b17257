#include "checks/kubecheck.h"

#include "checks/certcheck.h"
#include "kube/kubeclient.h"
#include "kube/kubesession.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <algorithm>

namespace labdeck::checks {

namespace {
QString lowerKind(const QString &kind)
{
    return kind.toLower();
}

const QList<kube::Resource> &checkedResources()
{
    static const QList<kube::Resource> resources{kube::Resource::Nodes, kube::Resource::Deployments,
                                                 kube::Resource::StatefulSets,
                                                 kube::Resource::DaemonSets, kube::Resource::Pods};
    return resources;
}
} // namespace

KubeCheck::KubeCheck(QObject *parent)
    : Check(QStringLiteral("k8s"), parent)
{}

QString KubeCheck::targetOf(const kube::Judgement &j)
{
    using S = kube::Judgement::Subject;
    switch (j.subject) {
    case S::Host:
    case S::Node:
        return CheckText::tr("node %1").arg(j.name);
    case S::Component:
        return CheckText::tr("%1 on %2").arg(j.name, j.host);
    case S::Group:
        return CheckText::tr("namespace %1 (other workloads)").arg(j.ns);
    case S::Workload:
    case S::Extra:
        return CheckText::tr("%1 %2/%3").arg(lowerKind(j.kind), j.ns, j.name);
    case S::Pod:
        return CheckText::tr("pod %1/%2").arg(j.ns, j.name);
    case S::Access:
        return CheckText::tr("Kubernetes %1").arg(j.name);
    }
    return j.name;
}

QList<CheckResult> KubeCheck::judge(const ClusterState &state, const Inventory &lab,
                                    const QDateTime &now)
{
    QList<CheckResult> out;
    for (const kube::Judgement &j : kube::Verdicts::judgeLab(lab, state, now)) {
        // A workload the inventory does not list is reported only when it
        // needs a look; a rollout under way passes by itself.
        if (j.subject == kube::Judgement::Subject::Extra &&
            (j.verdict.health <= Health::Ok || j.verdict.transient))
            continue;
        CheckResult r;
        r.target = targetOf(j);
        r.host = j.host;
        r.severity = j.verdict.health;
        r.summary = j.verdict.summary;
        r.advice = j.verdict.advice;
        r.details = j.details;
        if (!j.id.isEmpty())
            r.details.insert(QStringLiteral("item"), j.id);
        if (!j.verdict.status.isEmpty())
            r.details.insert(QStringLiteral("status"), j.verdict.status);
        if (j.verdict.stale)
            r.details.insert(QStringLiteral("stale"), true);
        out << r;
    }
    return out;
}

void KubeCheck::run(const CheckContext &context)
{
    m_lab = context.inventory;
    if (!context.kube) {
        fail(context.kubeUnavailable.isEmpty()
                 ? tr("could not run: no Kubernetes cluster is connected")
                 : tr("could not run: %1").arg(context.kubeUnavailable),
             tr("Give a kubeconfig (--kubeconfig FILE) or run on the demo lab (--demo)."));
        return;
    }
    m_timeout = context.options.timeout;
    m_client = context.kube;
    m_pending = int(checkedResources().size());
    for (kube::Resource res : checkedResources())
        requestPage(int(res), QString());
}

void KubeCheck::requestPage(int resource, const QString &continueToken)
{
    if (!m_client)
        return;
    const auto res = kube::Resource(resource);
    // Paged as the reflectors page: a server may cut any list into pages.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!continueToken.isEmpty())
        query.addQueryItem(QStringLiteral("continue"), continueToken);
    kube::KubeCall *call = m_client->get(kube::collectionPath(res), query, m_timeout);
    m_calls << call;
    connect(call, &kube::KubeCall::finished, this, [this, res](const kube::KubeResponse &resp) {
        if (m_failed)
            return;
        if (!resp.ok()) {
            if (resp.error && resp.error->isExpired()) {
                // An expired continue token: this kind is read again from the start.
                switch (res) {
                case kube::Resource::Nodes:
                    m_state.nodes.clear();
                    break;
                case kube::Resource::Pods:
                    m_state.pods.clear();
                    break;
                default:
                    m_state.workloads.erase(std::remove_if(m_state.workloads.begin(),
                                                           m_state.workloads.end(),
                                                           [&res](const kube::WorkloadInfo &w) {
                                                               return w.kind == kube::kindOf(res);
                                                           }),
                                            m_state.workloads.end());
                    break;
                }
                requestPage(int(res), QString());
                return;
            }
            if (resp.httpStatus == 401 || resp.httpStatus == 0) {
                // Nothing can be read: the credentials or the server itself.
                fail(tr("could not run: %1").arg(resp.errorText),
                     resp.httpStatus == 401
                         ? tr("The credentials were refused; log in again or check the kubeconfig "
                              "user.")
                         : tr("Check that the API server answers: kubectl get --raw /readyz."));
                return;
            }
            m_state.access.insert(kube::pluralOf(res),
                                  kube::failedAccess(res, resp, QStringLiteral("list")));
            finishKind();
            return;
        }
        const QJsonArray items = resp.json.value(QLatin1String("items")).toArray();
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            switch (res) {
            case kube::Resource::Nodes:
                m_state.nodes << kube::parseNode(o);
                break;
            case kube::Resource::Pods:
                m_state.pods << kube::parsePod(o);
                break;
            default:
                m_state.workloads << kube::parseWorkload(o, kube::kindOf(res));
                break;
            }
        }
        const QString next = resp.json.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("continue"))
                                 .toString();
        if (!next.isEmpty()) {
            requestPage(int(res), next);
            return;
        }
        kube::KindAccess live;
        live.state = kube::KindAccess::State::Live;
        live.resource = kube::pluralOf(res);
        live.group = kube::groupOf(res);
        live.lastSync = QDateTime::currentDateTimeUtc();
        m_state.access.insert(live.resource, live);
        finishKind();
    });
}

void KubeCheck::finishKind()
{
    if (--m_pending > 0)
        return;
    bool anyRead = false;
    for (const kube::KindAccess &a : std::as_const(m_state.access))
        anyRead = anyRead || a.state == kube::KindAccess::State::Live;
    if (!anyRead) {
        QStringList why;
        for (const kube::KindAccess &a : std::as_const(m_state.access))
            why << kube::Verdicts::accessText(a);
        why.sort();
        fail(tr("could not run: %1").arg(why.join(QStringLiteral("; "))),
             tr("The kubeconfig's user may read none of nodes, pods and workloads; use a context "
                "that may."));
        return;
    }
    for (const CheckResult &r : judge(m_state, m_lab, QDateTime::currentDateTimeUtc()))
        report(r);
    done();
}

void KubeCheck::fail(const QString &why, const QString &advice)
{
    m_failed = true;
    stop();
    CheckResult r;
    r.target = tr("Kubernetes cluster");
    r.severity = Health::Unknown;
    r.summary = why;
    r.advice = advice;
    report(r);
    done();
}

void KubeCheck::stop()
{
    for (const QPointer<kube::KubeCall> &c : std::as_const(m_calls)) {
        if (c)
            c->abort();
    }
    m_calls.clear();
}

} // namespace labdeck::checks
