#include "manifests/logging_p.h"

Q_LOGGING_CATEGORY(lcManifests, "labdeck.manifests", QtInfoMsg)
