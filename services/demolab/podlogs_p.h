#pragma once

// Synthetic container logs that look like each app's real output (Grafana's
// logfmt, PostgreSQL's checkpoints, CoreDNS queries, klog, ...). Made on first
// read from the container's start time, extended while someone follows them,
// dropped with the pod.

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace labdeck::demolab::detail {

class Store;

struct LogLine
{
    QDateTime time;
    QString timestamp; // RFC 3339 with nanoseconds, what timestamps=true prefixes
    QString text;
};

class PodLogs final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodLogs)
public:
    PodLogs(Store *store, QObject *parent);

    [[nodiscard]] const QList<LogLine> &lines(const QJsonObject &pod, const QString &container);
    // Writes one more line (now) and returns it.
    LogLine append(const QJsonObject &pod, const QString &container);

private:
    LogLine make(const QJsonObject &pod, const QString &container, quint32 index,
                 const QDateTime &time) const;

    QHash<QString, QHash<QString, QList<LogLine>>> m_lines; // pod uid -> container -> lines
};

} // namespace labdeck::demolab::detail
