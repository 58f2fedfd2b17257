#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace labdeck::kube {

struct WatchEvent
{
    enum class Type { Added, Modified, Deleted, Bookmark, Error };
    Type type = Type::Added;
    QJsonObject object;

    [[nodiscard]] QString resourceVersion() const;
};

// Splits a watch stream into events as bytes arrive, however the bytes are
// cut: one JSON object per line (a partial line waits for the rest).
class WatchParser
{
public:
    // Appends data; returns the complete events it finished.
    [[nodiscard]] QList<WatchEvent> feed(const QByteArray &data);
    // Appends data without parsing it.
    void append(const QByteArray &data) { m_buffer += data; }
    // Parses at most max complete events of what was appended.
    [[nodiscard]] QList<WatchEvent> take(int max);
    // Whether a complete line waits to be parsed.
    [[nodiscard]] bool hasCompleteLine() const { return m_buffer.indexOf('\n', m_offset) >= 0; }
    // Lines that were not valid watch events (counted, then skipped).
    [[nodiscard]] int malformedLines() const { return m_malformed; }
    [[nodiscard]] QString lastMalformed() const { return m_lastMalformed; }
    [[nodiscard]] qsizetype pendingBytes() const { return m_buffer.size() - m_offset; }
    void reset();

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0; // parsed up to here; the front is dropped in large steps, not per event
    int m_malformed = 0;
    QString m_lastMalformed;
};

} // namespace labdeck::kube
