// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionreport.h"

#include "editing/plans/plandocument.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiontext.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>
#include <functional>
#include <optional>

namespace Haven {

namespace {

// The report is printed on white: the light scheme's colours, each with its symbol and word,
// so that it also reads in grey.
StatusStyle lookOf(StepRunState state)
{
    return StatusColors::style(state, ColorScheme::Light);
}

// A state as a small coloured pill with its symbol, then its word.
QString pill(const StatusStyle &style, const QString &word)
{
    return QStringLiteral("<span style=\"background-color:%1;color:%2\">&nbsp;%3&nbsp;</span> %4")
        .arg(style.fill.name(), style.text.name(), style.symbol, word.toHtmlEscaped());
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString clockText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

// "+1:05" from the run's start: short enough for a timeline column.
QString offsetText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds >= 3600)
        return QStringLiteral("+%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("+%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><th class=\"key\">%1</th><td>%2</td></tr>\n").arg(esc(label), valueHtml);
}

QString siteList(const QStringList &sites)
{
    return sites.isEmpty() ? QStringLiteral("—") : esc(sites.join(QStringLiteral(", ")));
}

// All the steps in the order people expect: by phase, then in plan order.
QList<StepId> orderedSteps(const Execution &execution)
{
    QList<StepId> ids;
    for (PlanPhase phase : phasesOf(execution.plan().metadata.kind))
        ids += execution.stepsOf(phase);
    // A step of a phase the kind does not have (an emergency plan with recovery steps) still shows.
    for (const PlanStep &step : execution.plan().steps) {
        if (!ids.contains(step.id))
            ids.append(step.id);
    }
    return ids;
}

QStringList sitesOf(const StepRun &run)
{
    QStringList sites;
    for (const QList<SiteRun> *list : {&run.history, &run.sites}) {
        for (const SiteRun &site : *list) {
            if (!sites.contains(site.site))
                sites.append(site.site);
        }
    }
    return sites;
}

// When a step stopped taking time: its end, or now while it runs.
qint64 stepEndMs(const StepRun &run, qint64 nowMs)
{
    if (run.finishedMs > 0)
        return run.finishedMs;
    qint64 last = 0;
    for (const QList<SiteRun> *list : {&run.history, &run.sites}) {
        for (const SiteRun &site : *list)
            last = std::max(last, site.finishedMs);
    }
    if (run.state == StepRunState::Running || run.state == StepRunState::Waiting
        || run.state == StepRunState::AwaitingApproval)
        return std::max(last, nowMs);
    return last > 0 ? last : run.firstStartMs;
}

} // namespace

// --- Words ----------------------------------------------------------------------------------

QString ExecutionReport::durationText(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 10'000)
        return tr("%1 s").arg(QString::number(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'));
}

QString ExecutionReport::rtoText(const Execution &execution, qint64 nowMs)
{
    if (execution.startedMs() == 0)
        return tr("Not started: no RTO measured.");
    const qint64 measured = execution.rtoElapsedMs(nowMs);
    const qint64 objectiveMs = qint64(execution.plan().metadata.rtoSeconds) * 1000;
    // The switchover is over when its end is journalled, or when the run ended without one.
    const bool over = execution.switchoverFinishedMs() != 0 || execution.finishedMs() != 0;
    const QString value = over ? tr("Measured RTO: %1").arg(durationText(measured))
                               : tr("RTO so far (the switchover is still running): %1").arg(durationText(measured));
    if (objectiveMs <= 0)
        return tr("%1; the plan sets no RTO objective.").arg(value);
    const QString objective = PlanText::duration(execution.plan().metadata.rtoSeconds);
    if (measured > objectiveMs) {
        return tr("%1, objective %2: exceeded by %3.").arg(value, objective, durationText(measured - objectiveMs));
    }
    if (!over)
        return tr("%1, objective %2: within the objective so far.").arg(value, objective);
    return tr("%1, objective %2: met.").arg(value, objective);
}

// --- The document ---------------------------------------------------------------------------

QString ExecutionReport::html(const Execution &execution, qint64 nowMs)
{
    return document(execution, nowMs, Target::Browser);
}

QString ExecutionReport::document(const Execution &execution, qint64 nowMs, Target target)
{
    const ExecutionTicket &ticket = execution.ticket();
    const PlanData &plan = execution.plan();
    const QString planName = ticket.planName.isEmpty() ? plan.metadata.name : ticket.planName;
    const QString title = tr("Execution report: %1").arg(planName);
    const bool print = target == Target::Print;

    QString out;
    out.reserve(64 * 1024);
    out += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>") + esc(title)
           + QStringLiteral(" (") + esc(execution.id()) + QStringLiteral(")</title>\n<style>\n");
    // QTextDocument (the PDF) reads a subset of CSS: sizes in pt, colours, borders on tables
    // through attributes. The browser gets the same look with a few extras.
    out += QStringLiteral(
        "body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, 'WenQuanYi Micro Hei', sans-serif; font-size: 10pt; "
        "color: #1f1f1f; }\n"
        "h1 { font-size: 18pt; margin-bottom: 2pt; }\n"
        "h2 { font-size: 13pt; margin-top: 16pt; margin-bottom: 4pt; color: #0b3d66; }\n"
        "h3 { font-size: 11pt; margin-top: 12pt; margin-bottom: 3pt; }\n"
        "p.sub { color: #555555; margin-top: 0; }\n"
        "table.grid { border-collapse: collapse; }\n"
        "table.grid th { background-color: #e8edf2; text-align: left; font-weight: bold; }\n"
        "th.key { background-color: #f3f5f7; text-align: left; font-weight: bold; width: 22%; }\n"
        "td.num { text-align: right; }\n"
        "td.group { background-color: #f3f5f7; }\n"
        "table.timeline { font-size: 9pt; }\n"
        "pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; background-color: #f6f7f8; }\n"
        ".muted { color: #666666; }\n"
        ".bad { color: #b34700; font-weight: bold; }\n"
        ".good { color: #007a5a; font-weight: bold; }\n");
    if (!print) {
        out += QStringLiteral(
            "body { max-width: 1100px; margin: 24px auto; padding: 0 16px; }\n"
            "table.grid td, table.grid th { border: 1px solid #c4cbd3; padding: 3px 6px; vertical-align: top; }\n"
            "pre { white-space: pre-wrap; border: 1px solid #dde1e5; padding: 6px; }\n"
            "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
            "@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }\n");
    }
    out += QStringLiteral("</style></head><body>\n");
    // QTextDocument keeps no margin below a table: a thin spacer paragraph stands in for it.
    const QString tableEnd = print ? QStringLiteral("</table>\n<p style=\"font-size:5pt\">&nbsp;</p>\n")
                                   : QStringLiteral("</table>\n");
    const QString gridAttributes = print ? QStringLiteral(" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"")
                                         : QStringLiteral(" cellspacing=\"0\"");

    // --- Title and outcome ------------------------------------------------------------------
    out += QStringLiteral("<h1>") + esc(title) + QStringLiteral("</h1>\n");
    out += QStringLiteral("<p class=\"sub\">")
           + esc(tr("Execution %1 · plan version %2 · report written %3 (times are local, %4)")
                     .arg(execution.id())
                     .arg(ticket.planVersion)
                     .arg(timeText(nowMs), QDateTime::currentDateTime().timeZoneAbbreviation()))
           + QStringLiteral("</p>\n");

    out += QStringLiteral("<h2>") + esc(tr("Outcome")) + QStringLiteral("</h2>\n<table class=\"grid\" width=\"100%\"")
           + gridAttributes + QStringLiteral(">\n");
    QString state = QStringLiteral("<b>")
                    + pill(StatusColors::style(execution.state(), ColorScheme::Light),
                           ExecutionText::state(execution.state()))
                    + QStringLiteral("</b>");
    if (!execution.stateMessage().isEmpty())
        state += QStringLiteral(" — ") + esc(execution.stateMessage());
    out += row(tr("State"), state);
    const qint64 objectiveMs = qint64(plan.metadata.rtoSeconds) * 1000;
    const qint64 measured = execution.rtoElapsedMs(nowMs);
    const char *rtoClass = objectiveMs > 0 && execution.startedMs() != 0 ? (measured > objectiveMs ? "bad" : "good")
                                                                         : "muted";
    out += row(tr("RTO"), QStringLiteral("<span class=\"%1\">").arg(QLatin1StringView(rtoClass))
                              + esc(rtoText(execution, nowMs)) + QStringLiteral("</span>"));
    out += row(tr("RPO objective"), esc(PlanText::duration(plan.metadata.rpoSeconds)));
    out += row(tr("Created"), esc(timeText(execution.createdMs())));
    out += row(tr("Started"), esc(timeText(execution.startedMs())));
    out += row(tr("Switchover finished"), esc(timeText(execution.switchoverFinishedMs())));
    out += row(tr("Finished"), esc(timeText(execution.finishedMs())));
    out += tableEnd;

    // --- Ticket -----------------------------------------------------------------------------
    out += QStringLiteral("<h2>") + esc(tr("Execution ticket"))
           + QStringLiteral("</h2>\n<table class=\"grid\" width=\"100%\"") + gridAttributes + QStringLiteral(">\n");
    out += row(tr("Plan"),
               esc(tr("%1 (%2, version %3)").arg(planName, PlanText::kind(plan.metadata.kind)).arg(ticket.planVersion)));
    out += row(tr("Failed sites"), siteList(ticket.failedSites));
    out += row(tr("Emergency sites"), siteList(ticket.emergencySites));
    out += row(tr("Product groups"), ticket.productGroups.isEmpty() ? esc(tr("All product groups of the plan"))
                                                                    : siteList(ticket.productGroups));
    out += row(tr("Description"), ticket.description.isEmpty()
                                      ? QStringLiteral("—")
                                      : esc(ticket.description).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    out += row(tr("Created by"), ticket.createdBy.isEmpty() ? QStringLiteral("—") : esc(ticket.createdBy));
    out += row(tr("Second approver"), ticket.secondApprover.isEmpty() ? esc(tr("none")) : esc(ticket.secondApprover));
    out += tableEnd;

    // --- Timeline ---------------------------------------------------------------------------
    const QList<StepId> steps = orderedSteps(execution);
    qint64 origin = execution.startedMs();
    qint64 end = execution.finishedMs();
    for (StepId id : steps) {
        const StepRun *run = execution.stepRun(id);
        if (!run || run->firstStartMs == 0)
            continue;
        origin = origin == 0 ? run->firstStartMs : std::min(origin, run->firstStartMs);
        end = std::max(end, stepEndMs(*run, nowMs));
    }
    if (end == 0 || !isFinal(execution.state()))
        end = std::max(end, nowMs);
    const double span = double(std::max<qint64>(1, end - origin));

    out += QStringLiteral("<h2>") + esc(tr("Timeline")) + QStringLiteral("</h2>\n");
    if (origin == 0) {
        out += QStringLiteral("<p class=\"muted\">") + esc(tr("No step has started.")) + QStringLiteral("</p>\n");
    } else {
        out += QStringLiteral("<p class=\"muted\">")
               + esc(tr("From %1 to %2; offsets are from the start of the run.").arg(timeText(origin), timeText(end)))
               + QStringLiteral("</p>\n");
        // Widths that fit portrait A4; the phase heads a group of rows instead of a column.
        out += QStringLiteral("<table class=\"grid timeline\" width=\"100%\"") + gridAttributes
               + QStringLiteral(">\n<tr><th width=\"26%\">") + esc(tr("Step"))
               + QStringLiteral("</th><th width=\"8%\">") + esc(tr("Sites")) + QStringLiteral("</th><th width=\"9%\">")
               + esc(tr("Start")) + QStringLiteral("</th><th width=\"11%\">") + esc(tr("Duration"))
               + QStringLiteral("</th><th width=\"12%\">") + esc(tr("Attempts"))
               + QStringLiteral("</th><th width=\"14%\">") + esc(tr("Outcome"))
               + QStringLiteral("</th><th width=\"20%\">") + esc(tr("Timeline")) + QStringLiteral("</th></tr>\n");
        std::optional<PlanPhase> phase;
        for (StepId id : steps) {
            const StepRun *run = execution.stepRun(id);
            const PlanStep *step = plan.step(id);
            if (!run || !step)
                continue;
            if (phase != step->phase) {
                phase = step->phase;
                out += QStringLiteral("<tr><td colspan=\"7\" class=\"group\"><b>") + esc(PlanText::phase(*phase))
                       + QStringLiteral("</b></td></tr>\n");
            }
            const StatusStyle look = lookOf(run->state);
            const bool started = run->firstStartMs != 0;
            const qint64 stop = started ? stepEndMs(*run, nowMs) : 0;
            QString bar;
            if (started) {
                // Whole percentages; a step that took no visible time still gets a sliver.
                const int left = std::clamp(int((run->firstStartMs - origin) * 100.0 / span), 0, 99);
                const int width = std::clamp(int((stop - run->firstStartMs) * 100.0 / span + 0.5), 1, 100 - left);
                const int right = 100 - left - width;
                bar = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" "
                                     "style=\"border-collapse:collapse\"><tr>");
                if (left > 0)
                    bar += QStringLiteral("<td width=\"%1%\" style=\"border:none;padding:0\"></td>").arg(left);
                bar += QStringLiteral(
                           "<td width=\"%1%\" bgcolor=\"%2\" style=\"background-color:%2;border:none;padding:0;"
                           "font-size:7pt\">&nbsp;</td>")
                           .arg(width)
                           .arg(look.fill.name());
                if (right > 0)
                    bar += QStringLiteral("<td width=\"%1%\" style=\"border:none;padding:0\"></td>").arg(right);
                bar += QStringLiteral("</tr></table>");
            }
            const int attempts = run->attempt;
            out += QStringLiteral("<tr><td>") + esc(QStringLiteral("#%1 %2").arg(id).arg(step->name))
                   + QStringLiteral("</td><td>") + siteList(sitesOf(*run)) + QStringLiteral("</td><td class=\"num\">")
                   + (started ? esc(offsetText(run->firstStartMs - origin)) : QStringLiteral("—"))
                   + QStringLiteral("</td><td class=\"num\">")
                   + (started ? esc(durationText(stop - run->firstStartMs)) : QStringLiteral("—"))
                   + QStringLiteral("</td><td class=\"num\">")
                   + (attempts > 0 ? QString::number(attempts) : QStringLiteral("—")) + QStringLiteral("</td><td>")
                   + pill(look, ExecutionText::stepState(run->state)) + QStringLiteral("</td><td>") + bar
                   + QStringLiteral("</td></tr>\n");
        }
        out += tableEnd;
    }

    // --- Steps ------------------------------------------------------------------------------
    out += QStringLiteral("<h2>") + esc(tr("Steps")) + QStringLiteral("</h2>\n");
    for (StepId id : steps) {
        const StepRun *run = execution.stepRun(id);
        const PlanStep *step = plan.step(id);
        if (!run || !step)
            continue;
        const StatusStyle look = lookOf(run->state);
        out += QStringLiteral("<h3>") + esc(QStringLiteral("#%1 %2").arg(id).arg(step->name))
               + QStringLiteral(" &nbsp; ") + pill(look, ExecutionText::stepState(run->state))
               + QStringLiteral("</h3>\n");
        QStringList facts;
        facts.append(tr("Phase: %1").arg(PlanText::phase(step->phase)));
        facts.append(tr("Operation: %1").arg(step->operation));
        facts.append(tr("Target: %1").arg(PlanText::target(step->target)));
        if (!step->productGroup.isEmpty())
            facts.append(tr("Product group: %1").arg(step->productGroup));
        out += QStringLiteral("<p class=\"muted\">") + esc(facts.join(QStringLiteral(" · ")))
               + QStringLiteral("</p>\n");
        QString details;
        if (run->state == StepRunState::NotSelected)
            details += row(tr("Outcome"), esc(tr("Not run: its product group is not in the ticket.")));
        if (!run->message.isEmpty())
            details += row(tr("Message"), esc(run->message));
        if (!run->skipReason.isEmpty() || run->state == StepRunState::Skipped)
            details += row(tr("Skip reason"), run->skipReason.isEmpty() ? esc(tr("none given")) : esc(run->skipReason));
        if (step->requiresApproval) {
            details += row(tr("Approval"), run->approvedBy.isEmpty() ? esc(tr("not approved"))
                                                                     : esc(tr("approved by %1").arg(run->approvedBy)));
        }
        if (run->firstStartMs != 0) {
            details += row(tr("Ran"), esc(tr("%1 to %2")
                                              .arg(timeText(run->firstStartMs),
                                                   run->finishedMs ? timeText(run->finishedMs) : tr("now"))));
        }
        if (!details.isEmpty()) {
            out += QStringLiteral("<table class=\"grid\" width=\"100%\"") + gridAttributes + QStringLiteral(">\n")
                   + details + tableEnd;
        }
        QList<SiteRun> actions = run->history;
        actions += run->sites;
        if (actions.isEmpty() && run->state != StepRunState::NotSelected)
            out += QStringLiteral("<p class=\"muted\">") + esc(tr("No action was sent for this step."))
                   + QStringLiteral("</p>\n");
        for (const SiteRun &site : std::as_const(actions)) {
            const QString actionState = site.state ? ExecutionText::actionState(*site.state)
                                                   : tr("No answer from the agent");
            QString line = tr("%1, attempt %2: %3").arg(site.site).arg(site.attempt).arg(actionState);
            line += QStringLiteral(" · ")
                    + tr("sent %1, finished %2").arg(clockText(site.dispatchedMs), clockText(site.finishedMs));
            if (!site.actionId.isEmpty())
                line += QStringLiteral(" · ") + tr("action %1").arg(site.actionId);
            out += QStringLiteral("<p><b>") + esc(line) + QStringLiteral("</b>");
            if (!site.message.isEmpty())
                out += QStringLiteral("<br>") + esc(site.message);
            out += QStringLiteral("</p>\n");
            if (!site.log.isEmpty()) {
                QString log = site.log;
                if (log.endsWith(QLatin1Char('\n')))
                    log.chop(1);
                out += QStringLiteral("<pre>") + esc(log) + QStringLiteral("</pre>\n");
            } else {
                out += QStringLiteral("<p class=\"muted\">") + esc(tr("No log.")) + QStringLiteral("</p>\n");
            }
        }
    }

    // --- Who did what -----------------------------------------------------------------------
    out += QStringLiteral("<h2>") + esc(tr("Who did what")) + QStringLiteral("</h2>\n");
    if (execution.operatorActions().isEmpty()) {
        out += QStringLiteral("<p class=\"muted\">") + esc(tr("No operator action was recorded."))
               + QStringLiteral("</p>\n");
    } else {
        out += QStringLiteral("<table class=\"grid\" width=\"100%\"") + gridAttributes + QStringLiteral(">\n<tr><th>")
               + esc(tr("Time")) + QStringLiteral("</th><th>") + esc(tr("User")) + QStringLiteral("</th><th>")
               + esc(tr("Host")) + QStringLiteral("</th><th>") + esc(tr("Action")) + QStringLiteral("</th><th>")
               + esc(tr("Step")) + QStringLiteral("</th><th>") + esc(tr("Reason")) + QStringLiteral("</th></tr>\n");
        for (const OperatorAction &action : execution.operatorActions()) {
            const QString step = action.step == InvalidStepId
                                     ? QStringLiteral("—")
                                     : esc(
                                         QStringLiteral("#%1 %2").arg(action.step).arg(execution.stepName(action.step)));
            out += QStringLiteral("<tr><td>") + esc(timeText(action.timeMs)) + QStringLiteral("</td><td>")
                   + esc(action.user) + QStringLiteral("</td><td>") + esc(action.host) + QStringLiteral("</td><td>")
                   + esc(ExecutionText::operatorAction(action.action)) + QStringLiteral("</td><td>") + step
                   + QStringLiteral("</td><td>") + (action.reason.isEmpty() ? QStringLiteral("—") : esc(action.reason))
                   + QStringLiteral("</td></tr>\n");
        }
        out += tableEnd;
    }
    out += QStringLiteral("<p class=\"muted\">") + esc(tr("Written by Haven from the execution journal."))
           + QStringLiteral("</p>\n</body></html>\n");
    return out;
}

// --- Files ----------------------------------------------------------------------------------

namespace {

// A report goes into an existing folder; saying so beats QSaveFile's "No such file or directory".
bool checkFolder(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (path.isEmpty() || info.fileName().isEmpty()) {
        if (error)
            *error = ExecutionReport::tr("No file name was given for the report. Choose a file to write it to.");
        return false;
    }
    if (!info.absoluteDir().exists()) {
        if (error)
            *error = ExecutionReport::tr("The report was not written: the folder %1 does not exist. "
                                         "Create it or choose another folder, then export again.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (info.isDir()) {
        if (error)
            *error = ExecutionReport::tr("The report was not written: %1 is a folder. Choose a file name inside it.")
                         .arg(QDir::toNativeSeparators(info.absoluteFilePath()));
        return false;
    }
    return true;
}

QString writeProblem(const QString &path, const QString &reason)
{
    return ExecutionReport::tr("The report could not be written to %1 (%2). Nothing was saved there. "
                               "Check that the folder is writable and the disk has room, or choose another place.")
        .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), reason);
}

} // namespace

namespace {

// Writes through a QSaveFile: the target appears only once all of it was written.
bool writeAtomically(const QString &path, QString *error, const std::function<void(QSaveFile &)> &write)
{
    if (!checkFolder(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = writeProblem(path, file.errorString());
        return false;
    }
    write(file);
    if (file.error() != QFileDevice::NoError || file.size() == 0 || !file.commit()) {
        if (error)
            *error = writeProblem(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace

bool ExecutionReport::writeHtml(const Execution &execution, const QString &path, QString *error, qint64 nowMs)
{
    return writeAtomically(path, error, [&](QSaveFile &file) { file.write(html(execution, nowMs).toUtf8()); });
}

bool ExecutionReport::writePdf(const Execution &execution, const QString &path, QString *error, qint64 nowMs)
{
    return writeAtomically(path, error, [&](QSaveFile &file) {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(tr("Execution report: %1")
                            .arg(execution.ticket().planName.isEmpty() ? execution.plan().metadata.name
                                                                       : execution.ticket().planName));
        writer.setCreator(QStringLiteral("Haven"));
        QTextDocument document;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(10);
        document.setDefaultFont(font);
        document.setHtml(ExecutionReport::document(execution, nowMs, Target::Print));
        document.print(&writer); // paginates with 2 cm margins, numbers the pages
    });
}

} // namespace Haven
