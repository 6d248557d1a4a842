// SPDX-License-Identifier: GPL-3.0-or-later
#include "routetable.h"

#include <QJsonDocument>

namespace Haven {

namespace {

QStringList segmentsOf(const QString &path)
{
    return path.mid(1).split(QLatin1Char('/'));
}

bool isCapture(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

} // namespace

void RouteTable::add(Route route)
{
    Q_ASSERT_X(route.pattern.startsWith(QLatin1Char('/')), "RouteTable::add", "patterns start with /");
    m_compiled.append({segmentsOf(route.pattern)});
    m_routes.append(std::move(route));
}

AgentRole Route::neededRole() const
{
    // A mutating route nobody labelled stays with admins: the safe mistake.
    return role.value_or(method == "GET" ? AgentRole::Viewer : AgentRole::Admin);
}

void RouteTable::add(const QByteArray &method, const QString &pattern, const QString &capability, RouteHandler handler,
                     std::optional<AgentRole> role)
{
    Route route;
    route.role = role;
    route.method = method;
    route.pattern = pattern;
    route.capability = capability;
    route.handler = std::move(handler);
    add(std::move(route));
}

std::optional<RouteCaptures> RouteTable::capture(const QStringList &pattern, const QStringList &path)
{
    if (pattern.size() != path.size())
        return std::nullopt;
    RouteCaptures captures;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &segment = pattern.at(i);
        if (isCapture(segment)) {
            if (path.at(i).isEmpty())
                return std::nullopt;
            captures.insert(segment.mid(1, segment.size() - 2), path.at(i));
        } else if (segment != path.at(i)) {
            return std::nullopt;
        }
    }
    return captures;
}

RouteTable::Match RouteTable::match(const QByteArray &method, const QString &path) const
{
    Match match;
    if (!path.startsWith(QLatin1Char('/')))
        return match;
    const QStringList segments = segmentsOf(path);
    bool anyTokenNeeded = false;
    bool allWhileDark = true;
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        std::optional<RouteCaptures> captures = capture(m_compiled.at(i).segments, segments);
        if (!captures)
            continue;
        const Route &route = m_routes.at(i);
        if (!match.allowed.contains(route.method))
            match.allowed += (match.allowed.isEmpty() ? "" : ", ") + route.method;
        anyTokenNeeded |= route.needsToken;
        allWhileDark &= route.answersWhileDark;
        if (!match.route && route.method == method) {
            match.route = &route;
            match.captures = std::move(*captures);
        }
    }
    // An unknown path needs a token too: without one, nobody learns which paths exist.
    match.needsToken = match.allowed.isEmpty() || anyTokenNeeded;
    if (match.route) {
        match.needsToken = match.route->needsToken;
        match.answersWhileDark = match.route->answersWhileDark;
    } else {
        match.answersWhileDark = !match.allowed.isEmpty() && allWhileDark;
    }
    return match;
}

void RouteTable::dispatch(const Match &match, const HttpRequest &request, const HttpResponder &responder) const
{
    if (match.route)
        return match.route->handler(request, responder, match.captures);
    if (!match.allowed.isEmpty())
        return responder.respond(Http::methodNotAllowed(match.allowed));
    responder.respond(Http::notFound(QStringLiteral("no such endpoint: %1").arg(request.path)));
}

QStringList RouteTable::capabilities() const
{
    QStringList capabilities;
    for (const Route &route : m_routes) {
        if (!route.capability.isEmpty() && !capabilities.contains(route.capability))
            capabilities.append(route.capability);
    }
    return capabilities;
}

namespace Http {

HttpResponse notFound(const QString &what)
{
    return HttpResponse::error(404, QStringLiteral("not_found"), what);
}

HttpResponse methodNotAllowed(const QByteArray &allowed)
{
    HttpResponse response = HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                                QStringLiteral("use %1 here").arg(QString::fromLatin1(allowed)));
    response.addHeader("Allow", allowed);
    return response;
}

std::optional<QJsonObject> jsonBody(const HttpRequest &request, const HttpResponder &responder)
{
    const QByteArray type = request.header("content-type").toLower();
    if (!type.isEmpty() && !type.startsWith("application/json")) {
        responder.respond(HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                              QStringLiteral("send the body as application/json")));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        responder.respond(HttpResponse::error(400, QStringLiteral("malformed_json"),
                                              QStringLiteral("the body is not valid JSON: %1 at byte %2")
                                                  .arg(error.errorString())
                                                  .arg(error.offset)));
        return std::nullopt;
    }
    if (!document.isObject()) {
        responder.respond(HttpResponse::error(400, QStringLiteral("invalid_request"),
                                              QStringLiteral("the body must be a JSON object")));
        return std::nullopt;
    }
    return document.object();
}

std::optional<qint64> integerParameter(const HttpRequest &request, const QString &name, qint64 fallback, qint64 minimum,
                                       qint64 maximum, const HttpResponder &responder)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        responder.respond(HttpResponse::error(
            400, QStringLiteral("invalid_request"),
            QStringLiteral("query parameter %1 must be an integer in %2..%3").arg(name).arg(minimum).arg(maximum)));
        return std::nullopt;
    }
    return value;
}

} // namespace Http

} // namespace Haven
