#pragma once

#include <QLoggingCategory>

// The checks folder's logging category, "labdeck.checks" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcChecks)
