#pragma once

#include <QLoggingCategory>

// The gpu folder's logging category, "labdeck.gpu" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcGpu)
