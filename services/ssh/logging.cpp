#include "ssh/logging_p.h"

Q_LOGGING_CATEGORY(lcSsh, "labdeck.ssh", QtInfoMsg)
