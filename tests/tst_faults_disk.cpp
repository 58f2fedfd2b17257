// A full disk while saving, made without root: the file size limit
// (RLIMIT_FSIZE) is lowered around the save, with SIGXFSZ ignored, so a write
// past it fails with EFBIG as one on a full disk fails with ENOSPC. The
// manifest writer (one file, and a whole plan: all or nothing) and the
// inventory editor must say which file failed, leave every original file
// byte for byte as it was and leave no temporary file behind.

#include "inventory/inventoryloader.h"
#include "manifests/inventoryeditor.h"
#include "manifests/writeplan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace labdeck;
using namespace labdeck::manifests;

namespace {

// While alive, no file of this process may grow past `bytes`.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Every file and folder under dir (relative path -> content; folders end in /).
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir root(dir);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = root.relativeFilePath(path);
        if (info.isDir())
            out.insert(rel + QLatin1Char('/'), {});
        else
            out.insert(rel, readAll(path));
    }
    return out;
}

QByteArray manifest(const QString &name, int padding)
{
    return QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %1\n  namespace: "
                          "apps\ndata:\n  padding: \"%2\"\n")
        .arg(name, QString(padding, QLatin1Char('x')))
        .toUtf8();
}

} // namespace

class TestFaultsDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        FileSizeLimit probe(4096);
        if (!probe.ok())
            QSKIP("setrlimit(RLIMIT_FSIZE) is refused here");
    }

    // One manifest replaced on a full disk: the error names the file, the
    // old file is untouched and no temporary file is left beside it.
    void manifestOnFullDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("apps/hello.yaml"));
        const QByteArray old = manifest(QStringLiteral("hello"), 100);
        QVERIFY(writeFile(path, old));
        QList<PlannedFile> plan = WritePlan::plan(
            dir.path(),
            {{QStringLiteral("apps/hello.yaml"), manifest(QStringLiteral("hello"), 8000)}});
        QCOMPARE(plan.first().state, PlannedFile::State::Differs);
        const auto before = snapshot(dir.path());

        QString error;
        bool written = true;
        {
            FileSizeLimit full(4096);
            QVERIFY(full.ok());
            written = WritePlan::write(plan.first(), true, &error);
        }
        QVERIFY(!written);
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("File too large")), qPrintable(error));
        QCOMPARE(readAll(path), old);
        QCOMPARE(snapshot(dir.path()), before);
    }

    // A plan of several files, one of which does not fit: either all are
    // written or none changes. The existing file keeps its content, the new
    // ones are not there, the folder made for them is gone, no temporary
    // files. With room again, the same plan writes every file.
    void manifestPlanAllOrNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray oldBase = manifest(QStringLiteral("base"), 10);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("base/namespace.yaml")), oldBase));
        const QList<ExtraFile> files{
            {QStringLiteral("base/namespace.yaml"), manifest(QStringLiteral("base"), 200)},
            {QStringLiteral("apps/hello.yaml"), manifest(QStringLiteral("hello"), 300)},
            {QStringLiteral("apps/hello-big.yaml"), manifest(QStringLiteral("hello-big"), 20000)},
        };
        const QList<PlannedFile> plan = WritePlan::plan(dir.path(), files);
        const auto before = snapshot(dir.path());

        QString error;
        bool written = true;
        {
            FileSizeLimit full(4096); // the first two fit, the third does not
            QVERIFY(full.ok());
            written = WritePlan::writeAll(plan, true, &error);
        }
        QVERIFY(!written);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("base/namespace.yaml"))), oldBase);
        QCOMPARE(snapshot(dir.path()), before); // no new file, folder or temporary file
        const QString big = dir.filePath(QStringLiteral("apps/hello-big.yaml"));
        QVERIFY2(error.startsWith(big + QStringLiteral(": cannot write: File too large")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Nothing was written")), qPrintable(error));

        // The disk has room again: the same plan writes everything.
        QVERIFY2(WritePlan::writeAll(plan, true, &error), qPrintable(error));
        for (const ExtraFile &f : files)
            QCOMPARE(readAll(dir.filePath(f.file)), f.content);
    }

    // The inventory editor on a disk that takes the backup but not the new
    // inventory: the error names the inventory, which is unchanged; the
    // backup holds the same bytes; nothing else is left.
    void inventorySaveOnFullDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        const QByteArray text = InventoryLoader::builtInYaml();
        QVERIFY(writeFile(path, text));
        Workload w;
        w.ns = QStringLiteral("monitoring");
        w.name = QStringLiteral("prometheus");
        w.url = QUrl(QStringLiteral("https://prom.example.com/") + QString(400, QLatin1Char('g')));
        const InventoryEdit edit =
            InventoryEditor::addWorkloadUrl(text, QStringLiteral("lab.yaml"), w);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        QVERIFY(edit.changes());
        QVERIFY(edit.after.size() > text.size() + 400);

        QString error;
        bool written = true;
        {
            FileSizeLimit full(rlim_t(text.size() + 100)); // the backup fits, the edit does not
            QVERIFY(full.ok());
            written = InventoryEditor::write(path, edit, &error);
        }
        QVERIFY(!written);
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write")), qPrintable(error));
        QCOMPARE(readAll(path), text);
        QCOMPARE(snapshot(dir.path()),
                 (QMap<QString, QByteArray>{{QStringLiteral("lab.yaml"), text},
                                            {QStringLiteral("lab.yaml.bak"), text}}));
    }

    // Not even the backup fits: nothing is written, an earlier backup is
    // kept as it was, the error says so and names the backup file.
    void inventoryBackupOnFullDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        const QByteArray text = InventoryLoader::builtInYaml();
        const QByteArray earlierBackup = "# an earlier backup\n";
        QVERIFY(writeFile(path, text));
        QVERIFY(writeFile(path + QStringLiteral(".bak"), earlierBackup));
        Workload w;
        w.ns = QStringLiteral("monitoring");
        w.name = QStringLiteral("prometheus");
        w.url = QUrl(QStringLiteral("https://prom.example.com"));
        const InventoryEdit edit =
            InventoryEditor::addWorkloadUrl(text, QStringLiteral("lab.yaml"), w);
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        const auto before = snapshot(dir.path());

        QString error;
        bool written = true;
        {
            FileSizeLimit full(rlim_t(text.size() / 2));
            QVERIFY(full.ok());
            written = InventoryEditor::write(path, edit, &error);
        }
        QVERIFY(!written);
        QVERIFY2(error.startsWith(path + QStringLiteral(".bak: cannot keep a backup")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("nothing was written")), qPrintable(error));
        QCOMPARE(snapshot(dir.path()), before);
    }
};

QTEST_GUILESS_MAIN(TestFaultsDisk)
#include "tst_faults_disk.moc"
