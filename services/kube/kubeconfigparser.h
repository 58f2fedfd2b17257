#pragma once

// Internal to kube/: reads one kubeconfig file into a KubeConfig. KubeConfig::load()
// merges the results. Not part of the API other modules use.

#include "kube/kubeconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <optional>

namespace labdeck::kube {

// "labdeck.kube.kubeconfig": loading, merging, resolving. Never logs secrets.

struct ParsedKubeConfig
{
    KubeConfig config;          // this file only
    QList<LocatedError> errors; // any error makes kubectl reject the file
    QList<LocatedError> warnings;
    bool empty = false; // no document, or a document with nothing in it
};

// Decodes base64 exactly as Go's encoding/base64.StdEncoding does (what kubectl
// uses for the *-data fields): '\r' and '\n' are skipped, padding is required,
// nothing may follow it. On failure returns nullopt and sets *badOffset to the
// byte offset Go reports ("illegal base64 data at input byte N").
[[nodiscard]] std::optional<QByteArray> decodeBase64Strict(const QByteArray &in,
                                                           qsizetype *badOffset);

class KubeConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(KubeConfigParser)
public:
    // absoluteFile is used for messages, sourceFile fields and relative paths.
    [[nodiscard]] static ParsedKubeConfig parse(const QByteArray &yaml,
                                                const QString &absoluteFile);
};

} // namespace labdeck::kube
