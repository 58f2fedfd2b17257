#pragma once

#include "checks/checkresult.h"
#include "roles.h"

#include <QAbstractTableModel>
#include <QList>

namespace labdeck {

// The results of a check run, one row per result in the order they arrived.
// Rows are inserted one by one as results stream in (beginInsertRows), so a
// view keeps its scroll position and selection. A background round of one
// category replaces that category's rows in place: a target seen before is
// changed (dataChanged), a target gone is removed, a new one is appended.
// UI thread.
class CheckResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsModel)
public:
    enum Column {
        SeverityColumn = 0,
        CategoryColumn,
        TargetColumn,
        SummaryColumn,
        AdviceColumn,
        DurationColumn,
        ColumnCount
    };
    // The roles of roles.h that the results answer, under the names its callers use.
    enum Role {
        SeverityRole = roles::Health,   // int(Health)
        CategoryRole = roles::Category, // "certs"
        HostRole = roles::Host,         // inventory host the result is about, may be empty
        UrlRole = roles::UrlText,       // QString: public URL the result is about, may be empty
    };

    explicit CheckResultsModel(QObject *parent = nullptr);
    ~CheckResultsModel() override;

    void clear();
    void append(const checks::CheckResult &result);
    // The rows of `category` become `results` (all of that category), keyed
    // by target; the other categories' rows are not touched.
    void replaceCategory(const QString &category, const QList<checks::CheckResult> &results);
    [[nodiscard]] const QList<checks::CheckResult> &results() const { return m_results; }
    [[nodiscard]] const checks::CheckResult &result(int row) const { return m_results.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<checks::CheckResult> m_results;
};

} // namespace labdeck
