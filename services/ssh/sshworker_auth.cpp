// The host worker's authentication: the ssh-agent, then key files (asking
// for a passphrase once per run and key), in OpenSSH's order.

#include "ssh/logging_p.h"
#include "ssh/sshworker_p.h"

#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace labdeck::ssh {

using remote::Step;

namespace {

// Whether an ssh-agent listens on `path` (a stale socket file does not count).
bool agentAnswers(const QString &path)
{
    const QByteArray p = QFile::encodeName(path);
    sockaddr_un addr{};
    if (p.size() >= qsizetype(sizeof addr.sun_path))
        return false;
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, p.constData(), size_t(p.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// Records that a key file asked for a passphrase (libssh asks through this
// callback only when the file is encrypted); gives none.
int noPassphrase(const char *, char *, size_t, int, int, void *userdata)
{
    *static_cast<bool *>(userdata) = true;
    return -1;
}

} // namespace

std::optional<QString> PassphraseCache::get(const QString &keyFile) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_map.constFind(keyFile);
    if (it == m_map.constEnd())
        return std::nullopt;
    return *it;
}

void PassphraseCache::put(const QString &keyFile, const QString &passphrase)
{
    QMutexLocker lock(&m_mutex);
    m_map.insert(keyFile, passphrase);
}

void PassphraseCache::forget(const QString &keyFile)
{
    QMutexLocker lock(&m_mutex);
    m_map.remove(keyFile);
}

int HostWorker::tryKeyFile(const QString &path, QStringList *tried, Failure *failure)
{
    if (!QFileInfo::exists(path))
        return SSH_AUTH_DENIED;
    tried->append(tilde(path));
    const QByteArray file = QFile::encodeName(path);
    // Offer the public half first, so a key the server does not take is
    // never unlocked (nor its passphrase asked for).
    ssh_key pub = nullptr;
    const QByteArray pubFile = file + ".pub";
    if (ssh_pki_import_pubkey_file(pubFile.constData(), &pub) == SSH_OK) {
        const int rc = ssh_userauth_try_publickey(m_session, nullptr, pub);
        ssh_key_free(pub);
        if (rc == SSH_AUTH_DENIED)
            return SSH_AUTH_DENIED;
        if (rc == SSH_AUTH_ERROR) {
            *failure = {Step::Authentication, prefix(Step::Authentication) + sshError(m_session)};
            return SSH_AUTH_ERROR;
        }
    }
    ssh_key key = nullptr;
    bool encrypted = false;
    int rc = ssh_pki_import_privkey_file(file.constData(), nullptr, noPassphrase, &encrypted, &key);
    if (rc != SSH_OK && !encrypted) {
        qCInfo(lcSsh) << m_target.inventoryHost << "could not read key file" << path;
        return SSH_AUTH_DENIED;
    }
    bool keep = false;
    bool fromUser = false;
    QString passphrase;
    if (rc != SSH_OK) {
        std::optional<QString> cached = m_passphrases->get(path);
        bool retry = false;
        for (int attempt = 0; attempt < 4 && rc != SSH_OK; ++attempt) {
            if (cached) {
                passphrase = *cached;
                cached.reset();
                fromUser = false;
            } else {
                PassphraseQuestion q;
                q.id = nextQuestionId();
                q.host = m_target.inventoryHost;
                q.keyFile = path;
                q.retry = retry;
                SshTransport *t = m_transport;
                const QString host = m_target.inventoryHost;
                QMetaObject::invokeMethod(
                    t, [t, host, q] { t->deliverPassphraseQuestion(host, q); },
                    Qt::QueuedConnection);
                Answer answer;
                if (!waitForAnswer(q.id, &answer)) {
                    QMetaObject::invokeMethod(
                        t, [t, id = q.id] { Q_EMIT t->questionClosed(id); }, Qt::QueuedConnection);
                    *failure = {
                        Step::Cancelled,
                        prefix(Step::Cancelled) +
                            SshTransport::tr("cancelled while the passphrase question was open")};
                    return SSH_AUTH_ERROR;
                }
                if (answer.cancelled)
                    return SSH_AUTH_DENIED;
                passphrase = answer.passphrase;
                keep = answer.keep;
                fromUser = true;
            }
            const QByteArray pass = passphrase.toUtf8();
            rc = ssh_pki_import_privkey_file(file.constData(), pass.constData(), nullptr, nullptr,
                                             &key);
            if (rc != SSH_OK) {
                m_passphrases->forget(path);
                retry = true;
            }
        }
        if (rc != SSH_OK) {
            *failure = {Step::Authentication,
                        prefix(Step::Authentication) +
                            SshTransport::tr("the passphrase for %1 was wrong").arg(tilde(path))};
            return SSH_AUTH_ERROR;
        }
        m_passphrases->put(path, passphrase);
    }
    rc = ssh_userauth_publickey(m_session, nullptr, key);
    ssh_key_free(key);
    if (rc == SSH_AUTH_SUCCESS && fromUser) {
        SshTransport *t = m_transport;
        QMetaObject::invokeMethod(
            t, [t, path, passphrase, keep] { t->deliverKeyUnlocked(path, passphrase, keep); },
            Qt::QueuedConnection);
    }
    if (rc == SSH_AUTH_ERROR) {
        *failure = {Step::Authentication, prefix(Step::Authentication) + sshError(m_session)};
        return SSH_AUTH_ERROR;
    }
    return rc == SSH_AUTH_SUCCESS ? SSH_AUTH_SUCCESS : SSH_AUTH_DENIED;
}

bool HostWorker::authenticate(Failure *failure)
{
    QStringList tried;
    bool partial = false;
    if (!m_options.agentSocket.isEmpty() && !agentAnswers(m_options.agentSocket)) {
        qCInfo(lcSsh) << m_target.inventoryHost << "no ssh-agent at" << m_options.agentSocket;
    } else if (!m_options.agentSocket.isEmpty()) {
        const QByteArray sock = QFile::encodeName(m_options.agentSocket);
        ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT, sock.constData());
        tried << SshTransport::tr("the agent");
        const int rc = ssh_userauth_agent(m_session, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return true;
        partial = rc == SSH_AUTH_PARTIAL;
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session)) {
            *failure = {Step::Authentication, prefix(Step::Authentication) + sshError(m_session)};
            return false;
        }
    }
    for (const QString &path : m_target.identityFiles) {
        const int rc = tryKeyFile(path, &tried, failure);
        if (rc == SSH_AUTH_SUCCESS)
            return true;
        if (rc == SSH_AUTH_ERROR)
            return false;
        if (rc == SSH_AUTH_PARTIAL)
            partial = true;
    }
    if (partial) {
        *failure = {
            Step::Authentication,
            prefix(Step::Authentication) +
                SshTransport::tr(
                    "the server wants a second factor after the key, which Labdeck does not "
                    "support — allow key-only logins for %1 on %2")
                    .arg(m_target.user, m_target.inventoryHost)};
        return false;
    }
    if (tried.isEmpty()) {
        *failure = {
            Step::Authentication,
            prefix(Step::Authentication) +
                SshTransport::tr(
                    "no agent and no key file (looked for %1) — create a key with ssh-keygen "
                    "-t ed25519 and add it to ~/.ssh/authorized_keys on %2")
                    .arg(QStringList([&] {
                             QStringList l;
                             for (const QString &p : m_target.identityFiles)
                                 l << tilde(p);
                             return l;
                         }())
                             .join(QStringLiteral(", ")),
                         m_target.inventoryHost)};
        return false;
    }
    *failure = {
        Step::Authentication,
        prefix(Step::Authentication) +
            SshTransport::tr("the server refused every key (tried %1) — add your public key to "
                             "~/.ssh/authorized_keys of %2 on %3")
                .arg(tried.join(SshTransport::tr(" and ")), m_target.user, m_target.inventoryHost)};
    return false;
}

} // namespace labdeck::ssh
