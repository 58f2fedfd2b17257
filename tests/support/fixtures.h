#pragma once

// Test fixture files (tests/fixtures, LABDECK_TEST_FIXTURES) and small file
// helpers shared by the tests.
//
// A missing fixture or a file that cannot be written does not abort the test
// executable: it records a Qt Test failure at the caller's line (the test
// function goes on with empty data, and the other test functions still run).

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <source_location>

namespace labdeck::test {

// The absolute path of tests/fixtures/<relative>.
QString fixturePath(const QString &relative);
// The bytes of tests/fixtures/<relative>; a missing fixture fails the current
// test (at the caller) and gives an empty array.
QByteArray fixture(const QString &relative,
                   std::source_location caller = std::source_location::current());
// The names of the files in tests/fixtures/<dir> matching filters, sorted.
QStringList fixturesIn(const QString &dir, const QStringList &filters = {QStringLiteral("*.json")});

// The bytes of a file, empty when it cannot be read.
QByteArray readFile(const QString &path);
// Writes content (making the folders) and gives the absolute path; when it
// cannot, fails the current test (at the caller) and gives an empty string.
QString writeFile(const QString &path, const QByteArray &content, bool executable = false,
                  std::source_location caller = std::source_location::current());

} // namespace labdeck::test
