// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillrunner.h"

#include "drillservice.h"

#include "app/agents/agentclient.h"
#include "app/executions/executionengine.h"
#include "models/drills/drillrepository.h"
#include "models/plans/planrepository.h"
#include "models/topology/fleettopology.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

namespace Haven {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool failing(ComponentStatus status)
{
    return status == ComponentStatus::Critical || status == ComponentStatus::Down;
}

QString describe(const DrillTarget &target)
{
    return target.scope == TargetScope::Site
               ? target.site
               : QStringLiteral("%1 %2 at %3").arg(toString(target.scope), target.value, target.site);
}

QString describe(const ResolvedFault &fault)
{
    return fault.target.isEmpty()
               ? QStringLiteral("%1 at %2").arg(toString(fault.kind), fault.site)
               : QStringLiteral("%1 on %2 at %3").arg(toString(fault.kind), fault.target, fault.site);
}

// The data written at the primary and not applied at the standby, as time: from the positions'
// times when the site reports them, else from the lag.
double rpoSeconds(const ReplicationLink &link)
{
    if (link.writtenAt.isValid() && link.appliedAt.isValid())
        return std::max<qint64>(0, link.appliedAt.msecsTo(link.writtenAt)) / 1000.0;
    return link.lagSeconds;
}

} // namespace

DrillRunner::DrillRunner(DrillService &service, DrillRunRecord record, BlastRadius radius, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_record(std::move(record))
    , m_radius(std::move(radius))
    , m_evaluateTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
{
    m_evaluateTimer->setInterval(service.settings().evaluateIntervalMs);
    m_pollTimer->setInterval(service.settings().faultPollMs);
    connect(m_evaluateTimer, &QTimer::timeout, this, &DrillRunner::evaluate);
    connect(m_pollTimer, &QTimer::timeout, this, &DrillRunner::pollFaults);
    FleetTopology &topology = service.topology();
    connect(&topology, &FleetTopology::componentsChanged, this, &DrillRunner::evaluate);
    connect(&topology, &FleetTopology::siteChanged, this, &DrillRunner::evaluate);
    m_readings.resize(m_record.drill.haltConditions.size());
}

DrillRunner::~DrillRunner() = default;

qint64 DrillRunner::elapsedMs() const
{
    return (m_record.endedMs > 0 ? m_record.endedMs : now()) - m_record.startedMs;
}

void DrillRunner::start(const Operator &who)
{
    m_operator = who.display();
    m_clock.start();
    for (const QString &group : m_record.drill.productGroups())
        m_record.rto.append({group, totalShare(m_service.topology(), group), -1});
    if (m_record.rto.isEmpty()) {
        for (auto it = m_radius.trafficAtRisk.cbegin(); it != m_radius.trafficAtRisk.cend(); ++it) {
            if (it.value() > 0)
                m_record.rto.append({it.key(), totalShare(m_service.topology(), it.key()), -1});
        }
    }
    for (const ResolvedFault &fault : std::as_const(m_radius.faults)) {
        InjectedFault injected;
        injected.fault = fault;
        injected.key = fault.key(m_record.id);
        m_record.faults.append(injected);
    }
    record(QStringLiteral("start"), tr("Drill started: %n fault(s) planned", nullptr, int(m_record.faults.size())),
           m_operator);
    save();
    for (int i = 0; i < m_record.faults.size(); ++i) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, i] { inject(i); });
        timer->start(m_record.faults.at(i).fault.startSecond * 1000);
        m_startTimers.append(timer);
    }
    m_evaluateTimer->start();
    m_pollTimer->start();
    evaluate();
}

void DrillRunner::inject(int index)
{
    InjectedFault &fault = m_record.faults[index];
    // While halting, only an injection already sent goes out again: its key finds the fault, to revert it.
    const bool resend = m_sentMs.contains(index);
    if ((m_record.state != DrillRunState::Running && !resend) || isFinal(m_record.state) || !fault.faultId.isEmpty()
        || fault.ended())
        return;
    AgentClient *client = m_service.client(fault.fault.site);
    if (!client) {
        fault.state = FaultState::Failed;
        fault.message = tr("no connection to site %1 (no address or token)").arg(fault.fault.site);
        record(QStringLiteral("inject"), describe(fault.fault) + QStringLiteral(": ") + fault.message);
        save();
        return checkFinished();
    }
    m_sentMs.insert(index, m_clock.elapsed());
    FaultRequest request{fault.fault.kind, fault.fault.target, fault.fault.parameters, fault.fault.durationSeconds,
                         fault.key,        m_record.id};
    const QString url = client->connection().url;
    const QString siteName = client->connection().siteName;
    QPointer<DrillRunner> guard(this);
    client->injectFault(request,
                        [guard, index, url, siteName](std::optional<FaultRecord> answer, const AgentError &error) {
        if (!guard)
            return;
        if (answer) {
            guard->m_sentMs.remove(index);
            return guard->injected(index, *answer);
        }
        InjectedFault &failed = guard->m_record.faults[index];
        failed.message = error.message(siteName, url);
        // The agent refused it (4xx): it will not work on a second try. Otherwise the evaluate tick
        // sends it again with the same key, which can never inject it twice.
        if (error.kind == AgentError::Kind::Http || error.kind == AgentError::Kind::Authentication
            || guard->m_record.state != DrillRunState::Running) {
            guard->m_sentMs.remove(index);
            failed.state = FaultState::Failed;
            guard->record(QStringLiteral("inject"), describe(failed.fault) + QStringLiteral(": ") + failed.message);
            guard->save();
            guard->checkFinished();
        }
    });
}

void DrillRunner::injected(int index, const FaultRecord &answer)
{
    InjectedFault &fault = m_record.faults[index];
    fault.faultId = answer.id;
    fault.injectedMs = answer.injected.isValid() ? answer.injected.toMSecsSinceEpoch() : now();
    updateFault(index, answer);
    record(QStringLiteral("inject"), tr("Injected %1 (fault %2)").arg(describe(fault.fault), answer.id));
    if (m_record.firstFaultMs == 0) {
        m_record.firstFaultMs = now();
        captureRpo();
        startPlan();
    }
    if (m_record.state == DrillRunState::Halting)
        revert(index); // the drill ended while this injection was on its way
    save();
    Q_EMIT changed();
}

void DrillRunner::revert(int index)
{
    InjectedFault &fault = m_record.faults[index];
    if (fault.faultId.isEmpty() || fault.ended())
        return;
    AgentClient *client = m_service.client(fault.fault.site);
    if (!client)
        return; // the poll tick tries again once the site has a client
    m_sentMs.insert(index, m_clock.elapsed());
    QPointer<DrillRunner> guard(this);
    client->revertFault(fault.faultId, m_record.reason,
                        [guard, index](std::optional<FaultRecord> answer, const AgentError &) {
        if (!guard)
            return;
        if (!answer) {
            // Sent again by the evaluate tick half a second from now.
            guard->m_sentMs.insert(index, guard->m_clock.elapsed() - guard->m_service.settings().resendMs + 500);
            return;
        }
        guard->m_sentMs.remove(index);
        guard->m_record.faults[index].revertRequested = true;
        guard->updateFault(index, *answer);
        bool all = true;
        for (const InjectedFault &other : std::as_const(guard->m_record.faults))
            all &= other.faultId.isEmpty() || other.revertRequested || other.ended();
        if (all && guard->m_record.revertedMs == 0) {
            guard->m_record.revertedMs = now();
            guard->record(QStringLiteral("revert"),
                          tr("Every fault's revert was accepted %1 ms after the halt")
                              .arg(guard->m_record.revertedMs - guard->m_record.haltTrippedMs));
        }
        guard->save();
        guard->checkFinished();
        Q_EMIT guard->changed();
    });
}

void DrillRunner::halt(const QString &reason, bool byCondition, const QString &user)
{
    if (m_record.state != DrillRunState::Running)
        return;
    m_record.state = DrillRunState::Halting;
    m_record.haltTrippedMs = now();
    m_record.reason = reason;
    m_finishing = byCondition;
    for (QTimer *timer : std::as_const(m_startTimers))
        timer->stop();
    for (int i = 0; i < m_record.faults.size(); ++i) {
        InjectedFault &fault = m_record.faults[i];
        if (fault.faultId.isEmpty() && !fault.ended() && !m_sentMs.contains(i)) {
            fault.state = FaultState::Failed;
            fault.message = tr("not injected: the drill ended first");
        }
    }
    record(byCondition ? QStringLiteral("halt") : QStringLiteral("stop"), reason, user);
    bool any = false;
    for (int i = 0; i < m_record.faults.size(); ++i) {
        if (!m_record.faults.at(i).faultId.isEmpty() && !m_record.faults.at(i).ended()) {
            revert(i);
            any = true;
        }
    }
    if (!any && m_sentMs.isEmpty())
        m_record.revertedMs = m_record.haltTrippedMs;
    ExecutionEngine &engine = m_service.executions();
    if (!m_record.executionId.isEmpty() && engine.canDo(m_record.executionId, ExecutionEngine::Command::Pause)) {
        const Operator who{user.isEmpty() ? QStringLiteral("drill") : user, {}};
        QString error;
        if (engine.pause(m_record.executionId, who, reason, &error))
            record(QStringLiteral("plan"), tr("The rehearsed plan's execution was paused"));
        else
            record(QStringLiteral("plan"), tr("The rehearsed plan's execution could not be paused: %1").arg(error));
    }
    m_confirmDeadlineMs = m_clock.elapsed() + m_service.settings().confirmTimeoutMs;
    m_pollTimer->setInterval(std::min(m_service.settings().faultPollMs, 200));
    save();
    Q_EMIT changed();
    checkFinished();
}

void DrillRunner::evaluate()
{
    if (isFinal(m_record.state))
        return;
    const qint64 time = now();
    const qint64 clock = m_clock.elapsed();
    FleetTopology &topology = m_service.topology();
    if (m_record.firstFaultMs > 0) {
        for (int row = 0; row < topology.componentCount(); ++row) {
            if (!failing(topology.component(row).status))
                continue;
            const QString key = BlastRadius::componentKey(topology.componentSite(row), topology.component(row).id);
            if (!m_record.componentsSeenFailing.contains(key))
                m_record.componentsSeenFailing.append(key);
        }
        measure(time);
    }
    HaltContext context{&topology, &m_radius, &m_record.drill.expected, elapsedMs(), m_service.signalSource()};
    QString trip;
    for (int i = 0; i < m_record.drill.haltConditions.size(); ++i) {
        m_readings[i] = checkHalt(m_record.drill.haltConditions.at(i), context);
        if (m_readings.at(i).tripped && trip.isEmpty())
            trip = m_readings.at(i).reason;
    }
    if (!trip.isEmpty() && m_record.state == DrillRunState::Running)
        return halt(tr("Halt condition: %1").arg(trip), true);

    // Requests that got no answer (a client replaced, a lost connection) go out again, same key.
    for (int i = 0; i < m_record.faults.size(); ++i) {
        const InjectedFault &fault = m_record.faults.at(i);
        const bool waiting = m_sentMs.contains(i) && clock - m_sentMs.value(i) < m_service.settings().resendMs;
        if (waiting || fault.ended())
            continue;
        if (fault.faultId.isEmpty() && m_sentMs.contains(i))
            inject(i);
        else if (m_record.state == DrillRunState::Halting && !fault.faultId.isEmpty() && !fault.revertRequested)
            revert(i);
    }
    checkFinished();
    Q_EMIT changed();
}

void DrillRunner::measure(qint64 time)
{
    FleetTopology &topology = m_service.topology();
    for (GroupRto &group : m_record.rto) {
        if (group.measuredMs >= 0 || group.baselineShare <= 0)
            continue;
        const double served = servedShare(topology, m_radius, group.group);
        if (served < group.baselineShare * 0.99) {
            m_impacted.insert(group.group);
        } else if (m_impacted.contains(group.group)) {
            group.measuredMs = time - m_record.firstFaultMs;
            record(QStringLiteral("measure"), tr("%1 is served again (%2 %): RTO %3 s")
                                                  .arg(group.group)
                                                  .arg(served, 0, 'f', 1)
                                                  .arg(group.measuredMs / 1000.0, 0, 'f', 1));
            save();
        }
    }
}

void DrillRunner::captureRpo()
{
    QStringList failed = m_record.drill.plan.failedSites;
    if (failed.isEmpty()) {
        for (const InjectedFault &fault : std::as_const(m_record.faults))
            failed.append(fault.fault.site);
    }
    FleetTopology &topology = m_service.topology();
    for (const QString &siteId : topology.siteIds()) {
        for (const ReplicationLink &link : topology.site(siteId)->replication) {
            if (!failed.contains(link.fromSite))
                continue;
            bool known = false;
            for (const LinkRpo &rpo : std::as_const(m_record.rpo))
                known |= rpo.linkId == link.id;
            if (!known)
                m_record.rpo.append({link.id, link.fromSite, link.toSite, rpoSeconds(link)});
        }
    }
}

void DrillRunner::pollFaults()
{
    for (int i = 0; i < m_record.faults.size(); ++i) {
        const InjectedFault &fault = m_record.faults.at(i);
        if (fault.faultId.isEmpty() || fault.ended() || m_polling.contains(i))
            continue;
        AgentClient *client = m_service.client(fault.fault.site);
        if (!client)
            continue;
        m_polling.insert(i);
        QPointer<DrillRunner> guard(this);
        client->fetchFault(fault.faultId, [guard, i](std::optional<FaultRecord> answer, const AgentError &) {
            if (!guard)
                return;
            guard->m_polling.remove(i);
            if (answer) {
                guard->updateFault(i, *answer);
                guard->checkFinished();
            }
        });
    }
}

void DrillRunner::updateFault(int index, const FaultRecord &answer)
{
    InjectedFault &fault = m_record.faults[index];
    const std::optional<FaultState> before = fault.state;
    fault.state = answer.state;
    fault.message = answer.endReason;
    fault.expiresMs = answer.expires.isValid() ? answer.expires.toMSecsSinceEpoch() : 0;
    fault.endedMs = answer.ended.isValid() ? answer.ended.toMSecsSinceEpoch() : 0;
    fault.revertConfirmed = answer.revertConfirmed;
    fault.remainingSeconds = answer.remainingSeconds;
    if (!answer.revertError.isEmpty())
        fault.message = answer.revertError;
    if (before != fault.state) {
        record(QStringLiteral("fault"), tr("%1: %2").arg(describe(fault.fault), toString(answer.state)));
        save();
        Q_EMIT changed();
    }
}

void DrillRunner::startPlan()
{
    const RehearsedPlan &rehearsed = m_record.drill.plan;
    if (!rehearsed.isSet() || !m_record.executionId.isEmpty())
        return;
    PlanRepository &plans = m_service.store().plans();
    const std::optional<PlanData> plan = plans.loadPlan(rehearsed.planId);
    if (!plan) {
        record(QStringLiteral("plan"),
               tr("The rehearsed plan %1 is gone; the drill goes on without it.").arg(rehearsed.planId));
        return;
    }
    ExecutionTicket ticket;
    ticket.planId = plan->metadata.id;
    ticket.planVersion = plans.summary(ticket.planId) ? plans.summary(ticket.planId)->version : 0;
    ticket.planName = plan->metadata.name;
    ticket.failedSites = rehearsed.failedSites;
    ticket.emergencySites = rehearsed.emergencySites;
    ticket.productGroups = rehearsed.productGroups;
    ticket.description = tr("Drill %1 (run %2)").arg(m_record.drill.name, m_record.id);
    ticket.createdBy = m_operator;
    ExecutionEngine &engine = m_service.executions();
    QString error;
    const QString id = engine.create(*plan, ticket, &error);
    const int at = m_operator.indexOf(QLatin1Char('@'));
    const Operator who{at < 0 ? m_operator : m_operator.left(at), at < 0 ? QString() : m_operator.mid(at + 1)};
    if (id.isEmpty() || !engine.start(id, who, &error)) {
        record(QStringLiteral("plan"), tr("The rehearsed plan could not start: %1").arg(error));
        return;
    }
    m_record.executionId = id;
    connect(&engine, &ExecutionEngine::executionSettled, this, [this](const QString &execution) {
        if (execution == m_record.executionId)
            checkFinished();
    });
    record(QStringLiteral("plan"), tr("The rehearsed plan %1 started (execution %2)").arg(plan->metadata.name, id));
}

void DrillRunner::checkFinished()
{
    if (isFinal(m_record.state))
        return;
    int landed = 0;
    bool open = false;
    for (const InjectedFault &fault : std::as_const(m_record.faults)) {
        landed += fault.faultId.isEmpty() ? 0 : 1;
        open |= !fault.ended();
    }
    if (m_record.state == DrillRunState::Halting) {
        if (!open)
            return finish(m_finishing ? DrillRunState::Halted : DrillRunState::Stopped, m_record.reason);
        if (m_clock.elapsed() > m_confirmDeadlineMs)
            return finish(m_finishing ? DrillRunState::Halted : DrillRunState::Stopped,
                          m_record.reason + QLatin1Char(' ')
                              + tr("(some faults were not confirmed reverted: see the fault list)"));
        return;
    }
    if (open)
        return;
    if (landed == 0)
        return finish(DrillRunState::Failed, tr("No fault could be injected."));
    if (!m_record.executionId.isEmpty()) {
        const Execution *execution = m_service.executions().execution(m_record.executionId);
        if (execution && (execution->state() == ExecutionState::Ready || execution->state() == ExecutionState::Running))
            return; // the rehearsal goes on after the faults ended
    }
    finish(DrillRunState::Completed, tr("Every fault ended."));
}

void DrillRunner::judgeExpectations()
{
    FleetTopology &topology = m_service.topology();
    auto seen = [&](const DrillTarget &target) {
        for (const QString &key : std::as_const(m_record.componentsSeenFailing)) {
            const QString site = key.section(QLatin1Char('/'), 0, 0);
            const int row = topology.rowOf(site, key.section(QLatin1Char('/'), 1));
            if (row >= 0 && targetMatches(target, site, topology.component(row)))
                return true;
        }
        return false;
    };
    auto wentDark = [&](const DrillTarget &target) {
        for (const InjectedFault &fault : std::as_const(m_record.faults)) {
            if (fault.fault.kind == FaultKind::SiteDark && fault.fault.site == target.site && !fault.faultId.isEmpty())
                return true;
        }
        return false;
    };
    m_record.expectations.clear();
    for (const DrillTarget &target : std::as_const(m_record.drill.expected.mustFail))
        m_record.expectations.append({tr("%1 fails").arg(describe(target)), wentDark(target) || seen(target)});
    for (const DrillTarget &target : std::as_const(m_record.drill.expected.mustStayHealthy))
        m_record.expectations.append({tr("%1 stays healthy").arg(describe(target)), !wentDark(target) && !seen(target)});
}

void DrillRunner::finish(DrillRunState state, const QString &reason)
{
    m_evaluateTimer->stop();
    m_pollTimer->stop();
    for (QTimer *timer : std::as_const(m_startTimers))
        timer->stop();
    judgeExpectations();
    m_record.state = state;
    m_record.reason = reason;
    m_record.endedMs = now();
    record(QStringLiteral("end"), tr("Drill %1: %2").arg(toString(state), reason));
    save();
    Q_EMIT changed();
    Q_EMIT ended(state);
}

void DrillRunner::record(const QString &kind, const QString &text, const QString &user)
{
    const DrillEvent event{now(), kind, text, user};
    m_record.events.append(event);
    m_unsaved.append(event);
}

void DrillRunner::save()
{
    m_service.store().drills().saveRun(m_record, m_unsaved);
    m_unsaved.clear();
}

} // namespace Haven
