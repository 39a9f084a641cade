#include "childreaper.h"

#include <cerrno>
#include <csignal>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

// Why a reaper per entry, and what each of its parts closes (read before changing anything here).
//
// * A process group does not hold a tree: a descendant that calls setsid() (every daemon, every
//   double fork) leaves it, and kill(-pgid) no longer reaches it. PR_SET_PDEATHSIG reaches only
//   the direct child. So the reaper is a child subreaper (PR_SET_CHILD_SUBREAPER): every
//   descendant whose parent dies is re-parented to it, not to init, and stays findable through
//   /proc/<pid>/task/<tid>/children from the reaper down. waitpid(-1) failing with ECHILD then
//   means exactly "nothing the program started is left".
//
// * The lifeline: ProcDeck holds the only other end of the socket (close-on-exec). However
//   ProcDeck ends — exit, SIGKILL, a crash — the kernel closes it, the reaper reads end of file,
//   SIGKILLs every descendant and repeats until waitpid(-1) says ECHILD, so that a fork racing the
//   kill is caught too (its child is re-parented to us when its parent dies).
//
// * Who forks whom. QProcess starts this small Qt-free executable, not the program: Qt 6.4's
//   QProcess forks with vfork semantics (CLONE_VM | CLONE_VFORK), and a program forked from inside
//   its child modifier copied ProcDeck's page tables on every start (and ProcDeck then took
//   copy-on-write faults: bench/scale started 1,000 entries at 8.8 times a posix_spawn loop).
//   QProcess's child modifier only makes our pipes stdout and stderr, keeps the socket end across
//   the exec and blocks every signal (ChildProcess). The reaper then forks the program from its own
//   address space of a few pages and execs it with the reaper's own environment (QProcess gave it
//   the program's; the reaper adds nothing to it) in the working directory QProcess set.
//
// * A failed start is still a failed start: the program's child writes the errno of a failed
//   execve() to a close-on-exec pipe; end of file on it means the exec succeeded. Only then does the
//   reaper report the program's PID (ChildProcess reports `started`); otherwise it reports the
//   errno and exits 127, and ChildProcess words it as QProcess did ("execve: …").
//
// * Descriptors: the reaper inherits only what ProcDeck left without close-on-exec (every one of
//   ours has it: other entries' socket ends, the output pipes, QProcess's exec-report pipe). It
//   closes all but 0-2 and its socket end at once, so the program gets 0-2 only, and after the fork
//   0-2 as well: holding another entry's end would keep that entry's lifeline alive, holding a pipe
//   would keep a read end from seeing end of file.
//
// * Hold (--hold): the reaper reports "holding" and starts nothing until ProcDeck says "go" (so
//   that it can be moved, say into a cgroup, before the program exists); end of file, or a signal
//   that would end the program, ends it without starting anything.
//
// * A terminal (--terminal): the program calls setsid() instead of setpgid() (its group is still
//   its PID, and the reaper does not make the second setpgid call, which would make it a group
//   leader before its setsid and so fail it) and makes stdin its controlling terminal
//   (TIOCSCTTY), so that the terminal's interrupt character and window size reach its group.
//
// * Signals: all are blocked in the reaper (a terminal's Ctrl-C or Ctrl-Z reaches ProcDeck's
//   process group, and the reaper is in it); SIGCHLD is read through a signalfd. The program
//   leads its own process group (setpgid in both, the classic double call), gets
//   PR_SET_PDEATHSIG(SIGKILL) towards the reaper, and has its signal mask and every disposition
//   reset before its exec (ProcDeck may ignore SIGPIPE, a terminal job may ignore SIGINT).
//
// * Only plain system calls, no heap and nothing from libstdc++: the loop needs no more, and the
//   executable stays a few pages (libstdc++ and libgcc linked statically, libc dynamically).

namespace ChildReaper {
namespace {

constexpr int MaxTree = 4096; // processes signalled per pass; a bigger tree takes several passes

// Appends the decimal form of `value` to `out` at `at`; returns the new end.
int appendNumber(char *out, int at, long value)
{
    char digits[24];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (count > 0)
        out[at++] = digits[--count];
    return at;
}

int appendText(char *out, int at, const char *text)
{
    while (*text)
        out[at++] = *text++;
    return at;
}

// Parses the space-separated PIDs of one `children` file into `pids` from `count`; returns the new
// count.
int readChildren(int fd, pid_t *pids, int count)
{
    char buffer[1024];
    long current = -1;
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i) {
            const char c = buffer[i];
            if (c >= '0' && c <= '9') {
                current = (current < 0 ? 0 : current * 10) + (c - '0');
            } else if (current >= 0) {
                if (count < MaxTree)
                    pids[count++] = pid_t(current);
                current = -1;
            }
        }
    }
    if (current >= 0 && count < MaxTree)
        pids[count++] = pid_t(current);
    return count;
}

// Appends the children of `pid` (of each of its threads) to `pids`; returns the new count.
int appendChildren(pid_t pid, pid_t *pids, int count)
{
    char path[64];
    int end = appendText(path, 0, "/proc/");
    end = appendNumber(path, end, pid);
    end = appendText(path, end, "/task");
    path[end] = '\0';
    const int dir = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return count; // gone meanwhile
    alignas(dirent64) char entries[2048];
    for (;;) {
        const ssize_t n = ::getdents64(dir, entries, sizeof entries);
        if (n <= 0)
            break;
        for (ssize_t offset = 0; offset < n;) {
            const auto *entry = reinterpret_cast<const dirent64 *>(entries + offset);
            offset += entry->d_reclen;
            if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
                continue;
            char file[300];
            int fileEnd = appendText(file, 0, entry->d_name);
            fileEnd = appendText(file, fileEnd, "/children");
            file[fileEnd] = '\0';
            const int fd = ::openat(dir, file, O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            count = readChildren(fd, pids, count);
            ::close(fd);
        }
    }
    ::close(dir);
    return count;
}

// `signal` to every descendant, once each: to the program's group in one call while the program
// lives (`programGroup` > 0), then to each descendant outside it, found breadth-first from us.
void signalTree(int signal, pid_t programGroup)
{
    if (programGroup > 0)
        ::kill(-programGroup, signal);
    pid_t pids[MaxTree];
    int count = appendChildren(::getpid(), pids, 0);
    for (int i = 0; i < count; ++i) {
        count = appendChildren(pids[i], pids, count);
        if (programGroup > 0 && ::getpgid(pids[i]) == programGroup)
            continue; // had it from the group call
        ::kill(pids[i], signal);
    }
}

void report(int socketFd, Report::Kind kind, int value)
{
    const Report message{kind, value};
    // MSG_NOSIGNAL: ProcDeck may be gone; the lifeline says so, not a SIGPIPE.
    while (::send(socketFd, &message, sizeof message, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 && errno == EINTR) {
    }
}

// Every descriptor from `from` on but `keep` (which is above 2): see the top of this file.
void closeAllBut(int keep, int from)
{
    if (keep > from)
        ::syscall(SYS_close_range, unsigned(from), unsigned(keep - 1), 0U);
    if (::syscall(SYS_close_range, unsigned(keep + 1), ~0U, 0U) == 0)
        return;
    // close_range is Linux 5.9; before it, one by one up to the descriptor limit.
    rlimit limit{};
    const long max = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 ? long(limit.rlim_cur) : 65536;
    for (long fd = from; fd < max; ++fd) {
        if (fd != keep)
            ::close(int(fd));
    }
}

// Ends the reaper as the program ended: the same exit code, or death by the same signal.
[[noreturn]] void exitLike(int status)
{
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        // No core file of the reaper for the program's crash.
        const rlimit noCore{0, 0};
        ::setrlimit(RLIMIT_CORE, &noCore);
        struct sigaction defaultAction {};
        defaultAction.sa_handler = SIG_DFL;
        ::sigaction(signal, &defaultAction, nullptr);
        sigset_t only;
        ::sigemptyset(&only);
        ::sigaddset(&only, signal);
        ::sigprocmask(SIG_UNBLOCK, &only, nullptr);
        ::kill(::getpid(), signal);
        ::kill(::getpid(), SIGKILL); // a signal whose default is not to end the process
    }
    ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 127);
}

struct ReaperState
{
    pid_t program = 0;
    bool programAlive = true;
    int programStatus = 0;
    bool killing = false;  // SIGKILL to the tree on every change, until it is gone
    bool killWithProgram = false; // after terminate or kill: the program's end ends the tree
    bool lifeline = true;  // ProcDeck's end is still open
};

// Reaps what has ended; exits when nothing is left.
void reapAll(ReaperState &state, int socketFd)
{
    for (;;) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            if (pid == state.program) {
                state.programAlive = false;
                state.programStatus = status;
                state.killing = state.killing || state.killWithProgram;
                report(socketFd, Report::ProgramStatus, status);
            }
            continue;
        }
        if (pid < 0 && errno == EINTR)
            continue;
        if (pid < 0 && errno == ECHILD)
            exitLike(state.programStatus);
        return; // 0: children left, none ended
    }
}

// One message from ProcDeck, or its end of file.
void readControl(ReaperState &state, int socketFd)
{
    Report message;
    const ssize_t n = ::recv(socketFd, &message, sizeof message, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0) { // end of file (ProcDeck is gone or let go) or an error: the lifeline is cut
        state.lifeline = false;
        state.killing = true;
        return;
    }
    if (n != sizeof message)
        return;
    if (message.kind == Report::KillWithProgram) {
        // Only a program that ends from now on: one that ended before (reaped first, so that one
        // that ended a moment ago counts too) leaves its tree the grace period of whoever asked.
        reapAll(state, socketFd);
        state.killWithProgram = state.programAlive;
        return;
    }
    const int signal = message.value;
    if (message.kind != Report::Signal || signal <= 0 || signal >= NSIG)
        return;
    if (signal == SIGKILL)
        state.killing = true;
    signalTree(signal, state.programAlive ? state.program : 0);
}

[[noreturn]] void runReaper(pid_t program, int socketFd)
{
    sigset_t childSignal;
    ::sigemptyset(&childSignal);
    ::sigaddset(&childSignal, SIGCHLD);
    const int signalFd = ::signalfd(-1, &childSignal, SFD_CLOEXEC | SFD_NONBLOCK);
    if (signalFd < 0) { // no way to wait for the tree: it must not run unwatched
        signalTree(SIGKILL, program);
        ::_exit(127);
    }

    ReaperState state;
    state.program = program;
    for (;;) {
        reapAll(state, socketFd); // first, so that a SIGCHLD from before the signalfd is not missed
        if (state.killing)
            signalTree(SIGKILL, state.programAlive ? state.program : 0);
        pollfd fds[2] = {{signalFd, POLLIN, 0}, {socketFd, POLLIN, 0}};
        if (::poll(fds, state.lifeline ? 2 : 1, -1) < 0)
            continue; // EINTR
        if (fds[0].revents) {
            signalfd_siginfo info;
            while (::read(signalFd, &info, sizeof info) > 0) {
            }
        }
        if (state.lifeline && fds[1].revents)
            readControl(state, socketFd);
    }
}

// A signal ProcDeck sends to stop the program (terminate, kill, or a Send Signal that would end
// it): while holding, there is no program yet, so it ends the reaper instead.
bool endsHold(int signal)
{
    switch (signal) {
    case SIGCONT:
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
        return false;
    default:
        return signal > 0 && signal < NSIG;
    }
}

// With --hold: "holding", then true on "go"; false on end of file or a stop request.
bool holdUntilGo(int socketFd)
{
    report(socketFd, Report::Holding, int(::getpid()));
    for (;;) {
        Report message;
        const ssize_t n = ::recv(socketFd, &message, sizeof message, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false; // the lifeline is cut: start nothing
        if (n != sizeof message)
            continue;
        if (message.kind == Report::Go)
            return true;
        if (message.kind == Report::Signal && endsHold(message.value))
            return false;
    }
}

// In the program's child, between fork and exec: its own group, death with the reaper, a clean
// signal state, then the exec; a failed exec writes its errno to `statusFd`.
[[noreturn]] void execProgram(char **argv, char **envp, int statusFd, pid_t reaper, bool terminal)
{
    if (terminal) {
        ::setsid();
        ::ioctl(STDIN_FILENO, TIOCSCTTY, 0);
    } else {
        ::setpgid(0, 0);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (::getppid() != reaper) // the reaper died before the prctl: the signal would never come
        ::_exit(127);
    // exec keeps ignored dispositions and the mask; caught signals are reset by exec anyway.
    struct sigaction defaultAction {};
    defaultAction.sa_handler = SIG_DFL;
    ::sigemptyset(&defaultAction.sa_mask);
    for (int signal = 1; signal < NSIG; ++signal) {
        if (signal != SIGKILL && signal != SIGSTOP)
            ::sigaction(signal, &defaultAction, nullptr); // fails harmlessly for reserved signals
    }
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(argv[0], argv, envp);
    const int error = errno;
    while (::write(statusFd, &error, sizeof error) < 0 && errno == EINTR) {
    }
    ::_exit(127);
}

// Forks and execs the program; its PID once the exec succeeded, else 0 (the errno reported).
pid_t startProgram(char **argv, char **envp, int socketFd, bool terminal)
{
    int status[2];
    if (::pipe2(status, O_CLOEXEC) != 0) {
        report(socketFd, Report::StartFailed, errno);
        return 0;
    }
    const pid_t reaper = ::getpid();
    const pid_t program = ::fork(); // a small, single-threaded process: cheap, and no locks held
    if (program == 0)
        execProgram(argv, envp, status[1], reaper, terminal);
    const int forkError = errno;
    ::close(status[1]);
    if (program < 0) {
        ::close(status[0]);
        report(socketFd, Report::StartFailed, forkError);
        return 0;
    }
    if (!terminal)
        ::setpgid(program, program); // the reaper's half of the double call: the group exists now
    int execError = 0;
    ssize_t n = 0;
    do {
        n = ::read(status[0], &execError, sizeof execError);
    } while (n < 0 && errno == EINTR);
    ::close(status[0]);
    if (n == ssize_t(sizeof execError)) {
        while (::waitpid(program, nullptr, 0) < 0 && errno == EINTR) {
        }
        report(socketFd, Report::StartFailed, execError);
        return 0;
    }
    report(socketFd, Report::ProgramPid, int(program));
    return program;
}

// Parses "FD"; -1 if malformed or one of 0-2.
int parseDescriptor(const char *text)
{
    long value = 0;
    if (!*text)
        return -1;
    for (; *text; ++text) {
        if (*text < '0' || *text > '9' || value > 1000000)
            return -1;
        value = value * 10 + (*text - '0');
    }
    return value > STDERR_FILENO ? int(value) : -1;
}

bool equal(const char *a, const char *b)
{
    while (*a && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}

} // namespace

int run(int argc, char **argv, char **envp)
{
    // procdeck-reaper FD [--hold] [--terminal] -- PROGRAM ARGS...
    if (argc < 4)
        return 127;
    const int socketFd = parseDescriptor(argv[1]);
    int marker = 2;
    const bool hold = equal(argv[marker], HoldOption);
    if (hold)
        ++marker;
    const bool terminal = marker < argc && equal(argv[marker], TerminalOption);
    if (terminal)
        ++marker;
    if (socketFd < 0 || marker + 1 >= argc || !equal(argv[marker], ProgramMarker))
        return 127;

    sigset_t all;
    ::sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, nullptr); // QProcess's child blocked them too, before the exec
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    ::prctl(PR_SET_NAME, reinterpret_cast<unsigned long>("procdeck-reaper"), 0, 0, 0);
    closeAllBut(socketFd, STDERR_FILENO + 1);
    ::fcntl(socketFd, F_SETFD, FD_CLOEXEC); // the program must not hold the lifeline

    if (hold && !holdUntilGo(socketFd))
        ::_exit(0);
    const pid_t program = startProgram(argv + marker + 1, envp, socketFd, terminal);
    if (program <= 0)
        ::_exit(127);
    closeAllBut(socketFd, 0); // the program has 0-2: see the top of this file
    runReaper(program, socketFd);
}

} // namespace ChildReaper
