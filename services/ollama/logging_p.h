#pragma once

#include <QLoggingCategory>

// The ollama folder's logging category, "labdeck.ollama" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcOllama)
