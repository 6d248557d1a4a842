// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The undoable edits of a plan. Each acts on the Plan model (never on a scene), does its work in
// redo() (pushing runs it), and keeps values — step ids, steps, edges, positions — so nothing it
// holds can dangle. The Plan they name is owned by the PlanDocument that owns their stack.

#include "models/plans/plan.h"

#include <QCoreApplication>
#include <QMap>
#include <QUndoCommand>

namespace Haven {

// Ids for QUndoCommand::id(): commands that merge with their successor.
enum class PlanCommandId { MoveSteps = 1, SetStepProperty, SetPlanProperty };

class AddStepCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::AddStepCommand)
public:
    // step.id may be InvalidStepId: the first redo assigns a fresh one, later redos reuse it.
    AddStepCommand(Plan &plan, const PlanStep &step, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    StepId stepId() const { return m_step.id; }

private:
    Plan &m_plan;
    PlanStep m_step;
};

// Removes steps together with their edges and, optionally, further edges (a deleted selection);
// undo restores all of them under their old ids.
class RemoveStepsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::RemoveStepsCommand)
public:
    RemoveStepsCommand(Plan &plan, const QList<StepId> &steps, const QList<PlanEdge> &edges = {},
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Plan &m_plan;
    QList<StepId> m_ids;
    QList<PlanEdge> m_extraEdges;
    QList<PlanStep> m_removedSteps; // filled by redo
    QList<PlanEdge> m_removedEdges;
};

class AddEdgeCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::AddEdgeCommand)
public:
    // A connection the plan refuses makes the command obsolete: pushing it changes nothing.
    AddEdgeCommand(Plan &plan, StepId from, StepId to, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Plan &m_plan;
    PlanEdge m_edge;
};

class RemoveEdgeCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::RemoveEdgeCommand)
public:
    RemoveEdgeCommand(Plan &plan, StepId from, StepId to, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Plan &m_plan;
    PlanEdge m_edge;
};

// Moves steps on the canvas. The scene pushes one per mouse move with the same drag number;
// they merge while the same selection is dragged, so a drag is undone in one step.
class MoveStepsCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::MoveStepsCommand)
public:
    MoveStepsCommand(Plan &plan, const QMap<StepId, QPointF> &from, const QMap<StepId, QPointF> &to, int drag = 0,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(PlanCommandId::MoveSteps); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QMap<StepId, QPointF> &positions);

    Plan &m_plan;
    QMap<StepId, QPointF> m_from;
    QMap<StepId, QPointF> m_to;
    int m_drag;
};

// The step fields the property panel edits. Operation carries the parameters along: another
// operation has another parameter schema.
enum class StepField {
    Name,
    Operation,
    Parameters,
    Target,
    ProductGroup,
    Timeout,
    Retry,
    OnFailure,
    Approval, // requiresApproval and approvalPrompt
    Guard,
    Notes
};

class SetStepPropertyCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::SetStepPropertyCommand)
public:
    // Sets field of the step to its value in `values` (the other fields of `values` are ignored).
    // Consecutive edits of the same field of the same step merge (typing a name is one edit).
    SetStepPropertyCommand(Plan &plan, StepId step, StepField field, const PlanStep &values,
                           QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(PlanCommandId::SetStepProperty); }
    bool mergeWith(const QUndoCommand *other) override;

    static void copyField(StepField field, const PlanStep &from, PlanStep &to);
    static bool sameField(StepField field, const PlanStep &a, const PlanStep &b);
    static QString fieldName(StepField field);

private:
    void apply(const PlanStep &values);

    Plan &m_plan;
    StepId m_step;
    StepField m_field;
    PlanStep m_before;
    PlanStep m_after;
    bool m_haveBefore = false;
};

enum class PlanField { Name, Description, Kind, Rto, Rpo };

class SetPlanPropertyCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::SetPlanPropertyCommand)
public:
    SetPlanPropertyCommand(Plan &plan, PlanField field, const PlanMetadata &values, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return int(PlanCommandId::SetPlanProperty); }
    bool mergeWith(const QUndoCommand *other) override;

    static QString fieldName(PlanField field);

private:
    void apply(const PlanMetadata &values);

    Plan &m_plan;
    PlanField m_field;
    PlanMetadata m_before;
    PlanMetadata m_after;
    bool m_haveBefore = false;
};

// Pastes steps (with the edges among them) into a phase under fresh ids, offset on the canvas.
class PasteCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::PasteCommand)
public:
    PasteCommand(Plan &plan, const QList<PlanStep> &steps, const QList<PlanEdge> &edges, PlanPhase phase,
                 const QPointF &offset, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    QList<StepId> pastedSteps() const { return m_newIds.values(); }

private:
    Plan &m_plan;
    QList<PlanStep> m_steps;
    QList<PlanEdge> m_edges;
    PlanPhase m_phase;
    QPointF m_offset;
    QMap<StepId, StepId> m_newIds; // original id → pasted id, fixed by the first redo
};

// Applies positions computed by the automatic layout (models/planlayout.h); undo puts the
// steps back where they were.
class AutoLayoutCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Haven::AutoLayoutCommand)
public:
    AutoLayoutCommand(Plan &plan, const QMap<StepId, QPointF> &positions, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Plan &m_plan;
    QMap<StepId, QPointF> m_before;
    QMap<StepId, QPointF> m_after;
};

} // namespace Haven
