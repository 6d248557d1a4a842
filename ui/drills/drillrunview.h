// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTimer;

namespace Haven {

class DrillService;
class ExecutionEngine;
class ExecutionGraph;
class ExecutionTimeline;
struct DrillRunRecord;

// The running drill: its faults with their state and time left, the halt conditions with their
// live values, the rehearsed plan's graph and timeline, a big clock and a red STOP. It shows a
// finished or interrupted run from the store the same way, without STOP.
class DrillRunView final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Console, Wall };

    DrillRunView(DrillService &drills, ExecutionEngine &executions, Mode mode, QWidget *parent = nullptr);
    ~DrillRunView() override;

    void showRun(const QString &runId);
    QString runId() const { return m_runId; }
    QPushButton *stopButton() const { return m_stop; }
    QTableWidget *faultTable() const { return m_faults; }
    QTableWidget *haltTable() const { return m_halts; }

private:
    void refresh();
    void refreshClock();
    void stop();
    void fill(const DrillRunRecord &run);

    DrillService &m_drills;
    ExecutionEngine &m_executions;
    Mode m_mode;
    QString m_runId;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_clock;
    QLabel *m_measures;
    QPushButton *m_stop;
    QTableWidget *m_faults;
    QTableWidget *m_halts;
    QListWidget *m_events;
    ExecutionGraph *m_graph;
    ExecutionTimeline *m_timeline;
    QTimer *m_clockTimer;
};

} // namespace Haven
