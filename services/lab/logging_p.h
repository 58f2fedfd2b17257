#pragma once

#include <QLoggingCategory>

// The lab folder's logging category, "labdeck.lab" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcLab)
