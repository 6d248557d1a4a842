// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionreport.h"

#include "inspectiontext.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Haven {

namespace {

int rank(InspectionStatus status)
{
    switch (status) {
    case InspectionStatus::Critical:
        return 0;
    case InspectionStatus::Warning:
        return 1;
    case InspectionStatus::Unknown:
        return 2;
    case InspectionStatus::Ok:
        return 3;
    }
    return 4;
}

QString colour(InspectionStatus status)
{
    switch (status) {
    case InspectionStatus::Ok:
        return QStringLiteral("#1b7f3b");
    case InspectionStatus::Warning:
        return QStringLiteral("#b36b00");
    case InspectionStatus::Critical:
        return QStringLiteral("#c62828");
    case InspectionStatus::Unknown:
        return QStringLiteral("#5f6368");
    }
    return {};
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

InspectionReport InspectionReport::build(const InspectionRunSummary &run, const QList<InspectionCheckResult> &results,
                                         const QHash<QString, InspectionRule> &rules,
                                         const QList<InspectionRisk> &risks, const QString &taskName,
                                         const QString &siteName)
{
    InspectionReport report;
    report.run = run;
    report.taskName = taskName.isEmpty() ? run.taskId : taskName;
    report.siteName = siteName.isEmpty() ? run.siteId : siteName;
    for (const InspectionCheckResult &result : results) {
        InspectionReportRow row;
        row.result = result;
        // "disk-space.2" is the second target of rule "disk-space".
        const QString base = result.checkId.section(QLatin1Char('.'), 0, 0);
        row.ruleId = rules.contains(result.checkId) ? result.checkId : base;
        const InspectionRule rule = rules.value(row.ruleId);
        row.ruleName = rule.name.isEmpty() ? row.ruleId : rule.name;
        row.severity = rule.id.isEmpty() ? InspectionSeverity::Critical : rule.severity;
        row.governanceHint = rule.governanceHint;
        row.riskScenarioId = rule.riskScenarioId;
        if (result.hardState == InspectionHardState::HardProblem) {
            row.risk = InspectionRiskState::ToDo;
            for (const InspectionRisk &risk : risks) {
                if (risk.taskId == run.taskId && risk.siteId == run.siteId && risk.checkId == result.checkId)
                    row.risk = risk.state;
            }
        }
        report.rows.append(row);
    }
    std::stable_sort(report.rows.begin(), report.rows.end(),
                     [](const InspectionReportRow &a, const InspectionReportRow &b) {
        return rank(a.result.status) < rank(b.result.status);
    });
    return report;
}

QList<InspectionReportRow> InspectionReport::risksFound() const
{
    QList<InspectionReportRow> found;
    for (const InspectionReportRow &row : rows) {
        if (row.risk)
            found.append(row);
    }
    return found;
}

int InspectionReport::ruleCount() const
{
    QSet<QString> ids;
    for (const InspectionReportRow &row : rows)
        ids.insert(row.ruleId);
    return int(ids.size());
}

QString InspectionReport::title() const
{
    return tr("Inspection report: %1 at %2").arg(taskName, siteName);
}

QString InspectionReport::html(bool forPrint) const
{
    QString out;
    out += QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>") + esc(title())
           + QStringLiteral("</title><style>body{font-family:sans-serif;} table{border-collapse:collapse;} "
                            "td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top;} "
                            "pre{white-space:pre-wrap;font-size:small;}</style></head><body>");
    out += QStringLiteral("<h1>") + esc(title()) + QStringLiteral("</h1>");
    out += QStringLiteral("<table>");
    const auto fact = [&out](const QString &name, const QString &value) {
        out += QStringLiteral("<tr><th>") + esc(name) + QStringLiteral("</th><td>") + esc(value)
               + QStringLiteral("</td></tr>");
    };
    fact(tr("Started"), timeText(run.started));
    fact(tr("Finished"), timeText(run.finished));
    fact(tr("Trigger"), InspectionText::trigger(run.trigger));
    fact(tr("Rules"), QString::number(ruleCount()));
    fact(tr("Objects covered"), run.targets.join(QStringLiteral(", ")));
    fact(tr("Executions"), tr("%1 ok, %2 failed").arg(run.ok).arg(run.failed()));
    fact(tr("Pass rate"), InspectionText::passRate(run.passRate()));
    fact(tr("Risks found"), QString::number(risksFound().size()));
    out += QStringLiteral("</table>");

    const QList<InspectionReportRow> risks = risksFound();
    if (!risks.isEmpty()) {
        out += QStringLiteral("<h2>") + esc(tr("Risks found")) + QStringLiteral("</h2><table><tr><th>")
               + esc(tr("Rule")) + QStringLiteral("</th><th>") + esc(tr("Object")) + QStringLiteral("</th><th>")
               + esc(tr("Status")) + QStringLiteral("</th><th>") + esc(tr("Governance hint"))
               + QStringLiteral("</th><th>") + esc(tr("State")) + QStringLiteral("</th></tr>");
        for (const InspectionReportRow &row : risks) {
            out += QStringLiteral("<tr><td>") + esc(row.ruleName) + QStringLiteral("</td><td>") + esc(row.result.target)
                   + QStringLiteral("</td><td>") + esc(InspectionText::status(row.result.status))
                   + QStringLiteral("</td><td>") + esc(row.governanceHint) + QStringLiteral("</td><td>")
                   + esc(InspectionText::riskState(*row.risk)) + QStringLiteral("</td></tr>");
        }
        out += QStringLiteral("</table>");
    }

    out += QStringLiteral("<h2>") + esc(tr("Results")) + QStringLiteral("</h2><table><tr><th>") + esc(tr("Rule"))
           + QStringLiteral("</th><th>") + esc(tr("Object")) + QStringLiteral("</th><th>") + esc(tr("Status"))
           + QStringLiteral("</th><th>") + esc(tr("State")) + QStringLiteral("</th><th>") + esc(tr("Summary"))
           + QStringLiteral("</th><th>") + esc(tr("Evidence")) + QStringLiteral("</th></tr>");
    for (const InspectionReportRow &row : rows) {
        const QString status = esc(InspectionText::status(row.result.status));
        const QString statusCell = forPrint ? QStringLiteral("<b>%1</b>").arg(status)
                                            : QStringLiteral("<b style=\"color:%1\">%2</b>")
                                                  .arg(colour(row.result.status), status);
        QString state = InspectionText::hardState(row.result.hardState);
        if (row.result.flapping)
            state += QStringLiteral(", ") + tr("flapping");
        QString evidence = row.result.output;
        if (!row.result.evidence.isEmpty()) {
            evidence += (evidence.isEmpty() ? QString() : QStringLiteral("\n"))
                        + QString::fromUtf8(QJsonDocument(row.result.evidence).toJson(QJsonDocument::Compact));
        }
        out += QStringLiteral("<tr><td>") + esc(row.ruleName) + QStringLiteral("</td><td>") + esc(row.result.target)
               + QStringLiteral("</td><td>") + statusCell + QStringLiteral("</td><td>") + esc(state)
               + QStringLiteral("</td><td>") + esc(row.result.summary) + QStringLiteral("</td><td><pre>")
               + esc(evidence.left(4000)) + QStringLiteral("</pre></td></tr>");
    }
    out += QStringLiteral("</table></body></html>");
    return out;
}

QString InspectionReport::digest() const
{
    QString text = QStringLiteral("### ") + title() + QStringLiteral("\n\n");
    text += tr("- Pass rate: **%1** (%2 ok, %3 failed of %4)")
                .arg(InspectionText::passRate(run.passRate()))
                .arg(run.ok)
                .arg(run.failed())
                .arg(run.checks)
            + QLatin1Char('\n');
    text += tr("- Finished: %1").arg(timeText(run.finished.isValid() ? run.finished : run.started)) + QLatin1Char('\n');
    const QList<InspectionReportRow> risks = risksFound();
    text += tr("- Risks found: %1").arg(risks.size()) + QLatin1Char('\n');
    constexpr int MaxListed = 10; // a digest stays short; the report has the rest
    for (qsizetype i = 0; i < risks.size() && i < MaxListed; ++i) {
        const InspectionReportRow &row = risks.at(i);
        text += QStringLiteral("  - %1 (%2): %3")
                    .arg(row.ruleName, InspectionText::status(row.result.status), row.result.summary);
        if (!row.governanceHint.isEmpty())
            text += QStringLiteral(" — ") + row.governanceHint;
        text += QLatin1Char('\n');
    }
    if (risks.size() > MaxListed)
        text += tr("  - and %n more", nullptr, int(risks.size() - MaxListed)) + QLatin1Char('\n');
    return text;
}

} // namespace Haven
