// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The plan editor: palette | canvas | property panel, a toolbar (undo/redo, auto-layout, fit,
// validate, save, phase switch) and the validation list below (click a finding to select its
// step). It owns the PlanDocument being edited; saving is the plan center's business.

#include "models/plans/plan.h"

#include <QWidget>

class QAction;
class QLabel;
class QTabBar;
class QTreeWidget;

namespace Haven {

class PlanDocument;
class PlanGraphScene;
class PlanGraphView;
class PlanPalette;
class PlanPropertyPanel;

class PlanEditorPage final : public QWidget
{
    Q_OBJECT
public:
    explicit PlanEditorPage(QWidget *parent = nullptr);
    ~PlanEditorPage() override;

    void setCatalog(const QList<OperationSpec> &catalog);
    // Opens a plan for editing: a fresh undo history, shows the switchover phase, fits.
    void openPlan(const PlanData &plan);

    PlanDocument &document() const { return *m_document; }
    PlanGraphScene &scene() const { return *m_scene; }
    PlanGraphView *view() const { return m_view; }
    PlanPalette *palette() const { return m_palette; }
    PlanPropertyPanel *propertyPanel() const { return m_properties; }
    QTreeWidget *validationList() const { return m_validation; }
    QTabBar *phaseTabs() const { return m_phases; }
    QAction *saveAction() const { return m_save; }

    void setPhase(PlanPhase phase);
    // Shows the phase of the step, selects it and scrolls to it.
    void revealStep(StepId id);

Q_SIGNALS:
    void saveRequested();
    void closeRequested();

private:
    void updatePhaseTabs();
    void updateValidation();
    void updateStatus();
    void onSelectionChanged();

    PlanDocument *m_document;
    PlanGraphScene *m_scene;
    PlanGraphView *m_view;
    PlanPalette *m_palette;
    PlanPropertyPanel *m_properties;
    QTreeWidget *m_validation;
    QTabBar *m_phases;
    QLabel *m_status;
    QAction *m_save;
};

} // namespace Haven
