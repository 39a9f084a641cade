#pragma once

#include <cstdint>

// The per-entry reaper, procdeck-reaper (src/reaper/main.cpp and childreaper.cpp): QProcess starts
// it in the entry's working directory with the program's environment and the command line
//   procdeck-reaper FD [--hold] [--terminal] -- PROGRAM ARGS...
// It becomes a child subreaper, forks the program and execs it. Everything the program starts
// (children, grandchildren, setsid() daemons, double forks) stays a descendant of the reaper, so
// the reaper can signal and kill all of it and knows when the last of it is gone. The why is at
// the top of childreaper.cpp; ChildProcess is its only user.
//
// ProcDeck and the reaper talk over one SOCK_SEQPACKET socket pair (FD is the reaper's end), one
// Report per packet:
// * ProcDeck to reaper: a signal number, to be sent to the whole tree (SIGKILL also keeps killing
//   until the tree is gone); "kill the tree when the program ends" (after terminate or kill);
//   "go" (starts the program of a held reaper). End of file (ProcDeck died or let go) kills the
//   tree, or ends a held reaper before it started anything: the lifeline.
// * reaper to ProcDeck: "holding" (with --hold, its own PID, before the program is forked), then
//   the program's PID once its exec succeeded or the errno of a failed fork or exec, then the
//   program's wait status when it ends.
namespace ChildReaper {

struct Report
{
    enum Kind : std::int32_t {
        Signal = 0,
        ProgramPid = 1,
        ProgramStatus = 2,
        KillWithProgram = 3,
        Holding = 4,
        Go = 5,
        StartFailed = 6,
    };
    std::int32_t kind = 0;
    std::int32_t value = 0; // the signal, a PID, the raw wait status or an errno
};

constexpr char HoldOption[] = "--hold";
// The program gets stdin (a pseudo-terminal's slave, which ChildProcess made 0-2) as its
// controlling terminal: it leads a new session (setsid, so its group and session are its PID, as
// the signals expect) and takes the terminal with TIOCSCTTY before its exec.
constexpr char TerminalOption[] = "--terminal";
constexpr char ProgramMarker[] = "--";

// procdeck-reaper's main(). Never returns once the arguments made sense (the reaper exits as the
// program did); returns 127 for a command line it cannot use.
int run(int argc, char **argv, char **envp);

} // namespace ChildReaper
