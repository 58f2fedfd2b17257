#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace labdeck::kube {

// A Kubernetes Status (the body of every API error), made readable.
struct KubeStatus
{
    struct Cause
    {
        QString reason; // "FieldManagerConflict", "FieldValueInvalid", ...
        QString message;
        QString field; // ".spec.replicas"
    };

    int code = 0;    // HTTP status the API put in the Status
    QString reason;  // "NotFound", "Conflict", "Expired", ...
    QString message; // the API's own words
    QString kind;    // details.kind (the resource, plural)
    QString name;    // details.name
    QList<Cause> causes;
    int retryAfterSeconds = 0;

    // Parses a Status object; returns nullopt when json is not a Status.
    [[nodiscard]] static std::optional<KubeStatus> fromJson(const QJsonObject &json);
    // Parses an error body; when it is not a Status, makes one from the HTTP
    // status and the body text.
    [[nodiscard]] static KubeStatus fromReply(int httpStatus, const QByteArray &body);

    [[nodiscard]] bool isExpired() const
    {
        return code == 410 || reason == QLatin1String("Expired") || reason == QLatin1String("Gone");
    }
    [[nodiscard]] bool isFieldManagerConflict() const;
    // "Conflict (409): Apply failed with 1 conflict: ..."; plus what to do,
    // where the reason tells.
    [[nodiscard]] QString toText() const;
};

class KubeStatusText
{
    Q_DECLARE_TR_FUNCTIONS(KubeStatusText)
public:
    // Advice for a reason, e.g. "Log in again or check the kubeconfig user."
    [[nodiscard]] static QString advice(const KubeStatus &status);
};

} // namespace labdeck::kube
