#pragma once

// A small synchronous HTTP(S) client for the demo lab's Kubernetes API
// simulator (it spins the event loop while waiting), a reader of watch
// streams, and a few helpers on the objects it returns. Test thread only.

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

namespace labdeck::test {

inline constexpr const char *kMergePatch = "application/merge-patch+json";
inline constexpr const char *kStrategicPatch = "application/strategic-merge-patch+json";
inline constexpr const char *kApplyPatch = "application/apply-patch+yaml";

struct ApiResponse
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonArray items() const { return json().value("items").toArray(); }
};

class ApiClient
{
public:
    ApiClient(QUrl base, QString token);

    void setSsl(const QSslConfiguration &ssl);
    void setToken(const QString &token) { m_token = token; }

    [[nodiscard]] QNetworkRequest request(const QString &pathAndQuery,
                                          const QByteArray &accept = "application/json") const;
    ApiResponse send(const QByteArray &verb, const QString &pathAndQuery,
                     const QByteArray &body = {}, const QByteArray &contentType = {},
                     const QByteArray &accept = "application/json");
    ApiResponse get(const QString &p, const QByteArray &accept = "application/json")
    {
        return send("GET", p, {}, {}, accept);
    }
    ApiResponse del(const QString &p) { return send("DELETE", p); }
    ApiResponse post(const QString &p, const QJsonObject &o);
    ApiResponse put(const QString &p, const QJsonObject &o);
    ApiResponse patch(const QString &p, const QByteArray &body, const QByteArray &type)
    {
        return send("PATCH", p, body, type);
    }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    QSslConfiguration m_ssl;
    bool m_useSsl = false;
};

// Reads a watch stream (or any chunked body) line by line as it arrives.
class ApiStream : public QObject
{
public:
    ApiStream(ApiClient &client, const QString &pathAndQuery);
    ~ApiStream() override;

    [[nodiscard]] QList<QJsonObject> events() const;
    [[nodiscard]] const QList<QByteArray> &lines() const { return m_lines; }
    [[nodiscard]] bool finished() const { return m_finished; }
    [[nodiscard]] int status() const;
    // The first event of `type` whose object satisfies `pred`, or empty.
    template<typename Pred> QJsonObject find(const char *type, Pred pred) const
    {
        for (const QJsonObject &e : events()) {
            if (e.value("type").toString() == QLatin1String(type) &&
                pred(e.value("object").toObject()))
                return e;
        }
        return {};
    }

private:
    QNetworkReply *m_reply = nullptr;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
    bool m_finished = false;
};

// metadata.resourceVersion as a number.
qint64 rvOf(const QJsonObject &o);
// metadata.name.
QString nameOf(const QJsonObject &o);
// The pod's Ready condition is True.
bool isReady(const QJsonObject &pod);

} // namespace labdeck::test
