#pragma once

#include <QLoggingCategory>

// The inventory folder's logging category, "labdeck.inventory" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcInventory)
