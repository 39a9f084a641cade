#pragma once

#include <QLoggingCategory>

// ProcDeck's logging categories, one per area, quiet below warnings unless turned on, for example
// with QT_LOGGING_RULES="procdeck.session=true" (every level) or "procdeck.*=true".

// Session files: loads, saves and trust decisions.
Q_DECLARE_LOGGING_CATEGORY(lcSession)
