// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A console session following the three demo agents (which allow site_dark), and small drills
// on their components, for the drill tests and bench/drills.

#include "app/drills/drillrunner.h"
#include "app/drills/drillservice.h"
#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "executiontest.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "waituntil.h"

namespace Haven::Test {

inline const QString SelfIsolationIni = QStringLiteral("\n[faults]\nallow_self_isolation = true\n");

inline Operator drillOperator()
{
    return {QStringLiteral("coordinator"), QStringLiteral("war-room-1")};
}

inline FaultAction cpuAction(const QString &id, const QString &site, const QString &component, int seconds = 120)
{
    return {id, FaultKind::Cpu, {TargetScope::Component, site, component}, {{QStringLiteral("percent"), 90}},
            0,  seconds};
}

// One CPU fault on a payments gateway at each given site.
inline Drill cpuDrill(const QString &name, const QStringList &sites, int seconds = 120)
{
    Drill drill;
    drill.name = name;
    for (const QString &site : sites)
        drill.actions.append(
            cpuAction(QStringLiteral("cpu-") + site, site, site + QStringLiteral("-pay-gw-01"), seconds));
    drill.haltConditions.append({HaltKind::Elapsed, {}, {}, 600});
    return drill;
}

class DrillSession
{
public:
    explicit DrillSession(const QTemporaryDir &dir, const QString &subdirectory = {})
        : session(sessionOptions(dir, subdirectory))
    { }

    bool follow(DemoSites &sites) { return followUntilOnline(session, sites.environment(), sites.tokens()); }

    DrillService &drills() { return session.drills(); }

    // Preflight and start; the run id, or empty with *error.
    QString start(const Drill &drill, QString *error, int timeoutMs = 10'000)
    {
        QString runId;
        bool done = false;
        drills().preflightAndStart(drill, drill.name, drillOperator(), [&](const QString &id, const QString &problem) {
            runId = id;
            *error = problem;
            done = true;
        });
        waitUntil([&] { return done; }, timeoutMs);
        return runId;
    }

    const DrillRunRecord &run(const QString &id) { return *drills().run(id); }

    bool waitForState(const QString &id, DrillRunState state, int timeoutMs = 30'000)
    {
        return waitUntil([&] { return run(id).state == state; }, timeoutMs);
    }

    // Every fault of the run answered by its agent and in effect.
    bool waitForFaults(const QString &id, int timeoutMs = 15'000)
    {
        return waitUntil(
            [&] {
            for (const InjectedFault &fault : run(id).faults) {
                if (fault.faultId.isEmpty() || fault.state != FaultState::Active)
                    return false;
            }
            return !run(id).faults.isEmpty();
            },
            timeoutMs);
    }

    ConsoleSession session;
};

// What the agent says about a fault now.
inline QJsonObject agentFault(AgentProcess &agent, const QString &faultId)
{
    HttpClient client(agent.url(), agent.token());
    return client.get(QStringLiteral("/v1/faults/") + faultId).json().value(QStringLiteral("fault")).toObject();
}

inline int faultsInEffect(AgentProcess &agent)
{
    HttpClient client(agent.url(), agent.token());
    return int(client.get(QStringLiteral("/v1/faults")).json().value(QStringLiteral("faults")).toArray().size());
}

} // namespace Haven::Test
