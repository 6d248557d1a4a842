// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a drill would hit, resolved against the live picture: one agent fault per resolved target,
// the components affected and the share of each product group's traffic at risk.

#include "drill.h"

#include <QMap>
#include <QSet>

namespace Haven {

class FleetTopology;

// One fault as it is sent to one site's agent.
struct ResolvedFault
{
    QString actionId;
    FaultKind kind = FaultKind::Cpu;
    QString site;
    QString target; // component id, host, or empty for the whole site
    QJsonObject parameters;
    int durationSeconds = 0;
    int startSecond = 0; // after the drill starts

    // "<drill run>/<action>/<site>/<target>": the same fault is never injected twice.
    QString key(const QString &runId) const;
};

struct BlastRadius
{
    static constexpr int MaxFaults = 64; // a target that matches more is refused, not half injected

    QList<ResolvedFault> faults;
    QStringList problems;                // targets that do not resolve
    QSet<QString> components;            // "site/componentId"
    QSet<QString> darkSites;             // sites that go dark
    QMap<QString, double> trafficAtRisk; // product group -> percent points of its traffic served where it is hit

    static BlastRadius resolve(const Drill &drill, const FleetTopology &topology);
    static QString componentKey(const QString &site, const QString &componentId)
    {
        return site + QLatin1Char('/') + componentId;
    }
    bool affects(const QString &site, const QString &componentId) const
    {
        return darkSites.contains(site) || components.contains(componentKey(site, componentId));
    }
};

// Whether a target names this component of this site.
bool targetMatches(const DrillTarget &target, const QString &site, const Component &component);

} // namespace Haven
