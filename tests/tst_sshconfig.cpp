#include "ssh/sshconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
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
    void hostKeyKeywords();
    void knownHostsFilesNone();
    void strictAndHashValues_data();
    void strictAndHashValues();
    void includeInPlace();
    void includeInsideHostBlock();
    void includeDepthLimit();
    void includeSizeCap();
    void parseSkipsInclude();
    void proxyJumpHops_data();
    void proxyJumpHops();
    void proxyJumpNoneAndProxyCommand();
};

namespace {

void writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(text);
}

SshTarget resolveIn(const SshConfig &c, const QString &alias, const QString &home)
{
    return c.resolve(alias, alias, QString(), 22, home, QStringLiteral("me"));
}

} // namespace

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

void TestSshConfig::hostKeyKeywords()
{
    const SshConfig c = SshConfig::parse("Host pochama\n"
                                         "  HostName 10.0.0.5\n"
                                         "  Port 2222\n"
                                         "  UserKnownHostsFile ~/.ssh/lab_known %d/k2 hosts/%h-%u\n"
                                         "  GlobalKnownHostsFile /etc/lab/known\n"
                                         "  HostKeyAlias Pochama-Key\n"
                                         "  StrictHostKeyChecking Yes\n"
                                         "  HashKnownHosts yes\n"
                                         "Host *\n"
                                         "  UserKnownHostsFile ~/ignored\n"
                                         "  GlobalKnownHostsFile /ignored\n"
                                         "  HostKeyAlias ignored\n"
                                         "  StrictHostKeyChecking no\n"
                                         "  HashKnownHosts no\n");
    const SshTarget t = resolveIn(c, QStringLiteral("pochama"), QStringLiteral("/home/me"));
    QVERIFY(t.userKnownHostsFromConfig);
    // First line wins, with every file it names; ~, %d, %h, %u expanded,
    // a relative path under ~/.ssh.
    QCOMPARE(t.userKnownHostsFiles, (QStringList{"/home/me/.ssh/lab_known", "/home/me/k2",
                                                 "/home/me/.ssh/hosts/10.0.0.5-me"}));
    QVERIFY(t.globalKnownHostsFromConfig);
    QCOMPARE(t.globalKnownHostsFiles, QStringList{"/etc/lab/known"});
    QCOMPARE(t.hostKeyAlias, QStringLiteral("pochama-key"));
    QCOMPARE(t.knownHostsName(), QStringLiteral("pochama-key")); // no [host]:port
    QVERIFY(t.strictHostKeyChecking);
    QVERIFY(t.hashKnownHosts);

    // Another host takes the catch-all block's values.
    const SshTarget o = resolveIn(c, QStringLiteral("other"), QStringLiteral("/home/me"));
    QCOMPARE(o.userKnownHostsFiles, QStringList{"/home/me/ignored"});
    QCOMPARE(o.knownHostsName(), QStringLiteral("ignored"));
    QVERIFY(!o.strictHostKeyChecking);
    QVERIFY(!o.hashKnownHosts);

    // Nothing set: the options' files are used, the usual name.
    const SshTarget n = resolveIn(SshConfig::parse("Host x\n  Port 1\n"), QStringLiteral("pochama"),
                                  QStringLiteral("/home/me"));
    QVERIFY(!n.userKnownHostsFromConfig);
    QVERIFY(!n.globalKnownHostsFromConfig);
    QVERIFY(n.hostKeyAlias.isEmpty());
    QCOMPARE(n.knownHostsName(), QStringLiteral("pochama"));
    QVERIFY(!n.strictHostKeyChecking);
    QVERIFY(!n.hashKnownHosts);
}

void TestSshConfig::knownHostsFilesNone()
{
    const SshConfig c = SshConfig::parse("Host pochama\n"
                                         "  UserKnownHostsFile none\n"
                                         "  GlobalKnownHostsFile NONE\n"
                                         "Host *\n"
                                         "  UserKnownHostsFile ~/later\n");
    const SshTarget t = resolveIn(c, QStringLiteral("pochama"), QStringLiteral("/home/me"));
    QVERIFY(t.userKnownHostsFromConfig);
    QVERIFY(t.userKnownHostsFiles.isEmpty());
    QVERIFY(t.globalKnownHostsFromConfig);
    QVERIFY(t.globalKnownHostsFiles.isEmpty());
}

void TestSshConfig::strictAndHashValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("on");
    QTest::newRow("yes") << "yes" << true;
    QTest::newRow("true") << "true" << true;
    QTest::newRow("YES") << "YES" << true;
    QTest::newRow("no") << "no" << false;
    QTest::newRow("ask") << "ask" << false;
    QTest::newRow("accept-new") << "accept-new" << false;
    QTest::newRow("off") << "off" << false;
}

void TestSshConfig::strictAndHashValues()
{
    QFETCH(QString, value);
    QFETCH(bool, on);
    const SshConfig c =
        SshConfig::parse(QStringLiteral("Host *\n  StrictHostKeyChecking %1\n  HashKnownHosts %1\n")
                             .arg(value)
                             .toUtf8());
    const SshTarget t = resolveIn(c, QStringLiteral("pochama"), QStringLiteral("/home/me"));
    QCOMPARE(t.strictHostKeyChecking, on);
    QCOMPARE(t.hashKnownHosts, on);
}

void TestSshConfig::includeInPlace()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString ssh = home.filePath(QStringLiteral(".ssh"));
    // Relative to ~/.ssh, a glob, files in sorted order.
    writeText(ssh + QStringLiteral("/config.d/20-b.conf"), "Host pochama\n"
                                                           "  User from-b\n"
                                                           "  HostKeyAlias from-b\n");
    writeText(ssh + QStringLiteral("/config.d/10-a.conf"), "Host pochama\n"
                                                           "  User from-a\n");
    writeText(ssh + QStringLiteral("/config.d/skipped.txt"), "Host pochama\n  Port 1\n");
    writeText(home.filePath(QStringLiteral("abs.conf")), "Host pochama\n  Port 2200\n");
    writeText(ssh + QStringLiteral("/config"), "Host pochama\n"
                                               "  StrictHostKeyChecking yes\n"
                                               "Include config.d/*.conf ~/abs.conf\n"
                                               "Host pochama\n"
                                               "  User too-late\n"
                                               "  HashKnownHosts yes\n"
                                               "  Port 9\n");
    const SshConfig c = SshConfig::load(ssh + QStringLiteral("/config"), home.path());
    const SshTarget t = resolveIn(c, QStringLiteral("pochama"), home.path());
    QCOMPARE(t.user, QStringLiteral("from-a"));         // first included file wins
    QCOMPARE(t.hostKeyAlias, QStringLiteral("from-b")); // the second adds what is unset
    QCOMPARE(t.port, 2200);                             // ~ expanded; before the outer Port 9
    QVERIFY(t.strictHostKeyChecking);                   // before the Include
    QVERIFY(t.hashKnownHosts);                          // after the Include
}

void TestSshConfig::includeInsideHostBlock()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString ssh = home.filePath(QStringLiteral(".ssh"));
    writeText(ssh + QStringLiteral("/lab.conf"), "  User lab-user\n"
                                                 "Host *\n"
                                                 "  StrictHostKeyChecking yes\n");
    writeText(ssh + QStringLiteral("/config"), "Host pochama\n"
                                               "  Include lab.conf\n"
                                               "  Port 2222\n"
                                               "Host *\n"
                                               "  User everyone\n");
    const SshConfig c = SshConfig::load(ssh + QStringLiteral("/config"), home.path());
    // Inside "Host pochama": the included lines apply to pochama only, even
    // after the included file's own "Host *".
    const SshTarget t = resolveIn(c, QStringLiteral("pochama"), home.path());
    QCOMPARE(t.user, QStringLiteral("lab-user"));
    QVERIFY(t.strictHostKeyChecking);
    QCOMPARE(t.port, 2222); // back in the Host pochama block after the Include
    const SshTarget o = resolveIn(c, QStringLiteral("other"), home.path());
    QCOMPARE(o.user, QStringLiteral("everyone"));
    QVERIFY(!o.strictHostKeyChecking);
    QCOMPARE(o.port, 22);
}

void TestSshConfig::includeDepthLimit()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString ssh = home.filePath(QStringLiteral(".ssh"));
    // A file that includes itself ends (the load returns).
    writeText(ssh + QStringLiteral("/config"), "Include config\nHost pochama\n  Port 2222\n");
    const SshConfig self = SshConfig::load(ssh + QStringLiteral("/config"), home.path());
    QCOMPARE(resolveIn(self, QStringLiteral("pochama"), home.path()).port, 2222);

    // A chain: config includes n1, n1 includes n2, ...; file n sets User un.
    // Files up to kMaxIncludeDepth levels down are read, deeper ones not.
    const int depth = SshConfig::kMaxIncludeDepth;
    writeText(ssh + QStringLiteral("/config"), "Include n1\n");
    for (int i = 1; i <= depth + 1; ++i)
        writeText(ssh + QStringLiteral("/n%1").arg(i),
                  QStringLiteral("Include n%1\nHost h%2\n  User u%2\n").arg(i + 1).arg(i).toUtf8());
    const SshConfig chain = SshConfig::load(ssh + QStringLiteral("/config"), home.path());
    QCOMPARE(resolveIn(chain, QStringLiteral("h1"), home.path()).user, QStringLiteral("u1"));
    QCOMPARE(resolveIn(chain, QStringLiteral("h%1").arg(depth), home.path()).user,
             QStringLiteral("u%1").arg(depth));
    QCOMPARE(resolveIn(chain, QStringLiteral("h%1").arg(depth + 1), home.path()).user,
             QStringLiteral("me"));
}

void TestSshConfig::includeSizeCap()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString ssh = home.filePath(QStringLiteral(".ssh"));
    QByteArray big = "Host pochama\n  User early\n";
    big += QByteArray(SshConfig::kMaxConfigBytes, '#') + '\n';
    big += "Host pochama\n  Port 2222\n";
    writeText(ssh + QStringLiteral("/big.conf"), big);
    writeText(ssh + QStringLiteral("/config"), "Include big.conf\n");
    const SshConfig c = SshConfig::load(ssh + QStringLiteral("/config"), home.path());
    const SshTarget t = resolveIn(c, QStringLiteral("pochama"), home.path());
    QCOMPARE(t.user, QStringLiteral("early"));
    QCOMPARE(t.port, 22); // past the cap: not read
}

void TestSshConfig::parseSkipsInclude()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    writeText(home.filePath(QStringLiteral("inc.conf")), "Host *\n  User included\n");
    const SshConfig c = SshConfig::parse(
        QStringLiteral("Include %1\n").arg(home.filePath(QStringLiteral("inc.conf"))).toUtf8());
    QCOMPARE(resolveIn(c, QStringLiteral("pochama"), home.path()).user, QStringLiteral("me"));
}

void TestSshConfig::proxyJumpHops_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("hops"); // empty: refused
    QTest::newRow("one") << "bastion" << QStringList{"bastion"};
    QTest::newRow("user and port")
        << "me@edge.example.org:2222" << QStringList{"me@edge.example.org:2222"};
    QTest::newRow("two") << "a,root@10.0.0.1" << QStringList{"a", "root@10.0.0.1"};
    QTest::newRow("ipv6") << "[fd7a:115c::1]:22" << QStringList{"[fd7a:115c::1]:22"};
    QTest::newRow("an option") << "-oProxyCommand=touch /tmp/x" << QStringList{};
    QTest::newRow("an option later") << "a,-oLocalCommand=x" << QStringList{};
    QTest::newRow("shell") << "a;rm -rf ~" << QStringList{};
    QTest::newRow("substitution") << "$(id)" << QStringList{};
    QTest::newRow("token") << "%h" << QStringList{};
    QTest::newRow("empty hop") << "a,,b" << QStringList{};
    QTest::newRow("port too big") << "a:70000" << QStringList{};
    QTest::newRow("uri") << "ssh://a" << QStringList{};
}

void TestSshConfig::proxyJumpHops()
{
    QFETCH(QString, value);
    QFETCH(QStringList, hops);
    const SshConfig c = SshConfig::parse(
        QStringLiteral("Host gpu\n  HostName 192.168.1.20\n  ProxyJump %1\n").arg(value).toUtf8());
    const SshTarget t = resolveIn(c, QStringLiteral("gpu"), QStringLiteral("/home/me"));
    QCOMPARE(t.proxyJump, hops);
    if (hops.isEmpty()) {
        QVERIFY2(t.proxyProblem.contains(QStringLiteral("ProxyJump of gpu")),
                 qPrintable(t.proxyProblem));
    } else {
        QVERIFY2(t.proxyProblem.isEmpty(), qPrintable(t.proxyProblem));
    }
    // Another host is not affected.
    QVERIFY(
        resolveIn(c, QStringLiteral("pochama"), QStringLiteral("/home/me")).proxyJump.isEmpty());
}

void TestSshConfig::proxyJumpNoneAndProxyCommand()
{
    // As in OpenSSH the first of ProxyJump and ProxyCommand wins; "none" is a
    // direct connection that later blocks cannot undo.
    SshConfig c = SshConfig::parse("Host gpu\n  ProxyJump none\nHost *\n  ProxyJump bastion\n");
    SshTarget t = resolveIn(c, QStringLiteral("gpu"), QStringLiteral("/home/me"));
    QVERIFY(t.proxyJump.isEmpty());
    QVERIFY(t.proxyProblem.isEmpty());
    QCOMPARE(resolveIn(c, QStringLiteral("nas"), QStringLiteral("/home/me")).proxyJump,
             QStringList{QStringLiteral("bastion")});

    c = SshConfig::parse("Host gpu\n  ProxyCommand nc -X connect %h %p\nHost *\n  ProxyJump b\n");
    t = resolveIn(c, QStringLiteral("gpu"), QStringLiteral("/home/me"));
    QVERIFY(t.proxyJump.isEmpty());
    QVERIFY2(t.proxyProblem.contains(QStringLiteral("ProxyCommand (nc -X connect %h %p)")),
             qPrintable(t.proxyProblem));

    c = SshConfig::parse("Host gpu\n  ProxyJump b\n  ProxyCommand nc %h %p\n");
    t = resolveIn(c, QStringLiteral("gpu"), QStringLiteral("/home/me"));
    QCOMPARE(t.proxyJump, QStringList{QStringLiteral("b")});
    QVERIFY(t.proxyProblem.isEmpty());

    c = SshConfig::parse("Host gpu\n  ProxyCommand none\n");
    t = resolveIn(c, QStringLiteral("gpu"), QStringLiteral("/home/me"));
    QVERIFY(t.proxyProblem.isEmpty());
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
