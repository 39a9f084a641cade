#include "childprocess.h"

#include "launchplan.h"
#include "logging.h"
#include "outputlog.h"

#include <QPointer>
#include <QProcess>
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
//   PDEATHSIG fires when the *thread* that forked exits; ChildProcess lives in the GUI thread,
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

// Descriptors QProcess opens to start a child beyond our two pipes (its stdin pipe, the pipe that
// reports exec failures, the process descriptor of forkfd, the working directory), with room.
constexpr int DescriptorsPerStart = 8;

// EMFILE or ENFILE when fewer than `count` descriptors can be opened now, else 0. QProcess reports
// a pipe or fork that failed for want of descriptors with whatever errno holds after its clean-up
// (seen: "No such file or directory" for /bin/sh), so the reason is found out here instead.
int descriptorShortage(int count)
{
    int fds[DescriptorsPerStart];
    int opened = 0;
    int error = 0;
    for (; opened < std::min(count, DescriptorsPerStart); ++opened) {
        fds[opened] = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
        if (fds[opened] < 0) {
            // A closed stderr (EBADF) says nothing about the limit: ask the kernel differently.
            fds[opened] = errno == EBADF ? ::open("/dev/null", O_RDONLY | O_CLOEXEC) : -1;
            if (fds[opened] < 0) {
                error = errno;
                break;
            }
        }
    }
    for (int i = 0; i < opened; ++i)
        ::close(fds[i]);
    return error == EMFILE || error == ENFILE ? error : 0;
}

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

} // namespace

ChildProcess::ChildProcess(OutputLog *output, QObject *parent)
    : QObject(parent)
    , m_output(output)
    , m_drainTimer(new QTimer(this))
{
    m_drainTimer->setSingleShot(true);
    connect(m_drainTimer, &QTimer::timeout, this, [this] {
        drainPipes();
        closePipes(); // whoever still holds a pipe: what it writes from now on is not shown
        finishExit();
    });
}

ChildProcess::~ChildProcess()
{
    m_drainTimer->stop();
    closePipes();
    QProcess *process = m_process;
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
    // application object and deletes itself when the child is finally reaped.
    qCDebug(lcProcess) << "destroyed while running: SIGKILL to process group" << process->processId();
    if (process->processId() > 0)
        ::kill(-pid_t(process->processId()), SIGKILL);
    process->kill();
    if (!process->waitForFinished(2000)) {
        process->setParent(nullptr);
        QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
        m_process = nullptr;
        return;
    }
    // Grandchildren that stayed in the group.
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), SIGKILL);
}

QString ChildProcess::start(const LaunchPlan &plan)
{
    Q_ASSERT(!m_process);
    int writeEnds[2] = {-1, -1};
    QString pipeError;
    if (!openPipes(writeEnds, &pipeError))
        return pipeError;
    if (const int shortage = descriptorShortage(DescriptorsPerStart)) {
        closePipes();
        ::close(writeEnds[0]);
        ::close(writeEnds[1]);
        return startErrorText(shortage);
    }

    m_process = new QProcess(this);
    // stdout and stderr are our own pipes (see PipeSize); QProcess's would be replaced anyway.
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    m_process->setProgram(plan.program);
    m_process->setArguments(plan.arguments);
    m_process->setProcessEnvironment(plan.environment);
    m_process->setWorkingDirectory(plan.workingDirectory);
    const pid_t parentPid = ::getpid();
    const int stdoutFd = writeEnds[0];
    const int stderrFd = writeEnds[1];
    m_process->setChildProcessModifier([parentPid, stdoutFd, stderrFd] { setUpChild(parentPid, stdoutFd, stderrFd); });
    connect(m_process, &QProcess::started, this, &ChildProcess::handleStarted);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Only a failed start ends a run without QProcess::finished; the other errors (Crashed,
        // ReadError, WriteError) are followed by finished or do not end the run.
        if (error == QProcess::FailedToStart)
            handleFailedToStart();
    });
    connect(m_process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { handleFinished(code, status == QProcess::CrashExit); });

    m_process->start(QIODevice::ReadWrite);
    // The child has its copies (or was never forked): the parent's write ends go, so that the
    // read ends see end-of-file when the child and its descendants are done with them.
    ::close(stdoutFd);
    ::close(stderrFd);
    if (m_ended)
        return {}; // failed synchronously, already reported
    const qint64 childPid = m_process->processId();
    if (childPid > 0) {
        m_pid = childPid;
        // The parent's half of the double setpgid (see the comment at the top).
        ::setpgid(pid_t(childPid), pid_t(childPid));
    }
    return {};
}

qint64 ChildProcess::pid() const
{
    return m_pid;
}

bool ChildProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning && !m_ended;
}

bool ChildProcess::signalGroup(int signal)
{
    // Only while the child is not reaped yet (see the comment at the top).
    if (!isRunning() || m_pid <= 0)
        return false;
    qCDebug(lcProcess) << "signal" << signal << "to process group" << m_pid;
    if (::kill(-pid_t(m_pid), signal) == 0)
        return true;
    // The group does not exist yet only if the child has not run setpgid and the parent's call
    // failed; fall back to the child itself, which is certainly not reaped.
    return ::kill(pid_t(m_pid), signal) == 0;
}

void ChildProcess::killGroupOnExit()
{
    m_killGroupOnExit = true;
}

QString ChildProcess::writeInput(const QByteArray &data)
{
    if (!isRunning())
        return tr("not running");
    if (m_process->write(data) != data.size())
        return m_process->errorString();
    return {};
}

bool ChildProcess::closeInput()
{
    if (!isRunning())
        return false;
    m_process->closeWriteChannel();
    return true;
}

void ChildProcess::handleStarted()
{
    if (m_ended)
        return;
    if (m_pid <= 0)
        m_pid = m_process->processId();
    const QPointer<ChildProcess> self(this);
    emit started(m_pid);
    if (!self)
        return; // a slot deleted its owner, and so us
    // Only now: read earlier, the child's first partial line would be cut in two by whatever the
    // supervisor writes about the start (the "started, PID N" note).
    for (QSocketNotifier *notifier : m_pipeNotifiers) {
        if (notifier)
            notifier->setEnabled(true);
    }
}

void ChildProcess::handleFailedToStart()
{
    if (m_ended)
        return;
    m_ended = true;
    drainPipes();
    closePipes();
    emit failedToStart(failureReason());
}

// QProcess's text, unless the start failed for want of descriptors or processes: QProcess's text
// then names whatever errno held after its clean-up, or "Resource error (fork failure): …".
QString ChildProcess::failureReason() const
{
    if (const int shortage = descriptorShortage(DescriptorsPerStart))
        return startErrorText(shortage);
    if (!m_process)
        return tr("unknown error");
    const QString text = m_process->errorString();
    if (text.endsWith(QString::fromLocal8Bit(::strerror(EAGAIN))))
        return startErrorText(EAGAIN);
    return text;
}

void ChildProcess::handleFinished(int code, bool crashed)
{
    if (m_ended)
        return;
    m_ended = true;
    // After terminate or kill no member of the group may survive the leader. Safe although the
    // leader was just reaped, and sent from the callback that reaped it: see the comment at the top
    // (a live member keeps the group ID allocated; an empty group gives ESRCH).
    if (m_killGroupOnExit && m_pid > 0)
        ::kill(-pid_t(m_pid), SIGKILL);
    // On Unix, QProcess::exitCode() after a CrashExit is the terminating signal's number
    // (WTERMSIG); tst_managedprocess::exitCodes checks that this holds.
    m_exitStatus = crashed ? -(code > 0 ? code : SIGKILL) : code;
    emit reaped();
    // The run is over when the pipes are: the output written before the exit comes first. What is
    // in them now is read at once; a pipe still open (a grandchild holds it) gets ExitDrainMs.
    drainPipes();
    m_exitPending = true;
    if (m_pipeFds[0] < 0 && m_pipeFds[1] < 0)
        finishExit();
    else
        m_drainTimer->start(ExitDrainMs);
}

void ChildProcess::finishExit()
{
    if (!m_exitPending)
        return;
    m_exitPending = false;
    m_drainTimer->stop();
    emit exited(m_exitStatus);
}

// ---- Output pipes ------------------------------------------------------------------------------

// Two pipes with close-on-exec on every end (the child gets its copies through dup2), the read
// ends non-blocking (only them: a child must not see EAGAIN on its stdout) and enlarged.
bool ChildProcess::openPipes(int writeEnds[2], QString *error)
{
    closePipes();
    for (int i = 0; i < 2; ++i) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            *error = startErrorText(errno);
            closePipes();
            if (i == 1)
                ::close(writeEnds[0]);
            return false;
        }
        ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        ::fcntl(fds[0], F_SETPIPE_SZ, PipeSize); // may fail (pipe-max-size, per-user limit): fine
        m_pipeFds[i] = fds[0];
        writeEnds[i] = fds[1];
        m_pipeNotifiers[i] = new QSocketNotifier(fds[0], QSocketNotifier::Read, this);
        // Off until handleStarted(): see there.
        m_pipeNotifiers[i]->setEnabled(false);
        connect(m_pipeNotifiers[i], &QSocketNotifier::activated, this, [this, i] { readPipe(i); });
    }
    return true;
}

// Reads one pipe straight into the log until it is empty (EAGAIN), at its end (EOF: closed), or
// the flood budget was taken (the notifier fires again on the next turn).
void ChildProcess::readPipe(int index)
{
    const OutputStream stream = index == 0 ? OutputStream::Stdout : OutputStream::Stderr;
    const int sharing = std::max(1, floodingPipes.load(std::memory_order_relaxed));
    const qsizetype budget = std::clamp(MaxReadPerTurn / sharing, MinReadPerWakeup, MaxReadPerWakeup);
    qsizetype taken = 0;
    while (m_pipeFds[index] >= 0 && taken < budget) {
        qsizetype capacity = 0;
        char *to = m_output->reserve(stream, 64 * 1024, &capacity);
        const ssize_t n = ::read(m_pipeFds[index], to, size_t(capacity));
        m_output->commit(stream, n > 0 ? qsizetype(n) : 0);
        if (n > 0) {
            taken += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            ::close(m_pipeFds[index]); // end of file, or an error: nothing more will come
            m_pipeFds[index] = -1;
            delete m_pipeNotifiers[index];
            m_pipeNotifiers[index] = nullptr;
        }
    }
    setFlooding(index, m_pipeFds[index] >= 0 && taken >= budget);
    if (m_exitPending && m_pipeFds[0] < 0 && m_pipeFds[1] < 0)
        finishExit();
}

// What the pipes hold now (at most PipeSize each), without waiting.
void ChildProcess::drainPipes()
{
    const bool wasPending = m_exitPending;
    m_exitPending = false; // no finishExit() from in here
    for (int i = 0; i < 2; ++i) {
        while (m_pipeFds[i] >= 0) {
            readPipe(i);
            if (!m_flooding[i]) // empty (or closed): not ended on the budget
                break;
        }
    }
    m_exitPending = wasPending;
}

void ChildProcess::setFlooding(int index, bool on)
{
    if (m_flooding[index] == on)
        return;
    m_flooding[index] = on;
    floodingPipes.fetch_add(on ? 1 : -1, std::memory_order_relaxed);
}

void ChildProcess::closePipes()
{
    for (int i = 0; i < 2; ++i) {
        setFlooding(i, false);
        delete m_pipeNotifiers[i];
        m_pipeNotifiers[i] = nullptr;
        if (m_pipeFds[i] >= 0)
            ::close(m_pipeFds[i]);
        m_pipeFds[i] = -1;
    }
}
