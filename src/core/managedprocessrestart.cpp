#include "managedprocess.h"
#include "managedprocess_p.h"

#include "logging.h"
#include "outputlog.h"

using namespace Qt::StringLiterals;

// The end of a run and what follows it: whether it ended unexpectedly, the restart policy and its
// backoff, and the one `finished`. The rest of the supervisor is in managedprocess.cpp.

bool ManagedProcess::Private::computeUnexpected(State endState) const
{
    if (failedByCheck)
        return !userStopped; // a liveness check ended it: a failure, unless the user stopped it too
    bool bySignalWeSent = false;
    if (endState == State::Killed)
        bySignalWeSent = (sentSignals & signalBit(-exitCode)) != 0;
    return !userStopped
        && (endState == State::FailedToStart || (endState == State::Exited && exitCode != 0)
            || (endState == State::Killed && !bySignalWeSent));
}

// The policy's decision after a run the user did not stop: the delay before the next start, or
// -1 for none (also when it gives up).
qint64 ManagedProcess::Private::policyRestartDelay(State endState)
{
    const bool wanted = !userStopped
        && (spec.restart == RestartPolicy::Always || (spec.restart == RestartPolicy::OnFailure && unexpected));
    if (!wanted)
        return -1;
    const qint64 uptime = endState == State::FailedToStart ? 0 : runClock.elapsed();
    if (uptime >= timing.stableUptimeMs)
        restartsInRow = 0;
    if (restartsInRow >= timing.maxRestarts) {
        gaveUp = true;
        qCInfo(lcProcess) << spec.name << "gave up after" << restartsInRow << "restarts in a row";
        output->appendMessage(ManagedProcess::tr("gave up after %1 restarts in a row (each run ended within %2 s)")
                                  .arg(restartsInRow)
                                  .arg(timing.stableUptimeMs / 1000.0));
        return -1;
    }
    restartByPolicy = true;
    const qint64 delay = backoffDelayMs(restartsInRow);
    output->appendMessage(ManagedProcess::tr("restart policy %1: next start in %2 s")
                              .arg(restartPolicyToString(spec.restart))
                              .arg(delay / 1000.0));
    return delay;
}

// The end of every run: decides on a restart, then the one `finished` (with the state already
// Waiting when a restart is scheduled, so that whoever counts ended entries sees it is not done).
void ManagedProcess::Private::endRun(State endState)
{
    lastEnd = endState;
    paused = false;
    readiness = Readiness::NotRunning; // no signal of its own: the state change below tells
    readinessDetail.clear();
    unexpected = computeUnexpected(endState);
    lastExitCode = exitCode;
    lastUnexpected = unexpected;

    qint64 delay = -1;
    if (restartRequested) {
        restartRequested = false;
        restartByPolicy = false;
        delay = 0;
    } else {
        delay = policyRestartDelay(endState);
    }

    if (delay >= 0) {
        qCInfo(lcProcess) << spec.name << "next start in" << delay << "ms"
                          << (restartByPolicy ? "(restart policy)" : "(restart)");
        restartDeadline = QDeadlineTimer(delay);
        restartTimer.start(int(delay));
        setState(State::Waiting);
    } else {
        setState(endState);
    }
    if (unexpected)
        emit q->unexpectedEnd();
    emit q->finished();
}

// terminate() or kill() on a Waiting entry: no next start; the last run's end shows again.
void ManagedProcess::Private::cancelRestart()
{
    restartTimer.stop();
    qCInfo(lcProcess) << spec.name << "pending restart cancelled";
    output->appendMessage(ManagedProcess::tr("pending restart cancelled"));
    setState(lastEnd);
}

// The wait before the policy's restart number restartsDone + 1 in a row: the first delay,
// doubled per restart already done, at most the maximum.
qint64 ManagedProcess::Private::backoffDelayMs(int restartsDone) const
{
    const qint64 cap = qMax(0, timing.maxDelayMs);
    qint64 delay = qMax(0, timing.firstDelayMs);
    for (int i = 0; i < restartsDone && delay < cap; ++i)
        delay *= 2;
    return qMin(delay, cap);
}
