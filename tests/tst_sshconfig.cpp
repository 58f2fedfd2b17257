#include "ssh/sshconfig.h"

#include <QTest>

using labdeck::ssh::SshConfig;
using labdeck::ssh::SshTarget;

class TestSshConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patterns_data();
    void patterns();
    void firstValueWins();
    void inventoryOverridesConfig();
    void defaultsWithoutConfig();
    void knownHostsName();
};

void TestSshConfig::patterns_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("match");
    QTest::newRow("exact") << "pochama"
                           << "pochama" << true;
    QTest::newRow("case") << "Pochama"
                          << "pochama" << true;
    QTest::newRow("star") << "gpu-server"
                          << "gpu-*" << true;
    QTest::newRow("star all") << "anything"
                              << "*" << true;
    QTest::newRow("question") << "node1"
                              << "node?" << true;
    QTest::newRow("question too short") << "node"
                                        << "node?" << false;
    QTest::newRow("other") << "pikachu"
                           << "poch*" << false;
    QTest::newRow("star middle") << "a.lab.example"
                                 << "*.lab.*" << true;
}

void TestSshConfig::patterns()
{
    QFETCH(QString, host);
    QFETCH(QString, pattern);
    QFETCH(bool, match);
    QCOMPARE(SshConfig::matchPattern(host, pattern), match);
}

void TestSshConfig::firstValueWins()
{
    const SshConfig c = SshConfig::parse("# comment\n"
                                         "Host pochama\n"
                                         "  HostName 10.0.0.5\n"
                                         "  User=ubuntu\n"
                                         "  IdentityFile ~/.ssh/lab_ed25519\n"
                                         "Match host pochama\n"
                                         "  User ignored-in-match\n"
                                         "Host poch* !pochama2\n"
                                         "  HostName not-used\n"
                                         "  Port 2222\n"
                                         "  IdentityFile \"~/keys/with space\"\n"
                                         "Host *\n"
                                         "  User everyone\n"
                                         "  IdentityFile %d/.ssh/%h_key\n");
    const SshTarget t = c.resolve(QStringLiteral("pochama"), QStringLiteral("pochama"), QString(),
                                  22, QStringLiteral("/home/me"), QStringLiteral("me"));
    QCOMPARE(t.hostName, QStringLiteral("10.0.0.5"));
    QCOMPARE(t.user, QStringLiteral("ubuntu"));
    QCOMPARE(t.port, 2222);
    QVERIFY(t.identitiesFromConfig);
    QCOMPARE(t.identityFiles, (QStringList{"/home/me/.ssh/lab_ed25519", "/home/me/keys/with space",
                                           "/home/me/.ssh/10.0.0.5_key"}));
    QCOMPARE(t.inventoryHost, QStringLiteral("pochama"));

    // Negated: pochama2 skips the second block, takes the catch-all.
    const SshTarget t2 = c.resolve(QStringLiteral("p2"), QStringLiteral("pochama2"), QString(), 22,
                                   QStringLiteral("/home/me"), QStringLiteral("me"));
    QCOMPARE(t2.hostName, QStringLiteral("pochama2"));
    QCOMPARE(t2.port, 22);
    QCOMPARE(t2.user, QStringLiteral("everyone"));
}

void TestSshConfig::inventoryOverridesConfig()
{
    const SshConfig c =
        SshConfig::parse("Host gpu\n  HostName 192.168.1.20\n  User cfg\n  Port 2200\n");
    const SshTarget t =
        c.resolve(QStringLiteral("gpu-server"), QStringLiteral("gpu"), QStringLiteral("inv"), 2022,
                  QStringLiteral("/h"), QStringLiteral("me"));
    QCOMPARE(t.hostName, QStringLiteral("192.168.1.20"));
    QCOMPARE(t.user, QStringLiteral("inv"));
    QCOMPARE(t.port, 2022);
}

void TestSshConfig::defaultsWithoutConfig()
{
    const SshConfig c = SshConfig::load(QStringLiteral("/nonexistent/config"));
    const SshTarget t = c.resolve(QStringLiteral("pochama"), QStringLiteral("pochama"), QString(),
                                  22, QStringLiteral("/home/me"), QStringLiteral("me"));
    QCOMPARE(t.hostName, QStringLiteral("pochama"));
    QCOMPARE(t.user, QStringLiteral("me"));
    QCOMPARE(t.port, 22);
    QVERIFY(!t.identitiesFromConfig);
    QCOMPARE(t.identityFiles, (QStringList{"/home/me/.ssh/id_ed25519", "/home/me/.ssh/id_ecdsa",
                                           "/home/me/.ssh/id_rsa"}));
}

void TestSshConfig::knownHostsName()
{
    SshTarget t;
    t.hostName = QStringLiteral("Pochama");
    t.port = 22;
    QCOMPARE(t.knownHostsName(), QStringLiteral("pochama"));
    t.port = 2222;
    QCOMPARE(t.knownHostsName(), QStringLiteral("[pochama]:2222"));
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
