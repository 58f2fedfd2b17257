#pragma once

#include <QString>

namespace labdeck::kubenames {

// Kubernetes' object name rules (apimachinery's validation), checked
// before a name becomes part of an API path. Pure functions; any thread.

// RFC 1123 label: at most 63 of [a-z0-9-], starting and ending with [a-z0-9].
// Namespaces, and the namespace of every namespaced object.
[[nodiscard]] bool isDns1123Label(const QString &name);
// RFC 1123 subdomain: at most 253 characters, dot-separated labels.
// The name of most kinds (Deployment, ConfigMap, Secret, ...).
[[nodiscard]] bool isDns1123Subdomain(const QString &name);
// RFC 1035 label: a 1123 label that starts with a letter. Services.
[[nodiscard]] bool isDns1035Label(const QString &name);

// The rule a kind's metadata.name follows, in words for an error:
// "a lowercase RFC 1123 subdomain (…)"; empty when name satisfies it.
[[nodiscard]] QString nameProblem(const QString &kind, const QString &name);
// The same for a namespace.
[[nodiscard]] QString namespaceProblem(const QString &ns);

} // namespace labdeck::kubenames
