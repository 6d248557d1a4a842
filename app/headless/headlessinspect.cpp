// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessinspect.h"

#include "app/executions/executionengine.h"
#include "app/inspections/inspectionservice.h"
#include "app/inspections/inspectionsync.h"
#include "app/session/consolesession.h"
#include "models/inspections/inspectiontext.h"
#include "models/topology/fleettopology.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

namespace Haven {

HeadlessInspect::HeadlessInspect(ConsoleSession &session, QTextStream &out, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_out(out)
    , m_service(new InspectionService(
          session.store(), session.topology(), [&session](const QString &siteId) { return session.client(siteId); },
          this))
    , m_readyTimer(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_readyTimer->setInterval(200);
    m_deadline->setSingleShot(true);
    connect(m_readyTimer, &QTimer::timeout, this, [this] {
        const FleetTopology &topology = m_session.topology();
        for (const QString &siteId : topology.siteIds()) {
            const SiteState *site = topology.site(siteId);
            if (site->reachability == Reachability::Unknown
                || (site->reachability == Reachability::Online && topology.components(siteId).isEmpty()))
                return;
        }
        sitesReady();
    });
    connect(m_service, &InspectionService::problem, this, [this](const QString &message) {
        m_out << tr("problem: %1").arg(message) << '\n' << Qt::flush;
    });
}

HeadlessInspect::~HeadlessInspect() = default;

void HeadlessInspect::run(const Options &options)
{
    m_options = options;
    if (options.taskId.isEmpty() == options.ruleId.isEmpty())
        return finish(UsageError, tr("--headless inspect needs either --task ID or --rule ID"));
    if (!options.file.isEmpty()) {
        const InspectionService::Outcome imported = m_service->importFile(options.file, Operator::current());
        if (!imported)
            return finish(UsageError, imported.message);
    }
    connect(&m_session, &ConsoleSession::followed, this, [this] {
        if (m_started)
            return;
        m_readyTimer->start();
        m_deadline->start(m_options.readyTimeoutMs);
    });
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (!m_started)
            return sitesReady(); // go with the sites that answered
        for (const QString &siteId : std::as_const(m_waiting)) {
            m_out << tr("%1: no run arrived in time").arg(m_service->siteName(siteId)) << '\n';
            note(InspectionStatus::Unknown);
        }
        finish(int(m_worst));
    });
}

void HeadlessInspect::sitesReady()
{
    if (m_started)
        return;
    m_started = true;
    m_readyTimer->stop();
    m_deadline->stop();
    if (m_options.taskId.isEmpty())
        runRule();
    else
        runTask();
}

void HeadlessInspect::note(InspectionStatus status)
{
    m_worst = worse(m_worst, status);
}

void HeadlessInspect::runRule()
{
    const std::optional<InspectionRule> rule = m_service->rule(m_options.ruleId);
    if (!rule)
        return finish(UsageError, tr("There is no rule \"%1\".").arg(m_options.ruleId));
    const QStringList sites = m_service->sitesOf(rule->target);
    if (sites.isEmpty())
        return finish(Unknown, tr("No site holds the target of \"%1\" (%2).").arg(rule->name, rule->target.text()));
    auto remaining = std::make_shared<qsizetype>(sites.size());
    for (const QString &siteId : sites) {
        m_service->testRule(*rule, siteId,
                            [this, siteId, remaining](std::optional<InspectionCheckResult> result,
                                                      const QString &problem) {
            const QString site = m_service->siteName(siteId);
            if (!result) {
                m_out << tr("%1: UNKNOWN %2").arg(site, problem) << '\n';
                note(InspectionStatus::Unknown);
            } else {
                m_out << QStringLiteral("%1: %2 %3")
                             .arg(site, InspectionText::status(result->status).toUpper(), result->summary)
                      << '\n';
                note(result->status);
            }
            if (--*remaining == 0)
                finish(int(m_worst));
        });
    }
}

void HeadlessInspect::runTask()
{
    const std::optional<InspectionTaskSpec> task = m_service->task(m_options.taskId);
    if (!task)
        return finish(UsageError, tr("There is no task \"%1\".").arg(m_options.taskId));
    const QStringList sites = m_service->sitesOf(*task);
    if (sites.isEmpty())
        return finish(Unknown, tr("No site holds a target of \"%1\".").arg(task->name));
    // The agents must hold this revision before they are asked to run it.
    auto pending = std::make_shared<QSet<QString>>(sites.cbegin(), sites.cend());
    auto pushed = std::make_shared<QSet<QString>>();
    QHash<QString, quint64> cursors;
    InspectionRepository repository(m_session.store());
    for (const QString &siteId : sites)
        cursors.insert(siteId, repository.cursor(siteId));
    connect(&m_service->sync(), &InspectionSync::pushed, this,
            [this, pending, pushed, cursors](const QString &taskId, const QString &siteId, const QString &problem) {
        if (taskId != m_options.taskId || !pending->remove(siteId))
            return;
        if (problem.isEmpty())
            pushed->insert(siteId);
        else
            note(InspectionStatus::Unknown);
        if (!pending->isEmpty())
            return;
        m_waiting = *pushed;
        if (m_waiting.isEmpty())
            return finish(int(m_worst));
        m_service->sync().runNow(m_options.taskId, QStringList(m_waiting.cbegin(), m_waiting.cend()));
        connect(m_service, &InspectionService::reportsChanged, this, [this, cursors] {
            // Ours: a manual run recorded after the sequence each agent had when we asked.
            for (const InspectionRunSummary &run : m_service->runs(m_options.taskId, {}, {}, 200)) {
                if (!m_waiting.contains(run.siteId) || run.trigger != InspectionTrigger::Manual
                    || run.sequence <= cursors.value(run.siteId))
                    continue;
                m_waiting.remove(run.siteId);
                if (const std::optional<InspectionReport> report = m_service->report(run.siteId, run.runId)) {
                    m_out << report->title() << " — " << InspectionText::passRate(run.passRate()) << '\n';
                    for (const InspectionReportRow &row : report->rows) {
                        m_out << "  " << InspectionText::status(row.result.status).toUpper() << "  " << row.ruleName
                              << "  " << row.result.target << "  " << row.result.summary << '\n';
                    }
                }
                note(run.worst());
            }
            m_out << Qt::flush;
            if (m_waiting.isEmpty())
                finish(int(m_worst));
        });
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, m_service, &InspectionService::collectNow);
        poll->start(1000);
        m_deadline->start(m_options.runTimeoutMs);
    });
    m_service->pushTask(*task);
}

void HeadlessInspect::finish(int code, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!message.isEmpty())
        m_out << message << '\n';
    m_out << Qt::flush;
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

} // namespace Haven
