#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace labdeck::tailscale {

// How traffic to a peer flows, by the rule the tailscale CLI applies: only
// an Active peer has a path; CurAddr means direct, else PeerRelay, else the
// DERP region in Relay. A peer that is not Active is Idle whatever its
// Relay says (that is only its home DERP region).
enum class Path { Idle, Direct, PeerRelay, Derp };

// One node of `tailscale status --json` (Self or an entry of Peer).
struct Peer
{
    QString key;      // the Peer map key, "nodekey:…"; empty for Self
    QString hostName; // the OS host name (not unique: iOS says "localhost")
    QString dnsName;  // MagicDNS name with its trailing dot removed
    QString os;
    QStringList ips; // TailscaleIPs
    bool online = false;
    bool active = false;
    bool exitNode = false;
    QString curAddr;         // "ip:port" when direct
    QString relay;           // home DERP region code ("tok")
    QString peerRelay;       // "ip:port:vni"
    QDateTime lastSeen;      // UTC; invalid when the JSON has Go's zero time or none
    QDateTime lastHandshake; // UTC; invalid when none

    [[nodiscard]] Path path() const;
    // The first label of the DNS name ("pochama" of "pochama.tail1.ts.net").
    [[nodiscard]] QString shortName() const;
};

struct Status
{
    QString version;
    QString backendState; // Running, NeedsLogin, Stopped, ...
    Peer self;
    QList<Peer> peers; // sorted by DNS name
    QStringList health;

    // The node (Self or a peer) an inventory's tailscaleHost names: matched
    // on the full DNS name, its first label, then the host name (case-
    // insensitive), then a Tailscale IP. nullptr when none.
    [[nodiscard]] const Peer *find(const QString &name) const;
};

class StatusParser
{
    Q_DECLARE_TR_FUNCTIONS(StatusParser)
public:
    // `tailscale status --json`. Missing optional fields (scrubbed output)
    // are left empty; a document without BackendState or Self is an error.
    [[nodiscard]] static std::optional<Status> parse(const QByteArray &output, QString *error);
};

// "direct 10.0.0.5:41641", "DERP tok", "peer relay …", "idle (no traffic
// lately)" for an online peer that is not Active (translated).
[[nodiscard]] QString pathText(const Peer &peer);

} // namespace labdeck::tailscale
