// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running plan as a live, read-only graph (容灾切换大盘): one phase at a time, the steps at
// their canvas positions, each box in its run state's colour with its name, operation, sites,
// attempt, time and last message (a read-only GraphScene whose steps RunStatePainter draws). It follows the execution's phase unless someone looks at the
// other one. It knows only the Execution value (models/), not the engine: the page forwards the
// engine's stepChanged to updateStep(), which repaints that step and its edges and nothing else.

#include "models/executions/execution.h"
#include "widgets/graph/runstatepainter.h"

#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QGraphicsItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QTimer;
class QToolButton;

namespace Haven {

class ExecutionGraphScene;
class GraphModel;

class ExecutionGraph final : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutionGraph(QWidget *parent = nullptr);
    ~ExecutionGraph() override;

    // The execution shown (nullptr: none). It is read, never copied: it must stay alive while it
    // is shown. Builds the items of its current phase.
    void setExecution(const Execution *execution);
    const Execution *execution() const;

    PlanPhase phase() const;
    // Shows a phase. Showing the execution's own phase follows it again from then on.
    void showPhase(PlanPhase phase);
    bool followsExecution() const { return m_follow; }

    StepId selectedStep() const;
    void selectStep(StepId step); // InvalidStepId clears; a step of the other phase shows that phase

    // Wall: no phase buttons and no pointer; the phase shows as a title.
    void setWallMode(bool wall);
    bool wallMode() const { return m_wall; }

    // Where "now" comes from (tests and replays); the wall clock by default.
    void setClock(std::function<qint64()> now);

    // What a step's box shows now (RunStatePainter draws it), with its state and sites.
    struct StepView : RunStateView
    {
        StepRunState state = StepRunState::Pending;
        QStringList sites;
    };
    std::optional<StepView> stepView(StepId step) const;

    // The graphics items (tests: updates must keep them, not rebuild them).
    QGraphicsScene *scene() const;
    QGraphicsItem *stepItem(StepId step) const;
    int stepCount() const;
    int edgeCount() const;
    int rebuildCount() const { return m_rebuilds; }
    QGraphicsView *view() const { return m_view; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    // One step changed (ExecutionEngine::stepChanged): repaints its box and its edges only.
    void updateStep(Haven::StepId step);
    // The execution changed as a whole (ExecutionEngine::executionChanged): follows a new phase.
    void updateExecution();
    // Fits the phase into the view.
    void zoomToFit();

Q_SIGNALS:
    void stepSelected(Haven::StepId step); // InvalidStepId when the selection was cleared
    void phaseShown(Haven::PlanPhase phase);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updatePhaseButtons();
    void tick();

    GraphModel *m_graph; // the shown phase's steps and dependencies
    ExecutionGraphScene *m_scene;
    QGraphicsView *m_view;
    QLabel *m_title;
    QWidget *m_buttons;
    QButtonGroup *m_phaseGroup;
    QToolButton *m_switchoverButton;
    QToolButton *m_recoveryButton;
    QTimer *m_timer;
    bool m_follow = true;
    bool m_wall = false;
    int m_rebuilds = 0;
    int m_ticks = 0;
};

} // namespace Haven
