// `labdeck check --demo --record` fills the history file and `labdeck history`
// reads it back: the built labdeck binary, a real file, the documented JSON
// (docs/history.md) and exit codes.

#include "history/historydatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace labdeck;

namespace {

struct Ran
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestHistoryCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    Ran labdeck(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("LABDECK_HISTORY"), m_file);
        env.insert(QStringLiteral("KUBECONFIG"), QStringLiteral("/nonexistent/kubeconfig"));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QStringLiteral(LABDECK_BINARY), args);
        if (!finished.wait(90000)) {
            p.kill();
            return {};
        }
        if (p.exitStatus() != QProcess::NormalExit)
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static QJsonObject json(const Ran &r)
    {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
        return e.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
    }

    static QJsonObject itemOf(const QJsonObject &doc, const QString &id)
    {
        for (const QJsonValue &v : doc.value(QLatin1String("items")).toArray()) {
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("state/history.sqlite"));
    }

    void checkRecordThenHistoryJson()
    {
        const QString node = QStringLiteral("check:k8s:node bracky");
        Ran r = labdeck({QStringLiteral("check"), QStringLiteral("k8s"), QStringLiteral("--demo"),
                         QStringLiteral("--record")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFileInfo::exists(m_file));

        // bracky's kubelet stops: the node goes NotReady, critical.
        r = labdeck({QStringLiteral("check"), QStringLiteral("k8s"), QStringLiteral("--demo"),
                     QStringLiteral("--simulate"), QStringLiteral("kubelet:bracky"),
                     QStringLiteral("--record")});
        QVERIFY2(r.code == 2, r.out.constData());

        r = labdeck({QStringLiteral("history"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject doc = json(r);
        QCOMPARE(doc.value(QLatin1String("schemaVersion")).toInt(), 1);
        QCOMPARE(doc.value(QLatin1String("file")).toString(), m_file);
        QJsonObject bracky = itemOf(doc, node);
        QVERIFY2(!bracky.isEmpty(), r.out.left(2000).constData());
        QCOMPARE(bracky.value(QLatin1String("results")).toInt(), 2);
        QCOMPARE(bracky.value(QLatin1String("okResults")).toInt(), 1);
        QCOMPARE(bracky.value(QLatin1String("uptimePercent")).toDouble(), 50.0);
        QCOMPARE(bracky.value(QLatin1String("incidents")).toInt(), 1);
        // A healthy node: 100 %, no incident.
        const QJsonObject pikachu = itemOf(doc, QStringLiteral("check:k8s:node pikachu"));
        QCOMPARE(pikachu.value(QLatin1String("uptimePercent")).toDouble(), 100.0);
        QCOMPARE(pikachu.value(QLatin1String("incidents")).toInt(), 0);
        QJsonObject incident;
        for (const QJsonValue &v : doc.value(QLatin1String("incidents")).toArray()) {
            if (v.toObject().value(QLatin1String("item")).toString() == node)
                incident = v.toObject();
        }
        QVERIFY(!incident.isEmpty());
        QCOMPARE(incident.value(QLatin1String("ongoing")).toBool(), true);
        QVERIFY(incident.value(QLatin1String("to")).isNull());
        QCOMPARE(incident.value(QLatin1String("worst")).toString(), QStringLiteral("critical"));
        QVERIFY(!incident.value(QLatin1String("reason")).toString().isEmpty());
        QVERIFY(QDateTime::fromString(incident.value(QLatin1String("from")).toString(), Qt::ISODate)
                    .isValid());

        // Healthy again: the incident has an end.
        r = labdeck({QStringLiteral("check"), QStringLiteral("k8s"), QStringLiteral("--demo"),
                     QStringLiteral("--record")});
        QCOMPARE(r.code, 0);
        r = labdeck({QStringLiteral("history"), QStringLiteral("--json"), QStringLiteral("--item"),
                     node, QStringLiteral("--db"), m_file});
        doc = json(r);
        const QJsonArray incidents = doc.value(QLatin1String("incidents")).toArray();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents[0].toObject().value(QLatin1String("ongoing")).toBool(), false);
        QVERIFY(incidents[0].toObject().value(QLatin1String("to")).isString());
        QCOMPARE(doc.value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(itemOf(doc, node).value(QLatin1String("results")).toInt(), 3);

        // The text table.
        r = labdeck({QStringLiteral("history"), QStringLiteral("--item"), node});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("66.67 %"), r.out.constData());
        QVERIFY2(r.out.contains("CRITICAL"), r.out.constData());
    }

    void serveRecordsEveryRound()
    {
        const QString file = m_dir.filePath(QStringLiteral("serve/history.sqlite"));
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        QProcess serve;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("LABDECK_HISTORY"), file);
        env.insert(QStringLiteral("KUBECONFIG"), QStringLiteral("/nonexistent/kubeconfig"));
        serve.setProcessEnvironment(env);
        serve.start(QStringLiteral(LABDECK_BINARY),
                    {QStringLiteral("check"), QStringLiteral("k8s"), QStringLiteral("--demo"),
                     QStringLiteral("--serve"), QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--interval"), QStringLiteral("1s"),
                     QStringLiteral("--record")});
        QVERIFY(serve.waitForStarted(10000));
        // Read while it writes (WAL): one result per round for the node.
        auto rounds = [&file] {
            if (!QFileInfo::exists(file))
                return qint64(0);
            history::HistoryOptions o;
            o.path = file;
            history::HistoryDatabase db(o);
            if (db.open().state != history::HistoryState::Ready)
                return qint64(-1);
            return db.rawResultCount(QStringLiteral("check:k8s:node pikachu"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(rounds() >= 3, 60000);
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
        const Ran r = labdeck(
            {QStringLiteral("history"), QStringLiteral("--json"), QStringLiteral("--db"), file});
        QCOMPARE(r.code, 0);
        QVERIFY(itemOf(json(r), QStringLiteral("check:k8s:node pikachu"))
                    .value(QLatin1String("results"))
                    .toInt() >= 3);
    }

    void textIsEscaped()
    {
        const QString file = m_dir.filePath(QStringLiteral("escape/history.sqlite"));
        {
            history::HistoryOptions o;
            o.path = file;
            history::HistoryDatabase db(o);
            QCOMPARE(db.open().state, history::HistoryState::Ready);
            checks::CheckResult bad;
            bad.category = QStringLiteral("routes");
            bad.target = QStringLiteral("evil\x1b[2J");
            bad.severity = Health::Critical;
            bad.summary = QStringLiteral("moved\u202eyawa");
            QVERIFY(db.record({bad}, QDateTime::currentMSecsSinceEpoch() - 60000));
        }
        const Ran r = labdeck({QStringLiteral("history"), QStringLiteral("--db"), file});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains('\x1b'));
        QVERIFY(!r.out.contains("\u202e"));
        QVERIFY2(r.out.contains("evil\\x1b[2J"), r.out.constData());
        QVERIFY2(r.out.contains("moved\\u202eyawa"), r.out.constData());
    }

    void exitCodes()
    {
        Ran r =
            labdeck({QStringLiteral("history"), QStringLiteral("--since"), QStringLiteral("soon")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--since"));
        r = labdeck({QStringLiteral("history"), QStringLiteral("--db"),
                     m_dir.filePath(QStringLiteral("none.sqlite"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("none.sqlite"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("none.sqlite"))));
        // A damaged file: said, kept, exit 1.
        const QString bad = m_dir.filePath(QStringLiteral("bad.sqlite"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        r = labdeck({QStringLiteral("history"), QStringLiteral("--db"), bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(".corrupt-"), r.err.constData());
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("bad.sqlite.corrupt-*")}).size(), 1);
        r = labdeck({QStringLiteral("history"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--since"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
