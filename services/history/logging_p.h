#pragma once

#include <QLoggingCategory>

// The history folder's logging category, "labdeck.history" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcHistory)
