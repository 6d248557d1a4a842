// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/inspections/inspectionreport.h"

namespace Haven {

// Writes an inspection report (巡检报告) as HTML or PDF, whole or not at all (QSaveFile).
class InspectionReportExport final
{
    Q_DECLARE_TR_FUNCTIONS(InspectionReportExport)

public:
    static bool writeHtml(const InspectionReport &report, const QString &path, QString *error);
    static bool writePdf(const InspectionReport &report, const QString &path, QString *error);
};

} // namespace Haven
