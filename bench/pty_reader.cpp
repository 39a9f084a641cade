// pty_reader: the physical limit beside `procdeck --headless` with a terminal (headless_flood.sh).
//
//   pty_reader stdout|full PROGRAM [ARGS...]
//
// Runs PROGRAM on a pseudo-terminal set up as ProcDeck sets one up for an entry in that mode
// (`stdout`: a session's default, stdout on the terminal and stderr a pipe; `full`:
// `"terminal": true`), drains the master into nothing in ProcDeck's 256 KiB reads until EIO, reaps
// PROGRAM and prints the number of bytes read (terminalchild.h says how it matches ProcDeck).

#include "terminalchild.h"

#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char **argv)
{
    const bool full = argc > 2 && std::strcmp(argv[1], "full") == 0;
    if (argc < 3 || (!full && std::strcmp(argv[1], "stdout") != 0)) {
        std::fprintf(stderr, "usage: pty_reader stdout|full PROGRAM [ARGS...]\n");
        return 2;
    }
    std::vector<BenchSupport::TerminalChild> children;
    children.push_back(BenchSupport::spawnOnTerminal(full ? TerminalMode::Terminal : TerminalMode::StdoutTerminal,
                                                     argv + 2));
    const long long bytes = BenchSupport::drainTerminals(children);
    std::printf("%lld\n", bytes);
    return 0;
}
