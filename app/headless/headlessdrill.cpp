// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessdrill.h"

#include "app/agents/agentclient.h"
#include "app/drills/drillservice.h"
#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "models/drills/drillformat.h"
#include "models/topology/fleettopology.h"

#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace Haven {

HeadlessDrill::HeadlessDrill(ConsoleSession &session, QTextStream &out, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_out(out)
    , m_timer(new QTimer(this))
{ }

void HeadlessDrill::stopAll(int timeoutMs)
{
    // The switch first: this console and every other one on this database refuse new drills.
    DrillService &drills = m_session.drills();
    QString error;
    if (!drills.engageKillSwitch(KillSwitch::Scope::Global, {}, Operator::current(),
                                 tr("haven --headless drill stop-all"), &error))
        m_out << error << Qt::endl;
    else
        m_out << tr("The global kill switch is engaged: no drill starts until it is released.") << Qt::endl;
    connect(&m_session, &ConsoleSession::followed, this, &HeadlessDrill::revertEverywhere, Qt::SingleShotConnection);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &HeadlessDrill::checkEverywhere);
    QTimer::singleShot(timeoutMs, this, [this] {
        QStringList left = m_left.values();
        for (const QString &site : std::as_const(m_unreachable))
            left.append(tr("%1: the agent did not answer").arg(site));
        finish(FaultsLeft, tr("Not confirmed ended: %1").arg(left.join(QStringLiteral("; "))));
    });
}

void HeadlessDrill::revertEverywhere()
{
    // Every fault in effect at the agents is a drill's: only drills inject faults.
    const QList<SiteEndpoint> sites = m_session.environment().sites;
    m_pending = int(sites.size());
    if (m_pending == 0)
        return finish(Done, tr("The environment has no sites."));
    for (const SiteEndpoint &site : sites) {
        AgentClient *client = m_session.client(site.id);
        if (!client) {
            m_unreachable.insert(site.id);
            --m_pending;
            continue;
        }
        const QString siteId = site.id;
        client->fetchFaults(false, [this, siteId](std::optional<QList<FaultRecord>> faults, const AgentError &error) {
            if (!faults) {
                m_out << tr("%1: %2").arg(siteId, error.message(siteId, QString())) << Qt::endl;
                m_unreachable.insert(siteId);
            } else {
                for (const FaultRecord &fault : *faults) {
                    m_left.insert(siteId + QLatin1Char('/') + fault.id,
                                  tr("%1 %2 at %3").arg(toString(fault.kind), fault.target, siteId));
                    m_session.client(siteId)->revertFault(fault.id, tr("haven --headless drill stop-all"),
                                                          [](std::optional<FaultRecord>, const AgentError &) {});
                    m_out << tr("Reverting %1 %2 at %3 (fault %4)")
                                 .arg(toString(fault.kind), fault.target, siteId, fault.id)
                          << Qt::endl;
                }
            }
            if (--m_pending == 0)
                m_timer->start();
        });
    }
    if (m_pending == 0)
        m_timer->start();
}

void HeadlessDrill::checkEverywhere()
{
    if (m_pending > 0)
        return;
    if (m_left.isEmpty()) {
        if (!m_unreachable.isEmpty())
            return; // the timeout reports them
        return finish(Done, tr("Every fault at the agents has ended."));
    }
    QSet<QString> sites;
    for (auto it = m_left.cbegin(); it != m_left.cend(); ++it)
        sites.insert(it.key().section(QLatin1Char('/'), 0, 0));
    m_pending = int(sites.size());
    for (const QString &siteId : std::as_const(sites)) {
        m_session.client(siteId)->fetchFaults(true, [this, siteId](std::optional<QList<FaultRecord>> faults,
                                                                   const AgentError &) {
            for (const FaultRecord &fault : faults.value_or(QList<FaultRecord>())) {
                const QString key = siteId + QLatin1Char('/') + fault.id;
                if (m_left.contains(key) && !isInEffect(fault.state)) {
                    m_out << tr("%1: %2").arg(m_left.value(key), toString(fault.state)) << Qt::endl;
                    m_left.remove(key);
                }
            }
            --m_pending;
        });
    }
}

void HeadlessDrill::run(const QString &file, const QString &confirmation, int readyTimeoutMs)
{
    m_file = file;
    m_confirmation = confirmation;
    connect(
        &m_session, &ConsoleSession::followed, this, [this] { m_timer->start(); }, Qt::SingleShotConnection);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &HeadlessDrill::startRun);
    QTimer::singleShot(readyTimeoutMs, this, [this, readyTimeoutMs] {
        if (m_runId.isEmpty())
            finish(NotStarted, tr("The drill's sites did not all answer within %1 s; nothing was injected.")
                                   .arg(readyTimeoutMs / 1000));
    });
}

void HeadlessDrill::startRun()
{
    if (!m_runId.isEmpty() || m_finished)
        return;
    QFile file(m_file);
    QString error;
    std::optional<Drill> drill = file.open(QIODevice::ReadOnly) ? DrillFormat::fromBytes(file.readAll(), &error)
                                                                : std::nullopt;
    if (!drill)
        return finish(UsageError, error.isEmpty() ? tr("%1 cannot be read: %2").arg(m_file, file.errorString()) : error);
    // The halt conditions and the blast radius need live data from every site of the drill.
    for (const QString &site : drill->sites()) {
        const SiteState *state = m_session.topology().site(site);
        if (!state || state->reachability != Reachability::Online || m_session.topology().components(site).isEmpty())
            return;
    }
    m_timer->stop();
    m_runId = QStringLiteral("starting");
    m_session.drills().preflightAndStart(*drill, m_confirmation, Operator::current(),
                                         [this](const QString &runId, const QString &problem) {
        if (runId.isEmpty())
            return finish(NotStarted, problem);
        m_runId = runId;
        m_out << tr("Drill run %1 started.").arg(runId) << Qt::endl;
        DrillService &drills = m_session.drills();
        connect(&drills, &DrillService::runChanged, this, [this](const QString &id) {
            const DrillRunRecord *run = m_session.drills().run(id);
            if (id != m_runId || !run)
                return;
            for (; m_printedEvents < run->events.size(); ++m_printedEvents)
                m_out << run->events.at(m_printedEvents).text << Qt::endl;
        });
        connect(&drills, &DrillService::runEnded, this, [this](const QString &id, DrillRunState state) {
            if (id == m_runId)
                finish(state == DrillRunState::Completed ? Done : Halted);
        });
    });
}

void HeadlessDrill::finish(int code, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    if (!message.isEmpty())
        m_out << message << Qt::endl;
    Q_EMIT finished(code);
}

} // namespace Haven
