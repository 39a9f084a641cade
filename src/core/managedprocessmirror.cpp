#include "managedprocess.h"
#include "managedprocess_p.h"

#include "outputlog.h"
#include "remoteverbs.h"

// A mirror: an entry of another ProcDeck shown here (RemoteSession). Nothing runs here; each
// update of the other's state is applied as the signals a local run would have sent, so that the
// table, Join and the "ended unexpectedly" mark need not know: `finished` once per run of the
// other that ended (also runs that began and ended between two updates), `started` once per run
// that got going, readinessChanged while alive. The verbs of managedprocess.cpp send themselves
// through sendRemote().

namespace {

bool isAliveState(ManagedProcess::State state)
{
    using State = ManagedProcess::State;
    return state == State::Starting || state == State::Running || state == State::Paused
        || state == State::Stopping;
}

// The runs of the other that have ended: all it started, but the one in progress.
int endedRuns(const MirrorState &state)
{
    return qMax(0, state.runCount - (isAliveState(state.state) ? 1 : 0));
}

} // namespace

void ManagedProcess::setRemote(RemoteVerbs *remote)
{
    d->remote = remote;
}

bool ManagedProcess::isMirror() const
{
    return d->remote != nullptr;
}

ManagedProcess::Result ManagedProcess::Private::sendRemote(const QString &verb, const QJsonObject &arguments)
{
    return remote->request(verb, {spec.name}, arguments);
}

void ManagedProcess::applyMirror(const MirrorState &state)
{
    if (!d->remote)
        return;
    const bool first = !d->mirror.seen;
    const int ended = endedRuns(state) - d->mirror.endedRuns;
    const bool readinessMoved = state.readiness != d->readiness || state.readinessDetail != d->readinessDetail;
    const bool alive = isAliveState(state.state);
    d->mirror.seen = true;
    d->mirror.endedRuns = endedRuns(state);
    if (first) {
        // The baseline: what happened before the attach was told there, not here.
        d->mirror.startedRun = state.state == State::Starting ? state.runCount - 1 : state.runCount;
        d->applyMirrorFields(state);
        d->setState(state.state);
        return;
    }
    if (ended > 0) {
        d->output->endRun();
        if (alive) {
            // A run ended and the next began between two updates: its end shows first, as here.
            d->state = state.lastRunEnd;
            d->exitCode = state.lastRunExitCode;
            d->unexpected = state.lastRunUnexpected;
            emit stateChanged();
        } else {
            d->applyMirrorFields(state);
            d->setState(state.state);
        }
        for (int i = 1; i < ended; ++i)
            emit finished(); // runs that began and ended between two updates
        if (alive ? state.lastRunUnexpected : state.unexpected)
            emit unexpectedEnd();
        emit finished();
    }
    d->applyMirrorFields(state);
    d->setState(state.state);
    if (alive && readinessMoved)
        emit readinessChanged();
    if (alive && state.state != State::Starting && d->mirror.startedRun != state.runCount) {
        d->mirror.startedRun = state.runCount;
        emit started(d->pid);
    }
}

void ManagedProcess::appendMirrorLine(OutputStream stream, QStringView text, qint64 timeMs, int run, bool continued)
{
    if (!d->remote)
        return;
    if (run > d->output->currentRun())
        d->output->beginRun(run);
    d->output->appendLine(stream, text, timeMs, run, continued);
}

// Everything the row shows, as the other ProcDeck said it; deadlines and the run time become this
// machine's clocks.
void ManagedProcess::Private::applyMirrorFields(const MirrorState &state)
{
    lastEnd = state.lastRunEnd;
    lastExitCode = state.lastRunExitCode;
    lastUnexpected = state.lastRunUnexpected;
    pid = state.pid;
    startTime = state.startTime;
    endTime = state.endTime;
    exitCode = state.exitCode;
    failureReason = state.failureReason;
    runCount = state.runCount;
    restartCount = state.restartCount;
    restartsInRow = state.restartsInRow;
    gaveUp = state.gaveUp;
    unexpected = state.unexpected;
    userStopped = state.stoppedByUser;
    readiness = state.readiness;
    readinessDetail = state.readinessDetail;
    dependencyText = state.dependencyText;
    nextScheduledStart = state.nextScheduledStart;
    restartDeadline = QDeadlineTimer(qMax<qint64>(0, state.nextRestartRemainingMs));
    stopDeadline = QDeadlineTimer(qMax<qint64>(0, state.stopDeadlineRemainingMs));
    mirror.treeRootPid = state.treeRootPid;
    mirror.runTimeMs = state.runTimeMs;
    mirror.cgroupUnit = state.cgroupUnit;
    mirror.outOfMemory = state.outOfMemory;
    runClock.start();
    hasRun = runCount > 0;
    runSpec = spec;
}
