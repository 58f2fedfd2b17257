#include "history/logging_p.h"

Q_LOGGING_CATEGORY(lcHistory, "labdeck.history", QtInfoMsg)
