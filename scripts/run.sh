#!/usr/bin/env bash
# Installs what is missing, builds ProcDeck and opens the window on the demo session.
# Any arguments replace the demo session: scripts/run.sh my-session.json
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

procdeck_install_missing
procdeck_build build

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: run this on a desktop, or under xvfb-run -a scripts/run.sh" >&2
    exit 1
fi

if [ $# -eq 0 ]; then
    set -- examples/demo.json
fi
exec build/src/app/procdeck "$@"
