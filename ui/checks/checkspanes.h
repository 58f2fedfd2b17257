#pragma once

#include "checks/check.h"
#include "detailspanel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QLineEdit;
class QTextBrowser;
class QDockWidget;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;
class QSortFilterProxyModel;

namespace labdeck {

namespace checks {
class CheckRunner;
class CheckSchedule;
class CheckSource;
} // namespace checks
class CheckResultsFilter;
class CheckResultsModel;
class HostModel;
class LabSelection;
class MainWindow;

// The checks part of the window: the "Check all" action (toolbar, Checks
// menu, Ctrl+Shift+C), the Checks dock whose table fills as results arrive,
// copying results as text, the thresholds dialog (kept in QSettings), and
// badges on the topology's host cards and URL labels. Between runs the
// checks also run in the background, each category on its own schedule
// (checks::CheckSchedule: no overlapping rounds, backoff on timeouts); a
// round replaces that category's rows and the badges follow. UI thread.
class ChecksPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksPanes)
public:
    ChecksPanes(MainWindow *window, HostModel *hosts, LabSelection *selection);
    ~ChecksPanes() override;

    // Where a run goes: the lab's cluster, transport and endpoints (the demo
    // lab's TLS endpoints and Traefik API). Without one, every check runs
    // against the inventory's URLs and k8s says no cluster is connected.
    void setCheckSource(checks::CheckSource *source) { m_source = source; }

    // The background schedule's settings (QSettings "checks/background…").
    struct Background
    {
        bool enabled = true;
        // By category; a category not in it runs on its default.
        QHash<QString, std::chrono::seconds> intervals;

        // 6 hours for certificates, 5 minutes for the others.
        [[nodiscard]] static std::chrono::seconds defaultInterval(const QString &category);
        [[nodiscard]] std::chrono::seconds interval(const QString &category) const;
        [[nodiscard]] static Background load();
        void save() const;
    };
    // Applies at once: a running schedule starts again with the new intervals.
    void setBackground(const Background &background);
    [[nodiscard]] const Background &background() const { return m_background; }
    // A round of every category now, then each on its schedule (when
    // enabled). The window calls it once the lab is connected.
    void startBackground();
    void stopBackground();
    [[nodiscard]] checks::CheckSchedule *schedule() const { return m_schedule.get(); }
    // Runs one background round of `category` now (tests; the schedule calls it).
    void runRound(const QString &category,
                  std::function<void(const QList<checks::CheckResult> &, qint64)> done = {});

    void checkAll();
    void cancel();
    // The selected rows (all when none is selected) as text.
    [[nodiscard]] QString resultsText(bool selectedOnly) const;
    void copyResults();
    void editSettings();

    // The options a run uses, from the settings.
    [[nodiscard]] checks::CheckOptions optionsFromSettings() const;

    [[nodiscard]] CheckResultsModel *model() const { return m_model; }
    // What the table shows: sorted problems first, filtered.
    [[nodiscard]] CheckResultsFilter *proxy() const { return m_proxy; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QCheckBox *problemsOnlyBox() const { return m_problemsOnly; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString selectedText() const;
    // Shows the Checks dock with only this host's (or URL's) results.
    void showResultsFor(const QString &host, const QString &url);
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QAction *checkAllAction() const { return m_checkAll; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }
    [[nodiscard]] checks::CheckRunner *runner() const { return m_runner.get(); }

Q_SIGNALS:
    void runFinished();
    // Results of a finished run (Check all) or background round, with the
    // categories it ran; for the history.
    void roundFinished(const QStringList &categories,
                       const QList<labdeck::checks::CheckResult> &results);

private:
    void startRun(checks::CheckContext ctx, checks::CheckRegistry registry);
    void startRound(const QString &category, checks::CheckContext ctx,
                    checks::CheckRegistry registry,
                    std::function<void(const QList<checks::CheckResult> &, qint64)> done);
    void roundDone(const QString &category, const QList<checks::CheckResult> &results);
    void onResult(const checks::CheckResult &result);
    void onFinished();
    void addToBadges(const checks::CheckResult &result);
    void rebuildBadges();
    void clearBadges();
    void applyBadges();
    [[nodiscard]] DetailsPanel::Section detailsFor(const QString &id) const;
    void activateRow(const QModelIndex &index);
    void updateSummary();
    void showSelected();

    MainWindow *m_window;
    HostModel *m_hosts;
    LabSelection *m_selection;
    CheckResultsModel *m_model;
    CheckResultsFilter *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_problemsOnly;
    QLabel *m_summary;
    QTextBrowser *m_selected;
    QLabel *m_subject;
    bool m_problemsOnlyTouched = false;
    QLabel *m_status;
    QPushButton *m_runButton;
    QDockWidget *m_dock;
    QAction *m_checkAll;
    QAction *m_cancel;
    QAction *m_copy;
    QMenu *m_menu;
    std::unique_ptr<checks::CheckRunner> m_runner;
    checks::CheckSource *m_source = nullptr;
    Background m_background;
    std::unique_ptr<checks::CheckSchedule> m_schedule;
    // The background rounds running now, by category.
    QHash<QString, checks::CheckRunner *> m_rounds;
    quint64 m_roundGeneration = 0; // stopBackground() voids the rounds running
    // Counts runs asked for; a source's late answer to an older one is dropped.
    int m_generation = 0;
    bool m_waiting = false;
    // Worst problem per host / URL of the last run, and how many.
    struct Badge
    {
        Health worst = Health::Unknown;
        int problems = 0;
        QStringList lines;
    };
    QHash<QString, Badge> m_hostBadges;
    QHash<QString, Badge> m_urlBadges;
    // What the problems add to the host model's roll-up, by host and by URL.
    struct Contribution
    {
        Health worst = Health::Unknown;
        QStringList lines;
    };
    QHash<QString, Contribution> m_hostContributions;
    QHash<QString, Contribution> m_urlContributions;
};

// The thresholds dialog's keys in QSettings (group "checks").
namespace checksettings {
inline constexpr const char *kWarnDays = "checks/certWarningDays";
inline constexpr const char *kCriticalDays = "checks/certCriticalDays";
inline constexpr const char *kLatencyMs = "checks/latencyWarningMs";
inline constexpr const char *kTimeoutSeconds = "checks/timeoutSeconds";
inline constexpr const char *kBackground = "checks/background";
// + "/<category>": seconds between two background rounds.
inline constexpr const char *kIntervalPrefix = "checks/interval";
} // namespace checksettings

} // namespace labdeck
