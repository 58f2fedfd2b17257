#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace labdeck::prom {

// One sample: Unix time in seconds (Prometheus's float seconds) and value.
struct Sample
{
    double time = 0;
    double value = 0;
};

using Labels = QMap<QString, QString>;

// One series of a vector (one sample) or a matrix (many, oldest first).
struct Series
{
    Labels labels;
    QList<Sample> samples;
};

struct Target
{
    Labels labels; // after relabelling: job, instance, ...
    QString scrapePool;
    QString scrapeUrl;
    QString health; // "up", "down", "unknown"
    QString lastError;
    QDateTime lastScrape;
    double scrapeIntervalSeconds = 0; // 0 when not given
};

struct Alert
{
    Labels labels;
    Labels annotations;
    QString state; // "firing", "pending"
    QDateTime activeAt;
    QString value;

    [[nodiscard]] QString name() const { return labels.value(QStringLiteral("alertname")); }
};

// The outcome of one API call. On failure `error` says in words what went
// wrong and where; `errorType` is Prometheus's own ("bad_data", ...) when it
// answered, empty for network failures.
struct Result
{
    bool ok = false;
    QString error;
    QString errorType;
    QStringList warnings;
    int httpStatus = 0;
    bool timedOut = false;
    QString resultType; // "vector", "matrix", "scalar", "string"
    QList<Series> series;
    QList<Target> targets;
    QList<Alert> alerts;
    QDateTime receivedAt;
};

} // namespace labdeck::prom

Q_DECLARE_METATYPE(labdeck::prom::Result)
