// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated site's operations: the catalog it offers, how runs are scheduled over simulated
// time, and what each operation does to the model (the model itself is in simulatedsite.cpp).
#include "simulatedsite.h"

#include "simulatedsupport.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Haven {

namespace {

using namespace SimulatedSupport;

constexpr double SwitchBacklogSeconds = 20; // resynchronisation after a role switch
constexpr int RampSteps = 5;                // traffic moves in this many one-second steps
constexpr double MinimumWait = 0.05;

QString percent(double value)
{
    return number(value) + QLatin1Char('%');
}

QString layerWord(Layer layer)
{
    return layer == Layer::Database ? QStringLiteral("database") : QStringLiteral("storage");
}

OperationSpec spec(const QString &code, const QString &name, const QString &description, Layer layer,
                   const QJsonObject &parameters, const QString &inverse = {})
{
    OperationSpec spec;
    spec.code = code;
    spec.name = name;
    spec.description = description;
    spec.layer = layer;
    spec.parameters = parameters;
    spec.reversible = !inverse.isEmpty();
    spec.inverse = inverse;
    return spec;
}

} // namespace

// --- Operations: catalog and runs -----------------------------------------------------------

QList<OperationSpec> SimulatedSite::operations() const
{
    QJsonObject group = property(QStringLiteral("string"), QStringLiteral("product group"));
    group.insert(QStringLiteral("enum"), QJsonArray::fromStringList(m_productGroups));
    QStringList layers;
    for (Layer layer : {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database, Layer::Physical})
        layers.append(toString(layer));
    QJsonObject layer = property(QStringLiteral("string"), QStringLiteral("layer"));
    layer.insert(QStringLiteral("enum"), QJsonArray::fromStringList(layers));
    const QString groupKey = QStringLiteral("productGroup");
    const QJsonObject groupOnly = schema({{groupKey, group}}, {groupKey});
    auto replicaSchema = [&](const QString &layerName) {
        return schema({{groupKey, group},
                       {QStringLiteral("component"),
                        property(QStringLiteral("string"), QStringLiteral("the local %1 component").arg(layerName))}});
    };

    return {
        spec(QStringLiteral("traffic.cut"), QStringLiteral("Cut traffic"),
             QStringLiteral("Moves this site's share of a product group's traffic to 0 over a few seconds."),
             Layer::Business, groupOnly, QStringLiteral("traffic.restore")),
        spec(QStringLiteral("traffic.restore"), QStringLiteral("Restore traffic"),
             QStringLiteral(
                 "Brings a product group's traffic share back: to share, else to what it was before the cut."),
             Layer::Business,
             schema({{groupKey, group},
                     {QStringLiteral("share"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("share to restore, percent")), 0, 100)}},
                    {groupKey}),
             QStringLiteral("traffic.cut")),
        spec(QStringLiteral("app.stop"), QStringLiteral("Stop application group"),
             QStringLiteral("Stops a product group's business and middleware components in reverse dependency order."),
             Layer::Business, groupOnly, QStringLiteral("app.start")),
        spec(QStringLiteral("app.start"), QStringLiteral("Start application group"),
             QStringLiteral("Starts a product group's business and middleware components in dependency order."),
             Layer::Business, groupOnly, QStringLiteral("app.stop")),
        spec(QStringLiteral("app.restart"), QStringLiteral("Restart application group"),
             QStringLiteral(
                 "Stops a product group's components in reverse dependency order, then starts them in order."),
             Layer::Business, groupOnly),
        spec(QStringLiteral("db.promote"), QStringLiteral("Promote database"),
             QStringLiteral("Makes this site's standby database replicas primary."), Layer::Database,
             replicaSchema(QStringLiteral("database")), QStringLiteral("db.demote")),
        spec(QStringLiteral("db.demote"), QStringLiteral("Demote database"),
             QStringLiteral("Makes this site's primary database replicas standby."), Layer::Database,
             replicaSchema(QStringLiteral("database")), QStringLiteral("db.promote")),
        spec(QStringLiteral("storage.promote"), QStringLiteral("Promote storage"),
             QStringLiteral("Makes this site's standby storage replicas primary."), Layer::Storage,
             replicaSchema(QStringLiteral("storage")), QStringLiteral("storage.demote")),
        spec(QStringLiteral("storage.demote"), QStringLiteral("Demote storage"),
             QStringLiteral("Makes this site's primary storage replicas standby."), Layer::Storage,
             replicaSchema(QStringLiteral("storage")), QStringLiteral("storage.promote")),
        spec(QStringLiteral("health.check"), QStringLiteral("Health check"),
             QStringLiteral("Checks components and fails listing those that are critical or down."), Layer::Business,
             schema({{groupKey, group}, {QStringLiteral("layer"), layer}})),
        spec(QStringLiteral("wait.seconds"), QStringLiteral("Wait"), QStringLiteral("Pauses the plan on purpose."),
             Layer::Business,
             schema({{QStringLiteral("seconds"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("how long to wait")), 0, 86400)}},
                    {QStringLiteral("seconds")})),
        spec(QStringLiteral("wait.replication"), QStringLiteral("Wait for replication"),
             QStringLiteral("Waits until every replication link is below a lag, or fails after a timeout."),
             Layer::Database,
             schema({{groupKey, group},
                     {QStringLiteral("maxLagSeconds"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("largest acceptable lag")), 0, 86400)},
                     {QStringLiteral("timeoutSeconds"),
                      bounded(property(QStringLiteral("number"), QStringLiteral("give up after")), 1, 86400)}},
                    {QStringLiteral("maxLagSeconds"), QStringLiteral("timeoutSeconds")})),
    };
}

QString SimulatedSite::checkOperation(const QString &code, const QJsonObject &parameters) const
{
    const QList<OperationSpec> catalog = operations();
    const auto it = std::find_if(catalog.cbegin(), catalog.cend(),
                                 [&code](const OperationSpec &s) { return s.code == code; });
    if (it == catalog.cend())
        return QStringLiteral("unknown operation ") + quoted(code);
    const QString problem = validateParameters(it->parameters, parameters);
    if (!problem.isEmpty())
        return problem;
    const QString group = parameters.value(QStringLiteral("productGroup")).toString();
    if (!group.isEmpty() && !m_productGroups.contains(group)) {
        return QStringLiteral("unknown product group %1 at site %2 (known: %3)")
            .arg(quoted(group), m_topology.siteId(), m_productGroups.join(QStringLiteral(", ")));
    }
    const QString component = parameters.value(QStringLiteral("component")).toString();
    if (!component.isEmpty()) {
        const auto found = m_components.constFind(component);
        if (found == m_components.cend())
            return QStringLiteral("unknown component ") + quoted(component);
        if (found->identity.layer != it->layer) {
            return QStringLiteral("%1 is a %2 component; %3 needs a %4 component")
                .arg(component, toString(found->identity.layer), code, toString(it->layer));
        }
    }
    return {};
}

quint64 SimulatedSite::startOperation(const QString &code, const QJsonObject &parameters, QString *error)
{
    const QString problem = checkOperation(code, parameters);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return 0;
    }
    Run run;
    run.id = m_nextRunId++;
    run.operation = code;
    run.dueAt = m_now;
    const QString group = parameters.value(QStringLiteral("productGroup")).toString();
    const QString component = parameters.value(QStringLiteral("component")).toString();
    if (code == QLatin1StringView("traffic.cut")) {
        planTrafficCut(run, group);
    } else if (code == QLatin1StringView("traffic.restore")) {
        const QJsonValue share = parameters.value(QStringLiteral("share"));
        planTrafficRestore(run, group, share.isDouble() ? std::optional(share.toDouble()) : std::nullopt);
    } else if (code == QLatin1StringView("app.stop")) {
        planAppStop(run, group);
    } else if (code == QLatin1StringView("app.start")) {
        planAppStart(run, group);
    } else if (code == QLatin1StringView("app.restart")) {
        planAppRestart(run, group);
    } else if (code == QLatin1StringView("db.promote")) {
        planRoleSwitch(run, Layer::Database, ReplicationRole::Primary, group, component);
    } else if (code == QLatin1StringView("db.demote")) {
        planRoleSwitch(run, Layer::Database, ReplicationRole::Standby, group, component);
    } else if (code == QLatin1StringView("storage.promote")) {
        planRoleSwitch(run, Layer::Storage, ReplicationRole::Primary, group, component);
    } else if (code == QLatin1StringView("storage.demote")) {
        planRoleSwitch(run, Layer::Storage, ReplicationRole::Standby, group, component);
    } else if (code == QLatin1StringView("health.check")) {
        const QString layer = parameters.value(QStringLiteral("layer")).toString();
        planHealthCheck(run, group, layer.isEmpty() ? std::nullopt : layerFromString(layer));
    } else if (code == QLatin1StringView("wait.seconds")) {
        planWaitSeconds(run, parameters.value(QStringLiteral("seconds")).toDouble());
    } else if (code == QLatin1StringView("wait.replication")) {
        planWaitReplication(run, group, parameters.value(QStringLiteral("maxLagSeconds")).toDouble(),
                            parameters.value(QStringLiteral("timeoutSeconds")).toDouble());
    }
    const quint64 id = run.id;
    m_runs.emplace(id, std::move(run));
    return id;
}

void SimulatedSite::cancelOperation(quint64 run)
{
    const auto it = m_runs.find(run);
    if (it != m_runs.end())
        it->second.cancelRequested = true;
}

bool SimulatedSite::isRunning(quint64 run) const
{
    return m_runs.find(run) != m_runs.end();
}

QList<OperationEvent> SimulatedSite::takeEvents()
{
    return std::exchange(m_events, {});
}

void SimulatedSite::log(quint64 run, const QString &line)
{
    m_events.append({run, line, std::nullopt, {}});
}

void SimulatedSite::runDueSteps()
{
    using Kind = StepResult::Kind;
    for (bool progressed = true; progressed;) {
        progressed = false;
        for (auto it = m_runs.begin(); it != m_runs.end();) {
            Run &run = it->second;
            if (run.dueAt > m_now + Epsilon) {
                ++it;
                continue;
            }
            progressed = true;
            std::optional<ActionState> final;
            QString message;
            if (run.cancelRequested) {
                final = ActionState::Cancelled;
                message = QStringLiteral("cancelled; ")
                          + (run.stateLeft ? run.stateLeft() : QStringLiteral("nothing was changed"));
            } else {
                const StepResult result = run.steps.at(run.next)();
                message = result.message;
                switch (result.kind) {
                case Kind::Next:
                    run.dueAt = m_now + result.wait;
                    if (++run.next == run.steps.size())
                        final = ActionState::Succeeded;
                    break;
                case Kind::Again:
                    run.dueAt = m_now + std::max(result.wait, MinimumWait);
                    break;
                case Kind::Succeed:
                    final = ActionState::Succeeded;
                    break;
                case Kind::Fail:
                    final = ActionState::Failed;
                    break;
                }
            }
            if (final) {
                if (message.isEmpty())
                    message = QStringLiteral("done");
                log(run.id, toString(*final) + QStringLiteral(": ") + message);
                m_events.append({run.id, {}, final, message});
                it = m_runs.erase(it);
            } else {
                ++it;
            }
        }
    }
}

// --- Operations: what each one does ---------------------------------------------------------

QString SimulatedSite::describe(const QString &componentId) const
{
    const Component &c = m_components.value(componentId).identity;
    return c.host.isEmpty() ? QStringLiteral("%1 (%2)").arg(c.id, c.kind)
                            : QStringLiteral("%1 (%2 on %3)").arg(c.id, c.kind, c.host);
}

QStringList SimulatedSite::applicationComponents(const QString &group) const
{
    QStringList ids;
    for (const QString &id : m_startOrder) {
        const Component &c = m_components.value(id).identity;
        if (c.productGroup == group && (c.layer == Layer::Business || c.layer == Layer::Middleware))
            ids.append(id);
    }
    return ids;
}

QString SimulatedSite::applicationState(const QStringList &components) const
{
    QStringList down;
    QStringList running;
    for (const QString &id : components)
        (isDown(id) ? down : running).append(id);
    QStringList parts;
    if (!down.isEmpty())
        parts.append(QStringLiteral("down: ") + down.join(QStringLiteral(", ")));
    if (!running.isEmpty())
        parts.append(QStringLiteral("running: ") + running.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

SimulatedSite::Step SimulatedSite::stopStep(quint64 run, const QString &componentId, const QString &operation)
{
    return [this, run, componentId, operation, stopping = false]() mutable {
        ComponentModel &model = m_components[componentId];
        if (!stopping) {
            const QString reason = downReason(model);
            if (!reason.isEmpty()) {
                model.stoppedBy = operation; // so it stays down once the cause is gone
                log(run, QStringLiteral("%1 is already down: %2").arg(componentId, reason));
                return StepResult::next();
            }
            log(run, QStringLiteral("stopping %1").arg(describe(componentId)));
            stopping = true;
            return StepResult::again(std::max(1.0, model.startSeconds / 2));
        }
        model.stoppedBy = operation;
        log(run, QStringLiteral("%1 stopped").arg(componentId));
        return StepResult::next();
    };
}

SimulatedSite::Step SimulatedSite::startStep(quint64 run, const QString &componentId)
{
    return [this, run, componentId, starting = false]() mutable {
        ComponentModel &model = m_components[componentId];
        for (const ActiveFault &fault : std::as_const(m_faults)) {
            if (fault.record.kind == FaultKind::HostDown && fault.components.contains(componentId)) {
                return StepResult::fail(QStringLiteral("cannot start %1: host %2 is down (fault %3)")
                                            .arg(componentId, model.identity.host, fault.record.id));
            }
        }
        if (!starting) {
            if (!isDown(componentId)) {
                log(run, QStringLiteral("%1 is already running").arg(componentId));
                return StepResult::next();
            }
            for (const QString &dependency : m_dependsOn.value(componentId)) {
                if (isDown(dependency)) {
                    return StepResult::fail(
                        QStringLiteral("cannot start %1: it depends on %2, which is down").arg(componentId, dependency));
                }
            }
            log(run, QStringLiteral("starting %1").arg(describe(componentId)));
            starting = true;
            return StepResult::again(model.startSeconds);
        }
        model.stoppedBy.clear();
        for (ActiveFault &fault : m_faults) {
            if (fault.record.kind == FaultKind::ProcessKill && fault.components.contains(componentId))
                fault.restarted.insert(componentId);
        }
        log(run, QStringLiteral("%1 is up").arg(componentId));
        return StepResult::next();
    };
}

bool SimulatedSite::refuseEmptyGroup(Run &run, const QString &group, const QStringList &components)
{
    if (!components.isEmpty())
        return false;
    run.steps.append([group] {
        return StepResult::fail(
            QStringLiteral("product group %1 has no application components at this site").arg(group));
    });
    return true;
}

void SimulatedSite::planAppStop(Run &run, const QString &group)
{
    QStringList components = applicationComponents(group);
    std::reverse(components.begin(), components.end());
    run.stateLeft = [this, components] { return applicationState(components); };
    if (refuseEmptyGroup(run, group, components))
        return;
    const quint64 id = run.id;
    run.steps.append([this, id, group, components] {
        log(id, QStringLiteral("stopping %1 components of %2 in reverse dependency order: %3")
                    .arg(QString::number(components.size()), group, components.join(QStringLiteral(", "))));
        return StepResult::next();
    });
    for (const QString &component : std::as_const(components))
        run.steps.append(stopStep(id, component, run.operation));
    run.steps.append([group, components] {
        return StepResult::next(0, QStringLiteral("stopped %1 components of %2")
                                       .arg(QString::number(components.size()), group));
    });
}

void SimulatedSite::planAppStart(Run &run, const QString &group)
{
    const QStringList components = applicationComponents(group);
    run.stateLeft = [this, components] { return applicationState(components); };
    if (refuseEmptyGroup(run, group, components))
        return;
    const quint64 id = run.id;
    run.steps.append([this, id, group, components] {
        log(id, QStringLiteral("starting %1 components of %2 in dependency order: %3")
                    .arg(QString::number(components.size()), group, components.join(QStringLiteral(", "))));
        return StepResult::next();
    });
    for (const QString &component : components)
        run.steps.append(startStep(id, component));
    run.steps.append([group, components] {
        return StepResult::next(0, QStringLiteral("started %1 components of %2")
                                       .arg(QString::number(components.size()), group));
    });
}

void SimulatedSite::planAppRestart(Run &run, const QString &group)
{
    const QStringList components = applicationComponents(group);
    run.stateLeft = [this, components] { return applicationState(components); };
    if (refuseEmptyGroup(run, group, components))
        return;
    const quint64 id = run.id;
    run.steps.append([this, id, group, components] {
        log(id, QStringLiteral("restarting %1 components of %2: stopping in reverse dependency order")
                    .arg(QString::number(components.size()), group));
        return StepResult::next();
    });
    for (auto it = components.crbegin(); it != components.crend(); ++it)
        run.steps.append(stopStep(id, *it, run.operation));
    run.steps.append([this, id] {
        log(id, QStringLiteral("all stopped; starting in dependency order"));
        return StepResult::next();
    });
    for (const QString &component : components)
        run.steps.append(startStep(id, component));
    run.steps.append([group, components] {
        return StepResult::next(0, QStringLiteral("restarted %1 components of %2")
                                       .arg(QString::number(components.size()), group));
    });
}

SimulatedSite::Step SimulatedSite::trafficRamp(quint64 run, const QString &group, double target)
{
    return [this, run, group, target, step = 0, from = 0.0]() mutable {
        if (step == 0) {
            from = m_traffic.value(group);
            log(run, QStringLiteral("moving the %1 traffic share at %2 from %3 to %4 over %5 s")
                         .arg(group, m_name, percent(from), percent(target), QString::number(RampSteps)));
        } else {
            m_traffic[group] = from + (target - from) * step / RampSteps;
            log(run, QStringLiteral("%1 traffic share: %2").arg(group, percent(m_traffic.value(group))));
            if (step == RampSteps) {
                return StepResult::next(0, QStringLiteral("%1 traffic share at %2 moved from %3 to %4")
                                               .arg(group, m_name, percent(from), percent(target)));
            }
        }
        ++step;
        return StepResult::again(1.0);
    };
}

void SimulatedSite::planTrafficCut(Run &run, const QString &group)
{
    run.stateLeft = [this, group] {
        return QStringLiteral("the %1 traffic share is left at %2").arg(group, percent(m_traffic.value(group)));
    };
    run.steps.append([this, group] {
        const double share = m_traffic.value(group);
        if (share <= 0)
            return StepResult::succeed(QStringLiteral("%1 traffic at %2 was already cut").arg(group, m_name));
        m_shareBeforeCut.insert(group, share);
        return StepResult::next();
    });
    run.steps.append(trafficRamp(run.id, group, 0));
}

void SimulatedSite::planTrafficRestore(Run &run, const QString &group, std::optional<double> share)
{
    run.stateLeft = [this, group] {
        return QStringLiteral("the %1 traffic share is left at %2").arg(group, percent(m_traffic.value(group)));
    };
    const double target = share.value_or(m_shareBeforeCut.value(group, m_initialTraffic.value(group)));
    if (target <= 0 && !share) {
        run.steps.append([group] {
            return StepResult::fail(QStringLiteral("no %1 traffic share to restore: this site had none before the cut "
                                                   "nor in its profile; give a share")
                                        .arg(group));
        });
        return;
    }
    run.steps.append([this, group, target] {
        if (std::abs(m_traffic.value(group) - target) < 0.05)
            return StepResult::succeed(QStringLiteral("%1 traffic share is already %2").arg(group, percent(target)));
        return StepResult::next();
    });
    run.steps.append(trafficRamp(run.id, group, target));
}

QList<qsizetype> SimulatedSite::replicatedLinks(std::optional<Layer> layer, const QString &group,
                                                const QString &component) const
{
    // Shared storage (no product group) serves every group, so a group filter keeps it.
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < m_links.size(); ++i) {
        const LinkModel &link = m_links.at(i);
        const Component &c = m_components.value(link.component).identity;
        if ((layer && c.layer != *layer) || (!component.isEmpty() && link.component != component)
            || (!group.isEmpty() && !c.productGroup.isEmpty() && c.productGroup != group)) {
            continue;
        }
        indexes.append(i);
    }
    return indexes;
}

QString SimulatedSite::roleState(Layer layer, const QString &group, const QString &component) const
{
    QStringList parts;
    for (qsizetype i : replicatedLinks(layer, group, component)) {
        const LinkModel &link = m_links.at(i);
        parts.append(QStringLiteral("%1 is %2 on link %3").arg(link.component, toString(link.role), link.id));
    }
    return parts.join(QStringLiteral("; "));
}

void SimulatedSite::planRoleSwitch(Run &run, Layer layer, ReplicationRole to, const QString &group,
                                   const QString &component)
{
    const quint64 id = run.id;
    const bool promote = to == ReplicationRole::Primary;
    const QString word = layerWord(layer);
    const QString scope = !component.isEmpty() ? component
                          : !group.isEmpty()   ? group
                                               : QStringLiteral("any product group");
    run.stateLeft = [this, layer, group, component] { return roleState(layer, group, component); };
    run.steps.append([=, this, phase = 0, switching = QList<qsizetype>()]() mutable {
        if (phase == 0) {
            const QList<qsizetype> links = replicatedLinks(layer, group, component);
            if (links.isEmpty())
                return StepResult::fail(QStringLiteral("no %1 replication links for %2 at this site").arg(word, scope));
            QStringList unchanged;
            for (qsizetype i : links) {
                if (m_links.at(i).role != to)
                    switching.append(i);
                else if (!unchanged.contains(m_links.at(i).component))
                    unchanged.append(m_links.at(i).component);
            }
            if (switching.isEmpty()) {
                return StepResult::fail(QStringLiteral("no %1 %2 for %3 at this site: %4 %5 already %6")
                                            .arg(promote ? QStringLiteral("standby") : QStringLiteral("primary"), word,
                                                 scope, unchanged.join(QStringLiteral(", ")),
                                                 unchanged.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                                                 toString(to)));
            }
            for (qsizetype i : std::as_const(switching)) {
                const LinkModel &link = m_links.at(i);
                const QString reason = downReason(m_components.value(link.component));
                if (!reason.isEmpty()) {
                    return StepResult::fail(QStringLiteral("cannot %1 %2: it is down: %3")
                                                .arg(promote ? QStringLiteral("promote") : QStringLiteral("demote"),
                                                     link.component, reason));
                }
                log(id, QStringLiteral("%1 is %2 of %3/%4 on link %5, lag %6 s")
                            .arg(link.component, toString(link.role), link.peerSite, link.peerComponent, link.id,
                                 number(lagOf(link))));
            }
            phase = 1;
            return StepResult::again(1.5);
        }
        if (phase == 1) {
            double catchUp = 0;
            for (qsizetype i : std::as_const(switching)) {
                const LinkModel &link = m_links.at(i);
                catchUp = std::max(catchUp, lagOf(link));
                if (promote) {
                    log(id, QStringLiteral("%1: stopping replication from %2/%3, applying %4 s of pending changes")
                                .arg(link.component, link.peerSite, link.peerComponent, number(lagOf(link))));
                } else {
                    log(id, QStringLiteral("%1: read-only now, draining writes to %2/%3")
                                .arg(link.component, link.peerSite, link.peerComponent));
                }
            }
            phase = 2;
            return StepResult::again(2 + std::min(catchUp, 10.0));
        }
        QStringList switched;
        for (qsizetype i : std::as_const(switching)) {
            LinkModel &link = m_links[i];
            link.role = to;
            link.backlog += SwitchBacklogSeconds;
            log(id, QStringLiteral("%1 is now %2 on link %3; %4/%5 is resynchronising")
                        .arg(link.component, toString(to), link.id, link.peerSite, link.peerComponent));
            if (!switched.contains(link.component))
                switched.append(link.component);
        }
        return StepResult::next(0, QStringLiteral("%1 %2 %3 to %4")
                                       .arg(promote ? QStringLiteral("promoted") : QStringLiteral("demoted"), word,
                                            switched.join(QStringLiteral(", ")), toString(to)));
    });
}

void SimulatedSite::planHealthCheck(Run &run, const QString &group, std::optional<Layer> layer)
{
    QStringList components;
    for (const QString &id : std::as_const(m_componentIds)) {
        const Component &c = m_components.value(id).identity;
        if ((group.isEmpty() || c.productGroup == group) && (!layer || c.layer == *layer))
            components.append(id);
    }
    QStringList scopeParts;
    if (!group.isEmpty())
        scopeParts.append(QStringLiteral("product group ") + group);
    if (layer)
        scopeParts.append(QStringLiteral("layer ") + toString(*layer));
    const QString scope = scopeParts.isEmpty() ? QStringLiteral("the whole site")
                                               : scopeParts.join(QStringLiteral(", "));
    if (components.isEmpty()) {
        run.steps.append([scope] { return StepResult::fail(QStringLiteral("no components in ") + scope); });
        return;
    }
    const quint64 id = run.id;
    run.steps.append([this, id, scope, components, checking = false]() mutable {
        if (!checking) {
            log(id, QStringLiteral("checking %1 components in %2").arg(QString::number(components.size()), scope));
            checking = true;
            return StepResult::again(1.0);
        }
        QStringList unhealthy;
        int warnings = 0;
        for (const QString &componentId : std::as_const(components)) {
            const Component *c = m_topology.component(componentId);
            if (c->status == ComponentStatus::Ok)
                continue;
            QStringList messages;
            for (const Alert &alert : c->alerts)
                messages.append(alert.message);
            log(id, QStringLiteral("%1 is %2: %3")
                        .arg(componentId, toString(c->status), messages.join(QStringLiteral("; "))));
            if (c->status == ComponentStatus::Critical || c->status == ComponentStatus::Down)
                unhealthy.append(QStringLiteral("%1 (%2)").arg(componentId, toString(c->status)));
            else
                ++warnings;
        }
        if (!unhealthy.isEmpty()) {
            return StepResult::fail(QStringLiteral("%1 of %2 components unhealthy: %3")
                                        .arg(QString::number(unhealthy.size()), QString::number(components.size()),
                                             unhealthy.join(QStringLiteral(", "))));
        }
        return StepResult::succeed(QStringLiteral("all %1 components healthy (%2 with warnings)")
                                       .arg(QString::number(components.size()), QString::number(warnings)));
    });
}

void SimulatedSite::planWaitSeconds(Run &run, double seconds)
{
    const quint64 id = run.id;
    const double started = m_now;
    run.stateLeft = [this, started, seconds] {
        return QStringLiteral("waited %1 of %2 s").arg(number(m_now - started), number(seconds));
    };
    run.steps.append([this, id, seconds, until = -1.0]() mutable {
        if (until < 0) {
            until = m_now + seconds;
            log(id, QStringLiteral("waiting %1 s").arg(number(seconds)));
        }
        const double left = until - m_now;
        if (left <= Epsilon)
            return StepResult::next(0, QStringLiteral("waited %1 s").arg(number(seconds)));
        return StepResult::again(std::min(1.0, left));
    });
}

void SimulatedSite::planWaitReplication(Run &run, const QString &group, double maxLag, double timeout)
{
    const quint64 id = run.id;
    const QString scope = group.isEmpty() ? QStringLiteral("all product groups") : group;
    run.stateLeft = [] { return QStringLiteral("nothing was changed"); };
    run.steps.append([=, this, started = -1.0, polls = 0]() mutable {
        if (started < 0) {
            started = m_now;
            log(id, QStringLiteral("waiting until replication for %1 is within %2 s (timeout %3 s)")
                        .arg(scope, number(maxLag), number(timeout)));
        }
        const QList<qsizetype> links = replicatedLinks(std::nullopt, group, {});
        if (links.isEmpty())
            return StepResult::succeed(
                QStringLiteral("no replication links for %1 at this site; nothing to wait for").arg(scope));
        QStringList behind;
        double largest = 0;
        for (qsizetype i : links) {
            const ReplicationLink link = linkState(m_links.at(i));
            largest = std::max(largest, link.lagSeconds);
            if (link.state == ReplicationState::Broken)
                behind.append(QStringLiteral("%1 (broken)").arg(link.id));
            else if (link.lagSeconds > maxLag)
                behind.append(QStringLiteral("%1 (lag %2 s)").arg(link.id, number(link.lagSeconds)));
        }
        if (behind.isEmpty()) {
            return StepResult::succeed(QStringLiteral("replication for %1 is within %2 s (largest lag %3 s)")
                                           .arg(scope, number(maxLag), number(largest)));
        }
        if (m_now - started >= timeout - Epsilon) {
            return StepResult::fail(QStringLiteral("replication for %1 still behind after %2 s: %3")
                                        .arg(scope, number(timeout), behind.join(QStringLiteral(", "))));
        }
        if (polls++ % 5 == 0)
            log(id, QStringLiteral("still behind: ") + behind.join(QStringLiteral(", ")));
        return StepResult::again(std::min(1.0, started + timeout - m_now));
    });
}

} // namespace Haven
