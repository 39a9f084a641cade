// procdeck-reaper: the per-entry reaper QProcess starts for each run (see src/core/childreaper.h
// for its command line and src/core/childreaper.cpp for the why). No Qt: it starts in about a
// millisecond and forks the program from its own small address space.

#include "childreaper.h"

int main(int argc, char **argv, char **envp)
{
    return ChildReaper::run(argc, argv, envp);
}
