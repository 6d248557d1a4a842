// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accesscontrol.h"
#include "httpserver.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <optional>

namespace Haven {

// What a path pattern captured: "/v1/actions/{id}/log" gives {"id": "..."}.
using RouteCaptures = QHash<QString, QString>;
using RouteHandler = std::function<void(const HttpRequest &, const HttpResponder &, const RouteCaptures &)>;

// One endpoint: a method, a path pattern of literal segments and {name} captures, and what
// the token needs to reach it.
struct Route
{
    QByteArray method;
    QString pattern;
    QString capability; // listed in GET /v1/site "capabilities"; empty: not a capability
    RouteHandler handler;
    bool needsToken = true;        // false: answered to anyone (liveness)
    std::optional<AgentRole> role; // empty: viewer for GET, admin for anything else
    bool answersWhileDark = false; // still answered while a site_dark fault is active

    AgentRole neededRole() const;
};

// The agent's endpoints, each family declaring its own next to its handlers. It answers
// 404 for an unknown path and 405 with Allow for a known path and another method.
class RouteTable final
{
public:
    struct Match
    {
        const Route *route = nullptr; // null: no route for this method
        RouteCaptures captures;
        QByteArray allowed;     // the methods of the path, "GET, POST"; empty: unknown path
        bool needsToken = true; // false when every route of the path is open
        bool answersWhileDark = false;
    };

    void add(Route route);
    void add(const QByteArray &method, const QString &pattern, const QString &capability, RouteHandler handler,
             std::optional<AgentRole> role = std::nullopt);

    Match match(const QByteArray &method, const QString &path) const;
    // Calls the route's handler, or answers 404 or 405 itself.
    void dispatch(const Match &match, const HttpRequest &request, const HttpResponder &responder) const;

    // In the order the routes were added, each once.
    QStringList capabilities() const;
    const QList<Route> &routes() const { return m_routes; }

private:
    struct Compiled
    {
        QStringList segments; // "{id}" for a capture
    };
    static std::optional<RouteCaptures> capture(const QStringList &pattern, const QStringList &path);

    QList<Route> m_routes;
    QList<Compiled> m_compiled;
};

// Helpers every family's handlers share; each answers the request itself when it fails.
namespace Http {

HttpResponse notFound(const QString &what);
HttpResponse methodNotAllowed(const QByteArray &allowed);
// Parses a JSON object body; on failure answers 415 or 400 and returns nullopt.
std::optional<QJsonObject> jsonBody(const HttpRequest &request, const HttpResponder &responder);
// A query parameter within minimum..maximum, fallback when absent; on failure answers 400.
std::optional<qint64> integerParameter(const HttpRequest &request, const QString &name, qint64 fallback, qint64 minimum,
                                       qint64 maximum, const HttpResponder &responder);

} // namespace Http

} // namespace Haven
