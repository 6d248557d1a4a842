// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The graph core (in the spirit of QtNodes' AbstractGraphModel): typed nodes with positions and
// labelled edges behind an id-based API, with a signal for every change, so that a GraphScene
// can mirror it and undo commands can act on it by id. The graph stays acyclic through this API:
// addEdge() only adds what connectionPossible() allows. reset() takes data as it is (a file may
// hold a cycle; the owner's validator reports it), keeping only edges between existing nodes.

#include "directedgraph.h"
#include "graphtypes.h"

#include <QMap>
#include <QObject>

#include <optional>

namespace Haven {

class GraphModel final : public QObject
{
    Q_OBJECT
public:
    explicit GraphModel(QObject *parent = nullptr);

    // --- nodes ------------------------------------------------------------------------------
    QList<NodeId> nodeIds() const; // sorted
    int nodeCount() const { return int(m_nodes.size()); }
    bool hasNode(NodeId id) const { return m_nodes.contains(id); }
    std::optional<GraphNode> node(NodeId id) const;
    QString nodeKind(NodeId id) const;     // empty when absent
    QPointF nodePosition(NodeId id) const; // (0, 0) when absent
    NodeId nextNodeId() const { return m_nextId; }

    // node.id == InvalidNodeId takes a fresh id; a given id must be positive and free (undo
    // re-adding a node under its old id). Returns the id, or InvalidNodeId when refused.
    NodeId addNode(const GraphNode &node);
    // Removes the node's edges (edgeRemoved for each), then the node (nodeRemoved).
    bool removeNode(NodeId id);
    bool setNodePosition(NodeId id, const QPointF &position); // nodeMoved when it moved
    bool setNodeKind(NodeId id, const QString &kind);         // nodeChanged when it changed
    // The owner's data of the node changed (what its painter shows): emits nodeChanged.
    void notifyNodeChanged(NodeId id);

    // --- edges ------------------------------------------------------------------------------
    QList<GraphEdge> edges() const { return m_edges; } // sorted by (from, to)
    QList<GraphEdge> edgesOf(NodeId id) const;         // in and out
    std::optional<GraphEdge> edge(NodeId from, NodeId to) const;
    bool hasEdge(NodeId from, NodeId to) const;
    QList<NodeId> successors(NodeId id) const;
    QList<NodeId> predecessors(NodeId id) const;

    enum class Connection { Possible, MissingNode, SelfEdge, Duplicate, Cycle };
    // Why from → to may or may not be added; connectionPossible() is check() == Possible.
    Connection checkConnection(NodeId from, NodeId to) const;
    bool connectionPossible(NodeId from, NodeId to) const { return checkConnection(from, to) == Connection::Possible; }
    bool addEdge(const GraphEdge &edge); // only when connectionPossible
    bool removeEdge(NodeId from, NodeId to);
    bool setEdgeLabel(NodeId from, NodeId to, const QString &label, const QJsonObject &condition = {});

    // --- structure --------------------------------------------------------------------------
    bool reaches(NodeId from, NodeId to) const { return structure().reaches(from, to); }
    QList<DirectedGraph::Cycle> cycles() const { return structure().cycles(); }
    std::optional<QList<NodeId>> topologicalOrder() const { return structure().topologicalOrder(); }
    DirectedGraph structure() const;

    // --- whole graph ------------------------------------------------------------------------
    void reset(const QList<GraphNode> &nodes, const QList<GraphEdge> &edges); // emits modelReset
    void clear() { reset({}, {}); }

Q_SIGNALS:
    void nodeAdded(Haven::NodeId id);
    void nodeRemoved(Haven::NodeId id);
    void nodeMoved(Haven::NodeId id);
    void nodeChanged(Haven::NodeId id);
    void edgeAdded(Haven::NodeId from, Haven::NodeId to);
    void edgeRemoved(Haven::NodeId from, Haven::NodeId to);
    void edgeChanged(Haven::NodeId from, Haven::NodeId to);
    void modelReset();

private:
    qsizetype edgeIndex(NodeId from, NodeId to) const; // -1 when absent

    QMap<NodeId, GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    NodeId m_nextId = 1;
};

} // namespace Haven
