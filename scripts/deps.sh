# Sourced by run.sh and test.sh: installs what ProcDeck needs to build and run, when it is missing.
# Debian 12 (bookworm) packages; apt-get with sudo when not root. qt6-qpa-plugins holds the X11 and
# Wayland platform plugins (only recommended by libqt6gui6); libqt6svg6 draws the SVG icons; the
# examples run python3 scripts. The package and its checks (scripts/package.sh, the `package` test):
# dpkg-dev (dpkg-shlibdeps) and file for cpack's Depends, desktop-file-utils, appstream,
# libxml2-utils (xmllint) and shared-mime-info (update-mime-database) to validate what it installs.
# fonts-wqy-microhei draws the Chinese translation (and its screenshot). tzdata: the schedules'
# tests use a fixed time zone (Europe/Berlin) for their summer-time cases.

PROCDECK_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6svg6 libgl-dev
    qt6-qpa-plugins fonts-dejavu-core fonts-wqy-microhei
    python3 tzdata
    dpkg-dev file desktop-file-utils appstream libxml2-utils shared-mime-info
)

procdeck_install_missing() {
    local missing=()
    local pkg
    for pkg in "${PROCDECK_PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "error: these packages are missing and sudo is not available: ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

procdeck_build() {
    local build_dir="$1"
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build_dir" --parallel "$(nproc)"
}
