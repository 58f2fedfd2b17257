#pragma once

// The Checks table as the owner reads it: problems first — critical, then
// warning, then "could not run", then ok — and within each the categories in
// report order and the targets A to Z, so that the order is the same after
// every run. Other columns sort by their text. Filtered as the user types
// (category, target, what is wrong, what to do, host, URL; every word must
// match) and optionally to problems only. UI thread.

#include "checks/checkresult.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace labdeck {

class CheckResultsModel;

class CheckResultsFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsFilter)
public:
    explicit CheckResultsFilter(CheckResultsModel *source, QObject *parent = nullptr);

    void setText(const QString &text);
    [[nodiscard]] QString text() const { return m_words.join(QLatin1Char(' ')); }
    // Warning, critical and "could not run" only.
    void setProblemsOnly(bool on);
    [[nodiscard]] bool problemsOnly() const { return m_problemsOnly; }
    // Only what is about this host (inventory name) or URL; empty: all.
    void setSubject(const QString &host, const QString &url);
    [[nodiscard]] QString subjectHost() const { return m_host; }

    // How bad a result is for the order: 3 critical, 2 warning, 1 could not run, 0 ok.
    [[nodiscard]] static int rank(Health severity) { return problemRank(severity); }
    // "12 critical: 5 certs, 5 endpoints, 2 routes · 4 warning: 4 routes ·
    // 1 could not run: k8s · 40 ok" over every result of `results`.
    [[nodiscard]] static QString summaryText(const QList<checks::CheckResult> &results);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    CheckResultsModel *m_source;
    QStringList m_words;
    bool m_problemsOnly = false;
    QString m_host;
    QString m_url;
};

} // namespace labdeck
