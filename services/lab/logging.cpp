#include "lab/logging_p.h"

Q_LOGGING_CATEGORY(lcLab, "labdeck.lab", QtInfoMsg)
