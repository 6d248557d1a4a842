// SPDX-License-Identifier: GPL-3.0-or-later
// The runner's decisions: what runs next, attempts and retries, phases — each written to the
// journal before it takes effect.
#include "executionrunner.h"

#include "models/topology/fleettopology.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcEngine, "haven.engine")

namespace Haven {

using namespace EngineSupport;

namespace {

QString secondsText(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

ExecutionRunner::ExecutionRunner(ExecutionEngine &engine, Execution execution)
    : QObject(&engine)
    , m_engine(engine)
    , m_execution(std::move(execution))
    , m_poll(new QTimer(this))
    , m_durable(engine.m_store.isPersistent())
{
    m_poll->setInterval(std::max(20, engine.settings().pollIntervalMs));
    connect(m_poll, &QTimer::timeout, this, [this] {
        pollActions();
        advance();
    });
    m_poll->start();
}

bool ExecutionRunner::record(ExecutionEvent::Kind kind, QJsonObject payload)
{
    return recordAll({{kind, std::move(payload)}});
}

bool ExecutionRunner::recordAll(const QList<std::pair<ExecutionEvent::Kind, QJsonObject>> &items, bool force,
                                const QList<AuditEntry> &audit)
{
    LocalStore &store = m_engine.m_store;
    if (m_halted && !force)
        return false;
    QList<ExecutionEvent> events;
    ExecutionState state = m_execution.state();
    qint64 seq = m_execution.lastSeq();
    const qint64 time = nowMs();
    for (const auto &[kind, payload] : items) {
        ExecutionEvent event;
        event.seq = ++seq;
        event.timeMs = time;
        event.kind = kind;
        event.payload = payload;
        if (kind == ExecutionEvent::Kind::StateChanged)
            state = executionStateFromString(payload.value(QStringLiteral("state")).toString()).value_or(state);
        events.append(event);
    }
    QElapsedTimer timer;
    timer.start();
    const bool written = store.journal().appendEvents(id(), events, state, audit);
    m_engine.m_journalNs += timer.nsecsElapsed();
    ++m_engine.m_journalWrites;
    if (!written || (m_durable && !store.isPersistent())) {
        // Written nowhere, or only to memory (the store left its file): what the file holds
        // is what a restart resumes from, so nothing that is not there may happen.
        halt(tr("Haven could not write the journal of this execution to disk. %1 Nothing new is dispatched; "
                "actions already running at the sites go on. Fix the local database, then restart Haven: "
                "the execution resumes from its journal.")
                 .arg(store.status().problem));
        if (!force)
            return false;
    }
    QSet<StepId> touched;
    for (const ExecutionEvent &event : std::as_const(events)) {
        QString problem;
        if (!m_execution.apply(event, &problem)) {
            qCWarning(lcEngine) << "event not applied:" << problem; // a bug: the engine made it
            continue;
        }
        const StepId step = event.payload.value(QStringLiteral("step")).toInt();
        if (step != InvalidStepId)
            touched.insert(step);
    }
    // Signals only once every event is applied: a slot may call back into the engine.
    for (const ExecutionEvent &event : std::as_const(events)) {
        if (event.kind == ExecutionEvent::Kind::LogAppended) {
            Q_EMIT m_engine.logAppended(id(), event.payload.value(QStringLiteral("step")).toInt(),
                                        event.payload.value(QStringLiteral("site")).toString(),
                                        event.payload.value(QStringLiteral("text")).toString());
        }
    }
    for (StepId step : std::as_const(touched))
        Q_EMIT m_engine.stepChanged(id(), step);
    Q_EMIT m_engine.executionChanged(id());
    return !m_halted;
}

void ExecutionRunner::advance()
{
    if (m_halted || m_advancing)
        return;
    m_advancing = true;
    const qint64 now = nowMs();
    for (StepId id : m_execution.stepsOf(m_execution.phase())) {
        // Read each time: a step that just failed may have paused the execution.
        const ExecutionState state = m_execution.state();
        const StepRun *run = m_execution.stepRun(id);
        if (run->state == StepRunState::Running) {
            const QStringList missing = missingSites(*run);
            if (!missing.isEmpty()) {
                // The console stopped between the attempt's start and its dispatches.
                if (isFinal(state))
                    record(ExecutionEvent::Kind::StepState, stepPayload(id, toString(StepRunState::Cancelled)));
                else if (state == ExecutionState::Running && !m_halted)
                    dispatch(id, run->attempt, missing, false);
            } else if (std::all_of(run->sites.cbegin(), run->sites.cend(),
                                   [](const SiteRun &s) { return s.finished(); })) {
                finishAttempt(id);
            }
            continue;
        }
        if (state != ExecutionState::Running || m_halted)
            continue;
        if (run->state == StepRunState::Pending && predecessorsDone(id))
            beginAttempt(id);
        else if (run->state == StepRunState::Waiting && now >= run->retryAtMs)
            beginAttempt(id);
    }
    if (m_execution.state() == ExecutionState::Running && !m_halted)
        checkPhase();
    m_advancing = false;
    if (isFinal(m_execution.state()) && !hasUnfinishedActions())
        m_poll->stop();
}

QStringList ExecutionRunner::missingSites(const StepRun &run)
{
    QStringList missing;
    for (const QString &site : run.attemptSites) {
        if (std::none_of(run.sites.cbegin(), run.sites.cend(), [&site](const SiteRun &s) { return s.site == site; }))
            missing.append(site);
    }
    return missing;
}

void ExecutionRunner::scheduleAdvance()
{
    if (m_advanceQueued)
        return;
    m_advanceQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_advanceQueued = false;
        advance();
    });
}

bool ExecutionRunner::hasUnfinishedActions() const
{
    for (const StepRun &run : m_execution.steps()) {
        for (const SiteRun &site : run.sites) {
            if (!site.finished())
                return true;
        }
    }
    return false;
}

void ExecutionRunner::resume()
{
    if (!m_poll->isActive())
        m_poll->start();
    pollActions();
    scheduleAdvance();
}

void ExecutionRunner::halt(const QString &message)
{
    if (m_halted)
        return;
    m_halted = true;
    qCWarning(lcEngine) << "execution" << id() << "halted:" << message;
    Q_EMIT m_engine.journalFailed(id(), message);
}

bool ExecutionRunner::predecessorsDone(StepId id) const
{
    const QList<StepId> predecessors = m_execution.predecessors(id);
    return std::all_of(predecessors.cbegin(), predecessors.cend(), [this](StepId p) {
        const StepRunState state = m_execution.stepRun(p)->state;
        return isDone(state) || (state == StepRunState::Failed && planStep(p).onFailure == OnFailure::Continue);
    });
}

QJsonObject ExecutionRunner::stepPayload(StepId id, const QString &state, const QString &message) const
{
    QJsonObject payload{{key(u"step"), id}};
    if (!state.isEmpty())
        payload.insert(key(u"state"), state);
    if (!message.isEmpty())
        payload.insert(key(u"message"), message);
    return payload;
}

QJsonObject ExecutionRunner::sitePayload(StepId id, const SiteRun &site) const
{
    return {{key(u"step"), id}, {key(u"site"), site.site}, {key(u"attempt"), site.attempt}};
}

void ExecutionRunner::beginAttempt(StepId id)
{
    const PlanStep &step = planStep(id);
    const StepRun *run = m_execution.stepRun(id);
    if (step.requiresApproval && run->approvedBy.isEmpty()) {
        if (run->state != StepRunState::AwaitingApproval) {
            record(ExecutionEvent::Kind::StepState,
                   stepPayload(id, toString(StepRunState::AwaitingApproval),
                               step.approvalPrompt.isEmpty() ? tr("Waiting for an operator's approval.")
                                                             : step.approvalPrompt));
        }
        return;
    }
    // Guards and reachability are judged on live data: right after the console started,
    // a site that has not answered yet (or only shows its cached state) is waited for.
    const QStringList targets = resolveTargetSites(step.target, m_execution.ticket());
    for (const QString &site : targets) {
        const SiteState *state = m_engine.m_topology.site(site);
        const bool live = state && !state->fromCache && state->dataTime.isValid();
        if (state && !live && state->reachability != Reachability::Unreachable)
            return; // asked again at the next poll
    }
    // A retry runs again only where the step has not succeeded yet.
    QStringList sites;
    for (const QString &site : targets) {
        if (!succeededAt(*run, site))
            sites.append(site);
    }
    dispatch(id, run->attempt + 1, sites, true);
}

bool ExecutionRunner::succeededAt(const StepRun &run, const QString &site)
{
    auto succeeded = [&site](const SiteRun &s) { return s.site == site && s.state == ActionState::Succeeded; };
    return std::any_of(run.sites.cbegin(), run.sites.cend(), succeeded)
           || std::any_of(run.history.cbegin(), run.history.cend(), succeeded);
}

void ExecutionRunner::dispatch(StepId id, int attempt, const QStringList &sites, bool newAttempt)
{
    const PlanStep &step = planStep(id);
    using Kind = ExecutionEvent::Kind;
    QList<std::pair<Kind, QJsonObject>> events;
    if (newAttempt) {
        events.append(
            {Kind::AttemptStarted,
             {{key(u"step"), id}, {key(u"attempt"), attempt}, {key(u"sites"), QJsonArray::fromStringList(sites)}}});
    }
    QString failure;
    if (sites.isEmpty())
        failure = tr("The step resolves to no site for this ticket.");
    else if (step.guard && newAttempt) { // the rest of an attempt: its guard held when it began
        const GuardResult guard = evaluateGuard(*step.guard, step.productGroup, m_engine.m_topology,
                                                resolveTargetSites(step.target, m_execution.ticket()));
        if (!guard.holds)
            failure = tr("Guard did not hold before dispatch: %1").arg(guard.reason);
    }
    if (!failure.isEmpty()) {
        if (newAttempt && !recordAll(events))
            return;
        attemptFailed(id, failure);
        return;
    }
    QStringList toSend;
    for (const QString &site : sites) {
        const QJsonObject where{{key(u"step"), id}, {key(u"site"), site}, {key(u"attempt"), attempt}};
        QJsonObject dispatched = where;
        dispatched.insert(key(u"key"), Execution::idempotencyKey(this->id(), id, site, attempt));
        events.append({Kind::Dispatched, dispatched});
        QString unreachable;
        if (const SiteState *state = m_engine.m_topology.site(site);
            state && state->reachability == Reachability::Unreachable) {
            unreachable = tr("%1 cannot be reached: %2 Wait for it, retry the step, or skip it.")
                              .arg(state->displayName(), state->problem);
        } else if (!m_engine.m_clients(site)) {
            unreachable = tr("Site %1 has no connection in this console (not in the environment, or no token).")
                              .arg(site);
        }
        if (unreachable.isEmpty()) {
            toSend.append(site);
            continue;
        }
        QJsonObject finished = where;
        finished.insert(key(u"state"), toString(ActionState::Failed));
        finished.insert(key(u"message"), unreachable);
        events.append({Kind::SiteFinished, finished});
    }
    if (!recordAll(events))
        return;
    for (const QString &site : std::as_const(toSend))
        sendStart(id, *findSite(id, site, attempt));
    scheduleAdvance();
}

const SiteRun *ExecutionRunner::findSite(StepId id, const QString &site, int attempt) const
{
    const StepRun *run = m_execution.stepRun(id);
    for (const SiteRun &s : run->sites) {
        if (s.site == site && s.attempt == attempt)
            return &s;
    }
    return nullptr;
}

void ExecutionRunner::attemptFailed(StepId id, const QString &message, bool retriable)
{
    const PlanStep &step = planStep(id);
    const StepRun *run = m_execution.stepRun(id);
    if (isFinal(m_execution.state())) {
        record(ExecutionEvent::Kind::StepState, stepPayload(id, toString(StepRunState::Cancelled), message));
        return;
    }
    if (retriable && run->attempt < step.retry.attempts) {
        const qint64 delay = qint64(step.retry.delayBeforeRetry(run->attempt)) * 1000;
        record(ExecutionEvent::Kind::RetryScheduled,
               QJsonObject{{key(u"step"), id},
                           {key(u"atMs"), nowMs() + delay},
                           {key(u"message"), tr("Attempt %1 of %2 failed: %3 Next attempt in %4 s.")
                                                 .arg(run->attempt)
                                                 .arg(step.retry.attempts)
                                                 .arg(message, secondsText(delay))}});
        if (delay == 0)
            scheduleAdvance();
        else
            QTimer::singleShot(int(std::min<qint64>(delay, 24 * 3600 * 1000)), this, [this] { scheduleAdvance(); });
        return;
    }
    if (!record(ExecutionEvent::Kind::StepState, stepPayload(id, toString(StepRunState::Failed), message)))
        return;
    if (step.onFailure == OnFailure::Pause && m_execution.state() == ExecutionState::Running) {
        if (record(ExecutionEvent::Kind::StateChanged,
                   {{key(u"state"), toString(ExecutionState::Paused)},
                    {key(u"message"),
                     tr("Paused: step \"%1\" failed (%2). Retry or skip it, then resume.").arg(step.name, message)}}))
            Q_EMIT m_engine.executionSettled(this->id(), ExecutionState::Paused); // needs attention
    }
    scheduleAdvance();
}

void ExecutionRunner::finishAttempt(StepId id)
{
    const StepRun *run = m_execution.stepRun(id);
    QStringList failures;
    bool cancelled = false;
    bool unknown = false;
    for (const SiteRun &site : run->sites) {
        if (*site.state == ActionState::Succeeded)
            continue;
        cancelled |= *site.state == ActionState::Cancelled;
        unknown |= site.outcomeUnknown;
        failures.append(QStringLiteral("%1: %2").arg(site.site, site.message));
    }
    if (failures.isEmpty()) {
        record(ExecutionEvent::Kind::StepState,
               stepPayload(id, toString(StepRunState::Succeeded),
                           run->sites.size() == 1 ? run->sites.first().message : QString()));
        scheduleAdvance();
        return;
    }
    if (cancelled && isFinal(m_execution.state())) {
        record(ExecutionEvent::Kind::StepState,
               stepPayload(id, toString(StepRunState::Cancelled), failures.join(QStringLiteral("; "))));
        return;
    }
    attemptFailed(id, failures.join(QStringLiteral("; ")), !unknown);
}

void ExecutionRunner::checkPhase()
{
    const QList<StepId> ids = m_execution.stepsOf(m_execution.phase());
    bool complete = true;
    bool progressing = false;
    QStringList failed;
    for (StepId id : ids) {
        const StepRunState state = m_execution.stepRun(id)->state;
        const bool passable = isDone(state)
                              || (state == StepRunState::Failed && planStep(id).onFailure == OnFailure::Continue);
        complete &= passable;
        if (state == StepRunState::Running || state == StepRunState::Waiting || state == StepRunState::AwaitingApproval
            || (state == StepRunState::Pending && predecessorsDone(id)))
            progressing = true;
        if (state == StepRunState::Failed && !passable)
            failed.append(QStringLiteral("\"%1\"").arg(planStep(id).name));
    }
    if (complete) {
        const QList<PlanPhase> phases = phasesOf(m_execution.plan().metadata.kind);
        const bool recoveryNext = m_execution.phase() == PlanPhase::Switchover && phases.contains(PlanPhase::Recovery)
                                  && !m_execution.stepsOf(PlanPhase::Recovery).isEmpty();
        if (recoveryNext) {
            if (record(ExecutionEvent::Kind::StateChanged,
                       {{key(u"state"), toString(ExecutionState::AwaitingRecovery)},
                        {key(u"message"),
                         tr("Switchover complete. Start the recovery phase when the failed sites are back.")}}))
                Q_EMIT m_engine.executionSettled(id(), ExecutionState::AwaitingRecovery);
        } else {
            if (record(ExecutionEvent::Kind::StateChanged, {{key(u"state"), toString(ExecutionState::Succeeded)},
                                                            {key(u"message"), tr("Every step is done.")}}))
                Q_EMIT m_engine.executionSettled(id(), ExecutionState::Succeeded);
        }
        return;
    }
    if (!progressing) {
        if (record(ExecutionEvent::Kind::StateChanged,
                   {{key(u"state"), toString(ExecutionState::Failed)},
                    {key(u"message"), tr("Stopped at failed step(s) %1. Retry or skip them to go on, or cancel.")
                                          .arg(failed.join(QStringLiteral(", ")))}}))
            Q_EMIT m_engine.executionSettled(id(), ExecutionState::Failed);
    }
}

} // namespace Haven
