#pragma once

#include <QLoggingCategory>

// The prometheus folder's logging category, "labdeck.prometheus" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcPrometheus)
