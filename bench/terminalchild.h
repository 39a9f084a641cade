#pragma once

// The physical limit of a pseudo-terminal: a program started on one exactly as ProcDeck starts an
// entry in a TerminalMode, and its master drained into nothing. Header-only, shared by
// output_flood (its plain trial) and pty_reader (headless_flood.sh's limit).
//
// The terminal itself is ProcDeck's own PseudoTerminal (src/core/pseudoterminal.cpp: the same
// termios, size and flags); what ChildProcess and the reaper do around it is repeated here in a
// few raw calls:
//   StdoutTerminal: PseudoTerminal::Kind::OutputOnly (no output processing, no echo); the slave is
//     stdout only, stderr a pipe (ChildProcess::openTerminal), the program in a process group of
//     its own (the reaper's setpgid), the terminal not its controlling terminal;
//   Terminal: PseudoTerminal::Kind::Full (the kernel's defaults: "\n" becomes "\r\n"); the slave
//     is stdin, stdout and stderr, and the program calls setsid() and makes it its controlling
//     terminal (TIOCSCTTY), as the reaper's execProgram() does.
// The size is PseudoTerminal's default (80 x 24; the window gives its pane's size, which does not
// change what the kernel does with a flood). There is no reaper in between: the program's own
// writes are the limit.
//
// Reading: ProcDeck's OutputReader reads 256 KiB at a time from a non-blocking master under
// epoll; the plain reader (BenchSupport::drain) reads the same 256 KiB, blocking when there is one
// terminal, after poll() when there are several. A read failing with EIO (every slave closed, what
// was left already read) is the end of file.

#include "processspec.h"
#include "pseudoterminal.h"

#include "benchsupport.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace BenchSupport {

// OutputReader's read size (src/core/outputreader.cpp, MaxReadSize).
constexpr size_t TerminalReadSize = 256 * 1024;

struct TerminalChild
{
    pid_t pid = -1;
    std::unique_ptr<PseudoTerminal> terminal; // the master, kept open until drained
    int stderrPipe = -1;                      // StdoutTerminal: stderr's read end, else -1
};

// Starts `argv` (argv[0] a path) on a new pseudo-terminal set up for `mode` (StdoutTerminal or
// Terminal); exits the benchmark on failure.
inline TerminalChild spawnOnTerminal(TerminalMode mode, char *const argv[])
{
    const bool full = mode == TerminalMode::Terminal;
    TerminalChild child;
    child.terminal = std::make_unique<PseudoTerminal>();
    const QString error = child.terminal->open(full ? PseudoTerminal::Kind::Full : PseudoTerminal::Kind::OutputOnly,
                                               PseudoTerminal::DefaultColumns, PseudoTerminal::DefaultRows);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        std::exit(1);
    }
    int errPipe[2] = {-1, -1};
    if (!full && ::pipe2(errPipe, O_CLOEXEC) != 0)
        std::exit(1);
    const int slave = child.terminal->slave();
    child.pid = ::fork();
    if (child.pid < 0)
        std::exit(1);
    if (child.pid == 0) {
        // Raw calls only, then the exec (dup2 clears close-on-exec on the copies).
        if (full) {
            ::setsid();
            if (::dup2(slave, STDIN_FILENO) < 0 || ::dup2(slave, STDERR_FILENO) < 0
                || ::ioctl(STDIN_FILENO, TIOCSCTTY, 0) != 0)
                ::_exit(127);
        } else {
            ::setpgid(0, 0);
            if (::dup2(errPipe[1], STDERR_FILENO) < 0)
                ::_exit(127);
        }
        if (::dup2(slave, STDOUT_FILENO) < 0)
            ::_exit(127);
        ::execv(argv[0], argv);
        ::_exit(127);
    }
    child.terminal->closeSlave(); // the child has its copies: EIO once it is done with them
    if (!full) {
        ::close(errPipe[1]);
        child.stderrPipe = errPipe[0];
    }
    return child;
}

// Reads every master until EIO (or end of file) into nothing, then reaps the children; the bytes
// read from the masters. stderr pipes (StdoutTerminal) are held open meanwhile and read at the end
// (the benchmarks' child writes nothing there).
inline long long drainTerminals(std::vector<TerminalChild> &children)
{
    std::vector<int> masters;
    for (const TerminalChild &child : children)
        masters.push_back(child.terminal->master());
    const long long bytes = drain(masters, TerminalReadSize);
    for (TerminalChild &child : children) {
        ::waitpid(child.pid, nullptr, 0);
        if (child.stderrPipe >= 0) {
            char rest[4096];
            while (::read(child.stderrPipe, rest, sizeof rest) > 0) {
            }
            ::close(child.stderrPipe);
        }
        child.terminal.reset();
    }
    return bytes;
}

} // namespace BenchSupport
