#include "logging.h"

Q_LOGGING_CATEGORY(lcProcess, "procdeck.process", QtWarningMsg) // quiet unless asked for
