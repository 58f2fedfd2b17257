#pragma once

#include <QLoggingCategory>

// The compose folder's logging category, "labdeck.compose" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcCompose)
