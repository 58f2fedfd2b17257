#pragma once

// Shared by the fuzz targets: the input as Qt bytes, and a check that stops
// the run (and keeps the input as a crasher) when a property does not hold.

#include <QByteArray>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace labdeck::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property every input must have; a failure aborts so libFuzzer saves it.
inline void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "property failed: %s\n", what);
        std::abort();
    }
}

} // namespace labdeck::fuzz
