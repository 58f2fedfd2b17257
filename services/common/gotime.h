#pragma once

#include <QDateTime>
#include <QString>
#include <chrono>
#include <optional>

namespace labdeck {

// A Go time.Time as JSON encoders of Go programs write it (RFC 3339 with up
// to nine fraction digits: Tailscale, Ollama, Docker), in UTC. Invalid for
// Go's zero time ("0001-01-01T00:00:00Z") and for anything else.
[[nodiscard]] QDateTime parseGoTime(const QString &text);

// A Go time.Duration as time.ParseDuration reads it ("5m", "6h", "1h30m",
// "1.5h", "300ms", "90s"; units ns, us, µs, ms, s, m, h), truncated to whole
// milliseconds. Empty for anything else, for a sign and for more than a year
// (no schedule in Labdeck waits that long).
[[nodiscard]] std::optional<std::chrono::milliseconds> parseGoDuration(const QString &text);

// A duration as Go's Duration.String() writes it ("5m0s", "6h0m0s", "1.5s",
// "300ms"), so that parseGoDuration reads it back.
[[nodiscard]] QString formatGoDuration(std::chrono::milliseconds duration);

} // namespace labdeck
