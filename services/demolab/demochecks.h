#pragma once

#include "checks/check.h"
#include "demolab/demopki.h"
#include "inventory/inventory.h"

#include <QObject>
#include <QSet>
#include <QTemporaryDir>
#include <memory>

namespace labdeck::demolab {

class TlsEndpoints;

// What the demo lab's checks talk to: a loopback HTTPS server per public URL
// of the inventory, each with a certificate of an interesting kind (valid,
// 5 days left, expired, wrong host, self-signed, missing intermediate);
// Traefik's API answering /api/http/routers (in Traefik v3's format) on the
// dashboard URL; and loopback ports for the NodePorts (one left closed).
// The check run connects to them through CheckOptions::connectTo and trusts
// the demo root through extraCaCertificates. One thread; nothing blocks.
class DemoCheckLab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCheckLab)
public:
    explicit DemoCheckLab(Inventory lab, QObject *parent = nullptr);
    ~DemoCheckLab() override;

    // Makes the certificates (openssl) and starts the servers; ready() follows.
    void start();
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] QString errorText() const { return m_error; }
    // Prepares a run on the demo lab: once ready, adds the connect-to map and
    // the root CA to the options; otherwise replaces certs, routes and
    // endpoints with checks that say why they could not run, so the demo's
    // names never reach real DNS.
    void apply(checks::CheckOptions *options, checks::CheckRegistry *registry) const;

    // "Simulate failure": the HTTPS server for this URL host serves an
    // expired certificate for its name (from the next connection on), or its
    // usual one again. Remembered until the servers are up.
    void setCertificateExpired(const QString &host, bool expired);
    [[nodiscard]] bool isCertificateExpired(const QString &host) const;

    // The certificate kind each seed URL gets (by the first label of its name).
    [[nodiscard]] static CertSpec specFor(const PublicUrl &url);
    // The expired stand-in for specFor(url).
    [[nodiscard]] static CertSpec expiredSpecFor(const PublicUrl &url);
    // Traefik's /api/http/routers for the lab, v3 format, with the demo's
    // mistakes: one router without a certResolver, one with a mistyped
    // Host, one in error.
    [[nodiscard]] static QByteArray routersJson(const Inventory &lab);

Q_SIGNALS:
    void ready(bool ok);

private:
    void serve();
    void serveCertificate(const QString &host);

    Inventory m_lab;
    QTemporaryDir m_dir;
    CertificateFactory *m_factory = nullptr;
    TlsEndpoints *m_endpoints = nullptr;
    QHash<QString, checks::ConnectTarget> m_connectTo;
    QSslCertificate m_root;
    QHash<QString, quint16> m_httpsPorts; // URL host -> its loopback port
    QSet<QString> m_expired;              // URL hosts
    bool m_ready = false;
    QString m_error;
};

} // namespace labdeck::demolab
