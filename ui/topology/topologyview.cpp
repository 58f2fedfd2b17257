#include "topology/topologyview.h"

#include "topology/topologyscene.h"

#include <QKeyEvent>
#include <QWheelEvent>
#include <QtMath>
#include <limits>

namespace labdeck {

namespace {
constexpr qreal kMinZoom = 0.15;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kStep = 1.2;
} // namespace

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Lab topology"));
    connect(m_scene, &TopologyScene::rebuilt, this, [this] {
        if (m_fitted)
            fitToWindow();
    });
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::scaleBy(qreal factor)
{
    const qreal target = qBound(kMinZoom, zoom() * factor, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal f = target / zoom();
    scale(f, f);
    m_fitted = false;
}

void TopologyView::zoomIn()
{
    scaleBy(kStep);
}

void TopologyView::zoomOut()
{
    scaleBy(1 / kStep);
}

void TopologyView::fitToWindow()
{
    resetTransform();
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    if (zoom() > 1.0) {
        resetTransform(); // never blow small labs up beyond 100 %
        centerOn(m_scene->sceneRect().center());
    }
    m_fitted = true;
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToWindow();
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        scaleBy(qPow(kStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::moveSelection(int dx, int dy)
{
    const QList<StatusItem *> items = m_scene->selectableItems();
    if (items.isEmpty())
        return;
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    if (selected.isEmpty()) {
        items.first()->setSelected(true);
        ensureVisible(items.first());
        return;
    }
    const QPointF from = selected.first()->sceneBoundingRect().center();
    StatusItem *best = nullptr;
    qreal bestScore = std::numeric_limits<qreal>::max();
    for (StatusItem *item : items) {
        if (item == selected.first())
            continue;
        const QPointF d = item->sceneBoundingRect().center() - from;
        const qreal along = dx != 0 ? d.x() * dx : d.y() * dy;
        const qreal across = dx != 0 ? qAbs(d.y()) : qAbs(d.x());
        if (along <= 1)
            continue;
        const qreal score = along + 2.5 * across;
        if (score < bestScore) {
            bestScore = score;
            best = item;
        }
    }
    if (best) {
        m_scene->clearSelection();
        best->setSelected(true);
        ensureVisible(best);
    }
}

void TopologyView::step(int delta)
{
    const QList<StatusItem *> items = m_scene->selectableItems();
    if (items.isEmpty())
        return;
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    qsizetype i = selected.isEmpty() ? (delta > 0 ? -1 : 0)
                                     : items.indexOf(static_cast<StatusItem *>(selected.first()));
    i = (i + delta + items.size()) % items.size();
    m_scene->clearSelection();
    items.at(i)->setSelected(true);
    ensureVisible(items.at(i));
}

bool TopologyView::focusNextPrevChild(bool next)
{
    // Tab walks the items of the lab; Ctrl+Tab still leaves the view.
    step(next ? 1 : -1);
    return true;
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        moveSelection(1, 0);
        return;
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    case Qt::Key_Home:
        m_scene->clearSelection();
        step(1);
        return;
    case Qt::Key_Escape:
        m_scene->clearLabSelection();
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace labdeck
