// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The timeline of a plan execution (QCustomPlot): a row per step, a bar per attempt from its
// start to its end (a running bar grows with the clock), coloured by state; minutes since the
// start on the x axis, a dashed line at the RTO objective and one where the switchover ended.
// Like ExecutionGraph it reads an Execution value and is told when it changes; it redraws at a
// fixed rate (and soon after a change), never per event. qcustomplot.h stays in the .cpp.

#include "models/executions/execution.h"

#include <QColor>
#include <QWidget>

#include <functional>
#include <memory>

class QTimer;

namespace Haven {

class ExecutionTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutionTimeline(QWidget *parent = nullptr);
    ~ExecutionTimeline() override;

    // The execution shown (nullptr: none); read, never copied: it must stay alive while shown.
    void setExecution(const Execution *execution);
    const Execution *execution() const { return m_execution; }

    // Rows only for steps that have started or wait for someone (the wall: the timeline fills
    // as the run goes, and the rows stay big enough to read); all selected steps by default.
    void setStartedRowsOnly(bool startedOnly);
    bool startedRowsOnly() const { return m_startedRowsOnly; }

    // Where "now" comes from (tests and replays); the wall clock by default.
    void setClock(std::function<qint64()> now);

    // What the last refresh drew (tests, and the report's numbers).
    struct Bar
    {
        StepId step = InvalidStepId;
        int row = 0; // 0 = top
        int attempt = 0;
        double startMinutes = 0;
        double endMinutes = 0;
        StepRunState state = StepRunState::Pending; // the colour's state
        QColor color;
    };
    QList<Bar> bars() const { return m_bars; }
    QStringList rowLabels() const { return m_rowLabels; }
    QList<StepId> rowSteps() const { return m_rowSteps; }
    double objectiveMinutes() const;     // 0: no RTO objective
    double switchoverEndMinutes() const; // 0: the switchover has not finished
    double axisMaximumMinutes() const;
    int refreshCount() const { return m_refreshes; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    // Something in a step changed: redrawn shortly (changes in a burst make one redraw).
    void updateStep(Haven::StepId step);
    void updateExecution();
    // Reads the execution and redraws now.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Plot;

    void applyColors();
    void scheduleRefresh();

    std::unique_ptr<Plot> m_plot;
    const Execution *m_execution = nullptr;
    std::function<qint64()> m_now;
    QTimer *m_timer; // the clock: running bars grow
    QTimer *m_soon;  // coalesces changes
    QList<Bar> m_bars;
    QStringList m_rowLabels;
    QList<StepId> m_rowSteps;
    int m_refreshes = 0;
    bool m_startedRowsOnly = false;
};

} // namespace Haven
