#include "kube/kubeconfig.h"

#include "common/locatederror.h"
#include "kube/credentials.h"
#include "kube/kubeconfigparser.h"
#include "kube/logging_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <algorithm>

namespace labdeck::kube {

namespace {

constexpr qint64 kMaxReferencedFileSize = 1024 * 1024; // CA, certificate, key, token files

const QString kExecV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kExecV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");

QString shellQuote(const QString &s)
{
    if (s.isEmpty())
        return QStringLiteral("''");
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (safe.match(s).hasMatch())
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// At least one certificate, and nothing that failed to parse.
bool holdsCertificates(const QByteArray &pem)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    return !certs.isEmpty() && std::none_of(certs.cbegin(), certs.cend(),
                                            [](const QSslCertificate &c) { return c.isNull(); });
}

bool isPlaceholder(const QByteArray &data)
{
    return data == "REDACTED" || data == "DATA+OMITTED";
}

QString itemKey(const char *section, const QString &name)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(section), name);
}

class Text
{
    Q_DECLARE_TR_FUNCTIONS(KubeConfig)
public:
    static QString placeholder(const QByteArray &data)
    {
        return tr("holds the placeholder \"%1\" that \"kubectl config view\" prints instead of "
                  "the data; export the kubeconfig with \"kubectl config view --raw\"")
            .arg(QString::fromLatin1(data));
    }
};

} // namespace

QSslKey privateKeyFromPem(const QByteArray &pem)
{
    // QSslKey needs the algorithm up front; kubeadm issues RSA keys, k3s EC keys.
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

QString KubeConfigLoadResult::errorText() const
{
    return locatedErrorsText(errors);
}

QString ExecConfig::commandLine() const
{
    QStringList parts;
    for (const auto &[name, value] : env)
        parts << name + QLatin1Char('=') + shellQuote(value);
    parts << shellQuote(command);
    for (const QString &arg : args)
        parts << shellQuote(arg);
    return parts.join(QLatin1Char(' '));
}

// --- ResolvedContext -------------------------------------------------------

namespace {

void setClientIdentity(QSslConfiguration &cfg, const QByteArray &certPem, const QByteArray &keyPem)
{
    if (certPem.isEmpty() || keyPem.isEmpty())
        return;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    const QSslKey key = privateKeyFromPem(keyPem);
    if (chain.isEmpty() || key.isNull())
        return; // resolve() and CredentialProvider refuse such data before it gets here
    cfg.setLocalCertificateChain(chain);
    cfg.setPrivateKey(key);
}

} // namespace

QSslConfiguration ResolvedContext::sslConfiguration() const
{
    return sslConfiguration(Credential{});
}

QSslConfiguration ResolvedContext::sslConfiguration(const Credential &credential) const
{
    QSslConfiguration cfg = QSslConfiguration::defaultConfiguration();
    if (!cluster.certificateAuthorityPem.isEmpty()) {
        // Replaces the system CAs (and turns off their on-demand loading): a cluster
        // CA is the only trust anchor, as in kubectl.
        cfg.setCaCertificates(
            QSslCertificate::fromData(cluster.certificateAuthorityPem, QSsl::Pem));
    }
    if (!credential.clientCertificatePem.isEmpty() && !credential.clientKeyPem.isEmpty())
        setClientIdentity(cfg, credential.clientCertificatePem, credential.clientKeyPem);
    else
        setClientIdentity(cfg, user.clientCertificatePem, user.clientKeyPem);
    cfg.setPeerVerifyMode(cluster.insecureSkipTlsVerify ? QSslSocket::VerifyNone
                                                        : QSslSocket::VerifyPeer);
    return cfg;
}

QString ResolvedContext::effectiveNamespace() const
{
    return context.ns.isEmpty() ? QStringLiteral("default") : context.ns;
}

QNetworkProxy ResolvedContext::networkProxy() const
{
    if (cluster.proxyUrl.isEmpty())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    const QUrl url(cluster.proxyUrl);
    const bool socks = url.scheme() == QLatin1String("socks5");
    const int defaultPort = socks ? 1080 : (url.scheme() == QLatin1String("https") ? 443 : 80);
    return QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                         quint16(url.port(defaultPort)), url.userName(), url.password());
}

void ResolvedContext::applyTo(QNetworkRequest &request, const Credential &credential) const
{
    request.setSslConfiguration(sslConfiguration(credential));
    if (!cluster.tlsServerName.isEmpty())
        request.setPeerVerifyName(cluster.tlsServerName);
    const QByteArray authorization = credential.authorizationHeader();
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!user.impersonateUser.isEmpty())
        request.setRawHeader("Impersonate-User", user.impersonateUser.toUtf8());
    if (!user.impersonateUid.isEmpty())
        request.setRawHeader("Impersonate-Uid", user.impersonateUid.toUtf8());
    // resolve() allows at most one value per header: QNetworkRequest cannot repeat a header.
    if (!user.impersonateGroups.isEmpty())
        request.setRawHeader("Impersonate-Group", user.impersonateGroups.constFirst().toUtf8());
    for (auto it = user.impersonateExtra.cbegin(); it != user.impersonateExtra.cend(); ++it) {
        if (!it.value().isEmpty())
            request.setRawHeader("Impersonate-Extra-" + QUrl::toPercentEncoding(it.key()),
                                 it.value().constFirst().toUtf8());
    }
}

// --- Loading and merging ---------------------------------------------------

QStringList KubeConfig::defaultFiles()
{
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (env.isEmpty())
        return {QDir::homePath() + QStringLiteral("/.kube/config")};
    // Like client-go: split, drop exact duplicates, keep the order. Empty entries are
    // dropped; a KUBECONFIG of only separators names no file at all (kubectl too).
    QStringList out;
    for (const QString &entry : env.split(QDir::listSeparator())) {
        if (!entry.isEmpty() && !out.contains(entry))
            out << entry;
    }
    return out;
}

namespace {

class Loader
{
    Q_DECLARE_TR_FUNCTIONS(KubeConfig)
public:
    static QString absolute(const QString &file)
    {
        return QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    }

    // Reads and parses one file. Returns false when it does not exist (nothing recorded).
    static bool read(const QString &abs, KubeConfigLoadResult &r, QList<ParsedKubeConfig> &parsed)
    {
        const QFileInfo info(abs);
        if (!info.exists())
            return false;
        if (info.isDir()) {
            r.errors << LocatedError{abs, 0, 0, QString(),
                                     tr("is a directory; a kubeconfig is a file")};
            return true;
        }
        if (!info.isFile()) {
            r.errors << LocatedError{abs, 0, 0, QString(),
                                     tr("is not a regular file (a pipe or a device); a "
                                        "kubeconfig is a file")};
            return true;
        }
        QFile file(abs);
        if (!file.open(QIODevice::ReadOnly)) {
            r.errors << LocatedError{abs, 0, 0, QString(),
                                     tr("cannot read the kubeconfig: %1").arg(file.errorString())};
            return true;
        }
        const QByteArray data = file.readAll();
        qCDebug(lcKube) << "read" << data.size() << "bytes from" << abs;
        ParsedKubeConfig p = KubeConfigParser::parse(data, abs);
        r.errors << p.errors;
        r.warnings << p.warnings;
        parsed << std::move(p);
        return true;
    }

    static LocatedError emptyFile(const QString &abs)
    {
        return LocatedError{abs, 1, 1, QString(),
                            tr("the file is empty; a kubeconfig lists clusters, users and "
                               "contexts (copy one from your cluster, e.g. kind get kubeconfig, "
                               "/etc/rancher/k3s/k3s.yaml or /etc/kubernetes/admin.conf)")};
    }
};

} // namespace

KubeConfigLoadResult KubeConfig::load(const QStringList &files)
{
    KubeConfigLoadResult r;
    QStringList listed;
    QList<ParsedKubeConfig> parsed;
    QList<LocatedError> missing;
    for (const QString &file : files) {
        if (file.isEmpty())
            continue;
        const QString abs = Loader::absolute(file);
        if (listed.contains(abs))
            continue;
        listed << abs;
        if (!Loader::read(abs, r, parsed))
            missing << LocatedError{abs, 0, 0, QString(), tr("does not exist; skipped")};
    }
    if (parsed.isEmpty() && r.errors.isEmpty()) {
        const QString where =
            listed.isEmpty() ? QStringLiteral("KUBECONFIG") : listed.join(QDir::listSeparator());
        r.errors << LocatedError{
            where, 0, 0, QString(),
            listed.isEmpty()
                ? tr("names no file; set KUBECONFIG to the kubeconfig's path or unset it to use "
                     "~/.kube/config")
                : tr("no kubeconfig found (%n file(s) looked for, none exists); copy your "
                     "cluster's kubeconfig to ~/.kube/config, set KUBECONFIG, or pass --kubeconfig",
                     nullptr, int(listed.size()))};
        return r;
    }
    r.warnings = missing + r.warnings;
    if (!r.errors.isEmpty())
        return r;

    const bool allEmpty = std::all_of(parsed.cbegin(), parsed.cend(),
                                      [](const ParsedKubeConfig &p) { return p.empty; });
    if (allEmpty) {
        r.errors << Loader::emptyFile(parsed.constFirst().config.m_files.constFirst());
        return r;
    }

    // First file wins: for current-context, and for each named cluster, user and
    // context, taken whole from the first file that defines the name.
    KubeConfig merged;
    for (const ParsedKubeConfig &p : std::as_const(parsed)) {
        const KubeConfig &c = p.config;
        merged.m_files << c.m_files;
        if (p.empty) {
            r.warnings << LocatedError{c.m_files.constFirst(), 1, 1, QString(),
                                       tr("is empty; skipped")};
            continue;
        }
        if (merged.m_currentContext.isEmpty() && !c.m_currentContext.isEmpty()) {
            merged.m_currentContext = c.m_currentContext;
            merged.m_currentContextFile = c.m_currentContextFile;
            const QString key = QStringLiteral("current-context");
            merged.m_locations.insert(key, c.m_locations.value(key));
        }
        const auto take = [&](const char *section, const QString &name, const QString &file,
                              bool already) {
            const QString key = itemKey(section, name);
            if (already) {
                qCDebug(lcKube).noquote()
                    << key << "in" << file << "ignored: an earlier file defines it";
                return false;
            }
            merged.m_locations.insert(key, c.m_locations.value(key));
            return true;
        };
        for (const ClusterInfo &cl : c.m_clusters) {
            if (take("clusters", cl.name, cl.sourceFile, merged.cluster(cl.name) != nullptr))
                merged.m_clusters << cl;
        }
        for (const UserInfo &u : c.m_users) {
            if (take("users", u.name, u.sourceFile, merged.user(u.name) != nullptr))
                merged.m_users << u;
        }
        for (const ContextInfo &ctx : c.m_contexts) {
            if (take("contexts", ctx.name, ctx.sourceFile, merged.context(ctx.name) != nullptr))
                merged.m_contexts << ctx;
        }
    }
    r.config = std::move(merged);
    return r;
}

KubeConfigLoadResult KubeConfig::loadExplicit(const QString &file)
{
    KubeConfigLoadResult r;
    const QString abs = Loader::absolute(file);
    QList<ParsedKubeConfig> parsed;
    if (!Loader::read(abs, r, parsed)) {
        r.errors << LocatedError{abs, 0, 0, QString(),
                                 tr("no such file; check the path given with --kubeconfig")};
        return r;
    }
    if (!r.errors.isEmpty())
        return r;
    if (parsed.constFirst().empty) {
        r.errors << Loader::emptyFile(abs);
        return r;
    }
    r.config = parsed.constFirst().config;
    return r;
}

KubeConfigLoadResult KubeConfig::parse(const QByteArray &yaml, const QString &fileName)
{
    KubeConfigLoadResult r;
    const QString abs = Loader::absolute(fileName);
    ParsedKubeConfig p = KubeConfigParser::parse(yaml, abs);
    r.errors = p.errors;
    r.warnings = p.warnings;
    if (r.errors.isEmpty() && p.empty)
        r.errors << Loader::emptyFile(abs);
    if (r.errors.isEmpty())
        r.config = std::move(p.config);
    return r;
}

QStringList KubeConfig::contextNames() const
{
    QStringList names;
    for (const ContextInfo &c : m_contexts)
        names << c.name;
    return names;
}

const ClusterInfo *KubeConfig::cluster(const QString &name) const
{
    for (const ClusterInfo &c : m_clusters) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const UserInfo *KubeConfig::user(const QString &name) const
{
    for (const UserInfo &u : m_users) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

const ContextInfo *KubeConfig::context(const QString &name) const
{
    for (const ContextInfo &c : m_contexts) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

LocatedError KubeConfig::errorAt(const QString &key, const QString &file, const QString &field,
                                 const QString &message) const
{
    LocatedError e{file, 0, 0, field, message};
    const QHash<QString, Location> where = m_locations.value(key);
    // The field itself, else the nearest enclosing value that was written down.
    QString path = field;
    while (!path.isEmpty()) {
        const auto it = where.constFind(path);
        if (it != where.cend()) {
            e.line = it->line;
            e.column = it->column;
            break;
        }
        if (path == key)
            break;
        const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
        path = dot > 0 ? path.left(dot) : key;
    }
    return e;
}

// --- Resolving -------------------------------------------------------------

namespace {

bool readReferencedFile(const QString &path, QByteArray *out, QString *why)
{
    // A FIFO or a device (/dev/zero) has no size to check and would block or
    // never end: only regular files (or links to them) are read.
    if (const QFileInfo info(path); info.exists() && !info.isFile()) {
        *why = KubeConfig::tr("is not a regular file");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    if (file.size() > kMaxReferencedFileSize) {
        *why = KubeConfig::tr("the file is larger than %1 bytes, too big for a certificate, key "
                              "or token")
                   .arg(kMaxReferencedFileSize);
        return false;
    }
    *out = file.read(kMaxReferencedFileSize + 1);
    if (out->size() > kMaxReferencedFileSize) {
        *why = KubeConfig::tr("the file is larger than %1 bytes, too big for a certificate, key "
                              "or token")
                   .arg(kMaxReferencedFileSize);
        return false;
    }
    return true;
}

} // namespace

std::optional<ResolvedContext> KubeConfig::resolve(const QString &contextName, QString *error) const
{
    const auto fail = [error](const LocatedError &e) -> std::optional<ResolvedContext> {
        if (error)
            *error = e.toString();
        qCDebug(lcKube).noquote() << "resolve failed:" << e.toString();
        return std::nullopt;
    };
    const QString allFiles = m_files.join(QDir::listSeparator());
    const QString knownContexts =
        m_contexts.isEmpty() ? tr("(none)") : contextNames().join(QStringLiteral(", "));

    // Context.
    QString name = contextName;
    if (name.isEmpty()) {
        name = m_currentContext;
        if (name.isEmpty())
            return fail({allFiles, 0, 0, QStringLiteral("current-context"),
                         tr("is not set; choose a context (kubectl config use-context NAME). "
                            "Contexts: %1")
                             .arg(knownContexts)});
    }
    const ContextInfo *ctx = context(name);
    if (!ctx) {
        if (contextName.isEmpty())
            return fail(
                errorAt(QStringLiteral("current-context"), m_currentContextFile,
                        QStringLiteral("current-context"),
                        tr("no context named \"%1\"; contexts: %2").arg(name, knownContexts)));
        return fail({allFiles, 0, 0, QStringLiteral("contexts"),
                     tr("no context named \"%1\"; contexts: %2").arg(name, knownContexts)});
    }
    const QString ctxKey = itemKey("contexts", ctx->name);
    const QString ctxPath = ctxKey + QStringLiteral(".context");
    const auto ctxError = [&](const char *field, const QString &message) {
        return errorAt(ctxKey, ctx->sourceFile, ctxPath + QLatin1Char('.') + QLatin1String(field),
                       message);
    };

    // Cluster.
    if (ctx->cluster.isEmpty())
        return fail(
            ctxError("cluster", tr("is not set; name one of the clusters in the kubeconfig")));
    const ClusterInfo *cl = cluster(ctx->cluster);
    if (!cl) {
        QStringList names;
        for (const ClusterInfo &c : m_clusters)
            names << c.name;
        return fail(ctxError(
            "cluster", tr("no cluster named \"%1\"; clusters: %2")
                           .arg(ctx->cluster, names.isEmpty() ? tr("(none)")
                                                              : names.join(QStringLiteral(", ")))));
    }

    // User (none: anonymous).
    const UserInfo *us = nullptr;
    if (!ctx->user.isEmpty()) {
        us = user(ctx->user);
        if (!us) {
            QStringList names;
            for (const UserInfo &u : m_users)
                names << u.name;
            return fail(ctxError(
                "user", tr("no user named \"%1\"; users: %2")
                            .arg(ctx->user, names.isEmpty() ? tr("(none)")
                                                            : names.join(QStringLiteral(", ")))));
        }
    }

    ResolvedContext rc;
    rc.context = *ctx;
    rc.cluster = *cl;
    if (us)
        rc.user = *us;

    // Cluster checks, as kubectl makes them before connecting.
    {
        ClusterInfo &c = rc.cluster;
        const QString key = itemKey("clusters", c.name);
        const QString path = key + QStringLiteral(".cluster");
        const auto clError = [&](const char *field, const QString &message) {
            return errorAt(key, c.sourceFile, path + QLatin1Char('.') + QLatin1String(field),
                           message);
        };
        if (c.server.isEmpty())
            return fail(clError("server", tr("is required: the API server URL, e.g. "
                                             "https://192.168.1.10:6443")));
        const bool hasCa =
            !c.certificateAuthorityPem.isEmpty() || !c.certificateAuthorityFile.isEmpty();
        if (c.insecureSkipTlsVerify && hasCa)
            return fail(
                clError("insecure-skip-tls-verify",
                        tr("cannot be combined with a certificate authority (kubectl refuses "
                           "this too); remove one of them")));
        const char *caField = "certificate-authority-data";
        if (c.certificateAuthorityPem.isEmpty() && !c.certificateAuthorityFile.isEmpty()) {
            caField = "certificate-authority";
            QString why;
            if (!readReferencedFile(c.certificateAuthorityFile, &c.certificateAuthorityPem, &why))
                return fail(clError(
                    caField, tr("cannot read \"%1\": %2").arg(c.certificateAuthorityFile, why)));
        }
        if (isPlaceholder(c.certificateAuthorityPem))
            return fail(clError(caField, Text::placeholder(c.certificateAuthorityPem)));
        if (!c.certificateAuthorityPem.isEmpty() && !holdsCertificates(c.certificateAuthorityPem))
            return fail(
                clError(caField, tr("holds no PEM certificate (-----BEGIN CERTIFICATE-----); "
                                    "the cluster's CA certificate is needed here")));
    }

    if (!us)
        return rc;

    // User checks.
    UserInfo &u = rc.user;
    const QString key = itemKey("users", u.name);
    const QString path = key + QStringLiteral(".user");
    const auto usError = [&](const QString &field, const QString &message) {
        return errorAt(key, u.sourceFile, path + QLatin1Char('.') + field, message);
    };
    const auto f = [](const char *s) { return QString::fromLatin1(s); };

    if (!u.authProvider.isEmpty())
        return fail(
            usError(f("auth-provider"),
                    tr("auth-provider \"%1\" is not supported by Labdeck (kubectl dropped its "
                       "built-in providers too); use an exec plugin, e.g. kubelogin for OIDC")
                        .arg(u.authProvider)));
    const bool hasToken = !u.token.isEmpty() || !u.tokenFile.isEmpty();
    const bool hasBasic = !u.username.isEmpty() || !u.password.isEmpty();
    const QString tokenField = u.token.isEmpty() ? f("tokenFile") : f("token");
    if (hasToken && hasBasic)
        return fail(
            usError(tokenField, tr("more than one authentication method: a token and "
                                   "username/password; keep one (kubectl refuses this too)")));
    if (u.exec && hasToken)
        return fail(usError(tokenField,
                            tr("both a token and an exec plugin are set; kubectl would send the "
                               "token and never run the plugin. Remove one of them")));
    if (u.exec && hasBasic)
        return fail(usError(f("username"),
                            tr("both username/password and an exec plugin are set; remove one")));
    if (u.username.isEmpty() != u.password.isEmpty())
        return fail(usError(u.username.isEmpty() ? f("password") : f("username"),
                            tr("basic authentication needs both username and password")));

    // Client certificate and key: both or neither; files read now.
    const bool hasCert = !u.clientCertificatePem.isEmpty() || !u.clientCertificateFile.isEmpty();
    const bool hasKey = !u.clientKeyPem.isEmpty() || !u.clientKeyFile.isEmpty();
    const QString certField = u.clientCertificatePem.isEmpty() && !u.clientCertificateFile.isEmpty()
                                  ? f("client-certificate")
                                  : f("client-certificate-data");
    const QString keyField = u.clientKeyPem.isEmpty() && !u.clientKeyFile.isEmpty()
                                 ? f("client-key")
                                 : f("client-key-data");
    if (hasCert != hasKey)
        return fail(usError(hasCert ? certField : keyField,
                            hasCert ? tr("a client certificate needs its key (client-key-data or "
                                         "client-key)")
                                    : tr("a client key needs its certificate "
                                         "(client-certificate-data or client-certificate)")));
    if (hasCert) {
        QString why;
        if (u.clientCertificatePem.isEmpty() &&
            !readReferencedFile(u.clientCertificateFile, &u.clientCertificatePem, &why))
            return fail(
                usError(certField, tr("cannot read \"%1\": %2").arg(u.clientCertificateFile, why)));
        if (u.clientKeyPem.isEmpty() && !readReferencedFile(u.clientKeyFile, &u.clientKeyPem, &why))
            return fail(usError(keyField, tr("cannot read \"%1\": %2").arg(u.clientKeyFile, why)));
        if (isPlaceholder(u.clientCertificatePem))
            return fail(usError(certField, Text::placeholder(u.clientCertificatePem)));
        if (isPlaceholder(u.clientKeyPem))
            return fail(usError(keyField, Text::placeholder(u.clientKeyPem)));
        if (!holdsCertificates(u.clientCertificatePem))
            return fail(
                usError(certField, tr("holds no PEM certificate (-----BEGIN CERTIFICATE-----)")));
        if (privateKeyFromPem(u.clientKeyPem).isNull())
            return fail(
                usError(keyField, tr("is not a PEM private key Labdeck can use (an RSA or EC "
                                     "key without a passphrase)")));
    }

    if (!u.tokenFile.isEmpty() && u.token.isEmpty() && !QFileInfo(u.tokenFile).isReadable())
        return fail(usError(f("tokenFile"),
                            tr("cannot read \"%1\"; create it or fix the path").arg(u.tokenFile)));

    if (u.impersonateGroups.size() > 1)
        return fail(usError(f("as-groups"), tr("Labdeck can impersonate only one group; "
                                               "keep one entry")));
    for (auto it = u.impersonateExtra.cbegin(); it != u.impersonateExtra.cend(); ++it) {
        if (it.value().size() > 1)
            return fail(usError(f("as-user-extra.") + it.key(),
                                tr("Labdeck can send only one value per key; keep one")));
    }

    if (u.exec) {
        ExecConfig &e = *u.exec;
        const auto exError = [&](const char *field, const QString &message) {
            return usError(f("exec.") + QLatin1String(field), message);
        };
        if (e.apiVersion.isEmpty())
            return fail(exError("apiVersion", tr("is required: client.authentication.k8s.io/v1 or "
                                                 "client.authentication.k8s.io/v1beta1")));
        if (e.apiVersion != kExecV1 && e.apiVersion != kExecV1beta1) {
            QString message = tr("exec plugin apiVersion \"%1\" is not supported; kubectl and "
                                 "Labdeck accept only client.authentication.k8s.io/v1 and "
                                 "client.authentication.k8s.io/v1beta1")
                                  .arg(e.apiVersion);
            if (e.apiVersion == QLatin1String("client.authentication.k8s.io/v1alpha1"))
                message +=
                    tr(". v1alpha1 was removed in Kubernetes 1.24: regenerate this entry with "
                       "a current version of the tool that wrote it (for EKS: aws eks "
                       "update-kubeconfig) or change it to v1beta1");
            return fail(exError("apiVersion", message));
        }
        if (e.command.isEmpty())
            return fail(
                exError("command", tr("is required: the program that prints the credential")));
        for (qsizetype i = 0; i < e.env.size(); ++i) {
            if (e.env.at(i).first.isEmpty())
                return fail(usError(QStringLiteral("exec.env[%1].name").arg(i),
                                    tr("is required for every env entry")));
        }
        static const QStringList modes{QStringLiteral("Never"), QStringLiteral("IfAvailable"),
                                       QStringLiteral("Always")};
        if (e.interactiveMode.isEmpty()) {
            if (e.apiVersion == kExecV1)
                return fail(exError("interactiveMode",
                                    tr("is required for client.authentication.k8s.io/v1: Never, "
                                       "IfAvailable or Always")));
            e.interactiveMode = QStringLiteral("IfAvailable"); // the v1beta1 default
        } else if (!modes.contains(e.interactiveMode)) {
            return fail(exError(
                "interactiveMode",
                tr("\"%1\" is not one of Never, IfAvailable, Always").arg(e.interactiveMode)));
        }
    }
    return rc;
}

} // namespace labdeck::kube
