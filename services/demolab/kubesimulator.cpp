#include "demolab/kubesimulator.h"

#include "demolab/apiserver_p.h"
#include "demolab/cluster_p.h"
#include "demolab/httpserver_p.h"
#include "demolab/jsonpath_p.h"
#include "demolab/logging_p.h"
#include "demolab/objects_p.h"
#include "demolab/podlogs_p.h"
#include "demolab/seed_p.h"
#include "demolab/store_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslConfiguration>

namespace labdeck::demolab {

using namespace detail;

namespace {

QString yamlQuoted(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

KubeSimulator::KubeSimulator(const labdeck::Inventory &lab, QObject *parent)
    : QObject(parent)
    , m_store(new Store(this))
    , m_cluster(new Cluster(m_store, this))
    , m_logs(new PodLogs(m_store, this))
    , m_api(new ApiServer(m_store, m_cluster, m_logs, this))
{
    QByteArray secret(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / 4);
    m_token = QStringLiteral("labdeck-demo.") + QString::fromLatin1(secret.toHex());
    m_api->setBearerToken(m_token);
    connect(m_api, &ApiServer::requestServed, this, &KubeSimulator::requestServed);
    connect(m_store, &Store::historyAppended, this, &KubeSimulator::updateResourceVersion);
    seedLab(*m_store, *m_cluster, lab);
    m_cluster->setHeartbeatInterval(std::chrono::seconds(40));
    updateResourceVersion();
}

KubeSimulator::~KubeSimulator()
{
    // Connections (and their streams) go before the store they read from.
    qDeleteAll(findChildren<HttpListener *>(Qt::FindDirectChildrenOnly));
    delete m_api;
    delete m_logs;
    delete m_cluster;
    delete m_store;
}

void KubeSimulator::updateResourceVersion()
{
    m_resourceVersion.store(m_store->resourceVersion(), std::memory_order_relaxed);
}

qint64 KubeSimulator::resourceVersion() const
{
    return m_resourceVersion.load(std::memory_order_relaxed);
}

QString KubeSimulator::bearerToken() const
{
    return m_token;
}

QUrl KubeSimulator::url() const
{
    QMutexLocker lock(&m_mutex);
    return m_url;
}

bool KubeSimulator::startListening(HttpListener *listener, const QHostAddress &address,
                                   quint16 port, bool tls)
{
    connect(listener, &HttpListener::connectionReady, this, [this](HttpConnection *connection) {
        connect(connection, &HttpConnection::requestReceived, m_api, &ApiServer::serve);
    });
    connect(listener, &HttpListener::handshakeFailed, this,
            [](const QString &reason) { qCDebug(lcDemoLab) << "TLS handshake failed:" << reason; });
    if (!listener->listen(address, port)) {
        qCWarning(lcDemoLab).noquote()
            << "cannot listen on" << address.toString() << port << listener->errorString();
        delete listener;
        return false;
    }
    QString host;
    if (address == QHostAddress::LocalHost || address == QHostAddress::Any ||
        address == QHostAddress::AnyIPv4)
        host = QStringLiteral("127.0.0.1");
    else if (address == QHostAddress::LocalHostIPv6 || address == QHostAddress::AnyIPv6)
        host = QStringLiteral("[::1]");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
    else
        host = address.toString();
    const QString hostPort = host + QLatin1Char(':') + QString::number(listener->serverPort());
    QMutexLocker lock(&m_mutex);
    // An HTTPS listener wins the url(): kubeconfigs then carry the CA.
    if (tls || m_url.isEmpty() || m_url.scheme() != QLatin1String("https")) {
        m_url = QUrl(QStringLiteral("%1://%2").arg(
            tls ? QStringLiteral("https") : QStringLiteral("http"), hostPort));
        m_api->setServerAddress(hostPort);
    }
    qCDebug(lcDemoLab).noquote() << "demo lab Kubernetes API listening on" << m_url.toString();
    return true;
}

bool KubeSimulator::listen(const QHostAddress &address, quint16 port)
{
    return startListening(new HttpListener(this), address, port, false);
}

bool KubeSimulator::listenTls(const Tls &tls, const QHostAddress &address, quint16 port)
{
    if (tls.certificate.isNull() || tls.key.isNull()) {
        qCWarning(lcDemoLab) << "listenTls needs a certificate and its private key";
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(tls.certificate);
    config.setPrivateKey(tls.key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    // Offer only HTTP/1.1, so Go clients never try HTTP/2.
    config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    if (tls.requireClientCertificate) {
        config.setCaCertificates(tls.caCertificates);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    } else {
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    auto *listener = new HttpListener(this);
    listener->setTls(config);
    {
        QMutexLocker lock(&m_mutex);
        m_caPem.clear();
        const QList<QSslCertificate> cas = tls.caCertificates.isEmpty()
                                               ? QList<QSslCertificate>{tls.certificate}
                                               : tls.caCertificates;
        for (const QSslCertificate &ca : cas)
            m_caPem += ca.toPem();
        m_clientCertPem =
            tls.clientCertificate.isNull() ? QByteArray() : tls.clientCertificate.toPem();
        m_clientKeyPem = tls.clientKey.isNull() ? QByteArray() : tls.clientKey.toPem();
    }
    return startListening(listener, address, port, true);
}

bool KubeSimulator::writeKubeconfig(const QString &path, QString *error) const
{
    QUrl server;
    QByteArray ca;
    QByteArray clientCert;
    QByteArray clientKey;
    {
        QMutexLocker lock(&m_mutex);
        server = m_url;
        ca = m_caPem;
        clientCert = m_clientCertPem;
        clientKey = m_clientKeyPem;
    }
    if (server.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate(
                "labdeck::demolab::KubeSimulator",
                "The demo lab is not listening yet, so there is no address to write.");
        return false;
    }
    const QString name = QStringLiteral("labdeck-demo");
    QString yaml;
    yaml += QStringLiteral(
        "# Written by Labdeck for its demo lab; the token changes with every run.\n");
    yaml += QStringLiteral(
                "apiVersion: v1\nkind: Config\nclusters:\n- name: %1\n  cluster:\n    server: %2\n")
                .arg(name, yamlQuoted(server.toString()));
    if (server.scheme() == QLatin1String("https"))
        yaml += QStringLiteral("    certificate-authority-data: %1\n")
                    .arg(QString::fromLatin1(ca.toBase64()));
    yaml +=
        QStringLiteral(
            "contexts:\n- name: %1\n  context:\n    cluster: %1\n    user: %1\n    namespace: "
            "default\n"
            "current-context: %1\npreferences: {}\nusers:\n- name: %1\n  user:\n    token: %2\n")
            .arg(name, yamlQuoted(m_token));
    if (!clientCert.isEmpty() && !clientKey.isEmpty())
        yaml += QStringLiteral("    client-certificate-data: %1\n    client-key-data: %2\n")
                    .arg(QString::fromLatin1(clientCert.toBase64()),
                         QString::fromLatin1(clientKey.toBase64()));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("labdeck::demolab::KubeSimulator",
                                                 "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    // It holds a credential: owner only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(yaml.toUtf8());
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("labdeck::demolab::KubeSimulator",
                                                 "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

void KubeSimulator::setReadyDelay(std::chrono::milliseconds delay)
{
    m_cluster->setReadyDelay(delay);
}

void KubeSimulator::injectFailures(int count, int httpStatus, int retryAfterSeconds,
                                   const QString &pathPrefix)
{
    m_api->injectFailures(count, httpStatus, retryAfterSeconds, pathPrefix);
}

void KubeSimulator::compactHistory()
{
    m_api->dropSnapshots();
    m_store->compact();
}

void KubeSimulator::setBookmarkInterval(std::chrono::milliseconds interval)
{
    m_api->setBookmarkInterval(interval);
}

bool KubeSimulator::setKubeletStopped(const QString &node, bool stopped)
{
    return m_cluster->setKubeletStopped(node, stopped);
}

bool KubeSimulator::setNodePressure(const QString &node, const QString &conditionType, bool on)
{
    return m_cluster->setNodePressure(node, conditionType, on);
}

bool KubeSimulator::setOomKilled(const QString &ns, const QString &workload, bool on)
{
    return m_cluster->setOomKilled(ns, workload, on);
}

bool KubeSimulator::setBadImage(const QString &ns, const QString &deployment, bool on)
{
    return m_cluster->setBadImage(ns, deployment, on);
}

void KubeSimulator::setProgressDeadline(std::chrono::milliseconds deadline)
{
    m_cluster->setProgressDeadline(deadline);
}

void KubeSimulator::setForbidden(const QString &resourcePlural, bool denied)
{
    m_api->setForbidden(resourcePlural, denied);
}

void KubeSimulator::setApiGroupAbsent(const QString &group, bool absent)
{
    m_api->setApiGroupAbsent(group, absent);
}

void KubeSimulator::setMaxPageSize(int items)
{
    m_api->setMaxPageSize(items);
}

void KubeSimulator::setNodeHeartbeatInterval(std::chrono::milliseconds interval)
{
    m_cluster->setHeartbeatInterval(interval);
}

void KubeSimulator::undoAllFailures()
{
    m_cluster->undoFailures();
    m_api->undoFailures();
}

QString KubeSimulator::demoUserName()
{
    return ApiServer::userName();
}

void KubeSimulator::addBulkPods(int count)
{
    const QString ns = QStringLiteral("bulk");
    if (!m_store->find(Namespaces, ns)) {
        QJsonObject object{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}};
        applyDefaults(Namespaces, object);
        m_store->create(Namespaces, object);
    }
    const QStringList nodes = m_store->objects(Nodes).keys();
    if (nodes.isEmpty())
        return;
    const QJsonObject pod{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("name"), QStringLiteral("worker")},
                  {QStringLiteral("image"), QStringLiteral("registry.example.com/bulk-worker:1.0")},
                  {QStringLiteral("resources"),
                   QJsonObject{
                       {QStringLiteral("requests"),
                        QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1m")},
                                    {QStringLiteral("memory"), QStringLiteral("8Mi")}}}}}}}}}}};
    QStringList names;
    QList<QJsonObject> labels;
    names.reserve(count);
    labels.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int n = ++m_bulkCounter;
        names << QStringLiteral("bulk-%1").arg(n, 5, 10, QLatin1Char('0'));
        labels << QJsonObject{{QStringLiteral("app"), QStringLiteral("bulk")},
                              {QStringLiteral("labdeck.io/shard"), QString::number(n % 10)}};
    }
    m_cluster->setRecordEvents(false);
    m_cluster->createRunningPods(pod, names, labels, nodes);
    m_cluster->setRecordEvents(true);
}

void KubeSimulator::modifyPods(int count)
{
    const ObjectMap &pods = m_store->objects(Pods);
    QStringList keys;
    const QString prefix = QStringLiteral("bulk/");
    for (auto it = pods.lowerBound(prefix); it != pods.cend() && it.key().startsWith(prefix); ++it)
        keys << it.key();
    if (keys.isEmpty())
        keys = pods.keys();
    if (keys.isEmpty())
        return;
    const QString now = nowTimestamp();
    for (int i = 0; i < count; ++i) {
        const QString &key = keys.at(m_modifyCursor++ % keys.size());
        QJsonObject pod = m_store->get(Pods, key);
        if (pod.isEmpty())
            continue;
        QJsonObject annotations = jobj(pod, {"metadata", "annotations"});
        annotations.insert(QStringLiteral("labdeck.io/tick"), QString::number(++m_modifyCounter));
        jset(pod, {"metadata", "annotations"}, annotations);
        QJsonArray conditions = jarr(pod, {"status", "conditions"});
        for (qsizetype c = 0; c < conditions.size(); ++c) {
            QJsonObject condition = conditions.at(c).toObject();
            if (condition.value(QLatin1String("type")).toString() == QLatin1String("Ready")) {
                condition.insert(QStringLiteral("lastProbeTime"), now);
                conditions.replace(c, condition);
            }
        }
        jset(pod, {"status", "conditions"}, conditions);
        m_store->update(Pods, pod);
    }
}

} // namespace labdeck::demolab
