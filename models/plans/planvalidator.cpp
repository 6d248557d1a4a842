// SPDX-License-Identifier: GPL-3.0-or-later
#include "planvalidator.h"

#include "models/graph/directedgraph.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Haven {

namespace {

QString label(const PlanStep &step)
{
    return step.name.isEmpty() ? PlanValidator::tr("step %1").arg(step.id) : PlanValidator::tr("\"%1\"").arg(step.name);
}

QString groupOf(const PlanStep &step)
{
    return step.productGroup.isEmpty() ? step.parameters.value(QStringLiteral("productGroup")).toString()
                                       : step.productGroup;
}

} // namespace

QStringList PlanValidator::knownProductGroups(const QList<OperationSpec> &catalog)
{
    QSet<QString> groups;
    for (const OperationSpec &spec : catalog) {
        const QJsonArray values = spec.parameters.value(QStringLiteral("properties"))
                                      .toObject()
                                      .value(QStringLiteral("productGroup"))
                                      .toObject()
                                      .value(QStringLiteral("enum"))
                                      .toArray();
        for (const QJsonValue &v : values)
            groups.insert(v.toString());
    }
    QStringList result(groups.cbegin(), groups.cend());
    result.sort();
    return result;
}

bool PlanValidator::hasErrors(const QList<PlanIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const PlanIssue &i) { return i.isError(); });
}

int PlanValidator::errorCount(const QList<PlanIssue> &issues)
{
    return int(std::count_if(issues.cbegin(), issues.cend(), [](const PlanIssue &i) { return i.isError(); }));
}

QList<PlanIssue> PlanValidator::validate(const PlanData &plan, const QList<OperationSpec> &catalog)
{
    QList<PlanIssue> issues;
    auto add = [&issues](const QString &code, PlanIssue::Severity severity, PlanPhase phase, StepId step,
                         const QString &message) -> PlanIssue & {
        PlanIssue issue;
        issue.code = code;
        issue.severity = severity;
        issue.phase = phase;
        issue.step = step;
        if (step != InvalidStepId)
            issue.steps = {step};
        issue.message = message;
        issues.append(issue);
        return issues.last();
    };
    constexpr auto Error = PlanIssue::Severity::Error;
    constexpr auto Warning = PlanIssue::Severity::Warning;

    QHash<QString, const OperationSpec *> operations;
    for (const OperationSpec &spec : catalog)
        operations.insert(spec.code, &spec);
    const QStringList knownGroupList = knownProductGroups(catalog);
    const QSet<QString> knownGroups(knownGroupList.cbegin(), knownGroupList.cend());
    if (catalog.isEmpty()) {
        add(QStringLiteral("no-catalog"), Error, PlanPhase::Switchover, InvalidStepId,
            tr("No operation catalog is cached yet, so the steps cannot be checked. Connect to a site once, "
               "then validate again."));
    }

    QHash<StepId, int> indexOf;
    indexOf.reserve(plan.steps.size());
    for (int i = 0; i < plan.steps.size(); ++i)
        indexOf.insert(plan.steps[i].id, i);

    const QList<PlanPhase> phases = phasesOf(plan.metadata.kind);
    for (PlanPhase phase : phases) {
        const bool empty = std::none_of(plan.steps.cbegin(), plan.steps.cend(),
                                        [phase](const PlanStep &s) { return s.phase == phase; });
        if (empty) {
            add(QStringLiteral("empty-phase"), Error, phase, InvalidStepId,
                phase == PlanPhase::Switchover ? tr("The switchover phase has no step.")
                                               : tr("The recovery phase has no step."));
        }
    }

    // --- steps on their own ---
    for (const PlanStep &step : plan.steps) {
        const PlanPhase phase = step.phase;
        if (!phases.contains(phase)) {
            add(QStringLiteral("phase-not-in-kind"), Error, phase, step.id,
                tr("Step %1 is in the recovery phase, but an emergency plan has only one phase.").arg(label(step)));
        }
        if (step.name.trimmed().isEmpty())
            add(QStringLiteral("missing-name"), Warning, phase, step.id, tr("Step %1 has no name.").arg(step.id));
        if (step.operation.isEmpty()) {
            add(QStringLiteral("missing-operation"), Error, phase, step.id,
                tr("Step %1 has no operation; choose one from the catalog.").arg(label(step)));
        } else if (!catalog.isEmpty()) {
            const OperationSpec *spec = operations.value(step.operation);
            if (!spec) {
                add(QStringLiteral("unknown-operation"), Error, phase, step.id,
                    tr("Step %1 uses operation \"%2\", which no site offers.").arg(label(step), step.operation));
            } else {
                const QString problem = validateParameters(spec->parameters, step.parameters);
                if (!problem.isEmpty()) {
                    add(QStringLiteral("invalid-parameters"), Error, phase, step.id,
                        tr("Step %1 (%2): %3.").arg(label(step), step.operation, problem));
                }
            }
        }
        if (!step.productGroup.isEmpty() && !knownGroups.isEmpty() && !knownGroups.contains(step.productGroup)) {
            add(QStringLiteral("unknown-product-group"), Error, phase, step.id,
                tr("Step %1 is for product group \"%2\", which no site knows (known: %3).")
                    .arg(label(step), step.productGroup, knownGroupList.join(QStringLiteral(", "))));
        }
        const QString parameterGroup = step.parameters.value(QStringLiteral("productGroup")).toString();
        if (!step.productGroup.isEmpty() && !parameterGroup.isEmpty() && parameterGroup != step.productGroup) {
            add(QStringLiteral("product-group-mismatch"), Warning, phase, step.id,
                tr("Step %1 is for product group \"%2\" but its parameters say \"%3\".")
                    .arg(label(step), step.productGroup, parameterGroup));
        }
        if (step.target.kind == StepTargetKind::NamedSite && step.target.site.trimmed().isEmpty()) {
            add(QStringLiteral("invalid-target"), Error, phase, step.id,
                tr("Step %1 targets a named site but names none.").arg(label(step)));
        }
        if (step.timeoutSeconds <= 0) {
            add(QStringLiteral("invalid-timeout"), Error, phase, step.id,
                tr("Step %1 has a timeout of %2 s; it must be at least 1 s.").arg(label(step)).arg(step.timeoutSeconds));
        }
        if (step.retry.attempts < 1 || step.retry.backoffSeconds < 0 || step.retry.backoffMultiplier < 1.0) {
            add(QStringLiteral("invalid-retry"), Error, phase, step.id,
                tr("Step %1 has an invalid retry policy: at least 1 attempt, a backoff of 0 s or more and a "
                   "multiplier of 1 or more.")
                    .arg(label(step)));
        }
        if (step.guard) {
            const StepGuard &guard = *step.guard;
            QString problem;
            if (guard.kind == GuardKind::ReplicationLagBelow && guard.threshold <= 0)
                problem = tr("the lag limit must be more than 0 s");
            else if (guard.kind == GuardKind::CapacityBelow && (guard.threshold <= 0 || guard.threshold > 100))
                problem = tr("the capacity limit must be between 0 and 100 %");
            else if (!guard.productGroup.isEmpty() && !knownGroups.isEmpty()
                     && !knownGroups.contains(guard.productGroup))
                problem = tr("product group \"%1\" is unknown").arg(guard.productGroup);
            else if (guard.kind == GuardKind::ReplicationLagBelow && guard.layer && *guard.layer != Layer::Database
                     && *guard.layer != Layer::Storage)
                problem = tr("only the storage and database layers replicate");
            if (!problem.isEmpty()) {
                add(QStringLiteral("invalid-guard"), Error, phase, step.id,
                    tr("The guard of step %1 is invalid: %2.").arg(label(step), problem));
            }
        }
    }

    // --- edges ---
    DirectedGraph dependencies;
    for (const PlanStep &s : plan.steps)
        dependencies.addNode(s.id);
    QList<int> degree(plan.steps.size(), 0);
    QList<PlanEdge> sorted = plan.edges;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < sorted.size(); ++i) {
        const PlanEdge &edge = sorted[i];
        const int from = indexOf.value(edge.from, -1);
        const int to = indexOf.value(edge.to, -1);
        if (from < 0 || to < 0) {
            const PlanStep *known = from >= 0 ? &plan.steps[from] : (to >= 0 ? &plan.steps[to] : nullptr);
            PlanIssue &issue
                = add(QStringLiteral("dangling-edge"), Error, known ? known->phase : PlanPhase::Switchover,
                      known ? known->id : InvalidStepId,
                      tr("The dependency %1 → %2 refers to a step that does not exist.").arg(edge.from).arg(edge.to));
            issue.edge = edge;
            continue;
        }
        const PlanStep &a = plan.steps[from];
        const PlanStep &b = plan.steps[to];
        if (i > 0 && sorted[i - 1] == edge) {
            PlanIssue &issue = add(QStringLiteral("duplicate-edge"), Error, a.phase, a.id,
                                   tr("The dependency %1 → %2 appears twice.").arg(label(a), label(b)));
            issue.edge = edge;
            continue;
        }
        if (a.phase != b.phase) {
            PlanIssue &issue = add(QStringLiteral("cross-phase-edge"), Error, a.phase, a.id,
                                   tr("The dependency %1 → %2 joins the switchover and the recovery phase; "
                                      "each phase runs on its own.")
                                       .arg(label(a), label(b)));
            issue.edge = edge;
            continue;
        }
        dependencies.addEdge(a.id, b.id);
        ++degree[from];
        ++degree[to];
    }

    // --- cycles and reachability ---
    QSet<StepId> onRing;
    for (const DirectedGraph::Cycle &cycle : dependencies.cycles()) {
        const QList<StepId> &ring = cycle.ring;
        const PlanStep &first = plan.steps[indexOf.value(ring.first())];
        PlanIssue &issue = add(QStringLiteral("cycle"), Error, first.phase, first.id, {});
        issue.steps = ring;
        QStringList names;
        for (StepId id : ring)
            names.append(label(plan.steps[indexOf.value(id)]));
        names.append(label(first));
        issue.edge = {ring.last(), ring.first()}; // a single step's ring is its edge to itself
        issue.message = tr("These steps wait for each other in a cycle and can never run: %1.")
                            .arg(names.join(QStringLiteral(" → ")));
        for (StepId id : cycle.members)
            onRing.insert(id);
    }
    const QList<StepId> reachable = dependencies.reachableFrom(dependencies.entries());
    const QSet<StepId> reached(reachable.cbegin(), reachable.cend());
    QHash<PlanPhase, int> phaseSize;
    for (const PlanStep &s : plan.steps)
        ++phaseSize[s.phase];
    for (int v = 0; v < plan.steps.size(); ++v) {
        const PlanStep &s = plan.steps[v];
        if (!reached.contains(s.id) && !onRing.contains(s.id)) {
            add(QStringLiteral("unreachable-step"), Error, s.phase, s.id,
                tr("Step %1 can never start: every path to it goes through a cycle.").arg(label(s)));
        }
        if (degree[v] == 0 && phaseSize.value(s.phase) > 1) {
            add(QStringLiteral("isolated-step"), Warning, s.phase, s.id,
                tr("Step %1 is not connected to any other step; it would start at once, in parallel with "
                   "everything else.")
                    .arg(label(s)));
        }
    }

    // --- the recovery phase should revert the switchover ---
    if (phases.contains(PlanPhase::Recovery)) {
        QSet<QString> recovery;
        auto key = [](const QString &operation, const QString &group, const StepTarget &target) -> QString {
            return operation + QLatin1Char('|') + group + QLatin1Char('|') + toString(target.kind) + QLatin1Char('|')
                   + target.site;
        };
        for (const PlanStep &s : plan.steps) {
            if (s.phase == PlanPhase::Recovery)
                recovery.insert(key(s.operation, groupOf(s), s.target));
        }
        for (const PlanStep &s : plan.steps) {
            if (s.phase != PlanPhase::Switchover)
                continue;
            const OperationSpec *spec = operations.value(s.operation);
            if (!spec || !spec->reversible || spec->inverse.isEmpty())
                continue;
            if (!recovery.contains(key(spec->inverse, groupOf(s), s.target))) {
                const QString group = groupOf(s);
                add(QStringLiteral("recovery-not-reverting"), Warning, PlanPhase::Switchover, s.id,
                    group.isEmpty()
                        ? tr("The recovery phase does not revert step %1: add \"%2\" on the same target.")
                              .arg(label(s), spec->inverse)
                        : tr("The recovery phase does not revert step %1: add \"%2\" for product group %3 on the "
                             "same target.")
                              .arg(label(s), spec->inverse, group));
            }
        }
    }

    std::stable_sort(issues.begin(), issues.end(), [](const PlanIssue &a, const PlanIssue &b) {
        if (a.phase != b.phase)
            return a.phase < b.phase;
        if (a.step != b.step)
            return a.step < b.step;
        return a.isError() && !b.isError();
    });
    return issues;
}

} // namespace Haven
