// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphmodel.h"

#include <algorithm>

namespace Haven {

namespace {

bool edgeLess(const GraphEdge &edge, EdgeKey key)
{
    return edge.key() < key;
}

} // namespace

GraphModel::GraphModel(QObject *parent)
    : QObject(parent)
{ }

QList<NodeId> GraphModel::nodeIds() const
{
    return m_nodes.keys();
}

std::optional<GraphNode> GraphModel::node(NodeId id) const
{
    const auto it = m_nodes.constFind(id);
    if (it == m_nodes.constEnd())
        return std::nullopt;
    return *it;
}

QString GraphModel::nodeKind(NodeId id) const
{
    return m_nodes.value(id).kind;
}

QPointF GraphModel::nodePosition(NodeId id) const
{
    return m_nodes.value(id).position;
}

NodeId GraphModel::addNode(const GraphNode &node)
{
    GraphNode added = node;
    if (added.id == InvalidNodeId)
        added.id = m_nextId;
    if (added.id < 0 || m_nodes.contains(added.id))
        return InvalidNodeId;
    m_nextId = std::max(m_nextId, added.id + 1);
    m_nodes.insert(added.id, added);
    Q_EMIT nodeAdded(added.id);
    return added.id;
}

bool GraphModel::removeNode(NodeId id)
{
    if (!m_nodes.contains(id))
        return false;
    const QList<GraphEdge> attached = edgesOf(id);
    for (const GraphEdge &edge : attached)
        removeEdge(edge.from, edge.to);
    m_nodes.remove(id);
    Q_EMIT nodeRemoved(id);
    return true;
}

bool GraphModel::setNodePosition(NodeId id, const QPointF &position)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return false;
    if (it->position != position) {
        it->position = position;
        Q_EMIT nodeMoved(id);
    }
    return true;
}

bool GraphModel::setNodeKind(NodeId id, const QString &kind)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return false;
    if (it->kind != kind) {
        it->kind = kind;
        Q_EMIT nodeChanged(id);
    }
    return true;
}

void GraphModel::notifyNodeChanged(NodeId id)
{
    if (m_nodes.contains(id))
        Q_EMIT nodeChanged(id);
}

QList<GraphEdge> GraphModel::edgesOf(NodeId id) const
{
    QList<GraphEdge> result;
    for (const GraphEdge &edge : m_edges) {
        if (edge.from == id || edge.to == id)
            result.append(edge);
    }
    return result;
}

qsizetype GraphModel::edgeIndex(NodeId from, NodeId to) const
{
    const EdgeKey key{from, to};
    const auto it = std::lower_bound(m_edges.cbegin(), m_edges.cend(), key, edgeLess);
    return it != m_edges.cend() && it->key() == key ? it - m_edges.cbegin() : -1;
}

std::optional<GraphEdge> GraphModel::edge(NodeId from, NodeId to) const
{
    const qsizetype i = edgeIndex(from, to);
    if (i < 0)
        return std::nullopt;
    return m_edges.at(i);
}

bool GraphModel::hasEdge(NodeId from, NodeId to) const
{
    return edgeIndex(from, to) >= 0;
}

QList<NodeId> GraphModel::successors(NodeId id) const
{
    return successorsIn(m_edges, id);
}

QList<NodeId> GraphModel::predecessors(NodeId id) const
{
    return predecessorsIn(m_edges, id);
}

GraphModel::Connection GraphModel::checkConnection(NodeId from, NodeId to) const
{
    if (!m_nodes.contains(from) || !m_nodes.contains(to))
        return Connection::MissingNode;
    if (from == to)
        return Connection::SelfEdge;
    if (hasEdge(from, to))
        return Connection::Duplicate;
    if (reaches(to, from))
        return Connection::Cycle;
    return Connection::Possible;
}

bool GraphModel::addEdge(const GraphEdge &edge)
{
    if (!connectionPossible(edge.from, edge.to))
        return false;
    m_edges.insert(std::lower_bound(m_edges.begin(), m_edges.end(), edge.key(), edgeLess), edge);
    Q_EMIT edgeAdded(edge.from, edge.to);
    return true;
}

bool GraphModel::removeEdge(NodeId from, NodeId to)
{
    const qsizetype i = edgeIndex(from, to);
    if (i < 0)
        return false;
    m_edges.removeAt(i);
    Q_EMIT edgeRemoved(from, to);
    return true;
}

bool GraphModel::setEdgeLabel(NodeId from, NodeId to, const QString &label, const QJsonObject &condition)
{
    const qsizetype i = edgeIndex(from, to);
    if (i < 0)
        return false;
    GraphEdge &edge = m_edges[i];
    if (edge.label == label && edge.condition == condition)
        return true;
    edge.label = label;
    edge.condition = condition;
    Q_EMIT edgeChanged(from, to);
    return true;
}

DirectedGraph GraphModel::structure() const
{
    return DirectedGraph(m_nodes.keys(), m_edges);
}

void GraphModel::reset(const QList<GraphNode> &nodes, const QList<GraphEdge> &edges)
{
    m_nodes.clear();
    for (const GraphNode &node : nodes) {
        if (node.id > 0)
            m_nodes.insert(node.id, node);
    }
    m_edges.clear();
    for (const GraphEdge &edge : edges) {
        if (m_nodes.contains(edge.from) && m_nodes.contains(edge.to) && edgeIndex(edge.from, edge.to) < 0)
            m_edges.insert(std::lower_bound(m_edges.begin(), m_edges.end(), edge.key(), edgeLess), edge);
    }
    m_nextId = std::max(m_nextId, m_nodes.isEmpty() ? 1 : m_nodes.lastKey() + 1);
    Q_EMIT modelReset();
}

} // namespace Haven
