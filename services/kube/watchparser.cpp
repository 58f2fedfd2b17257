#include "kube/watchparser.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace labdeck::kube {

QString WatchEvent::resourceVersion() const
{
    return object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
}

void WatchParser::reset()
{
    m_buffer.clear();
}

QList<WatchEvent> WatchParser::feed(const QByteArray &data)
{
    QList<WatchEvent> events;
    m_buffer += data;
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line = QByteArray::fromRawData(m_buffer.constData() + start, nl - start).trimmed();
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
            m_lastMalformed = err.error != QJsonParseError::NoError ? err.errorString()
                                                                    : QStringLiteral("unknown event type \"%1\"").arg(type);
            continue;
        }
        e.object = o.value(QLatin1String("object")).toObject();
        events << e;
    }
    m_buffer.remove(0, start);
    return events;
}

} // namespace labdeck::kube
