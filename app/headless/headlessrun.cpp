// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessrun.h"

#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "models/plans/planformat.h"
#include "models/topology/fleettopology.h"

#include <QDateTime>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace Haven {

HeadlessRun::HeadlessRun(ConsoleSession &session, QTextStream &out, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_out(out)
    , m_readyTimer(new QTimer(this))
{
    m_readyTimer->setInterval(200);
    connect(m_readyTimer, &QTimer::timeout, this, &HeadlessRun::startNew);
    ExecutionEngine &engine = session.executions();
    connect(&engine, &ExecutionEngine::stepChanged, this, &HeadlessRun::stepChanged);
    connect(&engine, &ExecutionEngine::executionSettled, this, &HeadlessRun::settled);
    connect(&engine, &ExecutionEngine::journalFailed, this,
            [this](const QString &, const QString &message) { finish(NotDone, message); });
}

void HeadlessRun::run(const Options &options)
{
    m_options = options;
    connect(&m_session, &ConsoleSession::followed, this, &HeadlessRun::sessionReady, Qt::SingleShotConnection);
}

void HeadlessRun::sessionReady()
{
    ExecutionEngine &engine = m_session.executions();
    for (const QString &id : engine.executionIds()) {
        const Execution *execution = engine.execution(id);
        if (execution->state() == ExecutionState::Ready) {
            // Created but never started (a ticket left open, or a kill between the two): it is
            // not run without the confirmation that starts it.
            m_out << tr("Execution %1 of \"%2\" was created but never started; start or cancel it in the console.")
                         .arg(id, execution->ticket().planName)
                  << Qt::endl;
            continue;
        }
        m_out << tr("Resuming execution %1 of \"%2\" (%3).")
                     .arg(id, execution->ticket().planName, toString(execution->state()))
              << Qt::endl;
        follow(id);
    }
    if (m_options.resumeOnly) {
        if (m_following.isEmpty())
            finish(Done, tr("Nothing to resume."));
        return;
    }
    if (!m_following.isEmpty()) {
        finish(NotStarted, tr("An execution is still unfinished; resume it first (haven --headless resume)."));
        return;
    }
    m_readyTimer->start();
    QTimer::singleShot(m_options.readyTimeoutMs, this, [this] {
        if (!m_started)
            finish(NotStarted, tr("The ticket's sites did not all answer within %1 s; nothing was started.")
                                   .arg(m_options.readyTimeoutMs / 1000));
    });
}

void HeadlessRun::startNew()
{
    if (m_started || m_finished)
        return;
    // Guards and the dry run need the sites' live state: wait until each one answered.
    const FleetTopology &topology = m_session.topology();
    for (const QString &site : m_options.failedSites + m_options.emergencySites) {
        const SiteState *state = topology.site(site);
        if (!state) {
            finish(UsageError, tr("Site %1 is not in the environment.").arg(site));
            return;
        }
        if (state->reachability != Reachability::Online || state->operations.isEmpty())
            return; // asked again by the timer
    }
    m_readyTimer->stop();
    m_started = true;

    QFile file(m_options.planFile);
    if (!file.open(QIODevice::ReadOnly)) {
        finish(UsageError, tr("Cannot read the plan %1: %2").arg(m_options.planFile, file.errorString()));
        return;
    }
    const PlanFormat::ImportResult imported = PlanFormat::fromBytes(file.readAll(), topology.catalog());
    if (!imported.ok()) {
        finish(UsageError, imported.error);
        return;
    }
    // A plan file is a draft until it is checked: it runs only if it could become effective.
    Plan checked(*imported.plan);
    QString invalid;
    if (!checked.setState(PlanState::Effective, topology.catalog(), &invalid)) {
        finish(NotStarted, tr("The plan %1 cannot run: %2").arg(m_options.planFile, invalid));
        return;
    }
    const PlanData &plan = checked.data();
    if (m_options.confirm != plan.metadata.name) {
        finish(UsageError,
               tr("Confirm the run with --confirm and the plan's exact name (\"%1\").").arg(plan.metadata.name));
        return;
    }
    ExecutionTicket ticket;
    ticket.planId = plan.metadata.id;
    ticket.planName = plan.metadata.name;
    ticket.failedSites = m_options.failedSites;
    ticket.emergencySites = m_options.emergencySites;
    ticket.productGroups = m_options.productGroups;
    ticket.description = m_options.description;
    ticket.createdBy = Operator::current().display();

    const DryRun dryRun = DryRun::run(plan, ticket, topology);
    for (const ResolvedStep &step : dryRun.steps) {
        for (const QString &warning : step.warnings)
            m_out << tr("warning: step %1 \"%2\": %3").arg(step.id).arg(step.name, warning) << Qt::endl;
    }
    ExecutionEngine &engine = m_session.executions();
    QString error;
    const QString id = engine.create(plan, ticket, &error);
    if (id.isEmpty() || !engine.start(id, Operator::current(), &error)) {
        finish(NotStarted, error);
        return;
    }
    m_out << tr("Started execution %1 of \"%2\".").arg(id, plan.metadata.name) << Qt::endl;
    follow(id);
}

void HeadlessRun::follow(const QString &id)
{
    if (m_following.contains(id))
        return;
    m_following.append(id);
    const Execution *execution = m_session.executions().execution(id);
    for (const StepRun &run : execution->steps())
        stepChanged(id, run.id);
    if (isFinal(execution->state()) || execution->state() == ExecutionState::AwaitingRecovery
        || execution->state() == ExecutionState::Failed || execution->state() == ExecutionState::Paused)
        QTimer::singleShot(0, this, [this, id, state = execution->state()] { settled(id, state); });
}

void HeadlessRun::stepChanged(const QString &id, StepId step)
{
    if (!m_following.contains(id))
        return;
    ExecutionEngine &engine = m_session.executions();
    const Execution *execution = engine.execution(id);
    const StepRun *run = execution->stepRun(step);
    const QString printedKey = id + QLatin1Char('/') + QString::number(step);
    if (m_printed.value(printedKey, StepRunState::Pending) == run->state)
        return;
    m_printed.insert(printedKey, run->state);
    QStringList sites;
    for (const SiteRun &site : run->sites)
        sites.append(site.site);
    m_out << QStringLiteral("%1 step %2 \"%3\": %4%5%6")
                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")))
                 .arg(step)
                 .arg(execution->stepName(step), toString(run->state),
                      run->attempt > 1 ? tr(" (attempt %1)").arg(run->attempt) : QString(),
                      run->message.isEmpty() ? QString() : QStringLiteral(" — ") + run->message)
          << Qt::endl;
    if (run->state == StepRunState::AwaitingApproval && m_options.approve)
        engine.approve(id, step, Operator::current(), tr("approved with --approve on the command line"));
}

void HeadlessRun::settled(const QString &id, ExecutionState state)
{
    if (!m_following.contains(id) || m_finished)
        return;
    ExecutionEngine &engine = m_session.executions();
    const Execution *execution = engine.execution(id);
    if (!m_announced.contains(id)) {
        m_announced.insert(id);
        m_out << tr("Execution %1: %2. %3").arg(id, toString(state), execution->stateMessage()) << Qt::endl;
    }
    if (state == ExecutionState::AwaitingRecovery && m_options.recovery) {
        m_announced.remove(id); // the recovery phase settles again
        QString error;
        if (!engine.startRecovery(id, Operator::current(), tr("--recovery on the command line"), &error))
            finish(NotDone, error);
        return;
    }
    if (isFinal(state) && engine.hasUnfinishedActions(id)) {
        // A cancel or stop: exit only once the agents confirmed it (or its grace ran out).
        QTimer::singleShot(200, this, [this, id, state] { settled(id, state); });
        return;
    }
    const bool done = state == ExecutionState::Succeeded || state == ExecutionState::AwaitingRecovery;
    m_following.removeAll(id);
    if (!done) {
        finish(NotDone);
        return;
    }
    if (m_following.isEmpty())
        finish(Done);
}

void HeadlessRun::finish(int code, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!message.isEmpty())
        m_out << message << Qt::endl;
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

} // namespace Haven
