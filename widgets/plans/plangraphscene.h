// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The node-graph canvas of one phase of a plan. It reflects a PlanDocument: items hold step ids
// only and are rebuilt from the Plan's signals; every edit made here (drop, connect, move,
// delete, paste, layout) is a command pushed on the document's undo stack.

#include "models/plans/plan.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHash>
#include <QMap>

class QTimer;

namespace Haven {

class PlanDocument;
class PlanGraphScene;
struct PlanIssue;

inline constexpr auto OperationMimeType = "application/x-haven-operation";
inline constexpr auto PlanStepsMimeType = "application/x-haven-plan-steps";

class StepNodeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 501 };
    static constexpr double Width = 250;
    static constexpr double Height = 88;
    static constexpr double PortRadius = 7;

    StepNodeItem(PlanGraphScene &scene, StepId id);
    int type() const override { return Type; }
    StepId stepId() const { return m_id; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QPointF inputPort() const { return mapToScene(QPointF(0, Height / 2)); } // scene coordinates
    QPointF outputPort() const { return mapToScene(QPointF(Width, Height / 2)); }
    // While a connection is dragged over the step: +1 accepted, -1 refused, 0 not a target.
    void setConnectState(int state);
    void refresh(); // the step or its validation changed

private:
    PlanGraphScene &m_scene;
    StepId m_id;
    int m_connectState = 0;
};

class StepEdgeItem final : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 502 };
    StepEdgeItem(PlanGraphScene &scene, const PlanEdge &edge);
    int type() const override { return Type; }
    PlanEdge edge() const { return m_edge; }
    void updatePath();
    void refresh();
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    PlanGraphScene &m_scene;
    PlanEdge m_edge;
    bool m_error = false;
};

class PlanGraphScene final : public QGraphicsScene
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

    StepNodeItem *nodeItem(StepId id) const { return m_nodes.value(id); }
    StepEdgeItem *edgeItem(StepId from, StepId to) const { return m_edges.value({from, to}); }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    StepNodeItem *nodeAt(const QPointF &scenePos) const;

    // Which port, if any, is under the point: the step and whether it is its output.
    struct Port
    {
        StepId step = InvalidStepId;
        bool output = false;
    };
    Port portAt(const QPointF &scenePos) const;

    QList<StepId> selectedSteps() const;
    QList<PlanEdge> selectedEdges() const;
    void selectSteps(const QList<StepId> &steps); // replaces the selection
    void selectAllSteps();

    // --- edits, each one command on the document's stack ---------------------------------
    // Adds a step of the operation at the scene position (its top-left corner), selects it.
    StepId addOperation(const QString &operationCode, const QPointF &scenePos);
    // Connects from → to; when the plan refuses, shows why on the canvas and returns false.
    bool connectSteps(StepId from, StepId to, QString *why = nullptr);
    void deleteSelection();
    void copySelection() const;
    bool paste(); // false when the clipboard holds no steps
    void autoLayout();

    // Plan-format JSON of the selected steps and the edges among them (what copy puts on the clipboard).
    QByteArray selectionBytes() const;
    // Pastes plan-format bytes into the current phase, offset; returns the new step ids.
    QList<StepId> pasteBytes(const QByteArray &bytes, const QPointF &offset);

    // The message last shown on the canvas ("cannot connect: ...").
    QString feedbackText() const { return m_feedbackText; }

Q_SIGNALS:
    void selectedStepsChanged();
    void feedback(const QString &message);
    void phaseChanged(Haven::PlanPhase phase);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    // Pushes command and returns it while the stack keeps it; nullptr when the stack deleted
    // it at once (it made itself obsolete in redo(), e.g. nothing to paste).
    template<typename Command>
    const Command *pushKept(Command *command);

    void rebuild();
    void addNode(StepId id);
    void removeNode(StepId id);
    void addEdgeItem(StepId from, StepId to);
    void removeEdgeItem(StepId from, StepId to);
    void updateEdgesOf(StepId id);
    void refreshValidation();
    void showFeedback(const QString &message, const QPointF &scenePos);
    void endConnection(const QPointF &scenePos);
    void clearConnectHighlight();

    PlanDocument &m_document;
    PlanPhase m_phase = PlanPhase::Switchover;
    QHash<StepId, StepNodeItem *> m_nodes;
    QMap<QPair<StepId, StepId>, StepEdgeItem *> m_edges;

    // A connection being dragged from a port.
    StepId m_connectFrom = InvalidStepId;
    bool m_connectFromOutput = true;
    QGraphicsPathItem *m_connectLine = nullptr;
    StepNodeItem *m_connectTarget = nullptr;

    // Steps being dragged: one MoveStepsCommand per drag, merged as the mouse moves.
    bool m_moving = false;
    bool m_moved = false; // this drag has pushed a move
    int m_dragNumber = 0;
    QPointF m_dragStart;
    QMap<StepId, QPointF> m_dragFrom;

    int m_pasteCount = 0;
    QGraphicsRectItem *m_feedbackItem = nullptr;
    QTimer *m_feedbackTimer;
    QString m_feedbackText;
};

} // namespace Haven
