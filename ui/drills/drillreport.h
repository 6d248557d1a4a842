// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The drill report: the design, the preflight, the faults and events in order, halt events, the
// measured RTO/RPO against the objectives, which expectations held and who did what. HTML for the
// browser and mail, PDF for the record; built from the stored run alone.

#include "models/drills/drillrunrecord.h"

#include <QCoreApplication>

namespace Haven {

class DrillReport final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::DrillReport)
public:
    static QString html(const DrillRunRecord &run);
    // Written atomically; false and *error (what happened, what to do) when they cannot be.
    static bool writeHtml(const DrillRunRecord &run, const QString &path, QString *error);
    static bool writePdf(const DrillRunRecord &run, const QString &path, QString *error);

    static QString verdictText(std::optional<bool> met);
    static QString stateText(DrillRunState state);
};

} // namespace Haven
