#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace labdeck::secrets {

// Secrets in the system keychain (Secret Service, KWallet, ...) through
// QtKeychain, asynchronously. Entries are namespaced by `service` and keyed
// by the caller ("ssh-key:/home/me/.ssh/id_ed25519"). Nothing is ever
// written to a file or a log: QtKeychain's plaintext fallback stays off, and
// without a keychain every call fails with the reason. Thread: the one it
// lives on; callbacks run there, and not at all once `context` is gone.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)
public:
    explicit SecretStore(QString service, QObject *parent = nullptr);
    ~SecretStore() override;

    [[nodiscard]] QString service() const { return m_service; }

    // found=false with an empty error: no such entry.
    using ReadCallback =
        std::function<void(bool found, const QString &secret, const QString &error)>;
    using WriteCallback = std::function<void(bool ok, const QString &error)>;

    void read(const QString &key, QObject *context, ReadCallback callback);
    void write(const QString &key, const QString &secret, QObject *context, WriteCallback callback);
    void remove(const QString &key, QObject *context, WriteCallback callback);

private:
    QString m_service;
};

} // namespace labdeck::secrets
