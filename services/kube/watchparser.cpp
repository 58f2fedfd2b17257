#include "kube/watchparser.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <limits>

namespace labdeck::kube {

QString WatchEvent::resourceVersion() const
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("resourceVersion"))
        .toString();
}

void WatchParser::reset()
{
    m_buffer.clear();
    m_offset = 0;
}

QList<WatchEvent> WatchParser::feed(const QByteArray &data)
{
    append(data);
    return take(std::numeric_limits<int>::max());
}

QList<WatchEvent> WatchParser::take(int max)
{
    QList<WatchEvent> events;
    qsizetype start = m_offset;
    while (events.size() < max) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line =
            QByteArray::fromRawData(m_buffer.constData() + start, nl - start).trimmed();
        start = nl + 1;
        if (line.isEmpty())
            continue;
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        const QJsonObject o = doc.object();
        const QString type = o.value(QLatin1String("type")).toString();
        WatchEvent e;
        if (type == QLatin1String("ADDED"))
            e.type = WatchEvent::Type::Added;
        else if (type == QLatin1String("MODIFIED"))
            e.type = WatchEvent::Type::Modified;
        else if (type == QLatin1String("DELETED"))
            e.type = WatchEvent::Type::Deleted;
        else if (type == QLatin1String("BOOKMARK"))
            e.type = WatchEvent::Type::Bookmark;
        else if (type == QLatin1String("ERROR"))
            e.type = WatchEvent::Type::Error;
        else {
            ++m_malformed;
            m_lastMalformed = err.error != QJsonParseError::NoError
                                  ? err.errorString()
                                  : QStringLiteral("unknown event type \"%1\"").arg(type);
            continue;
        }
        e.object = o.value(QLatin1String("object")).toObject();
        events << e;
    }
    m_offset = start;
    // Moving the rest of a burst of megabytes forward after every slice would
    // cost more than parsing it: drop the parsed front only now and then.
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > (1 << 20) && m_offset * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return events;
}

} // namespace labdeck::kube
