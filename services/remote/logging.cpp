#include "remote/logging_p.h"

Q_LOGGING_CATEGORY(lcRemote, "labdeck.remote", QtInfoMsg)
