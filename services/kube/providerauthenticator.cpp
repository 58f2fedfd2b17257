#include "kube/providerauthenticator.h"

#include <QNetworkRequest>
#include <QTimer>

namespace labdeck::kube {

ProviderAuthenticator::ProviderAuthenticator(CredentialProvider *provider, QObject *parent)
    : Authenticator(parent)
    , m_provider(provider)
{
    connect(provider, &CredentialProvider::ready, this, [this](const Credential &c) {
        m_fetching = false;
        flush(resultFor(c));
    });
    connect(provider, &CredentialProvider::failed, this, [this](const QString &error) {
        m_fetching = false;
        Result r;
        r.error = error;
        flush(r);
    });
}

Authenticator::Result ProviderAuthenticator::resultFor(const Credential &c) const
{
    // The kubeconfig decides TLS, the peer name, Authorization and
    // impersonation headers; take them from a request it prepared.
    QNetworkRequest prepared;
    m_provider->context().applyTo(prepared, c);
    Result r;
    r.ssl = prepared.sslConfiguration();
    r.peerVerifyName = prepared.peerVerifyName();
    for (const QByteArray &name : prepared.rawHeaderList()) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            r.authorization = prepared.rawHeader(name);
        else
            r.headers << qMakePair(name, prepared.rawHeader(name));
    }
    return r;
}

void ProviderAuthenticator::flush(const Result &result)
{
    const QList<Callback> waiting = std::exchange(m_waiting, {});
    for (const Callback &cb : waiting)
        cb(result);
}

void ProviderAuthenticator::authenticate(Callback done)
{
    if (!m_provider) {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            Result r;
            r.error = tr("no credentials for this cluster");
            done(r);
        });
        return;
    }
    // Refused before any plugin runs, with why, instead of going anonymous.
    if (const QString error = plainHttpRefusal(m_provider->context()); !error.isEmpty()) {
        QTimer::singleShot(0, this, [error, done = std::move(done)] {
            Result r;
            r.error = error;
            done(r);
        });
        return;
    }
    // The provider caches and knows when a credential is about to expire.
    m_waiting << std::move(done);
    if (!m_fetching) {
        m_fetching = true;
        m_provider->request();
    }
}

QString ProviderAuthenticator::plainHttpRefusal(const ResolvedContext &context)
{
    const UserInfo &user = context.user;
    const bool hasCredentials =
        !user.token.isEmpty() || !user.tokenFile.isEmpty() || !user.username.isEmpty() ||
        !user.password.isEmpty() || !user.clientCertificatePem.isEmpty() || user.exec.has_value() ||
        !user.impersonateUser.isEmpty() || !user.impersonateGroups.isEmpty();
    if (!hasCredentials || context.cluster.server.scheme() == QLatin1String("https"))
        return {};
    return tr("%1: cluster \"%2\" has the plain http:// server %3, so Labdeck does not send the "
              "credentials of user \"%4\" to it (anyone on the way could read them; kubectl "
              "sends none either). Use the server's https:// address with the cluster's CA "
              "(certificate-authority-data)")
        .arg(context.cluster.sourceFile, context.cluster.name,
             context.cluster.server.toString(QUrl::RemoveUserInfo), user.name);
}

void ProviderAuthenticator::invalidate()
{
    if (m_provider)
        m_provider->invalidate();
}

} // namespace labdeck::kube
