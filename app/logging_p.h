#pragma once

#include <QLoggingCategory>

// The app folder's logging category, "labdeck.app" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcApp)
