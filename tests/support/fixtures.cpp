#include "support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace labdeck::test {

namespace {

void failAt(const QString &message, const std::source_location &caller)
{
    QTest::qFail(qPrintable(message), caller.file_name(), int(caller.line()));
}

} // namespace

QString fixturePath(const QString &relative)
{
    return QStringLiteral(LABDECK_TEST_FIXTURES "/") + relative;
}

QByteArray fixture(const QString &relative, std::source_location caller)
{
    QFile f(fixturePath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        failAt(QStringLiteral("missing fixture %1").arg(relative), caller);
        return {};
    }
    return f.readAll();
}

QStringList fixturesIn(const QString &dir, const QStringList &filters)
{
    return QDir(fixturePath(dir)).entryList(filters, QDir::Files, QDir::Name);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeFile(const QString &path, const QByteArray &content, bool executable,
                  std::source_location caller)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        failAt(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()), caller);
        return {};
    }
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return QFileInfo(path).absoluteFilePath();
}

} // namespace labdeck::test
