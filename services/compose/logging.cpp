#include "compose/logging_p.h"

Q_LOGGING_CATEGORY(lcCompose, "labdeck.compose", QtInfoMsg)
