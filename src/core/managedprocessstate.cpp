#include "managedprocess.h"

// The questions callers ask about an entry's state (the table in managedprocess.h), answered here
// only, from state() alone.

bool ManagedProcess::isAlive() const
{
    return state() == State::Starting || state() == State::Running || state() == State::Paused
        || state() == State::Stopping;
}

bool ManagedProcess::canStart() const
{
    return !isAlive();
}

bool ManagedProcess::canTerminate() const
{
    return (isAlive() && state() != State::Stopping) || state() == State::Waiting
        || state() == State::WaitingForDependencies;
}

bool ManagedProcess::canKill() const
{
    return isAlive() || state() == State::Waiting || state() == State::WaitingForDependencies;
}

bool ManagedProcess::canPause() const
{
    return state() == State::Running;
}

bool ManagedProcess::canResume() const
{
    return state() == State::Paused;
}

bool ManagedProcess::isSettled() const
{
    return state() == State::NotStarted || state() == State::Blocked || isFinished();
}

bool ManagedProcess::hasPendingWork() const
{
    return !isSettled();
}

bool ManagedProcess::hasEndedRun() const
{
    return isFinished() || state() == State::Waiting;
}

bool ManagedProcess::isFinished() const
{
    return state() == State::Exited || state() == State::Killed || state() == State::FailedToStart;
}

bool ManagedProcess::canTakeInput() const
{
    return isAlive();
}
