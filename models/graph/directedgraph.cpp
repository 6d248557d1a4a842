// SPDX-License-Identifier: GPL-3.0-or-later
#include "directedgraph.h"

#include <QSet>

#include <algorithm>

namespace Haven {

namespace {

// Strongly connected components (iterative Tarjan). Only rings are returned: components of two
// or more nodes, and single nodes with an edge to themselves.
QList<QList<int>> rings(const QList<QList<int>> &out)
{
    const int count = int(out.size());
    QList<int> index(count, -1), low(count, 0);
    QList<bool> onStack(count, false);
    QList<int> stack;
    QList<QList<int>> result;
    int counter = 0;
    struct Frame
    {
        int node;
        int next;
    };
    for (int root = 0; root < count; ++root) {
        if (index[root] >= 0)
            continue;
        QList<Frame> frames{{root, 0}};
        index[root] = low[root] = counter++;
        stack.append(root);
        onStack[root] = true;
        while (!frames.isEmpty()) {
            Frame &frame = frames.last();
            const int v = frame.node;
            if (frame.next < out[v].size()) {
                const int w = out[v][frame.next++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack.append(w);
                    onStack[w] = true;
                    frames.append({w, 0});
                } else if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                QList<int> component;
                int w = -1;
                do {
                    w = stack.takeLast();
                    onStack[w] = false;
                    component.append(w);
                } while (w != v);
                if (component.size() > 1 || out[v].contains(v))
                    result.append(component);
            }
            frames.removeLast();
            if (!frames.isEmpty()) {
                const int parent = frames.last().node;
                low[parent] = std::min(low[parent], low[v]);
            }
        }
    }
    return result;
}

// The shortest ring through start inside the component (breadth first).
QList<int> ringFrom(int start, const QList<int> &component, const QList<QList<int>> &out)
{
    const QSet<int> members(component.cbegin(), component.cend());
    QHash<int, int> parent;
    QList<int> queue{start};
    for (int i = 0; i < queue.size(); ++i) {
        const int v = queue[i];
        for (int w : out[v]) {
            if (!members.contains(w))
                continue;
            if (w == start) {
                QList<int> path{v};
                for (int p = v; p != start; p = parent.value(p))
                    path.prepend(parent.value(p));
                return path;
            }
            if (!parent.contains(w)) {
                parent.insert(w, v);
                queue.append(w);
            }
        }
    }
    return component;
}

} // namespace

void DirectedGraph::addNode(NodeId id)
{
    if (m_index.contains(id))
        return;
    m_index.insert(id, int(m_nodes.size()));
    m_nodes.append(id);
    m_out.append(QList<int>());
    m_in.append(QList<int>());
}

void DirectedGraph::addEdge(NodeId from, NodeId to)
{
    const int a = m_index.value(from, -1);
    const int b = m_index.value(to, -1);
    if (a < 0 || b < 0 || m_out[a].contains(b))
        return;
    m_out[a].append(b);
    m_in[b].append(a);
}

QList<NodeId> DirectedGraph::neighbours(const QList<QList<int>> &adjacency, NodeId id) const
{
    QList<NodeId> result;
    const int v = m_index.value(id, -1);
    if (v >= 0) {
        for (int w : adjacency[v])
            result.append(m_nodes[w]);
    }
    return result;
}

bool DirectedGraph::reaches(NodeId from, NodeId to) const
{
    const int start = m_index.value(from, -1);
    const int goal = m_index.value(to, -1);
    if (start < 0 || goal < 0)
        return false;
    QList<bool> seen(m_nodes.size(), false);
    QList<int> stack = m_out[start];
    while (!stack.isEmpty()) {
        const int v = stack.takeLast();
        if (v == goal)
            return true;
        if (seen[v])
            continue;
        seen[v] = true;
        stack.append(m_out[v]);
    }
    return false;
}

QList<NodeId> DirectedGraph::reachableFrom(const QList<NodeId> &starts) const
{
    QList<bool> seen(m_nodes.size(), false);
    QList<int> queue;
    for (NodeId id : starts) {
        const int v = m_index.value(id, -1);
        if (v >= 0 && !seen[v]) {
            seen[v] = true;
            queue.append(v);
        }
    }
    for (int i = 0; i < queue.size(); ++i) {
        for (int w : m_out[queue[i]]) {
            if (!seen[w]) {
                seen[w] = true;
                queue.append(w);
            }
        }
    }
    QList<NodeId> result;
    for (int v : std::as_const(queue))
        result.append(m_nodes[v]);
    return result;
}

QList<NodeId> DirectedGraph::entries() const
{
    QList<NodeId> result;
    for (int v = 0; v < m_nodes.size(); ++v) {
        if (m_in[v].isEmpty())
            result.append(m_nodes[v]);
    }
    return result;
}

QList<DirectedGraph::Cycle> DirectedGraph::cycles() const
{
    QList<Cycle> result;
    for (const QList<int> &component : rings(m_out)) {
        const int start = *std::min_element(component.cbegin(), component.cend(),
                                            [this](int a, int b) { return m_nodes[a] < m_nodes[b]; });
        Cycle cycle;
        for (int v : ringFrom(start, component, m_out))
            cycle.ring.append(m_nodes[v]);
        for (int v : component)
            cycle.members.append(m_nodes[v]);
        std::sort(cycle.members.begin(), cycle.members.end());
        result.append(cycle);
    }
    return result;
}

std::optional<QList<NodeId>> DirectedGraph::topologicalOrder() const
{
    QList<int> inDegree(m_nodes.size(), 0);
    for (const QList<int> &targets : m_out) {
        for (int w : targets)
            ++inDegree[w];
    }
    QList<int> order;
    for (int v = 0; v < m_nodes.size(); ++v) {
        if (inDegree[v] == 0)
            order.append(v);
    }
    for (int i = 0; i < order.size(); ++i) {
        for (int w : m_out[order[i]]) {
            if (--inDegree[w] == 0)
                order.append(w);
        }
    }
    if (order.size() != m_nodes.size())
        return std::nullopt;
    QList<NodeId> result;
    for (int v : std::as_const(order))
        result.append(m_nodes[v]);
    return result;
}

QHash<NodeId, int> DirectedGraph::layers(QList<EdgeKey> *acyclic) const
{
    const int n = int(m_nodes.size());
    QList<QList<int>> out = m_out;
    // Drop depth-first back edges (iterative), so that cycles in invalid data still lay out.
    QList<int> state(n, 0); // 0 new, 1 on the stack, 2 done
    struct Frame
    {
        int node;
        int next;
    };
    for (int root = 0; root < n; ++root) {
        if (state[root])
            continue;
        QList<Frame> stack{{root, 0}};
        state[root] = 1;
        while (!stack.isEmpty()) {
            Frame &frame = stack.last();
            const int v = frame.node;
            if (frame.next < out[v].size()) {
                const int w = out[v][frame.next];
                if (state[w] == 1) {
                    out[v].removeAt(frame.next);
                    continue;
                }
                ++frame.next;
                if (state[w] == 0) {
                    state[w] = 1;
                    stack.append({w, 0});
                }
                continue;
            }
            state[v] = 2;
            stack.removeLast();
        }
    }
    // Longest path in Kahn's order.
    QList<int> inDegree(n, 0);
    for (const QList<int> &targets : std::as_const(out)) {
        for (int w : targets)
            ++inDegree[w];
    }
    QList<int> layer(n, 0);
    QList<int> order;
    for (int v = 0; v < n; ++v) {
        if (inDegree[v] == 0)
            order.append(v);
    }
    for (int i = 0; i < order.size(); ++i) {
        const int v = order[i];
        for (int w : out[v]) {
            layer[w] = std::max(layer[w], layer[v] + 1);
            if (--inDegree[w] == 0)
                order.append(w);
        }
    }
    QHash<NodeId, int> result;
    for (int v = 0; v < n; ++v)
        result.insert(m_nodes[v], layer[v]);
    if (acyclic) {
        acyclic->clear();
        for (int v : std::as_const(order)) {
            for (int w : out[v])
                acyclic->append({m_nodes[v], m_nodes[w]});
        }
    }
    return result;
}

} // namespace Haven
