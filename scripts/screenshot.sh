#!/usr/bin/env bash
# Takes the README's screenshots: the window on examples/demo.json under Xvfb, all entries started.
# Needs a built tree (scripts/run.sh or scripts/test.sh first). Writes docs/*.png; with a NAME,
# only docs/NAME.png (scripts/screenshot.sh terminal).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
procdeck_install_missing xvfb xauth imagemagick xdotool

app=build/src/app/procdeck
out=docs
mkdir -p "$out"
only=${1:-}
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT

shoot() { # [SESSION=examples/FILE.json] [SIZE=WxH] [WINDOW_ARGS=…] shoot NAME SECONDS [xdotool commands…]
    local name=$1 wait=$2 session=${SESSION:-examples/demo.json} size=${SIZE:-1440x860}
    shift 2
    [[ -z $only || $only == "$name" ]] || return 0
    XDG_CONFIG_HOME="$config" xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        # The system PATH, so that the details show /usr/bin/python3, not a version manager'"'"'s shim.
        # WINDOW_ARGS instead of --start-all SESSION: the window of attach_shot.
        if [[ -n ${WINDOW_ARGS:-} ]]; then PATH=/usr/local/bin:/usr/bin:/bin "$0" $WINDOW_ARGS &
        else PATH=/usr/local/bin:/usr/bin:/bin "$0" --start-all "$3" &
        fi
        app=$!
        sleep 2
        win=$(xdotool search --sync --onlyvisible --class procdeck | head -n 1)
        xdotool windowmove "$win" 0 0 windowsize "$win" ${4%x*} ${4#*x}
        sleep 0.5
        for cmd in "${@:5}"; do eval "xdotool $cmd"; sleep 0.4; done
        sleep "$2"
        import -window root "$1"
        kill $app; wait $app 2>/dev/null || true
    ' "$app" "$out/$name.png" "$wait" "$session" "$size" "$@"
    echo "wrote $out/$name.png"
}

# The table with the chatty entry selected, and the details panel.
shoot screenshot 4 "key alt+r" "mousemove 60 160 click 1"
# The same at 1024×700, the smallest size the window is laid out for: every column shows.
SIZE=1024x700 shoot window-1024x700 4 "key alt+r" "mousemove 60 160 click 1"
# The same in Simplified Chinese (resources/translations/procdeck_zh_CN.ts).
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN shoot window-zh_CN 4 "key alt+r" "mousemove 60 160 click 1"
# The All view: every entry interleaved, names coloured, stderr and ANSI colours shown.
shoot output-all 6 "key alt+r" "mousemove 60 160 click 1" "key ctrl+shift+a"
# The details panel on an entry with a child process (a shell running sleep), its charts 25 s long.
shoot details 25 "key alt+r" "mousemove 60 207 click 1"
# An entry in a terminal: Python's prompt, a line sent from the input line, the terminal's echo
# and Python's answer.
SESSION=examples/08-terminal.json shoot terminal 2 "key alt+r" "mousemove 60 120 click 1" \
    "mousemove 200 819 click 1" "type 'print(6 * 7)'" "key Return" \
    "type 'import os; os.get_terminal_size()'" "key Return" "type 'import time; time.sleep(60)'" \
    "key Return" "key ctrl+c"
# The graph dock on examples/stack.json (README, Stacks): Start All, the details panel hidden so
# that the graph has the right-hand column, api selected.
SESSION=examples/stack.json shoot graph 6 "key alt+r" "mousemove 60 160 click 1" "key ctrl+i" "key ctrl+g"
# The Add/Edit dialog on an entry with every trigger and a log file, at 1024×700: its Checks tab
# (readiness and liveness) on examples/stack.json's api, then its Triggers tab, in English and in
# Simplified Chinese (the longest labels).
triggers=$config/triggers.json
cat > "$triggers" <<'JSON'
{"procdeck": 1, "processes": [{"name": "api", "program": "sleep", "args": ["600"],
  "watch": {"paths": ["src/**/*.py", "config/"], "ignore": [".git/", "build/"], "debounceMs": 500},
  "schedule": "*/5 9-17 * * mon-fri", "log": {"path": "logs/api.log", "maxSizeMB": 20, "keep": 3}}]}
JSON
SESSION=examples/stack.json SIZE=1024x700 shoot dialog-checks 1 "key alt+r" "mousemove 60 160 click --repeat 2 1" "sleep 1" \
    "mousemove 396 34 click 1"
SESSION=$triggers SIZE=1024x700 shoot dialog-triggers 1 "key alt+r" "mousemove 60 116 click --repeat 2 1" "sleep 1" \
    "mousemove 466 34 click 1"
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN SESSION=$triggers SIZE=1024x700 shoot dialog-triggers-zh_CN 1 "key alt+r" \
    "mousemove 60 116 click --repeat 2 1" "sleep 1" "mousemove 436 34 click 1"
# Attach (README, Attach to a running session): `procdeck --headless examples/stack.json --serve`
# in a runtime folder of its own, then a window. attach: `procdeck --attach stack`, api selected;
# attach-dialog: a plain window's File › Attach… listing it.
attach_shot() { # NAME SECONDS "WINDOW ARGS" [xdotool commands…]
    local name=$1
    [[ -z $only || $only == "$name" ]] || return 0
    local runtime
    runtime=$(mktemp -d)
    chmod 700 "$runtime"
    XDG_RUNTIME_DIR="$runtime" XDG_CONFIG_HOME="$config" PATH=/usr/local/bin:/usr/bin:/bin \
        "$app" --headless examples/stack.json --serve >/dev/null 2>&1 &
    local headless=$!
    for _ in $(seq 100); do [[ -S $runtime/procdeck/stack.sock ]] && break; sleep 0.1; done
    sleep 3 # the stack comes up: database ready, migrate done, api and web running
    XDG_RUNTIME_DIR="$runtime" WINDOW_ARGS="$3" shoot "$1" "$2" "${@:4}"
    kill "$headless"; wait "$headless" 2>/dev/null || true
    rm -rf "$runtime"
}
attach_shot attach 4 "--attach stack" "mousemove 60 163 click 1"
attach_shot attach-dialog 3 "--" "mousemove 600 240 click 1" "key ctrl+shift+o"
