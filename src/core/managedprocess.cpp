#include "managedprocess.h"
#include "managedprocess_p.h"

#include "cgroupscope.h"
#include "cgroupsupport.h"
#include "childprocess.h"
#include "launchplan.h"
#include "logfilewriter.h"
#include "logging.h"
#include "outputlog.h"
#include "signalnames.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTimer>

#include <csignal>
#include <optional>

using namespace Qt::StringLiterals;

// ManagedProcess is the supervisor: states, the stop grace countdown, what the user stopped, and the
// messages in the log; the end of a run and the restart policy with its backoff are in
// managedprocessrestart.cpp, its private part in managedprocess_p.h. Everything about the operating
// system's side of a run (fork, process group, pipes, reaping, signals) is ChildProcess's, and
// what is executed is resolveLaunch()'s.

ManagedProcess::ManagedProcess(int id, ProcessSpec spec, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->id = id;
    d->spec = std::move(spec);
    d->output = new OutputLog(this);
    d->stopTimer.setSingleShot(true);
    d->stopTimer.setTimerType(Qt::PreciseTimer); // the grace period is never cut short
    connect(&d->stopTimer, &QTimer::timeout, this, [this] {
        if (d->state != State::Stopping)
            return;
        d->output->appendMessage(ManagedProcess::tr("still running after the grace period of %1 ms: SIGKILL to the process tree")
                                     .arg(d->spec.stopTimeoutMs));
        qCInfo(lcProcess) << d->spec.name << "grace period over: SIGKILL to the process tree of" << d->pid;
        if (d->child)
            d->child->killTreeWithProgram();
        d->signalGroup(SIGKILL);
    });
    d->restartTimer.setSingleShot(true);
    d->restartTimer.setTimerType(Qt::PreciseTimer); // the backoff is never cut short
    connect(&d->restartTimer, &QTimer::timeout, this, [this] {
        if (d->state != State::Waiting)
            return;
        if (d->restartByPolicy) {
            ++d->restartsInRow;
            ++d->restartCount;
        } else {
            d->restartsInRow = 0; // restart() is the user's start
        }
        d->startRun();
    });
}

ManagedProcess::~ManagedProcess()
{
    d->stopTimer.stop();
    d->restartTimer.stop();
    // Before the OutputLog goes: a live child is killed and reaped by its destructor, no warning.
    delete d->child;
    d->child = nullptr;
}

int ManagedProcess::id() const
{
    return d->id;
}

const ProcessSpec &ManagedProcess::spec() const
{
    return d->spec;
}

const ProcessSpec &ManagedProcess::runSpec() const
{
    return d->hasRun ? d->runSpec : d->spec;
}

void ManagedProcess::setSpec(ProcessSpec spec)
{
    if (d->spec == spec)
        return;
    d->spec = std::move(spec);
    // A policy switched to `never` while a policy restart is pending: that restart is off too.
    if (d->state == State::Waiting && d->restartByPolicy && d->spec.restart == RestartPolicy::Never)
        d->cancelRestart();
    emit specChanged();
    emit stateChanged();
}

void ManagedProcess::setBaseDirectory(const QString &directory)
{
    d->baseDirectory = directory;
}

void ManagedProcess::setRestartTiming(const RestartTiming &timing)
{
    d->timing = timing;
}

ManagedProcess::RestartTiming ManagedProcess::restartTiming() const
{
    return d->timing;
}

ManagedProcess::State ManagedProcess::state() const
{
    return d->state;
}

bool ManagedProcess::canInterrupt() const
{
    if (d->remote)
        return isAlive() && d->spec.terminal == TerminalMode::Terminal;
    return isAlive() && d->child && d->child->hasTerminal();
}

ManagedProcess::State ManagedProcess::lastRunEnd() const
{
    return d->lastEnd;
}

int ManagedProcess::lastRunExitCode() const
{
    return d->lastExitCode;
}

bool ManagedProcess::lastRunEndedUnexpectedly() const
{
    return d->lastUnexpected;
}

qint64 ManagedProcess::pid() const
{
    return d->pid;
}

qint64 ManagedProcess::treeRootPid() const
{
    if (d->remote)
        return isAlive() ? d->mirror.treeRootPid : 0;
    return d->child && d->child->isRunning() ? d->child->reaperPid() : 0;
}

QDateTime ManagedProcess::startTime() const
{
    return d->startTime;
}

QDateTime ManagedProcess::endTime() const
{
    return d->endTime;
}

qint64 ManagedProcess::runTimeMs() const
{
    if (d->remote)
        return d->mirror.runTimeMs + (isAlive() && d->runClock.isValid() ? d->runClock.elapsed() : 0);
    if (!d->startTime.isValid())
        return 0;
    const QDateTime end = d->endTime.isValid() ? d->endTime : QDateTime::currentDateTimeUtc();
    return qMax<qint64>(0, d->startTime.msecsTo(end));
}

int ManagedProcess::exitCode() const
{
    return d->exitCode;
}

QString ManagedProcess::failureReason() const
{
    return d->failureReason;
}

int ManagedProcess::runCount() const
{
    return d->runCount;
}

bool ManagedProcess::outOfMemory() const
{
    if (d->remote)
        return d->mirror.outOfMemory;
    return d->cgroup && d->cgroup->wasOutOfMemory();
}

QString ManagedProcess::cgroupUnit() const
{
    if (d->remote)
        return d->mirror.cgroupUnit;
    return d->cgroup ? d->cgroup->unitName() : QString();
}

qint64 ManagedProcess::stopDeadlineRemainingMs() const
{
    if (d->state != State::Stopping)
        return -1;
    return d->stopDeadline.remainingTime();
}

qint64 ManagedProcess::nextRestartRemainingMs() const
{
    if (d->state != State::Waiting)
        return -1;
    return d->restartDeadline.remainingTime();
}

int ManagedProcess::restartCount() const
{
    return d->restartCount;
}

int ManagedProcess::restartsInRow() const
{
    return d->restartsInRow;
}

bool ManagedProcess::gaveUp() const
{
    return d->gaveUp;
}

bool ManagedProcess::endedUnexpectedly() const
{
    return d->unexpected;
}

bool ManagedProcess::stoppedByUser() const
{
    return d->userStopped;
}

OutputLog *ManagedProcess::output() const
{
    return d->output;
}

ManagedProcess::Result ManagedProcess::start()
{
    if (d->remote)
        return d->sendRemote(u"start"_s);
    if (!canStart())
        return Result::failure(ManagedProcess::tr("%1 is already running (PID %2)").arg(d->spec.name).arg(d->pid));
    // The user's start: a pending restart happens now, and the policy counts from zero again.
    d->restartTimer.stop();
    d->restartsInRow = 0;
    return d->startRun();
}

ManagedProcess::Result ManagedProcess::terminate()
{
    if (d->remote)
        return d->sendRemote(u"stop"_s);
    if (const std::optional<Result> done = d->beginUserStop())
        return *done;
    if (d->state == State::Stopping)
        return Result::success(); // already on its way; the deadline stays
    return d->sendStop();
}

ManagedProcess::Result ManagedProcess::failRun()
{
    if (!isAlive() || d->pendingFailure || !d->child || d->runEnded) // a mirror has no child
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    d->failedByCheck = true;
    if (d->state == State::Stopping)
        return Result::success();
    return d->sendStop();
}

// terminate()'s signals: the stop signal (and SIGCONT) to the tree, SIGKILL after the grace period.
ManagedProcess::Result ManagedProcess::Private::sendStop()
{
    const int signal = stopSignal();
    child->killTreeWithProgram();
    output->appendMessage(ManagedProcess::tr("terminate: %1 to the process tree of PID %2").arg(SignalNames::name(signal)).arg(pid));
    if (!signalGroup(signal))
        return Result::failure(ManagedProcess::tr("%1 could not be signalled").arg(spec.name));
    if (signal != SIGKILL)
        signalGroup(SIGCONT); // a stopped process must run to act on the stop signal

    const int grace = qMax(0, spec.stopTimeoutMs);
    qCInfo(lcProcess) << spec.name << "terminate:" << SignalNames::name(signal) << "to the process tree of"
                      << pid << "SIGKILL in" << grace << "ms";
    stopDeadline = QDeadlineTimer(grace);
    stopTimer.start(grace);
    paused = false;
    setState(State::Stopping);
    return Result::success();
}

ManagedProcess::Result ManagedProcess::kill()
{
    if (d->remote)
        return d->sendRemote(u"kill"_s);
    if (const std::optional<Result> done = d->beginUserStop())
        return *done;
    d->child->killTreeWithProgram();
    d->output->appendMessage(ManagedProcess::tr("kill: SIGKILL to the process tree of PID %1").arg(d->pid));
    if (!d->signalGroup(SIGKILL))
        return Result::failure(ManagedProcess::tr("%1 could not be signalled").arg(d->spec.name));
    qCInfo(lcProcess) << d->spec.name << "kill: SIGKILL to the process tree of" << d->pid;
    d->stopTimer.stop();
    d->stopDeadline = QDeadlineTimer(0);
    d->paused = false;
    d->setState(State::Stopping);
    return Result::success();
}

ManagedProcess::Result ManagedProcess::sendSignal(int signal)
{
    if (d->remote)
        return d->sendRemote(u"signal"_s, {{u"signal"_s, SignalNames::name(signal)}});
    if (!isAlive() || d->pendingFailure || !d->child)
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    if (signal == SIGKILL)
        return kill();
    d->output->appendMessage(ManagedProcess::tr("%1 to the process tree of PID %2").arg(SignalNames::name(signal)).arg(d->pid));
    if (!d->signalGroup(signal))
        return Result::failure(ManagedProcess::tr("%1 could not be signalled").arg(d->spec.name));
    qCInfo(lcProcess) << d->spec.name << SignalNames::name(signal) << "to the process tree of" << d->pid;
    if (signal == d->stopSignal())
        d->stopByUser();
    // Paused follows what ProcDeck sent; a stop or continue from elsewhere is not seen (QProcess
    // does not wait with WUNTRACED). Stopping stays Stopping: its deadline still runs.
    if (signal == SIGSTOP) {
        d->paused = true;
        if (d->state == State::Running)
            d->setState(State::Paused); // Starting becomes Paused in handleStarted()
    } else if (signal == SIGCONT) {
        d->paused = false;
        if (d->state == State::Paused)
            d->setState(State::Running);
    }
    return Result::success();
}

ManagedProcess::Result ManagedProcess::restart()
{
    if (d->remote)
        return d->sendRemote(u"restart"_s);
    if (!isAlive())
        return start(); // also on a Waiting entry: at once
    if (d->state != State::Stopping && !d->pendingFailure) {
        const Result result = terminate();
        if (!result.ok)
            return result;
    }
    // After terminate(), which cancels any earlier request.
    d->restartRequested = true;
    d->output->appendMessage(ManagedProcess::tr("restart: starts again when this run ends"));
    return Result::success();
}

ManagedProcess::Result ManagedProcess::pause()
{
    if (d->remote)
        return d->sendRemote(u"pause"_s);
    return sendSignal(SIGSTOP);
}

ManagedProcess::Result ManagedProcess::resume()
{
    if (d->remote)
        return d->sendRemote(u"resume"_s);
    return sendSignal(SIGCONT);
}

ManagedProcess::Result ManagedProcess::writeInput(const QByteArray &data)
{
    if (d->remote)
        return d->sendRemote(u"input"_s, {{u"text"_s, QString::fromUtf8(data)}});
    if (!d->child || !d->child->isRunning() || d->runEnded)
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    const QString error = d->child->writeInput(data);
    if (!error.isEmpty())
        return Result::failure(error);
    if (!d->child->hasTerminal()) {
        QList<QByteArray> lines = data.split('\n');
        if (lines.size() > 1 && lines.constLast().isEmpty())
            lines.removeLast();
        for (const QByteArray &line : std::as_const(lines))
            d->output->appendMessage(ManagedProcess::tr("input: %1").arg(QString::fromUtf8(line)));
    }
    return Result::success();
}

ManagedProcess::Result ManagedProcess::interrupt()
{
    if (d->remote)
        return d->sendRemote(u"interrupt"_s);
    if (!canInterrupt())
        return Result::failure(ManagedProcess::tr("%1 is not running in a terminal").arg(d->spec.name));
    const QString error = d->child->interrupt();
    return error.isEmpty() ? Result::success() : Result::failure(error);
}

void ManagedProcess::setTerminalSize(int columns, int rows)
{
    d->terminalColumns = columns;
    d->terminalRows = rows;
    if (d->child)
        d->child->setTerminalSize(columns, rows);
}

ManagedProcess::Result ManagedProcess::closeInput()
{
    if (d->remote)
        return d->sendRemote(u"input"_s, {{u"eof"_s, true}});
    if (!d->child || d->runEnded || !d->child->closeInput())
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    return Result::success();
}

QString ManagedProcess::baseDirectory() const
{
    return d->baseDirectory;
}

void ManagedProcess::setReplica(const QString &group, int index)
{
    d->replicaGroup = group;
    d->replicaIndex = group.isEmpty() ? 0 : index;
}

QString ManagedProcess::replicaGroup() const
{
    return d->replicaGroup;
}

int ManagedProcess::replicaIndex() const
{
    return d->replicaIndex;
}

QDateTime ManagedProcess::nextScheduledStart() const
{
    return d->nextScheduledStart;
}

void ManagedProcess::setNextScheduledStart(const QDateTime &when)
{
    if (d->nextScheduledStart == when)
        return;
    d->nextScheduledStart = when;
    emit stateChanged();
}

// ---- Private -----------------------------------------------------------------------------------

void ManagedProcess::Private::setState(State newState)
{
    state = newState;
    emit q->stateChanged();
}

// A new run: what the log, the row and the policy know about it starts afresh.
void ManagedProcess::Private::resetRun()
{
    // The previous run's child (not running any more) goes now.
    releaseChild();
    restartTimer.stop();
    gaveUp = false;
    unexpected = false;
    userStopped = false;
    failedByCheck = false;
    restartRequested = false;
    paused = false;
    sentSignals = 0;
    runClock.start();

    ++runCount;
    pid = 0;
    exitCode = 0;
    failureReason.clear();
    startTime = QDateTime::currentDateTimeUtc();
    endTime = QDateTime();
    runEnded = false;
    output->beginRun(runCount);
}

ManagedProcess::Result ManagedProcess::Private::startRun()
{
    resetRun();
    dependencyText.clear();
    runSpec = spec;
    hasRun = true;
    updateLogFile();
    LaunchResolution launch = resolveLaunch(spec, baseDirectory);
    addReplicaNumber(launch.plan.environment, replicaIndex);
    setState(State::Starting);
    if (!launch.ok()) {
        qCInfo(lcProcess) << spec.name << "cannot start:" << launch.problem;
        queueStartFailure(launch.problem);
        return Result::success();
    }
    qCInfo(lcProcess) << spec.name << "launch:" << launch.plan.program << launch.plan.arguments << "in"
                      << launch.plan.workingDirectory;
    this->launch(launch.plan);
    return Result::success();
}

// Before the run's first line: the writer takes the log's lines from the next one on.
void ManagedProcess::Private::updateLogFile()
{
    const QString path = runSpec.log.isSet()
        ? LogFileWriter::filePath(runSpec.log, baseDirectory, replicaIndex) : QString();
    if (logFile && logFile->writes(path, runSpec.log))
        return;
    delete logFile; // writes what waits
    logFile = path.isEmpty() ? nullptr : new LogFileWriter(q, path, runSpec.log);
}

// Reported from the event loop, like every other end of a run, so that nobody's slot runs inside
// start(); the entry stays Starting (and refuses a second start) until then.
void ManagedProcess::Private::queueStartFailure(const QString &reason)
{
    pendingFailure = true;
    QTimer::singleShot(0, q, [this, reason] {
        if (!pendingFailure)
            return;
        pendingFailure = false;
        reportStartFailure(reason);
    });
}

void ManagedProcess::Private::launch(const LaunchPlan &plan)
{
    child = new ChildProcess(output, q);
    QObject::connect(child, &ChildProcess::started, q, [this](qint64 childPid) { handleStarted(childPid); });
    QObject::connect(child, &ChildProcess::reaped, q, [this] { handleReaped(); });
    QObject::connect(child, &ChildProcess::exited, q, [this](int status) { handleExited(status); });
    QObject::connect(child, &ChildProcess::failedToStart, q, [this](const QString &reason) {
        if (!runEnded)
            reportStartFailure(reason);
    });
    // restartAboveMemoryMB crossed: a restart with the grace period, counted as a restart.
    cgroup = new CgroupScope(output, child);
    QObject::connect(cgroup, &CgroupScope::memoryAbove, q, [this] {
        if (userStopped || state == State::Stopping || !q->restart().ok)
            return;
        ++restartCount;
        emit q->stateChanged();
    });
    // Held unless the probe said there are no scopes: the reaper waits until it is in the run's
    // scope, so the program and every descendant start inside it. Without scopes, place() only
    // says why limits are not applied.
    const CgroupAvailability cgroups = CgroupSupport::instance()->availability();
    const bool hold = cgroups.scopes || !cgroups.probed;
    QObject::connect(child, hold ? &ChildProcess::holding : &ChildProcess::started, cgroup, [this] {
        QList<qint64> pids{child->reaperPid()};
        if (child->pid() > 0)
            pids.append(child->pid());
        cgroup->place(pids, spec.name, spec.limits);
    });
    QObject::connect(cgroup, &CgroupScope::placed, child, &ChildProcess::release);
    if (terminalColumns > 0)
        child->setTerminalSize(terminalColumns, terminalRows);
    const QString error = child->start(plan, hold);
    if (!error.isEmpty()) {
        releaseChild();
        queueStartFailure(error);
        return;
    }
    if (!runEnded && child->pid() > 0) {
        pid = child->pid();
        emit q->stateChanged();
    }
}

bool ManagedProcess::Private::signalGroup(int signal)
{
    if (!child || runEnded || !child->isRunning())
        return false;
    sentSignals |= signalBit(signal);
    child->release(); // a run stopped while it is being placed starts unplaced and gets the signal
    return child->signalTree(signal);
}

// The common start of terminate() and kill(): a Waiting entry's pending restart is cancelled, an
// entry without a child to signal is refused; nullopt when the child is to be signalled.
std::optional<ManagedProcess::Result> ManagedProcess::Private::beginUserStop()
{
    if (state == State::Waiting) {
        cancelRestart();
        return Result::success();
    }
    if (state == State::WaitingForDependencies) {
        cancelDependencyWait();
        return Result::success();
    }
    if (!q->isAlive())
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(spec.name));
    stopByUser();
    if (pendingFailure || !child)
        return Result::failure(ManagedProcess::tr("%1 has not started yet").arg(spec.name));
    return std::nullopt;
}

// The user wants it stopped: no policy restart, and a restart() asked before is off.
void ManagedProcess::Private::stopByUser()
{
    userStopped = true;
    restartRequested = false;
}

void ManagedProcess::Private::handleStarted(qint64 childPid)
{
    if (runEnded)
        return;
    if (pid <= 0)
        pid = childPid;
    output->appendMessage(ManagedProcess::tr("started, PID %1").arg(pid));
    qCInfo(lcProcess) << spec.name << "started, PID" << pid;
    setReadiness(runSpec.readiness.isSet() ? Readiness::Pending : Readiness::Ready, QString());
    if (state == State::Starting) // not when terminate()/kill() came first: it stays Stopping
        setState(paused ? State::Paused : State::Running);
    emit q->started(pid);
}

void ManagedProcess::Private::reportStartFailure(const QString &reason)
{
    stopTimer.stop();
    runEnded = true;
    failureReason = reason;
    exitCode = 127;
    endTime = QDateTime::currentDateTimeUtc();
    qCInfo(lcProcess) << spec.name << "failed to start:" << reason;
    output->appendMessage(ManagedProcess::tr("failed to start: %1").arg(reason));
    output->endRun();
    endRun(State::FailedToStart);
}

// The leader is reaped: no SIGKILL after the grace period any more, and the run's end time is
// now, although `exited` waits for the output still in the pipes.
void ManagedProcess::Private::handleReaped()
{
    stopTimer.stop();
    if (cgroup)
        cgroup->killRemaining();
    endTime = QDateTime::currentDateTimeUtc();
}

void ManagedProcess::Private::handleExited(int status)
{
    if (runEnded)
        return;
    runEnded = true;
    exitCode = status;
    if (cgroup)
        cgroup->noteOutOfMemory(status == -SIGKILL && !(sentSignals & signalBit(SIGKILL)));
    qCInfo(lcProcess) << spec.name << "PID" << pid << "ended, exit" << status << (q->outOfMemory() ? "(out of memory)" : "");
    if (status >= 0) {
        output->appendMessage(ManagedProcess::tr("exited with code %1").arg(status));
        output->endRun();
        endRun(State::Exited);
    } else {
        output->appendMessage(ManagedProcess::tr("terminated by %1, exit %2").arg(SignalNames::name(-status)).arg(status));
        output->endRun();
        endRun(State::Killed);
    }
}

void ManagedProcess::Private::releaseChild()
{
    pendingFailure = false;
    cgroup = nullptr; // goes with the child
    if (!child)
        return;
    ChildProcess *old = child;
    child = nullptr;
    QObject::disconnect(old, nullptr, q, nullptr);
    // Only a child that is not running is released here (start() refuses while alive); later,
    // as this may run inside one of its signals.
    old->deleteLater();
}
