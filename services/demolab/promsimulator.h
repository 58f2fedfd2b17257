#pragma once

#include "inventory/inventory.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

namespace labdeck::demolab {

namespace detail {
class HttpConnection;
struct HttpRequest;
} // namespace detail

// The demo lab's Prometheus: answers Labdeck's default chart queries for
// every inventory host that has a Prometheus instance, with plausible,
// moving series computed from the time (so a range and its tail agree),
// plus targets and one firing alert. Any other PromQL gets an error that
// says plainly the demo cannot run it. Lives on the demo lab's thread.
class PromSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromSimulator)
public:
    explicit PromSimulator(const Inventory &lab, QObject *parent = nullptr);
    ~PromSimulator() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] QUrl url() const;

    // The value the demo gives `metric` key ("cpu", ...) of host index
    // `host` at Unix time `t` (line: which of several lines, e.g. load5).
    [[nodiscard]] static double value(const QString &metric, int host, double t, int line = 0);

private:
    void serve(detail::HttpConnection *connection, const detail::HttpRequest &request);

    struct Known
    {
        QString metric;
        int host;
        QString instance;
    };
    QHash<QString, Known> m_queries; // expanded default PromQL -> what it is
    QStringList m_instances;
    QUrl m_url;
};

} // namespace labdeck::demolab
