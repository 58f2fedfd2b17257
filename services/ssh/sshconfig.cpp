#include "ssh/sshconfig.h"

#include <QDir>
#include <QFile>

namespace labdeck::ssh {

QString SshTarget::knownHostsName() const
{
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

SshConfig SshConfig::load(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parse(f.readAll());
}

SshConfig SshConfig::parse(const QByteArray &text)
{
    SshConfig config;
    // Lines before the first Host apply to every host.
    config.m_blocks.append(Block{{QStringLiteral("*")}, {}});
    bool skipping = false; // inside a Match block
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QStringList words = splitLine(raw.trimmed());
        if (words.isEmpty())
            continue;
        const QString keyword = words.first().toLower();
        if (keyword == QLatin1String("host")) {
            skipping = false;
            config.m_blocks.append(Block{words.mid(1), {}});
            continue;
        }
        if (keyword == QLatin1String("match")) {
            skipping = true;
            continue;
        }
        if (skipping || words.size() < 2)
            continue;
        config.m_blocks.last().entries.append({keyword, words.at(1)});
    }
    return config;
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
    Settings s;
    for (const Block &block : m_blocks) {
        bool matched = false;
        bool negated = false;
        for (const QString &p : block.patterns) {
            if (p.startsWith(QLatin1Char('!'))) {
                if (matchPattern(alias, p.mid(1)))
                    negated = true;
            } else if (matchPattern(alias, p)) {
                matched = true;
            }
        }
        if (!matched || negated)
            continue;
        for (const auto &[key, value] : block.entries) {
            if (key == QLatin1String("hostname") && s.hostName.isEmpty())
                s.hostName = value;
            else if (key == QLatin1String("user") && s.user.isEmpty())
                s.user = value;
            else if (key == QLatin1String("port") && s.port == 0)
                s.port = value.toInt();
            else if (key == QLatin1String("identityfile") && !s.identityFiles.contains(value))
                s.identityFiles << value;
        }
    }
    return s;
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
    if (t.identityFiles.isEmpty()) {
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"})
            t.identityFiles << QDir(homeDir).filePath(QStringLiteral(".ssh/") +
                                                      QLatin1String(name));
    }
    return t;
}

} // namespace labdeck::ssh
