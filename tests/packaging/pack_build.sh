#!/usr/bin/env bash
# The package test: packs this build tree with `cpack -G DEB` (the same configuration as
# scripts/package.sh, but the test build's binaries, stripped) into WORK, then checks the package
# with check_package.sh, leaving it extracted in WORK/root.
#
#   tests/packaging/pack_build.sh BUILD_DIR WORK VERSION CPACK
set -euo pipefail
build=$1
work=$2
version=$3
cpack=${4:-cpack}
rm -rf "$work/deb"
mkdir -p "$work/deb"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
deb=$(find "$work/deb" -maxdepth 1 -name 'procdeck_*.deb' -print -quit)
exec bash "$(dirname "$0")/check_package.sh" "$deb" "$work/root" "$version"
