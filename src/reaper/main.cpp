// procdeck-reaper: the per-entry reaper, exec'd by ChildProcess's child with PROCDECK_REAPER=FD:PID
// as its whole environment (see src/core/childreaper.cpp). No Qt: it starts in about a millisecond
// where re-executing ProcDeck cost about 40 ms of CPU per entry start.

#include "childreaper.h"

int main(int, char **, char **envp)
{
    ChildReaper::runIfReaper(envp); // never returns for a reaper
    return 127; // started some other way: nothing to do
}
