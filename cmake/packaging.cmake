# The Debian package: `cpack -G DEB` in a configured build (scripts/package.sh makes a Release
# build for it; the package test packs the test build). It holds exactly what `cmake --install`
# installs (src/app, src/reaper), under /usr.
#
# Depends: dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS) reads the libraries the executables
# link (libqt6core6, libqt6gui6, libqt6widgets6, libqt6dbus6, libc6, libstdc++6 ...) with the
# versions they need. Qt's plugins are loaded at run time, so no link shows them; they are listed
# by hand: libqt6svg6 draws the SVG icons, qt6-qpa-plugins holds the X11 and Wayland platform
# plugins (libqt6gui6 only recommends it). qt6-translations-l10n has Qt's own strings (dialog
# buttons) in the user's language: recommended. The examples run python3: suggested.
#
# The desktop file, icon and MIME type need no maintainer scripts: the desktop-file-utils,
# hicolor-icon-theme and shared-mime-info packages update their caches by dpkg triggers.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME procdeck)
set(CPACK_PACKAGE_VENDOR "The ProcDeck developers")
set(CPACK_PACKAGE_CONTACT "The ProcDeck developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "ProcDeck launches and watches the commands you run side by side. Start them with a click, watch their PID, liveness, exit code, CPU and memory live in one table with their output below, join them with a timeout, terminate, kill, pause or restart them, and keep them in a session file that also runs without a window (procdeck --headless). Licence: GPL-3.0-or-later.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/procdeck/procdeck")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
