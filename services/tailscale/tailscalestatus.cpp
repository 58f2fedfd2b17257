#include "tailscale/tailscalestatus.h"

#include "common/gotime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace labdeck::tailscale {

namespace {

Peer peerFrom(const QJsonObject &o, const QString &key)
{
    Peer p;
    p.key = key;
    p.hostName = o.value(QLatin1String("HostName")).toString();
    p.dnsName = o.value(QLatin1String("DNSName")).toString();
    if (p.dnsName.endsWith(QLatin1Char('.')))
        p.dnsName.chop(1);
    p.os = o.value(QLatin1String("OS")).toString();
    const QJsonArray ips = o.value(QLatin1String("TailscaleIPs")).toArray();
    for (const QJsonValue &v : ips)
        p.ips << v.toString();
    p.online = o.value(QLatin1String("Online")).toBool();
    p.active = o.value(QLatin1String("Active")).toBool();
    p.exitNode = o.value(QLatin1String("ExitNode")).toBool();
    p.curAddr = o.value(QLatin1String("CurAddr")).toString();
    p.relay = o.value(QLatin1String("Relay")).toString();
    p.peerRelay = o.value(QLatin1String("PeerRelay")).toString();
    p.lastSeen = parseGoTime(o.value(QLatin1String("LastSeen")).toString());
    p.lastHandshake = parseGoTime(o.value(QLatin1String("LastHandshake")).toString());
    return p;
}

} // namespace

Path Peer::path() const
{
    if (!active)
        return Path::Idle;
    if (!curAddr.isEmpty())
        return Path::Direct;
    if (!peerRelay.isEmpty())
        return Path::PeerRelay;
    if (!relay.isEmpty())
        return Path::Derp;
    return Path::Idle;
}

QString Peer::shortName() const
{
    return dnsName.section(QLatin1Char('.'), 0, 0);
}

QString pathText(const Peer &peer)
{
    switch (peer.path()) {
    case Path::Direct:
        return StatusParser::tr("direct %1").arg(peer.curAddr);
    case Path::PeerRelay:
        return StatusParser::tr("peer relay %1").arg(peer.peerRelay);
    case Path::Derp:
        return StatusParser::tr("DERP %1").arg(peer.relay);
    case Path::Idle:
        break;
    }
    if (peer.active)
        return StatusParser::tr("no path yet");
    return StatusParser::tr("idle (no traffic lately)");
}

const Peer *Status::find(const QString &name) const
{
    if (name.isEmpty())
        return nullptr;
    QList<const Peer *> all{&self};
    for (const Peer &p : peers)
        all << &p;
    const auto pick = [&all](auto match) -> const Peer * {
        for (const Peer *p : all) {
            if (match(*p))
                return p;
        }
        return nullptr;
    };
    const Qt::CaseSensitivity ci = Qt::CaseInsensitive;
    QString full = name;
    if (full.endsWith(QLatin1Char('.')))
        full.chop(1);
    if (auto p = pick([&](const Peer &x) { return x.dnsName.compare(full, ci) == 0; }))
        return p;
    if (auto p = pick([&](const Peer &x) { return x.shortName().compare(name, ci) == 0; }))
        return p;
    if (auto p = pick([&](const Peer &x) { return x.hostName.compare(name, ci) == 0; }))
        return p;
    return pick([&](const Peer &x) { return x.ips.contains(name); });
}

std::optional<Status> StatusParser::parse(const QByteArray &output, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(output, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const int line = int(output.left(pe.offset).count('\n')) + 1;
        *error = tr("tailscale status: line %1: not JSON: %2").arg(line).arg(pe.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("BackendState")).isString()) {
        *error = tr("tailscale status: no \"BackendState\"; is this the output of tailscale status "
                    "--json?");
        return std::nullopt;
    }
    Status s;
    s.version = root.value(QLatin1String("Version")).toString();
    s.backendState = root.value(QLatin1String("BackendState")).toString();
    const QJsonArray health = root.value(QLatin1String("Health")).toArray();
    for (const QJsonValue &v : health)
        s.health << v.toString();
    const QJsonValue self = root.value(QLatin1String("Self"));
    if (!self.isObject()) {
        // Logged out or stopped: there is no Self node.
        if (s.backendState == QLatin1String("Running")) {
            *error = tr("tailscale status: no \"Self\" node although the backend is running");
            return std::nullopt;
        }
    } else {
        s.self = peerFrom(self.toObject(), QString());
    }
    const QJsonObject peers = root.value(QLatin1String("Peer")).toObject();
    s.peers.reserve(peers.size());
    for (auto it = peers.begin(); it != peers.end(); ++it) {
        if (!it.value().isObject()) {
            *error = tr("tailscale status: peer %1 is not a JSON object").arg(it.key());
            return std::nullopt;
        }
        s.peers << peerFrom(it.value().toObject(), it.key());
    }
    std::sort(s.peers.begin(), s.peers.end(),
              [](const Peer &a, const Peer &b) { return a.dnsName < b.dnsName; });
    return s;
}

} // namespace labdeck::tailscale
