// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultkinds.h"

#include "agent/site/topologystate.h"

#include <QJsonArray>

namespace Haven {

namespace {

QJsonObject number(const QString &description, double minimum, double maximum)
{
    return {{QStringLiteral("type"), QStringLiteral("number")},
            {QStringLiteral("description"), description},
            {QStringLiteral("minimum"), minimum},
            {QStringLiteral("maximum"), maximum}};
}

QJsonObject schema(const QJsonObject &properties, const QStringList &required = {})
{
    QJsonObject object{{QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        object.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return object;
}

bool isHost(const QString &name, const TopologyState &topology)
{
    const QStringList ids = topology.componentIds();
    for (const QString &id : ids) {
        if (topology.component(id)->host == name)
            return true;
    }
    return false;
}

} // namespace

FaultKindLimits faultKindLimits(FaultKind kind)
{
    const QString component = QStringLiteral("component");
    const QString host = QStringLiteral("host");
    const QString percent = QStringLiteral("percent");
    FaultKindLimits limits;
    limits.kind = kind;
    switch (kind) {
    case FaultKind::Cpu:
        limits.targets = {component, host};
        limits.parameters = schema({{percent, number(QStringLiteral("CPU load to hold, percent"), 1, 100)}}, {percent});
        break;
    case FaultKind::Memory:
        limits.targets = {component, host};
        limits.parameters = schema({{percent, number(QStringLiteral("memory to hold, percent"), 1, 100)}}, {percent});
        break;
    case FaultKind::Network:
        limits.targets = {component, host};
        limits.parameters = schema(
            {{QStringLiteral("latencyMs"), number(QStringLiteral("added latency, milliseconds"), 0, 60000)},
             {QStringLiteral("lossPercent"), number(QStringLiteral("packet loss, percent"), 0, 100)}});
        break;
    case FaultKind::ProcessKill:
        limits.targets = {component};
        limits.parameters = schema({});
        break;
    case FaultKind::HostDown:
        limits.targets = {host};
        limits.parameters = schema({});
        break;
    case FaultKind::SiteDark:
        limits.parameters = schema({});
        break;
    }
    return limits;
}

QString checkFaultParameters(const FaultRecord &fault)
{
    if (const QString problem = validateParameters(faultKindLimits(fault.kind).parameters, fault.parameters);
        !problem.isEmpty())
        return toString(fault.kind) + QStringLiteral(": ") + problem;
    if (fault.kind == FaultKind::Network && fault.parameters.value(QStringLiteral("latencyMs")).toDouble() <= 0
        && fault.parameters.value(QStringLiteral("lossPercent")).toDouble() <= 0)
        return QStringLiteral("network needs latencyMs or lossPercent");
    return {};
}

QString checkFaultTarget(const FaultRecord &fault, const TopologyState &topology)
{
    const QStringList targets = faultKindLimits(fault.kind).targets;
    if (targets.isEmpty())
        return fault.target.isEmpty() ? QString() : QStringLiteral("%1 takes no target").arg(toString(fault.kind));
    const bool componentAllowed = targets.contains(QLatin1StringView("component"));
    const bool hostAllowed = targets.contains(QLatin1StringView("host"));
    const QString expected = componentAllowed && hostAllowed ? QStringLiteral("a component id or a host name")
                             : componentAllowed              ? QStringLiteral("a component id")
                                                             : QStringLiteral("a host name");
    if (fault.target.isEmpty())
        return QStringLiteral("%1 needs a target: %2").arg(toString(fault.kind), expected);
    if (componentAllowed && topology.component(fault.target))
        return {};
    if (hostAllowed && isHost(fault.target, topology))
        return {};
    if (const Component *c = topology.component(fault.target); c && hostAllowed)
        return QStringLiteral("%1 needs a host name; component %2 runs on host %3")
            .arg(toString(fault.kind), fault.target, c->host);
    return QStringLiteral("unknown target \"%1\": expected %2").arg(fault.target, expected);
}

QStringList hostsOfTarget(const QString &target, const TopologyState &topology)
{
    if (isHost(target, topology))
        return {target};
    if (const Component *c = topology.component(target); c && !c->host.isEmpty())
        return {c->host};
    return {};
}

} // namespace Haven
