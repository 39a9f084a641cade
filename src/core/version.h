#pragma once

// The program's version (the project() version in the top CMakeLists.txt). Defined in a source
// file that CMake generates, so that a version bump recompiles that one file and relinks.
namespace ProcDeck {
const char *version();
}
