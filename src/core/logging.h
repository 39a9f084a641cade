#pragma once

#include <QLoggingCategory>

// ProcDeck's logging categories, one per area, all defined in logging.cpp. Turn one on with
// QT_LOGGING_RULES, e.g. QT_LOGGING_RULES="procdeck.process.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcProcess) // procdeck.process: launch decisions, signals, exits, restarts
