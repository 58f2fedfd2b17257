#include "demolab/logging_p.h"

Q_LOGGING_CATEGORY(lcDemoLab, "labdeck.demolab", QtInfoMsg)
