#include "childprocess.h"

#include "childreaper.h"
#include "launchplan.h"
#include "logging.h"
#include "outputlog.h"
#include "procstats.h"
#include "pseudoterminal.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// How processes are contained and stopped, and why it is safe (read this before changing a signal).
//
// * QProcess's child is not the program but the entry's reaper, procdeck-reaper (childreaper.cpp):
//   a child subreaper that forks and execs the program and stays until the last descendant of the
//   program is gone. So QProcess's "finished" means "the whole tree is gone", and its exit status
//   is the program's (the reaper mirrors it). QProcess's "started" means only that the reaper runs:
//   `started` comes when the reaper reports the program's PID after its exec succeeded, and a
//   failed exec comes as its errno. pid() is the program's PID; reaperPid() is QProcess's.
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
// * A reaper killed from outside (SIGKILL by hand): the program has PR_SET_PDEATHSIG(SIGKILL)
//   towards it, and the rest of the tree is re-parented to ProcDeck, itself a child subreaper (see
//   main.cpp). QProcess's "finished" without the program's status says so: then the program's
//   group is SIGKILLed, and every child of ProcDeck outside ProcDeck's own process group (its
//   reapers and anything else it starts stay in that group; the program and a daemon leave it)
//   was adopted from such a tree: it and its descendants are SIGKILLed and reaped, again every
//   few milliseconds until none is left (endReaperOrphans()).

namespace {

// The procdeck-reaper executable, resolved once (see ChildProcess::reaperExecutable()); empty when
// none was found. Kept as bytes so that the child modifier gets a plain const char*.
const QByteArray &reaperExecutablePath()
{
    static const QByteArray path = [] {
        QStringList candidates;
        if (QCoreApplication::instance()) {
            candidates << QCoreApplication::applicationDirPath() + u"/procdeck-reaper"_s;
#ifdef PROCDECK_REAPER_RELATIVE
            // An installation moved as a whole (a package extracted elsewhere): bin/../libexec.
            candidates << QCoreApplication::applicationDirPath() + u'/' + QStringLiteral(PROCDECK_REAPER_RELATIVE);
#endif
        }
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
        qCWarning(lcProcess) << "procdeck-reaper not found (looked in" << candidates << "): nothing can start";
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

// The child-side setup, run between QProcess's fork and its exec of procdeck-reaper (vfork
// semantics: ProcDeck waits meanwhile). Raw system calls only: no allocation, no locks, no Qt. The
// descriptors (all above 2, close-on-exec) are captured by value before the fork.
void setUpReaper(int reaperFd, int stdoutFd, int stderrFd, bool terminalInput)
{
    // Our pipes (or a pseudo-terminal's slave) become stdout and stderr, and with a terminal stdin
    // (dup2 clears close-on-exec on the copies; the originals are closed by the exec); the socket
    // end is kept across it.
    if (::dup2(stdoutFd, STDOUT_FILENO) < 0 || ::dup2(stderrFd, STDERR_FILENO) < 0
        || (terminalInput && ::dup2(stdoutFd, STDIN_FILENO) < 0) || ::fcntl(reaperFd, F_SETFD, 0) < 0)
        ::_exit(127);
    // Blocked until the reaper's own setup (the mask survives the exec): a terminal's Ctrl-C to
    // ProcDeck's group must not end it; the program gets a clean mask from the reaper.
    sigset_t all;
    ::sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
}

// `fd` moved above 0-2 if it is one of them (a ProcDeck started with a standard descriptor
// closed): the child's dup2 onto 1 and 2 must not overwrite it. -1 when no descriptor is left.
int aboveStandardDescriptors(int fd)
{
    if (fd > STDERR_FILENO)
        return fd;
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
    ::close(fd);
    return moved;
}

// What ProcDeck adopted (it is a child subreaper) from the trees of reapers killed from outside:
// its children outside its own process group (see the top of this file). SIGKILL to each and its
// descendants, then the dead are reaped. True if there was any: then another pass is due, for
// what is still dying and for the descendants re-parented to ProcDeck as their parents died.
bool killAdoptedOrphans()
{
    const qint64 ownGroup = ::getpgrp();
    bool found = false;
    for (const ProcStatFields &child : ProcStats::children(::getpid())) {
        if (child.pgrp == ownGroup)
            continue;
        found = true;
        if (child.state != 'Z') {
            for (const qint64 descendant : ProcStats::liveDescendants(child.pid))
                ::kill(pid_t(descendant), SIGKILL);
            ::kill(pid_t(child.pid), SIGKILL);
        }
        ::waitpid(pid_t(child.pid), nullptr, WNOHANG);
    }
    return found;
}

// killAdoptedOrphans() now and every SweepIntervalMs while something is left, SweepPasses at most.
constexpr int SweepIntervalMs = 10;
constexpr int SweepPasses = 300;
void sweepAdoptedOrphans(int passesLeft)
{
    if (!killAdoptedOrphans() || passesLeft <= 1 || !QCoreApplication::instance())
        return;
    QTimer::singleShot(SweepIntervalMs, QCoreApplication::instance(),
                       [passesLeft] { sweepAdoptedOrphans(passesLeft - 1); });
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

QString ChildProcess::start(const LaunchPlan &plan, bool hold)
{
    Q_ASSERT(!m_process);
    const QByteArray &reaperExecutable = reaperExecutablePath();
    if (reaperExecutable.isEmpty())
        return tr("procdeck-reaper, which starts every entry, is missing; reinstall ProcDeck");
    int writeEnds[2] = {-1, -1};
    QString pipeError;
    if (!openPipes(writeEnds, &pipeError))
        return pipeError;
    int reaperFd = -1;
    const int shortage = descriptorShortage(DescriptorsPerStart);
    if (!shortage)
        pipeError = openTerminal(plan, writeEnds);
    if (shortage || !pipeError.isEmpty() || !openReaperSocket(&reaperFd, &pipeError)) {
        m_terminal.reset();
        closePipes();
        ::close(writeEnds[0]);
        ::close(writeEnds[1]);
        return shortage ? startErrorText(shortage) : pipeError;
    }
    const int stdoutFd = aboveStandardDescriptors(writeEnds[0]);
    const int stderrFd = aboveStandardDescriptors(writeEnds[1]);
    reaperFd = aboveStandardDescriptors(reaperFd);

    OutputReader::instance(); // its thread starts while the program does (once per program)
    m_process = new QProcess(this);
    // stdout and stderr are our own pipes (see PipeSize); QProcess's would be replaced anyway.
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    // procdeck-reaper FD [--hold] -- PROGRAM ARGS... (childreaper.h); the reaper inherits the
    // environment and the working directory and gives both to the program.
    QStringList arguments = {QString::number(reaperFd)};
    if (hold)
        arguments << QLatin1StringView(ChildReaper::HoldOption);
    if (m_fullTerminal)
        arguments << QLatin1StringView(ChildReaper::TerminalOption);
    arguments << QLatin1StringView(ChildReaper::ProgramMarker) << plan.program << plan.arguments;
    m_process->setProgram(QFile::decodeName(reaperExecutable));
    m_process->setArguments(arguments);
    m_process->setProcessEnvironment(plan.environment);
    m_process->setWorkingDirectory(plan.workingDirectory);
    m_process->setChildProcessModifier([reaperFd, stdoutFd, stderrFd, terminalInput = m_fullTerminal] {
        setUpReaper(reaperFd, stdoutFd, stderrFd, terminalInput);
    });
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
    for (const int fd : {stdoutFd, stderrFd, reaperFd}) {
        if (fd >= 0)
            ::close(fd);
    }
    if (m_ended)
        return {}; // failed synchronously, already reported
    m_reaperPid = m_process->processId();
    m_holding = hold;
    // The program's PID (or why it could not start) comes from the reaper: readReports().
    m_reportNotifier = new QSocketNotifier(m_reaperFd, QSocketNotifier::Read, this);
    connect(m_reportNotifier, &QSocketNotifier::activated, this, &ChildProcess::readReports);
    return {};
}

// With a terminal (plan.terminal other than Pipes): the slave takes the place of the stdout pipe's
// write end (and of stderr's, for a full terminal), the master that of its read end, at the same
// descriptor numbers, so that the start and the reading go on as for pipes (a read failing with
// EIO, every slave closed, is the end of file there). An error message, or empty.
QString ChildProcess::openTerminal(const LaunchPlan &plan, int writeEnds[2])
{
    m_terminal.reset();
    m_fullTerminal = plan.terminal == TerminalMode::Terminal;
    if (plan.terminal == TerminalMode::Pipes)
        return {};
    auto terminal = std::make_unique<PseudoTerminal>();
    const QString error = terminal->open(m_fullTerminal ? PseudoTerminal::Kind::Full : PseudoTerminal::Kind::OutputOnly,
                                         m_terminalColumns > 0 ? m_terminalColumns : PseudoTerminal::DefaultColumns,
                                         m_terminalRows > 0 ? m_terminalRows : PseudoTerminal::DefaultRows);
    if (!error.isEmpty())
        return error;
    if (::dup3(terminal->master(), m_pipeFds[0], O_CLOEXEC) < 0
        || ::dup3(terminal->slave(), writeEnds[0], O_CLOEXEC) < 0
        || (m_fullTerminal && ::dup3(terminal->slave(), writeEnds[1], O_CLOEXEC) < 0)) {
        return startErrorText(errno);
    }
    terminal->closeSlave(); // the copy in writeEnds[0] is closed after the fork, like a pipe's
    m_terminal = std::move(terminal);
    return {};
}

bool ChildProcess::hasTerminal() const
{
    return m_fullTerminal && m_terminal && isRunning();
}

bool ChildProcess::setTerminalSize(int columns, int rows)
{
    m_terminalColumns = columns;
    m_terminalRows = rows;
    return m_terminal && m_terminal->setWindowSize(columns, rows);
}

QString ChildProcess::interrupt()
{
    if (!hasTerminal())
        return tr("not running in a terminal");
    const QByteArray character = m_terminal->interruptCharacter();
    if (character.isEmpty())
        return tr("the terminal has no interrupt character");
    return m_terminal->write(character);
}

void ChildProcess::release()
{
    if (m_holding && isRunning())
        sendToReaper(ChildReaper::Report::Go, 0);
    m_holding = false;
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
    if (hasTerminal())
        return m_terminal->write(data);
    if (m_process->write(data) != data.size())
        return m_process->errorString();
    return {};
}

bool ChildProcess::closeInput()
{
    if (!isRunning())
        return false;
    if (hasTerminal())
        return m_terminal->write(m_terminal->endOfFileCharacter()).isEmpty();
    m_process->closeWriteChannel();
    return true;
}

void ChildProcess::handleProgramStarted(qint64 pid)
{
    if (m_ended || m_pid > 0)
        return;
    m_pid = pid;
    m_holding = false;
    // The reader owns the pipes from now on, and reads at once, while the slots of `started` run
    // (a first sample of the tree's CPU, the row): its deliveries are queued on this thread, so the
    // program's first bytes come after whatever the supervisor writes about the start (the
    // "started, PID N" note) and no partial line is cut by it. Handed over earlier, before the
    // PID, bytes could arrive before that note.
    m_readerId = OutputReader::instance().add(m_pipeFds, this);
    m_pipeFds[0] = m_pipeFds[1] = -1;
    emit started(m_pid); // may delete us
}

// The reaper could not fork or exec the program: worded as QProcess worded its own failed exec
// ("execve: …"), a shortage of descriptors or processes as startErrorText() says it.
void ChildProcess::handleStartFailed(int error)
{
    const bool shortage = error == EMFILE || error == ENFILE || error == EAGAIN;
    failStart(shortage ? startErrorText(error) : u"execve: "_s + qt_error_string(error));
}

void ChildProcess::handleFailedToStart()
{
    failStart(failureReason());
}

// The run ends without having started: the one `failedToStart`.
void ChildProcess::failStart(const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    drainPipes();
    closePipes();
    closeReaperSocket();
    m_terminal.reset();
    emit failedToStart(reason);
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
    const QPointer<ChildProcess> self(this);
    readReports(); // what the reaper said before it ended comes first
    if (!self || m_ended)
        return;
    if (m_pid <= 0) { // held, or killed before its report: the program never ran
        failStart(tr("its reaper ended before the program started"));
        return;
    }
    m_ended = true;
    // The reaper exits only when the whole tree is gone, unless it was killed from outside.
    if (!m_programEnded)
        endReaperOrphans();
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
    m_terminal.reset();
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
        m_pipeFds[i] = fds[0]; // read from handleProgramStarted() on: see there
        writeEnds[i] = fds[1];
    }
    return true;
}

// On this object's thread, in the order the reader read them (OutputReceiver).
void ChildProcess::receiveOutput(OutputStream stream, QByteArrayView bytes, OutputBlock *block,
                                 const OutputScan &scan)
{
    m_output->appendBlock(stream, bytes, block, &scan);
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

// Every report the socket holds now, without waiting; at end of file the notifier goes (the
// reaper is gone, QProcess's "finished" follows).
void ChildProcess::readReports()
{
    const QPointer<ChildProcess> self(this);
    ChildReaper::Report message;
    while (self && m_reaperFd >= 0) {
        const ssize_t n = ::recv(m_reaperFd, &message, sizeof message, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            delete m_reportNotifier;
            m_reportNotifier = nullptr;
            return;
        }
        if (n == ssize_t(sizeof message) && !handleReport(message.kind, message.value))
            return;
    }
}

// One report of the reaper; false when this run ended with it (stop reading).
bool ChildProcess::handleReport(int kind, int value)
{
    switch (kind) {
    case ChildReaper::Report::Holding:
        emit holding(m_reaperPid);
        return true;
    case ChildReaper::Report::ProgramPid:
        handleProgramStarted(value);
        return true;
    case ChildReaper::Report::StartFailed:
        handleStartFailed(value);
        return false;
    case ChildReaper::Report::ProgramStatus:
        m_programEnded = true;
        return true;
    default:
        return true;
    }
}

// The reaper died without reporting the program's end: killed from outside. See the top of this
// file.
void ChildProcess::endReaperOrphans()
{
    qCWarning(lcProcess) << "the reaper" << m_reaperPid << "of" << m_pid << "was killed from outside";
    ::kill(-pid_t(m_pid), SIGKILL); // the group's ID is still ours: the program is our unreaped orphan
    sweepAdoptedOrphans(SweepPasses);
    m_output->appendMessage(tr("its reaper (PID %1) was killed from outside; ProcDeck killed what "
                               "was left of its processes").arg(m_reaperPid));
}

void ChildProcess::closeReaperSocket()
{
    delete m_reportNotifier;
    m_reportNotifier = nullptr;
    if (m_reaperFd >= 0)
        ::close(m_reaperFd);
    m_reaperFd = -1;
}
