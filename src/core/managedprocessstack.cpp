#include "managedprocess.h"
#include "managedprocess_p.h"

#include "logging.h"
#include "outputlog.h"

// ManagedProcess's part in a stack: the readiness of its run, the wait for its dependencies before
// a start, and the refusal when one of them failed. What it waits for and when the wait ends is
// StackRunner's; this holds the state and says it in the output. A mirror takes none of it: the
// ProcDeck it mirrors runs the stack (managedprocessmirror.cpp).

ManagedProcess::Result ManagedProcess::waitForDependencies(const QString &waitingFor)
{
    if (d->remote)
        return Result::failure(ManagedProcess::tr("%1 is an entry of another ProcDeck").arg(d->spec.name));
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
    if (d->state != State::WaitingForDependencies || d->remote)
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

ManagedProcess::Readiness ManagedProcess::readiness() const
{
    return d->readiness;
}

QString ManagedProcess::readinessDetail() const
{
    return d->readinessDetail;
}

void ManagedProcess::setReadiness(Readiness readiness, const QString &detail)
{
    if (!isAlive() || d->pid <= 0 || readiness == Readiness::NotRunning || d->remote)
        return;
    d->setReadiness(readiness, detail);
}

// Emits readinessChanged (and stateChanged: the row shows it) only on a change.
void ManagedProcess::Private::setReadiness(Readiness value, const QString &detail)
{
    if (readiness == value && readinessDetail == detail)
        return;
    // A run with a check says when it passes or fails (the stack's dependants wait for it; the
    // headless output shows it); a run without one is Ready at its start, which "started" says.
    if (readiness != value && runSpec.readiness.isSet()) {
        if (value == Readiness::Ready)
            output->appendMessage(ManagedProcess::tr("ready"));
        else if (value == Readiness::Failed)
            output->appendMessage(detail.isEmpty() ? ManagedProcess::tr("readiness check failed")
                                                   : ManagedProcess::tr("readiness check failed: %1").arg(detail));
    }
    readiness = value;
    readinessDetail = detail;
    emit q->readinessChanged();
    emit q->stateChanged();
}
