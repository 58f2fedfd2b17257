#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

class QProcess;

namespace labdeck::demolab {

// The kinds of server certificate the demo lab (and the check tests) serve.
enum class CertKind {
    Valid,               // from the demo intermediate, 90 days, full chain served
    ExpiringSoon,        // like Valid, but `days` days left
    Expired,             // ended `days` days ago (validity in the past)
    WrongHost,           // valid, but for another name (`otherName`)
    SelfSigned,          // self-signed for the right name (like Traefik's default)
    MissingIntermediate, // valid, but served without its intermediate
};

struct CertSpec
{
    QString id;      // file stem and lookup key ("ha")
    QString dnsName; // the name the certificate should be for
    CertKind kind = CertKind::Valid;
    int days = 90; // validity left (ExpiringSoon), days since expiry (Expired)
    QString otherName = QStringLiteral("www.example.net"); // WrongHost
};

struct IssuedCert
{
    QList<QSslCertificate> chain; // what the server sends, leaf first
    QSslKey key;
};

// Makes a small PKI with the openssl command, asynchronously (one process
// after another, never waiting on the calling thread): a root, an
// intermediate, and one server certificate per spec. The root is what a
// check run adds as a trusted CA. Lives on one thread.
class CertificateFactory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateFactory)
public:
    // dir: an existing, private directory for the keys (a QTemporaryDir).
    CertificateFactory(QString dir, QList<CertSpec> specs, QObject *parent = nullptr);
    ~CertificateFactory() override;

    void start();
    [[nodiscard]] QSslCertificate root() const { return m_root; }
    [[nodiscard]] IssuedCert issued(const QString &id) const { return m_issued.value(id); }
    [[nodiscard]] QString errorText() const { return m_error; }

Q_SIGNALS:
    // ok false: errorText() says why (openssl missing, or its output).
    void finished(bool ok);

private:
    struct Step
    {
        QStringList args;
    };
    void plan();
    void next();
    void collect();
    [[nodiscard]] QString path(const QString &name) const;
    bool writeFile(const QString &name, const QByteArray &data);

    QString m_dir;
    QList<CertSpec> m_specs;
    QList<Step> m_steps;
    qsizetype m_step = 0;
    QProcess *m_process = nullptr;
    QSslCertificate m_root;
    QHash<QString, IssuedCert> m_issued;
    QString m_error;
};

} // namespace labdeck::demolab
