#include "ollama/logging_p.h"

Q_LOGGING_CATEGORY(lcOllama, "labdeck.ollama", QtInfoMsg)
