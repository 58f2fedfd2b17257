#pragma once

// The demo lab's Kubernetes API simulator on its own QThread, as the app runs
// it (a test's requests are answered while the test thread waits), over
// plain HTTP or HTTPS with a throwaway test CA (testpki), and a kubeconfig
// pointing at it.

#include "demolab/kubesimulator.h"
#include "support/testpki.h"

#include <QSslConfiguration>
#include <QThread>
#include <type_traits>

namespace labdeck::test {

class SimHarness
{
public:
    explicit SimHarness(const Inventory &lab);
    ~SimHarness();
    SimHarness(const SimHarness &) = delete;
    SimHarness &operator=(const SimHarness &) = delete;

    // Thread-safe accessors (url(), bearerToken(), writeKubeconfig()) may be
    // called directly; everything else goes through onSim().
    [[nodiscard]] demolab::KubeSimulator *sim() const { return m_sim; }

    // Runs work on the simulator's thread and returns its result.
    template<typename F> auto onSim(F work)
    {
        using R = decltype(work());
        if constexpr (std::is_void_v<R>) {
            QMetaObject::invokeMethod(m_sim, work, Qt::BlockingQueuedConnection);
        } else {
            R result{};
            QMetaObject::invokeMethod(m_sim, work, Qt::BlockingQueuedConnection, &result);
            return result;
        }
    }

    // Plain HTTP on 127.0.0.1.
    bool listen();
    // Makes a PKI in pkiDir with openssl (see hasOpenssl()) and listens with
    // TLS; false with the reason in error.
    bool listenTls(const QString &pkiDir, QString *error, bool requireClientCertificate = false);
    // The PKI listenTls() made.
    [[nodiscard]] const Pki &pki() const { return m_pki; }
    // The default configuration trusting the test CA.
    [[nodiscard]] QSslConfiguration trustingCa() const;
    // Writes a kubeconfig at path pointing at the simulator (with the CA
    // when listening with TLS).
    bool writeKubeconfig(const QString &path, QString *error = nullptr) const;

    // Quits the thread (the simulator is deleted on it); also done by the
    // destructor. False if the thread did not finish within timeoutMs.
    bool stop(int timeoutMs = 5000);

    [[nodiscard]] static bool hasOpenssl();
    // The real kubectl to run against the simulator: on PATH, else
    // /usr/bin/kubectl; empty when neither is there.
    [[nodiscard]] static QString findKubectl();

private:
    QThread m_thread;
    demolab::KubeSimulator *m_sim = nullptr;
    Pki m_pki;
};

} // namespace labdeck::test
