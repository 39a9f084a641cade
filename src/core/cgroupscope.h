#pragma once

#include "cgroupsupport.h"
#include "processspec.h"

#include <QObject>
#include <QString>

class OutputLog;
class QDBusObjectPath;
class QDBusPendingCallWatcher;
class QFileSystemWatcher;
class QSocketNotifier;
class QTimer;

// The cgroup of one run: a transient systemd scope that holds the entry's reaper, so the program
// and all its descendants (setsid() daemons too) start inside it, with the entry's limits
// (docs/ARCHITECTURE.md, "Containment"). Everything is asynchronous: place() asks the systemd
// user manager over D-Bus (StartTransientUnit, mode "fail") and `placed` follows when its job is
// done, failed, or the time ran out — never from inside place(). A scope that could not be made
// never fails the run: the reaper alone contains it and its output says once why.
//
// While placed it watches, through kernel notifications and no polling: the memory threshold of
// `restartAboveMemoryMB` (v2: memory.high and the `high` counter of memory.events, seen by
// inotify; v1: an eventfd registered on memory.usage_in_bytes through cgroup.event_control) and
// the OOM killer (v2: `oom_kill` in memory.events; v1: an eventfd on memory.oom_control). systemd
// removes the scope when its last process is gone (CollectMode inactive-or-failed), which is why
// the OOM count is kept as it happens rather than read at the end.
class CgroupScope final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CgroupScope)

public:
    // Notes go to `output` (not owned; it must outlive this object).
    explicit CgroupScope(OutputLog *output, QObject *parent = nullptr);
    ~CgroupScope() override;

    static constexpr int PlaceTimeoutMs = 2000;

    // Puts processes `pids` (and so everything they fork from now on) in a new scope for the entry.
    // Without a systemd user manager, `placed(false)` follows at once (and "limits not applied"
    // once in the output, when the entry has limits).
    // Waits for CgroupSupport's probe if it has not answered yet (within the same time).
    void place(const QList<qint64> &pids, const QString &entryName, const ProcessLimits &limits,
               int timeoutMs = PlaceTimeoutMs);

    bool isPlaced() const;
    QString unitName() const;            // empty until placed
    CgroupDirectories directories() const;
    // When the reaper is gone (the run's end): processes still in the scope are none of the
    // reaper's tree (its tree is gone when it exits) — moved in from outside, or left by a reaper
    // killed from outside. They are killed at once through v2 cgroup.kill, with a note; false when
    // none were there or there is no such file (not placed, no cgroup v2, a kernel before 5.14).
    // Also reads the OOM count one last time, before systemd removes the empty scope.
    bool killRemaining();
    // At the end of the run: whether the kernel's OOM killer killed a process of the scope during
    // it; if so, says so in the output.
    // `killedUnasked`: the program died by a SIGKILL ProcDeck did not send.
    bool noteOutOfMemory(bool killedUnasked);
    bool wasOutOfMemory() const; // noteOutOfMemory() found an OOM kill

signals:
    void placed(bool ok);
    void memoryAbove(); // the memory of the scope went above restartAboveMemoryMB (once)

private Q_SLOTS:
    // QtDBus connects D-Bus signals to slots by signature only (no function-pointer overload).
    void onJobRemoved(uint id, const QDBusObjectPath &job, const QString &unit, const QString &result);

private:
    void startUnit(const CgroupAvailability &availability);
    void onStartReply(QDBusPendingCallWatcher *watcher);
    void stopUnitWhenEmpty();
    void finishPlacement(bool ok, QString error);
    bool isInScope() const;
    void watchMemory();
    int openEventFd(const QString &controlFile, const QByteArray &arguments);
    void readCounters();
    void onEventFd(int which);
    void reportAbove();

    OutputLog *m_output = nullptr;
    QString m_entryName;
    ProcessLimits m_limits;
    CgroupMemoryInterface m_memory = CgroupMemoryInterface::None;
    QList<qint64> m_pids;                // placed: the reaper (first) and what it holds
    QString m_unit;                      // asked for
    bool m_waiting = false;              // asked, no answer yet
    bool m_placed = false;
    CgroupDirectories m_directories;
    QTimer *m_timeout = nullptr;
    // After systemd's reply, until the first process shows in the scope: its JobRemoved may pass
    // before the bus routes it to us (the match rule is added asynchronously), so /proc says too.
    QTimer *m_recheck = nullptr;

    qint64 m_oomAtStart = -1;            // the oom_kill counter when placed
    qint64 m_oomLast = -1;               // its last value read
    qint64 m_highAtStart = -1;           // v2: memory.events `high` when placed
    bool m_above = false;                // memoryAbove was emitted
    bool m_outOfMemory = false;          // noteOutOfMemory() found an OOM kill
    quint64 m_oomEventsAlive = 0;        // v1 OOM eventfd counts read while the cgroup existed
    quint64 m_oomEventsLate = 0;         // and after (its removal signals the eventfd too)
    QFileSystemWatcher *m_eventsWatcher = nullptr; // v2 memory.events
    int m_eventFds[2] = {-1, -1};        // v1: 0 the usage threshold, 1 the OOM notification
    QSocketNotifier *m_eventNotifiers[2] = {nullptr, nullptr};
};
