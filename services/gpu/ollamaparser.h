#pragma once
// Moved to ollama/ollamaparser.h; kept until models/remotemodels.h includes it there.
#include "ollama/ollamaparser.h"
