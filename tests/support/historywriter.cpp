// A second program on a history file, for tst_history:
//   historywriter burst FILE   records rounds of 60 check results as fast as it
//                              can, printing "round N" after each commit, until
//                              it is killed
//   historywriter lock FILE    holds BEGIN EXCLUSIVE on FILE (a raw SQLite
//                              connection, as another program would) and prints
//                              "locked"; ends when its stdin closes
#include "history/historydatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <cstdio>

using namespace labdeck;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    const QString file = args.at(2);
    QTextStream out(stdout);
    if (args.at(1) == QLatin1String("burst")) {
        history::HistoryOptions options;
        options.path = file;
        history::HistoryDatabase db(options);
        if (db.open().state != history::HistoryState::Ready)
            return 1;
        qint64 t = QDateTime::currentMSecsSinceEpoch() - 24LL * 3600 * 1000;
        for (int round = 1;; ++round) {
            QList<checks::CheckResult> results;
            for (int i = 0; i < 60; ++i) {
                checks::CheckResult r;
                r.category = QStringLiteral("certs");
                r.target = QStringLiteral("https://t%1.example.com").arg(i);
                r.severity = (round + i) % 7 == 0 ? Health::Critical : Health::Ok;
                r.summary = QStringLiteral("round %1 target %2 ").arg(round).arg(i).repeated(8);
                results << r;
            }
            if (!db.record(results, t))
                return 1;
            t += 1000;
            out << "round " << round << Qt::endl;
        }
    }
    if (args.at(1) == QLatin1String("lock")) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
        db.setDatabaseName(file);
        if (!db.open())
            return 1;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN EXCLUSIVE"))) {
            out << "error " << q.lastError().text() << Qt::endl;
            return 1;
        }
        // A write, so the lock is the one a busy writer holds.
        q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS other_program(x)"));
        out << "locked" << Qt::endl;
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 1;
        (void)in.readLine();
        q.exec(QStringLiteral("ROLLBACK"));
        return 0;
    }
    return 2;
}
