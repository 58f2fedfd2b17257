#include "support/kubeconfigpki.h"

#include "support/fixtures.h"

#include <QProcess>
#include <QStandardPaths>

namespace labdeck::test {

QByteArray KubeconfigPki::pem(const QString &name) const
{
    return readFile(path(name));
}

bool KubeconfigPki::run(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        error = QStringLiteral("openssl %1: %2")
                    .arg(args.join(' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool KubeconfigPki::make()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        error = QStringLiteral("the openssl command is not installed");
        return false;
    }
    writeFile(path("server.ext"), "subjectAltName=DNS:kubernetes\nextendedKeyUsage=serverAuth\n"
                                  "basicConstraints=CA:FALSE\n");
    writeFile(path("client.ext"), "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n");
    ok = run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
              "ca.crt", "-days", "2", "-subj", "/CN=labdeck-test-ca", "-addext",
              "basicConstraints=critical,CA:TRUE", "-addext",
              "keyUsage=critical,keyCertSign,cRLSign"}) &&
         run({"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
              "server.csr", "-subj", "/CN=kubernetes"}) &&
         run({"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
              "-CAcreateserial", "-days", "2", "-out", "server.crt", "-extfile", "server.ext"}) &&
         // RSA client key; OpenSSL 3 writes PKCS#8 ("BEGIN PRIVATE KEY").
         run({"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out",
              "client.csr", "-subj", "/O=system:masters/CN=admin"}) &&
         run({"x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
              "-CAcreateserial", "-days", "2", "-out", "client.crt", "-extfile", "client.ext"}) &&
         // The same key as PKCS#1 ("BEGIN RSA PRIVATE KEY"), as kubeadm writes it.
         run({"rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key"}) &&
         // An EC client key ("BEGIN EC PRIVATE KEY"), as k3s writes it.
         run({"ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key"}) &&
         run({"req", "-new", "-key", "ec.key", "-out", "ec.csr", "-subj", "/CN=k3s-admin"}) &&
         run({"x509", "-req", "-in", "ec.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
              "-CAcreateserial", "-days", "2", "-out", "ec.crt", "-extfile", "client.ext"});
    return ok;
}

} // namespace labdeck::test
