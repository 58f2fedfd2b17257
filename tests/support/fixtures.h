#pragma once

// Test fixture files (tests/fixtures, LABDECK_TEST_FIXTURES) and small file
// helpers shared by the tests.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace labdeck::test {

// The absolute path of tests/fixtures/<relative>.
QString fixturePath(const QString &relative);
// The bytes of tests/fixtures/<relative>; a missing fixture aborts the test.
QByteArray fixture(const QString &relative);
// The names of the files in tests/fixtures/<dir> matching filters, sorted.
QStringList fixturesIn(const QString &dir, const QStringList &filters = {QStringLiteral("*.json")});

// The bytes of a file, empty when it cannot be read.
QByteArray readFile(const QString &path);
// Writes content (making the folders); aborts when it cannot. The absolute path.
QString writeFile(const QString &path, const QByteArray &content, bool executable = false);

} // namespace labdeck::test
