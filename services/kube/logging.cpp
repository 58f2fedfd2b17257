#include "kube/logging_p.h"

Q_LOGGING_CATEGORY(lcKube, "labdeck.kube", QtInfoMsg)
