// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillservice.h"

#include "drillrunner.h"

#include "app/agents/agentclient.h"
#include "app/executions/executionengine.h"
#include "models/drills/drillformat.h"
#include "models/drills/haltcheck.h"
#include "models/plans/planrepository.h"
#include "models/topology/fleettopology.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace Haven {

namespace {

AuditEntry audit(const Operator &who, const QString &action, const QJsonObject &details)
{
    QJsonObject withHost = details;
    withHost.insert(QStringLiteral("host"), who.host);
    return {who.user, action, withHost};
}

// What the agent's limits refuse among the faults meant for it, in a person's words.
QStringList checkLimits(const QString &site, const QList<ResolvedFault> &faults, const FaultLimits &limits)
{
    QStringList problems;
    if (limits.active + faults.size() > limits.maxActive)
        problems.append(DrillService::tr("%1 allows %2 faults at once; %3 are in effect and the drill adds %4.")
                            .arg(site)
                            .arg(limits.maxActive)
                            .arg(limits.active)
                            .arg(faults.size()));
    for (const ResolvedFault &fault : faults) {
        const QString what = fault.target.isEmpty()
                                 ? toString(fault.kind)
                                 : QStringLiteral("%1 on %2").arg(toString(fault.kind), fault.target);
        const FaultKindLimits *kind = nullptr;
        for (const FaultKindLimits &offered : limits.kinds) {
            if (offered.kind == fault.kind)
                kind = &offered;
        }
        if (!kind) {
            problems.append(DrillService::tr("%1 does not offer the fault kind %2.").arg(site, toString(fault.kind)));
            continue;
        }
        if (fault.durationSeconds < limits.minDurationSeconds || fault.durationSeconds > limits.maxDurationSeconds)
            problems.append(DrillService::tr("%1 at %2: the duration %3 s is outside %4..%5 s.")
                                .arg(what, site)
                                .arg(fault.durationSeconds)
                                .arg(limits.minDurationSeconds)
                                .arg(limits.maxDurationSeconds));
        const QString parameters = validateParameters(kind->parameters, fault.parameters);
        if (!parameters.isEmpty())
            problems.append(DrillService::tr("%1 at %2: %3").arg(what, site, parameters));
        const bool selfIsolating = fault.kind == FaultKind::SiteDark
                                   || (fault.kind == FaultKind::HostDown && limits.ownHosts.contains(fault.target));
        if (selfIsolating && !limits.allowSelfIsolation)
            problems.append(DrillService::tr("%1 at %2 would cut the agent off; the site does not allow that "
                                             "([faults] allow_self_isolation).")
                                .arg(what, site));
    }
    return problems;
}

QString switchName(const KillSwitch &killSwitch)
{
    return killSwitch.scope == KillSwitch::Scope::Global
               ? DrillService::tr("the global kill switch")
               : DrillService::tr("the kill switch for %1 %2")
                     .arg(KillSwitch::scopeName(killSwitch.scope), killSwitch.key);
}

} // namespace

QJsonObject DrillPreflight::toJson() const
{
    QJsonArray faults;
    for (const ResolvedFault &fault : radius.faults)
        faults.append(QJsonObject{{QStringLiteral("kind"), toString(fault.kind)},
                                  {QStringLiteral("site"), fault.site},
                                  {QStringLiteral("target"), fault.target},
                                  {QStringLiteral("startSecond"), fault.startSecond},
                                  {QStringLiteral("durationSeconds"), fault.durationSeconds}});
    QJsonObject traffic;
    for (auto it = radius.trafficAtRisk.cbegin(); it != radius.trafficAtRisk.cend(); ++it)
        traffic.insert(it.key(), it.value());
    QStringList components(radius.components.cbegin(), radius.components.cend());
    components.sort();
    return {{QStringLiteral("faults"), faults},
            {QStringLiteral("components"), QJsonArray::fromStringList(components)},
            {QStringLiteral("trafficAtRisk"), traffic},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
            {QStringLiteral("passed"), QJsonArray::fromStringList(passed)}};
}

DrillService::DrillService(LocalStore &store, FleetTopology &topology, ExecutionEngine &executions,
                           ClientProvider clients, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_topology(topology)
    , m_executions(executions)
    , m_clients(std::move(clients))
    , m_switchTimer(new QTimer(this))
{
    m_switches = m_store.drills().killSwitches();
    // Another console or `haven --headless drill stop-all` may engage a switch in the same store.
    m_switchTimer->setInterval(2000);
    connect(m_switchTimer, &QTimer::timeout, this, &DrillService::reloadKillSwitches);
    m_switchTimer->start();
}

DrillService::~DrillService() = default;

bool DrillService::saveDrill(Drill &drill, const Operator &who, QString *error)
{
    const QString problem = DrillFormat::validate(drill);
    if (!problem.isEmpty()) {
        *error = tr("The drill was not saved: %1").arg(problem);
        return false;
    }
    if (drill.id.isEmpty())
        drill.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_store.drills().saveDrill(drill, {audit(who, QStringLiteral("drill.save"),
                                                  {{QStringLiteral("drill"), drill.id},
                                                   {QStringLiteral("name"), drill.name}})})) {
        *error = tr("The drill could not be written to the local database.");
        return false;
    }
    Q_EMIT drillsChanged();
    return true;
}

bool DrillService::deleteDrill(const QString &drillId, const Operator &who, QString *error)
{
    for (const DrillRunner *runner : std::as_const(m_runners)) {
        if (runner->record().drill.id == drillId && !isFinal(runner->record().state)) {
            *error = tr("The drill is running; stop it first.");
            return false;
        }
    }
    if (!m_store.drills().deleteDrill(drillId, {audit(who, QStringLiteral("drill.delete"),
                                                      {{QStringLiteral("drill"), drillId}})})) {
        *error = tr("The drill could not be deleted from the local database.");
        return false;
    }
    Q_EMIT drillsChanged();
    return true;
}

QList<Drill> DrillService::drills() const
{
    return m_store.drills().listDrills();
}

std::optional<Drill> DrillService::drill(const QString &drillId) const
{
    return m_store.drills().loadDrill(drillId);
}

QString DrillService::overlap(const Drill &drill) const
{
    const QStringList sites = drill.sites();
    for (const DrillRunner *runner : m_runners) {
        if (isFinal(runner->record().state))
            continue;
        for (const QString &site : runner->record().drill.sites()) {
            if (sites.contains(site))
                return tr("The drill \"%1\" is running at %2.").arg(runner->record().drill.name, site);
        }
    }
    for (const QString &id : m_executions.executionIds()) {
        const Execution *execution = m_executions.execution(id);
        if (!execution || isFinal(execution->state()))
            continue;
        for (const QString &site : execution->ticket().failedSites + execution->ticket().emergencySites) {
            if (sites.contains(site))
                return tr("The execution of \"%1\" is running at %2.").arg(execution->ticket().planName, site);
        }
    }
    return {};
}

void DrillService::preflight(const Drill &drill, std::function<void(const DrillPreflight &)> done)
{
    auto result = std::make_shared<DrillPreflight>();
    result->radius = BlastRadius::resolve(drill, m_topology);
    const QString invalid = DrillFormat::validate(drill);
    if (!invalid.isEmpty())
        result->problems.append(tr("The design is incomplete: %1").arg(invalid));
    result->problems.append(result->radius.problems);
    if (const std::optional<KillSwitch> blocking = blockingSwitch(drill))
        result->problems.append(
            tr("%1 is engaged (by %2): release it first.").arg(switchName(*blocking), blocking->engagedBy));
    const QString overlapping = overlap(drill);
    if (!overlapping.isEmpty())
        result->problems.append(tr("Another run touches the same sites: %1").arg(overlapping));
    else
        result->passed.append(tr("No other drill or execution touches these sites."));

    HaltContext context{&m_topology, &result->radius, &drill.expected, 0, m_signals};
    int healthy = 0;
    for (const HaltCondition &condition : drill.haltConditions) {
        const HaltReading reading = checkHalt(condition, context);
        if (reading.tripped)
            result->problems.append(tr("A halt condition is already true: %1").arg(reading.reason));
        else
            ++healthy;
    }
    if (healthy == drill.haltConditions.size())
        result->passed.append(tr("Every halt condition is healthy now (%n condition(s)).", nullptr, healthy));
    if (drill.haltConditions.isEmpty())
        result->warnings.append(tr("The drill has no halt condition: only the faults' time limits end it."));

    if (drill.plan.isSet()) {
        const std::optional<PlanSummary> plan = m_store.plans().summary(drill.plan.planId);
        if (!plan)
            result->problems.append(tr("The rehearsed plan no longer exists."));
        else if (plan->state != PlanState::Effective)
            result->problems.append(tr("The rehearsed plan \"%1\" is not effective.").arg(plan->name));
        else
            result->passed.append(tr("The rehearsed plan \"%1\" is effective.").arg(plan->name));
    }

    // Every site of a fault must answer and offer faults; that is asked of the agents now.
    QStringList sites;
    for (const ResolvedFault &fault : std::as_const(result->radius.faults)) {
        if (!sites.contains(fault.site))
            sites.append(fault.site);
    }
    auto remaining = std::make_shared<int>(int(sites.size()));
    auto finish = [result, done] { done(*result); };
    if (sites.isEmpty())
        return QTimer::singleShot(0, this, finish);
    for (const QString &site : std::as_const(sites)) {
        AgentClient *client = m_clients(site);
        if (!client) {
            result->problems.append(tr("%1 has no address or token in the environment.").arg(site));
            if (--*remaining == 0)
                QTimer::singleShot(0, this, finish);
            continue;
        }
        QList<ResolvedFault> faults;
        for (const ResolvedFault &fault : std::as_const(result->radius.faults)) {
            if (fault.site == site)
                faults.append(fault);
        }
        const AgentConnection connection = client->connection();
        const QString name = connection.siteName.isEmpty() ? site : connection.siteName;
        QPointer<AgentClient> agent(client);
        client->fetchSite([result, remaining, finish, name, faults, connection, agent](std::optional<SiteInfo> info,
                                                                                       const AgentError &error) {
            if (!info || !info->capabilities.contains(QStringLiteral("faults")) || !agent) {
                result->problems.append(!info ? error.message(name, connection.url)
                                              : tr("%1 does not offer fault injection.").arg(name));
                if (--*remaining == 0)
                    finish();
                return;
            }
            agent->fetchFaultLimits([result, remaining, finish, name, faults,
                                     connection](std::optional<FaultLimits> limits, const AgentError &limitsError) {
                if (limits) {
                    const QStringList found = checkLimits(name, faults, *limits);
                    result->problems.append(found);
                    if (found.isEmpty())
                        result->passed.append(tr("%1 answers and accepts every fault of the drill.").arg(name));
                } else if (limitsError.httpStatus == 404) {
                    result->passed.append(tr("%1 answers and offers fault injection.").arg(name));
                    result->warnings.append(tr("%1 does not report its fault limits (an older agent): the kinds "
                                               "and bounds are checked when the faults are injected.")
                                                .arg(name));
                } else {
                    result->problems.append(limitsError.message(name, connection.url));
                }
                if (--*remaining == 0)
                    finish();
            });
        });
    }
}

std::optional<KillSwitch> DrillService::blockingSwitch(const Drill &drill) const
{
    for (const KillSwitch &killSwitch : m_switches) {
        if (covers(killSwitch, drill))
            return killSwitch;
    }
    return std::nullopt;
}

bool DrillService::covers(const KillSwitch &killSwitch, const Drill &drill)
{
    switch (killSwitch.scope) {
    case KillSwitch::Scope::Global:
        return true;
    case KillSwitch::Scope::Site:
        return drill.sites().contains(killSwitch.key);
    case KillSwitch::Scope::ProductGroup:
        // A drill that names no group touches every group of its sites.
        return drill.productGroups().isEmpty() || drill.productGroups().contains(killSwitch.key);
    }
    return false;
}

QString DrillService::start(const Drill &drill, const DrillPreflight &preflight, const QString &confirmation,
                            const Operator &who, QString *error)
{
    if (confirmation != drill.name) {
        *error = tr("Type the drill's name exactly to confirm: \"%1\".").arg(drill.name);
        return {};
    }
    if (!preflight.ok()) {
        *error = tr("The preflight found problems: %1").arg(preflight.problems.join(QLatin1Char(' ')));
        return {};
    }
    // Things may have changed since the preflight was shown.
    if (const std::optional<KillSwitch> blocking = blockingSwitch(drill)) {
        *error = tr("%1 is engaged (by %2): release it first.").arg(switchName(*blocking), blocking->engagedBy);
        return {};
    }
    const QString overlapping = overlap(drill);
    if (!overlapping.isEmpty()) {
        *error = tr("Another run touches the same sites: %1").arg(overlapping);
        return {};
    }
    DrillRunRecord record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.drill = drill;
    record.startedBy = who.display();
    record.startedMs = QDateTime::currentMSecsSinceEpoch();
    record.preflight = preflight.toJson();
    if (!m_store.appendAudit(who.user, QStringLiteral("drill.start"),
                             {{QStringLiteral("drill"), drill.id},
                              {QStringLiteral("run"), record.id},
                              {QStringLiteral("host"), who.host}})) {
        *error = tr("The start could not be recorded in the local database; nothing was injected.");
        return {};
    }
    auto *runner = new DrillRunner(*this, record, preflight.radius, this);
    m_runners.append(runner);
    const QString id = record.id;
    connect(runner, &DrillRunner::changed, this, [this, id] { Q_EMIT runChanged(id); });
    connect(runner, &DrillRunner::ended, this, [this, id](DrillRunState state) { Q_EMIT runEnded(id, state); });
    runner->start(who);
    Q_EMIT runStarted(id);
    return id;
}

void DrillService::preflightAndStart(const Drill &drill, const QString &confirmation, const Operator &who,
                                     std::function<void(const QString &, const QString &)> done)
{
    QPointer<DrillService> guard(this);
    preflight(drill, [guard, drill, confirmation, who, done](const DrillPreflight &result) {
        if (!guard)
            return;
        QString error;
        const QString id = guard->start(drill, result, confirmation, who, &error);
        done(id, error);
    });
}

bool DrillService::stop(const QString &runId, const Operator &who, const QString &reason, QString *error)
{
    DrillRunner *found = runner(runId);
    if (!found || found->record().state != DrillRunState::Running) {
        if (error)
            *error = tr("The drill is not running.");
        return false;
    }
    m_store.appendAudit(who.user, QStringLiteral("drill.stop"),
                        {{QStringLiteral("run"), runId},
                         {QStringLiteral("reason"), reason},
                         {QStringLiteral("host"), who.host}});
    found->halt(tr("Stopped by %1: %2").arg(who.display(), reason), false, who.display());
    return true;
}

bool DrillService::engageKillSwitch(KillSwitch::Scope scope, const QString &key, const Operator &who,
                                    const QString &reason, QString *error)
{
    if (scope != KillSwitch::Scope::Global && key.isEmpty()) {
        if (error)
            *error = tr("Name the site or product group the kill switch is for.");
        return false;
    }
    const KillSwitch killSwitch{scope, scope == KillSwitch::Scope::Global ? QString() : key, who.display(),
                                QDateTime::currentMSecsSinceEpoch(), reason};
    // The drills stop first: a database that cannot be written must not keep a fault in place.
    stopCovered(killSwitch, who);
    if (!m_store.drills().saveKillSwitch(killSwitch, {audit(who, QStringLiteral("drill.killSwitch.engage"),
                                                            {{QStringLiteral("scope"), KillSwitch::scopeName(scope)},
                                                             {QStringLiteral("key"), killSwitch.key},
                                                             {QStringLiteral("reason"), reason}})})) {
        if (error)
            *error = tr("The running drills were stopped, but the kill switch could not be saved.");
        m_switches.append(killSwitch); // it still holds while this console runs
        Q_EMIT killSwitchesChanged();
        return false;
    }
    m_switches = m_store.drills().killSwitches();
    Q_EMIT killSwitchesChanged();
    return true;
}

bool DrillService::releaseKillSwitch(KillSwitch::Scope scope, const QString &key, const Operator &who, QString *error)
{
    if (!m_store.drills().deleteKillSwitch(scope, key,
                                           {audit(who, QStringLiteral("drill.killSwitch.release"),
                                                  {{QStringLiteral("scope"), KillSwitch::scopeName(scope)},
                                                   {QStringLiteral("key"), key}})})) {
        if (error)
            *error = tr("The kill switch could not be released in the local database.");
        return false;
    }
    m_switches = m_store.drills().killSwitches();
    Q_EMIT killSwitchesChanged();
    return true;
}

void DrillService::stopCovered(const KillSwitch &killSwitch, const Operator &who)
{
    for (DrillRunner *runner : std::as_const(m_runners)) {
        if (runner->record().state == DrillRunState::Running && covers(killSwitch, runner->record().drill))
            runner->halt(tr("%1 was engaged by %2").arg(switchName(killSwitch), killSwitch.engagedBy), false,
                         who.display());
    }
}

void DrillService::reloadKillSwitches()
{
    const QList<KillSwitch> stored = m_store.drills().killSwitches();
    bool changed = stored.size() != m_switches.size();
    for (const KillSwitch &killSwitch : stored) {
        bool known = false;
        for (const KillSwitch &held : std::as_const(m_switches))
            known |= held.scope == killSwitch.scope && held.key == killSwitch.key;
        if (!known) {
            changed = true;
            const int at = killSwitch.engagedBy.indexOf(QLatin1Char('@'));
            stopCovered(killSwitch,
                        {killSwitch.engagedBy.left(at), at < 0 ? QString() : killSwitch.engagedBy.mid(at + 1)});
        }
    }
    if (changed) {
        m_switches = stored;
        Q_EMIT killSwitchesChanged();
    }
}

QStringList DrillService::runIds() const
{
    QStringList ids;
    for (const DrillRunner *runner : m_runners)
        ids.append(runner->record().id);
    return ids;
}

DrillRunner *DrillService::runner(const QString &runId) const
{
    for (DrillRunner *runner : m_runners) {
        if (runner->record().id == runId)
            return runner;
    }
    return nullptr;
}

const DrillRunRecord *DrillService::run(const QString &runId) const
{
    const DrillRunner *found = runner(runId);
    return found ? &found->record() : nullptr;
}

bool DrillService::hasActiveRun() const
{
    for (const DrillRunner *runner : m_runners) {
        if (!isFinal(runner->record().state))
            return true;
    }
    return false;
}

QList<DrillRunRecord> DrillService::history(const QString &drillId) const
{
    return m_store.drills().listRuns(drillId);
}

std::optional<DrillRunRecord> DrillService::storedRun(const QString &runId) const
{
    return m_store.drills().loadRun(runId);
}

QList<QPair<QString, int>> DrillService::staleDrilledPlans() const
{
    const QHash<QString, qint64> last = m_store.drills().lastDrilledPlans();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QPair<QString, int>> stale;
    for (const PlanSummary &plan : m_store.plans().listPlans()) {
        if (plan.state != PlanState::Effective)
            continue;
        const int days = last.contains(plan.id) ? int((now - last.value(plan.id)) / (24 * 3600 * 1000LL)) : -1;
        if (days < 0 || days > m_settings.notDrilledDays)
            stale.append({plan.id, days});
    }
    return stale;
}

int DrillService::markInterrupted()
{
    const QList<DrillRunRecord> unfinished = m_store.drills().unfinishedRuns();
    for (DrillRunRecord run : unfinished) {
        run.state = DrillRunState::Interrupted;
        run.endedMs = QDateTime::currentMSecsSinceEpoch();
        run.reason = tr("The console stopped while the drill ran. The agents end every fault at its deadline; "
                        "the faults' state below is what the agents say.");
        const DrillEvent event{run.endedMs, QStringLiteral("interrupted"), run.reason, {}};
        m_store.drills().saveRun(run, {event});
        m_interrupted.append(run.id);
    }
    return int(unfinished.size());
}

void DrillService::refreshInterrupted(std::function<void()> done)
{
    struct Pending
    {
        int remaining = 0;
        QHash<QString, DrillRunRecord> runs;
    };
    auto pending = std::make_shared<Pending>();
    for (const QString &id : std::as_const(m_interrupted)) {
        if (std::optional<DrillRunRecord> run = m_store.drills().loadRun(id))
            pending->runs.insert(id, *run);
    }
    QPointer<DrillService> guard(this);
    auto settle = [guard, pending, done] {
        if (--pending->remaining > 0 || !guard)
            return;
        for (const DrillRunRecord &run : std::as_const(pending->runs))
            guard->m_store.drills().saveRun(run);
        for (const QString &id : pending->runs.keys())
            Q_EMIT guard->runChanged(id);
        if (done)
            done();
    };
    auto apply = [](InjectedFault &stored, const FaultRecord &answer) {
        stored.faultId = answer.id;
        stored.state = answer.state;
        stored.message = answer.revertError.isEmpty() ? answer.endReason : answer.revertError;
        stored.endedMs = answer.ended.isValid() ? answer.ended.toMSecsSinceEpoch() : 0;
        stored.revertConfirmed = answer.revertConfirmed;
        stored.remainingSeconds = answer.remainingSeconds;
    };
    ++pending->remaining; // held until every request is out
    for (auto it = pending->runs.begin(); it != pending->runs.end(); ++it) {
        const QString runId = it.key();
        QSet<QString> unanswered; // sites with a fault sent but never answered: found by its key
        for (int i = 0; i < it->faults.size(); ++i) {
            const InjectedFault &fault = it->faults.at(i);
            AgentClient *client = m_clients(fault.fault.site);
            if (!client)
                continue;
            if (fault.faultId.isEmpty()) {
                unanswered.insert(fault.fault.site);
                continue;
            }
            ++pending->remaining;
            client->fetchFault(fault.faultId, [pending, runId, i, settle, apply](std::optional<FaultRecord> answer,
                                                                                 const AgentError &error) {
                InjectedFault &stored = pending->runs[runId].faults[i];
                if (answer)
                    apply(stored, *answer);
                else
                    stored.message = tr("state unknown: %1").arg(error.detail);
                settle();
            });
        }
        for (const QString &site : std::as_const(unanswered)) {
            ++pending->remaining;
            m_clients(site)->fetchFaults(true, [pending, runId, settle, apply](std::optional<QList<FaultRecord>> answer,
                                                                               const AgentError &) {
                for (InjectedFault &stored : pending->runs[runId].faults) {
                    for (const FaultRecord &record : answer.value_or(QList<FaultRecord>())) {
                        if (stored.faultId.isEmpty() && !stored.key.isEmpty() && record.idempotencyKey == stored.key)
                            apply(stored, record);
                    }
                }
                settle();
            });
        }
    }
    QTimer::singleShot(0, this, settle);
}

} // namespace Haven
