// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The drill design form (演练方案): what it is, the faults (one row each), the plan it rehearses,
// the halt conditions, the objectives and the expected outcome. It only edits values: saving and
// checking against the agents is the service's.

#include "models/drills/drill.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace Haven {

class PlanLibrary;

class DrillDesigner final : public QWidget
{
    Q_OBJECT
public:
    explicit DrillDesigner(PlanLibrary &plans, QWidget *parent = nullptr);

    void setDrill(const Drill &drill);
    // The drill as edited, or nullopt and *error naming the row and field that is wrong.
    std::optional<Drill> drill(QString *error) const;

Q_SIGNALS:
    void edited();

private:
    void addActionRow(const FaultAction &action);
    void addHaltRow(const HaltCondition &condition);
    void reloadPlans();

    PlanLibrary &m_plans;
    QString m_id;
    QString m_architecture;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QComboBox *m_sequencing;
    QComboBox *m_plan;
    QLineEdit *m_failed;
    QLineEdit *m_emergency;
    QLineEdit *m_groups;
    QSpinBox *m_rto;
    QSpinBox *m_rpo;
    QTableWidget *m_actions;
    QTableWidget *m_halts;
    QLineEdit *m_mustFail;
    QLineEdit *m_mustStayHealthy;
};

} // namespace Haven
