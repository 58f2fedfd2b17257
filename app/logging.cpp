#include "logging_p.h"

Q_LOGGING_CATEGORY(lcApp, "labdeck.app", QtInfoMsg)
