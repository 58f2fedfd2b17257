#include "labselection.h"

namespace labdeck {

LabSelection::LabSelection(QObject *parent)
    : QObject(parent)
{}

void LabSelection::select(const QString &id)
{
    if (id == m_current)
        return;
    m_current = id;
    Q_EMIT currentChanged(m_current);
}

} // namespace labdeck
