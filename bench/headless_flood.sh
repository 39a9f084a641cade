#!/usr/bin/env bash
# headless_flood.sh [BUILD_DIR] [BYTES] [ROUNDS]: `procdeck --headless` on one entry flooding BYTES
# of 80-byte lines (flood_child), its output to /dev/null, against `flood_child | cat > /dev/null`,
# alternating in the same run; prints each round, the medians and the ratio. Then one checked run:
# every line of the entry printed whole, with its `name | ` prefix, none lost.
# Defaults: build-bench, 256 MiB, 5 rounds. Needs procdeck, procdeck-reaper and flood_child built.
# The entry runs with plain pipes ("terminal": false, the kind of pipe `cat` reads); with
# HEADLESS_FLOOD_TERMINAL=default it runs as a session's default does, stdout on a pseudo-terminal.
set -euo pipefail
build=${1:-build-bench}
bytes=${2:-$((256 * 1024 * 1024))}
rounds=${3:-5}
flood=$(realpath "$build/bench/flood_child")
procdeck=$(realpath "$build/src/app/procdeck")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
terminal=', "terminal": false'
[ "${HEADLESS_FLOOD_TERMINAL:-}" = default ] && terminal=
echo "entry's stdout: $([ -n "$terminal" ] && echo 'a plain pipe ("terminal": false)' || echo 'a pseudo-terminal (the default)')"
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
cats=()
headless=()
ratios=()
for ((round = 1; round <= rounds; ++round)); do
    c=$(microseconds "'$flood' $bytes 80 | cat > /dev/null")
    h=$(microseconds "'$procdeck' --headless '$dir/flood.json' > /dev/null")
    cats+=("$c")
    headless+=("$h")
    ratios+=("$(awk -v h="$h" -v c="$c" 'BEGIN { printf "%.2f", h / c }')")
    printf 'round %d: cat %.3f s, procdeck --headless %.3f s, ratio %s\n' "$round" \
        "$(awk -v c="$c" 'BEGIN { print c / 1e6 }')" "$(awk -v h="$h" 'BEGIN { print h / 1e6 }')" "${ratios[-1]}"
done
printf 'median: cat %.3f s, procdeck --headless %.3f s, ratio (median of rounds) %s\n' \
    "$(printf '%s\n' "${cats[@]}" | median | awk '{ print $1 / 1e6 }')" \
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
