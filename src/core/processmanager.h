#pragma once

#include "managedprocess.h"
#include "processspec.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

class RemoteVerbs;
class StackRunner;
class TriggerMonitor;

// Owns the entries of a session. Emits added / about-to-be-removed / removed and batched row
// changes, which ProcessTableModel turns into row inserts, removes and dataChanged.
class ProcessManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessManager)

public:
    explicit ProcessManager(QObject *parent = nullptr);
    ~ProcessManager() override;

    // Folder that relative working directories are resolved against (the session file's).
    void setBaseDirectory(const QString &directory);
    QString baseDirectory() const;

    int count() const;
    ManagedProcess *at(int row) const;
    int indexOf(const ManagedProcess *process) const;
    ManagedProcess *byId(int id) const;
    QList<ManagedProcess *> processes() const;

    // Adds an entry; an empty name becomes the next "Process-N" (numbers never reused). A spec
    // with `replicas` N > 1 becomes N copies named NAME-1 … NAME-N (each a spec with replicas 1,
    // setReplica(NAME, i)); add() then returns the first.
    ManagedProcess *add(ProcessSpec spec);
    // Adds entries in order (a session file's), as add() does for each, except that the default
    // names are chosen first, around every name of the batch: an unnamed entry before one named
    // "Process-1" does not get "Process-1" as well.
    QList<ManagedProcess *> addAll(QList<ProcessSpec> specs);
    // Removes an entry: a live one is killed first (its tree, SIGKILL) and reaped in the background.
    void remove(ManagedProcess *process);
    // Removes an entry the gentle way: a live one is terminated (stop signal, grace period,
    // SIGKILL) and stays in the list, showing Stopping, until its run has ended.
    void removeWhenStopped(ManagedProcess *process);
    // Removes every entry (New / Open): as remove() for each.
    void clear();

    // Replicas (processmanagerreplicas.cpp). The copies of the group `group` ("api": api-1 … api-N),
    // by number; empty for a plain entry.
    QList<ManagedProcess *> replicas(const QString &group) const;
    // Scales an entry to `count` copies (1 to MaxReplicas), `name` being a group's name or a plain
    // entry's (which becomes NAME-1). New copies are added after the group's last row and started
    // at once when one of the others is alive; the highest-numbered ones go when stopped
    // (removeWhenStopped()). Fails, changing nothing, when a new copy's name is taken.
    static constexpr int MaxReplicas = 100;
    ManagedProcess::Result setReplicas(const QString &name, int count);
    // The spec of `process`'s entry as the session file has it: for a copy, the group's name and
    // `replicas` the number of copies.
    ProcessSpec entrySpec(const ManagedProcess *process) const;
    // Every entry's entrySpec(), a group once, where its first copy is (what a save writes).
    QList<ProcessSpec> entrySpecs() const;
    // Gives `process`'s entry (the whole group for a copy) the spec `spec`, as the Add/Edit dialog
    // returns it: each copy gets it under its own name, and the group is scaled to spec.replicas.
    ManagedProcess::Result setEntrySpec(ManagedProcess *process, ProcessSpec spec);

    // The next default name, "Process-N", without using it up.
    QString peekDefaultName() const;

    // Starts the entries (those not alive when their turn comes) spread over event-loop passes,
    // at most about StartSliceMs of starting per pass, so that a window stays responsive while a
    // thousand start (a start forks and waits for the exec of procdeck-reaper, 1 - 5 ms: slices of
    // 4 ms keep a pass well inside a 16 ms frame). Adds to a start-all already under way;
    // terminateAll(), clear() and removal drop what has not started yet. Failures end as
    // FailedToStart runs.
    // With dependencies (the specs' `dependsOn`): what the entries depend on starts too, first,
    // and an entry whose dependencies are not satisfied yet waits for them (StackRunner).
    static constexpr int StartSliceMs = 4;
    void startAll(const QList<ManagedProcess *> &processes);
    int pendingStarts() const; // entries queued by startAll() and not started yet
    bool isStartQueued(const ManagedProcess *process) const;

    int aliveCount() const;
    // Terminate every live entry (grace period applies) and cancel every pending restart;
    // allStopped() when none is alive. Pending restarts are cancelled at once; live entries are
    // terminated in slices of about StartSliceMs, the first inside the call (so a session of up
    // to a few hundred entries is all Stopping on return), the rest from the event loop.
    // In reverse dependency order (StackRunner): an entry is terminated once every live entry
    // that depends on it has ended.
    void terminateAll();
    // Terminate these entries (Stop on a selection), in reverse dependency order among them; a
    // pending restart or a wait for dependencies is cancelled at once.
    void terminate(const QList<ManagedProcess *> &processes);

    // The stack engine: start order, waits, ordered stops, restartWithDependants().
    StackRunner *stack() const;

    // The entries' restart-on-change and schedules (triggermonitor.h), made with the manager.
    TriggerMonitor *triggers() const;

    // The restart backoff of every entry, present and future (tests shorten it).
    void setRestartTiming(const ManagedProcess::RestartTiming &timing);
    ManagedProcess::RestartTiming restartTiming() const;

    // Mirror mode (an attached session; RemoteSession, processmanagermirror.cpp). The entries are
    // mirrors of another ProcDeck's (ManagedProcess::setRemote), made and dropped by addMirror()
    // and removeMirror() only, and the manager's verbs are sent there as requests: startAll() →
    // "start" (the other runs the stack order), terminate() → "stop", terminateAll() → "stop" of
    // every entry, remove() and removeWhenStopped() → "remove", add() → "add" (returns nullptr:
    // the entry appears when the other has added it), setEntrySpec() → "edit", setReplicas() →
    // "scale". No stack engine, triggers, checks or log files act on mirrors: the other ProcDeck
    // runs them. setRemote() on an empty manager; setRemote(nullptr) after clear() leaves the mode.
    void setRemote(RemoteVerbs *remote);
    RemoteVerbs *remote() const;
    bool isMirror() const; // remote() != nullptr
    // A mirror entry at `row` (processAdded as for add()); `group` and `replicaIndex` as
    // ManagedProcess::setReplica. The id is this manager's own.
    ManagedProcess *addMirror(int row, ProcessSpec spec, const QString &group, int replicaIndex);
    // Drops a mirror here (processAboutToBeRemoved, processRemoved); nothing is sent anywhere.
    void removeMirror(ManagedProcess *process);
    // Moves a mirror to `row` (the other ProcDeck's order), as a remove and an insert.
    void moveMirror(ManagedProcess *process, int row);

signals:
    void processAdded(int row);
    void processAboutToBeRemoved(int row);
    void processRemoved(int row);
    // Rows whose display changed since the last batch, sent at most once per event-loop pass.
    void processesChanged(const QList<int> &rows);
    void processFinished(ManagedProcess *process);
    void allStopped();
    // The list of entries or a spec changed (for the window's "unsaved changes" mark).
    void modified();

private:
    void track(ManagedProcess *process);
    ManagedProcess *insertProcess(int row, ProcessSpec spec, const QString &group, int index);
    void nameUnnamed(QList<ProcessSpec> &specs);
    void markChanged(ManagedProcess *process);
    void flushChanges();
    void checkAllStopped();
    void startNextSlice();
    void terminateNextSlice();
    QSet<QString> entryNames() const;
    int nextFreeNumber(const QSet<QString> &taken) const;
    // Mirror mode's verbs (processmanagermirror.cpp).
    void sendToMirrored(const QString &verb, const QList<ManagedProcess *> &processes);
    void terminateAllMirrored();
    QList<ManagedProcess *> sendAdd(const QList<ProcessSpec> &specs);
    ManagedProcess::Result sendEdit(const ManagedProcess *process, ProcessSpec spec);

    QList<ManagedProcess *> m_processes;
    std::unique_ptr<StackRunner> m_stack; // after m_processes' signals are connected; destroyed first
    QSet<ManagedProcess *> m_changed;
    QTimer m_flushTimer;
    QTimer m_startTimer;                          // startAll()'s next slice
    QList<QPointer<ManagedProcess>> m_startQueue; // startAll()'s entries not started yet
    QTimer m_terminateTimer;                          // terminateAll()'s next slice
    QList<QPointer<ManagedProcess>> m_terminateQueue; // terminateAll()'s entries not signalled yet
    QString m_baseDirectory;
    TriggerMonitor *m_triggers = nullptr;  // child QObject
    ManagedProcess::RestartTiming m_restartTiming;
    int m_nextNumber = 1;
    int m_nextId = 1;
    bool m_terminatingAll = false; // terminateAll() was called and allStopped() is still due
    RemoteVerbs *m_remote = nullptr; // setRemote(): mirror mode
};
