// SPDX-License-Identifier: GPL-3.0-or-later
// The site family of AgentService's routes: liveness, identity, topology and its change
// feed, the operation catalog and the metrics page.
#include "agentservice.h"

#include "sitebackend.h"
#include "topologystate.h"

#include <QJsonArray>

namespace Haven {

namespace {

// A GET route whose answer needs nothing from the request.
void addGet(RouteTable &table, const QString &pattern, const QString &capability, std::function<HttpResponse()> page)
{
    table.add("GET", pattern, capability,
              [page = std::move(page)](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &) {
        responder.respond(page());
    });
}

} // namespace

void AgentService::addSiteRoutes()
{
    Route live;
    live.method = "GET";
    live.pattern = QStringLiteral("/v1/live");
    live.handler = [](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &) {
        responder.respond(HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}}));
    };
    live.needsToken = false;
    live.answersWhileDark = true;
    m_routes.add(std::move(live));

    addGet(m_routes, QStringLiteral("/v1/site"), {}, [this] {
        SiteInfo info = m_backend.siteInfo();
        info.capabilities = m_routes.capabilities();
        return HttpResponse::json(200, info.toJson());
    });
    addGet(m_routes, QStringLiteral("/v1/topology"), QStringLiteral("topology"),
           [this] { return HttpResponse::json(200, m_backend.topology().snapshot().toJson()); });
    m_routes.add("GET", QStringLiteral("/v1/topology/changes"), QStringLiteral("changes"),
                 [this](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        getChanges(request, responder);
    });
    addGet(m_routes, QStringLiteral("/v1/operations"), QStringLiteral("operations"), [this] {
        QJsonArray operations;
        const QList<OperationSpec> catalog = m_backend.operations();
        for (const OperationSpec &spec : catalog)
            operations.append(spec.toJson());
        return HttpResponse::json(200, {{QStringLiteral("operations"), operations}});
    });
}

void AgentService::addMetricsRoute()
{
    addGet(m_routes, QStringLiteral("/metrics"), QStringLiteral("metrics"),
           [this] { return HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", metricsPage()); });
}

} // namespace Haven
