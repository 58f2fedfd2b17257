#pragma once

#include "common/health.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace labdeck::checks {

// The categories Labdeck knows, in the order "all" runs and reports them.
[[nodiscard]] QStringList allCategories();

// One verdict about one target ("https://ha.example.com", "node metamon",
// "deployment apps/shlink"). Severity Unknown means the check could not
// run for that target; the summary then says why.
struct CheckResult
{
    QString category; // "certs", "routes", ... (stable id, not translated)
    QString target;
    Health severity = Health::Unknown;
    QString summary;     // what is wrong (or that all is well), in words
    QString advice;      // what to do; empty when nothing needs doing
    QJsonObject details; // machine-readable facts (daysLeft, issuer, httpStatus, ...)
    qint64 durationMs = 0;
    // What the result is about in the lab, for badges: an inventory host name
    // and/or a public URL. Either may be empty.
    QString host;
    QString url;

    [[nodiscard]] QJsonObject toJson() const;
};

// Thresholds the verdicts use; the UI keeps them in the settings.
struct Thresholds
{
    int certWarningDays = 21;    // fewer days left: warning
    int certCriticalDays = 7;    // fewer days left: critical
    int latencyWarningMs = 2000; // slower first answer: warning
    int gpuTemperatureWarningC = 80;
    int gpuVramWarningPercent = 95;
};

// The result of a whole run, and the exit code of `labdeck check`.
struct RunSummary
{
    int ok = 0;
    int warning = 0;
    int critical = 0;
    int unknown = 0;
    qint64 durationMs = 0;
    QDateTime startedAt; // UTC
    QStringList categories;

    void add(Health severity);
    // 2 when anything is critical; else 3 when a check could not run
    // (unknown); else 1 on a warning; else 0. An empty run is 3.
    [[nodiscard]] int exitCode() const;
    [[nodiscard]] Health worst() const;
    [[nodiscard]] int total() const { return ok + warning + critical + unknown; }
};

// Stable ids used in JSON and on the command line ("ok", "warning", ...).
[[nodiscard]] QString severityId(Health severity);

class CheckReport
{
    Q_DECLARE_TR_FUNCTIONS(CheckReport)
public:
    static constexpr int kSchemaVersion = 1;
    // The documented JSON document (docs/checks.md).
    [[nodiscard]] static QJsonObject toJson(const QList<CheckResult> &results,
                                            const RunSummary &summary, const QString &inventory);
    // A plain-text table: one line per result (glyph, severity, category,
    // target, summary) and the advice indented below; a summary line last.
    // Control, bidi and zero-width characters in the texts are shown as
    // escapes (VisibleText::escape), so remote text cannot drive the terminal.
    [[nodiscard]] static QString toText(const QList<CheckResult> &results,
                                        const RunSummary &summary);
    // One result as text (for copying single rows).
    [[nodiscard]] static QString toText(const CheckResult &result);
    // "7 results: 4 ok, 1 warning, 2 critical, 0 could not run (812 ms)"
    [[nodiscard]] static QString summaryLine(const RunSummary &summary);
};

} // namespace labdeck::checks

Q_DECLARE_METATYPE(labdeck::checks::CheckResult)
Q_DECLARE_METATYPE(labdeck::checks::RunSummary)
