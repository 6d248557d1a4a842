// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One plan being edited: the Plan model, the undo stack every edit goes through (canvas and
// property panel alike), the file it came from, and its validation results. Usable without a
// GUI (QUndoStack lives in QtGui, not QtWidgets), so the commands are tested GUI-less.

#include "models/plans/plan.h"
#include "models/plans/planvalidator.h"

#include <QCoreApplication>
#include <QObject>

class QTimer;
class QUndoCommand;
class QUndoStack;

namespace Haven {

// What people read for the plan model's enums (容灾切换, 故障机房, ...), translated.
class PlanText final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::PlanText)
public:
    static QString kind(PlanKind kind);
    static QString state(PlanState state);
    static QString phase(PlanPhase phase);
    static QString targetKind(StepTargetKind kind);
    static QString target(const StepTarget &target); // "named site sh-b"
    static QString onFailure(OnFailure onFailure);
    static QString guardKind(GuardKind kind);
    static QString duration(int seconds); // "10 min", "45 s", "—" for 0
};

class PlanDocument final : public QObject
{
    Q_OBJECT
public:
    explicit PlanDocument(QObject *parent = nullptr);
    explicit PlanDocument(const PlanData &data, QObject *parent = nullptr);
    ~PlanDocument() override;

    Plan &plan() { return *m_plan; }
    const Plan &plan() const { return *m_plan; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // Pushes (and so runs) an edit; the stack takes ownership.
    void push(QUndoCommand *command);

    // Replaces the whole plan (opening another one): clears the undo history, marks clean.
    void load(const PlanData &data);

    // The cached operation catalog (union of the sites' catalogs) the plan is checked against.
    void setCatalog(const QList<OperationSpec> &catalog);
    const QList<OperationSpec> &catalog() const { return m_catalog; }
    const OperationSpec *operation(const QString &code) const; // nullptr when unknown

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    // Dirty: edits since the last save (follows the undo stack's clean state).
    bool isDirty() const;
    void markSaved();

    // Validation is rerun, coalesced, after changes (next event loop turn); validateNow() runs
    // it at once (tests, before saving).
    void validateNow();
    bool validationPending() const;
    const QList<PlanIssue> &issues() const { return m_issues; }
    QList<PlanIssue> issuesOf(StepId step) const; // issues naming the step (also via steps)
    QList<PlanIssue> issuesOf(const PlanEdge &edge) const;
    int errorCount() const;
    int warningCount() const;

Q_SIGNALS:
    void validationChanged();
    void dirtyChanged(bool dirty);
    void filePathChanged(const QString &path);

private:
    void scheduleValidation();

    Plan *m_plan;
    QUndoStack *m_undoStack;
    QTimer *m_validationTimer;
    QList<OperationSpec> m_catalog;
    QList<PlanIssue> m_issues;
    QString m_filePath;
};

} // namespace Haven
