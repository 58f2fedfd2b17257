#include "inventory/logging_p.h"

Q_LOGGING_CATEGORY(lcInventory, "labdeck.inventory", QtInfoMsg)
