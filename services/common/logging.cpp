#include "common/logging.h"

Q_LOGGING_CATEGORY(lcInventory, "labdeck.inventory", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKube, "labdeck.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPrometheus, "labdeck.prometheus", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "labdeck.ssh", QtInfoMsg)
