#include "support/simharness.h"

#include <QFile>
#include <QStandardPaths>

namespace labdeck::test {

SimHarness::SimHarness(const Inventory &lab)
    : m_sim(new demolab::KubeSimulator(lab))
{
    m_sim->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_sim, &QObject::deleteLater);
    m_thread.start();
}

SimHarness::~SimHarness()
{
    stop();
}

bool SimHarness::stop(int timeoutMs)
{
    if (!m_thread.isRunning())
        return true;
    m_thread.quit();
    return m_thread.wait(timeoutMs);
}

bool SimHarness::listen()
{
    return onSim([this] { return m_sim->listen(); });
}

bool SimHarness::listenTls(const QString &pkiDir, QString *error, bool requireClientCertificate)
{
    if (!makePki(pkiDir, &m_pki, error))
        return false;
    demolab::KubeSimulator::Tls tls;
    tls.certificate = m_pki.server;
    tls.key = m_pki.serverKey;
    tls.caCertificates = {m_pki.ca};
    tls.requireClientCertificate = requireClientCertificate;
    if (onSim([&] { return m_sim->listenTls(tls); }))
        return true;
    if (error)
        *error = QStringLiteral("the simulator cannot listen with TLS");
    return false;
}

QSslConfiguration SimHarness::trustingCa() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_pki.ca});
    return ssl;
}

bool SimHarness::writeKubeconfig(const QString &path, QString *error) const
{
    return m_sim->writeKubeconfig(path, error);
}

bool SimHarness::hasOpenssl()
{
    return !QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty();
}

QString SimHarness::findKubectl()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (!onPath.isEmpty())
        return onPath;
    return QFile::exists(QStringLiteral("/usr/bin/kubectl")) ? QStringLiteral("/usr/bin/kubectl")
                                                             : QString();
}

} // namespace labdeck::test
