// SPDX-License-Identifier: GPL-3.0-or-later
#include "blastradius.h"

#include "models/topology/fleettopology.h"

namespace Haven {

QString ResolvedFault::key(const QString &runId) const
{
    return runId + QLatin1Char('/') + actionId + QLatin1Char('/') + site + QLatin1Char('/') + target;
}

bool targetMatches(const DrillTarget &target, const QString &site, const Component &component)
{
    if (target.site != site)
        return false;
    switch (target.scope) {
    case TargetScope::Site:
        return true;
    case TargetScope::ProductGroup:
        return component.productGroup == target.value;
    case TargetScope::Layer:
        return toString(component.layer) == target.value;
    case TargetScope::Component:
        return component.id == target.value;
    case TargetScope::Host:
        return component.host == target.value;
    }
    return false;
}

BlastRadius BlastRadius::resolve(const Drill &drill, const FleetTopology &topology)
{
    BlastRadius radius;
    for (int i = 0; i < drill.actions.size(); ++i) {
        const FaultAction &action = drill.actions.at(i);
        const QString site = action.target.site;
        ResolvedFault
            fault{action.id, action.kind, site, {}, action.parameters, action.durationSeconds, drill.startSecondOf(i)};
        if (!topology.site(site)) {
            radius.problems.append(QStringLiteral("%1: the site \"%2\" is not in the environment").arg(action.id, site));
            continue;
        }
        const QList<Component> components = topology.components(site);
        if (action.kind == FaultKind::SiteDark) {
            radius.darkSites.insert(site);
            radius.faults.append(fault);
            continue;
        }
        // A host fault goes to each distinct host of the matching components; the others to each component.
        QStringList targets;
        for (const Component &component : components) {
            if (!targetMatches(action.target, site, component))
                continue;
            const QString target = action.kind == FaultKind::HostDown || action.target.scope == TargetScope::Host
                                       ? component.host
                                       : component.id;
            if (!target.isEmpty() && !targets.contains(target))
                targets.append(target);
        }
        if (targets.isEmpty()) {
            radius.problems.append(QStringLiteral("%1: %2 \"%3\" matches nothing at %4")
                                       .arg(action.id, toString(action.target.scope), action.target.value, site));
            continue;
        }
        for (const QString &target : std::as_const(targets)) {
            fault.target = target;
            radius.faults.append(fault);
        }
        for (const Component &component : components) {
            const bool hit = targets.contains(component.id) || targets.contains(component.host);
            if (hit)
                radius.components.insert(componentKey(site, component.id));
        }
    }
    if (radius.faults.size() > MaxFaults)
        radius.problems.append(QStringLiteral("the drill resolves to %1 faults; at most %2 are allowed")
                                   .arg(radius.faults.size())
                                   .arg(MaxFaults));

    // Traffic at risk: a dark site's whole share; elsewhere the share of the business components hit.
    for (const QString &siteId : topology.siteIds()) {
        const SiteState *state = topology.site(siteId);
        const QList<Component> components = topology.components(siteId);
        for (auto it = state->traffic.cbegin(); it != state->traffic.cend(); ++it) {
            if (radius.darkSites.contains(siteId)) {
                radius.trafficAtRisk[it.key()] += it.value();
                continue;
            }
            int total = 0;
            int hit = 0;
            for (const Component &component : components) {
                if (component.layer != Layer::Business || component.productGroup != it.key())
                    continue;
                ++total;
                hit += radius.components.contains(componentKey(siteId, component.id)) ? 1 : 0;
            }
            if (hit > 0)
                radius.trafficAtRisk[it.key()] += it.value() * hit / total;
        }
    }
    for (const QString &site : std::as_const(radius.darkSites)) {
        for (const Component &component : topology.components(site))
            radius.components.insert(componentKey(site, component.id));
    }
    return radius;
}

} // namespace Haven
