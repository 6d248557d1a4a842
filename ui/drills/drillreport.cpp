// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillreport.h"

#include <QDateTime>
#include <QFont>
#include <QJsonArray>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <functional>

namespace Haven {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                  : QStringLiteral("—");
}

QString row(const QStringList &cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<%1 style=\"border:1px solid #999;padding:3px 6px;text-align:left\">%2</%1>")
                    .arg(tag, cell);
    return html + QStringLiteral("</tr>");
}

bool writeAtomically(const QString &path, QString *error, const std::function<void(QSaveFile &)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = DrillReport::tr("The report could not be written to %1: %2. Choose another folder.")
                     .arg(path, file.errorString());
        return false;
    }
    write(file);
    if (!file.commit()) {
        *error = DrillReport::tr("The report could not be written to %1: %2. Choose another folder.")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString DrillReport::verdictText(std::optional<bool> met)
{
    return !met ? tr("no objective or measure") : *met ? tr("met") : tr("missed");
}

QString DrillReport::stateText(DrillRunState state)
{
    switch (state) {
    case DrillRunState::Running:
        return tr("Running");
    case DrillRunState::Halting:
        return tr("Halting: reverting every fault");
    case DrillRunState::Halted:
        return tr("Halted");
    case DrillRunState::Stopped:
        return tr("Stopped");
    case DrillRunState::Completed:
        return tr("Completed");
    case DrillRunState::Interrupted:
        return tr("Interrupted");
    case DrillRunState::Failed:
        return tr("Failed");
    }
    return {};
}

QString DrillReport::html(const DrillRunRecord &run)
{
    const Drill &drill = run.drill;
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                  "<body style=\"font-family:sans-serif\">")
                       .arg(escaped(tr("Drill report: %1").arg(drill.name)));
    html += QStringLiteral("<h1>%1</h1>").arg(escaped(tr("Drill report: %1").arg(drill.name)));
    html += QStringLiteral("<p>%1</p>").arg(escaped(drill.description));
    html += QStringLiteral("<table style=\"border-collapse:collapse\">");
    html += row({tr("State"), escaped(stateText(run.state))});
    html += row({tr("Why it ended"), escaped(run.reason)});
    html += row({tr("Started by"), escaped(run.startedBy)});
    html += row({tr("Started"), timeText(run.startedMs)});
    html += row({tr("First fault landed"), timeText(run.firstFaultMs)});
    html += row({tr("Ended"), timeText(run.endedMs)});
    if (run.haltTrippedMs > 0)
        html += row({tr("Halt to every revert accepted"),
                     run.revertedMs > 0 ? tr("%1 ms").arg(run.revertedMs - run.haltTrippedMs) : tr("not confirmed")});
    html += row({tr("Rehearsed execution"), escaped(run.executionId.isEmpty() ? tr("none") : run.executionId)});
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2><table style=\"border-collapse:collapse\">").arg(tr("Measured RTO and RPO"));
    html += row({tr("Measure"), tr("Value"), tr("Objective"), tr("Verdict")}, true);
    for (const GroupRto &group : run.rto)
        html += row(
            {tr("RTO of %1").arg(escaped(group.group)),
             group.measuredMs >= 0 ? tr("%1 s").arg(group.measuredMs / 1000.0, 0, 'f', 1) : tr("not served again"),
             drill.objectives.rtoSeconds > 0 ? tr("%1 s").arg(drill.objectives.rtoSeconds) : tr("none"),
             escaped(verdictText(run.rtoMet()))});
    for (const LinkRpo &link : run.rpo)
        html += row({tr("RPO of %1 (%2 → %3)").arg(escaped(link.linkId), link.fromSite, link.toSite),
                     tr("%1 s").arg(link.seconds, 0, 'f', 1),
                     drill.objectives.rpoSeconds > 0 ? tr("%1 s").arg(drill.objectives.rpoSeconds) : tr("none"),
                     escaped(verdictText(run.rpoMet()))});
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Expectations"));
    for (const Expectation &expectation : run.expectations)
        html += QStringLiteral("<li>%1: <b>%2</b></li>")
                    .arg(escaped(expectation.text), expectation.held ? tr("held") : tr("did not hold"));
    html += QStringLiteral("</ul>");

    html += QStringLiteral("<h2>%1</h2><table style=\"border-collapse:collapse\">").arg(tr("Faults"));
    html += row({tr("Fault"), tr("Site"), tr("Target"), tr("State"), tr("Revert confirmed"), tr("Agent says")}, true);
    for (const InjectedFault &fault : run.faults)
        html += row({toString(fault.fault.kind), fault.fault.site, escaped(fault.fault.target),
                     fault.state ? toString(*fault.state) : tr("not injected"),
                     fault.revertConfirmed ? tr("yes") : tr("no"), escaped(fault.message)});
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Preflight"));
    for (const QJsonValue &passed : run.preflight.value(QStringLiteral("passed")).toArray())
        html += QStringLiteral("<li>%1</li>").arg(escaped(passed.toString()));
    for (const QJsonValue &warning : run.preflight.value(QStringLiteral("warnings")).toArray())
        html += QStringLiteral("<li>%1</li>").arg(escaped(tr("Warning: %1").arg(warning.toString())));
    html += QStringLiteral("</ul>");

    html += QStringLiteral("<h2>%1</h2><table style=\"border-collapse:collapse\">").arg(tr("Timeline"));
    html += row({tr("Time"), tr("Event"), tr("What happened"), tr("Who")}, true);
    for (const DrillEvent &event : run.events)
        html += row({timeText(event.timeMs), event.kind, escaped(event.text), escaped(event.user)});
    html += QStringLiteral("</table></body></html>");
    return html;
}

bool DrillReport::writeHtml(const DrillRunRecord &run, const QString &path, QString *error)
{
    return writeAtomically(path, error, [&](QSaveFile &file) { file.write(html(run).toUtf8()); });
}

bool DrillReport::writePdf(const DrillRunRecord &run, const QString &path, QString *error)
{
    return writeAtomically(path, error, [&](QSaveFile &file) {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(tr("Drill report: %1").arg(run.drill.name));
        writer.setCreator(QStringLiteral("Haven"));
        QTextDocument document;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(9);
        document.setDefaultFont(font);
        document.setHtml(html(run));
        document.print(&writer);
    });
}

} // namespace Haven
