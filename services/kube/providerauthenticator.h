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

    // Why the user's credentials may not go to the context's server: it is
    // plain http:// and the user has a token, password, client certificate,
    // exec plugin or impersonation (kubectl sends none to an http server
    // either). Empty when they may. authenticate() fails with this text.
    [[nodiscard]] static QString plainHttpRefusal(const ResolvedContext &context);

private:
    Result resultFor(const Credential &credential) const;
    void flush(const Result &result);

    QPointer<CredentialProvider> m_provider;
    QList<Callback> m_waiting;
    bool m_fetching = false;
};

} // namespace labdeck::kube
