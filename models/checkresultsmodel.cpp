#include "checkresultsmodel.h"

#include "healthcolor.h"

#include <QBrush>

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
