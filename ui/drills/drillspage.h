// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCustomPlot;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QTableWidget;

namespace Haven {

class DrillDesigner;
class DrillRunView;
class DrillService;
class ExecutionEngine;
class FleetTopology;
class PlanLibrary;

// The Drills page (故障演练): the designs with their designer and templates, the running drill,
// the kill switches, and the history with RTO/RPO trends, "not drilled for N days" plans and
// reports. It shows and asks; DrillService decides.
class DrillsPage final : public QWidget
{
    Q_OBJECT
public:
    DrillsPage(DrillService &drills, const FleetTopology &topology, PlanLibrary &plans, ExecutionEngine &executions,
               QWidget *dialogParent, QWidget *parent = nullptr);

    void showRun(const QString &runId);
    void selectDrill(const QString &drillId);
    QTabWidget *tabs() const { return m_tabs; }
    DrillRunView *runView() const { return m_runView; }
    DrillDesigner *designer() const { return m_designer; }

private:
    QWidget *buildDesigns();
    QWidget *buildKillSwitches();
    QWidget *buildHistory();
    void reloadDrills();
    void reloadSwitches();
    void reloadHistory();
    void save();
    void preflight();
    void importFile();
    void exportFile();
    void writeReport(bool pdf);
    void say(const QString &message, bool problem = false);

    DrillService &m_drills;
    const FleetTopology &m_topology;
    PlanLibrary &m_plans;
    QWidget *m_dialogParent;
    QTabWidget *m_tabs;
    QListWidget *m_list;
    DrillDesigner *m_designer;
    QLabel *m_message;
    DrillRunView *m_runView;
    QTableWidget *m_switches;
    QComboBox *m_switchScope;
    QLineEdit *m_switchKey;
    QLabel *m_switchBanner;
    QTableWidget *m_history;
    QCustomPlot *m_trend;
    QListWidget *m_stale;
};

} // namespace Haven
