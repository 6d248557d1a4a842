// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrepository.h"

#include <QCoreApplication>

namespace Haven {

// The inspection center's words for people, in one place.
class InspectionText final
{
    Q_DECLARE_TR_FUNCTIONS(InspectionText)

public:
    static QString status(InspectionStatus status);
    static QString hardState(InspectionHardState state);
    static QString severity(InspectionSeverity severity);
    static QString kind(InspectionKind kind);
    static QString targetKind(InspectionTargetKind kind);
    static QString target(const InspectionTarget &target);
    static QString trigger(InspectionTrigger trigger);
    static QString riskState(InspectionRiskState state);
    static QString schedule(const InspectionSchedule &schedule);
    static QString passRate(double share); // "97.5 %"
};

} // namespace Haven
