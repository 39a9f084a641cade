#include "logging.h"

Q_LOGGING_CATEGORY(lcOutput, "procdeck.output", QtInfoMsg)
