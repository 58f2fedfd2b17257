#pragma once

#include <QLoggingCategory>

// The manifests folder's logging category, "labdeck.manifests" (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcManifests)
