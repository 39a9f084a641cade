#include "managedprocess.h"

#include "outputlog.h"
#include "signalnames.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// How processes are stopped, and why it is safe (read this before changing a kill() call).
//
// * Every child is the leader of its own process group: setpgid(0, 0) in the child before exec,
//   and setpgid(pid, pid) in the parent right after the fork (the classic double call, so that the
//   group exists whichever side runs first; the parent's call fails harmlessly with EACCES once
//   the child has exec'd). So the group ID is the child's PID, and kill(-pid, sig) reaches the
//   child and every descendant that did not leave the group.
//
// * A PID is never signalled after its process was reaped: signalGroup() only sends while the
//   QProcess is not NotRunning and our finished handler has not run. QProcess reaps the child and
//   then reports the exit in the same call, so "not NotRunning" means "not yet reaped" (a zombie
//   still holds its PID, so signalling it is harmless).
//
// * The one exception is the group clean-up after the leader exits following terminate() or
//   kill(): grandchildren may still be alive in the group. kill(-pgid, SIGKILL) is still safe
//   then, because on Linux a process group ID stays allocated as long as any process is a member
//   of the group: the kernel does not hand out a PID number while a process group (or session)
//   still uses it. So either the group still has members (ours, and they get SIGKILL) or it has
//   none and the call fails with ESRCH. The only theoretical hazard is the PID number being
//   recycled between the reap and this call, which needs pid_max new processes in between; we
//   send it from the same event-loop callback that reaped the leader, microseconds later.
//
// * The child also gets PR_SET_PDEATHSIG(SIGKILL) so that it does not outlive a crashed ProcDeck.
//   PDEATHSIG fires when the *thread* that forked exits; ManagedProcess lives in the GUI thread,
//   which lives as long as the program. If the parent already died between fork and prctl, the
//   signal would never come, hence the getppid() check right after it.

namespace {

// Output is read straight from the child's pipes, not through QProcess: QProcess copies every
// read into its own ring buffer, reads at most what one wake-up finds in a 64 KiB pipe, and costs
// a full event-loop turn per read, which made it the limit under a flood (bench/output_core,
// bench/output_flood: about 0.3 of a plain reader, against 0.7-0.8 reading directly). The child
// gets our pipes as fds 1 and 2 (dup2 in setUpChild); QProcess keeps stdin and the exit status.
constexpr int PipeSize = 1024 * 1024;               // F_SETPIPE_SZ: fewer, larger reads
constexpr qsizetype MaxReadPerWakeup = 1024 * 1024; // a pipe-full; then the event loop gets its turn
// All pipes that are flooding (their last wake-up ended on the budget, not on an empty pipe) share
// this much per event-loop turn, at least MinReadPerWakeup each: the event loop dispatches every
// ready pipe in one turn, and 20 entries flooding at 1 MiB each held it for 60-100 ms.
constexpr qsizetype MaxReadPerTurn = 2 * 1024 * 1024;
constexpr qsizetype MinReadPerWakeup = 64 * 1024;
std::atomic<int> floodingPipes{0};
// After the leader's exit, how long a pipe may stay open (a grandchild holding it, or the last
// bytes still on their way) before the run is reported finished anyway.
constexpr int ExitDrainMs = 200;

// The child-side setup, run between fork and exec. Only async-signal-safe system calls: no
// allocation, no locks, no Qt. `parentPid` and the pipes' write ends are captured by value before
// the fork.
void setUpChild(pid_t parentPid, int stdoutFd, int stderrFd)
{
    // Our pipes become stdout and stderr (dup2 clears O_CLOEXEC on the copies; the originals are
    // closed by exec).
    if (::dup2(stdoutFd, STDOUT_FILENO) < 0 || ::dup2(stderrFd, STDERR_FILENO) < 0)
        ::_exit(127);

    // Own process group, so that terminate/kill reach the whole tree.
    ::setpgid(0, 0);

    // Die with the parent.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (::getppid() != parentPid)
        ::_exit(127);

    // A clean signal state: nothing blocked, nothing ignored. exec keeps the signal mask and
    // ignored dispositions (a GUI may ignore SIGPIPE, a terminal job may ignore SIGINT); caught
    // signals are reset by exec anyway, so resetting all of them to default changes nothing else.
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    struct sigaction defaultAction;
    defaultAction.sa_handler = SIG_DFL;
    defaultAction.sa_flags = 0;
    ::sigemptyset(&defaultAction.sa_mask);
    for (int signal = 1; signal < NSIG; ++signal) {
        if (signal == SIGKILL || signal == SIGSTOP)
            continue;
        ::sigaction(signal, &defaultAction, nullptr); // fails harmlessly for reserved signals
    }
}

QString errnoText(int error)
{
    switch (error) {
    case ENOENT:
        return ManagedProcess::tr("no such file or directory");
    case EACCES:
        return ManagedProcess::tr("permission denied");
    case ENOTDIR:
        return ManagedProcess::tr("not a directory");
    default:
        return QString::fromLocal8Bit(::strerror(error));
    }
}

quint64 signalBit(int signal)
{
    return signal > 0 && signal < 64 ? quint64(1) << signal : 0;
}

} // namespace

struct ManagedProcess::Private
{
    ManagedProcess *q = nullptr;
    int id = 0;
    ProcessSpec spec;
    QString baseDirectory;

    State state = State::NotStarted;
    qint64 pid = 0;
    QDateTime startTime;
    QDateTime endTime;
    int exitCode = 0;
    QString failureReason;
    int runCount = 0;

    OutputLog *output = nullptr;      // child QObject of q
    QProcess *process = nullptr;      // the current run's, child QObject of q; null when none
    QTimer stopTimer;                 // terminate()'s grace period
    QDeadlineTimer stopDeadline;      // valid while Stopping
    bool groupKillWanted = false;     // terminate()/kill() was asked: no group member may survive
    bool finishHandled = true;        // the current run's end was reported
    bool pendingFailure = false;      // a failed start waiting for its queued report

    // Supervision.
    RestartTiming timing;
    QTimer restartTimer;              // Waiting: fires the next start
    QDeadlineTimer restartDeadline;   // valid while Waiting
    bool restartByPolicy = false;     // the pending restart is the policy's (else restart()'s)
    State lastEnd = State::NotStarted;
    int restartCount = 0;
    int restartsInRow = 0;
    bool gaveUp = false;
    bool unexpected = false;          // the last run endedUnexpectedly()
    QElapsedTimer runClock;           // the current run's uptime
    // The current run's:
    bool userStopped = false;         // terminate(), kill() or the stop signal by the user
    bool restartRequested = false;    // restart(): start again when this run ends
    bool paused = false;              // SIGSTOP sent and no SIGCONT since
    quint64 sentSignals = 0;          // bit N: ProcDeck sent signal N to the group

    void setState(State newState);
    Result startRun();
    void endRun(State endState);
    void cancelRestart();
    qint64 backoffDelayMs(int restartsDone) const;
    QString checkStartable(const QString &program, const QString &workingDirectory,
                           const QProcessEnvironment &environment, QString *resolvedProgram) const;
    bool signalGroup(int signal);
    void reportStartFailure(const QString &reason);
    void handleFinished(int code, QProcess::ExitStatus status);
    void handleError(QProcess::ProcessError error);
    void handleStarted();
    void killGroupAfterExit();
    void releaseProcess();

    // The output pipes' read ends (0: stdout, 1: stderr), -1 when closed.
    int pipeFds[2] = {-1, -1};
    bool flooding[2] = {false, false}; // counted in floodingPipes
    QSocketNotifier *pipeNotifiers[2] = {nullptr, nullptr};
    QTimer drainTimer;                // after the leader's exit (ExitDrainMs)
    bool exitPending = false;         // QProcess reported the exit; the pipes are being drained
    int pendingCode = 0;
    QProcess::ExitStatus pendingStatus = QProcess::NormalExit;

    bool openPipes(int writeEnds[2], QString *error);
    void readPipe(int index);
    void drainPipes();
    void closePipes();
    void setFlooding(int index, bool on);
    void finishRun();
};

ManagedProcess::ManagedProcess(int id, ProcessSpec spec, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->id = id;
    d->spec = std::move(spec);
    d->output = new OutputLog(this);
    d->drainTimer.setSingleShot(true);
    connect(&d->drainTimer, &QTimer::timeout, this, [this] {
        d->drainPipes();
        d->closePipes(); // whoever still holds a pipe: what it writes from now on is not shown
        d->finishRun();
    });
    d->stopTimer.setSingleShot(true);
    d->stopTimer.setTimerType(Qt::PreciseTimer); // the grace period is never cut short
    connect(&d->stopTimer, &QTimer::timeout, this, [this] {
        if (d->state != State::Stopping)
            return;
        d->output->appendMessage(ManagedProcess::tr("still running after the grace period of %1 ms: SIGKILL to the process group")
                                     .arg(d->spec.stopTimeoutMs));
        d->groupKillWanted = true;
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
    d->drainTimer.stop();
    d->closePipes();
    QProcess *process = d->process;
    if (!process)
        return;
    // Nothing of ours may run while we are being destroyed.
    disconnect(process, nullptr, this, nullptr);
    if (process->state() == QProcess::NotRunning)
        return; // deleted with us as a child; no warning for a process that is not running

    // A live child: SIGKILL its group, then reap it. A SIGKILLed process is reaped within
    // milliseconds (the kernel tears it down without running any of its code), so the bounded
    // waitForFinished() below normally returns almost at once; it is the only wait in the class
    // and only happens after SIGKILL. Without it QProcess's own destructor would warn "Destroyed
    // while process … is still running" and block for up to 30 s. A child stuck in uninterruptible
    // sleep (a hung NFS mount) may outlive the bound: then the QProcess is handed to the
    // application object and deletes itq when the child is finally reaped.
    if (process->processId() > 0)
        ::kill(-pid_t(process->processId()), SIGKILL);
    process->kill();
    if (!process->waitForFinished(2000)) {
        process->setParent(nullptr);
        QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
        d->process = nullptr;
        return;
    }
    // Grandchildren that stayed in the group.
    if (d->pid > 0)
        ::kill(-pid_t(d->pid), SIGKILL);
}

int ManagedProcess::id() const
{
    return d->id;
}

const ProcessSpec &ManagedProcess::spec() const
{
    return d->spec;
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

bool ManagedProcess::isAlive() const
{
    return d->state == State::Starting || d->state == State::Running || d->state == State::Paused
        || d->state == State::Stopping;
}

bool ManagedProcess::canStart() const
{
    return !isAlive();
}

bool ManagedProcess::canTerminate() const
{
    return (isAlive() && d->state != State::Stopping) || d->state == State::Waiting;
}

bool ManagedProcess::canKill() const
{
    return isAlive() || d->state == State::Waiting;
}

bool ManagedProcess::canPause() const
{
    return d->state == State::Running;
}

bool ManagedProcess::canResume() const
{
    return d->state == State::Paused;
}

bool ManagedProcess::isSettled() const
{
    return d->state == State::NotStarted || isFinished();
}

bool ManagedProcess::hasPendingWork() const
{
    return !isSettled();
}

bool ManagedProcess::hasEndedRun() const
{
    return isFinished() || d->state == State::Waiting;
}

bool ManagedProcess::isFinished() const
{
    return d->state == State::Exited || d->state == State::Killed || d->state == State::FailedToStart;
}

bool ManagedProcess::canTakeInput() const
{
    return isAlive();
}


ManagedProcess::State ManagedProcess::lastRunEnd() const
{
    return d->lastEnd;
}

qint64 ManagedProcess::pid() const
{
    return d->pid;
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

OutputLog *ManagedProcess::output() const
{
    return d->output;
}

ManagedProcess::Result ManagedProcess::start()
{
    if (!canStart())
        return Result::failure(ManagedProcess::tr("%1 is already running (PID %2)").arg(d->spec.name).arg(d->pid));
    // The user's start: a pending restart happens now, and the policy counts from zero again.
    d->restartTimer.stop();
    d->restartsInRow = 0;
    return d->startRun();
}

ManagedProcess::Result ManagedProcess::Private::startRun()
{
    // The previous run's QProcess (not running any more) goes now.
    releaseProcess();
    restartTimer.stop();
    gaveUp = false;
    unexpected = false;
    userStopped = false;
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
    groupKillWanted = false;
    finishHandled = false;
    output->beginRun(runCount);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const EnvironmentChange &change : std::as_const(spec.environment)) {
        if (change.value)
            environment.insert(change.name, *change.value);
        else
            environment.remove(change.name);
    }
    const QString workingDirectory = spec.resolvedWorkingDirectory(baseDirectory);

    QString program;
    const QString problem = checkStartable(spec.executable(), workingDirectory, environment, &program);
    setState(State::Starting);
    if (!problem.isEmpty()) {
        // Reported from the event loop, like every other end of a run, so that nobody's slot
        // runs inside start(); the entry stays Starting (and refuses a second start) until then.
        pendingFailure = true;
        QTimer::singleShot(0, q, [this, problem] {
            if (!pendingFailure)
                return;
            pendingFailure = false;
            reportStartFailure(problem);
        });
        return Result::success();
    }

    int writeEnds[2] = {-1, -1};
    QString pipeError;
    if (!openPipes(writeEnds, &pipeError)) {
        pendingFailure = true;
        QTimer::singleShot(0, q, [this, pipeError] {
            if (!pendingFailure)
                return;
            pendingFailure = false;
            reportStartFailure(pipeError);
        });
        return Result::success();
    }

    auto *child = new QProcess(q);
    process = child;
    // stdout and stderr are our own pipes (see PipeSize); QProcess's would be replaced anyway.
    child->setProcessChannelMode(QProcess::ForwardedChannels);
    child->setProgram(program);
    child->setArguments(spec.executableArguments());
    child->setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        child->setWorkingDirectory(workingDirectory);
    const pid_t parentPid = ::getpid();
    const int stdoutFd = writeEnds[0];
    const int stderrFd = writeEnds[1];
    child->setChildProcessModifier([parentPid, stdoutFd, stderrFd] { setUpChild(parentPid, stdoutFd, stderrFd); });
    QObject::connect(child, &QProcess::started, q, [this] { handleStarted(); });
    QObject::connect(child, &QProcess::errorOccurred, q,
                     [this](QProcess::ProcessError error) { handleError(error); });
    QObject::connect(child, &QProcess::finished, q,
                     [this](int code, QProcess::ExitStatus status) { handleFinished(code, status); });

    child->start(QIODevice::ReadWrite);
    // The child has its copies (or was never forked): the parent's write ends go, so that the
    // read ends see end-of-file when the child and its descendants are done with them.
    ::close(stdoutFd);
    ::close(stderrFd);
    if (finishHandled)
        return Result::success(); // failed synchronously, already reported
    const qint64 childPid = child->processId();
    if (childPid > 0) {
        pid = childPid;
        // The parent's half of the double setpgid (see the comment at the top).
        ::setpgid(pid_t(childPid), pid_t(childPid));
        emit q->stateChanged();
    }
    return Result::success();
}

ManagedProcess::Result ManagedProcess::terminate()
{
    if (d->state == State::Waiting) {
        d->cancelRestart();
        return Result::success();
    }
    if (!isAlive())
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    // The user wants it stopped: no policy restart, and a restart() asked before is off.
    d->userStopped = true;
    d->restartRequested = false;
    if (d->pendingFailure || !d->process)
        return Result::failure(ManagedProcess::tr("%1 has not started yet").arg(d->spec.name));
    if (d->state == State::Stopping)
        return Result::success(); // already on its way; the deadline stays

    const int stopSignal = d->spec.stopSignal > 0 ? d->spec.stopSignal : SIGTERM;
    d->groupKillWanted = true;
    d->output->appendMessage(ManagedProcess::tr("terminate: %1 to process group %2").arg(SignalNames::name(stopSignal)).arg(d->pid));
    if (!d->signalGroup(stopSignal))
        return Result::failure(ManagedProcess::tr("%1 could not be signalled").arg(d->spec.name));
    if (stopSignal != SIGKILL)
        d->signalGroup(SIGCONT); // a stopped process must run to act on the stop signal

    const int grace = qMax(0, d->spec.stopTimeoutMs);
    d->stopDeadline = QDeadlineTimer(grace);
    d->stopTimer.start(grace);
    d->paused = false;
    d->setState(State::Stopping);
    return Result::success();
}

ManagedProcess::Result ManagedProcess::kill()
{
    if (d->state == State::Waiting) {
        d->cancelRestart();
        return Result::success();
    }
    if (!isAlive())
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    d->userStopped = true;
    d->restartRequested = false;
    if (d->pendingFailure || !d->process)
        return Result::failure(ManagedProcess::tr("%1 has not started yet").arg(d->spec.name));
    d->groupKillWanted = true;
    d->output->appendMessage(ManagedProcess::tr("kill: SIGKILL to process group %1").arg(d->pid));
    if (!d->signalGroup(SIGKILL))
        return Result::failure(ManagedProcess::tr("%1 could not be signalled").arg(d->spec.name));
    d->stopTimer.stop();
    d->stopDeadline = QDeadlineTimer(0);
    d->paused = false;
    d->setState(State::Stopping);
    return Result::success();
}

ManagedProcess::Result ManagedProcess::sendSignal(int signal)
{
    if (!isAlive() || d->pendingFailure || !d->process)
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    if (signal == SIGKILL)
        return kill();
    d->output->appendMessage(ManagedProcess::tr("%1 to process group %2").arg(SignalNames::name(signal)).arg(d->pid));
    if (!d->signalGroup(signal))
        return Result::failure(ManagedProcess::tr("%1 could not be signalled").arg(d->spec.name));
    if (signal == (d->spec.stopSignal > 0 ? d->spec.stopSignal : SIGTERM)) {
        d->userStopped = true;
        d->restartRequested = false;
    }
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
    return sendSignal(SIGSTOP);
}

ManagedProcess::Result ManagedProcess::resume()
{
    return sendSignal(SIGCONT);
}

ManagedProcess::Result ManagedProcess::writeInput(const QByteArray &data)
{
    if (!d->process || d->process->state() == QProcess::NotRunning || d->finishHandled)
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    if (d->process->write(data) != data.size())
        return Result::failure(d->process->errorString());
    return Result::success();
}

ManagedProcess::Result ManagedProcess::closeInput()
{
    if (!d->process || d->process->state() == QProcess::NotRunning || d->finishHandled)
        return Result::failure(ManagedProcess::tr("%1 is not running").arg(d->spec.name));
    d->process->closeWriteChannel();
    return Result::success();
}

// ---- Private -----------------------------------------------------------------------------------

void ManagedProcess::Private::setState(State newState)
{
    state = newState;
    emit q->stateChanged();
}

// Checks what QProcess would only report as a generic "failed to start", and resolves a bare
// program name through the PATH the child will get (QProcess would use ProcDeck's own PATH).
// Returns an empty string when the program can be started.
QString ManagedProcess::Private::checkStartable(const QString &program, const QString &workingDirectory,
                                                const QProcessEnvironment &environment,
                                                QString *resolvedProgram) const
{
    if (program.isEmpty())
        return ManagedProcess::tr("no program given");

    if (!workingDirectory.isEmpty()) {
        const QFileInfo directory(workingDirectory);
        if (!directory.exists())
            return ManagedProcess::tr("working directory does not exist: %1").arg(workingDirectory);
        if (!directory.isDir())
            return ManagedProcess::tr("working directory is not a directory: %1").arg(workingDirectory);
    }

    const auto checkFile = [](const QString &path) -> QString {
        const QByteArray native = QFile::encodeName(path);
        if (::access(native.constData(), F_OK) != 0)
            return errnoText(errno) + u": "_s + path;
        if (QFileInfo(path).isDir())
            return ManagedProcess::tr("is a directory: %1").arg(path);
        if (::access(native.constData(), X_OK) != 0)
            return errnoText(errno) + u": "_s + path;
        return {};
    };

    if (program.contains(u'/')) {
        // A relative path is relative to the child's working directory, as for execve after chdir.
        const QString base = workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory;
        const QString path = QDir::cleanPath(QDir(base).absoluteFilePath(program));
        *resolvedProgram = path;
        return checkFile(path);
    }

    QString firstProblem;
    const QStringList directories = environment.value(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s)
                                        .split(u':', Qt::SkipEmptyParts);
    for (const QString &directory : directories) {
        const QString candidate = QDir(directory).absoluteFilePath(program);
        const QFileInfo info(candidate);
        if (!info.exists() || info.isDir())
            continue;
        const QString problem = checkFile(candidate);
        if (problem.isEmpty()) {
            *resolvedProgram = candidate;
            return {};
        }
        if (firstProblem.isEmpty())
            firstProblem = problem;
    }
    if (!firstProblem.isEmpty())
        return firstProblem;
    return ManagedProcess::tr("no such file or directory: %1 (not found in PATH)").arg(program);
}

bool ManagedProcess::Private::signalGroup(int signal)
{
    // Only while the child is not reaped yet (see the comment at the top).
    if (!process || process->state() == QProcess::NotRunning || finishHandled || pid <= 0)
        return false;
    sentSignals |= signalBit(signal);
    if (::kill(-pid_t(pid), signal) == 0)
        return true;
    // The group does not exist yet only if the child has not run setpgid and the parent's call
    // failed; fall back to the child itq, which is certainly not reaped.
    return ::kill(pid_t(pid), signal) == 0;
}

// Two pipes with close-on-exec on every end (the child gets its copies through dup2), the read
// ends non-blocking (only them: a child must not see EAGAIN on its stdout) and enlarged.
bool ManagedProcess::Private::openPipes(int writeEnds[2], QString *error)
{
    closePipes();
    for (int i = 0; i < 2; ++i) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            *error = ManagedProcess::tr("cannot create a pipe: %1").arg(errnoText(errno));
            closePipes();
            if (i == 1)
                ::close(writeEnds[0]);
            return false;
        }
        ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        ::fcntl(fds[0], F_SETPIPE_SZ, PipeSize); // may fail (pipe-max-size, per-user limit): fine
        pipeFds[i] = fds[0];
        writeEnds[i] = fds[1];
        pipeNotifiers[i] = new QSocketNotifier(fds[0], QSocketNotifier::Read, q);
        // Off until handleStarted() has written "started, PID N": read earlier, the child's first
        // partial line would be cut in two by that note.
        pipeNotifiers[i]->setEnabled(false);
        QObject::connect(pipeNotifiers[i], &QSocketNotifier::activated, q, [this, i] { readPipe(i); });
    }
    return true;
}

// Reads one pipe straight into the log until it is empty (EAGAIN), at its end (EOF: closed), or
// MaxReadPerWakeup bytes were taken (the notifier fires again on the next turn).
void ManagedProcess::Private::readPipe(int index)
{
    const OutputStream stream = index == 0 ? OutputStream::Stdout : OutputStream::Stderr;
    const int sharing = std::max(1, floodingPipes.load(std::memory_order_relaxed));
    const qsizetype budget = std::clamp(MaxReadPerTurn / sharing, MinReadPerWakeup, MaxReadPerWakeup);
    qsizetype taken = 0;
    while (pipeFds[index] >= 0 && taken < budget) {
        qsizetype capacity = 0;
        char *to = output->reserve(stream, 64 * 1024, &capacity);
        const ssize_t n = ::read(pipeFds[index], to, size_t(capacity));
        output->commit(stream, n > 0 ? qsizetype(n) : 0);
        if (n > 0) {
            taken += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            ::close(pipeFds[index]); // end of file, or an error: nothing more will come
            pipeFds[index] = -1;
            delete pipeNotifiers[index];
            pipeNotifiers[index] = nullptr;
        }
    }
    setFlooding(index, pipeFds[index] >= 0 && taken >= budget);
    if (exitPending && pipeFds[0] < 0 && pipeFds[1] < 0) {
        drainTimer.stop();
        finishRun();
    }
}

// What the pipes hold now (at most PipeSize each), without waiting.
void ManagedProcess::Private::drainPipes()
{
    const bool wasPending = exitPending;
    exitPending = false; // no finishRun() from in here
    for (int i = 0; i < 2; ++i) {
        while (pipeFds[i] >= 0) {
            readPipe(i);
            if (!flooding[i]) // empty (or closed): not ended on the budget
                break;
        }
    }
    exitPending = wasPending;
}

void ManagedProcess::Private::setFlooding(int index, bool on)
{
    if (flooding[index] == on)
        return;
    flooding[index] = on;
    floodingPipes.fetch_add(on ? 1 : -1, std::memory_order_relaxed);
}

void ManagedProcess::Private::closePipes()
{
    for (int i = 0; i < 2; ++i) {
        setFlooding(i, false);
        delete pipeNotifiers[i];
        pipeNotifiers[i] = nullptr;
        if (pipeFds[i] >= 0)
            ::close(pipeFds[i]);
        pipeFds[i] = -1;
    }
}

void ManagedProcess::Private::handleStarted()
{
    if (finishHandled)
        return;
    if (pid <= 0)
        pid = process->processId();
    output->appendMessage(ManagedProcess::tr("started, PID %1").arg(pid));
    for (QSocketNotifier *notifier : pipeNotifiers) {
        if (notifier)
            notifier->setEnabled(true);
    }
    if (state == State::Starting) // not when terminate()/kill() came first: it stays Stopping
        setState(paused ? State::Paused : State::Running);
    emit q->started(pid);
}

void ManagedProcess::Private::handleError(QProcess::ProcessError error)
{
    // Only a failed start ends a run without QProcess::finished; the other errors (Crashed,
    // ReadError, WriteError) are followed by finished or do not end the run.
    if (error != QProcess::FailedToStart || finishHandled)
        return;
    drainPipes();
    closePipes();
    reportStartFailure(process ? process->errorString() : u"unknown error"_s);
}

void ManagedProcess::Private::reportStartFailure(const QString &reason)
{
    stopTimer.stop();
    finishHandled = true;
    failureReason = reason;
    exitCode = 127;
    endTime = QDateTime::currentDateTimeUtc();
    output->appendMessage(ManagedProcess::tr("failed to start: %1").arg(reason));
    output->endRun();
    endRun(State::FailedToStart);
}

void ManagedProcess::Private::handleFinished(int code, QProcess::ExitStatus status)
{
    if (finishHandled || exitPending)
        return;
    stopTimer.stop();
    killGroupAfterExit(); // in the callback that reaped the leader (see the comment at the top)
    endTime = QDateTime::currentDateTimeUtc();
    pendingCode = code;
    pendingStatus = status;
    // The run is over when the pipes are: the output written before the exit comes first. What is
    // in them now is read at once; a pipe still open (a grandchild holds it) gets ExitDrainMs.
    drainPipes();
    exitPending = true;
    if (pipeFds[0] < 0 && pipeFds[1] < 0)
        finishRun();
    else
        drainTimer.start(ExitDrainMs);
}

void ManagedProcess::Private::finishRun()
{
    if (finishHandled)
        return;
    finishHandled = true;
    exitPending = false;
    drainTimer.stop();
    const int code = pendingCode;
    const QProcess::ExitStatus status = pendingStatus;
    if (status == QProcess::NormalExit) {
        exitCode = code;
        output->appendMessage(ManagedProcess::tr("exited with code %1").arg(code));
        output->endRun();
        endRun(State::Exited);
    } else {
        // On Unix, QProcess::exitCode() after a CrashExit is the terminating signal's number
        // (WTERMSIG); tst_managedprocess::exitCodes checks that this holds.
        const int signal = code > 0 ? code : SIGKILL;
        exitCode = -signal;
        output->appendMessage(ManagedProcess::tr("terminated by %1, exit %2").arg(SignalNames::name(signal)).arg(exitCode));
        output->endRun();
        endRun(State::Killed);
    }
}

// The end of every run: decides on a restart, then the one `finished` (with the state already
// Waiting when a restart is scheduled, so that whoever counts ended entries sees it is not done).
void ManagedProcess::Private::endRun(State endState)
{
    lastEnd = endState;
    paused = false;
    const qint64 uptime = endState == State::FailedToStart ? 0 : runClock.elapsed();

    bool bySignalWeSent = false;
    if (endState == State::Killed)
        bySignalWeSent = (sentSignals & signalBit(-exitCode)) != 0;
    unexpected = !userStopped
        && (endState == State::FailedToStart || (endState == State::Exited && exitCode != 0)
            || (endState == State::Killed && !bySignalWeSent));

    qint64 delay = -1;
    if (restartRequested) {
        restartRequested = false;
        restartByPolicy = false;
        delay = 0;
    } else if (!userStopped
               && (spec.restart == RestartPolicy::Always
                   || (spec.restart == RestartPolicy::OnFailure && unexpected))) {
        if (uptime >= timing.stableUptimeMs)
            restartsInRow = 0;
        if (restartsInRow >= timing.maxRestarts) {
            gaveUp = true;
            output->appendMessage(ManagedProcess::tr("gave up after %1 restarts in a row (each run ended within %2 s)")
                                      .arg(restartsInRow)
                                      .arg(timing.stableUptimeMs / 1000.0));
        } else {
            restartByPolicy = true;
            delay = backoffDelayMs(restartsInRow);
            output->appendMessage(ManagedProcess::tr("restart policy %1: next start in %2 s")
                                      .arg(restartPolicyToString(spec.restart))
                                      .arg(delay / 1000.0));
        }
    }

    if (delay >= 0) {
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

void ManagedProcess::Private::killGroupAfterExit()
{
    // After terminate() or kill() no member of the group may survive the leader. Safe although
    // the leader was just reaped: see the comment at the top (a live member keeps the group ID
    // allocated; an empty group gives ESRCH).
    if (groupKillWanted && pid > 0)
        ::kill(-pid_t(pid), SIGKILL);
}

void ManagedProcess::Private::releaseProcess()
{
    pendingFailure = false;
    drainTimer.stop();
    exitPending = false;
    closePipes();
    if (!process)
        return;
    QProcess *old = process;
    process = nullptr;
    QObject::disconnect(old, nullptr, q, nullptr);
    // Only a process that is not running is released here (start() refuses while alive).
    old->deleteLater();
}
