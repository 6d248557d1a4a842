// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentservice.h"

#include "agent/actions/actionmanager.h"
#include "agent/actions/actionroutes.h"
#include "agent/faults/faultmanager.h"
#include "agent/faults/faultroutes.h"
#include "agent/http/prometheus.h"
#include "agent/inspections/inspectionroutes.h"
#include "agentconfig.h"
#include "sitebackend.h"
#include "topologystate.h"

#include <QTimer>

namespace Haven {

AgentService::AgentService(SiteBackend &backend, AgentStore &store, const AgentConfig &config, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_tokens(config.tokens)
    , m_actions(std::make_unique<ActionManager>(store, backend))
    , m_faults(std::make_unique<FaultManager>(store, backend))
    , m_inspections(std::make_unique<InspectionRoutes>(store, backend, config))
    , m_waitTimer(new QTimer(this))
{
    // The order of the families is the order of GET /v1/site "capabilities".
    addSiteRoutes();
    addActionRoutes(m_routes, *m_actions);
    m_inspections->addRoutes(m_routes);
    addFaultRoutes(m_routes, *m_faults);
    addMetricsRoute();

    m_uptime.start();
    m_actions->recoverAfterRestart();
    m_faults->restore();
    m_waitTimer->setInterval(250);
    connect(m_waitTimer, &QTimer::timeout, this, [this] { answerWaiters(true); });
    connect(&m_backend, &SiteBackend::topologyChanged, this, [this] { answerWaiters(false); });
    connect(m_faults.get(), &FaultManager::siteDarkChanged, this, [this](bool dark) {
        // The requests left unanswered while dark: their clients have given up by now.
        if (!dark) {
            for (const HttpResponder &held : std::as_const(m_heldWhileDark))
                held.drop();
            m_heldWhileDark.clear();
        }
    });
}

AgentService::~AgentService() = default;

void AgentService::attach(HttpServer *server)
{
    server->setHandler(
        [this](const HttpRequest &request, const HttpResponder &responder) { handle(request, responder); });
    connect(server, &HttpServer::requestFinished, this, &AgentService::countStatus);
}

void AgentService::handle(const HttpRequest &request, const HttpResponder &responder)
{
    const RouteTable::Match match = m_routes.match(request.method, request.path);
    if (match.needsToken) {
        const QByteArray authorization = request.header("authorization");
        const bool bearer = authorization.size() > 7 && authorization.left(7).toLower() == "bearer ";
        const std::optional<AgentToken> token = bearer ? findToken(authorization.mid(7).trimmed(), m_tokens)
                                                       : std::nullopt;
        if (!token) {
            ++m_unauthorized;
            HttpResponse response = HttpResponse::error(401, QStringLiteral("unauthorized"),
                                                        QStringLiteral("a valid bearer token is required"));
            response.addHeader("WWW-Authenticate", "Bearer realm=\"haven-agent\"");
            return responder.respond(response);
        }
        if (match.route && !roleAllows(token->role, match.route->neededRole())) {
            ++m_forbidden;
            return responder.respond(
                HttpResponse::error(403, QStringLiteral("forbidden"),
                                    QStringLiteral("this token (id %1, role %2) may not %3 %4: it needs the %5 role")
                                        .arg(token->id, toString(token->role), QString::fromLatin1(request.method),
                                             match.route->pattern, toString(match.route->neededRole()))));
        }
    }
    // A dark site answers nothing but liveness and the drill's own fault controls,
    // so that a coordinator can always end the drill.
    if (m_faults->siteDark() && !match.answersWhileDark) {
        m_heldWhileDark.removeIf([](const HttpResponder &held) { return !held.isPending(); });
        m_heldWhileDark.append(responder);
        return;
    }
    m_routes.dispatch(match, request, responder);
}

void AgentService::getChanges(const HttpRequest &request, const HttpResponder &responder)
{
    const std::optional<qint64> since = Http::integerParameter(request, QStringLiteral("since"), 0, 0,
                                                               std::numeric_limits<qint64>::max(), responder);
    if (!since)
        return;
    const std::optional<qint64> wait = Http::integerParameter(request, QStringLiteral("wait"), 0, 0, MaxWaitSeconds,
                                                              responder);
    if (!wait)
        return;
    const QString epoch = request.query.queryItemValue(QStringLiteral("epoch"));
    const TopologyChanges changes = m_backend.topology().changesSince(quint64(*since), epoch);
    if (!changes.isEmpty() || *wait == 0)
        return responder.respond(HttpResponse::json(200, changes.toJson()));
    Waiter waiter{responder, quint64(*since), epoch, {}, int(*wait) * 1000};
    waiter.waited.start();
    m_waiters.append(waiter);
    m_waitTimer->start();
}

void AgentService::answerWaiters(bool timeoutsOnly)
{
    for (qsizetype i = m_waiters.size() - 1; i >= 0; --i) {
        Waiter &waiter = m_waiters[i];
        if (!waiter.responder.isPending()) {
            m_waiters.removeAt(i);
            continue;
        }
        const bool timedOut = waiter.waited.elapsed() >= waiter.waitMs;
        if (timeoutsOnly && !timedOut)
            continue;
        if (m_faults->siteDark())
            continue; // a dark site does not answer: the client's own timeout decides
        const TopologyChanges changes = m_backend.topology().changesSince(waiter.since, waiter.epoch);
        if (changes.isEmpty() && !timedOut)
            continue;
        waiter.responder.respond(HttpResponse::json(200, changes.toJson()));
        m_waiters.removeAt(i);
    }
    if (m_waiters.isEmpty())
        m_waitTimer->stop();
}

QByteArray AgentService::metricsPage() const
{
    using Type = PrometheusText::Type;
    PrometheusText page;
    const SiteInfo site = m_backend.siteInfo();
    page.family(QStringLiteral("haven_agent_info"), QStringLiteral("Agent build and site identity."));
    page.sample({{QStringLiteral("site"), site.id},
                 {QStringLiteral("version"), site.agentVersion},
                 {QStringLiteral("backend"), site.backend},
                 {QStringLiteral("protocol"), QString::number(site.protocolVersion)}},
                1);
    page.gauge(QStringLiteral("haven_agent_uptime_seconds"), QStringLiteral("Seconds since the agent started."),
               m_uptime.elapsed() / 1000.0);
    page.family(QStringLiteral("haven_agent_http_responses_total"), QStringLiteral("HTTP responses by status code."),
                Type::Counter);
    QList<int> statuses = m_statusCounts.keys();
    std::sort(statuses.begin(), statuses.end());
    for (int status : statuses)
        page.sample({{QStringLiteral("code"), QString::number(status)}}, m_statusCounts[status]);
    page.family(QStringLiteral("haven_agent_auth_failures_total"),
                QStringLiteral("Requests refused for a missing or unknown token."), Type::Counter);
    page.sample(m_unauthorized);
    page.family(QStringLiteral("haven_agent_forbidden_total"),
                QStringLiteral("Requests refused because the token's role lacks the route's."), Type::Counter);
    page.sample(m_forbidden);
    page.gauge(QStringLiteral("haven_agent_topology_revision"), QStringLiteral("Current topology revision."),
               double(m_backend.topology().revision()));
    page.gauge(QStringLiteral("haven_agent_actions_running"), QStringLiteral("Actions running now."),
               m_actions->runningCount());
    page.family(QStringLiteral("haven_agent_actions_finished_total"),
                QStringLiteral("Actions finished since start, by state."), Type::Counter);
    const QHash<ActionState, int> counts = m_actions->countsByState();
    for (ActionState state : {ActionState::Succeeded, ActionState::Failed, ActionState::Cancelled})
        page.sample({{QStringLiteral("state"), toString(state)}}, counts.value(state));
    page.gauge(QStringLiteral("haven_agent_faults_active"), QStringLiteral("Faults injected and not yet reverted."),
               m_faults->activeCount());
    page.gauge(QStringLiteral("haven_agent_site_dark"), QStringLiteral("1 while a site_dark fault is active."),
               m_faults->siteDark() ? 1 : 0);
    return (page.text() + m_inspections->metricsText() + m_faults->metricsText() + m_backend.metricsText()).toUtf8();
}

} // namespace Haven
