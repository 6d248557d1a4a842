// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancommands.h"

#include <algorithm>

namespace Haven {

// --- AddStepCommand ---------------------------------------------------------------------------

AddStepCommand::AddStepCommand(Plan &plan, const PlanStep &step, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_step(step)
{
    setText(tr("Add step \"%1\"").arg(step.name.isEmpty() ? step.operation : step.name));
}

void AddStepCommand::redo()
{
    const StepId id = m_plan.addStep(m_step);
    if (id == InvalidStepId) {
        setObsolete(true);
        return;
    }
    m_step.id = id;
}

void AddStepCommand::undo()
{
    m_plan.removeStep(m_step.id);
}

// --- RemoveStepsCommand -----------------------------------------------------------------------

RemoveStepsCommand::RemoveStepsCommand(Plan &plan, const QList<StepId> &steps, const QList<PlanEdge> &edges,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_ids(steps)
    , m_extraEdges(edges)
{
    std::sort(m_ids.begin(), m_ids.end());
    m_ids.erase(std::unique(m_ids.begin(), m_ids.end()), m_ids.end());
    if (m_ids.size() == 1)
        setText(tr("Delete step \"%1\"").arg(plan.step(m_ids.constFirst()).name));
    else if (!m_ids.isEmpty())
        setText(tr("Delete %n step(s)", nullptr, int(m_ids.size())));
    else
        setText(tr("Delete %n dependency(s)", nullptr, int(m_extraEdges.size())));
}

void RemoveStepsCommand::redo()
{
    m_removedSteps.clear();
    m_removedEdges.clear();
    for (const PlanEdge &edge : std::as_const(m_extraEdges)) {
        if (m_plan.hasEdge(edge.from, edge.to))
            m_removedEdges.append(edge);
    }
    for (StepId id : std::as_const(m_ids)) {
        if (!m_plan.hasStep(id))
            continue;
        m_removedSteps.append(m_plan.step(id));
        for (const PlanEdge &edge : m_plan.edgesOf(id)) {
            if (!m_removedEdges.contains(edge))
                m_removedEdges.append(edge);
        }
    }
    if (m_removedSteps.isEmpty() && m_removedEdges.isEmpty()) {
        setObsolete(true);
        return;
    }
    for (const PlanEdge &edge : std::as_const(m_removedEdges))
        m_plan.removeEdge(edge.from, edge.to);
    for (const PlanStep &step : std::as_const(m_removedSteps))
        m_plan.removeStep(step.id);
}

void RemoveStepsCommand::undo()
{
    for (const PlanStep &step : std::as_const(m_removedSteps))
        m_plan.addStep(step);
    std::sort(m_removedEdges.begin(), m_removedEdges.end());
    for (const PlanEdge &edge : std::as_const(m_removedEdges))
        m_plan.addEdge(edge.from, edge.to);
}

// --- AddEdgeCommand / RemoveEdgeCommand -------------------------------------------------------

AddEdgeCommand::AddEdgeCommand(Plan &plan, StepId from, StepId to, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_edge{from, to}
{
    setText(tr("Connect \"%1\" → \"%2\"").arg(plan.step(from).name, plan.step(to).name));
}

void AddEdgeCommand::redo()
{
    if (!m_plan.addEdge(m_edge.from, m_edge.to))
        setObsolete(true);
}

void AddEdgeCommand::undo()
{
    m_plan.removeEdge(m_edge.from, m_edge.to);
}

RemoveEdgeCommand::RemoveEdgeCommand(Plan &plan, StepId from, StepId to, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_edge{from, to}
{
    setText(tr("Disconnect \"%1\" → \"%2\"").arg(plan.step(from).name, plan.step(to).name));
}

void RemoveEdgeCommand::redo()
{
    if (!m_plan.removeEdge(m_edge.from, m_edge.to))
        setObsolete(true);
}

void RemoveEdgeCommand::undo()
{
    m_plan.addEdge(m_edge.from, m_edge.to);
}

// --- MoveStepsCommand -------------------------------------------------------------------------

MoveStepsCommand::MoveStepsCommand(Plan &plan, const QMap<StepId, QPointF> &from, const QMap<StepId, QPointF> &to,
                                   int drag, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_from(from)
    , m_to(to)
    , m_drag(drag)
{
    setText(tr("Move %n step(s)", nullptr, int(to.size())));
}

void MoveStepsCommand::redo()
{
    apply(m_to);
}

void MoveStepsCommand::undo()
{
    apply(m_from);
}

void MoveStepsCommand::apply(const QMap<StepId, QPointF> &positions)
{
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        m_plan.setStepPosition(it.key(), it.value());
}

bool MoveStepsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveStepsCommand *>(other);
    if (&move->m_plan != &m_plan || move->m_drag != m_drag || m_drag == 0 || move->m_to.keys() != m_to.keys())
        return false;
    m_to = move->m_to;
    setObsolete(m_to == m_from);
    return true;
}

// --- SetStepPropertyCommand -------------------------------------------------------------------

SetStepPropertyCommand::SetStepPropertyCommand(Plan &plan, StepId step, StepField field, const PlanStep &values,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_step(step)
    , m_field(field)
    , m_after(values)
{
    setText(tr("Change %1 of \"%2\"").arg(fieldName(field), plan.step(step).name));
}

void SetStepPropertyCommand::copyField(StepField field, const PlanStep &from, PlanStep &to)
{
    switch (field) {
    case StepField::Name:
        to.name = from.name;
        break;
    case StepField::Operation:
        to.operation = from.operation;
        to.parameters = from.parameters;
        break;
    case StepField::Parameters:
        to.parameters = from.parameters;
        break;
    case StepField::Target:
        to.target = from.target;
        break;
    case StepField::ProductGroup:
        to.productGroup = from.productGroup;
        break;
    case StepField::Timeout:
        to.timeoutSeconds = from.timeoutSeconds;
        break;
    case StepField::Retry:
        to.retry = from.retry;
        break;
    case StepField::OnFailure:
        to.onFailure = from.onFailure;
        break;
    case StepField::Approval:
        to.requiresApproval = from.requiresApproval;
        to.approvalPrompt = from.approvalPrompt;
        break;
    case StepField::Guard:
        to.guard = from.guard;
        break;
    case StepField::Notes:
        to.notes = from.notes;
        break;
    }
}

bool SetStepPropertyCommand::sameField(StepField field, const PlanStep &a, const PlanStep &b)
{
    PlanStep copy = b;
    copyField(field, a, copy);
    return copy == b;
}

QString SetStepPropertyCommand::fieldName(StepField field)
{
    switch (field) {
    case StepField::Name:
        return tr("name");
    case StepField::Operation:
        return tr("operation code");
    case StepField::Parameters:
        return tr("parameters");
    case StepField::Target:
        return tr("target");
    case StepField::ProductGroup:
        return tr("product group");
    case StepField::Timeout:
        return tr("timeout");
    case StepField::Retry:
        return tr("retry policy");
    case StepField::OnFailure:
        return tr("on-failure behaviour");
    case StepField::Approval:
        return tr("approval gate");
    case StepField::Guard:
        return tr("guard");
    case StepField::Notes:
        return tr("notes");
    }
    return {};
}

void SetStepPropertyCommand::apply(const PlanStep &values)
{
    PlanStep step = m_plan.step(m_step);
    copyField(m_field, values, step);
    m_plan.setStep(step);
}

void SetStepPropertyCommand::redo()
{
    if (!m_haveBefore) {
        if (!m_plan.hasStep(m_step) || sameField(m_field, m_after, m_plan.step(m_step))) {
            setObsolete(true);
            return;
        }
        m_before = m_plan.step(m_step);
        m_haveBefore = true;
    }
    apply(m_after);
}

void SetStepPropertyCommand::undo()
{
    apply(m_before);
}

bool SetStepPropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = static_cast<const SetStepPropertyCommand *>(other);
    if (&set->m_plan != &m_plan || set->m_step != m_step || set->m_field != m_field)
        return false;
    copyField(m_field, set->m_after, m_after);
    setObsolete(sameField(m_field, m_after, m_before));
    return true;
}

// --- SetPlanPropertyCommand -------------------------------------------------------------------

namespace {

void copyPlanField(PlanField field, const PlanMetadata &from, PlanMetadata &to)
{
    switch (field) {
    case PlanField::Name:
        to.name = from.name;
        break;
    case PlanField::Description:
        to.description = from.description;
        break;
    case PlanField::Kind:
        to.kind = from.kind;
        break;
    case PlanField::Rto:
        to.rtoSeconds = from.rtoSeconds;
        break;
    case PlanField::Rpo:
        to.rpoSeconds = from.rpoSeconds;
        break;
    }
}

bool samePlanField(PlanField field, const PlanMetadata &a, const PlanMetadata &b)
{
    PlanMetadata copy = b;
    copyPlanField(field, a, copy);
    return copy == b;
}

} // namespace

SetPlanPropertyCommand::SetPlanPropertyCommand(Plan &plan, PlanField field, const PlanMetadata &values,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_field(field)
    , m_after(values)
{
    setText(tr("Change the plan's %1").arg(fieldName(field)));
}

QString SetPlanPropertyCommand::fieldName(PlanField field)
{
    switch (field) {
    case PlanField::Name:
        return tr("name");
    case PlanField::Description:
        return tr("description");
    case PlanField::Kind:
        return tr("kind");
    case PlanField::Rto:
        return tr("RTO");
    case PlanField::Rpo:
        return tr("RPO");
    }
    return {};
}

void SetPlanPropertyCommand::apply(const PlanMetadata &values)
{
    switch (m_field) {
    case PlanField::Name:
        m_plan.setName(values.name);
        break;
    case PlanField::Description:
        m_plan.setDescription(values.description);
        break;
    case PlanField::Kind:
        m_plan.setKind(values.kind);
        break;
    case PlanField::Rto:
        m_plan.setRtoSeconds(values.rtoSeconds);
        break;
    case PlanField::Rpo:
        m_plan.setRpoSeconds(values.rpoSeconds);
        break;
    }
}

void SetPlanPropertyCommand::redo()
{
    if (!m_haveBefore) {
        if (samePlanField(m_field, m_after, m_plan.metadata())) {
            setObsolete(true);
            return;
        }
        m_before = m_plan.metadata();
        m_haveBefore = true;
    }
    apply(m_after);
}

void SetPlanPropertyCommand::undo()
{
    apply(m_before);
}

bool SetPlanPropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = static_cast<const SetPlanPropertyCommand *>(other);
    if (&set->m_plan != &m_plan || set->m_field != m_field)
        return false;
    copyPlanField(m_field, set->m_after, m_after);
    setObsolete(samePlanField(m_field, m_after, m_before));
    return true;
}

// --- PasteCommand -----------------------------------------------------------------------------

PasteCommand::PasteCommand(Plan &plan, const QList<PlanStep> &steps, const QList<PlanEdge> &edges, PlanPhase phase,
                           const QPointF &offset, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_steps(steps)
    , m_phase(phase)
    , m_offset(offset)
{
    std::sort(m_steps.begin(), m_steps.end(), [](const PlanStep &a, const PlanStep &b) { return a.id < b.id; });
    for (const PlanEdge &edge : edges) {
        const auto has = [this](StepId id) {
            return std::any_of(m_steps.cbegin(), m_steps.cend(), [id](const PlanStep &s) { return s.id == id; });
        };
        if (has(edge.from) && has(edge.to))
            m_edges.append(edge);
    }
    setText(tr("Paste %n step(s)", nullptr, int(m_steps.size())));
}

void PasteCommand::redo()
{
    const bool first = m_newIds.isEmpty();
    for (PlanStep step : std::as_const(m_steps)) {
        const StepId original = step.id;
        step.id = first ? InvalidStepId : m_newIds.value(original);
        step.phase = m_phase;
        step.position += m_offset;
        const StepId id = m_plan.addStep(step);
        if (first && id != InvalidStepId)
            m_newIds.insert(original, id);
    }
    if (first && m_newIds.isEmpty()) {
        setObsolete(true);
        return;
    }
    for (const PlanEdge &edge : std::as_const(m_edges))
        m_plan.addEdge(m_newIds.value(edge.from), m_newIds.value(edge.to));
}

void PasteCommand::undo()
{
    for (StepId id : std::as_const(m_newIds))
        m_plan.removeStep(id);
}

// --- AutoLayoutCommand ------------------------------------------------------------------------

AutoLayoutCommand::AutoLayoutCommand(Plan &plan, const QMap<StepId, QPointF> &positions, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_plan(plan)
    , m_after(positions)
{
    setText(tr("Arrange steps automatically"));
}

void AutoLayoutCommand::redo()
{
    m_before.clear();
    for (auto it = m_after.cbegin(); it != m_after.cend(); ++it) {
        if (m_plan.hasStep(it.key()))
            m_before.insert(it.key(), m_plan.step(it.key()).position);
    }
    if (m_before == m_after) {
        setObsolete(true);
        return;
    }
    for (auto it = m_after.cbegin(); it != m_after.cend(); ++it)
        m_plan.setStepPosition(it.key(), it.value());
}

void AutoLayoutCommand::undo()
{
    for (auto it = m_before.cbegin(); it != m_before.cend(); ++it)
        m_plan.setStepPosition(it.key(), it.value());
}

} // namespace Haven
