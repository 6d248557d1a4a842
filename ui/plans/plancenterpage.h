// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The plan center (容灾预案中心): the list of plans with create (blank or from a template), edit,
// clone, delete (confirmed), state changes (only a plan that validates becomes effective),
// history with the differences between versions, and import/export in the plan file format.
// The page shows and asks; the plan library decides, saves and audits. Everything lives in the
// local store, so it all works offline.

#include "app/executions/executionengine.h"
#include "app/plans/planlibrary.h"

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace Haven {

class PlanEditorPage;

class PlanCenterPage final : public QWidget
{
    Q_OBJECT
public:
    explicit PlanCenterPage(PlanLibrary &library, QWidget *parent = nullptr);
    ~PlanCenterPage() override;

    // The cached operation catalog (union of the sites' catalogs), for validation and the palette.
    void setCatalog(const QList<OperationSpec> &catalog);
    const QList<OperationSpec> &catalog() const { return m_catalog; }
    // Who is recorded as the author of saved versions and in the audit log.
    void setAuthor(const QString &author) { m_operator.user = author; }

    void reload(); // rereads the list from the library

    // --- the actions behind the buttons (they return what happened; dialogs wrap them) ----
    QString createBlank(PlanKind kind); // the new plan's id
    QString createFromTemplate(PlanTemplates::Architecture architecture);
    QString clonePlan(const QString &planId);
    // Asks for confirmation (naming the plan) unless confirm is false; true when deleted.
    bool deletePlan(const QString &planId, bool confirm = true);
    // Refuses Effective for a plan with validation errors; *why says why (also shown in a dialog
    // when interactive).
    bool changeState(const QString &planId, PlanState state, QString *why = nullptr, bool interactive = true);
    void openPlan(const QString &planId);        // shows the editor
    bool saveEditedPlan(const QString &comment); // the plan in the editor, as a new version
    // Imports a plan file as a new draft; returns its id, or empty with *error set.
    QString importFile(const QString &path, QString *error = nullptr);
    bool exportPlan(const QString &planId, const QString &path, QString *error = nullptr);
    // The differences between two versions (0 = the working copy), one sentence per line.
    QStringList differences(const QString &planId, int fromVersion, int toVersion) const;
    QList<PlanVersion> versions(const QString &planId) const;

    QStringList planIds() const; // in list order
    QString selectedPlanId() const;
    void selectPlan(const QString &planId);
    QTableView *planTable() const { return m_table; }
    PlanEditorPage *editor() const { return m_editor; }
    bool isEditing() const;
    QString lastMessage() const { return m_lastMessage; }

Q_SIGNALS:
    void plansChanged();
    // "Run plan…" on an effective plan: the window opens the execution ticket for it.
    void runRequested(const QString &planId);

private:
    QWidget *buildListPage();
    void updateActions();
    void showMessage(const QString &message);
    void showHistory(const QString &planId);
    // Shows what the library said; selects the plan a successful call made.
    QString report(const PlanLibrary::Outcome &outcome);
    void closeEditor();

    PlanLibrary &m_library;
    QList<OperationSpec> m_catalog;
    Operator m_operator;
    QString m_editingId;
    QString m_lastMessage;

    QStackedWidget *m_stack;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_message;
    PlanEditorPage *m_editor;
    QAction *m_open = nullptr;
    QAction *m_clone = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_state = nullptr;
    QAction *m_history = nullptr;
    QAction *m_export = nullptr;
    QAction *m_run = nullptr;
};

} // namespace Haven
