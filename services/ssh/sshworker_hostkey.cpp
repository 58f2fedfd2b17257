// The host worker's host-key verification, by OpenSSH's rules: the offered
// key against Labdeck's known_hosts, the user's and the system's; a revoked
// or changed key refused; a host vouched for only by a certificate authority
// refused (libssh 0.10 cannot check host certificates); an unknown key asked
// about unless StrictHostKeyChecking says yes. Never accepted unasked.

#include "ssh/logging_p.h"
#include "ssh/sshworker_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
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
        QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        KnownEntry::Marker marker = KnownEntry::Marker::None;
        if (line.startsWith('@')) {
            qsizetype end = 0;
            while (end < line.size() && line.at(end) != ' ' && line.at(end) != '\t')
                ++end;
            const QByteArray word = line.left(end);
            if (word == "@revoked")
                marker = KnownEntry::Marker::Revoked;
            else if (word == "@cert-authority")
                marker = KnownEntry::Marker::CertAuthority;
            else
                continue; // a marker OpenSSH does not know either
            line = line.mid(end).trimmed();
            if (line.isEmpty())
                continue;
        }
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
        e.marker = marker;
        e.matches = marker != KnownEntry::Marker::CertAuthority && offered &&
                    ssh_key_cmp(entry->publickey, offered, SSH_KEY_CMP_PUBLIC) == 0;
        entries << e;
        ssh_knownhosts_entry_free(entry);
    }
    return entries;
}

QByteArray hashedKnownHostsLine(const QString &name, const QString &type, const QByteArray &base64,
                                const QByteArray &salt)
{
    QByteArray s = salt;
    if (s.isEmpty()) {
        quint32 words[5]; // 20 bytes, SHA-1's output size, as OpenSSH
        QRandomGenerator::system()->generate(std::begin(words), std::end(words));
        s = QByteArray(reinterpret_cast<const char *>(words), sizeof(words));
    }
    const QByteArray mac =
        QMessageAuthenticationCode::hash(name.toUtf8(), s, QCryptographicHash::Sha1);
    return "|1|" + s.toBase64() + '|' + mac.toBase64() + ' ' + type.toUtf8() + ' ' + base64;
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
    // Labdeck's own file, the user's (the config's UserKnownHostsFile instead
    // of ~/.ssh/known_hosts when set), the system's (GlobalKnownHostsFile
    // instead of /etc/ssh/ssh_known_hosts when set).
    QStringList files{m_options.labdeckKnownHosts};
    files += m_target.userKnownHostsFromConfig ? m_target.userKnownHostsFiles
                                               : QStringList{m_options.userKnownHosts};
    files += m_target.globalKnownHostsFromConfig ? m_target.globalKnownHostsFiles
                                                 : QStringList{m_options.globalKnownHosts};
    QList<KnownEntry> entries;
    QStringList seen;
    for (const QString &file : std::as_const(files)) {
        if (file.isEmpty() || seen.contains(file))
            continue;
        seen << file;
        entries += knownEntries(file, name, offered);
    }
    ssh_key_free(offered);

    // A revoked key is refused whatever else accepts it, and never asked about.
    for (const KnownEntry &e : std::as_const(entries)) {
        if (e.marker != KnownEntry::Marker::Revoked || !e.matches)
            continue;
        remote::HostKeyProblem problem =
            hostKeyProblem(remote::HostKeyFailure::Revoked, m_target, m_options, info);
        problem.recordedType = e.key.type;
        problem.recordedFingerprint = e.key.fingerprint;
        problem.knownHostsFile = e.file;
        problem.knownHostsLine = e.line;
        *failure = {
            Step::HostKey,
            prefix(Step::HostKey) +
                SshTransport::tr("the host key of %1 (%2 %3) is REVOKED in %4 line %5. Labdeck "
                                 "does not connect to a host offering a revoked key; ask the "
                                 "host's owner which key it should have.")
                    .arg(name, info.type, info.fingerprint, tilde(e.file))
                    .arg(e.line),
            problem};
        return false;
    }
    QList<KnownEntry> plain;
    const KnownEntry *authority = nullptr;
    for (const KnownEntry &e : std::as_const(entries)) {
        if (e.marker == KnownEntry::Marker::None)
            plain << e;
        else if (e.marker == KnownEntry::Marker::CertAuthority && !authority)
            authority = &e;
    }
    for (const KnownEntry &e : std::as_const(plain))
        if (e.matches)
            return true;
    if (!plain.isEmpty()) {
        // Recorded, but not this key: refused, never asked about.
        const KnownEntry &known = plain.first();
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
    if (authority) {
        // OpenSSH would check the host's certificate against this CA; libssh
        // 0.10 cannot, and asking as if the host were unknown would invite
        // accepting a key the CA may never have signed.
        const QString keyscan =
            QStringLiteral("ssh-keyscan%1 -t %2 %3 >> %4")
                .arg(m_target.port == 22 ? QString() : QStringLiteral(" -p %1").arg(m_target.port),
                     remote::shellQuote(info.type), remote::shellQuote(m_target.hostName),
                     remote::shellQuote(m_options.labdeckKnownHosts));
        *failure = {
            Step::HostKey,
            prefix(Step::HostKey) +
                SshTransport::tr(
                    "%1 is vouched for by a certificate authority (%2 line %3), and Labdeck "
                    "cannot check SSH host certificates; nothing was run. To trust the host "
                    "key itself (%4 %5), check its fingerprint with the host's owner, then add "
                    "it to Labdeck's known_hosts: %6")
                    .arg(name, tilde(authority->file))
                    .arg(authority->line)
                    .arg(info.type, info.fingerprint, keyscan),
            hostKeyProblem(remote::HostKeyFailure::Unknown, m_target, m_options, info)};
        return false;
    }
    if (!m_acceptedOnce.isEmpty() && m_acceptedOnce == info.base64)
        return true;
    if (m_target.strictHostKeyChecking) {
        *failure = {Step::HostKey,
                    prefix(Step::HostKey) +
                        SshTransport::tr("the host key of %1 (%2 %3) is not known, and "
                                         "~/.ssh/config demands StrictHostKeyChecking yes for "
                                         "it; nothing was run")
                            .arg(name, info.type, info.fingerprint),
                    hostKeyProblem(remote::HostKeyFailure::Unknown, m_target, m_options, info)};
        return false;
    }
    // Any other StrictHostKeyChecking value (ask, accept-new, no, off) asks:
    // Labdeck never accepts a key nobody confirmed.
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
        // HashKnownHosts yes: the name is written hashed, as ssh does.
        const QByteArray line = m_target.hashKnownHosts
                                    ? hashedKnownHostsLine(name, info.type, info.base64)
                                    : name.toUtf8() + ' ' + info.type.toUtf8() + ' ' + info.base64;
        f.write(line + '\n');
        return true;
    }
    }
    return false;
}

// Returns SSH_AUTH_SUCCESS, SSH_AUTH_DENIED (try the next key) or
// SSH_AUTH_ERROR (give up: `failure` is set).

} // namespace labdeck::ssh
