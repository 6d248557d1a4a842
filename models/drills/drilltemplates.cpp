// SPDX-License-Identifier: GPL-3.0-or-later
#include "drilltemplates.h"

#include <QUuid>

namespace Haven {

namespace {

DrillTarget siteTarget(const QString &site)
{
    return {TargetScope::Site, site, {}};
}

DrillTarget layerTarget(const QString &site, Layer layer)
{
    return {TargetScope::Layer, site, toString(layer)};
}

FaultAction action(const QString &id, FaultKind kind, const DrillTarget &target, int durationSeconds,
                   const QJsonObject &parameters = {})
{
    return {id, kind, target, parameters, 0, durationSeconds};
}

HaltCondition halt(HaltKind kind, const QString &site, const QString &subject, double bound)
{
    return {kind, site, subject, bound};
}

// What every drill keeps: the surviving sites' databases healthy, and a time box.
void addSafetyNet(Drill &drill, const QStringList &survivors, int seconds)
{
    for (const QString &site : survivors) {
        drill.haltConditions.append(halt(HaltKind::LayerStatus, site, toString(Layer::Database), 0));
        drill.expected.mustStayHealthy.append(layerTarget(site, Layer::Database));
    }
    drill.haltConditions.append(halt(HaltKind::Elapsed, {}, {}, seconds));
}

const QList<std::pair<Layer, FaultAction>> &layerFaults()
{
    static const QList<std::pair<Layer, FaultAction>> faults{
        {Layer::Business, action(QStringLiteral("cpu"), FaultKind::Cpu, {}, 300, {{QStringLiteral("percent"), 90}})},
        {Layer::Middleware,
         action(QStringLiteral("latency"), FaultKind::Network, {}, 300, {{QStringLiteral("latencyMs"), 500}})},
        {Layer::Storage,
         action(QStringLiteral("memory"), FaultKind::Memory, {}, 300, {{QStringLiteral("percent"), 90}})},
        {Layer::Database, action(QStringLiteral("loss"), FaultKind::Network, {}, 300,
                                 {{QStringLiteral("latencyMs"), 200}, {QStringLiteral("lossPercent"), 20}})},
        {Layer::Physical, action(QStringLiteral("cpu"), FaultKind::Cpu, {}, 300, {{QStringLiteral("percent"), 95}})}};
    return faults;
}

} // namespace

QList<DrillTemplates::Template> DrillTemplates::all()
{
    QList<Template>
        list{{QStringLiteral("same-city-active-active"), tr("Same-city active-active: a site goes dark"),
              tr("The failed site goes dark; the same-city site takes all traffic.")},
             {QStringLiteral("remote-active-standby"), tr("Remote active-standby: the primary's database is cut off"),
              tr("Heavy packet loss on the failed site's database layer; the remote standby takes over.")},
             {QStringLiteral("two-cities-three-centers"), tr("Two cities three centers: a city is lost"),
              tr("Both centers of the first city go dark; the remote center takes over.")},
             {QStringLiteral("ldc"), tr("Unitized multi-active (LDC): a unit fails"),
              tr("The payments unit's processes are killed at the failed site; its traffic moves to another unit.")}};
    for (const auto &[layer, fault] : layerFaults())
        list.append({QStringLiteral("layer-") + toString(layer), tr("Single fault: %1 layer").arg(toString(layer)),
                     tr("One %1 fault on the failed site's %2 layer.").arg(toString(fault.kind), toString(layer))});
    return list;
}

Drill DrillTemplates::create(const QString &templateId, const Sites &sites)
{
    Drill drill;
    drill.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    drill.architecture = templateId;
    for (const Template &entry : all()) {
        if (entry.id == templateId) {
            drill.name = entry.name;
            drill.description = entry.description;
        }
    }
    drill.objectives = {300, 5};
    if (templateId == QLatin1StringView("same-city-active-active")) {
        drill.actions.append(action(QStringLiteral("dark"), FaultKind::SiteDark, siteTarget(sites.failed), 300));
        drill.plan = {{}, {sites.failed}, {sites.sameCity}, {}};
        drill.expected.mustFail.append(siteTarget(sites.failed));
        addSafetyNet(drill, {sites.sameCity}, 900);
    } else if (templateId == QLatin1StringView("remote-active-standby")) {
        drill.actions.append(action(QStringLiteral("cut-off"), FaultKind::Network,
                                    layerTarget(sites.failed, Layer::Database), 600,
                                    {{QStringLiteral("latencyMs"), 2000}, {QStringLiteral("lossPercent"), 60}}));
        drill.plan = {{}, {sites.failed}, {sites.remote}, {}};
        drill.objectives = {900, 30};
        addSafetyNet(drill, {sites.remote}, 1800);
    } else if (templateId == QLatin1StringView("two-cities-three-centers")) {
        drill.actions.append(action(QStringLiteral("dark-a"), FaultKind::SiteDark, siteTarget(sites.failed), 600));
        drill.actions.append(action(QStringLiteral("dark-b"), FaultKind::SiteDark, siteTarget(sites.sameCity), 600));
        drill.plan = {{}, {sites.failed, sites.sameCity}, {sites.remote}, {}};
        drill.objectives = {1200, 30};
        drill.expected.mustFail = {siteTarget(sites.failed), siteTarget(sites.sameCity)};
        addSafetyNet(drill, {sites.remote}, 1800);
    } else if (templateId == QLatin1StringView("ldc")) {
        drill.actions.append(action(QStringLiteral("kill-unit"), FaultKind::ProcessKill,
                                    {TargetScope::ProductGroup, sites.failed, QStringLiteral("payments")}, 300));
        drill.plan = {{}, {sites.failed}, {sites.sameCity}, {QStringLiteral("payments")}};
        drill.haltConditions.append(halt(HaltKind::TrafficShare, {}, QStringLiteral("accounts"), 50));
        addSafetyNet(drill, {sites.sameCity}, 900);
    } else {
        for (const auto &[layer, fault] : layerFaults()) {
            if (templateId != QStringLiteral("layer-") + toString(layer))
                continue;
            FaultAction single = fault;
            single.target = layerTarget(sites.failed, layer);
            drill.actions.append(single);
            drill.plan = {};
            addSafetyNet(drill, {sites.sameCity}, 600);
        }
    }
    return drill;
}

} // namespace Haven
