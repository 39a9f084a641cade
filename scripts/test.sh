#!/usr/bin/env bash
# Installs what is missing, builds ProcDeck and runs every test headless. Exits non-zero on any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

procdeck_install_missing
procdeck_build build

cd build
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --parallel 2 --timeout 300
