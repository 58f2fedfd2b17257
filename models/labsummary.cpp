#include "labsummary.h"

#include "hostmodel.h"

#include <algorithm>

namespace labdeck {

namespace {

bool isProblem(Health h)
{
    return h == Health::Warning || h == Health::Critical;
}

Health healthOf(const QModelIndex &index, int role)
{
    return Health(index.data(role).toInt());
}

} // namespace

LabSummary::LabSummary(HostModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &LabSummary::update);
    connect(model, &QAbstractItemModel::dataChanged, this, &LabSummary::schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, &LabSummary::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LabSummary::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &LabSummary::schedule);
    update();
}

void LabSummary::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

int LabSummary::count(Health health) const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [health](const Problem &p) { return p.health == health; }));
}

void LabSummary::update()
{
    m_timer.stop();
    QList<Problem> problems;
    int items = 0;
    int known = 0;
    bool allOk = true;
    const auto problemOf = [](const QModelIndex &i, Health h) {
        Problem p;
        p.id = i.data(HostModel::IdRole).toString();
        p.name = i.data(Qt::DisplayRole).toString();
        p.health = h;
        // Its own reason when that is the problem, else what another source
        // (an alert, a check) said, the first line of the roll-up.
        p.reason = i.data(HostModel::HealthReasonRole).toString();
        if (healthOf(i, HostModel::OwnHealthRole) != h || p.reason.isEmpty()) {
            p.reason = i.data(HostModel::RollupRole).toStringList().value(0);
            // The line starts with the state's glyph; the tray says the state itself.
            const qsizetype space = p.reason.indexOf(QLatin1Char(' '));
            if (space > 0 && space <= 2)
                p.reason = p.reason.mid(space + 1);
        }
        return p;
    };
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex host = m_model->index(r, HostModel::NameColumn);
        ++items;
        const Health hostHealth = healthOf(host, HostModel::HealthRole);
        // The host's own state (with what other sources said about the host
        // itself), not the roll-up of what runs on it.
        Health worstChild = Health::Unknown;
        const int children = m_model->rowCount(host);
        for (int c = 0; c < children; ++c) {
            const Health h = healthOf(m_model->index(c, 0, host), HostModel::HealthRole);
            if (severityRank(h) > severityRank(worstChild))
                worstChild = h;
        }
        const Health own = healthOf(host, HostModel::OwnHealthRole);
        Health self = own;
        if (severityRank(hostHealth) > severityRank(worstChild) &&
            severityRank(hostHealth) > severityRank(own))
            self = hostHealth; // a contribution to the host (an alert, a check)
        known += self != Health::Unknown;
        allOk = allOk && self == Health::Ok;
        const bool hostDown = isProblem(self);
        Problem hostProblem = problemOf(host, self);
        QList<Problem> under;
        for (int c = 0; c < children; ++c) {
            const QModelIndex child = m_model->index(c, 0, host);
            ++items;
            const Health h = healthOf(child, HostModel::HealthRole);
            known += h != Health::Unknown;
            allOk = allOk && h == Health::Ok;
            if (!isProblem(h))
                continue;
            // Down with its host: counted under it, unless it is worse.
            if (hostDown && severityRank(h) <= severityRank(self))
                ++hostProblem.affected;
            else
                under << problemOf(child, h);
        }
        if (hostDown)
            problems << hostProblem;
        problems += under;
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return severityRank(a.health) > severityRank(b.health);
    });
    Health worst = Health::Unknown;
    if (!problems.isEmpty())
        worst = problems.first().health;
    else if (items > 0 && allOk)
        worst = Health::Ok;
    const bool same = worst == m_worst && items == m_items && known == m_known &&
                      std::equal(problems.cbegin(), problems.cend(), m_problems.cbegin(),
                                 m_problems.cend(), [](const Problem &a, const Problem &b) {
                                     return a.id == b.id && a.health == b.health &&
                                            a.reason == b.reason && a.affected == b.affected;
                                 });
    m_worst = worst;
    m_problems = problems;
    m_items = items;
    m_known = known;
    if (!same)
        Q_EMIT changed();
}

QString LabSummary::text(int maxProblems) const
{
    if (m_items == 0)
        return tr("No lab loaded");
    if (m_problems.isEmpty()) {
        if (m_worst == Health::Ok)
            return tr("All %1 items ok").arg(m_items);
        if (m_known == 0)
            return tr("Waiting for the lab's state");
        return tr("No problems; %1 of %2 items not known yet").arg(m_items - m_known).arg(m_items);
    }
    QStringList parts;
    int shown = 0;
    for (Health h : {Health::Critical, Health::Warning}) {
        QStringList names;
        int n = 0;
        for (const Problem &p : m_problems) {
            if (p.health != h)
                continue;
            ++n;
            if (shown >= maxProblems)
                continue;
            ++shown;
            QString line = p.reason.isEmpty() ? p.name : tr("%1 %2").arg(p.name, p.reason);
            if (p.affected > 0)
                line = tr("%1 (%2 more affected)").arg(line).arg(p.affected);
            names << line;
        }
        if (n == 0)
            continue;
        const QString head = h == Health::Critical ? tr("%1 critical").arg(n)
                             : n == 1              ? tr("1 warning")
                                                   : tr("%1 warnings").arg(n);
        parts << (names.isEmpty() ? head
                                  : tr("%1: %2").arg(head, names.join(QStringLiteral(", "))));
    }
    if (shown < m_problems.size())
        parts << tr("and %1 more").arg(m_problems.size() - shown);
    return parts.join(QStringLiteral("; "));
}

} // namespace labdeck
