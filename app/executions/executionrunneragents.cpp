// SPDX-License-Identifier: GPL-3.0-or-later
// The runner's side of the agents: starts (same key until confirmed), reading running actions and
// their logs, timeouts, cancels, and reconciling by key after a cancel or stop.
#include "executionrunner.h"

#include "models/topology/fleettopology.h"

#include <QJsonArray>
#include <QTimer>

#include <algorithm>

namespace Haven {

using namespace EngineSupport;

void ExecutionRunner::cancelRunningActions()
{
    for (const StepRun &run : m_execution.steps()) {
        for (const SiteRun &site : run.sites) {
            if (!site.finished() && !site.actionId.isEmpty())
                sendCancel(run.id, site);
        }
    }
    m_poll->start();
}

void ExecutionRunner::sendStart(StepId id, const SiteRun &site)
{
    AgentClient *client = m_engine.m_clients(site.site);
    if (!client)
        return; // not connected yet (after a restart): the next poll asks again
    const PlanStep &step = planStep(id);
    Flight &flight = m_flights[site.key];
    flight.client = client;
    const QString siteId = site.site;
    const int attempt = site.attempt;
    flight.request = client->startAction(step.operation, step.parameters, site.key,
                                         [this, id, siteId, attempt,
                                          keyText = site.key](std::optional<ActionRecord> action,
                                                              const AgentError &error) {
        Flight &answered = m_flights[keyText];
        answered.request = 0;
        const SiteRun *run = findSite(id, siteId, attempt);
        if (!run || run->finished())
            return;
        if (action) {
            record(ExecutionEvent::Kind::ActionStarted, {{key(u"step"), id},
                                                         {key(u"site"), siteId},
                                                         {key(u"attempt"), attempt},
                                                         {key(u"actionId"), action->id},
                                                         {key(u"state"), toString(action->state)}});
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

bool ExecutionRunner::mayHaveArrived(const AgentError &error)
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

QString ExecutionRunner::describe(const QString &siteId, const AgentError &error) const
{
    const AgentClient *client = m_engine.m_clients(siteId);
    return client ? error.message(client->connection().siteName, client->connection().url)
                  : error.message(siteId, QString());
}

void ExecutionRunner::sendCancel(StepId id, const SiteRun &site)
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

void ExecutionRunner::pollActions()
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

void ExecutionRunner::pollSite(StepId id, const SiteRun &site)
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
            const QString where = m_engine.m_clients(site.site) ? m_engine.m_clients(site.site)->connection().siteName
                                                                : site.site;
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
    flight.request = client->fetchAction(site.actionId,
                                         [this, id, siteId = site.site, attempt = site.attempt, keyText = site.key,
                                          overdue](std::optional<ActionRecord> action, const AgentError &error) {
        m_flights[keyText].request = 0;
        const SiteRun *run = findSite(id, siteId, attempt);
        if (!run || run->finished())
            return;
        if (!action) {
            if (overdue && error.kind != AgentError::Kind::Cancelled) {
                // Gone for longer than the step may take: the outcome is unknown.
                const QString where = m_engine.m_clients(siteId) ? m_engine.m_clients(siteId)->connection().siteName
                                                                 : siteId;
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

void ExecutionRunner::reconcileStopped(StepId id, const SiteRun &site)
{
    AgentClient *client = m_engine.m_clients(site.site);
    if (!client)
        return;
    Flight &flight = m_flights[site.key];
    flight.client = client;
    flight.request = client->findActionByKey(site.key,
                                             [this, id, siteId = site.site, attempt = site.attempt,
                                              keyText = site.key](std::optional<std::optional<ActionRecord>> found,
                                                                  const AgentError &) {
        m_flights[keyText].request = 0;
        const SiteRun *run = findSite(id, siteId, attempt);
        if (!run || run->finished() || !found)
            return; // asked again at the next poll
        if (*found) {
            record(ExecutionEvent::Kind::ActionStarted, {{key(u"step"), id},
                                                         {key(u"site"), siteId},
                                                         {key(u"attempt"), attempt},
                                                         {key(u"actionId"), (*found)->id},
                                                         {key(u"state"), toString((*found)->state)}});
            return;
        }
        finishSite(id, *run, ActionState::Cancelled, tr("not started: the execution was stopped first"));
    });
}

void ExecutionRunner::fetchLog(StepId id, const SiteRun &site, const ActionRecord &action)
{
    AgentClient *client = m_engine.m_clients(site.site);
    if (!client)
        return;
    Flight &flight = m_flights[site.key];
    flight.client = client;
    flight.request = client->fetchActionLog(site.actionId, site.logOffset,
                                            [this, id, siteId = site.site, attempt = site.attempt, keyText = site.key,
                                             action](std::optional<ActionLogChunk> chunk, const AgentError &) {
        m_flights[keyText].request = 0;
        const SiteRun *run = findSite(id, siteId, attempt);
        if (!run || run->finished())
            return;
        const bool final = action.state == ActionState::Succeeded || action.state == ActionState::Failed
                           || action.state == ActionState::Cancelled;
        if (chunk && !chunk->text.isEmpty()) {
            if (!record(ExecutionEvent::Kind::LogAppended, {{key(u"step"), id},
                                                            {key(u"site"), siteId},
                                                            {key(u"attempt"), attempt},
                                                            {key(u"text"), chunk->text},
                                                            {key(u"nextOffset"), chunk->nextOffset}}))
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

void ExecutionRunner::finishSite(StepId id, const SiteRun &site, ActionState state, const QString &message,
                                 bool outcomeUnknown)
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

} // namespace Haven
