#pragma once

#include <cstdint>

// The per-entry reaper: the process QProcess forks for an entry becomes a child subreaper in the
// child modifier and forks the program, which returns from the modifier so that QProcess execs it;
// the reaper itself execs procdeck-reaper (src/reaper/), or as a fallback ProcDeck's own image,
// and runs its loop there.
// Everything the program starts (children, grandchildren, setsid() daemons, double forks) stays a
// descendant of the reaper, so the reaper can signal and kill all of it and knows when the last of
// it is gone. Private to ChildProcess; the why is at the top of childreaper.cpp.
//
// ProcDeck and the reaper talk over one SOCK_SEQPACKET socket pair, one message per packet:
// * ProcDeck to reaper: a signal number, to be sent to the whole tree (SIGKILL also keeps killing
//   until the tree is gone); or "kill the tree when the program ends" (after terminate or kill).
//   End of file (ProcDeck died or let go) kills the tree: the lifeline.
// * reaper to ProcDeck: the program's PID, then its wait status when it ends.
namespace ChildReaper {

struct Report
{
    enum Kind : std::int32_t { Signal = 0, ProgramPid = 1, ProgramStatus = 2, KillWithProgram = 3 };
    std::int32_t kind = 0;
    std::int32_t value = 0; // the signal, the PID, or the raw wait status
};

// Runs in the forked child, raw system calls only. Makes this process the reaper and forks the
// program: returns in the program (the caller goes on preparing the exec), never in the reaper
// (which execs, see childreaper.cpp).
// `socketFd` is the reaper's end of the socket pair (close-on-exec, so the program loses it at
// exec). The reaper's exit mirrors the program's: its exit code, or death by the same signal.
// `reaperPath` is the procdeck-reaper executable (resolved before the fork: nothing is allocated
// here), or nullptr to re-exec /proc/self/exe, whose startup hook runs the loop.
void forkProgram(int socketFd, const char *reaperPath);

// If `envp` is a reaper's environment (PROCDECK_REAPER=FD:PID and nothing else), runs the reaper
// loop and never returns; otherwise returns at once. procdeck-reaper's main() and, in programs that
// link procdeck_core, a constructor before main() call it.
void runIfReaper(char **envp);

} // namespace ChildReaper
