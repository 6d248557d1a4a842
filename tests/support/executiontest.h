// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The three demo sites (sha, shb, hzc) as real haven-agent processes, an environment and fleet
// file for them, small plans to run, and reading back what the agents themselves recorded.

#include "agentprocess.h"
#include "httpclient.h"
#include "models/environment/environment.h"
#include "models/plans/plan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

#include <array>
#include <memory>

namespace Haven::Test {

class DemoSites
{
public:
    static inline const QStringList Ids{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")};

    explicit DemoSites(const QTemporaryDir &dir)
        : m_dir(dir.path())
    { }

    // extraIni: appended to every agent's configuration ("[faults]\nallow_self_isolation = true").
    bool start(double speed = 20, const QString &extraIni = {})
    {
        m_extraIni = extraIni;
        for (int i = 0; i < 3; ++i) {
            m_agents[i] = std::make_unique<AgentProcess>(m_dir + QLatin1Char('/') + Ids[i]);
            AgentProcess::Options options;
            options.profile = AgentProcess::demoProfile(Ids[i]);
            options.speed = speed;
            options.extraIni = extraIni;
            if (!m_agents[i]->start(options))
                return false;
            m_speed = speed;
        }
        return true;
    }

    AgentProcess &agent(const QString &id) { return *m_agents[Ids.indexOf(id)]; }

    // Restarts a stopped or killed agent on the same port with the same data.
    bool restart(const QString &id)
    {
        AgentProcess &process = agent(id);
        AgentProcess::Options options;
        options.profile = AgentProcess::demoProfile(id);
        options.speed = m_speed;
        options.extraIni = m_extraIni;
        options.port = process.port();
        return process.start(options);
    }

    Environment environment(int refreshSeconds = 1) const
    {
        Environment environment;
        environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East China")}};
        for (int i = 0; i < 3; ++i) {
            SiteEndpoint site;
            site.id = Ids[i];
            site.name = Ids[i].toUpper();
            site.region = QStringLiteral("east");
            site.city = i < 2 ? QStringLiteral("Shanghai") : QStringLiteral("Hangzhou");
            site.url = m_agents[i]->url();
            site.refreshSeconds = refreshSeconds;
            environment.sites.append(site);
        }
        return environment;
    }

    QHash<QString, QByteArray> tokens() const
    {
        QHash<QString, QByteArray> tokens;
        for (int i = 0; i < 3; ++i)
            tokens.insert(Ids[i], m_agents[i]->token());
        return tokens;
    }

    // The environment with each site's token, as `haven --headless --environment` reads it.
    bool writeFleetFile(const QString &path) const
    {
        QJsonObject json = environment().toJson();
        QJsonArray sites = json.value(QStringLiteral("sites")).toArray();
        for (int i = 0; i < sites.size(); ++i) {
            QJsonObject site = sites.at(i).toObject();
            site.insert(QStringLiteral("token"), QString::fromLatin1(m_agents[i]->token()));
            sites[i] = site;
        }
        json.insert(QStringLiteral("sites"), sites);
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(json).toJson()) > 0;
    }

    // Every action the agent recorded whose idempotency key starts with prefix, newest first.
    QList<QJsonObject> actions(const QString &id, const QString &prefix)
    {
        HttpClient client(agent(id).url(), agent(id).token());
        const QJsonArray all
            = client.get(QStringLiteral("/v1/actions?limit=1000")).json().value(QStringLiteral("actions")).toArray();
        QList<QJsonObject> found;
        for (const QJsonValue &value : all) {
            const QJsonObject action = value.toObject();
            if (action.value(QStringLiteral("idempotencyKey")).toString().startsWith(prefix))
                found.append(action);
        }
        return found;
    }

private:
    QString m_dir;
    double m_speed = 20;
    QString m_extraIni;
    std::array<std::unique_ptr<AgentProcess>, 3> m_agents;
};

// A step for hand-made plans: operation on a target, no retries, stop on failure.
inline PlanStep planStep(StepId id, const QString &name, const QString &operation, const QJsonObject &parameters,
                         StepTargetKind target, PlanPhase phase = PlanPhase::Switchover)
{
    PlanStep step;
    step.id = id;
    step.phase = phase;
    step.name = name;
    step.operation = operation;
    step.parameters = parameters;
    step.target.kind = target;
    step.productGroup = parameters.value(QStringLiteral("productGroup")).toString();
    step.timeoutSeconds = 120;
    step.position = QPointF(id * 40, id * 30);
    return step;
}

inline PlanData effectivePlan(const QString &name, PlanKind kind, QList<PlanStep> steps, QList<PlanEdge> edges)
{
    PlanData plan;
    plan.metadata.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    plan.metadata.name = name;
    plan.metadata.kind = kind;
    plan.metadata.state = PlanState::Effective;
    plan.metadata.rtoSeconds = 600;
    plan.steps = std::move(steps);
    plan.edges = std::move(edges);
    plan.normalize();
    return plan;
}

inline QJsonObject waitParameters(double seconds)
{
    return {{QStringLiteral("seconds"), seconds}};
}
inline QJsonObject groupParameters(const QString &group)
{
    return {{QStringLiteral("productGroup"), group}};
}

} // namespace Haven::Test
