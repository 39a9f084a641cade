#include "logging.h"

// Quiet unless asked for: warnings only by default (errors reach the user as values anyway).
Q_LOGGING_CATEGORY(lcProcess, "procdeck.process", QtWarningMsg)
Q_LOGGING_CATEGORY(lcOutput, "procdeck.output", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "procdeck.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcApp, "procdeck.app", QtWarningMsg)
