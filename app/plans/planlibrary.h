// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/plans/plan.h"
#include "models/plans/planrepository.h"
#include "models/plans/plantemplates.h"

#include <QObject>

#include <optional>

namespace Haven {

class LocalStore;
struct Operator;

// The plan library (容灾预案中心's rules): create, clone, save a version, change state, delete,
// import and export. It decides; the plan center page shows and asks. Every change is written
// with its audit record in one transaction of the local store, so the audit log has a record
// of exactly the changes that were kept.
class PlanLibrary final : public QObject
{
    Q_OBJECT
public:
    // What a call did, in a person's words: on failure what happened, what was kept and what to do.
    struct Outcome
    {
        bool ok = false;
        QString planId;
        QString message;
        QString warning; // what the person should know although it worked (an imported file's findings)
        explicit operator bool() const { return ok; }
        static Outcome success(const QString &planId, const QString &message) { return {true, planId, message, {}}; }
        static Outcome refusal(const QString &planId, const QString &message) { return {false, planId, message, {}}; }
    };

    explicit PlanLibrary(LocalStore &store, QObject *parent = nullptr);

    // The union of the sites' catalogs: plans validate against it before they become effective.
    void setCatalog(const QList<OperationSpec> &catalog) { m_catalog = catalog; }
    const QList<OperationSpec> &catalog() const { return m_catalog; }
    // False when the local database is unusable: changes then last until Haven closes.
    bool isPersistent() const;

    QList<PlanSummary> plans() const; // sorted by name
    std::optional<PlanSummary> summary(const QString &planId) const;
    std::optional<PlanData> plan(const QString &planId) const; // the working copy, with its state
    QList<PlanVersion> versions(const QString &planId) const;  // oldest first
    // The differences between two versions (0 = the working copy), one sentence per line.
    QStringList differences(const QString &planId, int fromVersion, int toVersion) const;

    // New drafts, each saved as version 1.
    Outcome createBlank(PlanKind kind, const QString &name, const Operator &who);
    Outcome createFromTemplate(PlanTemplates::Architecture architecture, const Operator &who);
    Outcome clonePlan(const QString &planId, const Operator &who);
    // Saves plan (an edited working copy of a stored plan) as a new version. It keeps the stored
    // state, except that an effective plan with validation errors becomes a draft again.
    Outcome saveVersion(const PlanData &plan, const QString &comment, const Operator &who);
    // Only a plan that validates against the catalog becomes effective.
    Outcome changeState(const QString &planId, PlanState state, const Operator &who);
    // Irreversible: removes the plan and its versions. confirmation must be the plan's name, as
    // the person typed or confirmed it.
    Outcome deletePlan(const QString &planId, const QString &confirmation, const Operator &who);
    // A plan file becomes a new draft (never overwriting a plan already here); the message
    // includes what the file's reader noted (unknown operations, ...).
    Outcome importFile(const QString &path, const Operator &who);
    Outcome exportPlan(const QString &planId, const QString &path) const;

Q_SIGNALS:
    void plansChanged();                     // a plan was added, removed, renamed or changed state
    void planChanged(const QString &planId); // its working copy, versions or state changed

private:
    Outcome create(PlanData plan, const QString &comment, const QString &action, const Operator &who,
                   const QJsonObject &details = {});
    Outcome failure(const QString &happened, const QString &advice) const;
    QString memoryNote() const;
    QString stateName(PlanState state) const;

    LocalStore &m_store;
    QList<OperationSpec> m_catalog;
};

} // namespace Haven
