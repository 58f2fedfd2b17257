#pragma once

#include <QGraphicsView>

namespace labdeck {

class TopologyScene;

// Shows the TopologyScene: zoom (Ctrl+wheel, Ctrl+plus/minus), fit to the
// window, and keyboard navigation between hosts, rows and URLs (arrow keys
// move to the nearest item in that direction, Tab/Shift+Tab walk the reading
// order, Esc clears the selection).
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)
public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);

    [[nodiscard]] qreal zoom() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToWindow();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scaleBy(qreal factor);
    void moveSelection(int dx, int dy);
    void step(int delta);

    TopologyScene *m_scene;
    bool m_fitted = true; // follow the window size until the user zooms
};

} // namespace labdeck
