#pragma once

#include "managedprocess.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// What the mirror entries of an attached session (ManagedProcess::setRemote) and its mirror
// ProcessManager (ProcessManager::setRemote) send to the ProcDeck they mirror: one request of the
// control protocol (docs/control-protocol.md) per verb, e.g. request("start", {"api"}) or
// request("signal", {"api"}, {{"signal", "SIGUSR1"}}). Implemented by RemoteSession.
class RemoteVerbs
{
public:
    virtual ~RemoteVerbs() = default;
    // Returns once the request is sent: success means sent (the outcome shows in the mirrors when
    // the other ProcDeck has acted; a refusal comes back as RemoteSession::requestFailed), failure
    // means it could not be sent (not connected).
    virtual ManagedProcess::Result request(const QString &verb, const QStringList &names,
                                           const QJsonObject &arguments = {}) = 0;

protected:
    RemoteVerbs() = default;
    RemoteVerbs(const RemoteVerbs &) = default;
    RemoteVerbs &operator=(const RemoteVerbs &) = default;
};

// The state of a mirrored entry, as an entry object of the `watch` stream carries it
// (ControlProtocol::describeEntry with the watch fields; docs/control-protocol.md). Times are this
// machine's: fromJson() turns the other's remaining and elapsed times into local deadlines.
struct MirrorState
{
    ManagedProcess::State state = ManagedProcess::State::NotStarted;
    ManagedProcess::State lastRunEnd = ManagedProcess::State::NotStarted;
    qint64 pid = 0;
    qint64 treeRootPid = 0;          // 0 unless the other ProcDeck is on this machine
    QDateTime startTime;
    QDateTime endTime;
    qint64 runTimeMs = 0;            // when the message was read
    int exitCode = 0;
    int lastRunExitCode = 0;         // lastRunExitCode(): the ended run's, while the next runs
    QString failureReason;
    int runCount = 0;
    int restartCount = 0;
    int restartsInRow = 0;
    bool gaveUp = false;
    bool unexpected = false;         // endedUnexpectedly()
    bool lastRunUnexpected = false;  // lastRunEndedUnexpectedly()
    bool stoppedByUser = false;
    ManagedProcess::Readiness readiness = ManagedProcess::Readiness::NotRunning;
    QString readinessDetail;
    QString dependencyText;          // waitingFor() in WaitingForDependencies, blockedReason() in Blocked
    qint64 nextRestartRemainingMs = -1;
    qint64 stopDeadlineRemainingMs = -1;
    QDateTime nextScheduledStart;
    QString cgroupUnit;
    bool outOfMemory = false;

    // `local`: the other ProcDeck runs on this machine (its PIDs are this machine's: treeRootPid
    // is kept, so CPU and memory can be read from /proc); otherwise treeRootPid is 0.
    static std::optional<MirrorState> fromJson(const QJsonObject &entry, bool local);
};
