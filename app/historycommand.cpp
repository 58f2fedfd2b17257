#include "historycommand.h"

#include "commandline.h"
#include "common/gotime.h"
#include "common/visibletext.h"
#include "history/historydatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>
#include <optional>

namespace labdeck::app {

namespace {

constexpr int kPrinted = 0;
constexpr int kNoHistory = 1;
constexpr int kWrongArguments = 2;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("labdeck::app", text);
}

// "7d", "2w", or a Go duration ("36h", "90m"); at most 400 days.
std::optional<qint64> spanMs(const QString &text)
{
    static const QRegularExpression days(QStringLiteral("^(\\d{1,3})([dw])$"));
    const QRegularExpressionMatch m = days.match(text.trimmed());
    qint64 ms = 0;
    if (m.hasMatch()) {
        ms = m.captured(1).toLongLong() * kDayMs * (m.captured(2) == QLatin1String("w") ? 7 : 1);
    } else {
        const auto d = parseGoDuration(text.trimmed());
        if (!d)
            return std::nullopt;
        ms = d->count();
    }
    if (ms <= 0 || ms > 400 * kDayMs)
        return std::nullopt;
    return ms;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString shownTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString uptimeText(const history::Uptime &u)
{
    if (u.percent < 0)
        return QStringLiteral("-");
    return QStringLiteral("%1 %").arg(u.percent, 0, 'f', 2);
}

} // namespace

CheckRecorder::CheckRecorder(bool demo)
    : m_demo(demo)
{}

CheckRecorder::~CheckRecorder() = default;

bool CheckRecorder::open(QString *why)
{
    history::HistoryOptions options;
    options.demo = m_demo;
    m_db = std::make_unique<history::HistoryDatabase>(options);
    const history::HistoryStatus status = m_db->open();
    if (status.state == history::HistoryState::Recovered) {
        // Recorded into the new file; the user still has to know.
        QTextStream(stderr) << QStringLiteral("labdeck check: --record: ") << status.message
                            << Qt::endl;
        return true;
    }
    if (status.state != history::HistoryState::Ready) {
        *why = status.message;
        m_db.reset();
        return false;
    }
    return true;
}

bool CheckRecorder::record(const QList<checks::CheckResult> &results, const QDateTime &at,
                           QString *why)
{
    if (!m_db && !open(why))
        return false;
    if (!m_db->record(results, at.toMSecsSinceEpoch())) {
        *why = m_db->lastError().message;
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_db->compactionDue(now))
        m_db->compactAll(now);
    return true;
}

int runHistoryCommand(int argc, char **argv)
{
    QList<char *> args = subcommandArguments(argc, argv);
    int n = int(args.size());
    QCoreApplication app(n, args.data());
    setIdentity();
    installTranslations(app);
    QLoggingCategory::setFilterRules(QStringLiteral("labdeck.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints the incidents and the uptime of the lab's items from the history that the "
           "window and `labdeck check --record` keep.\nExit code: 0 printed, 1 no usable history "
           "file, 2 wrong arguments."));
    parser.addHelpOption();
    const QCommandLineOption since(
        QStringLiteral("since"),
        tr("How far back: DURATION such as 24h, 7d or 2w (default 7d, at most 400d)."),
        tr("DURATION"), QStringLiteral("7d"));
    const QCommandLineOption item(QStringLiteral("item"),
                                  tr("Only this item, e.g. host:bracky or "
                                     "check:certs:https://ha.example.com."),
                                  tr("ID"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print JSON (schema in docs/history.md)."));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Read FILE (default: $LABDECK_HISTORY or "
                                   "~/.local/share/labdeck/labdeck/history.sqlite)."),
                                tr("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Read the demo lab's history (history-demo.sqlite next to the default file)."));
    parser.addOptions({since, item, json, db, demo});
    QTextStream err(stderr);
    if (!parser.parse(QCoreApplication::arguments())) {
        err << parser.errorText() << Qt::endl << parser.helpText();
        return kWrongArguments;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return kPrinted;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("labdeck history: unexpected argument %1")
                   .arg(VisibleText::escape(parser.positionalArguments().first()))
            << Qt::endl;
        return kWrongArguments;
    }
    const auto span = spanMs(parser.value(since));
    if (!span) {
        err << tr("labdeck history: --since takes a duration such as 24h, 7d or 2w (at most 400d)")
            << Qt::endl;
        return kWrongArguments;
    }
    history::HistoryOptions options;
    options.path = parser.value(db);
    options.demo = parser.isSet(demo);
    const QString path = options.resolvedPath();
    if (!history::HistoryDatabase::exists(path)) {
        err << tr("labdeck history: there is no history file %1 yet; the window and `labdeck "
                  "check --record` write it")
                   .arg(path)
            << Qt::endl;
        return kNoHistory;
    }
    history::HistoryDatabase database(options);
    const history::HistoryStatus status = database.open();
    if (status.state != history::HistoryState::Ready) {
        err << QStringLiteral("labdeck history: ") << status.message << Qt::endl;
        return kNoHistory;
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - *span;
    const QString only = parser.value(item);
    const QStringList items = only.isEmpty() ? database.items(from) : QStringList{only};
    const QList<history::Incident> incidents = database.incidents(only, from, 1000);
    QHash<QString, int> incidentCount;
    for (const history::Incident &i : incidents)
        ++incidentCount[i.item];

    QTextStream out(stdout);
    if (parser.isSet(json)) {
        QJsonArray itemArray;
        for (const QString &id : items) {
            const history::Uptime u = database.uptime(id, from, now);
            QJsonObject o{
                {QStringLiteral("id"), id},
                {QStringLiteral("uptimePercent"),
                 u.percent < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(u.percent)},
                {QStringLiteral("results"), u.samples},
                {QStringLiteral("okResults"), u.okSamples},
                {QStringLiteral("knownSeconds"), double(u.knownMs / 1000)},
                {QStringLiteral("okSeconds"), double(u.okMs / 1000)},
                {QStringLiteral("incidents"), incidentCount.value(id)},
            };
            itemArray.append(o);
        }
        QJsonArray incidentArray;
        for (const history::Incident &i : incidents) {
            incidentArray.append(QJsonObject{
                {QStringLiteral("item"), i.item},
                {QStringLiteral("from"), isoTime(i.from)},
                {QStringLiteral("to"),
                 i.ongoing() ? QJsonValue(QJsonValue::Null) : QJsonValue(isoTime(i.to))},
                {QStringLiteral("ongoing"), i.ongoing()},
                {QStringLiteral("worst"), history::HistoryText::severityId(i.worst)},
                {QStringLiteral("reason"), i.reason},
            });
        }
        const QJsonObject doc{
            {QStringLiteral("schemaVersion"), 1},     {QStringLiteral("file"), path},
            {QStringLiteral("since"), isoTime(from)}, {QStringLiteral("until"), isoTime(now)},
            {QStringLiteral("items"), itemArray},     {QStringLiteral("incidents"), incidentArray},
        };
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return kPrinted;
    }

    out << tr("History in %1 since %2 UTC (%3)")
               .arg(VisibleText::escape(path), shownTime(from), parser.value(since))
        << Qt::endl;
    if (items.isEmpty()) {
        out << tr("Nothing was recorded in this span.") << Qt::endl;
        return kPrinted;
    }
    int width = 10;
    for (const QString &id : items)
        width = std::max(width, int(std::min<qsizetype>(60, VisibleText::escape(id).size())));
    out << Qt::endl
        << tr("ITEM").leftJustified(width) << QStringLiteral("  ") << tr("UPTIME").rightJustified(9)
        << QStringLiteral("  ") << tr("BASED ON").leftJustified(14) << QStringLiteral("  ")
        << tr("INCIDENTS") << Qt::endl;
    for (const QString &id : items) {
        const history::Uptime u = database.uptime(id, from, now);
        const QString basis = u.knownMs > 0
                                  ? tr("%1 h watched").arg(double(u.knownMs) / 3600000.0, 0, 'f', 1)
                                  : tr("%1 results").arg(u.samples);
        out << VisibleText::escape(id).leftJustified(width) << QStringLiteral("  ")
            << uptimeText(u).rightJustified(9) << QStringLiteral("  ") << basis.leftJustified(14)
            << QStringLiteral("  ") << incidentCount.value(id) << Qt::endl;
    }
    out << Qt::endl;
    if (incidents.isEmpty()) {
        out << tr("No incidents in this span.") << Qt::endl;
        return kPrinted;
    }
    out << tr("Incidents, newest first:") << Qt::endl;
    for (const history::Incident &i : incidents) {
        out << QStringLiteral("  %1 %2  %3 \u2192 %4  %5: %6")
                   .arg(HealthText::glyph(i.worst),
                        HealthText::name(i.worst).toUpper().leftJustified(8), shownTime(i.from),
                        i.ongoing() ? tr("ongoing").leftJustified(16) : shownTime(i.to),
                        VisibleText::escape(i.item), VisibleText::escape(i.reason))
            << Qt::endl;
    }
    return kPrinted;
}

} // namespace labdeck::app
