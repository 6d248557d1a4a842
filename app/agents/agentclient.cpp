// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentclient.h"

#include "core/jsonfields.h"
#include "curlengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

#include <curl/curl.h>

namespace Haven {

namespace {

AgentError failure(AgentError::Kind kind, QString detail, int httpStatus = 0, QString code = {})
{
    AgentError error;
    error.kind = kind;
    error.detail = std::move(detail);
    error.httpStatus = httpStatus;
    error.code = std::move(code);
    return error;
}

AgentError::Kind kindOfCurlCode(int code)
{
    switch (CURLcode(code)) {
    case CURLE_OPERATION_TIMEDOUT:
        return AgentError::Kind::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return AgentError::Kind::Tls;
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_WRITE_ERROR:
        return AgentError::Kind::Protocol;
    default:
        // Refused, unresolvable, no route, a connection that broke before the answer, a
        // malformed URL: in each case the agent cannot be reached at this address.
        return AgentError::Kind::Unreachable;
    }
}

// The agent's {"error":{"code":..,"message":..}}, if the body has that shape.
bool readErrorShape(const QByteArray &body, QString *code, QString *message)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    *code = error.value(QStringLiteral("code")).toString();
    *message = error.value(QStringLiteral("message")).toString();
    return !code->isEmpty() || !message->isEmpty();
}

// Turns one transfer into a JSON object or the reason there is none.
AgentError classify(const CurlResponse &response, QJsonObject *json)
{
    using Kind = AgentError::Kind;
    if (response.tooLarge)
        return failure(Kind::Protocol, AgentError::tr("response larger than %1 bytes").arg(response.maxResponseBytes),
                       int(response.httpStatus), QStringLiteral("response_too_large"));
    if (response.curlCode != CURLE_OK) {
        const Kind kind = kindOfCurlCode(response.curlCode);
        AgentError error = failure(kind, response.curlError, int(response.httpStatus));
        switch (response.curlCode) {
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            error.code = QStringLiteral("pin_mismatch");
            break;
        case CURLE_PEER_FAILED_VERIFICATION:
            error.code = QStringLiteral("untrusted_certificate");
            break;
        case CURLE_SSL_CACERT_BADFILE:
            error.code = QStringLiteral("ca_file_unusable");
            break;
        default:
            error.code = QStringLiteral("curl_%1").arg(response.curlCode);
            break;
        }
        if (response.curlCode == CURLE_PARTIAL_FILE)
            error.detail = AgentError::tr("the answer was cut short (%1)").arg(response.curlError);
        return error;
    }

    const int status = int(response.httpStatus);
    if (status == 401 || status == 403) {
        QString code, message;
        readErrorShape(response.body, &code, &message);
        return failure(Kind::Authentication, message, status, code);
    }
    if (status < 200 || status > 299) {
        QString code, message;
        if (!readErrorShape(response.body, &code, &message)) {
            // Not the agent's error shape (a proxy's page, say): its text, without markup.
            static const QRegularExpression markup(QStringLiteral("<[^>]*>"));
            message
                = QString::fromUtf8(response.body.left(400)).replace(markup, QStringLiteral(" ")).simplified().left(200);
        }
        return failure(Kind::Http, message, status, code);
    }

    if (!response.contentType.toLower().startsWith("application/json")) {
        return failure(Kind::Protocol,
                       AgentError::tr("the answer is not JSON (Content-Type: %1)")
                           .arg(response.contentType.isEmpty() ? QStringLiteral("none")
                                                               : QString::fromLatin1(response.contentType)),
                       status);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(Kind::Protocol,
                       AgentError::tr("malformed JSON: %1 at byte %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset),
                       status);
    }
    if (!document.isObject())
        return failure(Kind::Protocol, AgentError::tr("the answer is not a JSON object"), status);
    *json = document.object();
    return {};
}

AgentError protocolError(const QString &detail)
{
    return failure(AgentError::Kind::Protocol, detail);
}

// Reads {"<key>": {...record...}} with the record type's own fromJson.
template<typename T>
std::optional<T> wrapped(const QJsonObject &json, const QString &key, AgentError *error)
{
    JsonFields fields(json);
    const QJsonObject inner = fields.requiredObject(key);
    if (!fields.ok()) {
        *error = protocolError(fields.error());
        return std::nullopt;
    }
    QString problem;
    std::optional<T> value = T::fromJson(inner, &problem);
    if (!value)
        *error = protocolError(key + QLatin1Char('.') + problem);
    return value;
}

// Forwards a parsed value or the first problem; the shared shape of every typed call.
template<typename T, typename Parse>
std::function<void(const QJsonObject &, const AgentError &)> typed(AgentClient::Callback<T> done, Parse parse)
{
    return [done = std::move(done), parse = std::move(parse)](const QJsonObject &json, const AgentError &error) {
        if (!error.ok()) {
            done(std::nullopt, error);
            return;
        }
        AgentError problem;
        std::optional<T> value = parse(json, &problem);
        if (!value && problem.ok())
            problem = protocolError(AgentError::tr("the answer has an unexpected shape"));
        if (!problem.ok())
            value.reset();
        done(std::move(value), problem);
    };
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

QString AgentError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return AgentError::tr("OK");
    case Kind::Unreachable:
        return AgentError::tr("Unreachable");
    case Kind::Timeout:
        return AgentError::tr("Timeout");
    case Kind::Tls:
        return AgentError::tr("TLS");
    case Kind::Authentication:
        return AgentError::tr("Authentication");
    case Kind::Protocol:
        return AgentError::tr("Protocol");
    case Kind::Http:
        return AgentError::tr("Refused");
    case Kind::Cancelled:
        return AgentError::tr("Cancelled");
    }
    return {};
}

QString AgentError::message(const QString &siteName, const QString &url) const
{
    // libcurl's messages sometimes end with a full stop; the sentence goes on after them.
    QString said = detail.trimmed();
    while (said.endsWith(QLatin1Char('.')))
        said.chop(1);
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unreachable:
        return AgentError::tr("%1 cannot be reached at %2: %3. Check that haven-agent runs there and that the address "
                              "and port are right.")
            .arg(siteName, url, said);
    case Kind::Timeout:
        return AgentError::tr("%1 did not answer in time at %2: %3. The site may be down or dark, the agent overloaded "
                              "or the network slow; check the network to the site and the agent.")
            .arg(siteName, url, said);
    case Kind::Tls:
        if (code == QLatin1StringView("pin_mismatch"))
            return AgentError::tr(
                       "The certificate of %1 at %2 does not match the pinned key: the agent was re-keyed or "
                       "this is not the agent you expect; verify and update the pin on the Environment page.")
                .arg(siteName, url);
        if (code == QLatin1StringView("ca_file_unusable"))
            return AgentError::tr(
                       "The CA file for %1 cannot be used: %2. Choose a readable PEM file on the Environment "
                       "page.")
                .arg(siteName, said);
        if (code == QLatin1StringView("untrusted_certificate"))
            return AgentError::tr("The certificate of %1 at %2 is not trusted: %3. Set the agent's pin or the right CA "
                                  "file on the Environment page.")
                .arg(siteName, url, said);
        return AgentError::tr("The secure connection to %1 at %2 failed: %3. Check that the agent serves HTTPS on "
                              "this port and that the site's pin or CA file is right.")
            .arg(siteName, url, said);
    case Kind::Authentication:
        return AgentError::tr("%1 at %2: the agent refused the token (HTTP %3); set the site's token again on the "
                              "Environment page.")
            .arg(siteName, url)
            .arg(httpStatus);
    case Kind::Protocol:
        return AgentError::tr("%1 at %2 sent an answer the console cannot use: %3. Check that the address points at "
                              "haven-agent and that its version fits this console.")
            .arg(siteName, url, said);
    case Kind::Http:
        return AgentError::tr("%1 at %2 refused the request (HTTP %3%4): %5. Nothing was changed on the site; correct "
                              "the request or look at the agent's log.")
            .arg(siteName, url)
            .arg(httpStatus)
            .arg(code.isEmpty() ? QString() : QStringLiteral(" %1").arg(code))
            .arg(said);
    case Kind::Cancelled:
        return AgentError::tr("The request to %1 at %2 was cancelled.").arg(siteName, url);
    }
    return {};
}

AgentConnection AgentConnection::forSite(const SiteEndpoint &site, const QByteArray &token)
{
    AgentConnection connection;
    connection.siteId = site.id;
    connection.siteName = site.name.isEmpty() ? site.id : site.name;
    connection.url = site.url;
    connection.token = token;
    connection.pin = site.pin;
    connection.caFile = site.caFile;
    return connection;
}

AgentClient::AgentClient(CurlEngine &engine, AgentConnection connection, QObject *parent)
    : QObject(parent)
    , m_engine(&engine)
    , m_connection(std::move(connection))
{ }

AgentClient::~AgentClient()
{
    cancelAll();
}

void AgentClient::setConnection(AgentConnection connection)
{
    cancelAll();
    m_connection = std::move(connection);
}

void AgentClient::cancel(RequestId id)
{
    if (m_pending.removeOne(id) && m_engine)
        m_engine->cancel(id);
}

void AgentClient::cancelAll()
{
    const QList<RequestId> pending = std::exchange(m_pending, {});
    if (!m_engine)
        return;
    for (const RequestId id : pending)
        m_engine->cancel(id);
}

void AgentClient::finished(RequestId id)
{
    m_pending.removeOne(id);
}

AgentClient::RequestId AgentClient::get(const QString &path, int holdSeconds, JsonDone done)
{
    return send("GET", path, {}, holdSeconds, std::move(done));
}

AgentClient::RequestId AgentClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                         int holdSeconds, JsonDone done)
{
    if (!m_engine)
        return 0;
    CurlRequest request;
    request.method = method;
    request.url = m_connection.url + path;
    request.headers.append("Accept: application/json");
    if (!m_connection.token.isEmpty())
        request.headers.append("Authorization: Bearer " + m_connection.token);
    if (method != "GET")
        request.headers.append("Content-Type: application/json");
    request.body = body;
    request.connectTimeoutMs = m_connection.connectTimeoutMs;
    // The agent is silent while it holds a long-poll: neither limit may end a legitimate wait.
    if (holdSeconds > 0 && m_connection.longPollMarginMs > 0)
        request.timeoutMs = holdSeconds * 1000 + m_connection.longPollMarginMs;
    else
        request.timeoutMs = m_connection.requestTimeoutMs > 0 ? m_connection.requestTimeoutMs + holdSeconds * 1000 : 0;
    request.lowSpeedSeconds = m_connection.lowSpeedSeconds > 0 ? m_connection.lowSpeedSeconds + holdSeconds : 0;
    request.maxResponseBytes = m_connection.maxResponseBytes;
    request.pin = m_connection.pin;
    request.caFile = m_connection.caFile;

    // The id is known only after start(); the engine never calls back before start() returns.
    auto id = std::make_shared<RequestId>(0);
    *id = m_engine->start(request, [this, id, done = std::move(done)](const CurlResponse &response) {
        finished(*id);
        QJsonObject json;
        const AgentError error = classify(response, &json);
        done(json, error); // may destroy this client: nothing after it
    });
    m_pending.append(*id);
    return *id;
}

AgentClient::RequestId AgentClient::requestJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                                                JsonCallback done)
{
    const QByteArray data = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send(method, path, data, 0, std::move(done));
}

AgentClient::RequestId AgentClient::fetchSite(Callback<SiteInfo> done)
{
    return get(QStringLiteral("/v1/site"), 0,
               typed<SiteInfo>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   QString problem;
                   std::optional<SiteInfo> site = SiteInfo::fromJson(json, &problem);
                   if (!site) {
                       *error = protocolError(problem);
                   } else if (site->protocolVersion != ProtocolVersion) {
                       *error = protocolError(AgentError::tr("protocolVersion %1 is not supported; this console speaks "
                                                             "version %2")
                                                  .arg(site->protocolVersion)
                                                  .arg(ProtocolVersion));
                       site.reset();
                   }
                   return site;
               }));
}

AgentClient::RequestId AgentClient::fetchTopology(Callback<TopologySnapshot> done)
{
    return get(QStringLiteral("/v1/topology"), 0,
               typed<TopologySnapshot>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   QString problem;
                   std::optional<TopologySnapshot> snapshot = TopologySnapshot::fromJson(json, &problem);
                   if (!snapshot)
                       *error = protocolError(problem);
                   return snapshot;
               }));
}

AgentClient::RequestId AgentClient::fetchChanges(quint64 since, const QString &epoch, int waitSeconds,
                                                 Callback<TopologyChanges> done)
{
    waitSeconds = std::clamp(waitSeconds, 0, 60);
    QString path = QStringLiteral("/v1/topology/changes?since=%1&wait=%2").arg(since).arg(waitSeconds);
    if (!epoch.isEmpty())
        path += QStringLiteral("&epoch=") + encoded(epoch);
    return get(path, waitSeconds,
               typed<TopologyChanges>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   QString problem;
                   std::optional<TopologyChanges> changes = TopologyChanges::fromJson(json, &problem);
                   if (!changes)
                       *error = protocolError(problem);
                   return changes;
               }));
}

AgentClient::RequestId AgentClient::fetchOperations(Callback<QList<OperationSpec>> done)
{
    return get(QStringLiteral("/v1/operations"), 0,
               typed<QList<OperationSpec>>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   JsonFields fields(json);
                   const QJsonArray array = fields.requiredArray(QStringLiteral("operations"));
                   if (!fields.ok()) {
                       *error = protocolError(fields.error());
                       return std::optional<QList<OperationSpec>>();
                   }
                   QList<OperationSpec> operations;
                   for (qsizetype i = 0; i < array.size(); ++i) {
                       const QString path = QStringLiteral("operations[%1]").arg(i);
                       if (!array.at(i).isObject()) {
                           *error = protocolError(path + QStringLiteral(": expected an object"));
                           return std::optional<QList<OperationSpec>>();
                       }
                       QString problem;
                       std::optional<OperationSpec> spec = OperationSpec::fromJson(array.at(i).toObject(), &problem,
                                                                                   path);
                       if (!spec) {
                           *error = protocolError(problem);
                           return std::optional<QList<OperationSpec>>();
                       }
                       operations.append(std::move(*spec));
                   }
                   return std::optional<QList<OperationSpec>>(std::move(operations));
               }));
}

AgentClient::RequestId AgentClient::startAction(const QString &operation, const QJsonObject &parameters,
                                                const QString &idempotencyKey, Callback<ActionRecord> done)
{
    const QJsonObject body{{QStringLiteral("operation"), operation},
                           {QStringLiteral("parameters"), parameters},
                           {QStringLiteral("idempotencyKey"), idempotencyKey}};
    return send("POST", QStringLiteral("/v1/actions"), QJsonDocument(body).toJson(QJsonDocument::Compact), 0,
                typed<ActionRecord>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                    return wrapped<ActionRecord>(json, QStringLiteral("action"), error);
                }));
}

AgentClient::RequestId AgentClient::injectFault(const FaultRequest &request, Callback<FaultRecord> done)
{
    QJsonObject body{{QStringLiteral("kind"), toString(request.kind)},
                     {QStringLiteral("parameters"), request.parameters},
                     {QStringLiteral("durationSeconds"), request.durationSeconds}};
    if (request.kind != FaultKind::SiteDark)
        body.insert(QStringLiteral("target"), request.target);
    if (!request.idempotencyKey.isEmpty())
        body.insert(QStringLiteral("idempotencyKey"), request.idempotencyKey);
    if (!request.drillId.isEmpty())
        body.insert(QStringLiteral("drillId"), request.drillId);
    return send("POST", QStringLiteral("/v1/faults"), QJsonDocument(body).toJson(QJsonDocument::Compact), 0,
                typed<FaultRecord>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                    return wrapped<FaultRecord>(json, QStringLiteral("fault"), error);
                }));
}

AgentClient::RequestId AgentClient::revertFault(const QString &id, const QString &reason, Callback<FaultRecord> done)
{
    const QJsonObject body{{QStringLiteral("reason"), reason}};
    return send("POST", QStringLiteral("/v1/faults/") + encoded(id) + QStringLiteral("/revert"),
                QJsonDocument(body).toJson(QJsonDocument::Compact), 0,
                typed<FaultRecord>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                    return wrapped<FaultRecord>(json, QStringLiteral("fault"), error);
                }));
}

AgentClient::RequestId AgentClient::fetchFault(const QString &id, Callback<FaultRecord> done)
{
    return get(QStringLiteral("/v1/faults/") + encoded(id), 0,
               typed<FaultRecord>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   return wrapped<FaultRecord>(json, QStringLiteral("fault"), error);
               }));
}

AgentClient::RequestId AgentClient::fetchFaultLimits(Callback<FaultLimits> done)
{
    return get(QStringLiteral("/v1/faults/limits"), 0,
               typed<FaultLimits>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   return wrapped<FaultLimits>(json, QStringLiteral("limits"), error);
               }));
}

AgentClient::RequestId AgentClient::fetchFaults(bool all, Callback<QList<FaultRecord>> done)
{
    using Faults = QList<FaultRecord>;
    return get(all ? QStringLiteral("/v1/faults?all=1") : QStringLiteral("/v1/faults"), 0,
               typed<Faults>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   JsonFields fields(json);
                   const QJsonArray list = fields.requiredArray(QStringLiteral("faults"));
                   if (!fields.ok()) {
                       *error = protocolError(fields.error());
                       return std::optional<Faults>();
                   }
                   Faults faults;
                   for (qsizetype i = 0; i < list.size(); ++i) {
                       QString problem;
                       std::optional<FaultRecord> fault = FaultRecord::fromJson(list.at(i).toObject(), &problem);
                       if (!fault) {
                           *error = protocolError(QStringLiteral("faults[%1].").arg(i) + problem);
                           return std::optional<Faults>();
                       }
                       faults.append(*fault);
                   }
                   return std::optional<Faults>(std::move(faults));
               }));
}

AgentClient::RequestId AgentClient::fetchAction(const QString &id, Callback<ActionRecord> done)
{
    return get(QStringLiteral("/v1/actions/") + encoded(id), 0,
               typed<ActionRecord>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   return wrapped<ActionRecord>(json, QStringLiteral("action"), error);
               }));
}

AgentClient::RequestId AgentClient::findActionByKey(const QString &key, Callback<std::optional<ActionRecord>> done)
{
    using Found = std::optional<ActionRecord>;
    return get(QStringLiteral("/v1/actions?key=") + encoded(key), 0,
               typed<Found>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                   JsonFields fields(json);
                   const QJsonArray actions = fields.requiredArray(QStringLiteral("actions"));
                   if (!fields.ok()) {
                       *error = protocolError(fields.error());
                       return std::optional<Found>();
                   }
                   if (actions.isEmpty())
                       return std::optional<Found>(Found());
                   QString problem;
                   std::optional<ActionRecord> action = ActionRecord::fromJson(actions.first().toObject(), &problem);
                   if (!action) {
                       *error = protocolError(QStringLiteral("actions[0].") + problem);
                       return std::optional<Found>();
                   }
                   return std::optional<Found>(std::move(action));
               }));
}

AgentClient::RequestId AgentClient::cancelAction(const QString &id, Callback<ActionRecord> done)
{
    return send("POST", QStringLiteral("/v1/actions/%1/cancel").arg(encoded(id)), QByteArrayLiteral("{}"), 0,
                typed<ActionRecord>(std::move(done), [](const QJsonObject &json, AgentError *error) {
                    return wrapped<ActionRecord>(json, QStringLiteral("action"), error);
                }));
}

AgentClient::RequestId AgentClient::fetchActionLog(const QString &id, qint64 offset, Callback<ActionLogChunk> done)
{
    return get(QStringLiteral("/v1/actions/%1/log?offset=%2").arg(encoded(id)).arg(offset), 0,
               typed<ActionLogChunk>(std::move(done), [offset](const QJsonObject &json, AgentError *error) {
                   JsonFields fields(json);
                   ActionLogChunk chunk;
                   chunk.offset = fields.requiredInteger(QStringLiteral("offset"));
                   chunk.nextOffset = fields.requiredInteger(QStringLiteral("nextOffset"));
                   chunk.size = fields.requiredInteger(QStringLiteral("size"));
                   chunk.complete = fields.optionalBool(QStringLiteral("complete"), false);
                   chunk.text = fields.requiredString(QStringLiteral("text"));
                   if (fields.ok() && (chunk.offset != offset || chunk.nextOffset < chunk.offset))
                       fields.fail(QStringLiteral("nextOffset"),
                                   QStringLiteral("does not follow the requested offset"));
                   if (!fields.ok()) {
                       *error = protocolError(fields.error());
                       return std::optional<ActionLogChunk>();
                   }
                   return std::optional<ActionLogChunk>(std::move(chunk));
               }));
}

} // namespace Haven
