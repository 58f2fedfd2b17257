#include "ssh/sshconfig.h"

#include "ssh/logging_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <glob.h>

namespace labdeck::ssh {

QString SshTarget::knownHostsName() const
{
    if (!hostKeyAlias.isEmpty())
        return hostKeyAlias; // as OpenSSH: the alias alone, no port
    const QString host = hostName.toLower();
    if (port == 22 || port == 0)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

namespace {

// Splits a config line into keyword and arguments: "Key value", "Key=value",
// and double-quoted arguments.
QStringList splitLine(const QString &line)
{
    QStringList words;
    QString current;
    bool quoted = false;
    bool have = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"'))
                quoted = false;
            else
                current += c;
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
            have = true;
        } else if (c.isSpace() || (c == QLatin1Char('=') && words.isEmpty())) {
            if (have || !current.isEmpty())
                words << current;
            current.clear();
            have = false;
        } else if (c == QLatin1Char('#') && current.isEmpty() && !have) {
            break;
        } else {
            current += c;
            have = true;
        }
    }
    if (have || !current.isEmpty())
        words << current;
    return words;
}

QString expandPath(QString value, const QString &home, const QString &host, const QString &user,
                   const QString &localUser)
{
    if (value == QLatin1String("~"))
        value = home;
    else if (value.startsWith(QLatin1String("~/")))
        value = home + value.mid(1);
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == QLatin1Char('%') && i + 1 < value.size()) {
            const QChar t = value.at(++i);
            if (t == QLatin1Char('d'))
                out += home;
            else if (t == QLatin1Char('h'))
                out += host;
            else if (t == QLatin1Char('r'))
                out += user;
            else if (t == QLatin1Char('u'))
                out += localUser;
            else if (t == QLatin1Char('%'))
                out += QLatin1Char('%');
            else
                out += QLatin1Char('%') + t;
        } else {
            out += value.at(i);
        }
    }
    if (QDir::isRelativePath(out))
        out = QDir(home).filePath(QStringLiteral(".ssh/") + out);
    return QDir::cleanPath(out);
}

} // namespace

SshConfig SshConfig::load(const QString &file, const QString &homeDir)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    SshConfig config;
    config.parseInto(f.read(kMaxConfigBytes), {}, homeDir.isEmpty() ? QDir::homePath() : homeDir,
                     0);
    return config;
}

SshConfig SshConfig::parse(const QByteArray &text)
{
    SshConfig config;
    config.parseInto(text, {}, QString(), 0);
    return config;
}

namespace {

// The files an Include argument names, sorted (glob(3) order); ~ is the
// home, a relative path is relative to ~/.ssh.
QStringList includedFiles(const QString &pattern, const QString &home)
{
    QString path = pattern;
    if (path == QLatin1String("~"))
        path = home;
    else if (path.startsWith(QLatin1String("~/")))
        path = home + path.mid(1);
    if (QDir::isRelativePath(path))
        path = QDir(home).filePath(QStringLiteral(".ssh/") + path);
    QStringList files;
    glob_t g{};
    const QByteArray native = QFile::encodeName(path);
    if (::glob(native.constData(), 0, nullptr, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; ++i)
            files << QFile::decodeName(g.gl_pathv[i]);
    }
    ::globfree(&g);
    return files;
}

} // namespace

void SshConfig::parseInto(const QByteArray &text, const QList<QStringList> &outer,
                          const QString &homeDir, int depth)
{
    // Lines before the first Host apply to every host the including line
    // applies to (every host at the top).
    m_blocks.append(Block{outer, {}});
    QList<QStringList> current = outer; // the groups of the block being read
    bool skipping = false;              // inside a Match block
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QStringList words = splitLine(raw.trimmed());
        if (words.isEmpty())
            continue;
        const QString keyword = words.first().toLower();
        if (keyword == QLatin1String("host")) {
            skipping = false;
            current = outer;
            current.append(words.mid(1));
            m_blocks.append(Block{current, {}});
            continue;
        }
        if (keyword == QLatin1String("match")) {
            skipping = true;
            continue;
        }
        if (skipping || words.size() < 2)
            continue;
        if (keyword == QLatin1String("include")) {
            if (homeDir.isEmpty())
                continue; // parse(): text only
            if (depth + 1 > kMaxIncludeDepth) {
                qCWarning(lcSsh) << "ssh config: Include nested deeper than" << kMaxIncludeDepth
                                 << "files; not followed:" << words.mid(1);
                continue;
            }
            for (const QString &pattern : words.mid(1)) {
                for (const QString &file : includedFiles(pattern, homeDir)) {
                    QFile f(file);
                    if (!f.open(QIODevice::ReadOnly))
                        continue;
                    parseInto(f.read(kMaxConfigBytes), current, homeDir, depth + 1);
                }
            }
            // What follows the Include belongs to the block it stood in.
            m_blocks.append(Block{current, {}});
            continue;
        }
        m_blocks.last().entries.append(Entry{keyword, words.mid(1)});
    }
}

bool SshConfig::matchPattern(const QString &host, const QString &pattern)
{
    // * matches any run, ? one character; case-insensitive like OpenSSH.
    const QString h = host.toLower();
    const QString p = pattern.toLower();
    qsizetype hi = 0, pi = 0, star = -1, mark = 0;
    while (hi < h.size()) {
        if (pi < p.size() && (p.at(pi) == QLatin1Char('?') || p.at(pi) == h.at(hi))) {
            ++hi;
            ++pi;
        } else if (pi < p.size() && p.at(pi) == QLatin1Char('*')) {
            star = pi++;
            mark = hi;
        } else if (star >= 0) {
            pi = star + 1;
            hi = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p.at(pi) == QLatin1Char('*'))
        ++pi;
    return pi == p.size();
}

SshConfig::Settings SshConfig::lookup(const QString &alias) const
{
    const auto groupMatches = [&alias](const QStringList &patterns) {
        bool matched = false;
        for (const QString &p : patterns) {
            if (p.startsWith(QLatin1Char('!'))) {
                if (matchPattern(alias, p.mid(1)))
                    return false;
            } else if (matchPattern(alias, p)) {
                matched = true;
            }
        }
        return matched;
    };
    Settings s;
    for (const Block &block : m_blocks) {
        if (!std::all_of(block.patternGroups.begin(), block.patternGroups.end(), groupMatches))
            continue;
        for (const Entry &e : block.entries) {
            const QString &key = e.keyword;
            const QString &value = e.args.first();
            if (key == QLatin1String("hostname") && s.hostName.isEmpty())
                s.hostName = value;
            else if (key == QLatin1String("user") && s.user.isEmpty())
                s.user = value;
            else if (key == QLatin1String("port") && s.port == 0)
                s.port = value.toInt();
            else if (key == QLatin1String("identityfile") && !s.identityFiles.contains(value))
                s.identityFiles << value;
            else if (key == QLatin1String("userknownhostsfile") && s.userKnownHostsFiles.isEmpty())
                s.userKnownHostsFiles = e.args;
            else if (key == QLatin1String("globalknownhostsfile") &&
                     s.globalKnownHostsFiles.isEmpty())
                s.globalKnownHostsFiles = e.args;
            else if (key == QLatin1String("hostkeyalias") && s.hostKeyAlias.isEmpty())
                s.hostKeyAlias = value;
            else if (key == QLatin1String("stricthostkeychecking") &&
                     s.strictHostKeyChecking.isEmpty())
                s.strictHostKeyChecking = value.toLower();
            else if (key == QLatin1String("hashknownhosts") && s.hashKnownHosts.isEmpty())
                s.hashKnownHosts = value.toLower();
            else if (key == QLatin1String("proxyjump") && s.proxyJump.isEmpty() &&
                     s.proxyCommand.isEmpty())
                s.proxyJump = value; // ProxyJump and ProxyCommand: the first one wins
            else if (key == QLatin1String("proxycommand") && s.proxyCommand.isEmpty() &&
                     s.proxyJump.isEmpty())
                s.proxyCommand = e.args.join(QLatin1Char(' '));
        }
    }
    return s;
}

std::optional<SshConfig::JumpHost> SshConfig::parseJumpHost(const QString &hop)
{
    // The user: what a login name may hold; the host: a DNS name, an IPv4
    // address or [an IPv6 address]; the port: 1-65535. Nothing else, so
    // that a hop can never become an option or a command of ssh.
    static const QRegularExpression pattern(
        QStringLiteral("^(?:([A-Za-z0-9_][A-Za-z0-9._-]{0,63})@)?"
                       "(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?)"
                       "(?::([0-9]{1,5}))?$"));
    const QRegularExpressionMatch m = pattern.match(hop);
    if (!m.hasMatch())
        return std::nullopt;
    JumpHost j;
    j.user = m.captured(1);
    j.host = m.captured(2);
    if (j.host.startsWith(QLatin1Char('[')))
        j.host = j.host.mid(1, j.host.size() - 2);
    if (m.hasCaptured(3)) {
        j.port = m.captured(3).toInt();
        if (j.port < 1 || j.port > 65535)
            return std::nullopt;
    }
    return j;
}

SshTarget SshConfig::resolve(const QString &inventoryHost, const QString &alias,
                             const QString &user, int port, const QString &homeDir,
                             const QString &localUser) const
{
    const Settings s = lookup(alias);
    SshTarget t;
    t.inventoryHost = inventoryHost;
    t.alias = alias;
    t.hostName = s.hostName.isEmpty() ? alias : s.hostName;
    t.hostName.replace(QLatin1String("%h"), alias);
    t.user = !user.isEmpty() ? user : (!s.user.isEmpty() ? s.user : localUser);
    t.port = (port != 0 && port != 22) ? port : (s.port > 0 && s.port < 65536 ? s.port : 22);
    for (const QString &file : s.identityFiles) {
        if (file.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
            continue;
        t.identityFiles << expandPath(file, homeDir, t.hostName, t.user, localUser);
    }
    t.identitiesFromConfig = !t.identityFiles.isEmpty();
    // known_hosts files: "none" (alone) means no file of that kind.
    const auto knownFiles = [&](const QStringList &files) {
        QStringList out;
        for (const QString &file : files) {
            if (file.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
                continue;
            out << expandPath(file, homeDir, t.hostName, t.user, localUser);
        }
        return out;
    };
    t.userKnownHostsFromConfig = !s.userKnownHostsFiles.isEmpty();
    t.userKnownHostsFiles = knownFiles(s.userKnownHostsFiles);
    t.globalKnownHostsFromConfig = !s.globalKnownHostsFiles.isEmpty();
    t.globalKnownHostsFiles = knownFiles(s.globalKnownHostsFiles);
    t.hostKeyAlias = s.hostKeyAlias.toLower();
    // Only "yes" (or OpenSSH's synonym "true") is strict. "no", "off",
    // "accept-new" and "ask" all leave Labdeck asking: it never accepts a key
    // nobody confirmed.
    t.strictHostKeyChecking = s.strictHostKeyChecking == QLatin1String("yes") ||
                              s.strictHostKeyChecking == QLatin1String("true");
    t.hashKnownHosts =
        s.hashKnownHosts == QLatin1String("yes") || s.hashKnownHosts == QLatin1String("true");
    if (!s.proxyCommand.isEmpty() &&
        s.proxyCommand.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        t.proxyProblem =
            QCoreApplication::translate(
                "SshConfig", "~/.ssh/config gives %1 a ProxyCommand (%2), which Labdeck does not "
                             "run; use ProxyJump for a jump host, or connect without a proxy")
                .arg(alias, s.proxyCommand.left(200));
    } else if (!s.proxyJump.isEmpty() &&
               s.proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        for (const QString &hop : s.proxyJump.split(QLatin1Char(','))) {
            if (!parseJumpHost(hop)) {
                t.proxyJump.clear();
                t.proxyProblem =
                    QCoreApplication::translate(
                        "SshConfig", "the ProxyJump of %1 in ~/.ssh/config (%2) is not a list of "
                                     "[user@]host[:port]: %3 is not one")
                        .arg(alias, s.proxyJump.left(200), hop.left(100));
                break;
            }
            t.proxyJump << hop;
        }
    }
    if (t.identityFiles.isEmpty()) {
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"})
            t.identityFiles << QDir(homeDir).filePath(QStringLiteral(".ssh/") +
                                                      QLatin1String(name));
    }
    return t;
}

} // namespace labdeck::ssh
