#include "secrets/secretstore.h"

#include <qt6keychain/keychain.h>

namespace labdeck::secrets {

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

SecretStore::~SecretStore() = default;

void SecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [guard, callback = std::move(callback)](QKeychain::Job *j) {
                if (!guard)
                    return;
                auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
                if (r->error() == QKeychain::NoError)
                    callback(true, r->textData(), QString());
                else if (r->error() == QKeychain::EntryNotFound)
                    callback(false, QString(), QString());
                else
                    callback(false, QString(), r->errorString());
            });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context,
                        WriteCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [guard, callback = std::move(callback)](QKeychain::Job *j) {
                if (guard && callback)
                    callback(j->error() == QKeychain::NoError,
                             j->error() == QKeychain::NoError ? QString() : j->errorString());
            });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [guard, callback = std::move(callback)](QKeychain::Job *j) {
                const bool ok =
                    j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
                if (guard && callback)
                    callback(ok, ok ? QString() : j->errorString());
            });
    job->start();
}

} // namespace labdeck::secrets
