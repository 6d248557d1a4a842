// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentservice.h"

#include "agent/actions/actionmanager.h"
#include "agent/faults/faultmanager.h"
#include "agent/http/prometheus.h"
#include "agent/inspections/inspectionrunner.h"
#include "agentconfig.h"
#include "agentstore.h"
#include "core/jsonfields.h"
#include "sitebackend.h"
#include "topologystate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

namespace Haven {

namespace {

const QString LivePath = QStringLiteral("/v1/live");
constexpr qint64 DefaultLogChunk = 64 * 1024;
constexpr qint64 MaxLogChunk = 1024 * 1024;

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

// Parses a JSON object body; on failure answers and returns nullopt.
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

bool validKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 200)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) { return c.isPrint() && !c.isSpace(); });
}

} // namespace

AgentService::AgentService(SiteBackend &backend, AgentStore &store, QList<QByteArray> tokenDigests, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_tokenDigests(std::move(tokenDigests))
    , m_actions(std::make_unique<ActionManager>(store, backend))
    , m_faults(std::make_unique<FaultManager>(store, backend))
    , m_waitTimer(new QTimer(this))
{
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

AgentService::~AgentService()
{
    for (InspectionRunner *runner : std::as_const(m_inspections))
        runner->disconnect(this);
    qDeleteAll(m_inspections);
}

void AgentService::attach(HttpServer *server)
{
    server->setHandler(
        [this](const HttpRequest &request, const HttpResponder &responder) { handle(request, responder); });
    connect(server, &HttpServer::requestFinished, this, &AgentService::countStatus);
}

void AgentService::handle(const HttpRequest &request, const HttpResponder &responder)
{
    if (request.path == LivePath) {
        if (request.method != "GET")
            return responder.respond(methodNotAllowed("GET"));
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}}));
    }
    const QByteArray authorization = request.header("authorization");
    const bool bearer = authorization.size() > 7 && authorization.left(7).toLower() == "bearer ";
    if (!bearer || !tokenAccepted(authorization.mid(7).trimmed(), m_tokenDigests)) {
        ++m_unauthorized;
        HttpResponse response = HttpResponse::error(401, QStringLiteral("unauthorized"),
                                                    QStringLiteral("a valid bearer token is required"));
        response.addHeader("WWW-Authenticate", "Bearer realm=\"haven-agent\"");
        return responder.respond(response);
    }
    // A dark site answers nothing but liveness and the drill's own fault controls,
    // so that a coordinator can always end the drill.
    if (m_faults->siteDark() && !request.path.startsWith(QLatin1StringView("/v1/faults"))) {
        m_heldWhileDark.removeIf([](const HttpResponder &held) { return !held.isPending(); });
        m_heldWhileDark.append(responder);
        return;
    }
    route(request, responder);
}

void AgentService::route(const HttpRequest &request, const HttpResponder &responder)
{
    const QString &path = request.path;
    const bool get = request.method == "GET";
    if (path == QLatin1StringView("/metrics")) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        return responder.respond(HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", metricsPage()));
    }
    if (!path.startsWith(QLatin1StringView("/v1/")))
        return responder.respond(notFound(QStringLiteral("no such endpoint: %1").arg(path)));

    const QStringList parts = path.mid(4).split(QLatin1Char('/'));
    const QString &resource = parts.first();
    if (resource == QLatin1StringView("site") && parts.size() == 1) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        return responder.respond(HttpResponse::json(200, m_backend.siteInfo().toJson()));
    }
    if (resource == QLatin1StringView("topology") && parts.size() == 1) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        return responder.respond(HttpResponse::json(200, m_backend.topology().snapshot().toJson()));
    }
    if (resource == QLatin1StringView("topology") && parts.size() == 2 && parts.at(1) == QLatin1StringView("changes")) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        return getChanges(request, responder);
    }
    if (resource == QLatin1StringView("operations") && parts.size() == 1) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        QJsonArray operations;
        const QList<OperationSpec> catalog = m_backend.operations();
        for (const OperationSpec &spec : catalog)
            operations.append(spec.toJson());
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("operations"), operations}}));
    }
    if (resource == QLatin1StringView("actions"))
        return actionRoutes(request, responder, parts);
    if (resource == QLatin1StringView("faults"))
        return faultRoutes(request, responder, parts);
    if (resource == QLatin1StringView("inspections") && parts.size() == 1) {
        if (request.method != "POST")
            return responder.respond(methodNotAllowed("POST"));
        return postInspection(request, responder);
    }
    responder.respond(notFound(QStringLiteral("no such endpoint: %1").arg(path)));
}

void AgentService::getChanges(const HttpRequest &request, const HttpResponder &responder)
{
    const std::optional<qint64> since = integerParameter(request, QStringLiteral("since"), 0, 0,
                                                         std::numeric_limits<qint64>::max(), responder);
    if (!since)
        return;
    const std::optional<qint64> wait = integerParameter(request, QStringLiteral("wait"), 0, 0, MaxWaitSeconds,
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

void AgentService::postAction(const HttpRequest &request, const HttpResponder &responder)
{
    const std::optional<QJsonObject> body = jsonBody(request, responder);
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

    const ActionManager::StartResult result = m_actions->start(operation, parameters, key);
    if (!result.action)
        return responder.respond(HttpResponse::error(result.status, result.code, result.message));
    HttpResponse response = HttpResponse::json(result.created ? 201 : 200,
                                               {{QStringLiteral("action"), result.action->toJson()},
                                                {QStringLiteral("replayed"), !result.created}});
    response.addHeader("Location", "/v1/actions/" + result.action->id.toUtf8());
    responder.respond(response);
}

void AgentService::actionRoutes(const HttpRequest &request, const HttpResponder &responder, const QStringList &parts)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (parts.size() == 1) {
        if (post)
            return postAction(request, responder);
        if (!get)
            return responder.respond(methodNotAllowed("GET, POST"));
        if (request.query.hasQueryItem(QStringLiteral("key"))) {
            const std::optional<ActionRecord> action = m_actions->actionByKey(
                request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded));
            QJsonArray found;
            if (action)
                found.append(action->toJson());
            return responder.respond(HttpResponse::json(200, {{QStringLiteral("actions"), found}}));
        }
        const std::optional<qint64> limit = integerParameter(request, QStringLiteral("limit"), 100, 1, 1000, responder);
        if (!limit)
            return;
        QJsonArray actions;
        const QList<ActionRecord> recent = m_actions->recent(int(*limit));
        for (const ActionRecord &action : recent)
            actions.append(action.toJson());
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("actions"), actions}}));
    }

    const QString &id = parts.at(1);
    std::optional<ActionRecord> action = m_actions->action(id);
    if (!action)
        return responder.respond(notFound(QStringLiteral("no action %1 on this site").arg(id)));
    if (parts.size() == 2) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("action"), action->toJson()}}));
    }
    if (parts.size() == 3 && parts.at(2) == QLatin1StringView("log")) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        const std::optional<qint64> offset = integerParameter(request, QStringLiteral("offset"), 0, 0,
                                                              std::numeric_limits<qint64>::max(), responder);
        if (!offset)
            return;
        const std::optional<qint64> limit = integerParameter(request, QStringLiteral("limit"), DefaultLogChunk, 1,
                                                             MaxLogChunk, responder);
        if (!limit)
            return;
        const QByteArray chunk = m_actions->log(id, *offset, *limit);
        action = m_actions->action(id);
        if (!action)
            return responder.respond(HttpResponse::error(500, QStringLiteral("store_failed"),
                                                         QStringLiteral("the action's record cannot be read now")));
        const qint64 next = std::min(*offset, action->logSize) + chunk.size();
        return responder.respond(
            HttpResponse::json(200, {{QStringLiteral("offset"), std::min(*offset, action->logSize)},
                                     {QStringLiteral("nextOffset"), next},
                                     {QStringLiteral("size"), action->logSize},
                                     {QStringLiteral("complete"), isFinal(action->state) && next >= action->logSize},
                                     {QStringLiteral("state"), toString(action->state)},
                                     {QStringLiteral("text"), QString::fromUtf8(chunk)}}));
    }
    if (parts.size() == 3 && parts.at(2) == QLatin1StringView("cancel")) {
        if (!post)
            return responder.respond(methodNotAllowed("POST"));
        m_actions->cancel(id);
        action = m_actions->action(id);
        if (!action)
            return responder.respond(HttpResponse::error(500, QStringLiteral("store_failed"),
                                                         QStringLiteral("the action's record cannot be read now")));
        return responder.respond(HttpResponse::json(202, {{QStringLiteral("action"), action->toJson()}}));
    }
    responder.respond(notFound(QStringLiteral("no such endpoint: %1").arg(request.path)));
}

void AgentService::faultRoutes(const HttpRequest &request, const HttpResponder &responder, const QStringList &parts)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (parts.size() == 1) {
        if (post) {
            const std::optional<QJsonObject> body = jsonBody(request, responder);
            if (!body)
                return;
            const FaultManager::Result result = m_faults->inject(*body);
            if (!result.fault)
                return responder.respond(HttpResponse::error(result.status, result.code, result.message));
            return responder.respond(HttpResponse::json(201, {{QStringLiteral("fault"), result.fault->toJson()}}));
        }
        if (!get)
            return responder.respond(methodNotAllowed("GET, POST"));
        const bool all = request.query.queryItemValue(QStringLiteral("all")) == QLatin1StringView("1");
        QJsonArray faults;
        const QList<FaultRecord> list = m_faults->faults(!all);
        for (const FaultRecord &fault : list)
            faults.append(fault.toJson());
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("faults"), faults}}));
    }
    const QString &id = parts.at(1);
    if (parts.size() == 2) {
        if (!get)
            return responder.respond(methodNotAllowed("GET"));
        const std::optional<FaultRecord> fault = m_faults->fault(id);
        if (!fault)
            return responder.respond(notFound(QStringLiteral("no fault %1 on this site").arg(id)));
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("fault"), fault->toJson()}}));
    }
    if (parts.size() == 3 && parts.at(2) == QLatin1StringView("revert")) {
        if (!post)
            return responder.respond(methodNotAllowed("POST"));
        QString reason;
        if (!request.body.isEmpty()) {
            const std::optional<QJsonObject> body = jsonBody(request, responder);
            if (!body)
                return;
            reason = body->value(QStringLiteral("reason")).toString();
        }
        const FaultManager::Result result = m_faults->revert(id, reason);
        if (!result.fault)
            return responder.respond(HttpResponse::error(result.status, result.code, result.message));
        return responder.respond(HttpResponse::json(200, {{QStringLiteral("fault"), result.fault->toJson()}}));
    }
    responder.respond(notFound(QStringLiteral("no such endpoint: %1").arg(request.path)));
}

void AgentService::postInspection(const HttpRequest &request, const HttpResponder &responder)
{
    const std::optional<QJsonObject> body = jsonBody(request, responder);
    if (!body)
        return;
    if (m_inspections.size() >= MaxConcurrentInspections) {
        return responder.respond(
            HttpResponse::error(503, QStringLiteral("busy"),
                                QStringLiteral("%1 inspections are already running here; try again when one finishes")
                                    .arg(MaxConcurrentInspections)));
    }
    QString error;
    std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(*body, &error);
    if (!runner)
        return responder.respond(HttpResponse::error(400, QStringLiteral("invalid_inspection"), error));
    InspectionRunner *raw = runner.release();
    m_inspections.append(raw);
    connect(raw, &InspectionRunner::finished, this, [this, raw, responder](const InspectionResult &result) {
        responder.respond(HttpResponse::json(200, {{QStringLiteral("result"), result.toJson()}}));
        m_inspections.removeOne(raw);
        raw->deleteLater();
    });
    raw->start();
}

QByteArray AgentService::metricsPage() const
{
    QString page;
    const SiteInfo site = m_backend.siteInfo();
    page += QStringLiteral("# HELP haven_agent_info Agent build and site identity.\n# TYPE haven_agent_info gauge\n");
    page += QStringLiteral("haven_agent_info{site=\"%1\",version=\"%2\",backend=\"%3\",protocol=\"%4\"} 1\n")
                .arg(prometheusLabel(site.id), prometheusLabel(site.agentVersion), prometheusLabel(site.backend))
                .arg(site.protocolVersion);
    page += QStringLiteral("# HELP haven_agent_uptime_seconds Seconds since the agent started.\n"
                           "# TYPE haven_agent_uptime_seconds gauge\nhaven_agent_uptime_seconds %1\n")
                .arg(m_uptime.elapsed() / 1000.0);
    page += QStringLiteral("# HELP haven_agent_http_responses_total HTTP responses by status code.\n"
                           "# TYPE haven_agent_http_responses_total counter\n");
    QList<int> statuses = m_statusCounts.keys();
    std::sort(statuses.begin(), statuses.end());
    for (int status : statuses)
        page += QStringLiteral("haven_agent_http_responses_total{code=\"%1\"} %2\n")
                    .arg(status)
                    .arg(m_statusCounts[status]);
    page += QStringLiteral("# HELP haven_agent_topology_revision Current topology revision.\n"
                           "# TYPE haven_agent_topology_revision gauge\nhaven_agent_topology_revision %1\n")
                .arg(m_backend.topology().revision());
    page += QStringLiteral("# HELP haven_agent_actions_running Actions running now.\n"
                           "# TYPE haven_agent_actions_running gauge\nhaven_agent_actions_running %1\n")
                .arg(m_actions->runningCount());
    page += QStringLiteral("# HELP haven_agent_actions_finished_total Actions finished since start, by state.\n"
                           "# TYPE haven_agent_actions_finished_total counter\n");
    const QHash<ActionState, int> counts = m_actions->countsByState();
    for (ActionState state : {ActionState::Succeeded, ActionState::Failed, ActionState::Cancelled})
        page += QStringLiteral("haven_agent_actions_finished_total{state=\"%1\"} %2\n")
                    .arg(toString(state))
                    .arg(counts.value(state));
    page += QStringLiteral("# HELP haven_agent_faults_active Faults injected and not yet reverted.\n"
                           "# TYPE haven_agent_faults_active gauge\nhaven_agent_faults_active %1\n")
                .arg(m_faults->activeCount());
    page += QStringLiteral("# HELP haven_agent_site_dark 1 while a site_dark fault is active.\n"
                           "# TYPE haven_agent_site_dark gauge\nhaven_agent_site_dark %1\n")
                .arg(m_faults->siteDark() ? 1 : 0);
    page += m_backend.metricsText();
    return page.toUtf8();
}

} // namespace Haven
