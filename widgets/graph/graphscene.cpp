// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphscene.h"

#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QPainter>

#include <cmath>

namespace Haven {

namespace {

constexpr double GridSize = 24;
constexpr double PortReach = 12; // how close to a port a press starts a connection

QPointF rounded(const QPointF &p)
{
    return QPointF(std::round(p.x()), std::round(p.y()));
}

} // namespace

GraphScene::GraphScene(const GraphModel &model, QObject *parent)
    : QGraphicsScene(parent)
    , m_model(model)
{
    connect(&model, &GraphModel::nodeAdded, this, [this](NodeId id) {
        if (shows(id))
            addNodeItem(id);
    });
    connect(&model, &GraphModel::nodeRemoved, this, &GraphScene::removeNodeItem);
    connect(&model, &GraphModel::nodeChanged, this, [this](NodeId id) {
        const bool here = shows(id);
        if (here && !m_nodes.contains(id))
            addNodeItem(id);
        else if (!here && m_nodes.contains(id))
            removeNodeItem(id);
        else if (here)
            refreshNode(id);
    });
    connect(&model, &GraphModel::nodeMoved, this, [this](NodeId id) {
        if (GraphNodeItem *node = m_nodes.value(id)) {
            node->setPos(m_model.nodePosition(id));
            updateEdgesOf(id, true);
        }
    });
    connect(&model, &GraphModel::edgeAdded, this, &GraphScene::addEdgeItem);
    connect(&model, &GraphModel::edgeRemoved, this, &GraphScene::removeEdgeItem);
    connect(&model, &GraphModel::edgeChanged, this, [this](NodeId from, NodeId to) {
        if (GraphEdgeItem *edge = edgeItem(from, to))
            edge->refresh();
    });
    connect(&model, &GraphModel::modelReset, this, &GraphScene::rebuild);
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::selectedNodesChanged);
}

GraphScene::~GraphScene()
{
    // Items reach back into the scene while being destroyed: drop them first.
    const QSignalBlocker blocker(this);
    clear();
}

void GraphScene::setNodePainter(const QString &kind, std::unique_ptr<NodePainter> painter)
{
    if (m_painters.empty())
        m_firstKind = kind;
    m_painters[kind] = std::move(painter);
    rebuild();
}

const NodePainter *GraphScene::nodePainter(const QString &kind) const
{
    const auto it = m_painters.find(kind);
    return it == m_painters.end() ? nullptr : it->second.get();
}

const NodePainter &GraphScene::painterFor(NodeId id) const
{
    const NodePainter *painter = nodePainter(m_model.nodeKind(id));
    return painter ? *painter : *m_painters.at(m_firstKind);
}

void GraphScene::setNodeFilter(std::function<bool(NodeId)> filter)
{
    m_filter = std::move(filter);
}

bool GraphScene::shows(NodeId id) const
{
    return !m_painters.empty() && m_model.hasNode(id) && (!m_filter || m_filter(id));
}

void GraphScene::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (GraphEdgeItem *edge : std::as_const(m_edges))
        edge->setFlag(QGraphicsItem::ItemIsSelectable, !readOnly);
}

void GraphScene::setGridVisible(bool visible)
{
    m_grid = visible;
    update();
}

void GraphScene::setColors(const QPalette &colors)
{
    m_colors = colors;
    update();
}

void GraphScene::rebuild()
{
    {
        const QSignalBlocker blocker(this);
        aboutToRebuild();
        m_edges.clear();
        m_nodes.clear();
        m_connectLine = nullptr;
        m_connectTarget = nullptr;
        m_connectFrom = InvalidNodeId;
        m_moving = false;
        clear();
    }
    for (NodeId id : m_model.nodeIds()) {
        if (shows(id))
            addNodeItem(id);
    }
    Q_EMIT selectedNodesChanged();
}

GraphNodeItem *GraphScene::createNodeItem(NodeId id)
{
    return new GraphNodeItem(*this, id);
}

void GraphScene::addNodeItem(NodeId id)
{
    if (m_nodes.contains(id))
        return;
    GraphNodeItem *node = createNodeItem(id);
    addItem(node);
    m_nodes.insert(id, node);
    for (const GraphEdge &edge : m_model.edgesOf(id))
        addEdgeItem(edge.from, edge.to);
}

void GraphScene::removeNodeItem(NodeId id)
{
    GraphNodeItem *node = m_nodes.take(id);
    if (!node)
        return;
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (it.key().first == id || it.key().second == id) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
    if (m_connectTarget == node)
        m_connectTarget = nullptr;
    if (m_connectFrom == id)
        endConnection({});
    m_dragFrom.remove(id);
    nodeItemRemoved(id);
    delete node;
}

void GraphScene::addEdgeItem(NodeId from, NodeId to)
{
    if (m_edges.contains({from, to}) || !m_nodes.contains(from) || !m_nodes.contains(to))
        return;
    auto *edge = new GraphEdgeItem(*this, {from, to});
    addItem(edge);
    m_edges.insert({from, to}, edge);
}

void GraphScene::removeEdgeItem(NodeId from, NodeId to)
{
    delete m_edges.take({from, to});
}

void GraphScene::updateEdgesOf(NodeId id, bool paths)
{
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        if (it.key().first != id && it.key().second != id)
            continue;
        if (paths)
            it.value()->updatePath();
        else
            it.value()->update();
    }
}

void GraphScene::refreshNode(NodeId id)
{
    GraphNodeItem *node = m_nodes.value(id);
    if (!node)
        return;
    node->refresh();
    updateEdgesOf(id, false);
}

void GraphScene::refreshAll()
{
    for (GraphNodeItem *node : std::as_const(m_nodes))
        node->refresh();
    for (GraphEdgeItem *edge : std::as_const(m_edges))
        edge->refresh();
}

EdgeStyle GraphScene::edgeStyle(const GraphEdge &edge, bool selected) const
{
    Q_UNUSED(edge);
    const QPalette palette = colors();
    EdgeStyle style;
    style.color = palette.color(QPalette::Text);
    style.color.setAlphaF(0.55f);
    if (selected) {
        style.color = palette.color(QPalette::Highlight);
        style.width = 3;
    }
    return style;
}

QString GraphScene::edgeToolTip(const GraphEdge &edge) const
{
    return edge.label;
}

GraphNodeItem *GraphScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == GraphNodeItem::Type)
            return static_cast<GraphNodeItem *>(item);
    }
    return nullptr;
}

GraphScene::Port GraphScene::portAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item :
         items(QRectF(scenePos - QPointF(PortReach, PortReach), QSizeF(2 * PortReach, 2 * PortReach)))) {
        if (item->type() != GraphNodeItem::Type)
            continue;
        const auto *node = static_cast<GraphNodeItem *>(item);
        if (QLineF(node->outputPort(), scenePos).length() <= PortReach)
            return {node->nodeId(), true};
        if (QLineF(node->inputPort(), scenePos).length() <= PortReach)
            return {node->nodeId(), false};
    }
    return {};
}

QList<NodeId> GraphScene::selectedNodes() const
{
    QList<NodeId> nodes;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == GraphNodeItem::Type)
            nodes.append(static_cast<GraphNodeItem *>(item)->nodeId());
    }
    std::sort(nodes.begin(), nodes.end());
    return nodes;
}

QList<EdgeKey> GraphScene::selectedEdges() const
{
    QList<EdgeKey> edges;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == GraphEdgeItem::Type)
            edges.append(static_cast<GraphEdgeItem *>(item)->key());
    }
    std::sort(edges.begin(), edges.end());
    return edges;
}

void GraphScene::selectNodes(const QList<NodeId> &nodes)
{
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        for (NodeId id : nodes) {
            if (GraphNodeItem *node = m_nodes.value(id))
                node->setSelected(true);
        }
    }
    Q_EMIT selectedNodesChanged();
}

void GraphScene::moveNodes(const QMap<NodeId, QPointF> &from, const QMap<NodeId, QPointF> &to, int dragNumber)
{
    Q_EMIT moveRequested(from, to, dragNumber);
}

bool GraphScene::connectNodes(NodeId from, NodeId to)
{
    if (!connectionAllowed(from, to))
        return false;
    Q_EMIT connectionRequested(from, to);
    return true;
}

void GraphScene::deleteSelection()
{
    const QList<NodeId> nodes = selectedNodes();
    const QList<EdgeKey> edges = selectedEdges();
    if (!nodes.isEmpty() || !edges.isEmpty())
        Q_EMIT deleteRequested(nodes, edges);
}

bool GraphScene::connectionAllowed(NodeId from, NodeId to) const
{
    return m_model.connectionPossible(from, to);
}

void GraphScene::clearConnectHighlight()
{
    if (m_connectTarget)
        m_connectTarget->setConnectState(0);
    m_connectTarget = nullptr;
}

void GraphScene::endConnection(const QPointF &scenePos)
{
    const NodeId start = m_connectFrom;
    const bool fromOutput = m_connectFromOutput;
    m_connectFrom = InvalidNodeId;
    delete m_connectLine;
    m_connectLine = nullptr;
    clearConnectHighlight();
    if (start == InvalidNodeId || scenePos.isNull())
        return;
    GraphNodeItem *target = nodeAt(scenePos);
    if (!target || target->nodeId() == start)
        return;
    if (fromOutput)
        connectNodes(start, target->nodeId());
    else
        connectNodes(target->nodeId(), start);
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_readOnly) {
        const Port port = portAt(event->scenePos());
        if (port.node != InvalidNodeId) {
            m_connectFrom = port.node;
            m_connectFromOutput = port.output;
            m_connectLine = new QGraphicsPathItem;
            m_connectLine->setPen(QPen(colors().color(QPalette::Highlight), 2, Qt::DashLine));
            m_connectLine->setZValue(5);
            addItem(m_connectLine);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton || m_readOnly)
        return;
    GraphNodeItem *node = nodeAt(event->scenePos());
    if (node && node->isSelected()) {
        m_moving = true;
        m_moved = false;
        ++m_dragNumber;
        m_dragStart = event->scenePos();
        m_dragFrom.clear();
        for (NodeId id : selectedNodes())
            m_dragFrom.insert(id, m_model.nodePosition(id));
        event->accept();
    }
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectFrom != InvalidNodeId) {
        const GraphNodeItem *start = m_nodes.value(m_connectFrom);
        if (!start)
            return;
        // The line always runs from an output to an input, whichever end the drag started at.
        const QPointF pointer = event->scenePos();
        m_connectLine->setPath(m_connectFromOutput ? edgePath(start->outputPort(), pointer, 40)
                                                   : edgePath(pointer, start->inputPort(), 40));
        GraphNodeItem *target = nodeAt(pointer);
        if (target != m_connectTarget) {
            clearConnectHighlight();
            if (target && target->nodeId() != m_connectFrom) {
                const NodeId from = m_connectFromOutput ? m_connectFrom : target->nodeId();
                const NodeId to = m_connectFromOutput ? target->nodeId() : m_connectFrom;
                m_connectTarget = target;
                target->setConnectState(connectionAllowed(from, to) ? 1 : -1);
            }
        }
        return;
    }
    if (m_moving && (event->buttons() & Qt::LeftButton)) {
        const QPointF delta = rounded(event->scenePos() - m_dragStart);
        if (delta.isNull() && !m_moved)
            return; // a click's jitter is not a move: no request, no unsaved change
        m_moved = true;
        QMap<NodeId, QPointF> to;
        for (auto it = m_dragFrom.cbegin(); it != m_dragFrom.cend(); ++it)
            to.insert(it.key(), it.value() + delta);
        moveNodes(m_dragFrom, to, m_dragNumber);
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectFrom != InvalidNodeId) {
        endConnection(event->scenePos());
        return;
    }
    m_moving = false;
    QGraphicsScene::mouseReleaseEvent(event);
}

void GraphScene::keyPressEvent(QKeyEvent *event)
{
    if (!m_readOnly && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        deleteSelection();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void GraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette palette = colors();
    painter->fillRect(rect, palette.color(QPalette::Window));
    if (!m_grid)
        return;
    QColor dot = palette.color(QPalette::Text);
    dot.setAlphaF(0.16f);
    painter->setPen(QPen(dot, 2));
    const double left = std::floor(rect.left() / GridSize) * GridSize;
    const double top = std::floor(rect.top() / GridSize) * GridSize;
    if (rect.width() / GridSize * rect.height() / GridSize > 40000)
        return; // zoomed far out: dots would be noise
    QList<QPointF> points;
    for (double x = left; x < rect.right(); x += GridSize)
        for (double y = top; y < rect.bottom(); y += GridSize)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
}

} // namespace Haven
