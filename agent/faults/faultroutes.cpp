// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultroutes.h"

#include "agent/http/routetable.h"
#include "faultmanager.h"

#include <QJsonArray>

namespace Haven {

namespace {

void add(RouteTable &table, const QByteArray &method, const QString &pattern, RouteHandler handler)
{
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.capability = QStringLiteral("faults");
    route.handler = std::move(handler);
    route.answersWhileDark = true;
    route.role = method == "GET" ? AgentRole::Viewer : AgentRole::Drill;
    table.add(std::move(route));
}

void answer(const FaultManager::Result &result, const HttpResponder &responder)
{
    if (!result.fault)
        return responder.respond(HttpResponse::error(result.status, result.code, result.message));
    responder.respond(HttpResponse::json(result.status, {{QStringLiteral("fault"), result.fault->toJson()}}));
}

} // namespace

void addFaultRoutes(RouteTable &table, FaultManager &faults)
{
    add(table, "GET", QStringLiteral("/v1/faults"),
        [&faults](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        const bool all = request.query.queryItemValue(QStringLiteral("all")) == QLatin1StringView("1");
        QJsonArray list;
        const QList<FaultRecord> records = faults.faults(!all);
        for (const FaultRecord &fault : records)
            list.append(fault.toJson());
        responder.respond(HttpResponse::json(200, {{QStringLiteral("faults"), list}}));
    });
    // Answered at once, the fault "injecting": a slow hook holds nothing (docs/agent-protocol.md).
    // 201 for a new fault, 200 for the one an idempotency key already made.
    add(table, "POST", QStringLiteral("/v1/faults"),
        [&faults](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        if (const std::optional<QJsonObject> body = Http::jsonBody(request, responder))
            answer(faults.inject(*body), responder);
    });
    // Before /v1/faults/{id}, which would take "limits" for an id.
    add(table, "GET", QStringLiteral("/v1/faults/limits"),
        [&faults](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &) {
        responder.respond(HttpResponse::json(200, {{QStringLiteral("limits"), faults.limits().toJson()}}));
    });
    add(table, "GET", QStringLiteral("/v1/faults/{id}"),
        [&faults](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &captures) {
        const QString id = captures.value(QStringLiteral("id"));
        const std::optional<FaultRecord> fault = faults.fault(id);
        if (!fault)
            return responder.respond(Http::notFound(QStringLiteral("no fault %1 on this site").arg(id)));
        responder.respond(HttpResponse::json(200, {{QStringLiteral("fault"), fault->toJson()}}));
    });
    add(table, "DELETE", QStringLiteral("/v1/faults/{id}"),
        [&faults](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &captures) {
        answer(faults.revert(captures.value(QStringLiteral("id")), {}), responder);
    });
    add(table, "POST", QStringLiteral("/v1/faults/{id}/revert"),
        [&faults](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &captures) {
        QString reason;
        if (!request.body.isEmpty()) {
            const std::optional<QJsonObject> body = Http::jsonBody(request, responder);
            if (!body)
                return;
            reason = body->value(QStringLiteral("reason")).toString();
        }
        answer(faults.revert(captures.value(QStringLiteral("id")), reason), responder);
    });
}

} // namespace Haven
