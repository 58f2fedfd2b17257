#pragma once

// A throwaway PKI for TLS tests, made with the openssl command: a CA, a
// server certificate for 127.0.0.1, a client certificate, and another CA
// that trusts none of them.

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace labdeck::test {

struct Pki
{
    QSslCertificate ca;
    QSslCertificate server;
    QSslKey serverKey;
    QSslCertificate client;
    QSslKey clientKey;
    QSslCertificate otherCa;
};

// Writes the files into dir; false with the openssl output in error.
bool makePki(const QString &dir, Pki *pki, QString *error);

} // namespace labdeck::test
