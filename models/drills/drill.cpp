// SPDX-License-Identifier: GPL-3.0-or-later
#include "drill.h"

#include "core/enumnames.h"

#include <algorithm>

namespace Haven {

namespace {

constexpr EnumNames<TargetScope, 5> ScopeNames{{{TargetScope::Site, QLatin1StringView("site")},
                                                {TargetScope::ProductGroup, QLatin1StringView("productGroup")},
                                                {TargetScope::Layer, QLatin1StringView("layer")},
                                                {TargetScope::Component, QLatin1StringView("component")},
                                                {TargetScope::Host, QLatin1StringView("host")}}};

constexpr EnumNames<Sequencing, 2> SequencingNames{
    {{Sequencing::Parallel, QLatin1StringView("parallel")}, {Sequencing::Sequence, QLatin1StringView("sequence")}}};

constexpr EnumNames<HaltKind, 7> HaltNames{{{HaltKind::ComponentStatus, QLatin1StringView("componentStatus")},
                                            {HaltKind::LayerStatus, QLatin1StringView("layerStatus")},
                                            {HaltKind::TrafficShare, QLatin1StringView("trafficShare")},
                                            {HaltKind::Qps, QLatin1StringView("qps")},
                                            {HaltKind::ReplicationLag, QLatin1StringView("replicationLag")},
                                            {HaltKind::Signal, QLatin1StringView("signal")},
                                            {HaltKind::Elapsed, QLatin1StringView("elapsed")}}};

void addOnce(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

} // namespace

QString toString(TargetScope scope)
{
    return nameOf(ScopeNames, scope);
}

std::optional<TargetScope> targetScopeFromString(QStringView text)
{
    return valueOf(ScopeNames, text);
}

QString allowedTargetScopes()
{
    return allowedNames(ScopeNames);
}

QString toString(Sequencing sequencing)
{
    return nameOf(SequencingNames, sequencing);
}

std::optional<Sequencing> sequencingFromString(QStringView text)
{
    return valueOf(SequencingNames, text);
}

QString toString(HaltKind kind)
{
    return nameOf(HaltNames, kind);
}

std::optional<HaltKind> haltKindFromString(QStringView text)
{
    return valueOf(HaltNames, text);
}

QString allowedHaltKinds()
{
    return allowedNames(HaltNames);
}

QStringList Drill::sites() const
{
    QStringList list;
    for (const FaultAction &action : actions)
        addOnce(list, action.target.site);
    for (const QString &site : plan.failedSites)
        addOnce(list, site);
    for (const QString &site : plan.emergencySites)
        addOnce(list, site);
    return list;
}

QStringList Drill::productGroups() const
{
    QStringList groups;
    for (const QString &group : plan.productGroups)
        addOnce(groups, group);
    if (!groups.isEmpty())
        return groups;
    for (const FaultAction &action : actions) {
        if (action.target.scope == TargetScope::ProductGroup)
            addOnce(groups, action.target.value);
    }
    return groups;
}

int Drill::startSecondOf(int index) const
{
    if (index < 0 || index >= actions.size())
        return 0;
    if (sequencing == Sequencing::Parallel)
        return actions.at(index).startOffsetSeconds;
    int start = 0;
    for (int i = 0; i < index; ++i)
        start += actions.at(i).startOffsetSeconds + actions.at(i).durationSeconds;
    return start + actions.at(index).startOffsetSeconds;
}

int Drill::plannedSeconds() const
{
    int end = 0;
    for (int i = 0; i < actions.size(); ++i)
        end = std::max(end, startSecondOf(i) + actions.at(i).durationSeconds);
    return end;
}

} // namespace Haven
