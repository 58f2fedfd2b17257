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
    // Lines that were not valid watch events (counted, then skipped).
    [[nodiscard]] int malformedLines() const { return m_malformed; }
    [[nodiscard]] QString lastMalformed() const { return m_lastMalformed; }
    [[nodiscard]] qsizetype pendingBytes() const { return m_buffer.size(); }
    void reset();

private:
    QByteArray m_buffer;
    int m_malformed = 0;
    QString m_lastMalformed;
};

} // namespace labdeck::kube
