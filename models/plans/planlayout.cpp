// SPDX-License-Identifier: GPL-3.0-or-later
#include "planlayout.h"

#include "models/graph/directedgraph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace Haven {

namespace {

struct Graph
{
    std::vector<StepId> ids; // real nodes first, then virtual ones (id 0)
    std::vector<int> layer;
    std::vector<std::vector<int>> preds, succs;
    int realCount = 0;

    bool isVirtual(int v) const { return v >= realCount; }
    int addNode(StepId id, int l)
    {
        ids.push_back(id);
        layer.push_back(l);
        preds.emplace_back();
        succs.emplace_back();
        return int(ids.size()) - 1;
    }
};

// Edge crossings between two adjacent layers: inversions of the lower ends, counted with a
// Fenwick tree once the edges are sorted by their upper ends.
int crossingsBetween(const std::vector<int> &upper, const std::vector<int> &pos, const Graph &g, int lowerSize)
{
    std::vector<std::pair<int, int>> ends;
    for (int u : upper) {
        for (int v : g.succs[u])
            ends.emplace_back(pos[u], pos[v]);
    }
    std::sort(ends.begin(), ends.end());
    std::vector<int> tree(lowerSize + 1, 0);
    int crossings = 0;
    int seen = 0;
    for (const auto &[a, b] : ends) {
        Q_UNUSED(a)
        int notAbove = 0; // already inserted ends at positions <= b
        for (int i = b + 1; i > 0; i -= i & -i)
            notAbove += tree[i];
        crossings += seen - notAbove;
        for (int i = b + 1; i <= lowerSize; i += i & -i)
            ++tree[i];
        ++seen;
    }
    return crossings;
}

int totalCrossings(const std::vector<std::vector<int>> &layers, const std::vector<int> &pos, const Graph &g)
{
    int total = 0;
    for (size_t l = 0; l + 1 < layers.size(); ++l)
        total += crossingsBetween(layers[l], pos, g, int(layers[l + 1].size()));
    return total;
}

// Weighted isotonic regression (pool adjacent violators): z nondecreasing, closest to target.
std::vector<double> isotonic(const std::vector<double> &target, const std::vector<double> &weight)
{
    struct Block
    {
        double sum;
        double weight;
        int count;
    };
    std::vector<Block> blocks;
    for (size_t i = 0; i < target.size(); ++i) {
        blocks.push_back({target[i] * weight[i], weight[i], 1});
        while (blocks.size() > 1) {
            const Block &b = blocks.back();
            const Block &a = blocks[blocks.size() - 2];
            if (a.sum / a.weight <= b.sum / b.weight)
                break;
            const Block merged{a.sum + b.sum, a.weight + b.weight, a.count + b.count};
            blocks.pop_back();
            blocks.back() = merged;
        }
    }
    std::vector<double> result;
    result.reserve(target.size());
    for (const Block &b : blocks)
        result.insert(result.end(), b.count, b.sum / b.weight);
    return result;
}

struct PhaseLayout
{
    QHash<StepId, double> centerY;
    QHash<StepId, int> layers;
    int crossings = 0;
};

PhaseLayout layoutPhase(const QList<const PlanStep *> &steps, const QList<PlanEdge> &edges,
                        const PlanLayout::Options &options)
{
    PhaseLayout result;
    Graph g;
    QHash<StepId, int> indexOf;
    for (const PlanStep *s : steps)
        indexOf.insert(s->id, g.addNode(s->id, 0));
    g.realCount = int(g.ids.size());
    const int n = g.realCount;
    if (n == 0)
        return result;

    // 1.-2. Cycles broken, longest-path layers, in the graph core; then Kahn's order of what is left.
    QList<StepId> ids;
    for (const PlanStep *s : steps)
        ids.append(s->id);
    QList<EdgeKey> kept;
    const QHash<StepId, int> layerOf = DirectedGraph(ids, edges).layers(&kept);
    std::vector<std::vector<int>> out(n);
    for (const EdgeKey &e : std::as_const(kept))
        out[indexOf.value(e.from)].push_back(indexOf.value(e.to));
    std::vector<int> order;
    order.reserve(n);
    for (StepId id : DirectedGraph(ids, kept).topologicalOrder().value_or(ids)) {
        order.push_back(indexOf.value(id));
        g.layer[order.back()] = layerOf.value(id);
    }

    // 3. Virtual nodes along long edges.
    for (int v : order) {
        for (int w : out[v]) {
            int previous = v;
            for (int l = g.layer[v] + 1; l < g.layer[w]; ++l) {
                const int d = g.addNode(InvalidStepId, l);
                g.succs[previous].push_back(d);
                g.preds[d].push_back(previous);
                previous = d;
            }
            g.succs[previous].push_back(w);
            g.preds[w].push_back(previous);
        }
    }
    const int total = int(g.ids.size());
    const int layerCount = 1 + *std::max_element(g.layer.begin(), g.layer.end());
    std::vector<std::vector<int>> layers(layerCount);
    // Initial order: depth-first from the entries, so that a branch starts out contiguous.
    {
        std::vector<bool> placed(total, false);
        std::vector<int> stack;
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            if (g.preds[*it].empty())
                stack.push_back(*it);
        }
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (placed[v])
                continue;
            placed[v] = true;
            layers[g.layer[v]].push_back(v);
            for (auto it = g.succs[v].rbegin(); it != g.succs[v].rend(); ++it) {
                if (!placed[*it])
                    stack.push_back(*it);
            }
        }
    }
    std::vector<int> pos(total, 0);
    auto renumber = [&](const std::vector<int> &layerNodes) {
        for (size_t i = 0; i < layerNodes.size(); ++i)
            pos[layerNodes[i]] = int(i);
    };
    for (const auto &l : layers)
        renumber(l);

    // 4. Barycentre sweeps, keeping the best order.
    std::vector<std::vector<int>> best = layers;
    int bestCrossings = totalCrossings(layers, pos, g);
    std::vector<double> bary(total, 0);
    auto sortLayer = [&](std::vector<int> &layerNodes, const std::vector<std::vector<int>> &neighbours) {
        for (int v : layerNodes) {
            const auto &nb = neighbours[v];
            if (nb.empty()) {
                bary[v] = pos[v];
                continue;
            }
            double sum = 0;
            for (int w : nb)
                sum += pos[w];
            bary[v] = sum / double(nb.size());
        }
        std::stable_sort(layerNodes.begin(), layerNodes.end(), [&](int a, int b) { return bary[a] < bary[b]; });
        renumber(layerNodes);
    };
    for (int sweep = 0; sweep < options.sweeps && bestCrossings > 0; ++sweep) {
        for (int l = 1; l < layerCount; ++l)
            sortLayer(layers[l], g.preds);
        for (int l = layerCount - 2; l >= 0; --l)
            sortLayer(layers[l], g.succs);
        const int crossings = totalCrossings(layers, pos, g);
        if (crossings < bestCrossings) {
            bestCrossings = crossings;
            best = layers;
        } else if (crossings == bestCrossings) {
            break; // converged
        }
    }
    layers = best;
    for (const auto &l : layers)
        renumber(l);
    result.crossings = bestCrossings;

    // 5. Coordinates: centres as close as possible to the neighbours' mean, order and gaps kept.
    auto height = [&](int v) { return g.isVirtual(v) ? 0.0 : options.nodeHeight; };
    auto separation = [&](int a, int b) {
        const double gap = g.isVirtual(a) || g.isVirtual(b) ? options.nodeGap / 2 : options.nodeGap;
        return (height(a) + height(b)) / 2 + gap;
    };
    std::vector<double> y(total, 0);
    for (const auto &l : layers) {
        double cursor = 0;
        for (size_t i = 0; i < l.size(); ++i) {
            if (i)
                cursor += separation(l[i - 1], l[i]);
            y[l[i]] = cursor;
        }
    }
    auto place = [&](const std::vector<int> &l, const std::vector<std::vector<int>> &neighbours) {
        std::vector<double> target(l.size()), weight(l.size()), offset(l.size());
        double cursor = 0;
        for (size_t i = 0; i < l.size(); ++i) {
            if (i)
                cursor += separation(l[i - 1], l[i]);
            offset[i] = cursor;
            const auto &nb = neighbours[l[i]];
            double desired = y[l[i]];
            double w = 0.05;
            if (!nb.empty()) {
                double sum = 0;
                for (int v : nb)
                    sum += y[v];
                desired = sum / double(nb.size());
                w = g.isVirtual(l[i]) ? 2.0 : 1.0; // keep long edges straight
            }
            target[i] = desired - offset[i];
            weight[i] = w;
        }
        const std::vector<double> z = isotonic(target, weight);
        for (size_t i = 0; i < l.size(); ++i)
            y[l[i]] = z[i] + offset[i];
    };
    for (int pass = 0; pass < 4; ++pass) {
        for (int l = 1; l < layerCount; ++l)
            place(layers[l], g.preds);
        for (int l = layerCount - 2; l >= 0; --l)
            place(layers[l], g.succs);
    }
    for (int v = 0; v < n; ++v) {
        result.centerY.insert(g.ids[v], y[v]);
        result.layers.insert(g.ids[v], g.layer[v]);
    }
    return result;
}

} // namespace

PlanLayout::Result PlanLayout::layout(const PlanData &plan, const Options &options)
{
    Result result;
    double top = 0;
    for (PlanPhase phase : {PlanPhase::Switchover, PlanPhase::Recovery}) {
        const QList<const PlanStep *> steps = plan.stepsOf(phase);
        if (steps.isEmpty())
            continue;
        const PhaseLayout phaseLayout = layoutPhase(steps, plan.edges, options);
        double minCenter = std::numeric_limits<double>::max();
        double maxCenter = std::numeric_limits<double>::lowest();
        for (double c : phaseLayout.centerY) {
            minCenter = std::min(minCenter, c);
            maxCenter = std::max(maxCenter, c);
        }
        for (const PlanStep *s : steps) {
            const double centre = phaseLayout.centerY.value(s->id) - minCenter + options.nodeHeight / 2;
            const int layer = phaseLayout.layers.value(s->id);
            result.positions.insert(s->id, QPointF(std::round(layer * (options.nodeWidth + options.layerGap)),
                                                   std::round(top + centre - options.nodeHeight / 2)));
            result.layers.insert(s->id, layer);
        }
        result.crossings += phaseLayout.crossings;
        top += std::round(maxCenter - minCenter + options.nodeHeight + options.phaseGap);
    }
    return result;
}

void PlanLayout::apply(PlanData &plan, const Result &result)
{
    for (PlanStep &s : plan.steps) {
        const auto it = result.positions.constFind(s.id);
        if (it != result.positions.constEnd())
            s.position = *it;
    }
}

} // namespace Haven
