// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The plan execution engine (预案执行引擎). It runs an Execution's graph against the agents:
// parallel branches, guards checked just before dispatch, approval gates, per-step timeouts,
// retries with backoff, pause/resume, retry and skip of a failed step, cancel, and an
// emergency stop for everything.
//
// Durability: every change is an ExecutionEvent written to the local store before it is applied
// (Execution::apply). Each attempt of a step at a site has its own idempotency key, written
// before the action is sent; after a restart resumeAll() replays the journal and sends every
// unconfirmed action again with the same key, which the agent answers with the action it already
// has. So a console killed at any moment loses no step and runs none twice.

#include "models/executions/execution.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class QTimer;

namespace Haven {

class AgentClient;
class FleetTopology;
class LocalStore;
class StoreWorker;
struct AuditEntry;
class ExecutionRunner;

// Who gives a command: written to the journal and the audit log.
struct Operator
{
    QString user;
    QString host;
    static Operator current(); // the system account it runs as (not $USER) and the host name
    QString display() const { return host.isEmpty() ? user : user + QLatin1Char('@') + host; }
};

class ExecutionEngine final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int pollIntervalMs = 500;           // how often a running action is read (and its log)
        bool requireSecondApproval = false; // production: a second person must approve the ticket
    };

    // The client for a site's agent, or nullptr when the site is not configured (or has no token).
    using ClientProvider = std::function<AgentClient *(const QString &siteId)>;

    ExecutionEngine(LocalStore &store, FleetTopology &topology, ClientProvider clients, QObject *parent = nullptr);
    ~ExecutionEngine() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }

    // Writes a new execution (state Ready) for the ticket. Refused when the dry run has blocking
    // problems, when the plan is not effective, or when a second approver is required and missing.
    // Returns the execution id, or an empty string and *error.
    QString create(const PlanData &plan, const ExecutionTicket &ticket, QString *error);

    // Loads every execution the store holds that is not final (or still has actions in flight)
    // and continues it: actions sent but unconfirmed are sent again with the same key.
    // Returns how many were resumed; *error says which journals could not be read.
    int resumeAll(QString *error = nullptr);
    // The same with the journal read and replayed on worker's thread (its own connection to the
    // store's file); only starting the runners is left to this thread. done(resumed, error) then.
    void resumeAllInBackground(StoreWorker &worker, std::function<void(int resumed, const QString &error)> done);

    QStringList executionIds() const; // loaded ones, oldest first
    const Execution *execution(const QString &id) const;
    bool hasActiveExecution() const;                    // any loaded execution not final
    bool hasUnfinishedActions(const QString &id) const; // actions sent whose end is not known yet

    // Operator commands. Each is written to the journal and the audit log (with user, host and
    // reason) before it takes effect. False and *error when it does not apply now.
    bool start(const QString &id, const Operator &who, QString *error = nullptr);
    bool approve(const QString &id, StepId step, const Operator &who, const QString &reason = {},
                 QString *error = nullptr);
    bool pause(const QString &id, const Operator &who, const QString &reason, QString *error = nullptr);
    bool resume(const QString &id, const Operator &who, const QString &reason = {}, QString *error = nullptr);
    bool retryStep(const QString &id, StepId step, const Operator &who, const QString &reason = {},
                   QString *error = nullptr);
    bool skipStep(const QString &id, StepId step, const Operator &who, const QString &reason, QString *error = nullptr);
    bool startRecovery(const QString &id, const Operator &who, const QString &reason = {}, QString *error = nullptr);
    bool cancel(const QString &id, const Operator &who, const QString &reason, QString *error = nullptr);
    // Every execution that is not final: stop dispatching and cancel every running action now.
    int emergencyStop(const Operator &who, const QString &reason);

    // Whether a command applies to the execution (or step) now — for enabling buttons.
    enum class Command { Start, Approve, Pause, Resume, Retry, Skip, StartRecovery, Cancel };
    bool canDo(const QString &id, Command command, StepId step = InvalidStepId) const;

    // Time spent writing the journal (for bench/engine): total and number of writes.
    qint64 journalNanoseconds() const { return m_journalNs; }
    qint64 journalWrites() const { return m_journalWrites; }

Q_SIGNALS:
    void executionAdded(const QString &id);
    void executionChanged(const QString &id); // after every applied event
    void stepChanged(const QString &id, Haven::StepId step);
    void logAppended(const QString &id, Haven::StepId step, const QString &site, const QString &text);
    // The journal could not be written: nothing new is dispatched for that execution.
    void journalFailed(const QString &id, const QString &message);
    // A final state was reached (Succeeded, Cancelled, Stopped), the switchover phase is done
    // (AwaitingRecovery), or the run needs attention (Failed; Paused because a step failed).
    void executionSettled(const QString &id, Haven::ExecutionState state);

private:
    friend class ExecutionRunner;
    ExecutionRunner *runner(const QString &id) const;
    ExecutionRunner *addRunner(Execution execution);
    QSet<QString> loadedIds() const;
    int adopt(QList<Execution> executions);
    bool command(const QString &id, Command command, StepId step, const Operator &who, const QString &reason,
                 QString *error);
    static AuditEntry auditEntry(const Operator &who, const QString &action, const Execution &execution, StepId step,
                                 const QString &reason);

    LocalStore &m_store;
    FleetTopology &m_topology;
    ClientProvider m_clients;
    Settings m_settings;
    QList<ExecutionRunner *> m_runners;
    qint64 m_journalNs = 0;
    qint64 m_journalWrites = 0;
};

} // namespace Haven
