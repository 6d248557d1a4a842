// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace Haven {

namespace {
constexpr double ZoomStep = 1.25;
constexpr double MinZoom = 0.005;
constexpr double MaxZoom = 8;
constexpr int ClickSlop = 5; // pixels a press may move and still count as a click
} // namespace

TopologyView::TopologyView(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHint(QPainter::Antialiasing, true);
    setRenderHint(QPainter::TextAntialiasing, true);
    // Most frames repaint most of the viewport (pan, zoom, a fleet-wide status wave touches tiles
    // everywhere); one full repaint spares collecting thousands of small dirty regions.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setCacheMode(QGraphicsView::CacheBackground);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::NoDrag);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

TopologyView::~TopologyView() = default;

void TopologyView::setTopologyScene(TopologyScene *scene)
{
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    setScene(scene);
    if (!scene)
        return;
    connect(scene, &TopologyScene::layoutChanged, this, [this] {
        if (m_fitted)
            zoomToFit();
    });
    zoomToFit();
}

void TopologyView::zoomToFit()
{
    if (!m_scene)
        return;
    fitInView(m_scene->contentRect(), Qt::KeepAspectRatio);
    m_fitted = true;
    Q_EMIT zoomChanged(zoom());
}

double TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    scale(target / zoom(), target / zoom());
    m_fitted = false;
    Q_EMIT zoomChanged(zoom());
}

void TopologyView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    zoomBy(ZoomStep);
    setTransformationAnchor(anchor);
}

void TopologyView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    zoomBy(1 / ZoomStep);
    setTransformationAnchor(anchor);
}

void TopologyView::resetZoom()
{
    const QPointF center = mapToScene(viewport()->rect().center());
    resetTransform();
    centerOn(center);
    m_fitted = false;
    Q_EMIT zoomChanged(zoom());
}

int TopologyView::setSearchText(const QString &text)
{
    if (!m_scene)
        return 0;
    const QList<ComponentTileItem *> matches = m_scene->setSearchText(text);
    if (!matches.isEmpty()) {
        // Close enough to read the name of the first match.
        if (zoom() < 0.8) {
            const ViewportAnchor anchor = transformationAnchor();
            setTransformationAnchor(QGraphicsView::AnchorViewCenter);
            zoomBy(1.0 / zoom());
            setTransformationAnchor(anchor);
        }
        centerOn(matches.first());
        m_fitted = false;
    }
    return int(matches.size());
}

void TopologyView::setFilter(const TopologyFilter &filter)
{
    if (m_scene)
        m_scene->setFilter(filter);
}

void TopologyView::setColorScheme(ColorScheme scheme)
{
    if (m_scene)
        m_scene->setColorScheme(scheme);
    resetCachedContent();
    viewport()->update();
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(ZoomStep, delta / 120.0)); // AnchorUnderMouse keeps the point under the cursor
    event->accept();
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_dragged = false;
        m_pressPos = event->position().toPoint();
        m_lastPos = m_pressPos;
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_panning) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (!m_dragged && (pos - m_pressPos).manhattanLength() > ClickSlop) {
        m_dragged = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragged) {
        const QPoint delta = pos - m_lastPos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        m_fitted = false;
    }
    m_lastPos = pos;
    event->accept();
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_panning) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    m_panning = false;
    viewport()->unsetCursor();
    if (!m_dragged && event->button() == Qt::LeftButton)
        activateAt(event->position().toPoint());
    event->accept();
}

void TopologyView::activateAt(const QPoint &pos)
{
    const QList<QGraphicsItem *> hits = items(pos);
    for (QGraphicsItem *item : hits) {
        if (auto *tile = qgraphicsitem_cast<ComponentTileItem *>(item)) {
            Q_EMIT componentActivated(tile->siteId(), tile->componentId());
            return;
        }
        if (auto *link = qgraphicsitem_cast<ReplicationLinkItem *>(item)) {
            Q_EMIT linkActivated(link->linkId());
            return;
        }
    }
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        resetZoom();
        break;
    case Qt::Key_F:
        zoomToFit();
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        zoomToFit();
}

} // namespace Haven
