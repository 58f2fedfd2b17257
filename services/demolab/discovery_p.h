#pragma once

// What clients read before they touch a resource: /version, /api, /apis,
// the APIResourceLists, and a small OpenAPI v3 document per group version
// (enough for kubectl to find the fieldValidation parameter).

#include <QByteArray>
#include <QSet>
#include <QString>

namespace labdeck::demolab::detail {

inline constexpr const char *KubernetesVersion = "v1.30.4";

[[nodiscard]] QByteArray versionDocument();
[[nodiscard]] QByteArray coreVersionsDocument(const QString &serverAddress);
// Groups in `absent` are left out (an aggregated API whose server is gone).
[[nodiscard]] QByteArray groupListDocument(const QSet<QString> &absent = {});
// Empty when the group or group version is not served.
[[nodiscard]] QByteArray groupDocument(const QString &group);
[[nodiscard]] QByteArray resourceListDocument(const QString &group, const QString &version);
[[nodiscard]] QByteArray openApiIndexDocument();
// path: "api/v1" or "apis/apps/v1"
[[nodiscard]] QByteArray openApiDocument(const QString &path);

} // namespace labdeck::demolab::detail
