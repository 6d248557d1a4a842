// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionengine.h"

#include "executionrunner.h"
#include "models/executions/executionjournal.h"
#include "models/plans/planformat.h"
#include "models/store/storeworker.h"
#include "models/topology/fleettopology.h"

#include <QSysInfo>
#include <QUuid>

#include <algorithm>

#include <pwd.h>
#include <unistd.h>

namespace Haven {

Operator Operator::current()
{
    // The account the process runs as, from the system's user database: $USER is whatever the
    // caller's environment says, and an audit trail must not be one export away from a lie.
    QString user;
    if (const passwd *account = getpwuid(geteuid()); account && account->pw_name)
        user = QString::fromLocal8Bit(account->pw_name);
    if (user.isEmpty())
        user = QStringLiteral("uid-%1").arg(geteuid()); // no entry (a container's bare uid)
    return {user, QSysInfo::machineHostName()};
}

// --- ExecutionEngine -----------------------------------------------------------------------

ExecutionEngine::ExecutionEngine(LocalStore &store, FleetTopology &topology, ClientProvider clients, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_topology(topology)
    , m_clients(std::move(clients))
{ }

ExecutionEngine::~ExecutionEngine() = default;

ExecutionRunner *ExecutionEngine::runner(const QString &id) const
{
    const auto it = std::find_if(m_runners.cbegin(), m_runners.cend(),
                                 [&id](ExecutionRunner *r) { return r->id() == id; });
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
        return fail(
            tr("Only an effective plan can run; \"%1\" is %2.").arg(plan.metadata.name, toString(plan.metadata.state)));
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
    if (!m_store.journal().appendEvents(id, {created}, ExecutionState::Ready,
                                        {auditEntry(creator, QStringLiteral("create"), execution, InvalidStepId,
                                                    ticket.description)}))
        return fail(tr("The execution could not be written to the local database: %1").arg(m_store.status().problem));
    execution.apply(created);
    addRunner(std::move(execution));
    Q_EMIT executionAdded(id);
    return id;
}

int ExecutionEngine::resumeAll(QString *error)
{
    QStringList problems;
    const int resumed = adopt(ExecutionJournal::replayUnfinished(m_store.database(), loadedIds(), &problems));
    if (error)
        *error = problems.join(QLatin1Char('\n'));
    return resumed;
}

void ExecutionEngine::resumeAllInBackground(StoreWorker &worker,
                                            std::function<void(int resumed, const QString &error)> done)
{
    struct Replayed
    {
        bool opened = false;
        QList<Execution> executions;
        QStringList problems;
    };
    worker.run<Replayed>(
        [skip = loadedIds()](SqliteDatabase &db) {
        Replayed replayed;
        replayed.opened = db.isOpen();
        if (replayed.opened)
            replayed.executions = ExecutionJournal::replayUnfinished(db, skip, &replayed.problems);
        return replayed;
        },
        this,
        [this, done = std::move(done)](Replayed replayed) {
        QString error;
        // The worker's connection did not open: read the journal here rather than not at all.
        const int resumed = replayed.opened ? adopt(std::move(replayed.executions)) : resumeAll(&error);
        if (replayed.opened)
            error = replayed.problems.join(QLatin1Char('\n'));
        if (done)
            done(resumed, error);
    });
}

QSet<QString> ExecutionEngine::loadedIds() const
{
    QSet<QString> ids;
    for (const ExecutionRunner *r : m_runners)
        ids.insert(r->id());
    return ids;
}

// Starts a runner for each replayed execution not loaded meanwhile (one created while the
// journal was read in the background is already here).
int ExecutionEngine::adopt(QList<Execution> executions)
{
    int resumed = 0;
    for (Execution &execution : executions) {
        if (runner(execution.id()))
            continue;
        ExecutionRunner *r = addRunner(std::move(execution));
        Q_EMIT executionAdded(r->id());
        r->resume();
        ++resumed;
    }
    std::sort(m_runners.begin(), m_runners.end(), [](ExecutionRunner *a, ExecutionRunner *b) {
        return a->execution().createdMs() < b->execution().createdMs();
    });
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
        return fail(
            tr("The journal of this execution cannot be written; restart Haven once the local database is fixed."));

    static const QHash<Command, QString> names{{Command::Start, QStringLiteral("start")},
                                               {Command::Approve, QStringLiteral("approve")},
                                               {Command::Pause, QStringLiteral("pause")},
                                               {Command::Resume, QStringLiteral("resume")},
                                               {Command::Retry, QStringLiteral("retry")},
                                               {Command::Skip, QStringLiteral("skip")},
                                               {Command::StartRecovery, QStringLiteral("startRecovery")},
                                               {Command::Cancel, QStringLiteral("cancel")}};
    const QString name = names.value(command);
    QJsonObject action{{QStringLiteral("action"), name},
                       {QStringLiteral("user"), who.user},
                       {QStringLiteral("host"), who.host},
                       {QStringLiteral("reason"), reason}};
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
        events.append(
            {Kind::StateChanged, stateChange(ExecutionState::Running, tr("Started by %1.").arg(who.display()))});
        break;
    case Command::StartRecovery:
        events.append({Kind::PhaseStarted, {{QStringLiteral("phase"), toString(PlanPhase::Recovery)}}});
        events.append({Kind::StateChanged,
                       stateChange(ExecutionState::Running, tr("Recovery started by %1.").arg(who.display()))});
        break;
    case Command::Pause:
        events.append({Kind::StateChanged,
                       stateChange(ExecutionState::Paused, tr("Paused by %1: %2").arg(who.display(), reason))});
        break;
    case Command::Resume:
        events.append(
            {Kind::StateChanged, stateChange(ExecutionState::Running, tr("Resumed by %1.").arg(who.display()))});
        break;
    case Command::Retry:
    case Command::Skip:
        if (state == ExecutionState::Failed)
            events.append({Kind::StateChanged, stateChange(ExecutionState::Running,
                                                           tr("Going on after %1 by %2.").arg(name, who.display()))});
        break;
    case Command::Cancel:
        for (const StepRun &run : r->execution().steps()) {
            if (!isSettled(run.state) && run.state != StepRunState::Running)
                events.append(
                    {Kind::StepState,
                     {{QStringLiteral("step"), run.id}, {QStringLiteral("state"), toString(StepRunState::Cancelled)}}});
        }
        events.append({Kind::StateChanged,
                       stateChange(ExecutionState::Cancelled, tr("Cancelled by %1: %2").arg(who.display(), reason))});
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

bool ExecutionEngine::retryStep(const QString &id, StepId step, const Operator &who, const QString &reason,
                                QString *error)
{
    return command(id, Command::Retry, step, who, reason, error);
}

bool ExecutionEngine::skipStep(const QString &id, StepId step, const Operator &who, const QString &reason,
                               QString *error)
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
        QList<std::pair<Kind, QJsonObject>> events{{Kind::OperatorAction,
                                                    {{QStringLiteral("action"), QStringLiteral("stop")},
                                                     {QStringLiteral("user"), who.user},
                                                     {QStringLiteral("host"), who.host},
                                                     {QStringLiteral("reason"), reason}}}};
        for (const StepRun &run : e.steps()) {
            if (!isSettled(run.state) && run.state != StepRunState::Running)
                events.append(
                    {Kind::StepState,
                     {{QStringLiteral("step"), run.id}, {QStringLiteral("state"), toString(StepRunState::Cancelled)}}});
        }
        events.append({Kind::StateChanged,
                       {{QStringLiteral("state"), toString(ExecutionState::Stopped)},
                        {QStringLiteral("message"), tr("Emergency stop by %1: %2").arg(who.display(), reason)}}});
        r->recordAll(events, true, {auditEntry(who, QStringLiteral("emergencyStop"), e, InvalidStepId, reason)});
        r->cancelRunningActions();
        Q_EMIT executionSettled(e.id(), ExecutionState::Stopped);
        ++stopped;
    }
    return stopped;
}

} // namespace Haven
