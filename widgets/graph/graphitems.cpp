// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphitems.h"

#include "graphscene.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace Haven {

// --- GraphNodeItem ----------------------------------------------------------------------------

GraphNodeItem::GraphNodeItem(GraphScene &scene, NodeId id)
    : m_scene(scene)
    , m_id(id)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
    refresh();
}

const NodePainter &GraphNodeItem::painter() const
{
    return m_scene.painterFor(m_id);
}

QSizeF GraphNodeItem::size() const
{
    return painter().size();
}

QRectF GraphNodeItem::boundingRect() const
{
    const double m = painter().margin();
    return QRectF(QPointF(-m, -m), size() + QSizeF(2 * m, 2 * m));
}

QPainterPath GraphNodeItem::shape() const
{
    return painter().shape();
}

QPointF GraphNodeItem::inputPort() const
{
    return mapToScene(QPointF(0, size().height() / 2));
}

QPointF GraphNodeItem::outputPort() const
{
    return mapToScene(QPointF(size().width(), size().height() / 2));
}

void GraphNodeItem::setConnectState(int state)
{
    if (state == m_connectState)
        return;
    m_connectState = state;
    update();
}

void GraphNodeItem::refresh()
{
    setPos(m_scene.model().nodePosition(m_id));
    setToolTip(painter().toolTip(m_id));
    update();
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    NodePaintContext context;
    context.id = m_id;
    context.palette = m_scene.colors();
    context.selected = option->state & QStyle::State_Selected;
    context.levelOfDetail = option->levelOfDetailFromTransform(painter->worldTransform());
    context.connectState = m_connectState;
    this->painter().paint(painter, context);
}

// --- GraphEdgeItem ----------------------------------------------------------------------------

GraphEdgeItem::GraphEdgeItem(GraphScene &scene, const EdgeKey &key)
    : m_scene(scene)
    , m_key(key)
{
    setFlag(ItemIsSelectable, !scene.isReadOnly());
    setZValue(0);
    refresh();
}

void GraphEdgeItem::updatePath()
{
    const GraphNodeItem *from = m_scene.nodeItem(m_key.from);
    const GraphNodeItem *to = m_scene.nodeItem(m_key.to);
    const std::optional<GraphEdge> edge = m_scene.model().edge(m_key.from, m_key.to);
    if (!from || !to || !edge)
        return;
    const EdgeStyle style = m_scene.edgeStyle(*edge, false);
    setPath(edgePath(from->outputPort(), to->inputPort() - QPointF(style.targetGap, 0), style.minimumBend));
}

void GraphEdgeItem::refresh()
{
    prepareGeometryChange(); // a new label changes the bounding rectangle even when the path does not
    if (const std::optional<GraphEdge> edge = m_scene.model().edge(m_key.from, m_key.to))
        setToolTip(m_scene.edgeToolTip(*edge));
    updatePath();
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    const std::optional<GraphEdge> edge = m_scene.model().edge(m_key.from, m_key.to);
    QRectF rect = path().boundingRect().adjusted(-16, -16, 16, 16); // room for the arrowhead
    if (edge && !edge->label.isEmpty())
        rect |= edgeLabelRect(path(), edge->label, m_scene.font()).adjusted(-2, -2, 2, 2);
    return rect;
}

QPainterPath GraphEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path());
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const std::optional<GraphEdge> edge = m_scene.model().edge(m_key.from, m_key.to);
    if (!edge)
        return;
    const bool selected = option->state & QStyle::State_Selected;
    painter->setFont(m_scene.font());
    drawEdge(painter, path(), m_scene.edgeStyle(*edge, selected), edge->label, m_scene.colors());
}

} // namespace Haven
