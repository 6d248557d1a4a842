// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/http/httpserver.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QTimer;

namespace Haven {

class ActionManager;
class AgentStore;
class FaultManager;
class InspectionRunner;
class SiteBackend;

// Protocol v1 (docs/agent-protocol.md) on top of one site backend: authentication,
// routing, the long-poll change feed, site-dark behaviour and the metrics page.
class AgentService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxWaitSeconds = 60;
    static constexpr int MaxConcurrentInspections = 8;

    AgentService(SiteBackend &backend, AgentStore &store, QList<QByteArray> tokenDigests, QObject *parent = nullptr);
    ~AgentService() override;

    // Wires the service to a server; the server answers through handle().
    void attach(HttpServer *server);
    void handle(const HttpRequest &request, const HttpResponder &responder);

    ActionManager &actions() { return *m_actions; }
    FaultManager &faults() { return *m_faults; }

private:
    struct Waiter
    {
        HttpResponder responder;
        quint64 since = 0;
        QString epoch;
        QElapsedTimer waited;
        int waitMs = 0;
    };

    void route(const HttpRequest &request, const HttpResponder &responder);
    void getChanges(const HttpRequest &request, const HttpResponder &responder);
    void postAction(const HttpRequest &request, const HttpResponder &responder);
    void actionRoutes(const HttpRequest &request, const HttpResponder &responder, const QStringList &parts);
    void faultRoutes(const HttpRequest &request, const HttpResponder &responder, const QStringList &parts);
    void postInspection(const HttpRequest &request, const HttpResponder &responder);
    void answerWaiters(bool timeoutsOnly);
    QByteArray metricsPage() const;
    void countStatus(int status) { m_statusCounts[status] += 1; }

    SiteBackend &m_backend;
    QList<QByteArray> m_tokenDigests;
    std::unique_ptr<ActionManager> m_actions;
    std::unique_ptr<FaultManager> m_faults;
    QList<Waiter> m_waiters;
    QList<HttpResponder> m_heldWhileDark;
    QTimer *m_waitTimer;
    QList<InspectionRunner *> m_inspections;
    QHash<int, quint64> m_statusCounts;
    quint64 m_unauthorized = 0;
    QElapsedTimer m_uptime;
};

} // namespace Haven
