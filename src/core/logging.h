#pragma once

#include <QLoggingCategory>

// ProcDeck's logging categories, one per area, all defined in logging.cpp and quiet below warnings
// unless turned on, for example with QT_LOGGING_RULES="procdeck.process.debug=true" or
// "procdeck.*=true".

// Processes: launch decisions, signals, exits, restarts.
Q_DECLARE_LOGGING_CATEGORY(lcProcess)
// Output: bounds reached (lines dropped), lines cut at the length limit; once per log.
Q_DECLARE_LOGGING_CATEGORY(lcOutput)
// Session files: loads, saves and trust decisions; a window attaching to another ProcDeck.
Q_DECLARE_LOGGING_CATEGORY(lcSession)
// The application: what Qt's own options (-style, -reverse, -stylesheet, …) made of the window.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
