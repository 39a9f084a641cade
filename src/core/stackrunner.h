#pragma once

#include "stackspec.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class ManagedProcess;
class ProcessManager;

// Runs a session's entries as a stack: the `dependsOn` of each entry's spec (stackspec.h), read
// afresh whenever the entries or their specs change. Owned by ProcessManager, which asks it on
// every startAll() and terminate, so the window, the headless runner and the control code all get
// the same order.
//
// Starting. prepareStart() takes the entries asked for and what they depend on, transitively
// (dependencies first; a dependency whose finished run already satisfies every entry here that
// needs it — a `succeeded` one-shot that exited 0 — is not run again). An entry whose
// dependencies are all satisfied starts at once; any other is WaitingForDependencies
// ("Waiting for api (ready)") and is started by this runner, exactly once, when the last one is
// satisfied. The conditions, per copy of a replicated dependency (all copies must satisfy):
//   started    Running or Paused;
//   ready      Running or Paused and readiness() Ready;
//   completed  its run ended (isFinished(): any exit, not restarting);
//   succeeded  its run ended with exit code 0.
// A dependency that is being started, stopped, restarted or waits itself is pending, never
// satisfied by what its previous run did. One that has settled without satisfying the condition
// (exited non-zero where `succeeded` was needed, failed to start, gave up restarting, failed its
// readiness check, ended or was stopped before a `started`/`ready` dependant started, was itself
// Blocked) ends the wait in Blocked with the reason in words (blockReason()). Every decision is
// taken from the entries' present states on each change, never from remembered events, so an entry
// restarted while others wait on it cannot wedge them or start them twice.
//
// Stopping. beginStop() stops entries in reverse order: an entry of the operation is terminated
// only when no entry of the same operation that depends on it is still alive; each still gets its
// own grace period (ManagedProcess::terminate()). Dependants outside the operation do not hold an
// entry back (stopping a database alone stops the database). A waiting entry's wait is cancelled
// at once. Kill is never held.
//
// restartWithDependants() restarts an entry and the running entries that need it running
// (`started` or `ready`, transitively): stopped in reverse order, the entry started again, and
// each dependant started once its conditions hold again.
class StackRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackRunner)

public:
    explicit StackRunner(ProcessManager *manager);
    ~StackRunner() override;

    // The entries and everything they depend on, dependencies before dependants (a cycle, which
    // the session reader refuses, is cut where it closes).
    QList<ManagedProcess *> withDependencies(const QList<ManagedProcess *> &entries) const;
    // For ProcessManager::startAll(): puts the entries that must wait into WaitingForDependencies
    // and returns those to start now, in order. Entries alive or waiting already are left alone.
    QList<ManagedProcess *> prepareStart(const QList<ManagedProcess *> &entries);
    // For ProcessManager's terminate calls: takes part in the stop of `entries`, cancels the waits
    // among them and returns the live ones to terminate now; the others are terminated here once
    // their dependants of the operation have ended.
    QList<ManagedProcess *> beginStop(const QList<ManagedProcess *> &entries);
    // Entries of a stop operation still held back (alive, their dependants not ended yet).
    int heldStops() const;

    // See the class comment. Entries not alive are simply started (with their dependencies).
    void restartWithDependants(ManagedProcess *entry);
    // The entry was stopped by restartWithDependants() and starts again: its stop is not the
    // user's "stop" (TriggerMonitor keeps its watch armed).
    bool isRestarting(const ManagedProcess *entry) const;

    // The entries this one depends on (every copy of a replicated one) and those that depend on it.
    QList<ManagedProcess *> dependencies(const ManagedProcess *entry) const;
    QList<ManagedProcess *> dependants(const ManagedProcess *entry) const;
    // One line per dependency, for a tooltip and the details panel: "api (ready): running, not
    // ready yet". Empty for an entry without dependencies.
    QStringList dependencyLines(const ManagedProcess *entry) const;

private:
    enum class Verdict { Satisfied, Pending, Failed };
    struct Check
    {
        Verdict verdict = Verdict::Satisfied;
        QString reason; // Failed: why, in words
    };
    struct Edge
    {
        Dependency dependency;
        QList<ManagedProcess *> targets; // the entry, or every copy of a replicated group
    };

    void rebuildGraph() const;
    const QList<Edge> &edges(const ManagedProcess *entry) const;
    void track(ManagedProcess *process);
    void forget(ManagedProcess *process);
    void scheduleEvaluation();
    void evaluate();
    void onEnded(ManagedProcess *process);
    void releaseStops();
    bool dependantsStopping(const ManagedProcess *process) const;
    bool isPending(const ManagedProcess *target) const;
    Check checkTarget(const ManagedProcess *target, DependencyCondition condition) const;
    Check checkEdge(const Edge &edge) const;
    Check checkEntry(const ManagedProcess *entry, QStringList *unmet) const;
    bool keepsFinishedRun(const ManagedProcess *dependency, const QSet<ManagedProcess *> &closure) const;
    static QString endReason(const ManagedProcess *target, DependencyCondition condition);
    static QString edgeText(const Dependency &dependency);

    ProcessManager *m_manager = nullptr;
    QTimer m_evaluateTimer;
    QList<QPointer<ManagedProcess>> m_waiting;   // WaitingForDependencies by our hand
    QSet<ManagedProcess *> m_startingNow;        // prepareStart()'s "start now", until queued
    QSet<ManagedProcess *> m_stopping;           // alive entries of a stop operation
    QList<QPointer<ManagedProcess>> m_held;      // of those, not terminated yet
    QSet<ManagedProcess *> m_restarting;         // restartWithDependants(): start again at the end
    QSet<ManagedProcess *> m_endOfRestart;       // ended for a restart, `finished` not yet handled
    mutable QHash<const ManagedProcess *, QList<Edge>> m_edges;
    mutable QHash<const ManagedProcess *, QList<ManagedProcess *>> m_dependants;
    mutable bool m_graphDirty = true;
    mutable bool m_hasEdges = false;
};
