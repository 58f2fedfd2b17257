#pragma once

#include <QDateTime>
#include <QString>

namespace labdeck {

// A Go time.Time as JSON encoders of Go programs write it (RFC 3339 with up
// to nine fraction digits: Tailscale, Ollama, Docker), in UTC. Invalid for
// Go's zero time ("0001-01-01T00:00:00Z") and for anything else.
[[nodiscard]] QDateTime parseGoTime(const QString &text);

} // namespace labdeck
