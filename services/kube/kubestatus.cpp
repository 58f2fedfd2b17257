#include "kube/kubestatus.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace labdeck::kube {

std::optional<KubeStatus> KubeStatus::fromJson(const QJsonObject &json)
{
    if (json.value(QLatin1String("kind")).toString() != QLatin1String("Status"))
        return std::nullopt;
    KubeStatus s;
    s.code = json.value(QLatin1String("code")).toInt();
    s.reason = json.value(QLatin1String("reason")).toString();
    s.message = json.value(QLatin1String("message")).toString();
    const QJsonObject details = json.value(QLatin1String("details")).toObject();
    s.kind = details.value(QLatin1String("kind")).toString();
    s.name = details.value(QLatin1String("name")).toString();
    s.retryAfterSeconds = details.value(QLatin1String("retryAfterSeconds")).toInt();
    const QJsonArray causes = details.value(QLatin1String("causes")).toArray();
    for (const QJsonValue &c : causes) {
        const QJsonObject o = c.toObject();
        s.causes << Cause{o.value(QLatin1String("reason")).toString(),
                          o.value(QLatin1String("message")).toString(),
                          o.value(QLatin1String("field")).toString()};
    }
    return s;
}

KubeStatus KubeStatus::fromReply(int httpStatus, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        if (auto s = fromJson(doc.object())) {
            if (s->code == 0)
                s->code = httpStatus;
            return *s;
        }
    }
    KubeStatus s;
    s.code = httpStatus;
    s.message = QString::fromUtf8(body.left(400)).trimmed();
    return s;
}

bool KubeStatus::isFieldManagerConflict() const
{
    for (const Cause &c : causes) {
        if (c.reason == QLatin1String("FieldManagerConflict"))
            return true;
    }
    return false;
}

QString KubeStatus::toText() const
{
    QString head = reason.isEmpty() ? QStringLiteral("HTTP %1").arg(code)
                                    : QStringLiteral("%1 (%2)").arg(reason).arg(code);
    QString text = message.isEmpty() ? head : head + QStringLiteral(": ") + message;
    const QString hint = KubeStatusText::advice(*this);
    if (!hint.isEmpty())
        text += QStringLiteral(" \u2014 ") + hint;
    return text;
}

QString KubeStatusText::advice(const KubeStatus &status)
{
    switch (status.code) {
    case 401:
        return tr("the credentials were refused; check the user of this kubeconfig context or log "
                  "in again");
    case 403:
        return tr("this user may not do that; ask for the RBAC permission or use another context");
    case 404:
        return tr("it may have been deleted or renamed; refresh and try again");
    case 409:
        if (status.isFieldManagerConflict())
            return tr(
                "another field manager owns these fields; apply with force to take them over");
        return tr("the object changed meanwhile; refresh and try again");
    case 410:
        return tr("the data was too old; Labdeck lists again");
    case 422:
        return tr("the object is not valid; see the fields named above");
    case 429:
        return tr("the API server is busy; Labdeck retries after a pause");
    case 500:
    case 502:
    case 503:
    case 504:
        return tr("the API server had a problem; Labdeck retries after a pause");
    default:
        break;
    }
    return {};
}

} // namespace labdeck::kube
