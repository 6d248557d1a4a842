// SPDX-License-Identifier: GPL-3.0-or-later
#include "planlibrary.h"

#include "app/executions/executionengine.h"
#include "models/plans/planformat.h"
#include "models/plans/planvalidator.h"
#include "models/store/localstore.h"

#include <QFile>
#include <QSaveFile>
#include <QUuid>

namespace Haven {

namespace {

QString newPlanId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One record in the audit chain: who did what to which plan, from which host.
AuditEntry auditEntry(const Operator &who, const QString &action, const PlanData &plan, QJsonObject details = {})
{
    details.insert(QStringLiteral("plan"), plan.metadata.id);
    details.insert(QStringLiteral("name"), plan.metadata.name);
    details.insert(QStringLiteral("host"), who.host);
    return {who.user, QStringLiteral("plan.") + action, details};
}

} // namespace

PlanLibrary::PlanLibrary(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

bool PlanLibrary::isPersistent() const
{
    return m_store.isPersistent();
}

QList<PlanSummary> PlanLibrary::plans() const
{
    return m_store.plans().listPlans();
}

std::optional<PlanSummary> PlanLibrary::summary(const QString &planId) const
{
    return m_store.plans().summary(planId);
}

std::optional<PlanData> PlanLibrary::plan(const QString &planId) const
{
    return m_store.plans().loadPlan(planId);
}

QList<PlanVersion> PlanLibrary::versions(const QString &planId) const
{
    return m_store.plans().loadPlanVersions(planId);
}

QStringList PlanLibrary::differences(const QString &planId, int fromVersion, int toVersion) const
{
    const std::optional<PlanData> stored = plan(planId);
    if (!stored)
        return {};
    Plan model(*stored);
    model.setVersions(versions(planId));
    const PlanDiff diff = model.diff(fromVersion, toVersion);
    return diff.isEmpty() ? QStringList{tr("No differences.")} : diff.lines;
}

QString PlanLibrary::stateName(PlanState state) const
{
    switch (state) {
    case PlanState::Draft:
        return tr("a draft");
    case PlanState::Effective:
        return tr("effective");
    case PlanState::Disabled:
        return tr("disabled");
    }
    return {};
}

QString PlanLibrary::memoryNote() const
{
    if (m_store.isPersistent())
        return {};
    return QLatin1Char(' ')
           + tr("The local database cannot be used, so this change is kept in memory only and is lost when Haven "
                "closes; export the plan to keep it.");
}

PlanLibrary::Outcome PlanLibrary::failure(const QString &happened, const QString &advice) const
{
    return Outcome::refusal(QString(), happened + QLatin1Char(' ') + advice);
}

PlanLibrary::Outcome PlanLibrary::create(PlanData plan, const QString &comment, const QString &action,
                                         const Operator &who, const QJsonObject &details)
{
    if (plan.metadata.id.isEmpty() || m_store.plans().summary(plan.metadata.id))
        plan.metadata.id = newPlanId(); // never overwrite a plan already here
    plan.metadata.state = PlanState::Draft;
    Plan model(plan);
    const PlanVersion version = model.saveVersion(who.user, comment);
    if (!m_store.plans().savePlanWithVersion(plan, version, {auditEntry(who, action, plan, details)})) {
        return failure(tr("The plan \"%1\" could not be saved (%2); nothing was created.")
                           .arg(plan.metadata.name, m_store.status().problem),
                       tr("Check the local database, then try again."));
    }
    Q_EMIT planChanged(plan.metadata.id);
    Q_EMIT plansChanged();
    return Outcome::success(plan.metadata.id, {});
}

PlanLibrary::Outcome PlanLibrary::createBlank(PlanKind kind, const QString &name, const Operator &who)
{
    PlanData plan;
    plan.metadata.kind = kind;
    plan.metadata.name = name.trimmed().isEmpty() ? tr("New plan") : name.trimmed();
    Outcome outcome = create(plan, tr("Created"), QStringLiteral("create"), who);
    if (outcome)
        outcome.message = tr("Created \"%1\".").arg(plan.metadata.name) + memoryNote();
    return outcome;
}

PlanLibrary::Outcome PlanLibrary::createFromTemplate(PlanTemplates::Architecture architecture, const Operator &who)
{
    const PlanData plan = PlanTemplates::create(architecture);
    QString templateName;
    QString templateId;
    for (const PlanTemplates::Template &entry : PlanTemplates::all()) {
        if (entry.architecture == architecture) {
            templateName = entry.name;
            templateId = entry.id;
        }
    }
    Outcome outcome = create(plan, tr("Created from the template \"%1\"").arg(templateName), QStringLiteral("create"),
                             who, {{QStringLiteral("template"), templateId}});
    if (outcome) {
        outcome.message = tr("Created \"%1\" from the template \"%2\".").arg(plan.metadata.name, templateName)
                          + memoryNote();
    }
    return outcome;
}

PlanLibrary::Outcome PlanLibrary::clonePlan(const QString &planId, const Operator &who)
{
    std::optional<PlanData> plan = this->plan(planId);
    if (!plan) {
        return failure(tr("The plan to clone is no longer here or cannot be read; nothing was created."),
                       tr("Reload the list and choose the plan again."));
    }
    const QString original = plan->metadata.name;
    plan->metadata.id.clear();
    plan->metadata.name = tr("%1 (copy)").arg(original);
    Outcome outcome = create(*plan, tr("Cloned from \"%1\"").arg(original), QStringLiteral("clone"), who,
                             {{QStringLiteral("source"), planId}});
    if (outcome)
        outcome.message = tr("Cloned \"%1\" as \"%2\" (a draft).").arg(original, plan->metadata.name) + memoryNote();
    return outcome;
}

PlanLibrary::Outcome PlanLibrary::saveVersion(const PlanData &edited, const QString &comment, const Operator &who)
{
    const std::optional<PlanData> stored = plan(edited.metadata.id);
    if (!stored) {
        return failure(tr("The plan \"%1\" is no longer in the library (deleted meanwhile?), so this version was not "
                          "saved; the editor still holds your changes.")
                           .arg(edited.metadata.name),
                       tr("Export the plan to a file, then import it to keep them."));
    }
    PlanData plan = edited;
    plan.metadata.state = stored->metadata.state;
    QString note;
    if (plan.metadata.state == PlanState::Effective
        && PlanValidator::hasErrors(PlanValidator::validate(plan, m_catalog))) {
        plan.metadata.state = PlanState::Draft; // an effective plan must validate
        note = QLatin1Char(' ') + tr("It has validation errors, so it is a draft again.");
    }
    Plan model(plan);
    model.setVersions(versions(plan.metadata.id));
    const PlanVersion version = model.saveVersion(who.user, comment);
    QJsonObject details{{QStringLiteral("version"), version.number}, {QStringLiteral("comment"), comment}};
    if (plan.metadata.state != stored->metadata.state)
        details.insert(QStringLiteral("state"), toString(plan.metadata.state));
    if (!m_store.plans().savePlanWithVersion(plan, version,
                                             {auditEntry(who, QStringLiteral("saveVersion"), plan, details)})) {
        return failure(tr("The plan \"%1\" could not be saved (%2); the last saved version is kept and the editor "
                          "still holds your changes.")
                           .arg(plan.metadata.name, m_store.status().problem),
                       tr("Check the local database, then save again."));
    }
    Q_EMIT planChanged(plan.metadata.id);
    Q_EMIT plansChanged();
    return Outcome::success(plan.metadata.id,
                            tr("Saved \"%1\" as version %2.").arg(plan.metadata.name).arg(version.number) + note
                                + memoryNote());
}

PlanLibrary::Outcome PlanLibrary::changeState(const QString &planId, PlanState state, const Operator &who)
{
    const std::optional<PlanData> stored = plan(planId);
    const std::optional<PlanSummary> row = summary(planId);
    if (!stored || !row) {
        return failure(tr("The plan is no longer here or cannot be read; its state was not changed."),
                       tr("Reload the list and choose the plan again."));
    }
    const PlanState from = stored->metadata.state;
    if (from == state)
        return Outcome::success(planId, tr("\"%1\" is already %2.").arg(stored->metadata.name, stateName(state)));
    Plan model(*stored);
    QString why;
    if (!model.setState(state, m_catalog, &why)) {
        return Outcome::refusal(
            planId, tr("\"%1\" cannot become effective: %2\nFix the findings in the editor, then try again.")
                        .arg(stored->metadata.name, why));
    }
    const AuditEntry audit = auditEntry(who, QStringLiteral("state"), model.data(),
                                        {{QStringLiteral("from"), toString(from)},
                                         {QStringLiteral("to"), toString(state)},
                                         {QStringLiteral("version"), row->version}});
    if (!m_store.plans().savePlan(model.data(), row->version, {audit})) {
        return failure(tr("The state of \"%1\" could not be saved (%2); it stays %3.")
                           .arg(stored->metadata.name, m_store.status().problem, stateName(from)),
                       tr("Check the local database, then try again."));
    }
    Q_EMIT planChanged(planId);
    Q_EMIT plansChanged();
    return Outcome::success(planId, tr("\"%1\" is now %2.").arg(stored->metadata.name, stateName(state)) + memoryNote());
}

PlanLibrary::Outcome PlanLibrary::deletePlan(const QString &planId, const QString &confirmation, const Operator &who)
{
    const std::optional<PlanData> stored = plan(planId);
    if (!stored) {
        return failure(tr("The plan is no longer here or cannot be read; nothing was deleted."),
                       tr("Reload the list and choose the plan again."));
    }
    if (confirmation != stored->metadata.name) {
        return Outcome::refusal(
            planId, tr("\"%1\" was not deleted: deleting a plan cannot be undone, so it needs the plan's name as "
                       "confirmation.")
                        .arg(stored->metadata.name));
    }
    const int versionCount = int(versions(planId).size());
    const AuditEntry audit = auditEntry(who, QStringLiteral("delete"), *stored,
                                        {{QStringLiteral("state"), toString(stored->metadata.state)},
                                         {QStringLiteral("versions"), versionCount}});
    if (!m_store.plans().deletePlan(planId, {audit})) {
        return failure(tr("The plan \"%1\" could not be deleted (%2); it is kept as it was.")
                           .arg(stored->metadata.name, m_store.status().problem),
                       tr("Check the local database, then try again."));
    }
    Q_EMIT planChanged(planId);
    Q_EMIT plansChanged();
    return Outcome::success(planId, tr("Deleted \"%1\".").arg(stored->metadata.name) + memoryNote());
}

PlanLibrary::Outcome PlanLibrary::importFile(const QString &path, const Operator &who)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(tr("Cannot read %1 (%2); nothing was imported.").arg(path, file.errorString()),
                       tr("Check the file's name and permissions."));
    }
    const PlanFormat::ImportResult result = PlanFormat::fromBytes(file.readAll(), m_catalog);
    if (!result.plan)
        return Outcome::refusal(QString(), tr("%1 was not imported: %2").arg(path, result.error));
    Outcome outcome = create(*result.plan, tr("Imported from %1").arg(path), QStringLiteral("import"), who,
                             {{QStringLiteral("file"), path}});
    if (outcome) {
        outcome.message = tr("Imported \"%1\" as a draft.").arg(result.plan->metadata.name);
        outcome.warning = result.error;
        if (!result.error.isEmpty())
            outcome.message += QLatin1Char(' ') + result.error;
        outcome.message += memoryNote();
    }
    return outcome;
}

PlanLibrary::Outcome PlanLibrary::exportPlan(const QString &planId, const QString &path) const
{
    const std::optional<PlanData> stored = plan(planId);
    if (!stored) {
        return failure(tr("The plan is no longer here or cannot be read; nothing was exported."),
                       tr("Reload the list and choose the plan again."));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(PlanFormat::toBytes(*stored)) < 0 || !file.commit()) {
        return failure(tr("Cannot write %1 (%2); the plan was not exported.").arg(path, file.errorString()),
                       tr("Choose another place, or check the folder's permissions and free space."));
    }
    return Outcome::success(planId, tr("Exported \"%1\" to %2.").arg(stored->metadata.name, path));
}

} // namespace Haven
