// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Automatic layered layout of a plan for the canvas (Sugiyama style), flowing left to right:
//   1. cycles (only in invalid plans) are broken by ignoring DFS back edges;
//   2. longest-path layering: a step's layer (column) is one more than its deepest predecessor;
//   3. edges longer than one layer get virtual nodes, so they take part in ordering;
//   4. crossing reduction: barycentre sweeps down and up, keeping the best order seen;
//   5. coordinate assignment: each step goes as close as possible to the mean of its neighbours'
//      positions while keeping the order and the minimum gap (isotonic regression per layer).
// The switchover phase is laid out above the recovery phase. Positions are the top-left corners
// of the step boxes, rounded to whole units.

#include "plan.h"

#include <QHash>
#include <QPointF>

namespace Haven {

class PlanLayout final
{
public:
    struct Options
    {
        double nodeWidth = 220;
        double nodeHeight = 72;
        double layerGap = 80;  // horizontal space between columns
        double nodeGap = 32;   // vertical space between steps of one column
        double phaseGap = 160; // vertical space between the switchover and the recovery
        int sweeps = 6;        // barycentre sweep pairs (down + up)
    };

    struct Result
    {
        QHash<StepId, QPointF> positions; // top-left corners
        QHash<StepId, int> layers;        // column of each step within its phase
        int crossings = 0;                // edge crossings left (between adjacent layers)
    };

    static Result layout(const PlanData &plan, const Options &options);
    static Result layout(const PlanData &plan) { return layout(plan, Options{}); }
    // Applies a layout result to the data (positions only).
    static void apply(PlanData &plan, const Result &result);
};

} // namespace Haven
