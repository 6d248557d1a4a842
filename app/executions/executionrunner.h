// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the execution engine (app/executionengine.cpp): the runner of one execution.
// executionrunner.cpp decides and journals; executionrunneragents.cpp talks to the agents.

#include "app/agents/agentclient.h"
#include "executionengine.h"
#include "models/executions/execution.h"
#include "models/executions/executionjournal.h"
#include "models/store/localstore.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

class QTimer;

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Haven {

namespace EngineSupport {

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// How long an action may go on after its timeout, cancelled, before Haven stops waiting for it.
inline constexpr qint64 CancelGraceMs = 15'000;

// How much of one action's log the journal keeps (the agent keeps up to 4 MiB).
inline constexpr qint64 LogJournalBytes = 1024 * 1024;

inline QString key(QStringView name)
{
    return name.toString();
}

} // namespace EngineSupport

// Runs one execution: decides what to do next from the Execution's state, writes each decision
// to the journal, then applies it. What is only in memory (requests in flight, when a running
// action was last read) can always be rebuilt after a restart.
class ExecutionRunner final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(Haven::ExecutionEngine)

public:
    ExecutionRunner(ExecutionEngine &engine, Execution execution);
    const Execution &execution() const { return m_execution; }
    const QString &id() const { return m_execution.id(); }
    bool halted() const { return m_halted; }

    // Writes one event to the journal, then applies it. False when it could not be written.
    bool record(ExecutionEvent::Kind kind, QJsonObject payload);

    // Several events in one transaction (an operator command and what it implies).
    // force: apply even when the journal is no longer durable (cancel and emergency stop must
    // always take effect on screen; their actions are cancelled at the sites regardless).
    bool recordAll(const QList<std::pair<ExecutionEvent::Kind, QJsonObject>> &items, bool force = false,
                   const QList<AuditEntry> &audit = {});

    // Decides and dispatches what can go now. Cheap when nothing changed.
    void advance();

    // Sites of the current attempt that have no action yet.
    static QStringList missingSites(const StepRun &run);
    void scheduleAdvance();
    bool hasUnfinishedActions() const;

    // After a restart: everything sent but not finished is asked for again (same keys).
    void resume();

    // Cancels every running action now (cancel and emergency stop).
    void cancelRunningActions();
    void halt(const QString &message);

private:
    struct Flight
    {
        AgentClient::RequestId request = 0;
        QPointer<AgentClient> client;
        QPointer<AgentClient> cancelClient; // a replaced client never answers: the cancel goes again
        QString lastError;                  // why the last start got no answer
        bool cancelSent = false;
        bool timedOut = false;
    };

    const PlanStep &planStep(StepId id) const { return *m_execution.plan().step(id); }
    bool predecessorsDone(StepId id) const;
    QJsonObject stepPayload(StepId id, const QString &state = {}, const QString &message = {}) const;
    QJsonObject sitePayload(StepId id, const SiteRun &site) const;
    void beginAttempt(StepId id);
    static bool succeededAt(const StepRun &run, const QString &site);

    // Starts an attempt (or, after a restart, the part of it that was not dispatched): checks the
    // guard, then writes the attempt and every dispatch in one transaction, then sends. A site
    // that cannot be reached fails at once, in the same transaction.
    void dispatch(StepId id, int attempt, const QStringList &sites, bool newAttempt);
    const SiteRun *findSite(StepId id, const QString &site, int attempt) const;

    // retriable: false when an action's outcome is unknown — it may have run, so only an
    // operator who checked the site may try again.
    void attemptFailed(StepId id, const QString &message, bool retriable = true);
    void finishAttempt(StepId id);
    void checkPhase();

    // --- talking to agents ----------------------------------------------------------------------
    void sendStart(StepId id, const SiteRun &site);

    // Whether a failed request may still have reached the agent (and started the action).
    static bool mayHaveArrived(const AgentError &error);
    QString describe(const QString &siteId, const AgentError &error) const;
    void sendCancel(StepId id, const SiteRun &site);
    void pollActions();
    void pollSite(StepId id, const SiteRun &site);

    // A start was sent but never confirmed, and the execution has since been cancelled or
    // stopped: ask by key whether the agent has it. If it has, it is cancelled at the next poll.
    void reconcileStopped(StepId id, const SiteRun &site);
    void fetchLog(StepId id, const SiteRun &site, const ActionRecord &action);
    void finishSite(StepId id, const SiteRun &site, ActionState state, const QString &message,
                    bool outcomeUnknown = false);

    ExecutionEngine &m_engine;
    Execution m_execution;
    QTimer *m_poll;
    QHash<QString, Flight> m_flights; // by idempotency key
    bool m_durable;                   // the journal was on disk when the runner began: it must stay there
    bool m_halted = false;
    bool m_advancing = false;
    bool m_advanceQueued = false;
    bool m_polling = false;
};

} // namespace Haven
