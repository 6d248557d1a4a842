// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrepository.h"

#include <QCoreApplication>

#include <optional>

namespace Haven {

// One check's line in a report: its result with what the rule says about it.
struct InspectionReportRow
{
    InspectionCheckResult result;
    QString ruleId;
    QString ruleName;
    InspectionSeverity severity = InspectionSeverity::Critical;
    QString governanceHint;
    QString riskScenarioId;
    std::optional<InspectionRiskState> risk; // set when the check is a risk found (a hard problem)
};

// 巡检报告: one task run at one site — start and end, rules, objects covered, executions ok and
// failed, pass rate, the risks found with their governance hint and state, and per-rule results
// with evidence. Built from the stored run, never from live agents, so it reads the same later.
struct InspectionReport
{
    Q_DECLARE_TR_FUNCTIONS(InspectionReport)

public:
    InspectionRunSummary run;
    QString taskName;
    QString siteName;
    QList<InspectionReportRow> rows; // worst first

    static InspectionReport build(const InspectionRunSummary &run, const QList<InspectionCheckResult> &results,
                                  const QHash<QString, InspectionRule> &rules, const QList<InspectionRisk> &risks,
                                  const QString &taskName, const QString &siteName);

    QList<InspectionReportRow> risksFound() const;
    int ruleCount() const;
    QString title() const;
    // A whole HTML document for a browser or QTextDocument (forPrint: no colours that waste ink).
    QString html(bool forPrint = false) const;
    // The chat digest: one message per report, never one per rule (markdown, short).
    QString digest() const;
};

} // namespace Haven
