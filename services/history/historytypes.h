#pragma once

// The values the history stores and answers with. Times are milliseconds
// since the epoch, UTC, throughout.

#include "common/health.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <array>

namespace labdeck::history {

// The stored severity codes (also in `labdeck history --json`): 0 ok,
// 1 warning, 2 critical, 3 unknown (could not run / not known).
enum SeverityCode { CodeOk = 0, CodeWarning = 1, CodeCritical = 2, CodeUnknown = 3 };
[[nodiscard]] int severityCode(Health health);
[[nodiscard]] Health healthFromCode(int code);
// Warning or critical: what makes an incident.
[[nodiscard]] constexpr bool isProblem(Health h)
{
    return h == Health::Warning || h == Health::Critical;
}
// "The worst of", by problemRank: critical > warning > unknown > ok.
[[nodiscard]] Health worseOf(Health a, Health b);

// The id of a check result's item: "check:<category>:<target>".
[[nodiscard]] QString checkItemId(const QString &category, const QString &target);

// Bounds: one stored text, one item id, the rows one query returns.
inline constexpr int kMaxTextLength = 2048;
inline constexpr int kMaxItemIdLength = 512;
inline constexpr int kMaxQueryRows = 10000;
inline constexpr int kMaxBuckets = 2000;

// Where the history lives and how long it keeps what.
struct HistoryOptions
{
    QString path;                     // empty: defaultPath()
    int rawRetentionDays = 30;        // raw results; older ones become hourly aggregates
    int aggregateRetentionDays = 365; // hourly aggregates and transitions
    int busyTimeoutMs = 2000;         // how long to wait for another writer's lock
    qint64 maxPageCount = 0;          // > 0: cap the file at this many pages (tests: a full disk)
    bool demo = false;                // the demo lab: its own file, apart from the real lab's

    // $LABDECK_HISTORY when set, else <XDG data dir>/labdeck/labdeck/history.sqlite
    // (QStandardPaths::AppDataLocation), history-demo.sqlite for the demo lab.
    [[nodiscard]] static QString defaultPath(bool demo = false);
    [[nodiscard]] QString resolvedPath() const { return path.isEmpty() ? defaultPath(demo) : path; }
};

// What became of opening the history file.
enum class HistoryState {
    Closed,     // not opened yet
    Ready,      // the file is open
    Recovered,  // the file was damaged: kept under a new name, a new one started
    MemoryOnly, // the file could not be used (locked, newer schema, unwritable):
                // this session keeps its history in memory; the file is untouched
    Failed,     // no history at all (no SQLite driver)
};

struct HistoryStatus
{
    HistoryState state = HistoryState::Closed;
    QString path;    // the file asked for
    QString movedTo; // Recovered: where the damaged file is now
    QString message; // what happened and what to do, translated; empty when Ready
    [[nodiscard]] bool recording() const
    {
        return state == HistoryState::Ready || state == HistoryState::Recovered;
    }
};

// Why a write or a query failed.
// Io: a read or write the file system refused (a size limit, a failing disk).
enum class HistoryFailure { None, Locked, Corrupt, Full, Io, Other };

struct HistoryError
{
    HistoryFailure kind = HistoryFailure::None;
    QString message; // names the file and what to do, translated
};

// An item's state as the lab tree shows it.
struct ItemState
{
    Health health = Health::Unknown;
    QString reason;
};

// One bucket of a timeline strip.
struct TimelineBucket
{
    qint64 from = 0;
    qint64 to = 0;
    Health worst = Health::Unknown; // meaningful only when !empty()
    // Check results in the bucket by severity code (raw and aggregated).
    std::array<int, 4> counts{};
    // Time the item (a lab-tree item's state) spent in each severity, ms.
    std::array<qint64, 4> stateMs{};
    [[nodiscard]] bool empty() const;
};

// Share of "ok" in what is known over a span: for check results the share of
// results (unknown ones not counted), for lab-tree items the share of time
// (time in an unknown state not counted). percent < 0: nothing known.
struct Uptime
{
    double percent = -1;
    int samples = 0; // check results counted
    int okSamples = 0;
    qint64 knownMs = 0; // lab-tree items: time in a known state
    qint64 okMs = 0;
};

// A stretch of warning or critical for one item.
struct Incident
{
    QString item;
    qint64 from = 0;
    qint64 to = 0; // when it ended (back to ok); 0 while ongoing
    Health worst = Health::Unknown;
    QString reason; // what was said when it began
    [[nodiscard]] bool ongoing() const { return to == 0; }
};

// One change of an item's severity (a check target's result or a lab-tree
// item's state).
struct Transition
{
    qint64 at = 0;
    QString item;
    Health from = Health::Unknown;
    Health to = Health::Unknown;
    QString reason;
};

struct TransitionFilter
{
    QString text;                     // substring of the item id or the reason; empty: all
    QString item;                     // exactly this item; empty: all
    Health minimum = Health::Unknown; // Warning: only transitions to warning or critical;
                                      // Ok: to ok, warning or critical; Unknown: all
};

class HistoryText
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::history::HistoryText)
public:
    // "ok", "warning", "critical", "unknown": stable ids for JSON.
    [[nodiscard]] static QString severityId(Health health);
};

} // namespace labdeck::history

Q_DECLARE_METATYPE(labdeck::history::HistoryStatus)
Q_DECLARE_METATYPE(labdeck::history::HistoryError)
