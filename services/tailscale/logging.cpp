#include "tailscale/logging_p.h"

Q_LOGGING_CATEGORY(lcTailscale, "labdeck.tailscale", QtInfoMsg)
