#pragma once

// When to tell the owner: on transitions only (a problem appears, or gets
// worse), after it has held for a debounce time so that a flap says nothing,
// a reminder at most every N hours while it lasts, and "recovered" with how
// long it lasted when a notified problem ends. Fed by LabSummary, so what is
// down with a dead host is one notification under the host. Mute per item
// and a pause for everything. No I/O: DesktopNotifier sends what it emits.
// UI thread.

#include "common/health.h"
#include "labsummary.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTime>
#include <QTimer>
#include <chrono>
#include <functional>

namespace labdeck {

class NotificationPolicy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationPolicy)
public:
    struct Note
    {
        enum class Kind { Problem, Reminder, Recovered };
        Kind kind = Kind::Problem;
        QString id;                      // the lab tree id ("host:bracky"), for Open and Mute
        Health health = Health::Unknown; // Recovered: the worst it was
        QString summary;                 // "bracky NotReady"
        QString body;                    // "critical · 5 more affected"
    };

    // What an item is, for per-category settings: "hosts", "workloads",
    // "compose" (Compose and host services), "components" (a host's parts:
    // tunnel, NFS, GPU…) and "urls" (public URLs and their certificates).
    [[nodiscard]] static QStringList categories();
    [[nodiscard]] static QString categoryOf(const QString &id);
    [[nodiscard]] static QString categoryTitle(const QString &category);

    struct Settings
    {
        std::chrono::milliseconds debounce{std::chrono::seconds(60)};
        // Per category, overriding `debounce`.
        QHash<QString, std::chrono::milliseconds> categoryDebounce;
        // Categories never notified (Settings > Tray).
        QSet<QString> mutedCategories;
        std::chrono::milliseconds reminder{std::chrono::hours(12)};
        // Quiet hours, local time (both invalid: none; from > to spans
        // midnight). Nothing is sent then; what still holds when they end is
        // sent then, what ended meanwhile is not.
        QTime quietFrom;
        QTime quietTo;

        // From QSettings ("notifications/…"), with the defaults above.
        [[nodiscard]] static Settings load();
        void save() const;
        [[nodiscard]] std::chrono::milliseconds debounceFor(const QString &id) const;
    };
    // Whether `local` falls in the quiet hours of s.
    [[nodiscard]] static bool isQuiet(const Settings &s, const QTime &local);

    explicit NotificationPolicy(LabSummary *summary, QObject *parent = nullptr);

    void setSettings(const Settings &settings);
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    // Tests: the clock (UTC).
    void setClock(std::function<QDateTime()> now);

    // Nothing about this item until `until`.
    void mute(const QString &id, const QDateTime &until);
    // Nothing about any item of a category until `until`.
    void muteCategory(const QString &category, const QDateTime &until);
    [[nodiscard]] bool isCategoryMuted(const QString &category) const;
    // Nothing at all until `until` (the tray's "Pause notifications for 1 hour").
    void pause(const QDateTime &until);
    [[nodiscard]] bool isPaused() const;
    [[nodiscard]] bool isMuted(const QString &id) const;

    // Looks at the summary and the clock now (the timer does it otherwise).
    void evaluate();

Q_SIGNALS:
    void notify(const labdeck::NotificationPolicy::Note &note);

private:
    struct Tracked
    {
        LabSummary::Problem problem;
        QDateTime since;     // at this severity
        QDateTime firstSeen; // of the problem, for "lasted"
        Health worst = Health::Unknown;
        bool notified = false;
        QDateTime lastNotified;
    };
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] bool silenced(const QString &id) const;
    void send(Note::Kind kind, const Tracked &t);
    void scheduleNext();

    LabSummary *m_summary;
    Settings m_settings;
    std::function<QDateTime()> m_now;
    QHash<QString, Tracked> m_tracked;
    QHash<QString, QDateTime> m_muted;
    QHash<QString, QDateTime> m_mutedCategories;
    QDateTime m_pausedUntil;
    QTimer m_timer;
};

} // namespace labdeck

Q_DECLARE_METATYPE(labdeck::NotificationPolicy::Note)
