// The host worker's host-key verification, by OpenSSH's rules: the offered
// key against Labdeck's known_hosts and the user's, a changed key refused.

#include "ssh/logging_p.h"
#include "ssh/sshworker_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace labdeck::ssh {

using remote::Step;

KeyInfo keyInfo(ssh_key key)
{
    KeyInfo info;
    info.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    unsigned char *hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) == SSH_OK) {
        char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
        if (fp) {
            info.fingerprint = QString::fromLatin1(fp);
            ssh_string_free_char(fp);
        }
        ssh_clean_pubkey_hash(&hash);
    }
    char *b64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK) {
        info.base64 = QByteArray(b64);
        ssh_string_free_char(b64);
    }
    return info;
}

QList<KnownEntry> parseKnownHosts(const QByteArray &contents, const QString &file,
                                  const QString &hostName, ssh_key offered)
{
    QList<KnownEntry> entries;
    const QByteArray name = hostName.toUtf8();
    int lineNo = 0;
    for (const QByteArray &raw : contents.split('\n')) {
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith('@'))
            continue; // markers (@cert-authority, @revoked) are not used by Labdeck
        if (line.contains('\0'))
            continue; // libssh reads a C string: a NUL would cut the line short
        ssh_knownhosts_entry *entry = nullptr;
        if (ssh_known_hosts_parse_line(name.constData(), line.constData(), &entry) != SSH_OK ||
            !entry)
            continue;
        KnownEntry e;
        e.file = file;
        e.line = lineNo;
        e.key = keyInfo(entry->publickey);
        e.matches = offered && ssh_key_cmp(entry->publickey, offered, SSH_KEY_CMP_PUBLIC) == 0;
        entries << e;
        ssh_knownhosts_entry_free(entry);
    }
    return entries;
}

namespace {

// The entries of one known_hosts file for hostName; a missing file has none.
// A file over the cap is read up to it (known_hosts lines are short; a file
// of megabytes is not one Labdeck trusts to be complete).
QList<KnownEntry> knownEntries(const QString &file, const QString &hostName, ssh_key offered)
{
    constexpr qint64 kMaxKnownHostsBytes = 4 * 1024 * 1024;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseKnownHosts(f.read(kMaxKnownHostsBytes), file, hostName, offered);
}

// The typed side of a host key refusal.
remote::HostKeyProblem hostKeyProblem(remote::HostKeyFailure kind, const SshTarget &target,
                                      const SshOptions &options, const KeyInfo &offered)
{
    remote::HostKeyProblem p;
    p.kind = kind;
    p.address = target.knownHostsName();
    p.hostName = target.hostName;
    p.port = target.port;
    p.offeredType = offered.type;
    p.offeredFingerprint = offered.fingerprint;
    p.addToFile = options.labdeckKnownHosts;
    return p;
}

} // namespace

bool HostWorker::checkHostKey(Failure *failure)
{
    ssh_key offered = nullptr;
    if (ssh_get_server_publickey(m_session, &offered) != SSH_OK || !offered) {
        *failure = {Step::HostKey,
                    prefix(Step::HostKey) + SshTransport::tr("the server sent no host key")};
        return false;
    }
    const KeyInfo info = keyInfo(offered);
    const QString name = m_target.knownHostsName();
    QList<KnownEntry> entries = knownEntries(m_options.labdeckKnownHosts, name, offered);
    entries += knownEntries(m_options.userKnownHosts, name, offered);
    ssh_key_free(offered);

    for (const KnownEntry &e : entries)
        if (e.matches)
            return true;
    if (!entries.isEmpty()) {
        // Recorded, but not this key: refused, never asked about.
        const KnownEntry &known = entries.first();
        const QString quotedName = remote::shellQuote(name);
        remote::HostKeyProblem problem =
            hostKeyProblem(remote::HostKeyFailure::Changed, m_target, m_options, info);
        problem.recordedType = known.key.type;
        problem.recordedFingerprint = known.key.fingerprint;
        problem.knownHostsFile = known.file;
        problem.knownHostsLine = known.line;
        *failure = {
            Step::HostKey,
            prefix(Step::HostKey) +
                SshTransport::tr(
                    "the host key of %1 has CHANGED. Recorded in %2 line %3: %4 %5; offered "
                    "now: %6 %7. Labdeck does not connect to it. If you rebuilt %8, remove "
                    "the old key with: ssh-keygen -R %9 -f %10 and connect again; otherwise "
                    "do not connect: someone may be intercepting the connection.")
                    .arg(name, tilde(known.file))
                    .arg(known.line)
                    .arg(known.key.type, known.key.fingerprint, info.type, info.fingerprint,
                         m_target.inventoryHost, quotedName, remote::shellQuote(known.file)),
            problem};
        return false;
    }
    if (!m_acceptedOnce.isEmpty() && m_acceptedOnce == info.base64)
        return true;
    if (!m_options.askAboutHostKeys) {
        *failure = {Step::HostKey,
                    prefix(Step::HostKey) +
                        SshTransport::tr("the host key of %1 (%2 %3) is not known, and nobody is "
                                         "here to confirm it; nothing was run")
                            .arg(name, info.type, info.fingerprint),
                    hostKeyProblem(remote::HostKeyFailure::Unknown, m_target, m_options, info)};
        return false;
    }

    HostKeyQuestion q;
    q.id = nextQuestionId();
    q.host = m_target.inventoryHost;
    q.address = name;
    q.keyType = info.type;
    q.fingerprint = info.fingerprint;
    {
        SshTransport *t = m_transport;
        const QString host = m_target.inventoryHost;
        QMetaObject::invokeMethod(
            t, [t, host, q] { t->deliverQuestion(host, q); }, Qt::QueuedConnection);
    }
    Answer answer;
    if (!waitForAnswer(q.id, &answer)) {
        *failure = {Step::Cancelled,
                    prefix(Step::Cancelled) +
                        SshTransport::tr("cancelled while the host key question was open")};
        SshTransport *t = m_transport;
        const quint64 id = q.id;
        QMetaObject::invokeMethod(
            t, [t, id] { Q_EMIT t->questionClosed(id); }, Qt::QueuedConnection);
        return false;
    }
    switch (answer.hostKey) {
    case HostKeyAnswer::Refuse:
        *failure = {Step::HostKey,
                    prefix(Step::HostKey) +
                        SshTransport::tr("you refused the host key %1 of %2; nothing was run")
                            .arg(info.fingerprint, name),
                    hostKeyProblem(remote::HostKeyFailure::Unknown, m_target, m_options, info)};
        return false;
    case HostKeyAnswer::ConnectOnce:
        m_acceptedOnce = info.base64;
        return true;
    case HostKeyAnswer::Remember: {
        m_acceptedOnce = info.base64;
        const QString file = m_options.labdeckKnownHosts;
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        if (!f.open(QIODevice::Append | QIODevice::Text)) {
            qCWarning(lcSsh) << "could not write" << file << f.errorString();
            return true; // accepted for this run; the next run asks again
        }
        f.write(name.toUtf8() + ' ' + info.type.toUtf8() + ' ' + info.base64 + '\n');
        return true;
    }
    }
    return false;
}

// Returns SSH_AUTH_SUCCESS, SSH_AUTH_DENIED (try the next key) or
// SSH_AUTH_ERROR (give up: `failure` is set).

} // namespace labdeck::ssh
