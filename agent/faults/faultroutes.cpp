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

void answer(const FaultManager::Result &result, int status, const HttpResponder &responder)
{
    if (!result.fault)
        return responder.respond(HttpResponse::error(result.status, result.code, result.message));
    responder.respond(HttpResponse::json(status, {{QStringLiteral("fault"), result.fault->toJson()}}));
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
    add(table, "POST", QStringLiteral("/v1/faults"),
        [&faults](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        if (const std::optional<QJsonObject> body = Http::jsonBody(request, responder))
            answer(faults.inject(*body), 201, responder);
    });
    add(table, "GET", QStringLiteral("/v1/faults/{id}"),
        [&faults](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &captures) {
        const QString id = captures.value(QStringLiteral("id"));
        const std::optional<FaultRecord> fault = faults.fault(id);
        if (!fault)
            return responder.respond(Http::notFound(QStringLiteral("no fault %1 on this site").arg(id)));
        responder.respond(HttpResponse::json(200, {{QStringLiteral("fault"), fault->toJson()}}));
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
        answer(faults.revert(captures.value(QStringLiteral("id")), reason), 200, responder);
    });
}

} // namespace Haven
