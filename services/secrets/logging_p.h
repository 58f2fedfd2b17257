#pragma once

#include <QLoggingCategory>

// The secrets folder's logging category, "labdeck.secrets" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
