#pragma once

#include <QLoggingCategory>

// Logging categories of the core, one per area. Turn one on with
// QT_LOGGING_RULES="procdeck.output.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcOutput)
