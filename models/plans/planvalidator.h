// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks a plan against the cached operation catalog (the union of the sites' catalogs) and
// attaches each finding to the offending step or edge, so the canvas can mark it.
//
// Rules (PlanIssue::code; E = error, W = warning):
//   no-catalog (E)          no catalog is cached, so operations cannot be checked
//   empty-phase (E)         a phase of the plan's kind has no step
//   phase-not-in-kind (E)   a step in a phase the kind does not have (recovery of an emergency plan)
//   dangling-edge (E)       an edge names a step that does not exist
//   cross-phase-edge (E)    an edge joins a switchover step and a recovery step
//   duplicate-edge (E)      the same edge twice
//   cycle (E)               steps that depend on each other in a ring (all named, in order)
//   unreachable-step (E)    a step no entry step leads to (entry: a step without predecessors);
//                           in a DAG every step is reachable, so this flags steps hanging behind a
//                           cycle; steps on the cycle itself are reported as cycle only
//   isolated-step (W)       a step with no edge in a phase of several steps (forgotten to connect);
//                           separate islands of two or more steps are legitimate parallel branches
//   missing-operation (E)   a step without an operation code
//   unknown-operation (E)   an operation code no site offers
//   invalid-parameters (E)  parameters refused by the operation's schema (validateParameters)
//   unknown-product-group (E) a step product group no site knows (known groups: the catalog's
//                           productGroup enums; unchecked when the catalog lists none)
//   product-group-mismatch (W) parameters.productGroup differs from the step's product group
//   invalid-target (E)      a named-site target without a site
//   invalid-timeout (E)     timeout not positive
//   invalid-retry (E)       attempts < 1, negative backoff, multiplier < 1
//   invalid-guard (E)       a guard with a threshold out of range, an unknown product group, or a
//                           layer that has no replication (lag guard on business/middleware/physical)
//   missing-name (W)        a step without a name
//   recovery-not-reverting (W) a reversible switchover step whose inverse (same operation inverse,
//                           product group and target) does not appear in the recovery phase

#include "plan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Haven {

struct PlanIssue
{
    enum class Severity { Error, Warning };

    QString code;
    Severity severity = Severity::Error;
    PlanPhase phase = PlanPhase::Switchover;
    StepId step = InvalidStepId; // the offending step, or InvalidStepId
    PlanEdge edge;               // the offending edge, or {0, 0}
    QList<StepId> steps;         // every step involved (a cycle's steps in order)
    QString message;             // for people, translated

    bool isError() const { return severity == Severity::Error; }
    bool concernsEdge() const { return edge.from != InvalidStepId || edge.to != InvalidStepId; }
};

class PlanValidator final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::PlanValidator)
public:
    // Issues sorted by phase, then step id; errors before warnings for the same step.
    static QList<PlanIssue> validate(const PlanData &plan, const QList<OperationSpec> &catalog);
    static bool hasErrors(const QList<PlanIssue> &issues);
    static int errorCount(const QList<PlanIssue> &issues);
    // The product groups the catalog's schemas enumerate (productGroup enum), sorted.
    static QStringList knownProductGroups(const QList<OperationSpec> &catalog);
};

} // namespace Haven
