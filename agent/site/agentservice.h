// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/http/httpserver.h"
#include "agent/http/routetable.h"
#include "agentconfig.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QTimer;

namespace Haven {

class ActionManager;
class AgentStore;
class FaultManager;
class InspectionRoutes;
class SiteBackend;

// Protocol v1 (docs/agent-protocol.md) on top of one site backend: authentication, the
// route table of every family, the long-poll change feed, site-dark behaviour and the
// metrics page.
class AgentService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxWaitSeconds = 60;

    // Takes the tokens and the [inspections] settings of config.
    AgentService(SiteBackend &backend, AgentStore &store, const AgentConfig &config, QObject *parent = nullptr);
    ~AgentService() override;

    // Wires the service to a server; the server answers through handle().
    void attach(HttpServer *server);
    void handle(const HttpRequest &request, const HttpResponder &responder);

    ActionManager &actions() { return *m_actions; }
    FaultManager &faults() { return *m_faults; }
    InspectionRoutes &inspections() { return *m_inspections; }
    const RouteTable &routes() const { return m_routes; }

private:
    struct Waiter
    {
        HttpResponder responder;
        quint64 since = 0;
        QString epoch;
        QElapsedTimer waited;
        int waitMs = 0;
    };

    // Liveness, site, topology, changes, operations (siteroutes.cpp); metrics separately, so
    // that the capabilities list keeps the protocol's order.
    void addSiteRoutes();
    void addMetricsRoute();
    void getChanges(const HttpRequest &request, const HttpResponder &responder);
    void answerWaiters(bool timeoutsOnly);
    QByteArray metricsPage() const;
    void countStatus(int status) { m_statusCounts[status] += 1; }

    SiteBackend &m_backend;
    QList<AgentToken> m_tokens;
    std::unique_ptr<ActionManager> m_actions;
    std::unique_ptr<FaultManager> m_faults;
    std::unique_ptr<InspectionRoutes> m_inspections;
    RouteTable m_routes;
    QList<Waiter> m_waiters;
    QList<HttpResponder> m_heldWhileDark;
    QTimer *m_waitTimer;
    QHash<int, quint64> m_statusCounts;
    quint64 m_unauthorized = 0;
    quint64 m_forbidden = 0;
    QElapsedTimer m_uptime;
};

} // namespace Haven
