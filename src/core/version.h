#pragma once

// The program's version (the project() version in the top CMakeLists.txt). Defined in a source
// file that CMake generates, so that a version bump recompiles that one file and relinks.
namespace ProcDeck {
const char *version();
// The reverse-DNS application id (PROCDECK_APP_ID): the desktop file's and the theme icon's name.
const char *applicationId();
}
