#pragma once

// kubeconfig files, read and merged the way kubectl (client-go's clientcmd)
// does, and resolved into what a client needs to reach one context: the
// server URL, the TLS settings and the user's credentials (static, or an
// exec plugin that CredentialProvider runs).
//
// Threads: all of this is plain data plus pure functions; any thread may
// load, and a KubeConfig may be copied between threads. load() and resolve()
// read small local files (kubeconfigs, CA and client certificate files)
// synchronously; they never touch the network and never run a program.

#include "common/locatederror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QNetworkProxy>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

class QNetworkRequest;
class QSslKey;

namespace labdeck::kube {

struct Credential;

// Problems in a kubeconfig are LocatedErrors: file is the kubeconfig's
// absolute path, field is like "users[admin].user.client-certificate-data".

// users[].user.exec: a credential plugin (aws eks get-token, kubelogin, ...).
struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or /v1beta1 (others fail in resolve())
    QString command;    // as written; made absolute when it contains a '/' (kubectl does the same)
    QStringList args;
    QList<QPair<QString, QString>> env; // added to Labdeck's own environment, in this order
    QString installHint;
    bool provideClusterInfo = false;
    // Never | IfAvailable | Always. Required for v1; resolve() fills in
    // IfAvailable for v1beta1 when it is not given.
    QString interactiveMode;
    QString sourceFile; // the kubeconfig that defines the user

    // What the user approves and sees, e.g. "AWS_PROFILE=prod aws --region eu-west-1 eks
    // get-token --cluster-name 'my cluster'": env assignments first (they change what
    // runs), then the command and its arguments, quoted the way a POSIX shell would
    // need them. Labdeck itself never runs this through a shell.
    [[nodiscard]] QString commandLine() const;
};

struct ClusterInfo
{
    QString name;
    QUrl server; // always has a scheme; "host:6443" in the file is read as https://host:6443
    // certificate-authority-data (decoded), or the contents of certificate-authority
    // once resolve() has read it.
    QByteArray certificateAuthorityPem;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString proxyUrl; // http, https or socks5 URL; empty: none configured
    QString sourceFile;

    // Added beyond the shared contract:
    QString certificateAuthorityFile; // absolute path; empty when none or when -data is given
    bool disableCompression = false;
    // extensions[name=client.authentication.k8s.io/exec].extension, handed to exec
    // plugins as spec.cluster.config when provideClusterInfo is set.
    QJsonValue execExtension;
};

struct UserInfo
{
    QString name;
    // client-certificate-data / client-key-data (decoded), or the contents of
    // client-certificate / client-key once resolve() has read them.
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString token;
    QString tokenFile; // absolute path; re-read by CredentialProvider after invalidate()
    QString username;  // basic auth (rarely enabled on API servers since 1.19)
    QString password;
    std::optional<ExecConfig> exec;
    QString sourceFile;

    // Added beyond the shared contract:
    QString clientCertificateFile; // absolute paths; empty when none or when -data is given
    QString clientKeyFile;
    QString authProvider;    // auth-provider.name; resolve() refuses it (legacy, not supported)
    QString impersonateUser; // as, as-uid, as-groups, as-user-extra
    QString impersonateUid;
    QStringList impersonateGroups;
    QMap<QString, QStringList> impersonateExtra;
};

struct ContextInfo
{
    QString name;
    QString cluster;
    QString user; // empty: anonymous (no credentials)
    QString ns;   // empty: "default", as kubectl does
    QString sourceFile;
};

// Everything needed to talk to one context. Built by KubeConfig::resolve(),
// which has already read the referenced files and checked that the
// certificates and keys parse.
struct ResolvedContext
{
    ContextInfo context;
    ClusterInfo cluster;
    UserInfo user;

    // TLS for QNetworkRequest. When the cluster gives a CA, only that CA is trusted
    // (as kubectl does); otherwise the system CAs are. The user's static client
    // certificate and key are set when present. VerifyPeer, except VerifyNone when
    // (and only when) insecure-skip-tls-verify is true. tls-server-name cannot live
    // in a QSslConfiguration: use peerVerifyName() or applyTo().
    [[nodiscard]] QSslConfiguration sslConfiguration() const;
    // The same, but with the client certificate and key an exec plugin returned
    // (they win over the static ones; a token-only credential keeps the static pair).
    [[nodiscard]] QSslConfiguration sslConfiguration(const Credential &credential) const;
    // tls-server-name, for QNetworkRequest::setPeerVerifyName(); empty: the URL host.
    [[nodiscard]] QString peerVerifyName() const { return cluster.tlsServerName; }
    // The namespace to use: the context's, else "default".
    [[nodiscard]] QString effectiveNamespace() const;
    // proxy-url as a QNetworkProxy; DefaultProxy when the kubeconfig sets none.
    [[nodiscard]] QNetworkProxy networkProxy() const;
    // Sets the TLS configuration, the peer verify name, the Authorization header
    // (Bearer token or Basic) and the Impersonate-* headers on a request.
    // Qt 6.4 caveat (tested in tst_kubeconfig_tls): a QNetworkAccessManager reuses the
    // TLS setup of its first request to a host:port + peer verify name, client
    // certificate included. Use one manager per context, and call
    // clearConnectionCache() when a credential brings a different client certificate.
    void applyTo(QNetworkRequest &request, const Credential &credential) const;
};

// A PEM private key as QSslKey: RSA (PKCS#1 or PKCS#8) or EC (k3s issues EC keys).
// Null when it parses as neither.
[[nodiscard]] QSslKey privateKeyFromPem(const QByteArray &pem);

struct KubeConfigLoadResult;

class KubeConfig
{
    Q_DECLARE_TR_FUNCTIONS(labdeck::kube::KubeConfig)
public:
    // $KUBECONFIG split on ':' (empty entries skipped, duplicates removed, order kept),
    // or ~/.kube/config when KUBECONFIG is unset or has no entries.
    [[nodiscard]] static QStringList defaultFiles();
    // Reads and merges files with kubectl's rules: the first file to set a value or
    // a named cluster/user/context wins, whole. Missing files are skipped (a warning
    // each; an error when none exists). A file that cannot be parsed, or has a wrong
    // type anywhere, fails the whole load, as in kubectl. Relative paths inside a
    // file are made absolute against that file's directory.
    [[nodiscard]] static KubeConfigLoadResult load(const QStringList &files);
    // --kubeconfig: that file only, no merging; it must exist and must not be empty.
    [[nodiscard]] static KubeConfigLoadResult loadExplicit(const QString &file);
    // Parses text as if it were the file fileName (used for relative paths and messages).
    [[nodiscard]] static KubeConfigLoadResult parse(const QByteArray &yaml,
                                                    const QString &fileName);

    [[nodiscard]] QStringList contextNames() const;
    [[nodiscard]] QString currentContext() const { return m_currentContext; }
    [[nodiscard]] const QList<ClusterInfo> &clusters() const { return m_clusters; }
    [[nodiscard]] const QList<UserInfo> &users() const { return m_users; }
    [[nodiscard]] const QList<ContextInfo> &contexts() const { return m_contexts; }
    // The files that were read, in merge order (absolute paths).
    [[nodiscard]] const QStringList &files() const { return m_files; }

    [[nodiscard]] const ClusterInfo *cluster(const QString &name) const;
    [[nodiscard]] const UserInfo *user(const QString &name) const;
    [[nodiscard]] const ContextInfo *context(const QString &name) const;

    // Resolves a context (empty: current-context): finds its cluster and user, reads
    // the CA/certificate/key/token files they name, and checks what kubectl checks
    // before it connects (auth method conflicts, exec apiVersion and interactiveMode,
    // certificates and keys that parse). On failure returns nullopt and sets *error
    // (may be null) to one line naming the kubeconfig file, position and field, e.g.
    // "/home/me/.kube/config:9:14: contexts[kind-kind].context.cluster: no cluster named "x"".
    [[nodiscard]] std::optional<ResolvedContext> resolve(const QString &contextName,
                                                         QString *error) const;

    // Where a value came from, for messages. itemKey: "clusters[name]", "users[name]",
    // "contexts[name]" or "current-context"; field: the full field path.
    struct Location
    {
        int line = 0;
        int column = 0;
    };

private:
    friend class KubeConfigParser;

    [[nodiscard]] LocatedError errorAt(const QString &itemKey, const QString &file,
                                       const QString &field, const QString &message) const;

    QStringList m_files;
    QString m_currentContext;
    QString m_currentContextFile;
    QList<ClusterInfo> m_clusters;
    QList<UserInfo> m_users;
    QList<ContextInfo> m_contexts;
    // itemKey -> (field path -> position), for the definition that won the merge.
    QHash<QString, QHash<QString, Location>> m_locations;
};

struct KubeConfigLoadResult
{
    std::optional<KubeConfig> config; // the merged config; set only when errors is empty
    QList<LocatedError> errors;
    // Things kubectl would accept silently but a user may want to know: a listed
    // file that does not exist, an empty file, an entry without a name.
    QList<LocatedError> warnings;

    [[nodiscard]] bool ok() const { return config.has_value() && errors.isEmpty(); }
    // All errors, one per line.
    [[nodiscard]] QString errorText() const;
};

} // namespace labdeck::kube
