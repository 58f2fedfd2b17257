#pragma once
// Moved to ollama/ollamaclient.h; kept until models/remotestatus.cpp includes it there.
#include "ollama/ollamaclient.h"
