#include "childprocess.h"

#include "childreaper.h"
#include "launchplan.h"
#include "logging.h"
#include "outputlog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// How processes are contained and stopped, and why it is safe (read this before changing a signal).
//
// * QProcess's child is not the program but the entry's reaper (childreaper.cpp): a child
//   subreaper that forks the program and stays until the last descendant of the program is gone.
//   So QProcess's "finished" means "the whole tree is gone", and its exit status is the program's
//   (the reaper mirrors it). pid() is the program's PID, reported by the reaper over the socket
//   pair; reaperPid() is QProcess's.
//
// * The program leads its own process group (setpgid(0, 0) in it, and the reaper's half of the
//   classic double call). Signals do not go to the group from here: signalTree() asks the reaper,
//   which sends them to the group while the program lives and to every other descendant
//   (daemons that called setsid() included), found in /proc just before. The group goes only
//   while the program is not reaped (a live or zombie leader keeps the group ID allocated). A
//   direct child of the reaper cannot be reused before the reaper reaps it; a deeper descendant
//   could be reaped by its own parent between the read of its parent's `children` file and the
//   kill, a window of microseconds that would need pid_max new processes to matter.
//
// * Nothing outlives ProcDeck: ProcDeck holds the only other end of the reaper's socket (close-on-
//   exec). When ProcDeck ends in any way the kernel closes it and the reaper kills the tree. The
//   destructor does the same on purpose (SIGKILL to the tree, then lets go of the socket).
//
// * The program gets PR_SET_PDEATHSIG(SIGKILL) towards the reaper, so that it does not outlive a
//   reaper killed from outside (whatever else is left is re-parented to ProcDeck, itself a child
//   subreaper: see main.cpp). If the reaper already died between fork and prctl, the signal would
//   never come, hence the getppid() check right after it.

namespace {

// The procdeck-reaper executable, resolved once (see ChildProcess::reaperExecutable()); empty when
// none was found. Kept as bytes so that the child modifier gets a plain const char*.
const QByteArray &reaperExecutablePath()
{
    static const QByteArray path = [] {
        QStringList candidates;
        if (QCoreApplication::instance())
            candidates << QCoreApplication::applicationDirPath() + u"/procdeck-reaper"_s;
#ifdef PROCDECK_REAPER_INSTALLED
        candidates << QStringLiteral(PROCDECK_REAPER_INSTALLED);
#endif
#ifdef PROCDECK_REAPER_BUILT
        candidates << QStringLiteral(PROCDECK_REAPER_BUILT);
#endif
        for (const QString &candidate : std::as_const(candidates)) {
            const QFileInfo info(candidate);
            if (info.isFile() && info.isExecutable()) {
                qCDebug(lcProcess) << "reaper executable:" << info.absoluteFilePath();
                return QFile::encodeName(info.absoluteFilePath());
            }
        }
        qCWarning(lcProcess) << "procdeck-reaper not found (looked in" << candidates
                             << "); each start re-executes ProcDeck as the reaper instead, which is slower";
        return QByteArray();
    }();
    return path;
}

// Output is read straight from the child's pipes, not through QProcess: QProcess copies every
// read into its own ring buffer, reads at most what one wake-up finds in a 64 KiB pipe, and costs
// a full event-loop turn per read, which made it the limit under a flood (bench/output_core,
// bench/output_flood: about 0.3 of a plain reader, against 0.7-0.8 reading directly). The child
// gets our pipes as fds 1 and 2 (dup2 in setUpChild); QProcess keeps stdin and the exit status.
// Once the program runs, the read ends go to the OutputReader's I/O thread (outputreader.h), which
// reads them off the GUI thread and hands the bytes back in batches (bench/output_flood).
constexpr int PipeSize = 1024 * 1024; // F_SETPIPE_SZ: fewer, larger reads
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
// allocation, no locks, no Qt. The descriptors are captured by value before the fork. The forked
// child becomes the entry's reaper (it never returns from here); the program it forks goes on.
void setUpChild(int reaperFd, int stdoutFd, int stderrFd, const char *reaperPath)
{
    const pid_t reaperPid = ::getpid();
    ChildReaper::forkProgram(reaperFd, reaperPath);

    // Our pipes become stdout and stderr (dup2 clears O_CLOEXEC on the copies; the originals are
    // closed by exec).
    if (::dup2(stdoutFd, STDOUT_FILENO) < 0 || ::dup2(stderrFd, STDERR_FILENO) < 0)
        ::_exit(127);

    // Own process group, so that a signal to the tree reaches it in one call.
    ::setpgid(0, 0);

    // Die with the reaper.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (::getppid() != reaperPid)
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
        // Whoever still holds a pipe: what it writes from now on is not shown.
        if (m_readerId != 0) {
            OutputReader::instance().finish(m_readerId); // outputEnded() follows what is in them
            return;
        }
        drainPipes();
        closePipes();
        finishExit();
    });
}

ChildProcess::~ChildProcess()
{
    m_drainTimer->stop();
    closePipes();
    QProcess *process = m_process;
    if (!process || process->state() == QProcess::NotRunning) {
        closeReaperSocket();
        return; // deleted with us as a child; no warning for a process that is not running
    }
    // Nothing of ours may run while we are being destroyed.
    disconnect(process, nullptr, this, nullptr);

    // A live child: SIGKILL to the tree, then the socket closed (the lifeline: the reaper kills
    // the tree even if the message were lost), then the reaper reaped. It exits as soon as the
    // SIGKILLed tree is gone, within milliseconds (the kernel tears a SIGKILLed process down without
    // running any of its code), so the bounded waitForFinished() below normally returns almost at
    // once; it is the only wait in the class and only happens after SIGKILL. Without it QProcess's
    // own destructor would warn "Destroyed while process … is still running" and block for up to
    // 30 s. A process stuck in uninterruptible sleep (a hung NFS mount) may outlive the bound: then
    // the reaper gets SIGKILL too (what it leaves is re-parented to ProcDeck) and the QProcess is
    // handed to the application object and deletes itself when the reaper is finally reaped.
    qCDebug(lcProcess) << "destroyed while running: SIGKILL to the tree of" << m_pid;
    sendToReaper(ChildReaper::Report::Signal, SIGKILL);
    closeReaperSocket();
    if (!process->waitForFinished(2000)) {
        process->kill();
        process->setParent(nullptr);
        QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
        m_process = nullptr;
    }
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
    int reaperFd = -1;
    if (!openReaperSocket(&reaperFd, &pipeError)) {
        ::close(writeEnds[0]);
        ::close(writeEnds[1]);
        closePipes();
        return pipeError;
    }

    m_process = new QProcess(this);
    // stdout and stderr are our own pipes (see PipeSize); QProcess's would be replaced anyway.
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    m_process->setProgram(plan.program);
    m_process->setArguments(plan.arguments);
    m_process->setProcessEnvironment(plan.environment);
    m_process->setWorkingDirectory(plan.workingDirectory);
    const int stdoutFd = writeEnds[0];
    const int stderrFd = writeEnds[1];
    // Resolved here, before the fork: the child allocates nothing.
    const QByteArray &reaperExecutable = reaperExecutablePath();
    const char *reaperPath = reaperExecutable.isEmpty() ? nullptr : reaperExecutable.constData();
    m_process->setChildProcessModifier([reaperFd, stdoutFd, stderrFd, reaperPath] {
        setUpChild(reaperFd, stdoutFd, stderrFd, reaperPath);
    });
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
    ::close(reaperFd);
    if (m_ended)
        return {}; // failed synchronously, already reported
    // The program's PID comes from the reaper once the program runs (handleStarted()).
    m_reaperPid = m_process->processId();
    return {};
}

QString ChildProcess::reaperExecutable()
{
    return QFile::decodeName(reaperExecutablePath());
}

qint64 ChildProcess::pid() const
{
    return m_pid;
}

qint64 ChildProcess::reaperPid() const
{
    return m_reaperPid;
}

bool ChildProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning && !m_ended;
}

bool ChildProcess::signalTree(int signal)
{
    // Only while the reaper is not reaped yet: it signals nothing but its own descendants.
    if (!isRunning())
        return false;
    qCDebug(lcProcess) << "signal" << signal << "to the tree of" << m_pid;
    return sendToReaper(ChildReaper::Report::Signal, signal);
}

void ChildProcess::killTreeWithProgram()
{
    if (isRunning())
        sendToReaper(ChildReaper::Report::KillWithProgram, 0);
}

bool ChildProcess::sendToReaper(int kind, int value)
{
    if (m_reaperFd < 0)
        return false;
    const ChildReaper::Report message{kind, value};
    ssize_t sent = -1;
    do {
        sent = ::send(m_reaperFd, &message, sizeof message, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    return sent == ssize_t(sizeof message);
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
    readProgramPid();
    const QPointer<ChildProcess> self(this);
    emit started(m_pid);
    if (!self)
        return; // a slot deleted its owner, and so us
    // Only now: read earlier, the child's first partial line would be cut in two by whatever the
    // supervisor writes about the start (the "started, PID N" note). The reader owns them now.
    m_readerId = OutputReader::instance().add(m_pipeFds, this);
    m_pipeFds[0] = m_pipeFds[1] = -1;
}

void ChildProcess::handleFailedToStart()
{
    if (m_ended)
        return;
    m_ended = true;
    drainPipes();
    closePipes();
    closeReaperSocket();
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
    // The reaper exits only when the whole tree is gone: nothing is left to kill.
    closeReaperSocket();
    // On Unix, QProcess::exitCode() after a CrashExit is the terminating signal's number
    // (WTERMSIG); tst_managedprocess::exitCodes checks that this holds.
    m_exitStatus = crashed ? -(code > 0 ? code : SIGKILL) : code;
    emit reaped();
    // The run is over when the pipes are: the output written before the exit comes first. The
    // reader says when they ended (outputEnded()); a pipe still open (a grandchild holds it) gets
    // ExitDrainMs, then the reader reads what it holds and closes it.
    m_exitPending = true;
    if (m_readerId != 0) {
        m_drainTimer->start(ExitDrainMs);
        return;
    }
    drainPipes(); // never handed over (no "started"): what is there now
    closePipes();
    finishExit();
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
        m_pipeFds[i] = fds[0]; // read from handleStarted() on: see there
        writeEnds[i] = fds[1];
    }
    return true;
}

// On this object's thread, in the order the reader read them (OutputReceiver).
void ChildProcess::receiveOutput(OutputStream stream, QByteArrayView bytes)
{
    m_output->appendData(stream, bytes);
}

void ChildProcess::outputEnded()
{
    m_readerId = 0;
    finishExit(); // if reaped; else handleFinished() finishes at once
}

// Pipes never handed to the reader (the program did not start): what they hold now, without
// waiting.
void ChildProcess::drainPipes()
{
    for (int i = 0; i < 2; ++i) {
        const OutputStream stream = i == 0 ? OutputStream::Stdout : OutputStream::Stderr;
        for (qsizetype taken = 0; m_pipeFds[i] >= 0 && taken < PipeSize;) {
            qsizetype capacity = 0;
            char *to = m_output->reserve(stream, 64 * 1024, &capacity);
            const ssize_t n = ::read(m_pipeFds[i], to, size_t(capacity));
            m_output->commit(stream, n > 0 ? qsizetype(n) : 0);
            if (n <= 0 && !(n < 0 && errno == EINTR))
                break; // empty, at its end, or an error: closePipes() follows
            taken += std::max<qsizetype>(n, 0);
        }
    }
}

void ChildProcess::closePipes()
{
    if (m_readerId != 0)
        OutputReader::instance().remove(m_readerId);
    m_readerId = 0;
    for (int &fd : m_pipeFds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

// ---- The reaper's socket ------------------------------------------------------------------------

// A SOCK_SEQPACKET pair, close-on-exec on both ends: ours is kept (the lifeline and the control
// channel, see childreaper.h), the reaper's goes to the child modifier and is closed here after
// the fork.
bool ChildProcess::openReaperSocket(int *reaperFd, QString *error)
{
    closeReaperSocket();
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0) {
        *error = tr("cannot create a socket: %1").arg(QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    m_reaperFd = fds[0];
    *reaperFd = fds[1];
    return true;
}

// The program's PID, which the reaper sent before the program could exec (and so before QProcess
// reports the start): there without waiting. The reaper's PID if the message is missing.
void ChildProcess::readProgramPid()
{
    ChildReaper::Report message;
    while (m_reaperFd >= 0) {
        const ssize_t n = ::recv(m_reaperFd, &message, sizeof message, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != ssize_t(sizeof message))
            break;
        if (message.kind == ChildReaper::Report::ProgramPid) {
            m_pid = message.value;
            return;
        }
    }
    if (m_pid <= 0)
        m_pid = m_reaperPid;
}

void ChildProcess::closeReaperSocket()
{
    if (m_reaperFd >= 0)
        ::close(m_reaperFd);
    m_reaperFd = -1;
}
