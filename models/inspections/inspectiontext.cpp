// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectiontext.h"

namespace Haven {

QString InspectionText::status(InspectionStatus status)
{
    switch (status) {
    case InspectionStatus::Ok:
        return tr("OK");
    case InspectionStatus::Warning:
        return tr("Warning");
    case InspectionStatus::Critical:
        return tr("Critical");
    case InspectionStatus::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString InspectionText::hardState(InspectionHardState state)
{
    switch (state) {
    case InspectionHardState::Ok:
        return tr("OK");
    case InspectionHardState::SoftProblem:
        return tr("Soft problem");
    case InspectionHardState::HardProblem:
        return tr("Hard problem");
    }
    return {};
}

QString InspectionText::severity(InspectionSeverity severity)
{
    return severity == InspectionSeverity::Warning ? tr("Warning") : tr("Critical");
}

QString InspectionText::kind(InspectionKind kind)
{
    switch (kind) {
    case InspectionKind::Catalog:
        return tr("Catalog script");
    case InspectionKind::Script:
        return tr("Script");
    case InspectionKind::Http:
        return tr("HTTP probe");
    case InspectionKind::HttpSteps:
        return tr("Multi-step HTTP probe");
    }
    return {};
}

QString InspectionText::targetKind(InspectionTargetKind kind)
{
    switch (kind) {
    case InspectionTargetKind::Site:
        return tr("Site");
    case InspectionTargetKind::ProductGroup:
        return tr("Product group");
    case InspectionTargetKind::Layer:
        return tr("Layer");
    case InspectionTargetKind::Component:
        return tr("Component");
    case InspectionTargetKind::Host:
        return tr("Host");
    }
    return {};
}

QString InspectionText::target(const InspectionTarget &target)
{
    if (target.kind == InspectionTargetKind::Site && target.id.isEmpty())
        return tr("Every site");
    return tr("%1 %2").arg(targetKind(target.kind), target.id);
}

QString InspectionText::trigger(InspectionTrigger trigger)
{
    return trigger == InspectionTrigger::Manual ? tr("Run now") : tr("Schedule");
}

QString InspectionText::riskState(InspectionRiskState state)
{
    return state == InspectionRiskState::Handled ? tr("Handled") : tr("To do");
}

QString InspectionText::schedule(const InspectionSchedule &schedule)
{
    if (schedule.everyMinutes > 0)
        return tr("Every %n minute(s)", nullptr, schedule.everyMinutes);
    return tr("Cron %1").arg(schedule.cron);
}

QString InspectionText::passRate(double share)
{
    return tr("%1 %").arg(share * 100.0, 0, 'f', share >= 1.0 ? 0 : 1);
}

} // namespace Haven
