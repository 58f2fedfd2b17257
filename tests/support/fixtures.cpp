#include "support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace labdeck::test {

QString fixturePath(const QString &relative)
{
    return QStringLiteral(LABDECK_TEST_FIXTURES "/") + relative;
}

QByteArray fixture(const QString &relative)
{
    QFile f(fixturePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
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

QString writeFile(const QString &path, const QByteArray &content, bool executable)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return QFileInfo(path).absoluteFilePath();
}

} // namespace labdeck::test
