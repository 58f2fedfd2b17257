#pragma once

#include <QLoggingCategory>

// The ssh folder's logging category, "labdeck.ssh" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
