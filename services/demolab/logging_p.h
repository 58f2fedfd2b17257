#pragma once

#include <QLoggingCategory>

// The demolab folder's logging category, "labdeck.demolab" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcDemoLab)
