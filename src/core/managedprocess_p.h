#pragma once

// ManagedProcess's private part, shared by managedprocess.cpp (the verbs and the run's life),
// managedprocessrestart.cpp (the end of a run and the restart policy) and managedprocessstate.cpp
// (the state questions). Not part of the API: include it only there.

#include "managedprocess.h"
#include "processspec.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>
#include <QTimer>

#include <csignal>
#include <optional>

class CgroupScope;
class ChildProcess;
class LogFileWriter;
class OutputLog;
class RemoteVerbs;
struct LaunchPlan;

struct ManagedProcess::Private
{
    ManagedProcess *q = nullptr;
    int id = 0;
    ProcessSpec spec;
    ProcessSpec runSpec;              // the spec the current (or last) run started with
    bool hasRun = false;              // a run has started: runSpec is set
    QString baseDirectory;
    QString replicaGroup;             // setReplica(); empty for a plain entry
    int replicaIndex = 0;

    State state = State::NotStarted;
    qint64 pid = 0;
    QDateTime startTime;
    QDateTime endTime;
    int exitCode = 0;
    QString failureReason;
    int runCount = 0;

    OutputLog *output = nullptr;      // child QObject of q
    ChildProcess *child = nullptr;    // the current run's, child QObject of q; null when none
    CgroupScope *cgroup = nullptr;    // the current run's cgroup, child QObject of `child`
    LogFileWriter *logFile = nullptr; // the run spec's `log`, child QObject of q; null without
    QTimer stopTimer;                 // terminate()'s grace period
    QDeadlineTimer stopDeadline;      // valid while Stopping
    bool runEnded = true;             // the current run's end was reported
    int terminalColumns = 0;          // setTerminalSize(); 0: the terminal's default
    int terminalRows = 0;
    bool pendingFailure = false;      // a failed start waiting for its queued report
    Readiness readiness = Readiness::NotRunning;
    QString readinessDetail;
    QString dependencyText;           // WaitingForDependencies: waitingFor(); Blocked: blockedReason()
    QDateTime nextScheduledStart;     // setNextScheduledStart(): the schedule's next run

    // Supervision.
    RestartTiming timing;
    QTimer restartTimer;              // Waiting: fires the next start
    QDeadlineTimer restartDeadline;   // valid while Waiting
    bool restartByPolicy = false;     // the pending restart is the policy's (else restart()'s)
    State lastEnd = State::NotStarted;
    int lastExitCode = 0;             // the last ended run's exitCode(), kept while the next runs
    bool lastUnexpected = false;      // the last ended run's endedUnexpectedly(), the same
    int restartCount = 0;
    int restartsInRow = 0;
    bool gaveUp = false;
    bool unexpected = false;          // the last run endedUnexpectedly()
    QElapsedTimer runClock;           // the current run's uptime
    // The current run's:
    bool userStopped = false;         // terminate(), kill() or the stop signal by the user
    bool restartRequested = false;    // restart(): start again when this run ends
    bool failedByCheck = false;       // failRun(): a liveness check ended it, as a failure
    bool paused = false;              // SIGSTOP sent and no SIGCONT since
    quint64 sentSignals = 0;          // bit N: ProcDeck sent signal N to the group

    // A mirror's (managedprocessmirror.cpp): what the other ProcDeck said in its last update.
    struct Mirror
    {
        bool seen = false;            // an update has been applied (the first one sets a baseline)
        int endedRuns = 0;            // runs of the other that ended: one `finished` each
        int startedRun = 0;           // the run whose `started` has been emitted
        qint64 treeRootPid = 0;
        qint64 runTimeMs = 0;         // at the update; runClock counts on from there while alive
        QString cgroupUnit;
        bool outOfMemory = false;
    };
    RemoteVerbs *remote = nullptr;    // setRemote(): a mirror; null for an entry that runs here
    Mirror mirror;

    void setState(State newState);
    void setReadiness(Readiness value, const QString &detail);
    Result startRun();
    void updateLogFile();             // a writer for runSpec's `log`, kept while it is the same
    void resetRun();
    void queueStartFailure(const QString &reason);
    void launch(const LaunchPlan &plan);
    void endRun(State endState);
    bool computeUnexpected(State endState) const;
    qint64 policyRestartDelay(State endState);
    void cancelRestart();
    void cancelDependencyWait();
    qint64 backoffDelayMs(int restartsDone) const;
    bool signalGroup(int signal);
    std::optional<Result> beginUserStop();
    Result sendStop();
    void stopByUser();
    void reportStartFailure(const QString &reason);
    void handleStarted(qint64 childPid);
    void handleReaped();
    void handleExited(int status);
    void releaseChild();
    Result sendRemote(const QString &verb, const QJsonObject &arguments = {});
    void applyMirrorFields(const MirrorState &state);
    int stopSignal() const { return spec.stopSignal > 0 ? spec.stopSignal : SIGTERM; }
    // Bit N stands for signal N in `sentSignals`.
    static quint64 signalBit(int signal) { return signal > 0 && signal < 64 ? quint64(1) << signal : 0; }
};
