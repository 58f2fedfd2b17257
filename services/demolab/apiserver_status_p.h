#pragma once

// The Status objects the API server answers errors with (shared by
// apiserver_<part>_p.cpp; defined in apiserver_routing_p.cpp).

#include "demolab/apiserver_p.h"
#include "demolab/objects_p.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace labdeck::demolab::detail {

QByteArray compact(const QJsonObject &o);
QJsonObject statusObject(const ApiError &e);
QJsonObject detailsFor(const ResourceType &t, const QString &name);
ApiError notFound(const ResourceType &t, const QString &name);
ApiError notFoundPath();
ApiError badRequest(const QString &message);
ApiError methodNotAllowed();
ApiError conflict(const ResourceType &t, const QString &name, const QString &why);
ApiError modified(const ResourceType &t, const QString &name);
ApiError alreadyExists(const ResourceType &t, const QString &name);
ApiError invalid(const QString &groupKind, const QString &group, const QString &kind,
                 const QString &name, const QList<FieldError> &errors);
ApiError invalid(const ResourceType &t, const QString &name, const QList<FieldError> &errors);
ApiError expired(const QString &message);
// A resourceVersion this server never handed out (say, from before a restart).
ApiError tooLargeResourceVersion(qint64 wanted, qint64 current);

} // namespace labdeck::demolab::detail
