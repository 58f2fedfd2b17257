#pragma once

#include "kube/credentials.h"
#include "kube/kubeclient.h"

#include <QPointer>

namespace labdeck::kube {

// Authenticates with a kubeconfig user through its CredentialProvider
// (static token, token file, client certificate, or an approved exec
// plugin). Concurrent requests wait for one credential fetch.
class ProviderAuthenticator final : public Authenticator
{
    Q_OBJECT
public:
    // provider: owned by the caller, must outlive this object.
    explicit ProviderAuthenticator(CredentialProvider *provider, QObject *parent = nullptr);
    void authenticate(Callback done) override;
    void invalidate() override;

private:
    Result resultFor(const Credential &credential) const;
    void flush(const Result &result);

    QPointer<CredentialProvider> m_provider;
    QList<Callback> m_waiting;
    bool m_fetching = false;
};

} // namespace labdeck::kube
