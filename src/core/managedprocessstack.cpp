#include "managedprocess.h"
#include "managedprocess_p.h"

#include "logging.h"
#include "outputlog.h"

// ManagedProcess's part in a stack: the wait for its dependencies before a start, and the refusal
// when one of them failed. What it waits for and when the wait ends is StackRunner's; this holds
// the state and says it in the output.

ManagedProcess::Result ManagedProcess::waitForDependencies(const QString &waitingFor)
{
    if (!canStart())
        return Result::failure(ManagedProcess::tr("%1 is already running (PID %2)").arg(d->spec.name).arg(d->pid));
    if (d->state == State::WaitingForDependencies && d->dependencyText == waitingFor)
        return Result::success();
    d->restartTimer.stop(); // a Waiting entry's restart becomes this start
    d->dependencyText = waitingFor;
    qCInfo(lcProcess) << d->spec.name << "waiting for" << waitingFor;
    d->output->appendMessage(ManagedProcess::tr("waiting for %1").arg(waitingFor));
    d->setState(State::WaitingForDependencies);
    return Result::success();
}

QString ManagedProcess::waitingFor() const
{
    return d->state == State::WaitingForDependencies ? d->dependencyText : QString();
}

void ManagedProcess::block(const QString &reason)
{
    if (d->state != State::WaitingForDependencies)
        return;
    d->dependencyText = reason;
    qCInfo(lcProcess) << d->spec.name << "not started:" << reason;
    d->output->appendMessage(ManagedProcess::tr("not started: %1").arg(reason));
    d->setState(State::Blocked);
}

QString ManagedProcess::blockedReason() const
{
    return d->state == State::Blocked ? d->dependencyText : QString();
}

void ManagedProcess::Private::cancelDependencyWait()
{
    qCInfo(lcProcess) << spec.name << "wait for dependencies cancelled";
    output->appendMessage(ManagedProcess::tr("wait for %1 cancelled").arg(dependencyText));
    dependencyText.clear();
    setState(lastEnd);
}
