#!/usr/bin/env bash
# Builds the Debian package: installs what is missing, configures a Release build of its own in
# build-package/ (installed under /usr, no tests), runs `cpack -G DEB` there, and checks the
# package as the `package` test does (tests/packaging/check_package.sh: control fields, files,
# validators, and the extracted program run headless). Prints the package's path last.
#
#   scripts/package.sh            # build-package/procdeck_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

procdeck_install_missing
build=build-package
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DPROCDECK_BUILD_TESTS=OFF
cmake --build "$build" --parallel "$(nproc)"
rm -f "$build"/procdeck_*.deb
(cd "$build" && cpack -G DEB)
deb=$(find "$build" -maxdepth 1 -name 'procdeck_*.deb' -print -quit)
version=$(sed -n 's/^project(ProcDeck VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
bash tests/packaging/check_package.sh "$deb" "$build/check-root" "$version"
echo "$deb"
