#pragma once

#include "outputtypes.h"
#include "processspec.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class OutputLog;
class RemoteVerbs;
struct MirrorState;

// The life of one process entry: the states of docs/ARCHITECTURE.md, one child at a time, in its own process
// group. Never blocks: start, terminate and kill return at once, and `finished` arrives exactly
// once per run, also when the program could not be started.
//
// Supervision (spec().restart). After a run that the user did not stop ends, the policy decides:
// `Never` leaves it ended; `OnFailure` restarts when the run ended unexpectedly (see
// endedUnexpectedly()); `Always` restarts after any end. A restart is scheduled, not immediate:
// the entry is Waiting for restartTiming().firstDelayMs (1 s) before the first restart in a row,
// doubling for each further one up to maxDelayMs (30 s). A run that stayed up stableUptimeMs
// (30 s) resets the backoff to the first delay and the count of restarts in a row to 0; a run
// that ended sooner (or failed to start) counts as failed.
//
// Giving up, exactly: when a run ends, wants a restart, and it already is the run of the
// maxRestarts-th (10th) restart in a row (each of them ended within 30 s), the entry does not
// restart again: it keeps the run's end state (Exited, Killed or FailedToStart) and gaveUp() is
// true, "gave up after 10 restarts". So a program that always fails at once runs 11 times: the
// start the user asked for and 10 restarts, 1 + 2 + 4 + 8 + 16 + 30 × 5 = 181 s of backoff.
//
// Stopped by the user means: terminate(), kill(), sendSignal(SIGKILL) or sendSignal() of the
// spec's stop signal during the run. Such a run never restarts by policy (restart() is the verb
// for "stop and start again"). terminate() or kill() on a Waiting entry cancels the pending
// attempt: the entry goes back to the end state of its last run.
class ManagedProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagedProcess)

public:
    enum class State {
        NotStarted,
        Starting,
        Running,
        Paused,         // alive, stopped by pause() / sendSignal(SIGSTOP); resume() continues it
        Stopping,       // terminate() sent the stop signal; SIGKILL follows after the grace period
        Exited,         // normal exit, exitCode() >= 0
        Killed,         // death by signal, exitCode() == -signal
        FailedToStart,  // failureReason() says why
        Waiting,        // the last run ended (lastRunEnd(), exitCode() tell how) and a restart is
                        // scheduled in nextRestartRemainingMs(); not alive, not finished
        WaitingForDependencies, // a start waits for the entries it depends on (waitingFor();
                                // StackRunner starts it); not alive, not finished
        Blocked,        // a start that waited was refused: a dependency failed (blockedReason());
                        // nothing runs; settled, not a run's end
    };
    Q_ENUM(State)

    // Whether the current run passes its readiness check (the spec's `readiness`; stackspec.h).
    // A run without a check is Ready once it has started. The check itself runs elsewhere (the
    // stack code) and reports here with setReadiness().
    enum class Readiness {
        NotRunning, // no run in progress, or it has not started yet
        Pending,    // started; the check has not passed yet
        Ready,      // the check passed (or there is none)
        Failed,     // the check failed failureThreshold times in a row
    };
    Q_ENUM(Readiness)

    struct Result
    {
        bool ok = true;
        QString error;
        static Result success() { return {}; }
        static Result failure(QString message) { return {false, std::move(message)}; }
    };

    // The restart backoff (see the comment on the class). Tests shorten it; not saved anywhere.
    struct RestartTiming
    {
        int firstDelayMs = 1000;     // before the first restart in a row
        int maxDelayMs = 30000;      // the doubling stops here
        int stableUptimeMs = 30000;  // a run this long resets the backoff and the count in a row
        int maxRestarts = 10;        // restarts in a row of failed runs before giving up
    };

    explicit ManagedProcess(int id, ProcessSpec spec, QObject *parent = nullptr);
    ~ManagedProcess() override; // kills a live child's group with SIGKILL and reaps it; no warning

    int id() const;                         // stable within a session, never reused
    const ProcessSpec &spec() const;
    void setSpec(ProcessSpec spec);         // takes effect at the next start
    // The spec the current (or last) run started with: spec() until a setSpec() while it runs is
    // applied by the next start. spec() before the first run.
    const ProcessSpec &runSpec() const;
    void setBaseDirectory(const QString &directory); // for a relative workingDirectory
    QString baseDirectory() const;
    // One of the copies of a replicated entry (the spec's `replicas`): the name of the group
    // (the entry as the session file names it: "api" for "api-1" … "api-N") and this copy's
    // number, from 1, which the program sees as PROCDECK_REPLICA. Empty and 0 for a plain entry.
    void setReplica(const QString &group, int index);
    QString replicaGroup() const;
    int replicaIndex() const;

    void setRestartTiming(const RestartTiming &timing); // takes effect at the next scheduling
    RestartTiming restartTiming() const;

    State state() const;

    // The questions callers ask about the state, answered here only, so that a new state changes
    // this table and the state's presentation, not every caller:
    //
    //   state          isAlive canStart canTerminate canKill isSettled hasPendingWork hasEndedRun
    //   NotStarted     -       yes      -            -       yes       -              -
    //   Starting       yes     -        yes          yes     -         yes            -
    //   Running        yes     -        yes          yes     -         yes            -
    //   Paused         yes     -        yes          yes     -         yes            -
    //   Stopping       yes     -        -            yes     -         yes            -
    //   Exited         -       yes      -            -       yes       -              yes
    //   Killed         -       yes      -            -       yes       -              yes
    //   FailedToStart  -       yes      -            -       yes       -              yes
    //   Waiting        -       yes      yes          yes     -         yes            yes
    //   WaitingFor…    -       yes      yes          yes     -         yes            -
    //   Blocked        -       yes      -            -       yes       -              -
    //
    // "Finished" for an entry means settled: nothing more happens without the user. The headless
    // runner waits for every entry to settle. Join joins a run, as multiprocessing's join() joins
    // one process: it waits while the entry isAlive() and then reports that run's end, so joining
    // a Waiting entry reports at once how its last run ended (hasEndedRun()); the restart that
    // follows is a new process.
    bool isAlive() const;         // a run is in progress (its child exists or is being started)
    bool canStart() const;        // start() starts a run (on Waiting: now, not after the delay)
    bool canTerminate() const;    // terminate() has something to begin: alive and not Stopping
                                  // already, or Waiting (it cancels the restart)
    bool canKill() const;         // kill() has something to do: alive, or Waiting (as terminate)
    bool canPause() const;        // Running
    bool canResume() const;       // Paused
    bool canTakeInput() const;    // writeInput()/closeInput() may reach the child: alive
    bool canInterrupt() const;    // interrupt(): alive in a terminal (TerminalMode::Terminal)
    bool isSettled() const;       // no more work happens without the user
    bool hasPendingWork() const;  // a run in progress or a restart scheduled: !isSettled()
    bool hasEndedRun() const;     // not alive and a run has ended: exitCode() and lastRunEnd()
                                  // tell how (Exited, Killed, FailedToStart or Waiting)
    bool isFinished() const;      // settled after a run: Exited, Killed or FailedToStart
    State lastRunEnd() const;               // how the last run ended: Exited, Killed or
                                            // FailedToStart; NotStarted before the first end
    // exitCode() and endedUnexpectedly() of the last run that ended, kept while the next one runs
    // (those two start afresh with each run).
    int lastRunExitCode() const;
    bool lastRunEndedUnexpectedly() const;
    qint64 pid() const;                     // the last run's PID, kept after exit; 0 before
    // While alive: the root of everything the run started (its reaper, not shown as a process of
    // the entry: its descendants are, the program and any daemon side by side); else 0.
    qint64 treeRootPid() const;
    QDateTime startTime() const;
    QDateTime endTime() const;
    qint64 runTimeMs() const;               // up to now while alive, else start to end
    int exitCode() const;                   // Python style: N, or -N for signal N; 127 after a
                                            // failed start (as a shell reports it)
    QString failureReason() const;
    int runCount() const;                   // runs started (including failed starts)
    // The last run was ended by the kernel's OOM killer in the entry's cgroup (Killed, -9).
    bool outOfMemory() const;
    // The current (or last) run's transient systemd scope; empty without one (cgroupscope.h).
    QString cgroupUnit() const;
    qint64 stopDeadlineRemainingMs() const; // in Stopping: ms until SIGKILL; else -1

    // Supervision.
    qint64 nextRestartRemainingMs() const;  // in Waiting: ms until the next start; else -1
    int restartCount() const;               // restarts done by the policy, all runs of this entry
    int restartsInRow() const;              // policy restarts since the last reset (a start by
                                            // the user, or a run that stayed up stableUptimeMs)
    bool gaveUp() const;                    // the policy stopped after restartsInRow() restarts;
                                            // state() is the last run's end; cleared by start()
    // The last run ended with a non-zero exit code, by a signal ProcDeck did not send to it, or
    // failed to start, and the user did not stop it. False while alive and before the first end.
    bool endedUnexpectedly() const;
    // The current (or last) run was stopped by the user: terminate(), kill(), or Send Signal of
    // SIGKILL or the spec's stop signal. Cleared by the next start.
    bool stoppedByUser() const;

    OutputLog *output() const;

    // Readiness of the current run (see Readiness). Reset to NotRunning when a run ends and set
    // to Pending (a check to pass) or Ready (none) when it starts.
    Readiness readiness() const;
    QString readinessDetail() const;        // the check's last word ("connection refused"), or empty
    // From the readiness check of the current run; ignored while no run is alive.
    void setReadiness(Readiness readiness, const QString &detail = QString());

    // Stacks (StackRunner, stackrunner.h): a start that waits for the entries this one depends on.
    // waitForDependencies() enters WaitingForDependencies from any state that canStart() (again
    // while waiting: updates what it waits for, "api (ready), db (succeeded)"), with a note in the
    // output when the text changes. start() then starts it; terminate() or kill() cancel the wait
    // (state back to lastRunEnd()). block() ends a wait in Blocked with its reason ("api failed its
    // readiness check") and a note "not started: REASON".
    Result waitForDependencies(const QString &waitingFor);
    QString waitingFor() const;             // in WaitingForDependencies; else empty
    void block(const QString &reason);      // only in WaitingForDependencies
    QString blockedReason() const;          // in Blocked; else empty
    // When the entry's schedule (the spec's `schedule`) starts it next, for the row and the
    // details panel; invalid when no schedule is armed. Set by TriggerMonitor (stateChanged).
    QDateTime nextScheduledStart() const;
    void setNextScheduledStart(const QDateTime &when);

    // Refused (Result::failure) only while alive. A program that cannot be started is a run that
    // ends in FailedToStart with its one `finished`, reported from the event loop. On a Waiting
    // entry it starts at once; it resets restartsInRow() and gaveUp().
    Result start();
    // Stop signal + SIGCONT to the group, SIGKILL after the grace period. On a Waiting entry:
    // cancels the pending restart (state back to lastRunEnd()).
    Result terminate();
    Result kill();         // SIGKILL to the group now; on a Waiting entry as terminate()
    // Ends the current run as failed, for a check that found it not alive (HealthCheck's
    // liveness): the stop signal and grace period of terminate(), but not a stop by the user: the
    // run endedUnexpectedly() and the restart policy decides (Never: it stays ended; OnFailure and
    // Always: a restart with the backoff and the giving up of any failed run). Refused when no
    // run is alive.
    Result failRun();
    // To the group. SIGKILL is kill(); SIGSTOP makes a running entry Paused, SIGCONT makes a
    // Paused one Running again; the spec's stop signal counts as a stop by the user.
    Result sendSignal(int signal);
    // Alive: terminate() (grace period applies), then start again as soon as the run ends (the
    // entry is Waiting with 0 ms meanwhile; not counted in restartCount()). Not alive: start().
    // A terminate() or kill() before the run ends cancels the start again.
    Result restart();
    Result pause();        // sendSignal(SIGSTOP)
    Result resume();       // sendSignal(SIGCONT)
    // Input to the program. Each line sent is also a note in the output ("input: TEXT"), so that
    // the output reads as the conversation it was; in a terminal the terminal echoes it instead
    // (and a program that turns the echo off, asking for a password, is not shown it).
    Result writeInput(const QByteArray &data);
    Result closeInput();
    // The terminal's interrupt character, as Ctrl+C typed in a terminal; canInterrupt() says when.
    Result interrupt();
    // The size of the program's terminal, now and for later runs (the output pane's width).
    void setTerminalSize(int columns, int rows);

    // A mirror: an entry of another ProcDeck shown here (an attached session; RemoteSession,
    // managedprocessmirror.cpp). Nothing runs here: applyMirror() sets what the row shows (and
    // emits stateChanged, started, readinessChanged, unexpectedEnd and finished as a local run
    // would: `finished` once per run of the other that ended), output() holds the output the other
    // sends, and the verbs (start, terminate, kill, restart, sendSignal, pause, resume,
    // writeInput, closeInput, interrupt) are sent there through `remote` and return at once:
    // success means sent, the outcome arrives with a later applyMirror(). failRun(),
    // waitForDependencies() and block() are refused or ignored (the other ProcDeck runs the
    // stack and the checks); setTerminalSize() is kept for nothing. Set once, right after
    // construction, before anything else.
    void setRemote(RemoteVerbs *remote);
    bool isMirror() const;
    void applyMirror(const MirrorState &state);
    // A line of the other's output, with its stream, time, run and cut mark as kept there. A run
    // begins in output() with its first line, not with the update that says it started: a late
    // line of the previous run (sent after that update) then stays in the previous run, out of
    // "This Run".
    void appendMirrorLine(OutputStream stream, QStringView text, qint64 timeMs, int run, bool continued);

signals:
    void stateChanged(); // any field shown in the row changed
    void specChanged();  // setSpec() changed the spec (also followed by stateChanged)
    void started(qint64 pid);
    // readiness() or readinessDetail() changed during a run (also followed by stateChanged); the
    // reset to NotRunning at a run's end is told by `finished`, not by this.
    void readinessChanged();
    // Exactly once per run, also after a failed start; see state(), exitCode(). When the policy
    // (or restart()) schedules the next run, state() is already Waiting here and lastRunEnd()
    // tells how this run ended.
    void finished();
    // Just before `finished` of a run that endedUnexpectedly() (for the row mark and a desktop
    // notification).
    void unexpectedEnd();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
