#include "common/logging.h"

Q_LOGGING_CATEGORY(lcInventory, "labdeck.inventory", QtInfoMsg)
