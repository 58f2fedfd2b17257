#pragma once

#include <QLoggingCategory>

// The demo lab's own category ("labdeck.demolab"), defined in kubesimulator.cpp.
Q_DECLARE_LOGGING_CATEGORY(lcDemoLab)
