#pragma once

// The triggers of a session's entries (stackspec.h): restart on change (`watch`, FileWatcher) and
// scheduled runs (`schedule`, CronSchedule or an interval). One per ProcessManager, made by it;
// it follows the manager's entries.
//
// Armed: an entry's triggers work once it has been started (by the user, Start All, an autostart
// the user trusted, a headless run: whatever may start it may also let its schedule start it)
// and until the user stops it (terminate or kill of a run, which ends it settled). Arming a
// schedule does not start the entry; its next due time shows in the row
// (ManagedProcess::nextScheduledStart()). A spec changed while armed re-arms with the new spec.
//
// Restart on change: a running entry (Starting, Running or Paused) restarts (changed(), then
// the restart; the note names the first path and the count); one that is not running is not
// started by a change, and one Stopping or Waiting for a restart is left to finish that.
//
// Schedules: each due time starts the entry, once. A run still going when the next is due is not
// started twice: the due time is skipped with a note. One timer serves every entry, set to the
// nearest due time but never longer than MaxTimerMs, and each firing re-reads the wall clock, so
// a clock that jumps (either way) or a machine that slept is caught within MaxTimerMs: due times
// that passed while the machine slept start the entry once, not once each. An interval
// (`everyMs`) counts from the arming, at a fixed rate (the due times do not drift with the runs).

#include "cronschedule.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class FileWatcher;
class ManagedProcess;
class ProcessManager;

class TriggerMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggerMonitor)

public:
    static constexpr int MaxTimerMs = 10000;

    explicit TriggerMonitor(ProcessManager *manager);
    ~TriggerMonitor() override;

    // Tests: the wall clock of the schedules (default QDateTime::currentDateTime()) and the
    // watch limit of the watchers made from now on (FileWatcher::setWatchLimit).
    void setClock(std::function<QDateTime()> clock);
    void setWatchLimit(int limit);

    bool isArmed(const ManagedProcess *process) const;
    FileWatcher *watcher(const ManagedProcess *process) const; // while armed with a watch
    QString warning(const ManagedProcess *process) const;      // the watcher's, or empty

    // A due time as the row and the notes show it: "14:05" within 24 hours of now ("14:05:30"
    // off the minute), "Mon 14:05" within a week, else with the date.
    static QString timeText(const QDateTime &when, const QDateTime &now);

    // Starts what is due by the clock and sets the timer for the next (the timer calls it).
    void checkSchedules();

signals:
    // The files of an armed, running entry changed: it is restarted (see the constructor).
    void changed(ManagedProcess *process, const QStringList &relativePaths);
    // The schedule started the entry.
    void scheduledStart(ManagedProcess *process);
    // A due time came while the last run was still going.
    void scheduledRunSkipped(ManagedProcess *process);
    // A watch could not be set up in full (FileWatcher::warning()), for the window to show.
    void warningRaised(ManagedProcess *process, const QString &text);

private:
    struct Entry
    {
        QPointer<ManagedProcess> process;
        FileWatcher *watcher = nullptr;  // child of the monitor
        std::optional<CronSchedule> cron;
        qint64 everyMs = 0;
        QDateTime due;                   // the next start; invalid without a schedule
        QDateTime lastCheck;             // the clock at the last check (a jump back shows)
        bool armed = false;
    };

    void track(ManagedProcess *process);
    void untrack(ManagedProcess *process);
    void arm(Entry &entry);
    void disarm(Entry &entry);
    void armWatch(Entry &entry);
    void armSchedule(Entry &entry, const QDateTime &now);
    void onFilesChanged(ManagedProcess *process, const QStringList &paths);
    void fire(Entry &entry, const QDateTime &now);
    QDateTime nextDue(const Entry &entry, const QDateTime &after) const;
    void rearmTimer(const QDateTime &now);

    ProcessManager *m_manager;
    QHash<const ManagedProcess *, Entry> m_entries;
    std::function<QDateTime()> m_clock;
    int m_watchLimit = 0;
    QTimer m_timer;
};
