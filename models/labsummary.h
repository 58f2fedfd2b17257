#pragma once

// The lab in one line: the worst state of everything the lab tree holds and
// the problems behind it, for the tray icon and its tooltip. A problem is an
// item that is itself warning or critical; what sits on a host that is
// itself down is counted under the host ("bracky NotReady — 6 items
// affected"), not listed again. Recomputed (coalesced) when the tree
// changes. UI thread.

#include "common/health.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace labdeck {

class HostModel;

class LabSummary final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabSummary)
public:
    struct Problem
    {
        QString id;   // HostModel id ("host:bracky")
        QString name; // what the tree shows
        Health health = Health::Unknown;
        QString reason;
        int affected = 0; // items under it that are down with it
    };

    explicit LabSummary(HostModel *model, QObject *parent = nullptr);

    // Worst of the problems; Ok when every item is ok; Unknown when nothing
    // is known yet (or the lab is empty).
    [[nodiscard]] Health worst() const { return m_worst; }
    // Critical first, then warning; in tree order within each.
    [[nodiscard]] const QList<Problem> &problems() const { return m_problems; }
    [[nodiscard]] int count(Health health) const;
    // "2 critical: bracky NotReady (6 items affected), s.example.com …; 1 warning: …"
    // or "All 54 items ok" / "Waiting for the lab's state".
    [[nodiscard]] QString text(int maxProblems = 4) const;

    // Recompute now (tests; changes to the tree schedule it otherwise).
    void update();

Q_SIGNALS:
    // worst() or the problems changed.
    void changed();

private:
    void schedule();

    HostModel *m_model;
    QTimer m_timer;
    Health m_worst = Health::Unknown;
    QList<Problem> m_problems;
    int m_items = 0;
    int m_known = 0;
};

} // namespace labdeck
