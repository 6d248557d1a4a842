// SPDX-License-Identifier: GPL-3.0-or-later
// Plan::diff: the differences between two versions of a plan, in words, for the version history.
#include "plan.h"

#include <QJsonDocument>

namespace Haven {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

QString describeTarget(const StepTarget &target)
{
    switch (target.kind) {
    case StepTargetKind::FailedSite:
        return Plan::tr("the failed site");
    case StepTargetKind::EmergencySite:
        return Plan::tr("the emergency site");
    case StepTargetKind::EverySite:
        return Plan::tr("every site");
    case StepTargetKind::NamedSite:
        return Plan::tr("site %1").arg(target.site);
    }
    return {};
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString stepLabel(const PlanStep &step)
{
    return Plan::tr("step %1 \"%2\"").arg(step.id).arg(step.name);
}

QStringList stepChanges(const PlanStep &a, const PlanStep &b)
{
    QStringList changes;
    auto change = [&changes](const QString &what, const QString &from, const QString &to) {
        changes.append(
            Plan::tr("%1 %2 → %3")
                .arg(what, from.isEmpty() ? Plan::tr("(none)") : from, to.isEmpty() ? Plan::tr("(none)") : to));
    };
    if (a.name != b.name)
        change(Plan::tr("name"), a.name, b.name);
    if (a.phase != b.phase)
        change(Plan::tr("phase"), toString(a.phase), toString(b.phase));
    if (a.operation != b.operation)
        change(Plan::tr("operation"), a.operation, b.operation);
    if (a.parameters != b.parameters)
        change(Plan::tr("parameters"), compact(a.parameters), compact(b.parameters));
    if (a.target != b.target)
        change(Plan::tr("target"), describeTarget(a.target), describeTarget(b.target));
    if (a.productGroup != b.productGroup)
        change(Plan::tr("product group"), a.productGroup, b.productGroup);
    if (a.timeoutSeconds != b.timeoutSeconds)
        change(Plan::tr("timeout"), Plan::tr("%1 s").arg(a.timeoutSeconds), Plan::tr("%1 s").arg(b.timeoutSeconds));
    if (a.retry != b.retry) {
        auto retry = [](const RetryPolicy &r) {
            return Plan::tr("%1 attempts, backoff %2 s ×%3")
                .arg(r.attempts)
                .arg(r.backoffSeconds)
                .arg(number(r.backoffMultiplier));
        };
        change(Plan::tr("retry"), retry(a.retry), retry(b.retry));
    }
    if (a.onFailure != b.onFailure)
        change(Plan::tr("on failure"), toString(a.onFailure), toString(b.onFailure));
    if (a.requiresApproval != b.requiresApproval)
        changes.append(b.requiresApproval ? Plan::tr("approval gate added") : Plan::tr("approval gate removed"));
    else if (a.approvalPrompt != b.approvalPrompt)
        change(Plan::tr("approval prompt"), a.approvalPrompt, b.approvalPrompt);
    if (a.guard != b.guard)
        change(Plan::tr("guard"), a.guard ? a.guard->describe() : QString(), b.guard ? b.guard->describe() : QString());
    if (a.notes != b.notes)
        changes.append(Plan::tr("notes changed"));
    return changes;
}

} // namespace

PlanDiff Plan::diff(const PlanData &from, const PlanData &to)
{
    PlanDiff d;
    const PlanMetadata &a = from.metadata;
    const PlanMetadata &b = to.metadata;
    auto meta = [&d](const QString &what, const QString &x, const QString &y) {
        d.metadata.append(
            tr("Plan %1: %2 → %3").arg(what, x.isEmpty() ? tr("(none)") : x, y.isEmpty() ? tr("(none)") : y));
    };
    if (a.name != b.name)
        meta(tr("name"), a.name, b.name);
    if (a.description != b.description)
        d.metadata.append(tr("Plan description changed."));
    if (a.kind != b.kind)
        meta(tr("kind"), toString(a.kind), toString(b.kind));
    if (a.rtoSeconds != b.rtoSeconds)
        meta(tr("RTO"), tr("%1 s").arg(a.rtoSeconds), tr("%1 s").arg(b.rtoSeconds));
    if (a.rpoSeconds != b.rpoSeconds)
        meta(tr("RPO"), tr("%1 s").arg(a.rpoSeconds), tr("%1 s").arg(b.rpoSeconds));
    d.lines = d.metadata;

    auto nameOfStep = [&](StepId id) {
        const PlanStep *s = to.step(id);
        if (!s)
            s = from.step(id);
        return s ? stepLabel(*s) : tr("step %1").arg(id);
    };
    for (const PlanStep &s : to.steps) {
        const PlanStep *old = from.step(s.id);
        if (!old) {
            d.addedSteps.append(s.id);
            d.lines.append(tr("Added %1 (%2).").arg(stepLabel(s), s.operation));
            continue;
        }
        const QStringList changes = stepChanges(*old, s);
        if (!changes.isEmpty()) {
            d.changedSteps.append(s.id);
            d.lines.append(tr("Changed %1: %2.").arg(stepLabel(s), changes.join(QStringLiteral("; "))));
        }
    }
    for (const PlanStep &s : from.steps) {
        if (!to.step(s.id)) {
            d.removedSteps.append(s.id);
            d.lines.append(tr("Removed %1 (%2).").arg(stepLabel(s), s.operation));
        }
    }
    for (const PlanEdge &e : to.edges) {
        if (!from.edges.contains(e)) {
            d.addedEdges.append(e);
            d.lines.append(tr("Added dependency: %1 → %2.").arg(nameOfStep(e.from), nameOfStep(e.to)));
        }
    }
    for (const PlanEdge &e : from.edges) {
        if (!to.edges.contains(e)) {
            d.removedEdges.append(e);
            d.lines.append(tr("Removed dependency: %1 → %2.").arg(nameOfStep(e.from), nameOfStep(e.to)));
        }
    }
    return d;
}

} // namespace Haven
