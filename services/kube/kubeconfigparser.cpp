#include "kube/kubeconfigparser.h"

#include "common/yamlreader.h"
#include "kube/logging_p.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <algorithm>
#include <initializer_list>
#include <yaml-cpp/yaml.h>

namespace labdeck::kube {

std::optional<QByteArray> decodeBase64Strict(const QByteArray &in, qsizetype *badOffset)
{
    // Mirrors Go's decodeQuantum (encoding/base64, StdEncoding, padding required,
    // non-strict about trailing bits), so the offsets match kubectl's messages.
    const auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    const auto isNewline = [](char c) { return c == '\n' || c == '\r'; };
    const auto fail = [badOffset](qsizetype at) -> std::optional<QByteArray> {
        if (badOffset)
            *badOffset = at;
        return std::nullopt;
    };

    QByteArray out;
    out.reserve(in.size() / 4 * 3);
    const qsizetype n = in.size();
    qsizetype si = 0;
    for (;;) {
        int quantum[4] = {0, 0, 0, 0};
        int j = 0;
        bool end = false;
        for (; j < 4; ++j) {
            if (si == n) {
                if (j == 0)
                    return out;
                return fail(si - j); // missing padding
            }
            const char c = in.at(si++);
            const int v = value(c);
            if (v >= 0) {
                quantum[j] = v;
                continue;
            }
            if (isNewline(c)) {
                --j;
                continue;
            }
            if (c != '=')
                return fail(si - 1);
            // Padding: only after 2 or 3 symbols, and it ends the input.
            if (j < 2)
                return fail(si - 1);
            if (j == 2) {
                while (si < n && isNewline(in.at(si)))
                    ++si;
                if (si == n)
                    return fail(n);
                if (in.at(si) != '=')
                    return fail(si - 1);
                ++si;
            }
            while (si < n && isNewline(in.at(si)))
                ++si;
            if (si < n)
                return fail(si); // trailing garbage
            end = true;
            break;
        }
        const quint32 bits = (quint32(quantum[0]) << 18) | (quint32(quantum[1]) << 12) |
                             (quint32(quantum[2]) << 6) | quint32(quantum[3]);
        const int bytes = end ? j - 1 : 3;
        for (int b = 0; b < bytes; ++b)
            out.append(char((bits >> (16 - 8 * b)) & 0xff));
        if (end)
            return out;
    }
}

namespace {

// How a YAML value would arrive in kubectl after its YAML 1.1 -> JSON step.
enum class ValueKind { Missing, Null, Bool, Number, Text, Map, List };

const QString kExecExtensionName = QStringLiteral("client.authentication.k8s.io/exec");

ValueKind kindOf(const YAML::Node &node, bool *boolValue = nullptr)
{
    if (!node.IsDefined())
        return ValueKind::Missing;
    if (node.IsNull())
        return ValueKind::Null;
    if (node.IsMap())
        return ValueKind::Map;
    if (node.IsSequence())
        return ValueKind::List;

    const std::string &tag = node.Tag();
    const QString s = QString::fromStdString(node.Scalar());
    static const QRegularExpression boolTrue(
        QStringLiteral("^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$"));
    static const QRegularExpression boolFalse(
        QStringLiteral("^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$"));
    static const QRegularExpression number(QStringLiteral(
        "^[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+"
        ")?"
        "|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\\.(?:inf|Inf|INF))$|^\\.(?:nan|NaN|NAN)$"));

    if (tag == "tag:yaml.org,2002:bool" ||
        (tag == "?" && (boolTrue.match(s).hasMatch() || boolFalse.match(s).hasMatch()))) {
        if (boolValue)
            *boolValue = boolTrue.match(s).hasMatch();
        return ValueKind::Bool;
    }
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        (tag == "?" && number.match(s).hasMatch()))
        return ValueKind::Number;
    // "!" (quoted), "?" (plain text), !!str, or a tag kubectl would not know either.
    return ValueKind::Text;
}

QJsonValue toJson(const YAML::Node &node)
{
    bool b = false;
    switch (kindOf(node, &b)) {
    case ValueKind::Missing:
    case ValueKind::Null:
        return QJsonValue(QJsonValue::Null);
    case ValueKind::Bool:
        return QJsonValue(b);
    case ValueKind::Number: {
        bool ok = false;
        const double d = QLocale::c().toDouble(
            QString::fromStdString(node.Scalar()).remove(QLatin1Char('_')), &ok);
        return ok ? QJsonValue(d) : QJsonValue(QString::fromStdString(node.Scalar()));
    }
    case ValueKind::Text:
        return QJsonValue(QString::fromStdString(node.Scalar()));
    case ValueKind::Map: {
        QJsonObject o;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            o.insert(QString::fromStdString(key.Scalar()), toJson(value));
        }
        return o;
    }
    case ValueKind::List: {
        QJsonArray a;
        for (std::size_t i = 0; i < node.size(); ++i)
            a.append(toJson(node[i]));
        return a;
    }
    }
    return {};
}

// Walks one file's YAML the way client-go decodes it: unknown keys are
// ignored (logged at debug), a repeated key keeps its last value, wrong types
// and bad base64 are errors with their position and field path.
class Impl
{
    Q_DECLARE_TR_FUNCTIONS(KubeConfigParser)
public:
    explicit Impl(QString file)
        : m_file(std::move(file))
        , m_dir(QFileInfo(m_file).absolutePath())
        , m_reader(m_file)
    {}

    void run(const QByteArray &yaml);
    void walk(const YAML::Node &root);

    QString currentContext;
    QList<ClusterInfo> clusters;
    QList<UserInfo> users;
    QList<ContextInfo> contexts;
    QHash<QString, QHash<QString, KubeConfig::Location>> locations;
    QList<LocatedError> errors;
    QList<LocatedError> warnings;
    bool empty = false;

private:
    using Keys = std::initializer_list<const char *>;

    static QString join(const QString &path, const char *key)
    {
        return path.isEmpty() ? QString::fromLatin1(key)
                              : path + QLatin1Char('.') + QLatin1String(key);
    }
    LocatedError at(const YAML::Node &node, const QString &field, const QString &message) const
    {
        return m_reader.at(node, field, message);
    }
    void error(const YAML::Node &node, const QString &field, const QString &message)
    {
        errors << at(node, field, message);
    }
    void warning(const YAML::Node &node, const QString &field, const QString &message)
    {
        warnings << at(node, field, message);
    }
    void record(const QString &field, const YAML::Node &node)
    {
        if (m_item.isEmpty() || !node.IsDefined() || YamlReader::markOf(node).is_null())
            return;
        locations[m_item].insert(field, {node.Mark().line + 1, node.Mark().column + 1});
    }

    static QString describe(ValueKind kind);
    static YAML::Node child(const YAML::Node &map, const char *key);
    void checkKeys(const YAML::Node &map, const QString &path, Keys known);
    // A value that must be a mapping when given; null and missing are "not given".
    bool mapping(const YAML::Node &node, const QString &path);
    bool list(const YAML::Node &node, const QString &path);

    QString text(const YAML::Node &map, const char *key, const QString &path);
    bool boolean(const YAML::Node &map, const char *key, const QString &path);
    QByteArray data(const YAML::Node &map, const char *key, const QString &path);
    QStringList texts(const YAML::Node &node, const QString &field);
    QString localPath(const YAML::Node &map, const char *key, const QString &path);
    QString makeAbsolute(const QString &path) const;
    QJsonValue extension(const YAML::Node &map, const QString &path, const QString &name);

    template<typename ParseItem>
    void parseNamedList(const YAML::Node &node, const char *section, const char *inner,
                        ParseItem parseItem);
    void parseCluster(const YAML::Node &node, const QString &path, const QString &name);
    void parseUser(const YAML::Node &node, const QString &path, const QString &name);
    void parseExec(const YAML::Node &node, const QString &path, UserInfo &user);
    void parseContext(const YAML::Node &node, const QString &path, const QString &name);

    QString m_file;
    QString m_dir;
    YamlReader m_reader;
    QString m_item; // "clusters[name]" while that item is read; where record() files positions
};

QString Impl::describe(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Map:
        return tr("a mapping");
    case ValueKind::List:
        return tr("a list");
    case ValueKind::Number:
        return tr("a number (put it in quotes to make it text)");
    case ValueKind::Bool:
        return tr("a true/false value (put it in quotes to make it text)");
    case ValueKind::Text:
        return tr("text");
    case ValueKind::Missing:
    case ValueKind::Null:
        break;
    }
    return tr("nothing");
}

YAML::Node Impl::child(const YAML::Node &map, const char *key)
{
    // The last of repeated keys wins, as in kubectl (YAML 1.1 decoding, non-strict).
    YAML::Node found(YAML::NodeType::Undefined);
    if (!map.IsDefined() || !map.IsMap())
        return found;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node k = it->first;
        if (k.IsScalar() && k.Scalar() == key)
            found = it->second;
    }
    return found;
}

void Impl::checkKeys(const YAML::Node &map, const QString &path, Keys known)
{
    QHash<QString, int> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key = it->first; // a copy: yaml-cpp's iterator value is a temporary
        if (!key.IsScalar()) {
            error(key, path, tr("keys must be plain words, found %1").arg(describe(kindOf(key))));
            continue;
        }
        const QString name = QString::fromStdString(key.Scalar());
        const bool isKnown = std::any_of(known.begin(), known.end(),
                                         [&](const char *k) { return name == QLatin1String(k); });
        if (!isKnown) {
            // kubectl ignores fields it does not know (newer kubeconfigs, other tools' keys).
            qCDebug(lcKube).noquote() << m_file << "line" << key.Mark().line + 1
                                      << "ignoring unknown key" << join(path, key.Scalar().c_str());
        } else if (seen.contains(name)) {
            qCDebug(lcKube).noquote() << m_file << "line" << key.Mark().line + 1 << "key"
                                      << join(path, key.Scalar().c_str())
                                      << "given again; the last one wins, as in kubectl";
        }
        seen.insert(name, key.Mark().line + 1);
    }
}

bool Impl::mapping(const YAML::Node &node, const QString &path)
{
    const ValueKind kind = kindOf(node);
    if (kind == ValueKind::Missing || kind == ValueKind::Null)
        return false;
    if (kind != ValueKind::Map) {
        error(node, path, tr("expected a mapping (key: value), found %1").arg(describe(kind)));
        return false;
    }
    return true;
}

bool Impl::list(const YAML::Node &node, const QString &path)
{
    const ValueKind kind = kindOf(node);
    if (kind == ValueKind::Missing || kind == ValueKind::Null)
        return false;
    if (kind != ValueKind::List) {
        error(node, path, tr("expected a list, found %1").arg(describe(kind)));
        return false;
    }
    return true;
}

QString Impl::text(const YAML::Node &map, const char *key, const QString &path)
{
    const YAML::Node node = child(map, key);
    const QString field = join(path, key);
    const ValueKind kind = kindOf(node);
    if (kind == ValueKind::Missing || kind == ValueKind::Null)
        return {};
    // The value itself is never repeated in a message: it may be a token.
    if (kind != ValueKind::Text) {
        error(node, field, tr("expected text, found %1").arg(describe(kind)));
        return {};
    }
    record(field, node);
    return QString::fromStdString(node.Scalar());
}

bool Impl::boolean(const YAML::Node &map, const char *key, const QString &path)
{
    const YAML::Node node = child(map, key);
    const QString field = join(path, key);
    bool value = false;
    const ValueKind kind = kindOf(node, &value);
    if (kind == ValueKind::Missing || kind == ValueKind::Null)
        return false;
    if (kind == ValueKind::Bool) {
        record(field, node);
        return value;
    }
    if (kind == ValueKind::Text) {
        error(node, field,
              tr("expected true or false, found text (write true or false without quotes)"));
        return false;
    }
    error(node, field, tr("expected true or false, found %1").arg(describe(kind)));
    return false;
}

QByteArray Impl::data(const YAML::Node &map, const char *key, const QString &path)
{
    const QString s = text(map, key, path);
    if (s.isEmpty())
        return {};
    // What "kubectl config view" prints instead of the data. Kept as is, so that
    // resolve() can say what happened instead of "not a PEM certificate".
    if (s == QLatin1String("REDACTED") || s == QLatin1String("DATA+OMITTED"))
        return s.toLatin1();
    qsizetype bad = 0;
    const std::optional<QByteArray> decoded = decodeBase64Strict(s.toUtf8(), &bad);
    if (!decoded) {
        error(child(map, key), join(path, key),
              tr("is not valid base64 (illegal base64 data at input byte %1); *-data fields hold "
                 "base64 of the PEM file, e.g. the output of: base64 -w0 ca.crt")
                  .arg(bad));
        return {};
    }
    return *decoded;
}

QStringList Impl::texts(const YAML::Node &node, const QString &field)
{
    if (!list(node, field))
        return {};
    record(field, node);
    QStringList out;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node el = node[i];
        const ValueKind kind = kindOf(el);
        if (kind == ValueKind::Null) {
            out << QString();
            continue;
        }
        if (kind != ValueKind::Text) {
            error(el, QStringLiteral("%1[%2]").arg(field).arg(i),
                  tr("expected text, found %1").arg(describe(kind)));
            continue;
        }
        out << QString::fromStdString(el.Scalar());
    }
    return out;
}

QString Impl::makeAbsolute(const QString &path) const
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path.isEmpty() ? path : QDir::cleanPath(path);
    // Relative to the directory of the kubeconfig that names it (client-go ResolvePaths).
    return QDir::cleanPath(QDir(m_dir).filePath(path));
}

QString Impl::localPath(const YAML::Node &map, const char *key, const QString &path)
{
    return makeAbsolute(text(map, key, path));
}

QJsonValue Impl::extension(const YAML::Node &map, const QString &path, const QString &name)
{
    const YAML::Node node = child(map, "extensions");
    const QString field = join(path, "extensions");
    if (!list(node, field))
        return {};
    QJsonValue found;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node el = node[i];
        const QString ep = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!mapping(el, ep))
            continue;
        checkKeys(el, ep, {"name", "extension"});
        if (text(el, "name", ep) == name)
            found = toJson(child(el, "extension"));
    }
    return found;
}

template<typename ParseItem>
void Impl::parseNamedList(const YAML::Node &node, const char *section, const char *inner,
                          ParseItem parseItem)
{
    const QString sectionName = QString::fromLatin1(section);
    if (!list(node, sectionName))
        return;
    QHash<QString, int> seen;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const QString indexPath = QStringLiteral("%1[%2]").arg(sectionName).arg(i);
        if (!mapping(item, indexPath)) {
            if (kindOf(item) == ValueKind::Null)
                warning(item, indexPath, tr("is empty; ignored"));
            continue;
        }
        checkKeys(item, indexPath, {"name", inner});
        const QString name = text(item, "name", indexPath);
        if (name.isEmpty()) {
            if (kindOf(child(item, "name")) != ValueKind::Number &&
                kindOf(child(item, "name")) != ValueKind::Bool)
                warning(item, join(indexPath, "name"),
                        tr("is missing, so nothing can refer to this entry; ignored"));
            continue;
        }
        const QString path = QStringLiteral("%1[%2]").arg(sectionName, name);
        if (seen.contains(name)) {
            // client-go's conversion refuses this, so kubectl rejects the file.
            error(child(item, "name"), join(path, "name"),
                  tr("duplicate name \"%1\" in %2 (first on line %3)")
                      .arg(name, sectionName)
                      .arg(seen.value(name)));
            continue;
        }
        seen.insert(name, item.Mark().line + 1);
        m_item = path;
        record(path, item);
        record(join(path, "name"), child(item, "name"));
        parseItem(child(item, inner), join(path, inner), name);
        m_item.clear();
    }
}

void Impl::parseCluster(const YAML::Node &n, const QString &path, const QString &name)
{
    ClusterInfo c;
    c.name = name;
    c.sourceFile = m_file;
    if (mapping(n, path)) {
        record(path, n);
        checkKeys(n, path,
                  {"server", "certificate-authority", "certificate-authority-data",
                   "insecure-skip-tls-verify", "tls-server-name", "proxy-url",
                   "disable-compression", "extensions"});
        const QString server = text(n, "server", path);
        if (!server.isEmpty()) {
            // kubectl accepts "host:port" and picks the scheme itself; Labdeck assumes TLS.
            const QString withScheme = server.contains(QLatin1String("://"))
                                           ? server
                                           : QStringLiteral("https://") + server;
            const QUrl url(withScheme, QUrl::StrictMode);
            const QString scheme = url.scheme();
            if (!url.isValid() || url.host().isEmpty() ||
                (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
                error(child(n, "server"), join(path, "server"),
                      tr("\"%1\" is not an API server URL like https://192.168.1.10:6443")
                          .arg(server));
            } else {
                c.server = url;
            }
        }
        c.certificateAuthorityFile = localPath(n, "certificate-authority", path);
        c.certificateAuthorityPem = data(n, "certificate-authority-data", path);
        if (!c.certificateAuthorityPem.isEmpty())
            c.certificateAuthorityFile.clear(); // the -data form wins
        c.insecureSkipTlsVerify = boolean(n, "insecure-skip-tls-verify", path);
        c.tlsServerName = text(n, "tls-server-name", path);
        c.proxyUrl = text(n, "proxy-url", path);
        if (!c.proxyUrl.isEmpty()) {
            const QUrl proxy(c.proxyUrl, QUrl::StrictMode);
            const QString scheme = proxy.scheme();
            if (!proxy.isValid() || proxy.host().isEmpty() ||
                (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
                 scheme != QLatin1String("socks5"))) {
                error(child(n, "proxy-url"), join(path, "proxy-url"),
                      tr("is not a proxy URL; kubectl accepts http://, https:// and socks5:// "
                         "URLs with a host"));
                c.proxyUrl.clear();
            } else if (scheme == QLatin1String("https")) {
                // Qt speaks plain HTTP to an HTTP proxy: the proxy's password
                // and the CONNECT line would cross the network unencrypted.
                error(
                    child(n, "proxy-url"), join(path, "proxy-url"),
                    tr("https:// proxies are not supported: Labdeck would talk to the proxy "
                       "in plain HTTP. Use socks5:// or an http:// proxy on a network you trust"));
                c.proxyUrl.clear();
            }
        }
        c.disableCompression = boolean(n, "disable-compression", path);
        c.execExtension = extension(n, path, kExecExtensionName);
    }
    clusters << c;
}

void Impl::parseExec(const YAML::Node &n, const QString &path, UserInfo &user)
{
    if (!mapping(n, path))
        return;
    record(path, n);
    checkKeys(n, path,
              {"apiVersion", "command", "args", "env", "installHint", "provideClusterInfo",
               "interactiveMode"});
    ExecConfig e;
    e.sourceFile = m_file;
    e.apiVersion = text(n, "apiVersion", path);
    e.command = text(n, "command", path);
    if (e.command.contains(QLatin1Char('/')))
        e.command = makeAbsolute(e.command); // only path-like commands, as client-go does
    e.args = texts(child(n, "args"), join(path, "args"));
    const YAML::Node env = child(n, "env");
    const QString envPath = join(path, "env");
    if (list(env, envPath)) {
        record(envPath, env);
        for (std::size_t i = 0; i < env.size(); ++i) {
            const QString ep = QStringLiteral("%1[%2]").arg(envPath).arg(i);
            const YAML::Node el = env[i];
            if (!mapping(el, ep))
                continue;
            checkKeys(el, ep, {"name", "value"});
            const QString name = text(el, "name", ep);
            const QString value = text(el, "value", ep);
            record(ep, el);
            e.env.append({name, value});
        }
    }
    e.installHint = text(n, "installHint", path);
    e.provideClusterInfo = boolean(n, "provideClusterInfo", path);
    e.interactiveMode = text(n, "interactiveMode", path);
    user.exec = e;
}

void Impl::parseUser(const YAML::Node &n, const QString &path, const QString &name)
{
    UserInfo u;
    u.name = name;
    u.sourceFile = m_file;
    if (mapping(n, path)) {
        record(path, n);
        checkKeys(n, path,
                  {"client-certificate", "client-certificate-data", "client-key", "client-key-data",
                   "token", "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username",
                   "password", "auth-provider", "exec", "extensions"});
        u.clientCertificateFile = localPath(n, "client-certificate", path);
        u.clientCertificatePem = data(n, "client-certificate-data", path);
        if (!u.clientCertificatePem.isEmpty())
            u.clientCertificateFile.clear();
        u.clientKeyFile = localPath(n, "client-key", path);
        u.clientKeyPem = data(n, "client-key-data", path);
        if (!u.clientKeyPem.isEmpty())
            u.clientKeyFile.clear();
        u.token = text(n, "token", path);
        u.tokenFile = localPath(n, "tokenFile", path);
        u.username = text(n, "username", path);
        u.password = text(n, "password", path);
        u.impersonateUser = text(n, "as", path);
        u.impersonateUid = text(n, "as-uid", path);
        u.impersonateGroups = texts(child(n, "as-groups"), join(path, "as-groups"));
        const YAML::Node extra = child(n, "as-user-extra");
        const QString extraPath = join(path, "as-user-extra");
        if (mapping(extra, extraPath)) {
            record(extraPath, extra);
            for (auto it = extra.begin(); it != extra.end(); ++it) {
                const YAML::Node keyNode = it->first;
                const YAML::Node values = it->second;
                const QString key = QString::fromStdString(keyNode.Scalar());
                u.impersonateExtra.insert(key, texts(values, extraPath + QLatin1Char('.') + key));
            }
        }
        const YAML::Node provider = child(n, "auth-provider");
        const QString providerPath = join(path, "auth-provider");
        if (mapping(provider, providerPath)) {
            record(providerPath, provider);
            checkKeys(provider, providerPath, {"name", "config"});
            u.authProvider = text(provider, "name", providerPath);
            if (u.authProvider.isEmpty())
                u.authProvider = QStringLiteral("?");
        }
        parseExec(child(n, "exec"), join(path, "exec"), u);
    }
    users << u;
}

void Impl::parseContext(const YAML::Node &n, const QString &path, const QString &name)
{
    ContextInfo c;
    c.name = name;
    c.sourceFile = m_file;
    if (mapping(n, path)) {
        record(path, n);
        checkKeys(n, path, {"cluster", "user", "namespace", "extensions"});
        c.cluster = text(n, "cluster", path);
        c.user = text(n, "user", path);
        c.ns = text(n, "namespace", path);
    }
    contexts << c;
}

void Impl::run(const QByteArray &yaml)
{
    if (!m_reader.load(yaml)) {
        errors << *m_reader.error();
        return;
    }
    if (const auto failure = m_reader.guard([&] { walk(m_reader.root()); }))
        errors << *failure;
    sortByPosition(errors);
    sortByPosition(warnings);
}

void Impl::walk(const YAML::Node &root)
{
    const ValueKind rootKind = kindOf(root);
    if (rootKind == ValueKind::Missing || rootKind == ValueKind::Null) {
        empty = true;
        return;
    }
    if (rootKind != ValueKind::Map) {
        error(root, QString(),
              tr("expected a kubeconfig (a mapping with clusters, users and contexts), found %1")
                  .arg(describe(rootKind)));
        return;
    }
    checkKeys(root, QString(),
              {"apiVersion", "kind", "preferences", "clusters", "contexts", "users",
               "current-context", "extensions"});
    const QString apiVersion = text(root, "apiVersion", QString());
    if (!apiVersion.isEmpty() && apiVersion != QLatin1String("v1"))
        error(
            child(root, "apiVersion"), QStringLiteral("apiVersion"),
            tr("\"%1\" is not a kubeconfig version; kubectl reads apiVersion v1").arg(apiVersion));
    const QString kind = text(root, "kind", QString());
    if (!kind.isEmpty() && kind != QLatin1String("Config"))
        error(child(root, "kind"), QStringLiteral("kind"),
              tr("\"%1\" is not a kubeconfig; a kubeconfig has kind: Config").arg(kind));
    mapping(child(root, "preferences"), QStringLiteral("preferences"));
    list(child(root, "extensions"), QStringLiteral("extensions"));

    parseNamedList(child(root, "clusters"), "clusters", "cluster",
                   [this](const YAML::Node &n, const QString &p, const QString &name) {
                       parseCluster(n, p, name);
                   });
    parseNamedList(child(root, "users"), "users", "user",
                   [this](const YAML::Node &n, const QString &p, const QString &name) {
                       parseUser(n, p, name);
                   });
    parseNamedList(child(root, "contexts"), "contexts", "context",
                   [this](const YAML::Node &n, const QString &p, const QString &name) {
                       parseContext(n, p, name);
                   });
    m_item = QStringLiteral("current-context");
    currentContext = text(root, "current-context", QString());
    m_item.clear();
}

} // namespace

ParsedKubeConfig KubeConfigParser::parse(const QByteArray &yaml, const QString &absoluteFile)
{
    Impl impl(absoluteFile);
    impl.run(yaml);
    ParsedKubeConfig out;
    out.errors = impl.errors;
    out.warnings = impl.warnings;
    out.empty = impl.empty;
    KubeConfig &c = out.config;
    c.m_files = QStringList{absoluteFile};
    c.m_currentContext = impl.currentContext;
    c.m_currentContextFile = impl.currentContext.isEmpty() ? QString() : absoluteFile;
    c.m_clusters = impl.clusters;
    c.m_users = impl.users;
    c.m_contexts = impl.contexts;
    c.m_locations = impl.locations;
    return out;
}

} // namespace labdeck::kube
