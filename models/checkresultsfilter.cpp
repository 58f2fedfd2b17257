#include "checkresultsfilter.h"

#include "checkresultsmodel.h"

#include <QMap>

namespace labdeck {

CheckResultsFilter::CheckResultsFilter(CheckResultsModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(CheckResultsModel::SeverityColumn, Qt::DescendingOrder);
}

void CheckResultsFilter::setText(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void CheckResultsFilter::setProblemsOnly(bool on)
{
    if (on == m_problemsOnly)
        return;
    m_problemsOnly = on;
    invalidateFilter();
}

void CheckResultsFilter::setSubject(const QString &host, const QString &url)
{
    if (host == m_host && url == m_url)
        return;
    m_host = host;
    m_url = url;
    invalidateFilter();
}

bool CheckResultsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || sourceRow >= m_source->rowCount())
        return false;
    const checks::CheckResult &r = m_source->result(sourceRow);
    if (m_problemsOnly && r.severity == Health::Ok)
        return false;
    if (!m_host.isEmpty() || !m_url.isEmpty()) {
        const bool host = !m_host.isEmpty() && r.host == m_host;
        const bool url = !m_url.isEmpty() && r.url == m_url;
        if (!host && !url)
            return false;
    }
    for (const QString &w : m_words) {
        const bool found = r.category.contains(w, Qt::CaseInsensitive) ||
                           r.target.contains(w, Qt::CaseInsensitive) ||
                           r.summary.contains(w, Qt::CaseInsensitive) ||
                           r.advice.contains(w, Qt::CaseInsensitive) ||
                           r.host.contains(w, Qt::CaseInsensitive) ||
                           r.url.contains(w, Qt::CaseInsensitive) ||
                           checks::severityId(r.severity).contains(w, Qt::CaseInsensitive) ||
                           HealthText::name(r.severity).contains(w, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

bool CheckResultsFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const checks::CheckResult &a = m_source->result(left.row());
    const checks::CheckResult &b = m_source->result(right.row());
    if (left.column() == CheckResultsModel::DurationColumn && a.durationMs != b.durationMs)
        return a.durationMs < b.durationMs;
    if (left.column() != CheckResultsModel::SeverityColumn &&
        left.column() != CheckResultsModel::DurationColumn) {
        const int c =
            QString::compare(left.data().toString(), right.data().toString(), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
    }
    // Severity: shown descending (critical first), so the ties are ordered
    // backwards here to read categories in report order and targets A to Z.
    const int ra = rank(a.severity);
    const int rb = rank(b.severity);
    if (ra != rb)
        return ra < rb;
    const QStringList order = checks::allCategories();
    const qsizetype ca = order.indexOf(a.category);
    const qsizetype cb = order.indexOf(b.category);
    if (ca != cb)
        return ca > cb;
    const int t = QString::compare(a.target, b.target, Qt::CaseInsensitive);
    if (t != 0)
        return t > 0;
    return left.row() > right.row();
}

QString CheckResultsFilter::summaryText(const QList<checks::CheckResult> &results)
{
    QStringList parts;
    for (Health h : {Health::Critical, Health::Warning, Health::Unknown}) {
        QMap<qsizetype, QPair<QString, int>> byCategory; // report order
        int n = 0;
        for (const checks::CheckResult &r : results) {
            if (r.severity != h)
                continue;
            ++n;
            auto &slot = byCategory[checks::allCategories().indexOf(r.category)];
            slot.first = r.category;
            ++slot.second;
        }
        if (n == 0)
            continue;
        QStringList cats;
        for (const auto &c : std::as_const(byCategory))
            cats << tr("%1 %2").arg(c.second).arg(c.first);
        const QString head = h == Health::Unknown ? tr("%1 could not run").arg(n)
                                                  : tr("%1 %2").arg(n).arg(HealthText::name(h));
        parts << tr("%1: %2").arg(head, cats.join(QStringLiteral(", ")));
    }
    int ok = 0;
    for (const checks::CheckResult &r : results)
        ok += r.severity == Health::Ok;
    if (ok > 0)
        parts << tr("%1 ok").arg(ok);
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace labdeck
