// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The execution ticket (预案执行单): an effective plan, the failed and emergency sites (any
// number of each), the product groups, a description. A dry run shows what each step would do
// where and what stands in the way; Start needs a dry run without problems for exactly these
// inputs, the plan's name typed as confirmation and, when production requires it, a second
// person's name. Expected problems are shown in the dialog, never in a message box.

#include "models/executions/execution.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Haven {

struct Environment;
class ExecutionEngine;
class FleetTopology;
class PlanLibrary;

class TicketDialog final : public QDialog
{
    Q_OBJECT
public:
    // Plans come from the plan library, the sites from the environment (in its order) with the names
    // their agents report; the engine checks and runs the ticket.
    TicketDialog(PlanLibrary &plans, const Environment &environment, const FleetTopology &topology,
                 ExecutionEngine &engine, QWidget *parent = nullptr);
    ~TicketDialog() override;

    // Preselects a plan (the plan center's selection); ignored when it is not effective.
    void selectPlan(const QString &planId);
    // Failed and emergency sites, product groups by id (tests, and a ticket filled from elsewhere).
    void setFailedSites(const QStringList &siteIds);
    void setEmergencySites(const QStringList &siteIds);

    // The ticket the inputs describe now (createdBy is filled in at Start).
    ExecutionTicket ticket() const;
    QString selectedPlanId() const;
    // Runs the dry run for the current inputs and shows it.
    void runDryRun();
    // Whether there is a dry run for exactly the current inputs, and it has no problem.
    bool hasValidDryRun() const;
    bool canStart() const;
    // Creates and starts the execution; false with the reason shown in the dialog.
    bool startExecution();
    QString executionId() const { return m_executionId; }

    // What the dialog says now: the problems in red, the hint under the buttons.
    QString problemText() const;
    QString hintText() const;

    QComboBox *planBox() const { return m_plans; }
    QListWidget *failedSiteList() const { return m_failed; }
    QListWidget *emergencySiteList() const { return m_emergency; }
    QListWidget *productGroupList() const { return m_groups; }
    QLineEdit *confirmationField() const { return m_confirmation; }
    QLineEdit *secondApproverField() const { return m_secondApprover; }
    QPushButton *dryRunButton() const { return m_dryRunButton; }
    QPushButton *startButton() const { return m_startButton; }
    QTableWidget *dryRunTable() const { return m_table; }

Q_SIGNALS:
    void executionStarted(const QString &id);

private:
    void reloadPlans();
    void loadSelectedPlan();
    void inputsChanged();
    void showDryRun();
    void updateState();
    // What is wrong with the inputs, checked without a dry run; siteConflicts: include sites
    // chosen both as failed and as emergency site.
    QStringList liveProblems(bool siteConflicts) const;
    bool secondApprovalRequired() const;
    static QStringList checkedIds(const QListWidget *list);
    static void setChecked(QListWidget *list, const QStringList &ids);

    PlanLibrary &m_plansLibrary;
    const FleetTopology &m_topology;
    ExecutionEngine &m_engine;
    std::optional<PlanData> m_plan;
    int m_planVersion = 0;
    std::optional<DryRun> m_dryRun;
    ExecutionTicket m_dryRunTicket; // the inputs the dry run was made for
    QString m_executionId;          // created (and maybe not started yet)
    QString m_startError;

    QComboBox *m_plans;
    QLabel *m_planInfo;
    QListWidget *m_failed;
    QListWidget *m_emergency;
    QListWidget *m_groups;
    QPlainTextEdit *m_description;
    QPushButton *m_dryRunButton;
    QLabel *m_summary;
    QLabel *m_problems;
    QTableWidget *m_table;
    QLabel *m_confirmationLabel;
    QLineEdit *m_confirmation;
    QLabel *m_secondApproverLabel;
    QLineEdit *m_secondApprover;
    QLabel *m_hint;
    QPushButton *m_startButton;
};

} // namespace Haven
