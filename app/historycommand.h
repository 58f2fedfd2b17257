#pragma once

#include "checks/checkresult.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

namespace labdeck::history {
class HistoryDatabase;
}

namespace labdeck::app {

// `labdeck history [--since DURATION] [--item ID] [--json] [--db FILE | --demo]`:
// prints the incidents and the uptime of every item with history in the span
// (docs/history.md). Exit code: 0 printed, 1 the history file does not exist
// or cannot be used (locked, damaged, newer), 2 wrong arguments. argv[1] is
// "history".
int runHistoryCommand(int argc, char **argv);

// `labdeck check --record`: adds each run's results to the history file
// ($LABDECK_HISTORY or the XDG data directory (~/.local/share/labdeck/labdeck/history.sqlite)).
// Blocking (the command line has no window); compacts once a day.
class CheckRecorder final
{
public:
    // demo: the demo lab's own file (history-demo.sqlite).
    explicit CheckRecorder(bool demo);
    ~CheckRecorder();
    CheckRecorder(const CheckRecorder &) = delete;
    CheckRecorder &operator=(const CheckRecorder &) = delete;

    // False with the reason (naming the file) when nothing can be recorded.
    bool open(QString *why);
    bool record(const QList<checks::CheckResult> &results, const QDateTime &at, QString *why);

private:
    std::unique_ptr<history::HistoryDatabase> m_db;
    bool m_demo = false;
};

} // namespace labdeck::app
