#!/usr/bin/env bash
# headless_flood.sh [BUILD_DIR] [BYTES] [ROUNDS]: `procdeck --headless` on one entry flooding BYTES
# of 80-byte lines (flood_child), its output to /dev/null, against the physical limit, alternating
# in the same run; prints each round, the medians and the ratio. Then one checked run: every line
# of the entry printed whole, with its `name | ` prefix, none lost.
# Defaults: build-bench, 256 MiB, 5 rounds. Needs procdeck, procdeck-reaper, flood_child and
# pty_reader built.
# HEADLESS_FLOOD_TERMINAL chooses the entry's terminal and the limit with it: unset (or `pipes`):
# plain pipes ("terminal": false) against `flood_child | cat > /dev/null`; `default`: as a session's
# default runs it, stdout on a pseudo-terminal, against `pty_reader stdout flood_child` (a plain
# reader of a pseudo-terminal set up as ProcDeck sets it up); `full` ("terminal": true) against
# `pty_reader full flood_child`.
set -euo pipefail
build=${1:-build-bench}
bytes=${2:-$((256 * 1024 * 1024))}
rounds=${3:-5}
flood=$(realpath "$build/bench/flood_child")
procdeck=$(realpath "$build/src/app/procdeck")
ptyreader=$(realpath "$build/bench/pty_reader")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
case ${HEADLESS_FLOOD_TERMINAL:-pipes} in
pipes)
    terminal=', "terminal": false' limitName=cat limit="'$flood' $bytes 80 | cat > /dev/null"
    echo "entry's stdout: a plain pipe (\"terminal\": false); the limit: cat of a pipe" ;;
default)
    terminal= limitName=pty_reader limit="'$ptyreader' stdout '$flood' $bytes 80 > /dev/null"
    echo "entry's stdout: a pseudo-terminal (the default); the limit: a plain reader of a pseudo-terminal" ;;
full)
    terminal=', "terminal": true' limitName=pty_reader limit="'$ptyreader' full '$flood' $bytes 80 > /dev/null"
    echo "entry's stdout: a full pseudo-terminal (\"terminal\": true); the limit: a plain reader of a pseudo-terminal" ;;
*)
    echo "HEADLESS_FLOOD_TERMINAL: pipes, default or full" >&2
    exit 2 ;;
esac
cat >"$dir/flood.json" <<JSON
{"procdeck": 1, "processes": [{"name": "flood", "program": "$flood", "args": ["$bytes", "80"]$terminal}]}
JSON

microseconds() { # COMMAND: its wall time
    local start end
    start=$(date +%s%N)
    sh -c "$1"
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "headless_flood: $((bytes / 1024 / 1024)) MiB of 80-byte lines, $rounds rounds, $(nproc) CPUs, $(uname -r)"
limits=()
headless=()
ratios=()
for ((round = 1; round <= rounds; ++round)); do
    c=$(microseconds "$limit")
    h=$(microseconds "'$procdeck' --headless '$dir/flood.json' > /dev/null")
    limits+=("$c")
    headless+=("$h")
    ratios+=("$(awk -v h="$h" -v c="$c" 'BEGIN { printf "%.2f", h / c }')")
    printf 'round %d: %s %.3f s, procdeck --headless %.3f s, ratio %s\n' "$round" "$limitName" \
        "$(awk -v c="$c" 'BEGIN { print c / 1e6 }')" "$(awk -v h="$h" 'BEGIN { print h / 1e6 }')" "${ratios[-1]}"
done
printf 'median: %s %.3f s, procdeck --headless %.3f s, ratio (median of rounds) %s\n' "$limitName" \
    "$(printf '%s\n' "${limits[@]}" | median | awk '{ print $1 / 1e6 }')" \
    "$(printf '%s\n' "${headless[@]}" | median | awk '{ print $1 / 1e6 }')" \
    "$(printf '%s\n' "${ratios[@]}" | median)"

# The checked run: lines of the entry (`flood | ` and 79 characters; the last one may be shorter),
# ProcDeck's notes (`flood * `), anything else.
"$procdeck" --headless "$dir/flood.json" | awk -v expected=$((bytes / 80 + (bytes % 80 != 0))) '
    /^flood \| / { ++lines; if (length($0) != 87) ++short; next }
    /^flood \* / { ++notes; next }
    { ++other }
    END {
        printf "checked: %d lines of the entry (expected %d), %d not 79 characters (the last may be), %d notes, %d other\n",
            lines, expected, short, notes, other
        exit !(lines == expected && short <= 1 && other == 0)
    }'
