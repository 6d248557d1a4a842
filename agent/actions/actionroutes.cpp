// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionroutes.h"

#include "actionmanager.h"
#include "agent/http/routetable.h"
#include "core/jsonfields.h"

#include <QJsonArray>
#include <QUrl>

namespace Haven {

namespace {

const QString Capability = QStringLiteral("actions");
constexpr qint64 DefaultLogChunk = 64 * 1024;
constexpr qint64 MaxLogChunk = 1024 * 1024;

bool validKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 200)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) { return c.isPrint() && !c.isSpace(); });
}

HttpResponse storeFailed()
{
    return HttpResponse::error(500, QStringLiteral("store_failed"),
                               QStringLiteral("the action's record cannot be read now"));
}

void postAction(ActionManager &actions, const HttpRequest &request, const HttpResponder &responder)
{
    const std::optional<QJsonObject> body = Http::jsonBody(request, responder);
    if (!body)
        return;
    JsonFields fields(*body);
    const QString operation = fields.requiredString(QStringLiteral("operation"));
    const QJsonObject parameters = fields.optionalObject(QStringLiteral("parameters"));
    QString key = fields.optionalString(QStringLiteral("idempotencyKey"));
    if (key.isEmpty())
        key = QString::fromUtf8(request.header("idempotency-key"));
    if (!fields.ok())
        return responder.respond(HttpResponse::error(400, QStringLiteral("invalid_request"), fields.error()));
    if (!validKey(key))
        return responder.respond(
            HttpResponse::error(400, QStringLiteral("invalid_request"),
                                QStringLiteral(
                                    "idempotencyKey is required: 1 to 200 printable characters without spaces")));

    const ActionManager::StartResult result = actions.start(operation, parameters, key);
    if (!result.action)
        return responder.respond(HttpResponse::error(result.status, result.code, result.message));
    HttpResponse response = HttpResponse::json(result.created ? 201 : 200,
                                               {{QStringLiteral("action"), result.action->toJson()},
                                                {QStringLiteral("replayed"), !result.created}});
    response.addHeader("Location", "/v1/actions/" + result.action->id.toUtf8());
    responder.respond(response);
}

void listActions(ActionManager &actions, const HttpRequest &request, const HttpResponder &responder)
{
    if (request.query.hasQueryItem(QStringLiteral("key"))) {
        const std::optional<ActionRecord> action = actions.actionByKey(
            request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded));
        QJsonArray found;
        if (action)
            found.append(action->toJson());
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("actions"), found}}));
    }
    const std::optional<qint64> limit = Http::integerParameter(request, QStringLiteral("limit"), 100, 1, 1000,
                                                               responder);
    if (!limit)
        return;
    QJsonArray list;
    const QList<ActionRecord> recent = actions.recent(int(*limit));
    for (const ActionRecord &action : recent)
        list.append(action.toJson());
    responder.respond(HttpResponse::json(200, {{QStringLiteral("actions"), list}}));
}

void actionLog(ActionManager &actions, const QString &id, const HttpRequest &request, const HttpResponder &responder)
{
    const std::optional<qint64> offset = Http::integerParameter(request, QStringLiteral("offset"), 0, 0,
                                                                std::numeric_limits<qint64>::max(), responder);
    if (!offset)
        return;
    const std::optional<qint64> limit = Http::integerParameter(request, QStringLiteral("limit"), DefaultLogChunk, 1,
                                                               MaxLogChunk, responder);
    if (!limit)
        return;
    const QByteArray chunk = actions.log(id, *offset, *limit);
    const std::optional<ActionRecord> action = actions.action(id);
    if (!action)
        return responder.respond(storeFailed());
    const qint64 next = std::min(*offset, action->logSize) + chunk.size();
    responder.respond(
        HttpResponse::json(200, {{QStringLiteral("offset"), std::min(*offset, action->logSize)},
                                 {QStringLiteral("nextOffset"), next},
                                 {QStringLiteral("size"), action->logSize},
                                 {QStringLiteral("complete"), isFinal(action->state) && next >= action->logSize},
                                 {QStringLiteral("state"), toString(action->state)},
                                 {QStringLiteral("text"), QString::fromUtf8(chunk)}}));
}

// Handlers of /v1/actions/{id}...: an unknown id is a 404 before anything else.
RouteHandler withAction(ActionManager &actions,
                        std::function<void(const ActionRecord &, const HttpRequest &, const HttpResponder &)> handler)
{
    return [&actions, handler = std::move(handler)](const HttpRequest &request, const HttpResponder &responder,
                                                    const RouteCaptures &captures) {
        const QString id = captures.value(QStringLiteral("id"));
        const std::optional<ActionRecord> action = actions.action(id);
        if (!action)
            return responder.respond(Http::notFound(QStringLiteral("no action %1 on this site").arg(id)));
        handler(*action, request, responder);
    };
}

} // namespace

void addActionRoutes(RouteTable &table, ActionManager &actions)
{
    table.add("GET", QStringLiteral("/v1/actions"), Capability,
              [&actions](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        listActions(actions, request, responder);
    });
    table.add(
        "POST", QStringLiteral("/v1/actions"), Capability,
        [&actions](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        postAction(actions, request, responder);
        },
        AgentRole::Operator);
    table.add("GET", QStringLiteral("/v1/actions/{id}"), Capability,
              withAction(actions, [](const ActionRecord &action, const HttpRequest &, const HttpResponder &responder) {
                  responder.respond(HttpResponse::json(200, {{QStringLiteral("action"), action.toJson()}}));
              }));
    table.add("GET", QStringLiteral("/v1/actions/{id}/log"), Capability,
              withAction(actions, [&actions](const ActionRecord &action, const HttpRequest &request,
                                             const HttpResponder &responder) {
                  actionLog(actions, action.id, request, responder);
              }));
    table.add("POST", QStringLiteral("/v1/actions/{id}/cancel"), Capability,
              withAction(
                  actions,
                  [&actions](const ActionRecord &running, const HttpRequest &, const HttpResponder &responder) {
        actions.cancel(running.id);
        const std::optional<ActionRecord> action = actions.action(running.id);
        if (!action)
            return responder.respond(storeFailed());
        responder.respond(HttpResponse::json(202, {{QStringLiteral("action"), action->toJson()}}));
                  }),
              AgentRole::Operator);
}

} // namespace Haven
