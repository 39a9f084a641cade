#!/usr/bin/env bash
# Builds ProcDeck with AddressSanitizer and UndefinedBehaviorSanitizer (the "asan" preset in
# CMakePresets.json, into build-asan/) and runs the whole test suite under them, leak checking on.
# Usage: scripts/sanitize.sh [ctest arguments…], e.g. scripts/sanitize.sh -R sessionfile
# Third-party leaks (only those) are suppressed in tests/lsan.supp.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
jobs=${JOBS:-$(nproc)}

SECONDS=0
cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build --preset asan --parallel "$jobs"
echo "sanitizer build: ${SECONDS} s"

SECONDS=0
status=0
ctest --preset asan --parallel "$jobs" "$@" || status=$?
echo "sanitizer test run: ${SECONDS} s"
exit "$status"
