#pragma once

#include <QLoggingCategory>

// The tailscale folder's logging category, "labdeck.tailscale" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcTailscale)
