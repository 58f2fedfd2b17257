#include "checks/exporter.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QSaveFile>
#include <tuple>

namespace labdeck::checks {

namespace {

// The order RunSummary::worst() uses, for two results about the same series.
int rank(Health h)
{
    switch (h) {
    case Health::Ok:
        return 0;
    case Health::Warning:
        return 1;
    case Health::Unknown:
        return 2;
    case Health::Critical:
        return 3;
    }
    return 2;
}

QByteArray seconds(qint64 ms)
{
    return QByteArray::number(double(ms) / 1000.0, 'f', 3);
}

class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += QByteArrayLiteral("# HELP ") + name + ' ' + help + '\n';
        m_out += QByteArrayLiteral("# TYPE ") + name + ' ' + type + '\n';
    }
    void sample(const char *name, const QList<std::pair<const char *, QString>> &labels,
                const QByteArray &value)
    {
        m_out += name;
        if (!labels.isEmpty()) {
            m_out += '{';
            bool first = true;
            for (const auto &[key, v] : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += key;
                m_out += "=\"";
                m_out += MetricsExposition::escapeLabelValue(v);
                m_out += '"';
            }
            m_out += '}';
        }
        m_out += ' ' + value + '\n';
    }
    [[nodiscard]] QByteArray text() const { return m_out; }

private:
    QByteArray m_out;
};

} // namespace

int MetricsExposition::statusValue(Health severity)
{
    switch (severity) {
    case Health::Ok:
        return 0;
    case Health::Warning:
        return 1;
    case Health::Critical:
        return 2;
    case Health::Unknown:
        break;
    }
    return 3;
}

QByteArray MetricsExposition::escapeLabelValue(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsExposition::render(const QList<const CheckSchedule::State *> &states,
                                     const QString &version, bool scheduled)
{
    Writer w;
    w.family("labdeck_build_info", "gauge", "Labdeck's version; always 1.");
    w.sample("labdeck_build_info", {{"version", version}}, "1");

    // One series per category, target and host: a check that reports the
    // same target twice shows its worse verdict (Prometheus refuses a
    // scrape with a repeated series).
    using Key = std::tuple<QString, QString>; // target, host
    QList<std::pair<QString, QMap<Key, Health>>> status;
    QMap<QString, qint64> expiry; // url -> notAfter, Unix seconds
    for (const CheckSchedule::State *s : states) {
        QMap<Key, Health> byTarget;
        for (const CheckResult &r : s->results) {
            const Key key{r.target, r.host};
            const auto it = byTarget.constFind(key);
            if (it == byTarget.constEnd() || rank(r.severity) > rank(it.value()))
                byTarget.insert(key, r.severity);
            const QString notAfter = r.details.value(QLatin1String("notAfter")).toString();
            if (r.category == QLatin1String("certs") && !notAfter.isEmpty()) {
                const QDateTime t = QDateTime::fromString(notAfter, Qt::ISODate);
                const QString url = r.url.isEmpty() ? r.target : r.url;
                if (t.isValid() && (!expiry.contains(url) || t.toSecsSinceEpoch() < expiry[url]))
                    expiry.insert(url, t.toSecsSinceEpoch());
            }
        }
        status.append({s->category, byTarget});
    }
    w.family("labdeck_check_status", "gauge",
             "The last verdict of a check on a target: 0 ok, 1 warning, 2 critical, 3 could not "
             "run.");
    for (const auto &[category, byTarget] : std::as_const(status)) {
        for (auto it = byTarget.constBegin(); it != byTarget.constEnd(); ++it)
            w.sample("labdeck_check_status",
                     {{"category", category},
                      {"target", std::get<0>(it.key())},
                      {"host", std::get<1>(it.key())}},
                     QByteArray::number(statusValue(it.value())));
    }
    if (!expiry.isEmpty()) {
        w.family("labdeck_cert_expiry_timestamp_seconds", "gauge",
                 "When the certificate served at url expires (notAfter), in Unix seconds.");
        for (auto it = expiry.constBegin(); it != expiry.constEnd(); ++it)
            w.sample("labdeck_cert_expiry_timestamp_seconds", {{"url", it.key()}},
                     QByteArray::number(it.value()));
    }

    QList<const CheckSchedule::State *> ran;
    for (const CheckSchedule::State *s : states) {
        if (s->rounds > 0)
            ran << s;
    }
    if (!ran.isEmpty()) {
        w.family("labdeck_check_duration_seconds", "gauge",
                 "How long the last round of a category took.");
        for (const CheckSchedule::State *s : std::as_const(ran))
            w.sample("labdeck_check_duration_seconds", {{"category", s->category}},
                     seconds(s->lastDurationMs));
        w.family("labdeck_check_last_run_timestamp_seconds", "gauge",
                 "When the last round of a category finished, in Unix seconds.");
        for (const CheckSchedule::State *s : std::as_const(ran))
            w.sample("labdeck_check_last_run_timestamp_seconds", {{"category", s->category}},
                     seconds(s->lastRun.toMSecsSinceEpoch()));
    }
    if (scheduled && !states.isEmpty()) {
        w.family("labdeck_check_interval_seconds", "gauge",
                 "How often a category runs now: the configured interval times the backoff (1, 2 "
                 "or 4) after rounds that timed out.");
        for (const CheckSchedule::State *s : states)
            w.sample("labdeck_check_interval_seconds", {{"category", s->category}},
                     seconds(s->effectiveInterval().count()));
    }
    if (!states.isEmpty()) {
        w.family("labdeck_check_rounds_total", "counter", "Rounds of a category that finished.");
        for (const CheckSchedule::State *s : states)
            w.sample("labdeck_check_rounds_total", {{"category", s->category}},
                     QByteArray::number(s->rounds));
        w.family("labdeck_check_rounds_skipped_total", "counter",
                 "Rounds of a category not started because the previous one still ran.");
        for (const CheckSchedule::State *s : states)
            w.sample("labdeck_check_rounds_skipped_total", {{"category", s->category}},
                     QByteArray::number(s->skipped));
    }
    return w.text();
}

bool MetricsExposition::writeTextfile(const QString &dir, const QByteArray &text, QString *error)
{
    const QFileInfo info(dir);
    const QString path = QDir(dir).filePath(QLatin1String(kTextfileName));
    if (!info.exists()) {
        *error = tr("cannot write %1: the directory %2 does not exist").arg(path, dir);
        return false;
    }
    if (!info.isDir()) {
        *error = tr("cannot write %1: %2 is not a directory").arg(path, dir);
        return false;
    }
    // QSaveFile writes a temporary file next to the target and renames it
    // over the target on commit(), so node_exporter never reads half a file
    // (it reads only names ending in .prom).
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    if (file.write(text) != text.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace labdeck::checks
