// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/plans/plan.h"
#include "models/store/localstore.h"

#include <QDateTime>

#include <optional>

namespace Haven {

// One row of the plan list, read without parsing the plan document.
struct PlanSummary
{
    QString id;
    QString name;
    PlanKind kind = PlanKind::DisasterRecovery;
    PlanState state = PlanState::Draft;
    int version = 0; // latest saved version; 0 when never saved
    QDateTime updated;
};

// The plans' tables in the local store: the working copy (PlanFormat JSON, plus state and latest
// version number) and the saved versions (immutable: saving a version number twice fails).
// Deleting a plan deletes its versions. A version's document is
// {"comment":..., "snapshot":<PlanFormat JSON>}. Every write may carry audit records, kept in
// the same transaction (both or neither).
class PlanRepository final
{
public:
    static FeatureSchema schema();

    explicit PlanRepository(LocalStore &store);

    bool savePlan(const PlanData &plan, int version, const QList<AuditEntry> &audit = {});
    // The working copy and a new version of it, together.
    bool savePlanWithVersion(const PlanData &plan, const PlanVersion &version, const QList<AuditEntry> &audit = {});
    std::optional<PlanData> loadPlan(const QString &planId); // with its state
    QList<PlanSummary> listPlans();                          // sorted by name
    std::optional<PlanSummary> summary(const QString &planId);
    bool deletePlan(const QString &planId, const QList<AuditEntry> &audit = {});
    bool savePlanVersion(const QString &planId, const PlanVersion &version);
    QList<PlanVersion> loadPlanVersions(const QString &planId); // oldest first

private:
    bool upsertPlan(const PlanData &plan, int version);
    bool insertVersion(const QString &planId, const PlanVersion &version);
    bool insertAudit(const QList<AuditEntry> &audit);

    LocalStore &m_store;
};

} // namespace Haven
