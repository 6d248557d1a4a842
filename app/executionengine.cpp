// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionengine.h"

#include "agentclient.h"
#include "fleettopology.h"
#include "localstore.h"
#include "planformat.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcEngine, "haven.engine")

namespace Haven {

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// How long an action may go on after its timeout, cancelled, before Haven stops waiting for it.
constexpr qint64 CancelGraceMs = 15'000;

// How much of one action's log the journal keeps (the agent keeps up to 4 MiB).
constexpr qint64 LogJournalBytes = 1024 * 1024;

QString key(QStringView name) { return name.toString(); }

QString secondsText(qint64 ms) { return QString::number(double(ms) / 1000.0, 'f', 1); }

} // namespace

Operator Operator::current()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("operator"));
    return {user, QSysInfo::machineHostName()};
}

// Runs one execution: decides what to do next from the Execution's state, writes each decision
// to the journal, then applies it. What is only in memory (requests in flight, when a running
// action was last read) can always be rebuilt after a restart.
class ExecutionRunner final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(Haven::ExecutionEngine)

public:
    ExecutionRunner(ExecutionEngine &engine, Execution execution)
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

    const Execution &execution() const { return m_execution; }
    const QString &id() const { return m_execution.id(); }
    bool halted() const { return m_halted; }

    // Writes one event to the journal, then applies it. False when it could not be written.
    bool record(ExecutionEvent::Kind kind, QJsonObject payload)
    {
        return recordAll({{kind, std::move(payload)}});
    }

    // Several events in one transaction (an operator command and what it implies).
    // force: apply even when the journal is no longer durable (cancel and emergency stop must
    // always take effect on screen; their actions are cancelled at the sites regardless).
    bool recordAll(const QList<std::pair<ExecutionEvent::Kind, QJsonObject>> &items, bool force = false,
                   const QList<AuditEntry> &audit = {})
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
        const bool written = store.appendExecutionEvents(id(), events, state, audit);
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

    // Decides and dispatches what can go now. Cheap when nothing changed.
    void advance()
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
                } else if (std::all_of(run->sites.cbegin(), run->sites.cend(), [](const SiteRun &s) { return s.finished(); })) {
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

    // Sites of the current attempt that have no action yet.
    static QStringList missingSites(const StepRun &run)
    {
        QStringList missing;
        for (const QString &site : run.attemptSites) {
            if (std::none_of(run.sites.cbegin(), run.sites.cend(), [&site](const SiteRun &s) { return s.site == site; }))
                missing.append(site);
        }
        return missing;
    }

    void scheduleAdvance()
    {
        if (m_advanceQueued)
            return;
        m_advanceQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_advanceQueued = false;
            advance();
        });
    }

    bool hasUnfinishedActions() const
    {
        for (const StepRun &run : m_execution.steps()) {
            for (const SiteRun &site : run.sites) {
                if (!site.finished())
                    return true;
            }
        }
        return false;
    }

    // After a restart: everything sent but not finished is asked for again (same keys).
    void resume()
    {
        if (!m_poll->isActive())
            m_poll->start();
        pollActions();
        scheduleAdvance();
    }

    // Cancels every running action now (cancel and emergency stop).
    void cancelRunningActions()
    {
        for (const StepRun &run : m_execution.steps()) {
            for (const SiteRun &site : run.sites) {
                if (!site.finished() && !site.actionId.isEmpty())
                    sendCancel(run.id, site);
            }
        }
        m_poll->start();
    }

    void halt(const QString &message)
    {
        if (m_halted)
            return;
        m_halted = true;
        qCWarning(lcEngine) << "execution" << id() << "halted:" << message;
        Q_EMIT m_engine.journalFailed(id(), message);
    }

private:
    struct Flight
    {
        AgentClient::RequestId request = 0;
        QPointer<AgentClient> client;
        QPointer<AgentClient> cancelClient; // a replaced client never answers: the cancel goes again
        QString lastError;        // why the last start got no answer
        bool cancelSent = false;
        bool timedOut = false;
    };

    const PlanStep &planStep(StepId id) const { return *m_execution.plan().step(id); }

    bool predecessorsDone(StepId id) const
    {
        const QList<StepId> predecessors = m_execution.predecessors(id);
        return std::all_of(predecessors.cbegin(), predecessors.cend(), [this](StepId p) {
            const StepRunState state = m_execution.stepRun(p)->state;
            return isDone(state) || (state == StepRunState::Failed && planStep(p).onFailure == OnFailure::Continue);
        });
    }

    QJsonObject stepPayload(StepId id, const QString &state = {}, const QString &message = {}) const
    {
        QJsonObject payload{{key(u"step"), id}};
        if (!state.isEmpty())
            payload.insert(key(u"state"), state);
        if (!message.isEmpty())
            payload.insert(key(u"message"), message);
        return payload;
    }

    QJsonObject sitePayload(StepId id, const SiteRun &site) const
    {
        return {{key(u"step"), id}, {key(u"site"), site.site}, {key(u"attempt"), site.attempt}};
    }

    void beginAttempt(StepId id)
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

    static bool succeededAt(const StepRun &run, const QString &site)
    {
        auto succeeded = [&site](const SiteRun &s) { return s.site == site && s.state == ActionState::Succeeded; };
        return std::any_of(run.sites.cbegin(), run.sites.cend(), succeeded)
               || std::any_of(run.history.cbegin(), run.history.cend(), succeeded);
    }

    // Starts an attempt (or, after a restart, the part of it that was not dispatched): checks the
    // guard, then writes the attempt and every dispatch in one transaction, then sends. A site
    // that cannot be reached fails at once, in the same transaction.
    void dispatch(StepId id, int attempt, const QStringList &sites, bool newAttempt)
    {
        const PlanStep &step = planStep(id);
        using Kind = ExecutionEvent::Kind;
        QList<std::pair<Kind, QJsonObject>> events;
        if (newAttempt) {
            events.append({Kind::AttemptStarted, {{key(u"step"), id}, {key(u"attempt"), attempt},
                                                  {key(u"sites"), QJsonArray::fromStringList(sites)}}});
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
            if (const SiteState *state = m_engine.m_topology.site(site); state && state->reachability == Reachability::Unreachable) {
                unreachable = tr("%1 cannot be reached: %2 Wait for it, retry the step, or skip it.")
                                  .arg(state->displayName(), state->problem);
            } else if (!m_engine.m_clients(site)) {
                unreachable = tr("Site %1 has no connection in this console (not in the environment, or no token).").arg(site);
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

    const SiteRun *findSite(StepId id, const QString &site, int attempt) const
    {
        const StepRun *run = m_execution.stepRun(id);
        for (const SiteRun &s : run->sites) {
            if (s.site == site && s.attempt == attempt)
                return &s;
        }
        return nullptr;
    }

    // retriable: false when an action's outcome is unknown — it may have run, so only an
    // operator who checked the site may try again.
    void attemptFailed(StepId id, const QString &message, bool retriable = true)
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
                        {key(u"message"), tr("Paused: step \"%1\" failed (%2). Retry or skip it, then resume.")
                                              .arg(step.name, message)}}))
                Q_EMIT m_engine.executionSettled(this->id(), ExecutionState::Paused); // needs attention
        }
        scheduleAdvance();
    }

    void finishAttempt(StepId id)
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
            record(ExecutionEvent::Kind::StepState, stepPayload(id, toString(StepRunState::Succeeded), run->sites.size() == 1 ? run->sites.first().message : QString()));
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

    void checkPhase()
    {
        const QList<StepId> ids = m_execution.stepsOf(m_execution.phase());
        bool complete = true;
        bool progressing = false;
        QStringList failed;
        for (StepId id : ids) {
            const StepRunState state = m_execution.stepRun(id)->state;
            const bool passable = isDone(state) || (state == StepRunState::Failed && planStep(id).onFailure == OnFailure::Continue);
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
                            {key(u"message"), tr("Switchover complete. Start the recovery phase when the failed sites are back.")}}))
                    Q_EMIT m_engine.executionSettled(id(), ExecutionState::AwaitingRecovery);
            } else {
                if (record(ExecutionEvent::Kind::StateChanged,
                           {{key(u"state"), toString(ExecutionState::Succeeded)}, {key(u"message"), tr("Every step is done.")}}))
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

    // --- talking to agents ----------------------------------------------------------------------

    void sendStart(StepId id, const SiteRun &site)
    {
        AgentClient *client = m_engine.m_clients(site.site);
        if (!client)
            return; // not connected yet (after a restart): the next poll asks again
        const PlanStep &step = planStep(id);
        Flight &flight = m_flights[site.key];
        flight.client = client;
        const QString siteId = site.site;
        const int attempt = site.attempt;
        flight.request = client->startAction(
            step.operation, step.parameters, site.key,
            [this, id, siteId, attempt, keyText = site.key](std::optional<ActionRecord> action, const AgentError &error) {
                Flight &answered = m_flights[keyText];
                answered.request = 0;
                const SiteRun *run = findSite(id, siteId, attempt);
                if (!run || run->finished())
                    return;
                if (action) {
                    record(ExecutionEvent::Kind::ActionStarted,
                           {{key(u"step"), id}, {key(u"site"), siteId}, {key(u"attempt"), attempt},
                            {key(u"actionId"), action->id}, {key(u"state"), toString(action->state)}});
                    if (action->state != ActionState::Pending && action->state != ActionState::Running)
                        pollSite(id, *findSite(id, siteId, attempt));
                    return;
                }
                if (!mayHaveArrived(error)) {
                    finishSite(id, *run, ActionState::Failed, describe(siteId, error));
                    return;
                }
                // The agent may have it: never a new key; the same one goes again at the next poll
                // until the step's timeout (pollSite), and the agent answers with what it has.
                answered.lastError = describe(siteId, error);
            });
    }

    // Whether a failed request may still have reached the agent (and started the action).
    static bool mayHaveArrived(const AgentError &error)
    {
        using Kind = AgentError::Kind;
        switch (error.kind) {
        case Kind::Authentication:
        case Kind::Tls:
            return false; // refused before anything ran
        case Kind::Http:
            return error.httpStatus >= 500; // a 4xx is the agent refusing the request
        case Kind::Unreachable:
            // No connection at all (refused, no such host) versus one that broke on the way.
            return error.code != QLatin1StringView("curl_7") && error.code != QLatin1StringView("curl_6");
        default:
            return true;
        }
    }

    QString describe(const QString &siteId, const AgentError &error) const
    {
        const AgentClient *client = m_engine.m_clients(siteId);
        return client ? error.message(client->connection().siteName, client->connection().url)
                      : error.message(siteId, QString());
    }

    void sendCancel(StepId id, const SiteRun &site)
    {
        AgentClient *client = m_engine.m_clients(site.site);
        Flight &flight = m_flights[site.key];
        if (flight.cancelSent && flight.cancelClient != client)
            flight.cancelSent = false;
        if (!client || flight.cancelSent)
            return;
        flight.cancelSent = true;
        flight.cancelClient = client;
        client->cancelAction(site.actionId, [this, id, siteId = site.site, attempt = site.attempt,
                                             keyText = site.key](std::optional<ActionRecord>, const AgentError &error) {
            if (!error.ok())
                m_flights[keyText].cancelSent = false; // asked again at the next poll
            if (const SiteRun *run = findSite(id, siteId, attempt); run && !run->finished())
                pollSite(id, *run);
        });
    }

    void pollActions()
    {
        if (m_polling)
            return;
        m_polling = true;
        for (const StepRun &run : m_execution.steps()) {
            for (const SiteRun &site : run.sites) {
                if (!site.finished())
                    pollSite(run.id, site);
            }
        }
        m_polling = false;
    }

    void pollSite(StepId id, const SiteRun &site)
    {
        Flight &flight = m_flights[site.key];
        if (flight.request != 0 && flight.client == m_engine.m_clients(site.site))
            return;
        flight.request = 0; // a request of a client since replaced (new token, new address) never answers
        const PlanStep &step = planStep(id);
        const qint64 deadline = site.dispatchedMs + qint64(step.timeoutSeconds) * 1000;
        const bool overdue = nowMs() > deadline;
        if (site.actionId.isEmpty()) {
            if (isFinal(m_execution.state())) {
                reconcileStopped(id, site); // never start anything after a cancel or stop
            } else if (overdue) {
                const QString where = m_engine.m_clients(site.site) ? m_engine.m_clients(site.site)->connection().siteName : site.site;
                finishSite(id, site, ActionState::Failed,
                           tr("%1 did not confirm the start of %2 within the step's timeout (%3 s)%4. The action may "
                              "have started there: check the site before you retry the step.")
                               .arg(where, step.operation)
                               .arg(step.timeoutSeconds)
                               .arg(flight.lastError.isEmpty() ? QString() : QStringLiteral(": ") + flight.lastError),
                           true);
            } else if (!m_halted) {
                sendStart(id, site); // unconfirmed: the same key again
            }
            return;
        }
        if (nowMs() > deadline + CancelGraceMs) {
            finishSite(id, site, ActionState::Failed,
                       tr("timed out after %1 s; the agent did not confirm the cancel, so the action may still be "
                          "running at the site. Check it before you retry the step.")
                           .arg(step.timeoutSeconds),
                       true);
            return;
        }
        if (overdue) {
            flight.timedOut = true;
            sendCancel(id, site);
        } else if (isFinal(m_execution.state())) {
            sendCancel(id, site);
        }
        AgentClient *client = m_engine.m_clients(site.site);
        if (!client)
            return;
        flight.client = client;
        flight.request = client->fetchAction(
            site.actionId, [this, id, siteId = site.site, attempt = site.attempt, keyText = site.key,
                            overdue](std::optional<ActionRecord> action, const AgentError &error) {
                m_flights[keyText].request = 0;
                const SiteRun *run = findSite(id, siteId, attempt);
                if (!run || run->finished())
                    return;
                if (!action) {
                    if (overdue && error.kind != AgentError::Kind::Cancelled) {
                        // Gone for longer than the step may take: the outcome is unknown.
                        const QString where = m_engine.m_clients(siteId) ? m_engine.m_clients(siteId)->connection().siteName : siteId;
                        finishSite(id, *run, ActionState::Failed,
                                   tr("%1 stopped answering while the step ran and its timeout (%2 s) passed; the "
                                      "action's outcome at the site is unknown: %3")
                                       .arg(where)
                                       .arg(planStep(id).timeoutSeconds)
                                       .arg(describe(siteId, error)),
                                   true);
                    }
                    return; // asked again at the next poll
                }
                const bool final = action->state == ActionState::Succeeded || action->state == ActionState::Failed
                                   || action->state == ActionState::Cancelled;
                // The journal keeps up to LogJournalBytes of each action's log; the agent has it all.
                if ((action->logSize > run->logOffset && run->logOffset < LogJournalBytes) || final) {
                    fetchLog(id, *run, *action);
                } else if (overdue && !final) {
                    // Still running past its timeout: the cancel is on its way; keep asking.
                }
            });
    }

    // A start was sent but never confirmed, and the execution has since been cancelled or
    // stopped: ask by key whether the agent has it. If it has, it is cancelled at the next poll.
    void reconcileStopped(StepId id, const SiteRun &site)
    {
        AgentClient *client = m_engine.m_clients(site.site);
        if (!client)
            return;
        Flight &flight = m_flights[site.key];
        flight.client = client;
        flight.request = client->findActionByKey(
            site.key, [this, id, siteId = site.site, attempt = site.attempt,
                       keyText = site.key](std::optional<std::optional<ActionRecord>> found, const AgentError &) {
                m_flights[keyText].request = 0;
                const SiteRun *run = findSite(id, siteId, attempt);
                if (!run || run->finished() || !found)
                    return; // asked again at the next poll
                if (*found) {
                    record(ExecutionEvent::Kind::ActionStarted,
                           {{key(u"step"), id}, {key(u"site"), siteId}, {key(u"attempt"), attempt},
                            {key(u"actionId"), (*found)->id}, {key(u"state"), toString((*found)->state)}});
                    return;
                }
                finishSite(id, *run, ActionState::Cancelled, tr("not started: the execution was stopped first"));
            });
    }

    void fetchLog(StepId id, const SiteRun &site, const ActionRecord &action)
    {
        AgentClient *client = m_engine.m_clients(site.site);
        if (!client)
            return;
        Flight &flight = m_flights[site.key];
        flight.client = client;
        flight.request = client->fetchActionLog(
            site.actionId, site.logOffset,
            [this, id, siteId = site.site, attempt = site.attempt, keyText = site.key,
             action](std::optional<ActionLogChunk> chunk, const AgentError &) {
                m_flights[keyText].request = 0;
                const SiteRun *run = findSite(id, siteId, attempt);
                if (!run || run->finished())
                    return;
                const bool final = action.state == ActionState::Succeeded || action.state == ActionState::Failed
                                   || action.state == ActionState::Cancelled;
                if (chunk && !chunk->text.isEmpty()) {
                    if (!record(ExecutionEvent::Kind::LogAppended,
                                {{key(u"step"), id}, {key(u"site"), siteId}, {key(u"attempt"), attempt},
                                 {key(u"text"), chunk->text}, {key(u"nextOffset"), chunk->nextOffset}}))
                        return;
                    run = findSite(id, siteId, attempt);
                    if (final && chunk->nextOffset < chunk->size && run->logOffset < LogJournalBytes) {
                        fetchLog(id, *run, action); // the rest of the log before the end is journalled
                        return;
                    }
                }
                if (!final)
                    return;
                ActionState state = action.state;
                QString message = action.message;
                if (m_flights[keyText].timedOut && state != ActionState::Succeeded) {
                    state = ActionState::Failed;
                    message = tr("timed out after %1 s and was cancelled at the site: %2")
                                  .arg(planStep(id).timeoutSeconds)
                                  .arg(action.message);
                }
                finishSite(id, *run, state, message);
            });
    }

    void finishSite(StepId id, const SiteRun &site, ActionState state, const QString &message, bool outcomeUnknown = false)
    {
        const QString siteKey = site.key;
        QJsonObject payload = sitePayload(id, site);
        payload.insert(key(u"state"), toString(state));
        payload.insert(key(u"message"), message);
        if (outcomeUnknown)
            payload.insert(key(u"unknown"), true);
        if (!record(ExecutionEvent::Kind::SiteFinished, payload))
            return;
        m_flights.remove(siteKey);
        scheduleAdvance();
    }

    ExecutionEngine &m_engine;
    Execution m_execution;
    QTimer *m_poll;
    QHash<QString, Flight> m_flights; // by idempotency key
    bool m_durable; // the journal was on disk when the runner began: it must stay there
    bool m_halted = false;
    bool m_advancing = false;
    bool m_advanceQueued = false;
    bool m_polling = false;
};

// --- ExecutionEngine -----------------------------------------------------------------------

ExecutionEngine::ExecutionEngine(LocalStore &store, FleetTopology &topology, ClientProvider clients, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_topology(topology)
    , m_clients(std::move(clients))
{
}

ExecutionEngine::~ExecutionEngine() = default;

ExecutionRunner *ExecutionEngine::runner(const QString &id) const
{
    const auto it = std::find_if(m_runners.cbegin(), m_runners.cend(), [&id](ExecutionRunner *r) { return r->id() == id; });
    return it == m_runners.cend() ? nullptr : *it;
}

ExecutionRunner *ExecutionEngine::addRunner(Execution execution)
{
    auto *runner = new ExecutionRunner(*this, std::move(execution));
    m_runners.append(runner);
    return runner;
}

QStringList ExecutionEngine::executionIds() const
{
    QStringList ids;
    for (ExecutionRunner *runner : m_runners)
        ids.append(runner->id());
    return ids;
}

const Execution *ExecutionEngine::execution(const QString &id) const
{
    ExecutionRunner *r = runner(id);
    return r ? &r->execution() : nullptr;
}

bool ExecutionEngine::hasActiveExecution() const
{
    return std::any_of(m_runners.cbegin(), m_runners.cend(), [](ExecutionRunner *r) {
        const ExecutionState state = r->execution().state();
        return state != ExecutionState::Ready && !isFinal(state);
    });
}

bool ExecutionEngine::hasUnfinishedActions(const QString &id) const
{
    ExecutionRunner *r = runner(id);
    return r && r->hasUnfinishedActions();
}

QString ExecutionEngine::create(const PlanData &plan, const ExecutionTicket &ticket, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (!m_store.isPersistent()) {
        return fail(tr("The local database is not on disk (%1), so an execution could not be resumed after a "
                       "restart. Fix the database and restart Haven before you run a plan.")
                        .arg(m_store.status().problem.isEmpty() ? tr("in memory") : m_store.status().problem));
    }
    if (plan.metadata.state != PlanState::Effective)
        return fail(tr("Only an effective plan can run; \"%1\" is %2.").arg(plan.metadata.name, toString(plan.metadata.state)));
    const DryRun dryRun = DryRun::run(plan, ticket, m_topology);
    if (!dryRun.ok()) {
        QStringList problems = dryRun.problems;
        for (const ResolvedStep &step : dryRun.steps) {
            for (const QString &problem : step.problems)
                problems.append(QStringLiteral("%1: %2").arg(step.name, problem));
        }
        return fail(tr("The dry run found problems: %1").arg(problems.join(QStringLiteral(" "))));
    }
    if (m_settings.requireSecondApproval) {
        const QString creator = ticket.createdBy.section(QLatin1Char('@'), 0, 0);
        const QString approver = ticket.secondApprover.trimmed().section(QLatin1Char('@'), 0, 0);
        if (approver.isEmpty())
            return fail(tr("A second person must approve this ticket (production setting)."));
        if (approver.compare(creator, Qt::CaseInsensitive) == 0)
            return fail(tr("The second approver must be another person than %1.").arg(creator));
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Execution execution(id, ticket, plan);
    ExecutionEvent created;
    created.seq = 1;
    created.timeMs = QDateTime::currentMSecsSinceEpoch();
    created.kind = ExecutionEvent::Kind::Created;
    created.payload = {{QStringLiteral("ticket"), ticket.toJson()}, {QStringLiteral("plan"), PlanFormat::toJson(plan)}};
    const Operator creator = Operator::current();
    if (!m_store.appendExecutionEvents(id, {created}, ExecutionState::Ready,
                                       {auditEntry(creator, QStringLiteral("create"), execution, InvalidStepId, ticket.description)}))
        return fail(tr("The execution could not be written to the local database: %1").arg(m_store.status().problem));
    execution.apply(created);
    addRunner(std::move(execution));
    Q_EMIT executionAdded(id);
    return id;
}

int ExecutionEngine::resumeAll(QString *error)
{
    QStringList problems;
    int resumed = 0;
    for (const ExecutionSummary &summary : m_store.listExecutions()) {
        // Only a cancelled or stopped run can still have actions in flight once it is final.
        if (runner(summary.id) || summary.state == ExecutionState::Succeeded)
            continue;
        QString problem;
        const QList<ExecutionEvent> events = m_store.loadExecutionEvents(summary.id, &problem);
        std::optional<Execution> execution = problem.isEmpty() ? Execution::replay(summary.id, events, &problem) : std::nullopt;
        if (!execution) {
            problems.append(problem);
            continue;
        }
        bool inFlight = false;
        for (const StepRun &run : execution->steps()) {
            for (const SiteRun &site : run.sites)
                inFlight |= !site.finished();
        }
        if (isFinal(execution->state()) && !inFlight)
            continue;
        ExecutionRunner *r = addRunner(std::move(*execution));
        Q_EMIT executionAdded(r->id());
        r->resume();
        ++resumed;
    }
    std::sort(m_runners.begin(), m_runners.end(), [](ExecutionRunner *a, ExecutionRunner *b) {
        return a->execution().createdMs() < b->execution().createdMs();
    });
    if (error)
        *error = problems.join(QLatin1Char('\n'));
    return resumed;
}

bool ExecutionEngine::canDo(const QString &id, Command command, StepId step) const
{
    const Execution *e = execution(id);
    if (!e)
        return false;
    const ExecutionState state = e->state();
    const StepRun *run = step == InvalidStepId ? nullptr : e->stepRun(step);
    switch (command) {
    case Command::Start:
        return state == ExecutionState::Ready;
    case Command::Approve:
        return run && run->state == StepRunState::AwaitingApproval && !isFinal(state);
    case Command::Pause:
        return state == ExecutionState::Running;
    case Command::Resume:
        return state == ExecutionState::Paused;
    case Command::Retry:
    case Command::Skip: {
        // Only steps of the phase that runs: nothing would pick up a step of another phase.
        const PlanStep *planStep = run ? e->plan().step(step) : nullptr;
        if (!planStep || planStep->phase != e->phase()
            || (state != ExecutionState::Running && state != ExecutionState::Paused && state != ExecutionState::Failed))
            return false;
        if (command == Command::Retry)
            return run->state == StepRunState::Failed;
        return run->state == StepRunState::Failed || run->state == StepRunState::Waiting
               || run->state == StepRunState::AwaitingApproval;
    }
    case Command::StartRecovery:
        return state == ExecutionState::AwaitingRecovery;
    case Command::Cancel:
        return !isFinal(state);
    }
    return false;
}

AuditEntry ExecutionEngine::auditEntry(const Operator &who, const QString &action, const Execution &execution,
                                      StepId step, const QString &reason)
{
    QJsonObject details{{QStringLiteral("execution"), execution.id()},
                        {QStringLiteral("plan"), execution.ticket().planName},
                        {QStringLiteral("host"), who.host}};
    if (step != InvalidStepId) {
        details.insert(QStringLiteral("step"), step);
        details.insert(QStringLiteral("stepName"), execution.stepName(step));
    }
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    return {who.user, QStringLiteral("execution.") + action, details};
}

bool ExecutionEngine::command(const QString &id, Command command, StepId step, const Operator &who,
                              const QString &reason, QString *error)
{
    ExecutionRunner *r = runner(id);
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!r)
        return fail(tr("There is no execution %1 in this console.").arg(id));
    if (!canDo(id, command, step)) {
        const StepRun *run = step == InvalidStepId ? nullptr : r->execution().stepRun(step);
        if (run) {
            return fail(tr("This cannot be done now to step \"%1\" (%2) while the execution is %3.")
                            .arg(r->execution().stepName(step), toString(run->state), toString(r->execution().state())));
        }
        return fail(tr("This cannot be done now: the execution is %1.").arg(toString(r->execution().state())));
    }
    if ((command == Command::Skip || command == Command::Cancel) && reason.trimmed().isEmpty())
        return fail(tr("Say why (the reason goes to the audit log)."));
    if (r->halted() && command != Command::Cancel)
        return fail(tr("The journal of this execution cannot be written; restart Haven once the local database is fixed."));

    static const QHash<Command, QString> names{
        {Command::Start, QStringLiteral("start")},     {Command::Approve, QStringLiteral("approve")},
        {Command::Pause, QStringLiteral("pause")},     {Command::Resume, QStringLiteral("resume")},
        {Command::Retry, QStringLiteral("retry")},     {Command::Skip, QStringLiteral("skip")},
        {Command::StartRecovery, QStringLiteral("startRecovery")}, {Command::Cancel, QStringLiteral("cancel")}};
    const QString name = names.value(command);
    QJsonObject action{{QStringLiteral("action"), name}, {QStringLiteral("user"), who.user},
                       {QStringLiteral("host"), who.host}, {QStringLiteral("reason"), reason}};
    if (step != InvalidStepId)
        action.insert(QStringLiteral("step"), step);
    auto stateChange = [](ExecutionState state, const QString &message) {
        return QJsonObject{{QStringLiteral("state"), toString(state)}, {QStringLiteral("message"), message}};
    };
    using Kind = ExecutionEvent::Kind;
    QList<std::pair<Kind, QJsonObject>> events{{Kind::OperatorAction, action}};
    const ExecutionState state = r->execution().state();
    switch (command) {
    case Command::Start:
        events.append({Kind::PhaseStarted, {{QStringLiteral("phase"), toString(PlanPhase::Switchover)}}});
        events.append({Kind::StateChanged, stateChange(ExecutionState::Running, tr("Started by %1.").arg(who.display()))});
        break;
    case Command::StartRecovery:
        events.append({Kind::PhaseStarted, {{QStringLiteral("phase"), toString(PlanPhase::Recovery)}}});
        events.append({Kind::StateChanged, stateChange(ExecutionState::Running, tr("Recovery started by %1.").arg(who.display()))});
        break;
    case Command::Pause:
        events.append({Kind::StateChanged, stateChange(ExecutionState::Paused, tr("Paused by %1: %2").arg(who.display(), reason))});
        break;
    case Command::Resume:
        events.append({Kind::StateChanged, stateChange(ExecutionState::Running, tr("Resumed by %1.").arg(who.display()))});
        break;
    case Command::Retry:
    case Command::Skip:
        if (state == ExecutionState::Failed)
            events.append({Kind::StateChanged, stateChange(ExecutionState::Running, tr("Going on after %1 by %2.").arg(name, who.display()))});
        break;
    case Command::Cancel:
        for (const StepRun &run : r->execution().steps()) {
            if (!isSettled(run.state) && run.state != StepRunState::Running)
                events.append({Kind::StepState, {{QStringLiteral("step"), run.id}, {QStringLiteral("state"), toString(StepRunState::Cancelled)}}});
        }
        events.append({Kind::StateChanged, stateChange(ExecutionState::Cancelled, tr("Cancelled by %1: %2").arg(who.display(), reason))});
        break;
    case Command::Approve:
        break;
    }
    const QList<AuditEntry> audit{auditEntry(who, name, r->execution(), step, reason)};
    if (!r->recordAll(events, command == Command::Cancel, audit) && command != Command::Cancel)
        return fail(tr("The command could not be written to the journal; nothing was changed."));
    if (command == Command::Cancel) {
        r->cancelRunningActions();
        Q_EMIT executionSettled(id, ExecutionState::Cancelled);
    }
    r->scheduleAdvance();
    return true;
}

bool ExecutionEngine::start(const QString &id, const Operator &who, QString *error)
{
    return command(id, Command::Start, InvalidStepId, who, {}, error);
}

bool ExecutionEngine::approve(const QString &id, StepId step, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::Approve, step, who, reason, error);
}

bool ExecutionEngine::pause(const QString &id, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::Pause, InvalidStepId, who, reason, error);
}

bool ExecutionEngine::resume(const QString &id, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::Resume, InvalidStepId, who, reason, error);
}

bool ExecutionEngine::retryStep(const QString &id, StepId step, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::Retry, step, who, reason, error);
}

bool ExecutionEngine::skipStep(const QString &id, StepId step, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::Skip, step, who, reason, error);
}

bool ExecutionEngine::startRecovery(const QString &id, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::StartRecovery, InvalidStepId, who, reason, error);
}

bool ExecutionEngine::cancel(const QString &id, const Operator &who, const QString &reason, QString *error)
{
    return command(id, Command::Cancel, InvalidStepId, who, reason, error);
}

int ExecutionEngine::emergencyStop(const Operator &who, const QString &reason)
{
    int stopped = 0;
    for (ExecutionRunner *r : std::as_const(m_runners)) {
        const Execution &e = r->execution();
        if (isFinal(e.state()))
            continue;
        // Cancel first: stopping must not wait for the disk.
        r->cancelRunningActions();
        using Kind = ExecutionEvent::Kind;
        QList<std::pair<Kind, QJsonObject>> events{
            {Kind::OperatorAction, {{QStringLiteral("action"), QStringLiteral("stop")}, {QStringLiteral("user"), who.user},
                                    {QStringLiteral("host"), who.host}, {QStringLiteral("reason"), reason}}}};
        for (const StepRun &run : e.steps()) {
            if (!isSettled(run.state) && run.state != StepRunState::Running)
                events.append({Kind::StepState, {{QStringLiteral("step"), run.id}, {QStringLiteral("state"), toString(StepRunState::Cancelled)}}});
        }
        events.append({Kind::StateChanged, {{QStringLiteral("state"), toString(ExecutionState::Stopped)},
                                            {QStringLiteral("message"), tr("Emergency stop by %1: %2").arg(who.display(), reason)}}});
        r->recordAll(events, true, {auditEntry(who, QStringLiteral("emergencyStop"), e, InvalidStepId, reason)});
        r->cancelRunningActions();
        Q_EMIT executionSettled(e.id(), ExecutionState::Stopped);
        ++stopped;
    }
    return stopped;
}

} // namespace Haven
