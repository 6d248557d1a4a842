// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The node-graph canvas of one phase of a plan: the editable use of GraphScene on the plan's
// graph, its steps drawn by StepNodePainter. Items hold step ids only and are rebuilt from the
// graph's signals; every edit made here (drop, connect, move, delete, paste, layout) is a command
// pushed on the document's undo stack.

#include "models/plans/plan.h"
#include "widgets/graph/graphscene.h"
#include "widgets/graph/stepnodepainter.h"

class QTimer;

namespace Haven {

class PlanDocument;
class PlanGraphScene;

inline constexpr auto OperationMimeType = "application/x-haven-operation";
inline constexpr auto PlanStepsMimeType = "application/x-haven-plan-steps";

// A step's item on the editor's canvas: a graph node with the editor's box size.
class StepNodeItem final : public GraphNodeItem
{
public:
    static constexpr double Width = StepNodePainter::Width;
    static constexpr double Height = StepNodePainter::Height;
    static constexpr double PortRadius = StepNodePainter::PortRadius;

    using GraphNodeItem::GraphNodeItem;
    StepId stepId() const { return nodeId(); }
};

class PlanGraphScene final : public GraphScene
{
    Q_OBJECT
public:
    PlanGraphScene() = delete;
    explicit PlanGraphScene(PlanDocument &document, QObject *parent = nullptr);
    PlanGraphScene(PlanDocument &&, QObject * = nullptr) = delete; // the document must outlive the scene
    ~PlanGraphScene() override;

    PlanDocument &document() const { return m_document; }

    PlanPhase phase() const { return m_phase; }
    void setPhase(PlanPhase phase);

    StepNodeItem *nodeItem(StepId id) const { return static_cast<StepNodeItem *>(GraphScene::nodeItem(id)); }

    QList<StepId> selectedSteps() const { return selectedNodes(); }
    QList<PlanEdge> selectedEdges() const;
    void selectSteps(const QList<StepId> &steps) { selectNodes(steps); } // replaces the selection
    void selectAllSteps();

    // --- edits, each one command on the document's stack ---------------------------------
    // Adds a step of the operation at the scene position (its top-left corner), selects it.
    StepId addOperation(const QString &operationCode, const QPointF &scenePos);
    // Connects from → to; when the plan refuses, shows why on the canvas and returns false.
    bool connectSteps(StepId from, StepId to, QString *why = nullptr);
    void deleteSelection() override;
    void copySelection() const;
    bool paste(); // false when the clipboard holds no steps
    void autoLayout();

    // Plan-format JSON of the selected steps and the edges among them (what copy puts on the clipboard).
    QByteArray selectionBytes() const;
    // Pastes plan-format bytes into the current phase, offset; returns the new step ids.
    QList<StepId> pasteBytes(const QByteArray &bytes, const QPointF &offset);

    // The message last shown on the canvas ("cannot connect: ...").
    QString feedbackText() const { return m_feedbackText; }

    EdgeStyle edgeStyle(const GraphEdge &edge, bool selected) const override;
    QString edgeToolTip(const GraphEdge &edge) const override;
    void moveNodes(const QMap<NodeId, QPointF> &from, const QMap<NodeId, QPointF> &to, int dragNumber) override;
    bool connectNodes(NodeId from, NodeId to) override { return connectSteps(from, to); }

Q_SIGNALS:
    void selectedStepsChanged();
    void feedback(const QString &message);
    void phaseChanged(Haven::PlanPhase phase);

protected:
    bool connectionAllowed(NodeId from, NodeId to) const override;
    GraphNodeItem *createNodeItem(NodeId id) override { return new StepNodeItem(*this, id); }
    void aboutToRebuild() override { m_feedbackItem = nullptr; }
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    // Pushes command and returns it while the stack keeps it; nullptr when the stack deleted
    // it at once (it made itself obsolete in redo(), e.g. nothing to paste).
    template<typename Command>
    const Command *pushKept(Command *command);

    void showFeedback(const QString &message, const QPointF &scenePos);

    PlanDocument &m_document;
    PlanPhase m_phase = PlanPhase::Switchover;
    int m_pasteCount = 0;
    QGraphicsRectItem *m_feedbackItem = nullptr;
    QTimer *m_feedbackTimer;
    QString m_feedbackText;
};

} // namespace Haven
