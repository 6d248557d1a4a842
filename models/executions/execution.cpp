// SPDX-License-Identifier: GPL-3.0-or-later
#include "execution.h"

#include "core/enumnames.h"
#include "core/jsonfields.h"
#include "models/plans/planformat.h"
#include "models/topology/fleettopology.h"

#include <QJsonArray>

#include <algorithm>

namespace Haven {

namespace {

constexpr EnumNames<ExecutionState, 8> ExecutionStateNames{
    {{ExecutionState::Ready, QLatin1StringView("ready")},
     {ExecutionState::Running, QLatin1StringView("running")},
     {ExecutionState::Paused, QLatin1StringView("paused")},
     {ExecutionState::AwaitingRecovery, QLatin1StringView("awaitingRecovery")},
     {ExecutionState::Succeeded, QLatin1StringView("succeeded")},
     {ExecutionState::Failed, QLatin1StringView("failed")},
     {ExecutionState::Cancelled, QLatin1StringView("cancelled")},
     {ExecutionState::Stopped, QLatin1StringView("stopped")}}};

constexpr EnumNames<StepRunState, 9> StepRunStateNames{
    {{StepRunState::Pending, QLatin1StringView("pending")},
     {StepRunState::NotSelected, QLatin1StringView("notSelected")},
     {StepRunState::AwaitingApproval, QLatin1StringView("awaitingApproval")},
     {StepRunState::Waiting, QLatin1StringView("waiting")},
     {StepRunState::Running, QLatin1StringView("running")},
     {StepRunState::Succeeded, QLatin1StringView("succeeded")},
     {StepRunState::Failed, QLatin1StringView("failed")},
     {StepRunState::Skipped, QLatin1StringView("skipped")},
     {StepRunState::Cancelled, QLatin1StringView("cancelled")}}};

constexpr EnumNames<ExecutionEvent::Kind, 11> EventKindNames{
    {{ExecutionEvent::Kind::Created, QLatin1StringView("created")},
     {ExecutionEvent::Kind::OperatorAction, QLatin1StringView("operatorAction")},
     {ExecutionEvent::Kind::PhaseStarted, QLatin1StringView("phaseStarted")},
     {ExecutionEvent::Kind::AttemptStarted, QLatin1StringView("attemptStarted")},
     {ExecutionEvent::Kind::Dispatched, QLatin1StringView("dispatched")},
     {ExecutionEvent::Kind::ActionStarted, QLatin1StringView("actionStarted")},
     {ExecutionEvent::Kind::LogAppended, QLatin1StringView("logAppended")},
     {ExecutionEvent::Kind::SiteFinished, QLatin1StringView("siteFinished")},
     {ExecutionEvent::Kind::StepState, QLatin1StringView("stepState")},
     {ExecutionEvent::Kind::RetryScheduled, QLatin1StringView("retryScheduled")},
     {ExecutionEvent::Kind::StateChanged, QLatin1StringView("stateChanged")}}};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

void appendUnique(QStringList &list, const QStringList &more)
{
    for (const QString &item : more) {
        if (!list.contains(item))
            list.append(item);
    }
}

} // namespace

QString toString(ExecutionState state)
{
    return nameOf(ExecutionStateNames, state);
}
QString toString(StepRunState state)
{
    return nameOf(StepRunStateNames, state);
}
std::optional<ExecutionState> executionStateFromString(QStringView text)
{
    return valueOf(ExecutionStateNames, text);
}
std::optional<StepRunState> stepRunStateFromString(QStringView text)
{
    return valueOf(StepRunStateNames, text);
}
QString ExecutionEvent::kindName(Kind kind)
{
    return nameOf(EventKindNames, kind);
}
std::optional<ExecutionEvent::Kind> ExecutionEvent::kindFromName(QStringView name)
{
    return valueOf(EventKindNames, name);
}

bool isFinal(ExecutionState state)
{
    return state == ExecutionState::Succeeded || state == ExecutionState::Cancelled || state == ExecutionState::Stopped;
}

bool isDone(StepRunState state)
{
    return state == StepRunState::Succeeded || state == StepRunState::Skipped || state == StepRunState::NotSelected;
}

bool isSettled(StepRunState state)
{
    return isDone(state) || state == StepRunState::Failed || state == StepRunState::Cancelled;
}

// --- Ticket ---------------------------------------------------------------------------------

QJsonObject ExecutionTicket::toJson() const
{
    return {{QStringLiteral("planId"), planId},
            {QStringLiteral("planVersion"), planVersion},
            {QStringLiteral("planName"), planName},
            {QStringLiteral("failedSites"), toArray(failedSites)},
            {QStringLiteral("emergencySites"), toArray(emergencySites)},
            {QStringLiteral("productGroups"), toArray(productGroups)},
            {QStringLiteral("description"), description},
            {QStringLiteral("createdBy"), createdBy},
            {QStringLiteral("secondApprover"), secondApprover}};
}

std::optional<ExecutionTicket> ExecutionTicket::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json, QStringLiteral("ticket"));
    ExecutionTicket ticket;
    ticket.planId = fields.requiredString(QStringLiteral("planId"));
    ticket.planVersion = int(fields.optionalInteger(QStringLiteral("planVersion"), 0));
    ticket.planName = fields.optionalString(QStringLiteral("planName"));
    ticket.failedSites = stringList(fields.optionalArray(QStringLiteral("failedSites")));
    ticket.emergencySites = stringList(fields.optionalArray(QStringLiteral("emergencySites")));
    ticket.productGroups = stringList(fields.optionalArray(QStringLiteral("productGroups")));
    ticket.description = fields.optionalString(QStringLiteral("description"));
    ticket.createdBy = fields.optionalString(QStringLiteral("createdBy"));
    ticket.secondApprover = fields.optionalString(QStringLiteral("secondApprover"));
    if (!fields.ok()) {
        if (error)
            *error = fields.error();
        return std::nullopt;
    }
    return ticket;
}

QStringList resolveTargetSites(const StepTarget &target, const ExecutionTicket &ticket)
{
    QStringList sites;
    switch (target.kind) {
    case StepTargetKind::FailedSite:
        appendUnique(sites, ticket.failedSites);
        break;
    case StepTargetKind::EmergencySite:
        appendUnique(sites, ticket.emergencySites);
        break;
    case StepTargetKind::EverySite:
        appendUnique(sites, ticket.failedSites);
        appendUnique(sites, ticket.emergencySites);
        break;
    case StepTargetKind::NamedSite:
        if (!target.site.isEmpty())
            sites.append(target.site);
        break;
    }
    return sites;
}

bool ticketSelects(const ExecutionTicket &ticket, const QString &productGroup)
{
    return productGroup.isEmpty() || ticket.productGroups.isEmpty() || ticket.productGroups.contains(productGroup);
}

// --- Dry run --------------------------------------------------------------------------------

bool DryRun::ok() const
{
    return problems.isEmpty()
           && std::none_of(steps.cbegin(), steps.cend(), [](const ResolvedStep &s) { return !s.problems.isEmpty(); });
}

int DryRun::warningCount() const
{
    int count = 0;
    for (const ResolvedStep &step : steps)
        count += int(step.warnings.size());
    return count;
}

DryRun DryRun::run(const PlanData &plan, const ExecutionTicket &ticket, const FleetTopology &topology)
{
    DryRun result;
    if (ticket.failedSites.isEmpty())
        result.problems.append(tr("Choose at least one failed site."));
    if (ticket.emergencySites.isEmpty())
        result.problems.append(tr("Choose at least one emergency site."));
    auto nameOf = [&topology](const QString &id) {
        const SiteState *site = topology.site(id);
        return site ? site->displayName() : id;
    };
    for (const QString &site : ticket.failedSites) {
        if (ticket.emergencySites.contains(site))
            result.problems.append(tr("%1 is chosen both as failed and as emergency site.").arg(nameOf(site)));
    }
    for (const QString &site : ticket.failedSites + ticket.emergencySites) {
        if (!topology.site(site))
            result.problems.append(tr("Site %1 is not in the environment.").arg(site));
    }
    if (plan.steps.isEmpty())
        result.problems.append(tr("The plan has no steps."));

    for (PlanPhase phase : phasesOf(plan.metadata.kind)) {
        for (const PlanStep *step : plan.stepsOf(phase)) {
            ResolvedStep resolved;
            resolved.id = step->id;
            resolved.phase = phase;
            resolved.name = step->name;
            resolved.operation = step->operation;
            resolved.parameters = step->parameters;
            resolved.sites = resolveTargetSites(step->target, ticket);
            resolved.selected = ticketSelects(ticket, step->productGroup);
            if (resolved.selected) {
                if (resolved.sites.isEmpty())
                    resolved.problems.append(tr("The step resolves to no site."));
                for (const QString &siteId : std::as_const(resolved.sites)) {
                    const SiteState *site = topology.site(siteId);
                    if (!site) {
                        resolved.problems.append(tr("Site %1 is not in the environment.").arg(siteId));
                        continue;
                    }
                    const bool offers = std::any_of(site->operations.cbegin(), site->operations.cend(),
                                                    [&](const OperationSpec &op) { return op.code == step->operation; });
                    if (!site->operations.isEmpty() && !offers) {
                        resolved.problems.append(
                            tr("%1 does not offer the operation %2.").arg(site->displayName(), step->operation));
                    }
                    if (site->reachability == Reachability::Unreachable)
                        resolved.warnings.append(
                            tr("%1 cannot be reached now: %2").arg(site->displayName(), site->problem));
                    else if (site->operations.isEmpty())
                        resolved.warnings.append(
                            tr("The operation catalog of %1 is not known yet.").arg(site->displayName()));
                }
                if (step->guard && !resolved.sites.isEmpty()) {
                    resolved.guard = evaluateGuard(*step->guard, step->productGroup, topology, resolved.sites);
                    if (!resolved.guard->holds)
                        resolved.warnings.append(tr("Guard does not hold now: %1").arg(resolved.guard->reason));
                }
            }
            result.steps.append(resolved);
        }
    }
    return result;
}

// --- Runs -----------------------------------------------------------------------------------

bool SiteRun::finished() const
{
    return state
           && (*state == ActionState::Succeeded || *state == ActionState::Failed || *state == ActionState::Cancelled);
}

Execution::Execution(QString id, ExecutionTicket ticket, PlanData plan)
    : m_id(std::move(id))
    , m_ticket(std::move(ticket))
    , m_plan(std::move(plan))
{
    m_plan.normalize();
    for (const PlanStep &step : std::as_const(m_plan.steps)) {
        StepRun run;
        run.id = step.id;
        run.state = ticketSelects(m_ticket, step.productGroup) ? StepRunState::Pending : StepRunState::NotSelected;
        m_steps.insert(step.id, run);
    }
}

qint64 Execution::rtoElapsedMs(qint64 nowMs) const
{
    if (m_startedMs == 0)
        return 0;
    if (m_switchoverFinishedMs != 0)
        return m_switchoverFinishedMs - m_startedMs;
    if (m_finishedMs != 0)
        return m_finishedMs - m_startedMs;
    return std::max<qint64>(0, nowMs - m_startedMs);
}

const StepRun *Execution::stepRun(StepId id) const
{
    const auto it = m_steps.constFind(id);
    return it == m_steps.cend() ? nullptr : &*it;
}

QList<StepId> Execution::stepsOf(PlanPhase phase) const
{
    QList<StepId> ids;
    for (const PlanStep &step : m_plan.steps) {
        if (step.phase == phase)
            ids.append(step.id);
    }
    return ids;
}

QString Execution::stepName(StepId id) const
{
    const PlanStep *step = m_plan.step(id);
    return step ? step->name : QString::number(id);
}

QString Execution::idempotencyKey(const QString &executionId, StepId step, const QString &site, int attempt)
{
    return QStringLiteral("%1/%2/%3/%4").arg(executionId).arg(step).arg(site).arg(attempt);
}

SiteRun *Execution::siteRun(StepId step, const QString &site, int attempt)
{
    const auto it = m_steps.find(step);
    if (it == m_steps.end())
        return nullptr;
    for (SiteRun &run : it->sites) {
        if (run.site == site && run.attempt == attempt)
            return &run;
    }
    return nullptr;
}

bool Execution::apply(const ExecutionEvent &event, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (event.seq != m_lastSeq + 1)
        return fail(QStringLiteral("event %1 out of order (expected %2)").arg(event.seq).arg(m_lastSeq + 1));

    const QJsonObject &p = event.payload;
    const StepId stepId = p.value(QStringLiteral("step")).toInt();
    const QString site = p.value(QStringLiteral("site")).toString();
    const int attempt = p.value(QStringLiteral("attempt")).toInt();
    StepRun *step = nullptr;
    if (p.contains(QStringLiteral("step")) && stepId != InvalidStepId) {
        const auto it = m_steps.find(stepId);
        if (it == m_steps.end())
            return fail(QStringLiteral("event %1 names unknown step %2").arg(event.seq).arg(stepId));
        step = &*it;
    }
    auto needStep = [&]() { return step != nullptr; };

    using Kind = ExecutionEvent::Kind;
    switch (event.kind) {
    case Kind::Created:
        if (m_lastSeq != 0)
            return fail(QStringLiteral("created twice"));
        m_createdMs = event.timeMs;
        break;
    case Kind::OperatorAction: {
        OperatorAction action;
        action.timeMs = event.timeMs;
        action.action = p.value(QStringLiteral("action")).toString();
        action.user = p.value(QStringLiteral("user")).toString();
        action.host = p.value(QStringLiteral("host")).toString();
        action.step = stepId;
        action.reason = p.value(QStringLiteral("reason")).toString();
        if (action.action == QLatin1StringView("approve")) {
            if (!needStep())
                return fail(QStringLiteral("approval without a step"));
            step->approvedBy = action.user;
            if (step->state == StepRunState::AwaitingApproval)
                step->state = StepRunState::Pending;
        } else if (action.action == QLatin1StringView("retry")) {
            if (!needStep())
                return fail(QStringLiteral("retry without a step"));
            step->state = StepRunState::Pending;
            step->finishedMs = 0;
            step->retryAtMs = 0;
        } else if (action.action == QLatin1StringView("skip")) {
            if (!needStep())
                return fail(QStringLiteral("skip without a step"));
            step->state = StepRunState::Skipped;
            step->skipReason = action.reason;
            step->finishedMs = event.timeMs;
            step->retryAtMs = 0;
        }
        m_actions.append(action);
        break;
    }
    case Kind::PhaseStarted: {
        const std::optional<PlanPhase> phase = planPhaseFromString(p.value(QStringLiteral("phase")).toString());
        if (!phase)
            return fail(QStringLiteral("unknown phase"));
        m_phase = *phase;
        break;
    }
    case Kind::AttemptStarted:
        if (!needStep())
            return fail(QStringLiteral("attempt without a step"));
        step->history.append(step->sites);
        step->sites.clear();
        step->attemptSites.clear();
        for (const QJsonValue &value : p.value(QStringLiteral("sites")).toArray())
            step->attemptSites.append(value.toString());
        step->attempt = attempt;
        step->state = StepRunState::Running;
        step->retryAtMs = 0;
        step->finishedMs = 0;
        if (step->firstStartMs == 0)
            step->firstStartMs = event.timeMs;
        break;
    case Kind::Dispatched: {
        if (!needStep())
            return fail(QStringLiteral("dispatch without a step"));
        SiteRun run;
        run.site = site;
        run.attempt = attempt;
        run.key = p.value(QStringLiteral("key")).toString();
        run.dispatchedMs = event.timeMs;
        step->sites.append(run);
        break;
    }
    case Kind::ActionStarted:
    case Kind::LogAppended:
    case Kind::SiteFinished: {
        SiteRun *run = siteRun(stepId, site, attempt);
        if (!run)
            return fail(QStringLiteral("event %1 names no dispatched action").arg(event.seq));
        if (event.kind == Kind::ActionStarted) {
            run->actionId = p.value(QStringLiteral("actionId")).toString();
            run->state = actionStateFromString(p.value(QStringLiteral("state")).toString());
            if (run->state && run->finished())
                run->state = ActionState::Running; // the end is journalled by SiteFinished, with its log
        } else if (event.kind == Kind::LogAppended) {
            run->log += p.value(QStringLiteral("text")).toString();
            if (run->log.size() > MaxLogBytes)
                run->log = run->log.right(MaxLogBytes);
            run->logOffset = p.value(QStringLiteral("nextOffset")).toInteger();
        } else {
            run->state = actionStateFromString(p.value(QStringLiteral("state")).toString()).value_or(ActionState::Failed);
            run->message = p.value(QStringLiteral("message")).toString();
            run->outcomeUnknown = p.value(QStringLiteral("unknown")).toBool();
            run->finishedMs = event.timeMs;
        }
        break;
    }
    case Kind::StepState: {
        if (!needStep())
            return fail(QStringLiteral("step state without a step"));
        const std::optional<StepRunState> state = stepRunStateFromString(p.value(QStringLiteral("state")).toString());
        if (!state)
            return fail(QStringLiteral("unknown step state"));
        step->state = *state;
        step->message = p.value(QStringLiteral("message")).toString();
        if (isSettled(*state))
            step->finishedMs = event.timeMs;
        break;
    }
    case Kind::RetryScheduled:
        if (!needStep())
            return fail(QStringLiteral("retry without a step"));
        step->state = StepRunState::Waiting;
        step->retryAtMs = p.value(QStringLiteral("atMs")).toInteger();
        step->message = p.value(QStringLiteral("message")).toString();
        break;
    case Kind::StateChanged: {
        const std::optional<ExecutionState> state = executionStateFromString(
            p.value(QStringLiteral("state")).toString());
        if (!state)
            return fail(QStringLiteral("unknown execution state"));
        if (*state == ExecutionState::Running && m_startedMs == 0)
            m_startedMs = event.timeMs;
        if (*state == ExecutionState::AwaitingRecovery)
            m_switchoverFinishedMs = event.timeMs;
        if (isFinal(*state)) {
            m_finishedMs = event.timeMs;
            if (*state == ExecutionState::Succeeded && m_switchoverFinishedMs == 0)
                m_switchoverFinishedMs = event.timeMs;
        }
        m_state = *state;
        m_stateMessage = p.value(QStringLiteral("message")).toString();
        break;
    }
    }
    m_lastSeq = event.seq;
    return true;
}

std::optional<Execution> Execution::replay(const QString &id, const QList<ExecutionEvent> &events, QString *error)
{
    if (events.isEmpty() || events.first().kind != ExecutionEvent::Kind::Created) {
        if (error)
            *error = QStringLiteral("the journal of %1 does not start with its creation").arg(id);
        return std::nullopt;
    }
    const QJsonObject &created = events.first().payload;
    QString problem;
    std::optional<ExecutionTicket> ticket = ExecutionTicket::fromJson(created.value(QStringLiteral("ticket")).toObject(),
                                                                      &problem);
    std::optional<PlanData> plan;
    if (ticket)
        plan = PlanFormat::fromJson(created.value(QStringLiteral("plan")).toObject(), &problem);
    if (!ticket || !plan) {
        if (error)
            *error = QStringLiteral("the journal of %1 is damaged: %2").arg(id, problem);
        return std::nullopt;
    }
    Execution execution(id, *ticket, *plan);
    for (const ExecutionEvent &event : events) {
        if (!execution.apply(event, &problem)) {
            if (error)
                *error = QStringLiteral("the journal of %1 is damaged: %2").arg(id, problem);
            return std::nullopt;
        }
    }
    return execution;
}

} // namespace Haven
