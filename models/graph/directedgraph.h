// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The algorithms of the graph core on a plain adjacency value: reachability, cycles (each named
// by its nodes, in order), topological order and longest-path layers. GraphModel uses it for
// its checks; the plan validator and layout build one from a PlanData value. Edges to nodes
// that are not in the graph are ignored, so half-broken data can still be examined.

#include "graphtypes.h"

#include <QHash>
#include <QList>

#include <optional>

namespace Haven {

// The other ends of the edges leaving (successorsIn) or entering (predecessorsIn) a node, in the
// order of any edge list with `from` and `to` members; for values that are not a DirectedGraph.
template<typename Edges>
QList<NodeId> successorsIn(const Edges &edges, NodeId id)
{
    QList<NodeId> result;
    for (const auto &edge : edges) {
        if (edge.from == id)
            result.append(edge.to);
    }
    return result;
}

template<typename Edges>
QList<NodeId> predecessorsIn(const Edges &edges, NodeId id)
{
    QList<NodeId> result;
    for (const auto &edge : edges) {
        if (edge.to == id)
            result.append(edge.from);
    }
    return result;
}

class DirectedGraph final
{
public:
    DirectedGraph() = default;
    // Any range of edges with `from` and `to` members (GraphEdge, PlanEdge, EdgeKey).
    template<typename Edges>
    DirectedGraph(const QList<NodeId> &nodes, const Edges &edges)
    {
        for (NodeId id : nodes)
            addNode(id);
        for (const auto &edge : edges)
            addEdge(edge.from, edge.to);
    }

    void addNode(NodeId id);
    void addEdge(NodeId from, NodeId to); // ignored unless both nodes exist; duplicates kept once

    const QList<NodeId> &nodes() const { return m_nodes; } // in insertion order
    bool hasNode(NodeId id) const { return m_index.contains(id); }
    QList<NodeId> successors(NodeId id) const { return neighbours(m_out, id); } // in edge insertion order
    QList<NodeId> predecessors(NodeId id) const { return neighbours(m_in, id); }

    // A path of one or more edges leads from `from` to `to` (a node reaches itself only
    // through a cycle).
    bool reaches(NodeId from, NodeId to) const;
    // Every node reachable from the starts, the starts included.
    QList<NodeId> reachableFrom(const QList<NodeId> &starts) const;
    // Nodes without predecessors.
    QList<NodeId> entries() const;

    // The rings of the graph: one per strongly connected component of two or more nodes, or a
    // node with an edge to itself. Each ring is a cycle through the component's smallest id,
    // in edge order, starting there; `members` holds the whole component.
    struct Cycle
    {
        QList<NodeId> ring;
        QList<NodeId> members;
    };
    QList<Cycle> cycles() const;
    bool hasCycle() const { return !cycles().isEmpty(); }

    // Kahn's order, ties by insertion order; nullopt when there is a cycle.
    std::optional<QList<NodeId>> topologicalOrder() const;
    // Longest-path layers (entries at 0). Cycles are broken by ignoring depth-first back edges
    // first, so every node gets a layer; `acyclic` receives the edges kept.
    QHash<NodeId, int> layers(QList<EdgeKey> *acyclic = nullptr) const;

private:
    QList<NodeId> neighbours(const QList<QList<int>> &adjacency, NodeId id) const;

    QList<NodeId> m_nodes;
    QHash<NodeId, int> m_index;
    QList<QList<int>> m_out; // by index
    QList<QList<int>> m_in;
};

} // namespace Haven
