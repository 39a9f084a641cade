#!/usr/bin/env bash
# Checks a ProcDeck Debian package: its control fields, then, extracted into a fresh root with
# `dpkg-deb -x` (never installed on this machine), the files it installs, the validators of the
# desktop file, the AppStream metainfo and the MIME type, and the extracted program itself
# (--version, a headless example from the installed files, its reaper found in the root, Qt's
# options, the translations). The system's Qt libraries are used, as after `apt install`.
#
#   tests/packaging/check_package.sh PACKAGE.deb ROOT VERSION
#
# ROOT is emptied first and left extracted (with its MIME cache built) for tst_installation.
# Prints "ok: …" per check; exits non-zero at the first failure, saying what failed.
set -euo pipefail

deb=$1
root=$2
version=$3
app_id=io.github.procdeck.ProcDeck

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
ok() {
    echo "ok: $*"
}

[ -f "$deb" ] || fail "no package at $deb"

# Control fields: name, version, and the Qt 6 runtime packages among the dependencies (the
# libraries from dpkg-shlibdeps, the plugins listed in cmake/packaging.cmake).
info=$(dpkg-deb -f "$deb" Package Version Depends)
echo "$info"
grep -qx "Package: procdeck" <<<"$info" || fail "Package is not procdeck"
grep -qx "Version: $version" <<<"$info" || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libc6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6dbus6 libqt6svg6 qt6-qpa-plugins; do
    grep -Eq "(^|, )$needed( \(|,|$)" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
ok "control fields, Depends on the Qt 6 runtime"

rm -rf "$root"
mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
usr=$root/usr
for file in bin/procdeck libexec/procdeck/procdeck-reaper \
    share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$app_id.svg share/mime/packages/$app_id.xml \
    share/doc/procdeck/copyright share/doc/procdeck/examples/01-child-prints.json; do
    [ -e "$usr/$file" ] || fail "the package does not install /usr/$file"
done
[ -x "$usr/bin/procdeck" ] && [ -x "$usr/libexec/procdeck/procdeck-reaper" ] || fail "executables not executable"
grep -q "GPL-3.0-or-later" "$usr/share/doc/procdeck/copyright" || fail "copyright does not name the licence"
ok "installed files"

desktop-file-validate "$usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
xmllint --noout "$usr/share/mime/packages/$app_id.xml" || fail "xmllint on the MIME type"
XDG_DATA_DIRS="$usr/share:/usr/share" update-mime-database "$usr/share/mime" || fail "update-mime-database"
grep -q "application/x-procdeck-session:\*\.procdeck\.json" "$usr/share/mime/globs2" \
    || fail "the MIME database has no *.procdeck.json glob"
ok "desktop-file-validate, appstreamcli validate, xmllint, update-mime-database"

# The extracted program, with the system's Qt and no display.
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE
out=$("$usr/bin/procdeck" --version) || fail "procdeck --version exited $?"
[ "$out" = "procdeck $version" ] || fail "procdeck --version printed '$out'"
out=$("$usr/bin/procdeck" -platform offscreen -style Fusion -reverse --version) \
    || fail "procdeck with Qt's options --version exited $?"
[ "$out" = "procdeck $version" ] || fail "procdeck with Qt's options --version printed '$out'"
ok "procdeck --version"

example=$usr/share/doc/procdeck/examples/01-child-prints.json
log=$(mktemp)
trap 'rm -f "$log"' EXIT
out=$(QT_LOGGING_RULES="procdeck.process.debug=true" "$usr/bin/procdeck" --headless "$example" --timeout 60 2>"$log") \
    || { cat "$log" >&2; fail "procdeck --headless $example exited $?"; }
echo "$out"
grep -q "^Process-1 | the child is done$" <<<"$out" || fail "the example's output is missing"
# Its reaper is the package's, found relative to the program (bin/../libexec/procdeck), not a
# build tree's or an absolute path outside the root.
reaper=$(readlink -f "$usr/libexec/procdeck/procdeck-reaper")
grep -Fq "reaper executable: \"$reaper\"" "$log" || { cat "$log" >&2; fail "the reaper used is not $reaper"; }
ok "procdeck --headless on an installed example, with the installed reaper"

# The translations are compiled into the program (unless PROCDECK_BUILD_TRANSLATIONS is OFF, which
# the package test passes as PD_EXPECT_TRANSLATIONS): its notes in German under a German locale.
if [ "${PD_EXPECT_TRANSLATIONS:-ON}" = ON ]; then
    out=$(LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 "$usr/bin/procdeck" --headless "$example" --timeout 60 2>/dev/null) \
        || fail "procdeck --headless in German exited $?"
    grep -q "^Process-1 \* gestartet, PID" <<<"$out" || { echo "$out"; fail "no German note"; }
    ok "translations"
fi
