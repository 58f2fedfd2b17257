#pragma once

#include <QLoggingCategory>

// The kube folder's logging category, "labdeck.kube" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcKube)
