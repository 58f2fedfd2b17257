#include "prometheus/logging_p.h"

Q_LOGGING_CATEGORY(lcPrometheus, "labdeck.prometheus", QtInfoMsg)
