#pragma once

#include <QLoggingCategory>

// The remote folder's logging category, "labdeck.remote" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
