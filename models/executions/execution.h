// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plan execution as values (预案执行): the ticket (预案执行单) an operator fills in, the dry run
// that resolves it against the live topology, and the Execution itself — a state that is never
// changed directly but rebuilt by applying journal events in order (ExecutionEvent). The engine
// (app/executionengine.h) writes each event to the local store before it applies it, so that a
// console killed at any moment resumes from exactly the state it had committed.

#include "models/plans/plan.h"
#include "protocol/protocol.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Haven {

class FleetTopology;

enum class ExecutionState {
    Ready,            // created, not started
    Running,          // dispatching steps
    Paused,           // nothing new is dispatched; running actions go on
    AwaitingRecovery, // the switchover phase is done; the recovery phase starts on command
    Succeeded,        // every phase done
    Failed,           // nothing more can run and a step failed: retry or skip it to go on
    Cancelled,        // stopped by the operator: no dispatching, running actions cancelled
    Stopped           // emergency stop
};

enum class StepRunState {
    Pending,          // predecessors not done yet
    NotSelected,      // its product group is not in the ticket
    AwaitingApproval, // a manual gate: waits for an operator
    Waiting,          // backing off before a retry
    Running,          // actions dispatched at its sites
    Succeeded,
    Failed,
    Skipped, // skipped by an operator, with a reason
    Cancelled
};

QString toString(ExecutionState state);
QString toString(StepRunState state);
std::optional<ExecutionState> executionStateFromString(QStringView text);
std::optional<StepRunState> stepRunStateFromString(QStringView text);
bool isFinal(ExecutionState state); // Succeeded, Cancelled, Stopped: nothing can change it
bool isDone(StepRunState state);    // successors may start (Succeeded, Skipped, NotSelected)
bool isSettled(StepRunState state); // nothing more happens on its own (done, Failed, Cancelled)

// What an operator fills in to run a plan (预案执行单).
struct ExecutionTicket
{
    QString planId;
    int planVersion = 0;
    QString planName;
    QStringList failedSites;    // 故障站点
    QStringList emergencySites; // 应急站点
    QStringList productGroups;  // empty: every group of the plan
    QString description;
    QString createdBy;      // user@host of who filled it in
    QString secondApprover; // set when production requires a second person

    QJsonObject toJson() const;
    static std::optional<ExecutionTicket> fromJson(const QJsonObject &json, QString *error);
    friend bool operator==(const ExecutionTicket &, const ExecutionTicket &) = default;
};

// The sites a step runs on for this ticket: failedSite → every failed site, emergencySite →
// every emergency site, everySite → both (failed first), namedSite → that site.
QStringList resolveTargetSites(const StepTarget &target, const ExecutionTicket &ticket);
// Whether the ticket runs a step of this product group (an empty group always runs).
bool ticketSelects(const ExecutionTicket &ticket, const QString &productGroup);

// One step of a dry run: what would be sent where, and what stands in the way.
struct ResolvedStep
{
    StepId id = InvalidStepId;
    PlanPhase phase = PlanPhase::Switchover;
    QString name;
    QString operation;
    QJsonObject parameters;
    QStringList sites;
    bool selected = true;             // false: its product group is not in the ticket
    std::optional<GuardResult> guard; // the guard checked against the topology now
    QStringList problems;             // blocking: unknown site, operation missing at a site, ...
    QStringList warnings;             // not blocking: a site is unreachable now, a guard fails now
};

struct DryRun
{
    Q_DECLARE_TR_FUNCTIONS(Haven::DryRun)
public:
    QList<ResolvedStep> steps; // in plan order (phase, then step id)
    QStringList problems;      // about the ticket as a whole
    bool ok() const;           // nothing blocking anywhere
    int warningCount() const;

    // Resolves every step to sites and parameters and checks every guard and reachability now.
    static DryRun run(const PlanData &plan, const ExecutionTicket &ticket, const FleetTopology &topology);
};

// One action at one site for one attempt of a step.
struct SiteRun
{
    QString site;
    int attempt = 1;
    QString key;                      // the idempotency key: "<execution>/<step>/<site>/<attempt>"
    QString actionId;                 // empty until the agent answered
    std::optional<ActionState> state; // empty until the agent answered
    QString message;
    qint64 dispatchedMs = 0;
    qint64 finishedMs = 0;
    qint64 logOffset = 0;        // bytes of the agent's log already journalled
    QString log;                 // what was read of the log (the journal keeps it too)
    bool outcomeUnknown = false; // failed without knowing whether the action ran: no automatic retry

    bool finished() const;
};

struct StepRun
{
    StepId id = InvalidStepId;
    StepRunState state = StepRunState::Pending;
    int attempt = 0;          // attempts made so far (the current one while Running)
    QStringList attemptSites; // where the current attempt runs (a retry skips sites that succeeded)
    QList<SiteRun> sites;     // the current attempt's actions
    QList<SiteRun> history;   // finished actions of earlier attempts
    qint64 firstStartMs = 0;
    qint64 finishedMs = 0;
    qint64 retryAtMs = 0; // when Waiting
    QString message;      // the last outcome, for people
    QString approvedBy;
    QString skipReason;
};

// Who did what: every operator action on the execution, with time, user, host and reason.
struct OperatorAction
{
    qint64 timeMs = 0;
    QString action; // start, approve, retry, skip, pause, resume, cancel, stop, startRecovery
    QString user;
    QString host;
    StepId step = InvalidStepId;
    QString reason;
};

// One journal record. kind names what happened; payload carries its fields.
struct ExecutionEvent
{
    enum class Kind {
        Created,        // ticket, plan
        OperatorAction, // action, user, host, reason, step (start/pause/resume/... and approvals)
        PhaseStarted,   // phase
        AttemptStarted, // step, attempt, sites: the step runs (again); the earlier attempt goes to history
        Dispatched,     // step, site, attempt, key
        ActionStarted,  // step, site, attempt, actionId
        LogAppended,    // step, site, attempt, text, nextOffset
        SiteFinished,   // step, site, attempt, state, message, unknown (outcome not known)
        StepState,      // step, state, message (awaiting approval, succeeded, failed, ...)
        RetryScheduled, // step, atMs, message
        StateChanged    // state, message
    };
    qint64 seq = 0;
    qint64 timeMs = 0;
    Kind kind = Kind::Created;
    QJsonObject payload;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);
};

// An execution: the ticket, the plan as it was when the ticket was made, and the state the
// journal's events describe. Only apply() changes it.
class Execution
{
    Q_DECLARE_TR_FUNCTIONS(Haven::Execution)
public:
    Execution() = default;
    Execution(QString id, ExecutionTicket ticket, PlanData plan);

    const QString &id() const { return m_id; }
    const ExecutionTicket &ticket() const { return m_ticket; }
    const PlanData &plan() const { return m_plan; }
    ExecutionState state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    PlanPhase phase() const { return m_phase; }
    qint64 createdMs() const { return m_createdMs; }
    qint64 startedMs() const { return m_startedMs; }
    qint64 switchoverFinishedMs() const { return m_switchoverFinishedMs; } // 0 until then
    qint64 finishedMs() const { return m_finishedMs; }
    // The measured RTO: from start to the end of the switchover phase (or now while it runs).
    qint64 rtoElapsedMs(qint64 nowMs) const;
    const QMap<StepId, StepRun> &steps() const { return m_steps; }
    const StepRun *stepRun(StepId id) const;
    const QList<OperatorAction> &operatorActions() const { return m_actions; }
    qint64 lastSeq() const { return m_lastSeq; }

    // Successors of a step in the plan, its predecessors, the steps of a phase.
    QList<StepId> predecessors(StepId id) const { return m_plan.predecessors(id); }
    QList<StepId> successors(StepId id) const { return m_plan.successors(id); }
    QList<StepId> stepsOf(PlanPhase phase) const;
    QString stepName(StepId id) const;

    // Applies one event. Events must come in seq order; false (and *error) for one that does not
    // fit (wrong order, unknown step), which leaves the execution unchanged.
    bool apply(const ExecutionEvent &event, QString *error = nullptr);
    // Rebuilds from the journal: the first event must be Created.
    static std::optional<Execution> replay(const QString &id, const QList<ExecutionEvent> &events, QString *error);

    static QString idempotencyKey(const QString &executionId, StepId step, const QString &site, int attempt);
    static constexpr int MaxLogBytes = 256 * 1024; // per site run kept in memory (the journal keeps up to 1 MiB)

private:
    SiteRun *siteRun(StepId step, const QString &site, int attempt);

    QString m_id;
    ExecutionTicket m_ticket;
    PlanData m_plan;
    ExecutionState m_state = ExecutionState::Ready;
    QString m_stateMessage;
    PlanPhase m_phase = PlanPhase::Switchover;
    qint64 m_createdMs = 0;
    qint64 m_startedMs = 0;
    qint64 m_switchoverFinishedMs = 0;
    qint64 m_finishedMs = 0;
    QMap<StepId, StepRun> m_steps;
    QList<OperatorAction> m_actions;
    qint64 m_lastSeq = 0;
};

} // namespace Haven
