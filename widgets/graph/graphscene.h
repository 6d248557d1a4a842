// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one scene of every graph view (plan editor, running execution, diagnosis tree). It cannot
// exist without a GraphModel and only mirrors it: items hold ids and are rebuilt from the
// model's signals. Nodes are drawn by one NodePainter per kind, edges along edgePath().
//
// Editable, it turns gestures into requests: dragging selected nodes asks moveNodes() (one drag
// number per drag, so a command can merge), dragging from a port asks connectNodes(), Delete asks
// deleteSelection(). The base implementations emit signals; an owner with an undo stack overrides
// them to push commands. Read-only, nodes can be selected but nothing is requested.

#include "edgepath.h"
#include "graphitems.h"
#include "models/graph/graphmodel.h"
#include "nodepainter.h"

#include <QGraphicsScene>
#include <QHash>
#include <QMap>

#include <functional>
#include <memory>

namespace Haven {

class GraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    GraphScene() = delete;
    explicit GraphScene(const GraphModel &model, QObject *parent = nullptr);
    GraphScene(GraphModel &&, QObject * = nullptr) = delete; // the model must outlive the scene
    ~GraphScene() override;

    const GraphModel &model() const { return m_model; }

    // The painter of a kind of node; the scene owns it. Nodes of a kind without one use the
    // painter of the first kind set.
    void setNodePainter(const QString &kind, std::unique_ptr<NodePainter> painter);
    const NodePainter *nodePainter(const QString &kind) const;

    // Which of the model's nodes are shown (one phase of a plan); all by default. Call rebuild()
    // when its answers change.
    void setNodeFilter(std::function<bool(NodeId)> filter);
    bool shows(NodeId id) const;
    void rebuild();

    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    void setGridVisible(bool visible); // the editor's dotted canvas
    // The colours items are drawn with; the scene's palette unless set (a view can hand its own
    // down: the scene's palette is resolved against the application's, losing a wall's dark one).
    QPalette colors() const { return m_colors ? *m_colors : palette(); }
    void setColors(const QPalette &colors);

    GraphNodeItem *nodeItem(NodeId id) const { return m_nodes.value(id); }
    GraphEdgeItem *edgeItem(NodeId from, NodeId to) const { return m_edges.value({from, to}); }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    QList<GraphNodeItem *> nodeItems() const { return m_nodes.values(); }
    GraphNodeItem *nodeAt(const QPointF &scenePos) const;

    // Which port, if any, is under the point: the node and whether it is its output.
    struct Port
    {
        NodeId node = InvalidNodeId;
        bool output = false;
    };
    Port portAt(const QPointF &scenePos) const;

    QList<NodeId> selectedNodes() const; // sorted
    QList<EdgeKey> selectedEdges() const;
    void selectNodes(const QList<NodeId> &nodes); // replaces the selection

    // The owner's data of a node changed without the model knowing (an execution's step ran):
    // repaints the node and its edges, nothing else.
    void refreshNode(NodeId id);
    void refreshAll(); // every item's tooltip and look (validation ran again)

    // How an edge looks; plain dependencies by default.
    virtual EdgeStyle edgeStyle(const GraphEdge &edge, bool selected) const;
    virtual QString edgeToolTip(const GraphEdge &edge) const;

    // --- requests of an editable scene ----------------------------------------------------
    // Positions of the dragged nodes before and now; dragNumber changes with each new drag.
    virtual void moveNodes(const QMap<NodeId, QPointF> &from, const QMap<NodeId, QPointF> &to, int dragNumber);
    virtual bool connectNodes(NodeId from, NodeId to);
    virtual void deleteSelection();

Q_SIGNALS:
    void selectedNodesChanged();
    void moveRequested(const QMap<Haven::NodeId, QPointF> &from, const QMap<Haven::NodeId, QPointF> &to, int dragNumber);
    void connectionRequested(Haven::NodeId from, Haven::NodeId to);
    void deleteRequested(const QList<Haven::NodeId> &nodes, const QList<Haven::EdgeKey> &edges);

protected:
    // Whether a dragged connection may end here (highlight while dragging); the model's rule.
    virtual bool connectionAllowed(NodeId from, NodeId to) const;
    virtual GraphNodeItem *createNodeItem(NodeId id);
    // A node left the scene: forget anything kept about it.
    virtual void nodeItemRemoved(NodeId id) { Q_UNUSED(id) }
    virtual void aboutToRebuild() { }

    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    friend class GraphNodeItem;
    const NodePainter &painterFor(NodeId id) const;

    void addNodeItem(NodeId id);
    void removeNodeItem(NodeId id);
    void addEdgeItem(NodeId from, NodeId to);
    void removeEdgeItem(NodeId from, NodeId to);
    void updateEdgesOf(NodeId id, bool paths);
    void endConnection(const QPointF &scenePos);
    void clearConnectHighlight();

    const GraphModel &m_model;
    std::map<QString, std::unique_ptr<NodePainter>> m_painters;
    QString m_firstKind;
    std::function<bool(NodeId)> m_filter;
    std::optional<QPalette> m_colors;
    bool m_readOnly = false;
    bool m_grid = false;
    QHash<NodeId, GraphNodeItem *> m_nodes;
    QMap<QPair<NodeId, NodeId>, GraphEdgeItem *> m_edges;

    // A connection being dragged from a port.
    NodeId m_connectFrom = InvalidNodeId;
    bool m_connectFromOutput = true;
    QGraphicsPathItem *m_connectLine = nullptr;
    GraphNodeItem *m_connectTarget = nullptr;

    // Nodes being dragged: one drag number per drag, so that its moves merge into one command.
    bool m_moving = false;
    bool m_moved = false;
    int m_dragNumber = 0;
    QPointF m_dragStart;
    QMap<NodeId, QPointF> m_dragFrom;
};

} // namespace Haven
