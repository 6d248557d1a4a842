// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Edits the selected step (or, with nothing selected, the plan itself). Every edit is a command
// on the document's undo stack (SetStepPropertyCommand / SetPlanPropertyCommand); the panel
// follows the model's signals, so undo shows up here too. The parameters form is generated from
// the operation's parameter schema.

#include "models/plans/plan.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace Haven {

class PlanDocument;
enum class StepField;
enum class PlanField;

class PlanPropertyPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPropertyPanel(PlanDocument &document, QWidget *parent = nullptr);
    PlanPropertyPanel(PlanDocument &&, QWidget * = nullptr) = delete;

    // InvalidStepId shows the plan's properties.
    void setStep(StepId id);
    StepId step() const { return m_step; }

    // The editors, for tests and for focusing.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *operationCombo() const { return m_operation; }
    QWidget *parameterEditor(const QString &key) const { return m_parameterEditors.value(key); }
    QComboBox *targetCombo() const { return m_targetKind; }
    QComboBox *productGroupCombo() const { return m_productGroup; }
    QSpinBox *timeoutSpin() const { return m_timeout; }
    QSpinBox *attemptsSpin() const { return m_attempts; }
    QComboBox *onFailureCombo() const { return m_onFailure; }
    QCheckBox *approvalCheck() const { return m_approval; }
    QCheckBox *guardCheck() const { return m_guardEnabled; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QLineEdit *planNameEdit() const { return m_planName; }
    QSpinBox *rtoSpin() const { return m_rto; }

private:
    QWidget *buildStepPage();
    QWidget *buildPlanPage();
    void refreshStep();
    void refreshPlan();
    void refreshIssues();
    void rebuildParameters(const PlanStep &step);
    void refreshParameters(const PlanStep &step);
    void editStep(StepField field, const std::function<void(PlanStep &)> &change);
    void editPlan(PlanField field, const std::function<void(PlanMetadata &)> &change);
    void setParameter(const QString &key, const QJsonValue &value); // undefined removes it
    void fillOperations();
    void fillProductGroups();
    StepGuard guardFromEditors() const;

    PlanDocument &m_document;
    StepId m_step = InvalidStepId;
    bool m_updating = false;
    QString m_parametersFor; // operation code the parameters form was built for

    QStackedWidget *m_pages;
    QLabel *m_title;
    QLabel *m_issues;

    QLineEdit *m_name;
    QComboBox *m_operation;
    QLabel *m_operationHelp;
    QGroupBox *m_parametersBox;
    QFormLayout *m_parametersForm;
    QHash<QString, QWidget *> m_parameterEditors;
    QComboBox *m_targetKind;
    QLineEdit *m_targetSite;
    QComboBox *m_productGroup;
    QSpinBox *m_timeout;
    QSpinBox *m_attempts;
    QSpinBox *m_backoff;
    QComboBox *m_onFailure;
    QCheckBox *m_approval;
    QLineEdit *m_approvalPrompt;
    QCheckBox *m_guardEnabled;
    QComboBox *m_guardKind;
    QDoubleSpinBox *m_guardThreshold;
    QLineEdit *m_guardComponent;
    QPlainTextEdit *m_notes;

    QLineEdit *m_planName;
    QPlainTextEdit *m_planDescription;
    QComboBox *m_planKind;
    QLabel *m_planState;
    QSpinBox *m_rto;
    QSpinBox *m_rpo;
    QLabel *m_planSummary;
};

} // namespace Haven
