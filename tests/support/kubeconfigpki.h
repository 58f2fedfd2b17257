#pragma once

// The PKI the kubeconfig tests use, made with the openssl command in a
// temporary directory: a CA, a server certificate for the name "kubernetes"
// (not for 127.0.0.1), an RSA client certificate with its key as PKCS#8 and
// as PKCS#1 (as kubeadm writes it), and an EC client certificate (as k3s
// writes it). Files: ca.crt, server.crt/.key, client.crt/.key,
// client-pkcs1.key, ec.crt/.key.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace labdeck::test {

struct KubeconfigPki
{
    QTemporaryDir dir;
    bool ok = false;
    QString error; // why make() failed

    [[nodiscard]] QString path(const QString &name) const { return dir.filePath(name); }
    [[nodiscard]] QByteArray pem(const QString &name) const;

    // Runs openssl in dir; false with its output in error.
    bool run(const QStringList &args);
    // Makes every file; false (and ok false) with the reason in error.
    bool make();
};

} // namespace labdeck::test
