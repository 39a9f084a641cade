#!/usr/bin/env bash
# Builds the benchmarks and runs each, printing its figures. Usage: bench/run.sh [BUILD_DIR]
# (default: build-bench). Every benchmark measures its own physical limit in the same run, so
# compare ratios, not absolute figures, across machines.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPROCDECK_BUILD_TESTS=OFF -DPROCDECK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target output_core output_flood logfile_flood pty_reader watch_tree procdeck procdeck-reaper flood_child -j2 >/dev/null

run() {
    echo "\$ $*"
    "$@"
    echo
}

bench="$build/bench"
MiB=$((1024 * 1024))

# OutputLog's intake (copy, zero-copy, through QProcess, through a QSocketNotifier) against a
# plain reader of the same child's pipe.
run "$bench/output_core" --bytes $((256 * MiB)) --repeat 5
run "$bench/output_core" --bytes $((256 * MiB)) --repeat 5 --pipe-size $MiB
run "$bench/output_core" --bytes $((256 * MiB)) --repeat 3 --busy 2
run "$bench/output_core" --bytes $((256 * MiB)) --repeat 3 --entries 20
run "$bench/output_core" --bytes $((256 * MiB)) --repeat 3 --line-length 0

# The whole window (offscreen), ManagedProcess reading the children's pipes, against plain readers
# of the same children with the same 1 MiB pipes.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 5
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 5 --busy 2
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 5 --entries 20
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 5 --line-length 0

# The same with the entries on pseudo-terminals (a session's default, and "terminal": true), against
# plain readers of pseudo-terminals set up as ProcDeck sets them up.
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 5 --terminal stdout
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 5 --terminal full
run "$bench/output_flood" --bytes $((256 * MiB)) --repeat 3 --entries 20 --terminal full

# procdeck --headless on one flooding entry (output to /dev/null) against flood_child | cat.
run bench/headless_flood.sh "$build" $((256 * MiB)) 5
# The same entry as a session's default runs it (stdout on a pseudo-terminal) against a plain
# reader of a pseudo-terminal (bench/pty_reader).
HEADLESS_FLOOD_TERMINAL=default run bench/headless_flood.sh "$build" $((256 * MiB)) 5

# 1,000 entries (short sleepers) against a plain posix_spawn + waitpid loop; CPU while 1,000 idle.
cmake --build "$build" --target scale -j2 >/dev/null
run "$bench/scale"

# An entry's log file under a flood, against the same entry without one.
run "$bench/logfile_flood" --repeat 5

# Restart on change: watching 10,000 files in 1,000 folders against a plain recursive walk.
run "$bench/watch_tree" --repeat 5

# The control socket: `ctl list` latency beside a process start and a bare socket round trip;
# `ctl logs -f` throughput beside headless output of the same flood.
cmake --build "$build" --target ctl_latency -j2 >/dev/null
run "$bench/ctl_latency" --calls 200 --entries 20 --flood-bytes $((64 * MiB))
