// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The values of the graph core: node ids, typed nodes with a canvas position, and edges that
// may carry a label and a condition (a decision edge of a diagnosis tree: "yes", {"equals":true}).
// Plans, running executions and diagnosis trees are uses of these; what a node *is* (a plan
// step, a check) stays in the owner's data, found by the node's id.

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

namespace Haven {

using NodeId = int;
inline constexpr NodeId InvalidNodeId = 0;

struct GraphNode
{
    NodeId id = InvalidNodeId;
    QString kind;     // chosen by the graph's owner: "step", "check", "conclusion", ...
    QPointF position; // top-left corner on the canvas, in scene coordinates

    friend bool operator==(const GraphNode &, const GraphNode &) = default;
};

// Identity of an edge: at most one edge joins two nodes in one direction.
struct EdgeKey
{
    NodeId from = InvalidNodeId;
    NodeId to = InvalidNodeId;

    friend bool operator==(const EdgeKey &, const EdgeKey &) = default;
    friend auto operator<=>(const EdgeKey &, const EdgeKey &) = default;
};

struct GraphEdge
{
    NodeId from = InvalidNodeId;
    NodeId to = InvalidNodeId;
    QString label;         // drawn on the edge; empty for plain dependencies
    QJsonObject condition; // when the edge is taken (decision edges); empty: always

    EdgeKey key() const { return {from, to}; }
    friend bool operator==(const GraphEdge &, const GraphEdge &) = default;
};

} // namespace Haven
