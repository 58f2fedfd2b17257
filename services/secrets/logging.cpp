#include "secrets/logging_p.h"

Q_LOGGING_CATEGORY(lcSecrets, "labdeck.secrets", QtInfoMsg)
