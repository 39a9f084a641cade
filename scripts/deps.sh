# Sourced by run.sh and test.sh: installs what ProcDeck needs to build and run, when it is missing.
# Debian 12 (bookworm) packages; apt-get with sudo when not root. qt6-qpa-plugins holds the X11 and
# Wayland platform plugins (only recommended by libqt6gui6); libqt6svg6 draws the SVG icons; the
# examples run python3 scripts. The package and its checks (scripts/package.sh, the `package` test):
# dpkg-dev (dpkg-shlibdeps) and file for cpack's Depends, desktop-file-utils, appstream,
# libxml2-utils (xmllint) and shared-mime-info (update-mime-database) to validate what it installs.
# fonts-wqy-microhei draws the Chinese translation (and its screenshot). tzdata: the schedules'
# tests use a fixed time zone (Europe/Berlin) for their summer-time cases. openssh-server (with
# openssh-client): the SSH round trip (tst_ssh) starts its own sshd on a free port of 127.0.0.1;
# the system's ssh service is neither started nor left enabled (procdeck_install_quietly).

PROCDECK_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6svg6 libgl-dev
    qt6-qpa-plugins fonts-dejavu-core fonts-wqy-microhei
    python3 tzdata
    dpkg-dev file desktop-file-utils appstream libxml2-utils shared-mime-info
    openssh-client openssh-server
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
    procdeck_install_quietly "${sudo[@]}" -- "${missing[@]}"
}

# apt-get install without starting the services a package brings (openssh-server's sshd would
# listen on port 22): a policy-rc.d that says "not now" (exit 101) while it installs, unless one is
# there already, and where systemd runs, the ssh units it enabled disabled again. Only the tests
# start an sshd, their own.
procdeck_install_quietly() {
    local sudo=()
    while [ "$1" != "--" ]; do sudo+=("$1"); shift; done
    shift
    local policy=/usr/sbin/policy-rc.d own_policy=0 status=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\n# procdeck scripts/deps.sh: no service starts while packages install\nexit 101\n' \
            | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod 755 "$policy" && own_policy=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" || status=$?
    if [ "$own_policy" -eq 1 ]; then
        "${sudo[@]}" rm -f "$policy"
    fi
    if [[ " $* " == *" openssh-server "* ]] && [ -d /run/systemd/system ]; then
        "${sudo[@]}" systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
    fi
    return "$status"
}

procdeck_build() {
    local build_dir="$1"
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build_dir" --parallel "$(nproc)"
}
