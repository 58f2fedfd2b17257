#include "demolab/demopki.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimer>

namespace labdeck::demolab {

namespace {

const QStringList kEcKey{QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes")};

QString asn1Time(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

CertificateFactory::CertificateFactory(QString dir, QList<CertSpec> specs, QObject *parent)
    : QObject(parent)
    , m_dir(std::move(dir))
    , m_specs(std::move(specs))
{}

CertificateFactory::~CertificateFactory()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

QString CertificateFactory::path(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name;
}

bool CertificateFactory::writeFile(const QString &name, const QByteArray &data)
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
        m_error = tr("could not write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

void CertificateFactory::start()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = tr("the openssl command is not installed (Debian package openssl); the demo lab "
                     "needs it to "
                     "make its certificates");
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(false); });
        return;
    }
    plan();
    if (!m_error.isEmpty()) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(false); });
        return;
    }
    next();
}

void CertificateFactory::plan()
{
    // A minimal `openssl ca` setup: only it sets validity windows in the past.
    if (!writeFile(QStringLiteral("index.txt"), QByteArray()) ||
        !writeFile(QStringLiteral("ca.cnf"),
                   "[ca]\ndefault_ca = demo\n[demo]\ndatabase = index.txt\n"
                   "new_certs_dir = .\nserial = serial\ndefault_md = sha256\n"
                   "policy = any\nunique_subject = no\n[any]\ncommonName = supplied\n") ||
        !writeFile(QStringLiteral("serial"),
                   QByteArray::number(QRandomGenerator::global()->bounded(0x1000, 0xffff), 16) +
                       "01\n") ||
        !writeFile(QStringLiteral("intermediate.ext"),
                   "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                   "keyUsage=critical,keyCertSign,cRLSign\n"))
        return;
    auto s = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *a : list)
            out << QString::fromLatin1(a);
        return out;
    };
    m_steps << Step{s({"req", "-x509"}) + kEcKey +
                    s({"-keyout", "root.key", "-out", "root.crt", "-days", "3650", "-subj",
                       "/O=Labdeck Demo/CN=Labdeck Demo Root CA", "-addext",
                       "basicConstraints=critical,CA:TRUE", "-addext",
                       "keyUsage=critical,keyCertSign,cRLSign"})};
    m_steps << Step{s({"req"}) + kEcKey +
                    s({"-keyout", "intermediate.key", "-out", "intermediate.csr", "-subj",
                       "/O=Labdeck Demo/CN=Labdeck Demo R1"})};
    m_steps << Step{s({"x509", "-req", "-in", "intermediate.csr", "-CA", "root.crt", "-CAkey",
                       "root.key", "-set_serial", "2", "-days", "1825", "-extfile",
                       "intermediate.ext", "-out", "intermediate.crt"})};
    int serial = 100;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const CertSpec &spec : std::as_const(m_specs)) {
        const QString id = spec.id;
        const QString name = spec.kind == CertKind::WrongHost ? spec.otherName : spec.dnsName;
        const QByteArray ext = "subjectAltName=DNS:" + name.toUtf8() +
                               "\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n";
        if (!writeFile(id + QStringLiteral(".ext"), ext))
            return;
        if (spec.kind == CertKind::SelfSigned) {
            m_steps << Step{
                QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + kEcKey +
                QStringList{QStringLiteral("-keyout"), id + QStringLiteral(".key"),
                            QStringLiteral("-out"), id + QStringLiteral(".crt"),
                            QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=TRAEFIK DEFAULT CERT"), QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=DNS:") + name, QStringLiteral("-addext"),
                            QStringLiteral("basicConstraints=CA:FALSE")}};
            continue;
        }
        m_steps << Step{QStringList{QStringLiteral("req")} + kEcKey +
                        QStringList{QStringLiteral("-keyout"), id + QStringLiteral(".key"),
                                    QStringLiteral("-out"), id + QStringLiteral(".csr"),
                                    QStringLiteral("-subj"), QStringLiteral("/CN=") + name}};
        if (spec.kind == CertKind::Expired) {
            const QDateTime end = now.addDays(-qMax(1, spec.days));
            m_steps << Step{QStringList{
                QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                QStringLiteral("ca.cnf"), QStringLiteral("-cert"),
                QStringLiteral("intermediate.crt"), QStringLiteral("-keyfile"),
                QStringLiteral("intermediate.key"), QStringLiteral("-in"),
                id + QStringLiteral(".csr"), QStringLiteral("-out"), id + QStringLiteral(".crt"),
                QStringLiteral("-notext"), QStringLiteral("-extfile"), id + QStringLiteral(".ext"),
                QStringLiteral("-startdate"), asn1Time(end.addDays(-90)),
                QStringLiteral("-enddate"), asn1Time(end)}};
            continue;
        }
        const int days = spec.kind == CertKind::ExpiringSoon ? qMax(1, spec.days) : 90;
        m_steps << Step{QStringList{
            QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            id + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("intermediate.crt"),
            QStringLiteral("-CAkey"), QStringLiteral("intermediate.key"),
            QStringLiteral("-set_serial"), QString::number(serial++), QStringLiteral("-days"),
            QString::number(days), QStringLiteral("-extfile"), id + QStringLiteral(".ext"),
            QStringLiteral("-out"), id + QStringLiteral(".crt")}};
    }
}

void CertificateFactory::next()
{
    if (m_step >= m_steps.size()) {
        collect();
        return;
    }
    m_process = new QProcess(this);
    m_process->setWorkingDirectory(m_dir);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    const QStringList args = m_steps.at(m_step).args;
    connect(
        m_process, &QProcess::finished, this, [this, args](int code, QProcess::ExitStatus status) {
            QProcess *p = m_process;
            m_process = nullptr;
            p->deleteLater();
            if (status != QProcess::NormalExit || code != 0) {
                m_error = tr("openssl %1 failed: %2")
                              .arg(args.value(0), QString::fromLocal8Bit(p->readAll()).trimmed());
                Q_EMIT finished(false);
                return;
            }
            ++m_step;
            next();
        });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || !m_process)
            return;
        m_error = tr("could not start openssl: %1").arg(m_process->errorString());
        m_process->deleteLater();
        m_process = nullptr;
        Q_EMIT finished(false);
    });
    m_process->start(QStringLiteral("openssl"), args);
}

void CertificateFactory::collect()
{
    m_root = QSslCertificate(readAll(path(QStringLiteral("root.crt"))));
    const QSslCertificate intermediate(readAll(path(QStringLiteral("intermediate.crt"))));
    for (const CertSpec &spec : std::as_const(m_specs)) {
        IssuedCert c;
        const QSslCertificate leaf(readAll(path(spec.id + QStringLiteral(".crt"))));
        c.key = QSslKey(readAll(path(spec.id + QStringLiteral(".key"))), QSsl::Ec);
        c.chain << leaf;
        if (spec.kind != CertKind::SelfSigned && spec.kind != CertKind::MissingIntermediate)
            c.chain << intermediate;
        if (leaf.isNull() || c.key.isNull()) {
            m_error = tr("openssl made no usable certificate for %1").arg(spec.dnsName);
            Q_EMIT finished(false);
            return;
        }
        m_issued.insert(spec.id, c);
    }
    if (m_root.isNull() || intermediate.isNull()) {
        m_error = tr("openssl made no usable root or intermediate certificate");
        Q_EMIT finished(false);
        return;
    }
    Q_EMIT finished(true);
}

} // namespace labdeck::demolab
