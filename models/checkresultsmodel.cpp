#include "checkresultsmodel.h"

#include "healthcolor.h"

#include <QBrush>
#include <QHash>
#include <QSet>
#include <algorithm>

namespace labdeck {

CheckResultsModel::CheckResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CheckResultsModel::~CheckResultsModel() = default;

void CheckResultsModel::clear()
{
    if (m_results.isEmpty())
        return;
    beginResetModel();
    m_results.clear();
    endResetModel();
}

void CheckResultsModel::append(const checks::CheckResult &result)
{
    const int row = int(m_results.size());
    beginInsertRows({}, row, row);
    m_results << result;
    endInsertRows();
}

void CheckResultsModel::replaceCategory(const QString &category,
                                        const QList<checks::CheckResult> &results)
{
    // A row is known by its target and, for a target that appears more than
    // once in a round, by which occurrence it is.
    auto keysOf = [&category](const QList<checks::CheckResult> &list) {
        QHash<QString, int> seen;
        QList<QString> keys(list.size());
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).category != category)
                continue;
            const int n = seen[list.at(i).target]++;
            keys[i] = list.at(i).target + QChar(0x1f) + QString::number(n);
        }
        return keys;
    };
    QHash<QString, qsizetype> fresh; // key -> index in results
    {
        const QList<QString> keys = keysOf(results);
        for (qsizetype i = 0; i < results.size(); ++i) {
            if (!keys.at(i).isEmpty())
                fresh.insert(keys.at(i), i);
        }
    }
    QList<QString> rowKeys = keysOf(m_results);
    auto stays = [&](int row) {
        return m_results.at(row).category != category || fresh.contains(rowKeys.at(row));
    };
    // Rows whose target is gone, removed from the bottom in contiguous runs.
    for (int row = int(m_results.size()) - 1; row >= 0;) {
        if (stays(row)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !stays(first - 1))
            --first;
        beginRemoveRows({}, first, row);
        m_results.remove(first, row - first + 1);
        rowKeys.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // Targets seen before: changed in place.
    QSet<QString> kept;
    for (int row = 0; row < int(m_results.size()); ++row) {
        if (m_results.at(row).category != category)
            continue;
        kept.insert(rowKeys.at(row));
        m_results[row] = results.at(fresh.value(rowKeys.at(row)));
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, SeverityRole,
                            CategoryRole, HostRole, UrlRole});
    }
    // New targets: appended in one step, in the round's order.
    QList<qsizetype> addedAt;
    for (auto it = fresh.constBegin(); it != fresh.constEnd(); ++it) {
        if (!kept.contains(it.key()))
            addedAt << it.value();
    }
    if (addedAt.isEmpty())
        return;
    std::sort(addedAt.begin(), addedAt.end());
    QList<checks::CheckResult> added;
    added.reserve(addedAt.size());
    for (qsizetype i : std::as_const(addedAt))
        added << results.at(i);
    const int first = int(m_results.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_results << added;
    endInsertRows();
}

int CheckResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int CheckResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const checks::CheckResult &r = m_results.at(index.row());
    switch (role) {
    case SeverityRole:
        return int(r.severity);
    case CategoryRole:
        return r.category;
    case HostRole:
        return r.host;
    case UrlRole:
        return r.url;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return HealthText::glyph(r.severity) + QLatin1Char(' ') + HealthText::name(r.severity);
        case CategoryColumn:
            return r.category;
        case TargetColumn:
            return r.target;
        case SummaryColumn:
            return r.summary;
        case AdviceColumn:
            return r.advice;
        case DurationColumn:
            return tr("%1 ms").arg(r.durationMs);
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return r.advice.isEmpty()
                   ? r.summary
                   : r.summary + QStringLiteral("\n\n") + tr("What to do: %1").arg(r.advice);
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return QBrush(healthColor(r.severity));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant CheckResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Result");
    case CategoryColumn:
        return tr("Check");
    case TargetColumn:
        return tr("Target");
    case SummaryColumn:
        return tr("What is wrong");
    case AdviceColumn:
        return tr("What to do");
    case DurationColumn:
        return tr("Took");
    default:
        break;
    }
    return {};
}

} // namespace labdeck
