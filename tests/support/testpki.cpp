#include "support/testpki.h"

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace labdeck::test {

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool runOpenssl(const QString &dir, const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = QString::fromLocal8Bit(p.readAll());
        return false;
    }
    return true;
}

} // namespace

bool makePki(const QString &dir, Pki *pki, QString *error)
{
    const QStringList ec{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
    auto file = [&](const char *name) { return dir + QLatin1Char('/') + QLatin1String(name); };
    {
        QFile ext(file("server.ext"));
        ext.open(QIODevice::WriteOnly);
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        QFile cext(file("client.ext"));
        cext.open(QIODevice::WriteOnly);
        cext.write("extendedKeyUsage=clientAuth\n");
    }
    const QList<QStringList> steps{
        QStringList{"req", "-x509"} + ec +
            QStringList{"-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj",
                        "/CN=Labdeck Test CA"},
        QStringList{"req", "-x509"} + ec +
            QStringList{"-keyout", "other.key", "-out", "other.crt", "-days", "2", "-subj",
                        "/CN=Some Other CA"},
        QStringList{"req"} + ec +
            QStringList{"-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"},
        QStringList{"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile",
                    "server.ext"},
        QStringList{"req"} + ec +
            QStringList{"-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=labdeck-test"},
        QStringList{"x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "client.crt", "-days", "2", "-extfile",
                    "client.ext"},
    };
    for (const QStringList &args : steps) {
        if (!runOpenssl(dir, args, error))
            return false;
    }
    pki->ca = QSslCertificate(readFile(file("ca.crt")));
    pki->otherCa = QSslCertificate(readFile(file("other.crt")));
    pki->server = QSslCertificate(readFile(file("server.crt")));
    pki->serverKey = QSslKey(readFile(file("server.key")), QSsl::Ec);
    pki->client = QSslCertificate(readFile(file("client.crt")));
    pki->clientKey = QSslKey(readFile(file("client.key")), QSsl::Ec);
    return !pki->ca.isNull() && !pki->server.isNull() && !pki->serverKey.isNull() &&
           !pki->client.isNull() && !pki->clientKey.isNull() && !pki->otherCa.isNull();
}

} // namespace labdeck::test
