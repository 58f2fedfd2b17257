#include "checks/logging_p.h"

Q_LOGGING_CATEGORY(lcChecks, "labdeck.checks", QtInfoMsg)
