// The certs and endpoints checks against real loopback TLS servers: a test CA
// (root + intermediate, made with openssl) issuing certificates that are
// valid, expire in 5 days, have expired, name the wrong host, are
// self-signed, or lack their intermediate; a closed port; a server that
// accepts and never answers.

#include "checks/certcheck.h"
#include "checks/checkrunner.h"
#include "checks/endpointcheck.h"
#include "demolab/demopki.h"
#include "demolab/tlsendpoints.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace labdeck;
using namespace labdeck::checks;
using labdeck::demolab::CertKind;
using labdeck::demolab::CertSpec;
using labdeck::demolab::TlsEndpoints;

namespace {

struct TlsSite
{
    QString id;
    CertKind kind;
    int days;
};

} // namespace

class TestCheckCerts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demolab::CertificateFactory *m_pki = nullptr;
    TlsEndpoints *m_servers = nullptr;
    Inventory m_lab;
    CheckOptions m_options;

    static QString host(const QString &id) { return id + QStringLiteral(".lab.test"); }

    void addUrl(const QString &id, quint16 port)
    {
        ComposeService s;
        s.name = id;
        s.url = QUrl(QStringLiteral("https://%1").arg(host(id)));
        m_lab.compose.services << s;
        m_options.connectTo.insert(host(id) + QStringLiteral(":443"),
                                   {QStringLiteral("127.0.0.1"), port});
    }

    QHash<QString, CheckResult> run(const QStringList &categories, const CheckOptions &options,
                                    const Inventory &lab, qint64 *elapsed = nullptr)
    {
        CheckRunner runner;
        QSignalSpy done(&runner, &CheckRunner::finished);
        CheckContext ctx;
        ctx.inventory = lab;
        ctx.options = options;
        QElapsedTimer clock;
        clock.start();
        runner.start(categories, ctx);
        if (!done.wait(30000))
            return {};
        if (elapsed)
            *elapsed = clock.elapsed();
        QHash<QString, CheckResult> byTarget;
        for (const CheckResult &r : runner.results())
            byTarget.insert(r.category + QLatin1Char(' ') + r.target, r);
        return byTarget;
    }

    static QString cert(const QString &id)
    {
        return QStringLiteral("certs https://%1").arg(host(id));
    }
    static QStringList errors(const CheckResult &r)
    {
        QStringList out;
        for (const QJsonValue &v : r.details.value(QLatin1String("errors")).toArray())
            out << v.toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QList<TlsSite> sites{{QStringLiteral("valid"), CertKind::Valid, 90},
                                   {QStringLiteral("soon"), CertKind::ExpiringSoon, 5},
                                   {QStringLiteral("expired"), CertKind::Expired, 3},
                                   {QStringLiteral("wronghost"), CertKind::WrongHost, 90},
                                   {QStringLiteral("selfsigned"), CertKind::SelfSigned, 365},
                                   {QStringLiteral("nochain"), CertKind::MissingIntermediate, 90}};
        QList<CertSpec> specs;
        for (const TlsSite &s : sites)
            specs << CertSpec{s.id, host(s.id), s.kind, s.days, QStringLiteral("other.lab.test")};
        m_pki = new demolab::CertificateFactory(m_dir.path(), specs, this);
        QSignalSpy made(m_pki, &demolab::CertificateFactory::finished);
        m_pki->start();
        QVERIFY(made.wait(60000));
        QVERIFY2(made.first().first().toBool(), qPrintable(m_pki->errorText()));

        m_servers = new TlsEndpoints(this);
        m_lab.ingress.host = QStringLiteral("edge");
        m_lab.ingress.certResolver = QStringLiteral("letsencrypt");
        m_lab.compose.host = QStringLiteral("edge");
        for (const TlsSite &s : sites) {
            const quint16 port =
                m_servers->addHttps(m_pki->issued(s.id), [](const QByteArray &path) {
                    return TlsEndpoints::Answer{path == "/missing" ? 404 : 200, "text/plain",
                                                "hello\n"};
                });
            QVERIFY(port != 0);
            addUrl(s.id, port);
        }
        addUrl(QStringLiteral("closed"), TlsEndpoints::closedPort());
        addUrl(QStringLiteral("silent"), m_servers->addSilent());
        m_options.extraCaCertificates << m_pki->root();
        m_options.timeout = std::chrono::milliseconds(2000);
    }

    void verdicts()
    {
        const auto results = run({QStringLiteral("certs")}, m_options, m_lab);
        QCOMPARE(results.size(), 8);

        const CheckResult valid = results.value(cert(QStringLiteral("valid")));
        QCOMPARE(valid.severity, Health::Ok);
        QCOMPARE(valid.details.value(QLatin1String("daysLeft")).toInt(), 90);
        QCOMPARE(valid.details.value(QLatin1String("issuer")).toString(),
                 QStringLiteral("Labdeck Demo R1 (Labdeck Demo)"));
        QVERIFY(valid.details.value(QLatin1String("nameMatches")).toBool());
        QVERIFY(valid.details.value(QLatin1String("protocol"))
                    .toString()
                    .startsWith(QLatin1String("TLS 1.")));
        QVERIFY(valid.advice.isEmpty());

        const CheckResult soon = results.value(cert(QStringLiteral("soon")));
        QCOMPARE(soon.severity, Health::Critical); // 5 < 7 days
        QCOMPARE(soon.details.value(QLatin1String("daysLeft")).toInt(), 5);
        QVERIFY2(soon.summary.contains(QLatin1String("expires in 5 days")),
                 qPrintable(soon.summary));
        QVERIFY(soon.advice.contains(QLatin1String("30 days left")));
        QVERIFY(soon.advice.contains(QLatin1String("edge")));
        QVERIFY(errors(soon).isEmpty());

        const CheckResult expired = results.value(cert(QStringLiteral("expired")));
        QCOMPARE(expired.severity, Health::Critical);
        QVERIFY(errors(expired).contains(QLatin1String("expired")));
        QCOMPARE(expired.details.value(QLatin1String("daysLeft")).toInt(), -3);
        QVERIFY2(expired.summary.contains(QLatin1String("expired 3 days ago")),
                 qPrintable(expired.summary));

        const CheckResult wrong = results.value(cert(QStringLiteral("wronghost")));
        QCOMPARE(wrong.severity, Health::Critical);
        QVERIFY(errors(wrong).contains(QLatin1String("hostname-mismatch")));
        QVERIFY(!wrong.details.value(QLatin1String("nameMatches")).toBool());
        QVERIFY2(wrong.summary.contains(QLatin1String("other.lab.test")),
                 qPrintable(wrong.summary));
        QCOMPARE(wrong.details.value(QLatin1String("daysLeft")).toInt(),
                 90); // read although invalid

        const CheckResult self = results.value(cert(QStringLiteral("selfsigned")));
        QCOMPARE(self.severity, Health::Critical);
        QVERIFY2(errors(self).contains(QLatin1String("self-signed")),
                 qPrintable(errors(self).join(QLatin1Char(','))));
        QCOMPARE(self.details.value(QLatin1String("daysLeft")).toInt(), 365);

        const CheckResult nochain = results.value(cert(QStringLiteral("nochain")));
        QCOMPARE(nochain.severity, Health::Critical);
        QVERIFY2(errors(nochain).contains(QLatin1String("untrusted-issuer")),
                 qPrintable(errors(nochain).join(QLatin1Char(','))));
        QCOMPARE(nochain.details.value(QLatin1String("chainLength")).toInt(), 1);
        QVERIFY2(nochain.summary.contains(QLatin1String("intermediate")),
                 qPrintable(nochain.summary));
        QVERIFY(nochain.advice.contains(QLatin1String("fullchain")));

        const CheckResult closed = results.value(cert(QStringLiteral("closed")));
        QCOMPARE(closed.severity, Health::Critical);
        QVERIFY2(closed.summary.contains(QLatin1String("refused")), qPrintable(closed.summary));
        QVERIFY(!closed.details.value(QLatin1String("timedOut")).toBool());

        const CheckResult silent = results.value(cert(QStringLiteral("silent")));
        QCOMPARE(silent.severity, Health::Critical);
        QVERIFY(silent.details.value(QLatin1String("timedOut")).toBool());
        QVERIFY2(silent.summary.contains(QLatin1String("never finished the TLS handshake")),
                 qPrintable(silent.summary));
    }

    void thresholdsComeFromTheOptions()
    {
        CheckOptions o = m_options;
        o.thresholds.certCriticalDays = 3;
        const auto results = run({QStringLiteral("certs")}, o, m_lab);
        QCOMPARE(results.value(cert(QStringLiteral("soon"))).severity, Health::Warning);
        o.thresholds.certWarningDays = 4;
        QCOMPARE(
            run({QStringLiteral("certs")}, o, m_lab).value(cert(QStringLiteral("soon"))).severity,
            Health::Ok);
        o.thresholds.certWarningDays = 120;
        QCOMPARE(
            run({QStringLiteral("certs")}, o, m_lab).value(cert(QStringLiteral("valid"))).severity,
            Health::Warning);
    }

    void withoutTheTestCaNothingIsTrusted()
    {
        CheckOptions o = m_options;
        o.extraCaCertificates.clear();
        const CheckResult valid =
            run({QStringLiteral("certs")}, o, m_lab).value(cert(QStringLiteral("valid")));
        QCOMPARE(valid.severity, Health::Critical);
        QVERIFY(errors(valid).contains(QLatin1String("untrusted-issuer")));
        QCOMPARE(valid.details.value(QLatin1String("daysLeft")).toInt(), 90);
    }

    void endpoints()
    {
        Inventory lab = m_lab;
        Host node;
        node.name = QStringLiteral("node1");
        node.addresses.privateAddress = QStringLiteral("10.0.0.5");
        lab.hosts << node;
        Workload open;
        open.name = QStringLiteral("web");
        open.ns = QStringLiteral("apps");
        open.host = QStringLiteral("node1");
        open.nodePort = 30080;
        Workload shut = open;
        shut.name = QStringLiteral("db");
        shut.nodePort = 30081;
        lab.workloads << open << shut;
        CheckOptions o = m_options;
        o.connectTo.insert(QStringLiteral("10.0.0.5:30080"),
                           {QStringLiteral("127.0.0.1"), m_servers->addTcp()});
        o.connectTo.insert(QStringLiteral("10.0.0.5:30081"),
                           {QStringLiteral("127.0.0.1"), TlsEndpoints::closedPort()});
        const auto results = run({QStringLiteral("endpoints")}, o, lab);
        QCOMPARE(results.size(), 10);
        const CheckResult ok = results.value(QStringLiteral("endpoints https://valid.lab.test"));
        QCOMPARE(ok.severity, Health::Ok);
        QCOMPARE(ok.details.value(QLatin1String("httpStatus")).toInt(), 200);
        QVERIFY(ok.details.value(QLatin1String("latencyMs")).toInt() >= 0);
        QCOMPARE(results.value(QStringLiteral("endpoints https://soon.lab.test")).severity,
                 Health::Ok);
        const CheckResult bad =
            results.value(QStringLiteral("endpoints https://selfsigned.lab.test"));
        QCOMPARE(bad.severity, Health::Critical);
        QVERIFY(bad.advice.contains(QLatin1String("certs")));
        QCOMPARE(results.value(QStringLiteral("endpoints https://silent.lab.test")).severity,
                 Health::Critical);
        const CheckResult np =
            results.value(QStringLiteral("endpoints NodePort 30080 on node1 (apps/web)"));
        QCOMPARE(np.severity, Health::Ok);
        const CheckResult npClosed =
            results.value(QStringLiteral("endpoints NodePort 30081 on node1 (apps/db)"));
        QCOMPARE(npClosed.severity, Health::Critical);
        QVERIFY(npClosed.advice.contains(QLatin1String("kubectl -n apps get svc")));
    }

    void runTimeIsTheSlowestTimeoutNotTheSum()
    {
        // Six servers that never answer, each with a 1.5 s timeout, in two
        // categories: one after another that would be 18 s.
        Inventory lab;
        lab.ingress.host = QStringLiteral("edge");
        CheckOptions o;
        o.timeout = std::chrono::milliseconds(1500);
        for (int i = 0; i < 6; ++i) {
            ComposeService s;
            s.name = QStringLiteral("hang%1").arg(i);
            s.url = QUrl(QStringLiteral("https://hang%1.lab.test").arg(i));
            lab.compose.services << s;
            o.connectTo.insert(QStringLiteral("hang%1.lab.test:443").arg(i),
                               {QStringLiteral("127.0.0.1"), m_servers->addSilent()});
        }
        qint64 elapsed = 0;
        const auto results =
            run({QStringLiteral("certs"), QStringLiteral("endpoints")}, o, lab, &elapsed);
        QCOMPARE(results.size(), 12);
        for (const CheckResult &r : results) {
            QCOMPARE(r.severity, Health::Critical);
            QVERIFY(r.details.value(QLatin1String("timedOut")).toBool());
            QVERIFY(r.durationMs >= 1400);
        }
        QVERIFY2(elapsed >= 1400,
                 qPrintable(QString::number(elapsed))); // coarse timers may fire 5 % early
        QVERIFY2(elapsed < 12 * 1500 / 2,
                 qPrintable(QString::number(elapsed))); // far below the sum
    }

    void daysLeftRounding()
    {
        const QDateTime now(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
        QCOMPARE(CertCheck::daysLeft(now.addSecs(5 * 86400 - 30), now), 5);
        QCOMPARE(CertCheck::daysLeft(now.addDays(-3), now), -3);
        QCOMPARE(CertCheck::daysLeft(now.addSecs(-60), now), -1);
    }
};

QTEST_GUILESS_MAIN(TestCheckCerts)
#include "tst_checkcerts.moc"
