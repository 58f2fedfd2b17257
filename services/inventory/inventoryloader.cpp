#include "inventory/inventoryloader.h"

#include "common/yamlreader.h"
#include "inventory/logging_p.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <initializer_list>
#include <yaml-cpp/yaml.h>

namespace labdeck {

QString InventoryLoadResult::errorText() const
{
    return locatedErrorsText(errors);
}

namespace {

constexpr int kNodePortMin = 30000;
constexpr int kNodePortMax = 32767;

// Walks the YAML tree, records errors with their position and field path,
// and fills an Inventory. Cross references are checked as soon as the
// section they point to has been read, so every error keeps its position.
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::InventoryParser)
public:
    explicit Parser(QString file)
        : m_file(file)
        , m_reader(std::move(file))
    {}

    InventoryLoadResult run(const QByteArray &yaml);
    void parseDocument(const YAML::Node &root);

private:
    using Keys = std::initializer_list<const char *>;

    void error(const YAML::Mark &mark, const QString &field, const QString &message);
    // A node that is not in the file (a missing key) has no mark of its own,
    // and asking yaml-cpp for one throws: such errors point at the document.
    void error(const YAML::Node &node, const QString &field, const QString &message)
    {
        error(node.IsDefined() ? YamlReader::markOf(node) : m_rootMark, field, message);
    }

    static QString describe(const YAML::Node &node);
    static QString join(const QString &path, const char *key)
    {
        return path.isEmpty() ? QString::fromLatin1(key)
                              : path + QLatin1Char('.') + QLatin1String(key);
    }
    static QString item(const QString &path, qsizetype i)
    {
        return QStringLiteral("%1[%2]").arg(path).arg(i);
    }

    // Checks that node is a mapping whose keys are all in allowed, each once.
    bool checkMap(const YAML::Node &node, const QString &path, Keys allowed);
    // Checks that node is a sequence; a missing node is fine unless required.
    bool checkSeq(const YAML::Node &node, const QString &path, bool required);
    static YAML::Node child(const YAML::Node &map, const char *key)
    {
        return YamlReader::child(map, key);
    }
    static bool present(const YAML::Node &node) { return node.IsDefined() && !node.IsNull(); }

    QString str(const YAML::Node &map, const char *key, const QString &path, bool required);
    int integer(const YAML::Node &map, const char *key, const QString &path, int fallback);
    double number(const YAML::Node &map, const char *key, const QString &path);
    bool boolean(const YAML::Node &map, const char *key, const QString &path);
    QUrl url(const YAML::Node &map, const char *key, const QString &path, bool httpsOnly);
    QStringList stringList(const YAML::Node &map, const char *key, const QString &path);
    QString dnsLabel(const YAML::Node &map, const char *key, const QString &path);
    // A reference to a host; reports unknown hosts and returns the name anyway.
    QString hostRef(const YAML::Node &map, const char *key, const QString &path, bool required);
    QString absolutePath(const YAML::Node &map, const char *key, const QString &path);

    void parseSites(const YAML::Node &node);
    void parseHosts(const YAML::Node &node);
    Host parseHost(const YAML::Node &node, const QString &path);
    void parseNamespaces(const YAML::Node &node);
    void parseNfs(const YAML::Node &node);
    void parseWorkloads(const YAML::Node &node);
    void parseCompose(const YAML::Node &node);
    void checkVolume(const YAML::Node &map, const QString &path, const QString &volume);
    void checkNodePort(const YAML::Node &map, const QString &path, int port, const QString &owner);

    QString m_file;
    YamlReader m_reader;
    YAML::Mark m_rootMark = YAML::Mark::null_mark();
    QList<LocatedError> m_errors;
    Inventory m_inv;
    QHash<QString, int> m_hostLines;
    QHash<int, QString> m_nodePortOwners;
};

void Parser::error(const YAML::Mark &mark, const QString &field, const QString &message)
{
    m_errors << m_reader.at(mark, field, message);
}

QString Parser::describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return tr("a mapping");
    case YAML::NodeType::Sequence:
        return tr("a list");
    case YAML::NodeType::Scalar:
        return tr("\"%1\"").arg(QString::fromStdString(node.Scalar()));
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return tr("nothing");
}

bool Parser::checkMap(const YAML::Node &node, const QString &path, Keys allowed)
{
    if (!node.IsMap()) {
        error(node, path, tr("expected a mapping (key: value), found %1").arg(describe(node)));
        return false;
    }
    QHash<QString, int> seen;
    QStringList allowedList;
    for (const char *k : allowed)
        allowedList << QString::fromLatin1(k);
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            error(key, path, tr("keys must be plain words, found %1").arg(describe(key)));
            continue;
        }
        const QString name = QString::fromStdString(key.Scalar());
        const QString field = path.isEmpty() ? name : path + QLatin1Char('.') + name;
        if (!allowedList.contains(name)) {
            error(key, field,
                  tr("unknown key \"%1\"; expected one of: %2")
                      .arg(name, allowedList.join(QStringLiteral(", "))));
            continue;
        }
        if (seen.contains(name)) {
            error(key, field,
                  tr("duplicate key \"%1\" (first given on line %2)")
                      .arg(name)
                      .arg(seen.value(name)));
            continue;
        }
        seen.insert(name, YamlReader::lineOf(key));
    }
    return true;
}

bool Parser::checkSeq(const YAML::Node &node, const QString &path, bool required)
{
    if (!present(node)) {
        if (required)
            error(node, path, tr("is required and must be a list"));
        return false;
    }
    if (!node.IsSequence()) {
        error(node, path, tr("expected a list, found %1").arg(describe(node)));
        return false;
    }
    return true;
}

QString Parser::str(const YAML::Node &map, const char *key, const QString &path, bool required)
{
    const YAML::Node node = child(map, key);
    const QString field = join(path, key);
    if (!present(node)) {
        if (required)
            error(node.IsDefined() ? YamlReader::markOf(node) : YamlReader::markOf(map), field,
                  tr("is required"));
        return {};
    }
    if (!node.IsScalar()) {
        error(node, field, tr("expected text, found %1").arg(describe(node)));
        return {};
    }
    return QString::fromStdString(node.Scalar());
}

int Parser::integer(const YAML::Node &map, const char *key, const QString &path, int fallback)
{
    const YAML::Node node = child(map, key);
    if (!present(node))
        return fallback;
    const QString field = join(path, key);
    bool ok = false;
    const int value = node.IsScalar() ? QString::fromStdString(node.Scalar()).toInt(&ok) : 0;
    if (!ok) {
        error(node, field, tr("expected a whole number, found %1").arg(describe(node)));
        return fallback;
    }
    return value;
}

double Parser::number(const YAML::Node &map, const char *key, const QString &path)
{
    const YAML::Node node = child(map, key);
    if (!present(node))
        return 0;
    const QString field = join(path, key);
    bool ok = false;
    const double value =
        node.IsScalar() ? QLocale::c().toDouble(QString::fromStdString(node.Scalar()), &ok) : 0;
    if (!ok || value < 0) {
        error(node, field, tr("expected a number of 0 or more, found %1").arg(describe(node)));
        return 0;
    }
    return value;
}

bool Parser::boolean(const YAML::Node &map, const char *key, const QString &path)
{
    const YAML::Node node = child(map, key);
    if (!present(node))
        return false;
    if (node.IsScalar()) {
        const QString s = QString::fromStdString(node.Scalar());
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
    }
    error(node, join(path, key), tr("expected true or false, found %1").arg(describe(node)));
    return false;
}

QUrl Parser::url(const YAML::Node &map, const char *key, const QString &path, bool httpsOnly)
{
    const QString text = str(map, key, path, false);
    if (text.isEmpty())
        return {};
    const YAML::Node node = child(map, key);
    const QString field = join(path, key);
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty()) {
        error(node, field, tr("\"%1\" is not a valid URL with a host name").arg(text));
        return {};
    }
    if (httpsOnly && u.scheme() != QLatin1String("https")) {
        error(node, field,
              tr("public URL \"%1\" must use https:// (TLS ends on the ingress host)").arg(text));
        return {};
    }
    if (!httpsOnly && u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")) {
        error(node, field, tr("\"%1\" must be an http:// or https:// URL").arg(text));
        return {};
    }
    return u;
}

QStringList Parser::stringList(const YAML::Node &map, const char *key, const QString &path)
{
    const YAML::Node node = child(map, key);
    const QString field = join(path, key);
    if (!checkSeq(node, field, false))
        return {};
    QStringList out;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node &el = node[i];
        if (!el.IsScalar()) {
            error(el, item(field, qsizetype(i)), tr("expected text, found %1").arg(describe(el)));
            continue;
        }
        out << QString::fromStdString(el.Scalar());
    }
    return out;
}

QString Parser::dnsLabel(const YAML::Node &map, const char *key, const QString &path)
{
    const QString value = str(map, key, path, true);
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    if (!value.isEmpty() && !re.match(value).hasMatch()) {
        error(child(map, key), join(path, key),
              tr("\"%1\" is not a valid name: use at most 63 lower-case letters, digits and '-', "
                 "starting and ending with a letter or digit")
                  .arg(value));
    }
    return value;
}

QString Parser::hostRef(const YAML::Node &map, const char *key, const QString &path, bool required)
{
    const QString name = str(map, key, path, required);
    if (!name.isEmpty() && !m_inv.host(name)) {
        QStringList known;
        for (const Host &h : std::as_const(m_inv.hosts))
            known << h.name;
        error(child(map, key), join(path, key),
              tr("unknown host \"%1\"; hosts in this inventory: %2")
                  .arg(name, known.join(QStringLiteral(", "))));
    }
    return name;
}

QString Parser::absolutePath(const YAML::Node &map, const char *key, const QString &path)
{
    const QString value = str(map, key, path, false);
    if (!value.isEmpty() && !value.startsWith(QLatin1Char('/'))) {
        error(child(map, key), join(path, key),
              tr("\"%1\" must be an absolute path starting with /").arg(value));
        return {};
    }
    return value;
}

void Parser::checkVolume(const YAML::Node &map, const QString &path, const QString &volume)
{
    if (volume.isEmpty())
        return;
    const bool underExport =
        std::any_of(m_inv.nfs.exports.cbegin(), m_inv.nfs.exports.cend(), [&](const NfsExport &e) {
            return volume == e.path || volume.startsWith(e.path + QLatin1Char('/'));
        });
    if (!underExport) {
        QStringList paths;
        for (const NfsExport &e : std::as_const(m_inv.nfs.exports))
            paths << e.path;
        error(child(map, "volume"), join(path, "volume"),
              tr("\"%1\" is not under any NFS export (%2)")
                  .arg(volume,
                       paths.isEmpty() ? tr("none declared") : paths.join(QStringLiteral(", "))));
    }
}

void Parser::checkNodePort(const YAML::Node &map, const QString &path, int port,
                           const QString &owner)
{
    if (port == 0)
        return;
    const YAML::Node node = child(map, "nodePort");
    if (port < kNodePortMin || port > kNodePortMax) {
        error(node, join(path, "nodePort"),
              tr("NodePort %1 is outside the range Kubernetes allows (%2-%3)")
                  .arg(port)
                  .arg(kNodePortMin)
                  .arg(kNodePortMax));
        return;
    }
    if (m_nodePortOwners.contains(port)) {
        error(node, join(path, "nodePort"),
              tr("NodePort %1 is already used by %2").arg(port).arg(m_nodePortOwners.value(port)));
        return;
    }
    m_nodePortOwners.insert(port, owner);
}

void Parser::parseSites(const YAML::Node &node)
{
    const QString path = QStringLiteral("sites");
    if (!checkSeq(node, path, true))
        return;
    QSet<QString> ids;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node &n = node[i];
        const QString p = item(path, qsizetype(i));
        if (!checkMap(n, p, {"id", "label", "network"}))
            continue;
        Site s;
        s.id = dnsLabel(n, "id", p);
        s.label = str(n, "label", p, true);
        s.network = str(n, "network", p, false);
        if (ids.contains(s.id)) {
            error(child(n, "id"), join(p, "id"), tr("duplicate site id \"%1\"").arg(s.id));
            continue;
        }
        ids.insert(s.id);
        m_inv.sites << s;
    }
}

Host Parser::parseHost(const YAML::Node &n, const QString &p)
{
    Host h;
    h.name = dnsLabel(n, "name", p);
    h.displayName = str(n, "displayName", p, false);
    h.site = str(n, "site", p, true);
    if (!h.site.isEmpty() && !m_inv.site(h.site)) {
        QStringList ids;
        for (const Site &s : std::as_const(m_inv.sites))
            ids << s.id;
        error(child(n, "site"), join(p, "site"),
              tr("unknown site \"%1\"; expected one of: %2")
                  .arg(h.site, ids.join(QStringLiteral(", "))));
    }
    const QString kind = str(n, "kind", p, true);
    if (!kind.isEmpty()) {
        if (const auto k = hostKindFromId(kind)) {
            h.kind = *k;
        } else {
            error(child(n, "kind"), join(p, "kind"),
                  tr("unknown host kind \"%1\"; expected one of: k8s-control-plane, k8s-worker, "
                     "compose-host, gpu-server")
                      .arg(kind));
        }
    }
    h.role = str(n, "role", p, false);
    h.gpu = str(n, "gpu", p, false);
    h.components = stringList(n, "components", p);

    // Labels are free-form key: value text pairs, as on a Kubernetes node.
    const YAML::Node labels = child(n, "labels");
    const QString lp = join(p, "labels");
    if (present(labels) && !labels.IsMap()) {
        error(labels, lp, tr("expected a mapping (key: value), found %1").arg(describe(labels)));
    } else if (present(labels)) {
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (!it->first.IsScalar() || !(it->second.IsScalar() || it->second.IsNull())) {
                error(it->first, lp, tr("labels must be key: value text pairs"));
                continue;
            }
            h.labels.insert(QString::fromStdString(it->first.Scalar()),
                            it->second.IsNull() ? QString()
                                                : QString::fromStdString(it->second.Scalar()));
        }
    }

    const YAML::Node res = child(n, "resources");
    const QString rp = join(p, "resources");
    if (present(res) && checkMap(res, rp, {"cpus", "cpuUnit", "memoryGB", "diskGB", "arch"})) {
        h.resources.cpus = number(res, "cpus", rp);
        h.resources.cpuUnit = str(res, "cpuUnit", rp, false);
        h.resources.memoryGB = number(res, "memoryGB", rp);
        h.resources.diskGB = number(res, "diskGB", rp);
        h.resources.arch = str(res, "arch", rp, false);
    }

    const YAML::Node addr = child(n, "addresses");
    const QString ap = join(p, "addresses");
    if (present(addr) && checkMap(addr, ap, {"public", "publicAddress", "private", "tailscale"})) {
        h.addresses.hasPublicIp = boolean(addr, "public", ap);
        h.addresses.publicAddress = str(addr, "publicAddress", ap, false);
        h.addresses.privateAddress = str(addr, "private", ap, false);
        h.addresses.tailscale = str(addr, "tailscale", ap, false);
        if (!h.addresses.publicAddress.isEmpty())
            h.addresses.hasPublicIp = true;
    }

    const YAML::Node ssh = child(n, "ssh");
    const QString sp = join(p, "ssh");
    if (present(ssh) && checkMap(ssh, sp, {"host", "user", "port"})) {
        SshEndpoint e;
        e.host = str(ssh, "host", sp, true);
        e.user = str(ssh, "user", sp, false);
        e.port = integer(ssh, "port", sp, 22);
        if (e.port < 1 || e.port > 65535) {
            error(child(ssh, "port"), join(sp, "port"),
                  tr("port %1 is not between 1 and 65535").arg(e.port));
            e.port = 22;
        }
        h.ssh = e;
    }

    const YAML::Node src = child(n, "sources");
    const QString srcp = join(p, "sources");
    if (present(src) &&
        checkMap(src, srcp,
                 {"kubernetesNode", "prometheusInstance", "sshAlias", "tailscaleHost"})) {
        h.sources.kubernetesNode = str(src, "kubernetesNode", srcp, false);
        h.sources.prometheusInstance = str(src, "prometheusInstance", srcp, false);
        h.sources.sshAlias = str(src, "sshAlias", srcp, false);
        h.sources.tailscaleHost = str(src, "tailscaleHost", srcp, false);
    }
    // Sensible defaults: in most labs every source uses the host name.
    if (h.isKubernetesNode() && h.sources.kubernetesNode.isEmpty())
        h.sources.kubernetesNode = h.name;
    if (h.sources.tailscaleHost.isEmpty() && !h.addresses.tailscale.isEmpty())
        h.sources.tailscaleHost = h.addresses.tailscale;
    if (h.sources.sshAlias.isEmpty() && h.ssh)
        h.sources.sshAlias = h.ssh->host;

    const YAML::Node services = child(n, "services");
    const QString svp = join(p, "services");
    if (checkSeq(services, svp, false)) {
        for (std::size_t i = 0; i < services.size(); ++i) {
            const YAML::Node &sn = services[i];
            const QString ip = item(svp, qsizetype(i));
            if (!checkMap(sn, ip, {"name", "displayName", "description", "endpoint"}))
                continue;
            HostService s;
            s.name = dnsLabel(sn, "name", ip);
            s.displayName = str(sn, "displayName", ip, false);
            s.description = str(sn, "description", ip, false);
            s.endpoint = url(sn, "endpoint", ip, false);
            h.services << s;
        }
    }
    return h;
}

void Parser::parseHosts(const YAML::Node &node)
{
    const QString path = QStringLiteral("hosts");
    if (!checkSeq(node, path, true))
        return;
    if (node.size() == 0)
        error(node, path, tr("the lab has no hosts; list at least one"));
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node &n = node[i];
        const QString p = item(path, qsizetype(i));
        if (!checkMap(n, p,
                      {"name", "displayName", "site", "kind", "role", "labels", "resources",
                       "addresses", "ssh", "sources", "components", "gpu", "services"}))
            continue;
        Host h = parseHost(n, p);
        if (h.name.isEmpty())
            continue;
        if (m_hostLines.contains(h.name)) {
            error(child(n, "name"), join(p, "name"),
                  tr("duplicate host name \"%1\" (first defined on line %2)")
                      .arg(h.name)
                      .arg(m_hostLines.value(h.name)));
            continue;
        }
        m_hostLines.insert(h.name, YamlReader::lineOf(child(n, "name")));
        m_inv.hosts << h;
    }
}

void Parser::parseNamespaces(const YAML::Node &node)
{
    const QString path = QStringLiteral("namespaces");
    if (!checkSeq(node, path, false))
        return;
    QSet<QString> names;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node &n = node[i];
        const QString p = item(path, qsizetype(i));
        if (!checkMap(n, p, {"name", "host", "description"}))
            continue;
        Namespace ns;
        ns.name = dnsLabel(n, "name", p);
        ns.host = hostRef(n, "host", p, false);
        ns.description = str(n, "description", p, false);
        if (names.contains(ns.name)) {
            error(child(n, "name"), join(p, "name"), tr("duplicate namespace \"%1\"").arg(ns.name));
            continue;
        }
        names.insert(ns.name);
        m_inv.namespaces << ns;
    }
}

void Parser::parseNfs(const YAML::Node &node)
{
    const QString path = QStringLiteral("nfs");
    if (!present(node) || !checkMap(node, path, {"server", "exports"}))
        return;
    m_inv.nfs.server = hostRef(node, "server", path, true);
    const YAML::Node exports = child(node, "exports");
    const QString ep = join(path, "exports");
    if (!checkSeq(exports, ep, true))
        return;
    for (std::size_t i = 0; i < exports.size(); ++i) {
        const YAML::Node &n = exports[i];
        const QString p = item(ep, qsizetype(i));
        if (!checkMap(n, p, {"path", "description"}))
            continue;
        NfsExport e;
        e.path = absolutePath(n, "path", p);
        if (e.path.isEmpty() && !present(child(n, "path")))
            error(n, join(p, "path"), tr("is required"));
        e.description = str(n, "description", p, false);
        if (!e.path.isEmpty())
            m_inv.nfs.exports << e;
    }
}

void Parser::parseWorkloads(const YAML::Node &node)
{
    const QString path = QStringLiteral("workloads");
    if (!checkSeq(node, path, false))
        return;
    QHash<QString, int> seen;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node &n = node[i];
        const QString p = item(path, qsizetype(i));
        if (!checkMap(
                n, p,
                {"name", "displayName", "namespace", "kind", "host", "nodePort", "url", "volume"}))
            continue;
        Workload w;
        w.name = dnsLabel(n, "name", p);
        w.displayName = str(n, "displayName", p, false);
        w.ns = str(n, "namespace", p, true);
        const bool declared = std::any_of(m_inv.namespaces.cbegin(), m_inv.namespaces.cend(),
                                          [&](const Namespace &ns) { return ns.name == w.ns; });
        if (!w.ns.isEmpty() && !declared && w.ns != QLatin1String("kube-system")) {
            error(child(n, "namespace"), join(p, "namespace"),
                  tr("namespace \"%1\" is not declared under namespaces").arg(w.ns));
        }
        const QString kind = str(n, "kind", p, false);
        if (!kind.isEmpty()) {
            if (const auto k = workloadKindFromId(kind)) {
                w.kind = *k;
            } else {
                error(child(n, "kind"), join(p, "kind"),
                      tr("unknown workload kind \"%1\"; expected one of: Deployment, StatefulSet, "
                         "DaemonSet, StaticPod, Group")
                          .arg(kind));
            }
        }
        w.host = hostRef(n, "host", p, true);
        if (const Host *h = m_inv.host(w.host); h && !h->isKubernetesNode()) {
            error(child(n, "host"), join(p, "host"),
                  tr("host \"%1\" is not a Kubernetes node (kind %2)")
                      .arg(w.host, hostKindId(h->kind)));
        }
        w.nodePort = integer(n, "nodePort", p, 0);
        checkNodePort(n, p, w.nodePort, w.qualifiedName());
        w.url = url(n, "url", p, true);
        w.volume = absolutePath(n, "volume", p);
        checkVolume(n, p, w.volume);
        const QString key = w.qualifiedName();
        if (!w.name.isEmpty() && seen.contains(key)) {
            error(child(n, "name"), join(p, "name"),
                  tr("duplicate workload %1 (first defined on line %2)")
                      .arg(key)
                      .arg(seen.value(key)));
            continue;
        }
        seen.insert(key, YamlReader::lineOf(n));
        m_inv.workloads << w;
    }
}

void Parser::parseCompose(const YAML::Node &node)
{
    const QString path = QStringLiteral("compose");
    if (!present(node) || !checkMap(node, path, {"host", "project", "services"}))
        return;
    m_inv.compose.host = hostRef(node, "host", path, true);
    m_inv.compose.project = str(node, "project", path, false);
    const YAML::Node services = child(node, "services");
    const QString sp = join(path, "services");
    if (!checkSeq(services, sp, false))
        return;
    QSet<QString> names;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const YAML::Node &n = services[i];
        const QString p = item(sp, qsizetype(i));
        if (!checkMap(n, p, {"name", "displayName", "description", "url", "ports", "volume"}))
            continue;
        ComposeService s;
        s.name = dnsLabel(n, "name", p);
        s.displayName = str(n, "displayName", p, false);
        s.description = str(n, "description", p, false);
        s.url = url(n, "url", p, true);
        s.volume = absolutePath(n, "volume", p);
        checkVolume(n, p, s.volume);
        const YAML::Node ports = child(n, "ports");
        const QString pp = join(p, "ports");
        if (checkSeq(ports, pp, false)) {
            for (std::size_t j = 0; j < ports.size(); ++j) {
                bool ok = false;
                const int port =
                    ports[j].IsScalar() ? QString::fromStdString(ports[j].Scalar()).toInt(&ok) : 0;
                if (!ok || port < 1 || port > 65535) {
                    error(ports[j], item(pp, qsizetype(j)),
                          tr("expected a port number between 1 and 65535, found %1")
                              .arg(describe(ports[j])));
                    continue;
                }
                s.ports << port;
            }
        }
        if (names.contains(s.name)) {
            error(child(n, "name"), join(p, "name"),
                  tr("duplicate compose service \"%1\"").arg(s.name));
            continue;
        }
        names.insert(s.name);
        m_inv.compose.services << s;
    }
}

InventoryLoadResult Parser::run(const QByteArray &yaml)
{
    InventoryLoadResult result;
    if (!m_reader.load(yaml)) {
        result.errors << *m_reader.error();
        return result;
    }
    const YAML::Node &root = m_reader.root();
    if (m_reader.isEmpty()) {
        result.errors << LocatedError{
            m_file, 1, 1, QString(),
            tr("the file is empty; an inventory needs at least version, sites and "
               "hosts (see the built-in default with: labdeck inventory --print-default)")};
        return result;
    }
    m_rootMark = YamlReader::markOf(root);
    if (const auto failure = m_reader.guard([&] { parseDocument(root); }))
        m_errors << *failure;

    sortByPosition(m_errors);
    result.errors = m_errors;
    if (m_errors.isEmpty()) {
        m_inv.sourceFile = m_file;
        result.inventory = m_inv;
    }
    return result;
}

void Parser::parseDocument(const YAML::Node &root)
{
    if (checkMap(root, QString(),
                 {"version", "name", "sites", "hosts", "namespaces", "workloads", "compose", "nfs",
                  "ingress", "tailscale", "prometheus", "ollama"})) {
        const YAML::Node version = child(root, "version");
        if (!present(version)) {
            error(root, QStringLiteral("version"),
                  tr("is required (this Labdeck reads version 1)"));
        } else {
            m_inv.version = integer(root, "version", QString(), 0);
            if (m_inv.version != 1 && version.IsScalar())
                error(version, QStringLiteral("version"),
                      tr("version %1 is not supported; this Labdeck reads version 1")
                          .arg(QString::fromStdString(version.Scalar())));
        }
        m_inv.name = str(root, "name", QString(), false);

        // Dependency order: what a section refers to is read before it.
        parseSites(child(root, "sites"));
        parseHosts(child(root, "hosts"));
        parseNamespaces(child(root, "namespaces"));
        parseNfs(child(root, "nfs"));
        parseWorkloads(child(root, "workloads"));
        parseCompose(child(root, "compose"));

        const YAML::Node ingress = child(root, "ingress");
        if (present(ingress) &&
            checkMap(ingress, QStringLiteral("ingress"), {"host", "via", "certResolver"})) {
            m_inv.ingress.host = hostRef(ingress, "host", QStringLiteral("ingress"), true);
            m_inv.ingress.via = str(ingress, "via", QStringLiteral("ingress"), false);
            m_inv.ingress.certResolver =
                str(ingress, "certResolver", QStringLiteral("ingress"), false);
        }
        const YAML::Node tailscale = child(root, "tailscale");
        if (present(tailscale) && checkMap(tailscale, QStringLiteral("tailscale"), {"statusHost"}))
            m_inv.tailscaleStatusHost =
                hostRef(tailscale, "statusHost", QStringLiteral("tailscale"), false);
        const YAML::Node prometheus = child(root, "prometheus");
        if (present(prometheus) && checkMap(prometheus, QStringLiteral("prometheus"), {"url"}))
            m_inv.prometheusUrl = url(prometheus, "url", QStringLiteral("prometheus"), false);
        const YAML::Node ollama = child(root, "ollama");
        if (present(ollama) && checkMap(ollama, QStringLiteral("ollama"), {"url", "tunnel"})) {
            m_inv.ollamaUrl = url(ollama, "url", QStringLiteral("ollama"), false);
            m_inv.ollamaTunnel = hostRef(ollama, "tunnel", QStringLiteral("ollama"), false);
            const Host *via =
                m_inv.ollamaTunnel.isEmpty() ? nullptr : m_inv.host(m_inv.ollamaTunnel);
            if (via && !via->ssh && via->sources.sshAlias.isEmpty())
                error(child(ollama, "tunnel"), QStringLiteral("ollama.tunnel"),
                      tr("host \"%1\" has no SSH endpoint to carry the tunnel; give it ssh: or "
                         "sources.sshAlias")
                          .arg(m_inv.ollamaTunnel));
            if (!m_inv.ollamaTunnel.isEmpty() && m_inv.ollamaUrl.isEmpty())
                error(child(ollama, "tunnel"), QStringLiteral("ollama.tunnel"),
                      tr("needs ollama.url: the address the tunnel reaches from %1")
                          .arg(m_inv.ollamaTunnel));
        }
    }
}

} // namespace

InventoryLoadResult InventoryLoader::parse(const QByteArray &yaml, const QString &fileName)
{
    Parser parser(fileName);
    return parser.run(yaml);
}

InventoryLoadResult InventoryLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        InventoryLoadResult r;
        const QString why = QFileInfo::exists(path)
                                ? tr("cannot read the inventory: %1").arg(file.errorString())
                                : tr("no such file; create it (labdeck inventory --print-default "
                                     "writes the default lab to start from) or pass another file "
                                     "with --inventory");
        r.errors << LocatedError{path, 0, 0, QString(), why};
        return r;
    }
    const QByteArray data = file.readAll();
    qCDebug(lcInventory) << "read" << data.size() << "bytes from" << path;
    return parse(data, path);
}

QString InventoryLoader::builtInPath()
{
    return QStringLiteral(":/inventory/default-lab.yaml");
}

QByteArray InventoryLoader::builtInYaml()
{
    QFile file(builtInPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

InventoryLoadResult InventoryLoader::loadBuiltIn()
{
    InventoryLoadResult r = parse(builtInYaml(), builtInPath());
    if (r.inventory)
        r.inventory->isBuiltIn = true;
    return r;
}

} // namespace labdeck
