#include "gpu/logging_p.h"

Q_LOGGING_CATEGORY(lcGpu, "labdeck.gpu", QtInfoMsg)
