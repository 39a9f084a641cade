#include "childreaper.h"

#include <cerrno>
#include <csignal>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
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
// * The reaper is forked by QProcess from a ProcDeck that may run other entries: it inherits every
//   descriptor ProcDeck had at that moment, other entries' socket ends, the output pipes and
//   QProcess's exec-report pipe among them. It closes all but its own socket end at once: holding
//   another entry's end would keep that entry's lifeline alive, holding a pipe would keep a read
//   end from seeing end of file, and holding the report pipe would keep QProcess from seeing that
//   the program exec'd. The program keeps the report pipe until its exec (close-on-exec), so a
//   failed exec still reaches QProcess as a start failure.
//
// * Qt 6.4's QProcess forks with vfork semantics (CLONE_VM | CLONE_VFORK): ProcDeck stays
//   suspended, sharing its memory with the child, until that child execs or exits. So the child
//   cannot stay in the modifier as the reaper: it forks the program (a real, raw fork: the program
//   gets its own copy of memory and returns into QProcess's exec), then execs procdeck-reaper
//   (src/reaper/main.cpp: this file and a main() that calls runIfReaper(), no Qt, libstdc++ and
//   libgcc linked statically, so it starts in about a millisecond) with PROCDECK_REAPER=FD:PID as
//   its whole environment. Its path is resolved by ChildProcess before the fork and passed in as
//   `reaperPath`. Without one (nullptr, or the exec fails) the child execs ProcDeck's own image
//   again (/proc/self/exe): a constructor in this file sees the variable before main() and runs the
//   loop there, so any program that links procdeck_core can still be a reaper, at the price of
//   loading all of Qt (about 40 ms of CPU per start). The socket end is made inheritable only after
//   the program was forked, so the program still loses it at its exec. PR_SET_CHILD_SUBREAPER and
//   the blocked signals survive the exec.
//
// * Only raw system calls between fork and exec: no allocation, no locks, no glibc fork() (its
//   atfork handlers may need locks another ProcDeck thread held at fork time), no stdio. The
//   reaper loop after the exec keeps to the same (in procdeck-reaper, or before main() in the
//   fallback), so it needs nothing from libstdc++ and no heap.
//
// * Signals: all are blocked in the reaper (a terminal's Ctrl-C or Ctrl-Z reaches ProcDeck's
//   process group, and the reaper is in it); SIGCHLD is read through a signalfd. The program
//   unblocks and resets everything before its exec (ChildProcess's setUpChild).

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

// Every descriptor but `keep`: see the top of this file.
void closeAllBut(int keep)
{
    if (keep > 0)
        ::syscall(SYS_close_range, 0U, unsigned(keep - 1), 0U);
    if (::syscall(SYS_close_range, unsigned(keep + 1), ~0U, 0U) == 0)
        return;
    // close_range is Linux 5.9; before it, one by one up to the descriptor limit.
    rlimit limit{};
    const long max = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 ? long(limit.rlim_cur) : 65536;
    for (long fd = 0; fd < max; ++fd) {
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
        // Only a program that ends from now on: one that ended before leaves its tree the grace
        // period of whoever asked.
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
    sigset_t all;
    ::sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); // kept across the exec; again, to be sure
    ::prctl(PR_SET_NAME, reinterpret_cast<unsigned long>("procdeck-reaper"), 0, 0, 0);
    closeAllBut(socketFd);
    ::fcntl(socketFd, F_SETFD, FD_CLOEXEC);

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

constexpr char ReaperVariable[] = "PROCDECK_REAPER=";

// In QProcess's (vfork) child, after the program was forked: see the top of this file.
[[noreturn]] void execReaper(pid_t program, int socketFd, const char *reaperPath)
{
    sigset_t all;
    ::sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
    report(socketFd, Report::ProgramPid, int(program));
    closeAllBut(socketFd);
    ::fcntl(socketFd, F_SETFD, 0); // through the exec (the program has lost its copy at its own)
    char variable[64];
    int end = appendText(variable, 0, ReaperVariable);
    end = appendNumber(variable, end, socketFd);
    variable[end++] = ':';
    end = appendNumber(variable, end, program);
    variable[end] = '\0';
    char name[] = "procdeck-reaper";
    char *const argv[] = {name, nullptr};
    char *const envp[] = {variable, nullptr};
    if (reaperPath)
        ::execve(reaperPath, argv, envp);
    ::execve("/proc/self/exe", argv, envp); // the last resort: see the top of this file
    ::kill(program, SIGKILL); // no reaper, no program
    ::_exit(127);
}

// Parses "FD:PID" after the variable's name; false if malformed.
bool parseReaperVariable(const char *text, int *socketFd, pid_t *program)
{
    long numbers[2] = {-1, -1};
    int which = 0;
    for (; *text; ++text) {
        if (*text == ':' && which == 0 && numbers[0] >= 0) {
            which = 1;
        } else if (*text >= '0' && *text <= '9') {
            numbers[which] = (numbers[which] < 0 ? 0 : numbers[which] * 10) + (*text - '0');
        } else {
            return false;
        }
    }
    if (which != 1 || numbers[0] < 0 || numbers[1] <= 0)
        return false;
    *socketFd = int(numbers[0]);
    *program = pid_t(numbers[1]);
    return true;
}

#ifndef PROCDECK_REAPER_EXECUTABLE
// Before main(), in every program that links procdeck_core (the fallback without procdeck-reaper,
// see the top of this file): a process exec'd by execReaper() becomes the reaper here and never
// gets to main(). glibc passes argc, argv and envp to constructors.
__attribute__((constructor(101))) void reaperEntry(int, char **, char **envp)
{
    runIfReaper(envp);
}
#endif

} // namespace

void runIfReaper(char **envp)
{
    if (!envp || !envp[0] || envp[1])
        return; // a reaper's environment is that one variable
    const char *entry = envp[0];
    for (const char *prefix = ReaperVariable; *prefix; ++prefix, ++entry) {
        if (*entry != *prefix)
            return;
    }
    int socketFd = -1;
    pid_t program = 0;
    if (parseReaperVariable(entry, &socketFd, &program))
        runReaper(program, socketFd);
}

void forkProgram(int socketFd, const char *reaperPath)
{
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    // A raw fork: see the top of this file.
    const long program = ::syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    if (program < 0)
        ::_exit(127);
    if (program == 0)
        return; // the program: the caller prepares its exec
    // The reaper's half of the double setpgid (the program calls setpgid(0, 0) too): the group
    // exists before anyone is told the PID, whichever of the two runs first.
    ::setpgid(pid_t(program), pid_t(program));
    execReaper(pid_t(program), socketFd, reaperPath);
}

} // namespace ChildReaper
