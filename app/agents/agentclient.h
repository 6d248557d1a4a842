// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/environment/environment.h"
#include "protocol/protocol.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Haven {

class CurlEngine;

// Why a request to an agent failed, in the words an operator needs.
struct AgentError
{
    Q_DECLARE_TR_FUNCTIONS(AgentError)

public:
    enum class Kind {
        None,
        Unreachable,    // DNS, refused, no route: the agent or its network is down
        Timeout,        // connected or not, no answer in time
        Tls,            // certificate, pin or handshake
        Authentication, // 401/403: the token is wrong or revoked
        Protocol,       // bad JSON, wrong shape, unknown protocol version, too large
        Http,           // another error the agent reported in its error shape
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    // The agent's error.code when it sent one; otherwise the client's own: "pin_mismatch",
    // "untrusted_certificate", "ca_file_unusable", "response_too_large" or "curl_<CURLcode>".
    QString code;
    QString detail; // what libcurl or the agent said

    bool ok() const { return kind == Kind::None; }
    // "Shanghai A cannot be reached at https://...: Connection refused. Check that haven-agent
    // runs there and that the address and port are right." — what happened, and what to do.
    QString message(const QString &siteName, const QString &url) const;
    static QString kindName(Kind kind);
};

// How to reach one agent. The token comes from the SecretStore at connect time.
struct AgentConnection
{
    QString siteId;
    QString siteName;
    QString url; // base URL, no trailing slash
    QByteArray token;
    QString pin;    // sha256//..., checked by libcurl on every connection
    QString caFile; // private CA; with neither pin nor CA the system trust store is used
    int connectTimeoutMs = 3000;
    int requestTimeoutMs = 15000;       // a whole call; a long-poll adds its wait to this
    int longPollMarginMs = 0;           // when set: a long-poll gets only its wait plus this margin
    int lowSpeedSeconds = 10;           // abort when under 1 byte/s for this long
    qint64 maxResponseBytes = 64 << 20; // a lying agent cannot fill the console's memory

    // The address, trust and identity of a configured site, with default timeouts.
    static AgentConnection forSite(const SiteEndpoint &site, const QByteArray &token);
};

// One chunk of an action's log (GET /v1/actions/{id}/log): bytes [offset, nextOffset) of the
// UTF-8 log; complete once the action is final and everything was read.
struct ActionLogChunk
{
    qint64 offset = 0;
    qint64 nextOffset = 0;
    qint64 size = 0;
    bool complete = false;
    QString text;
};

// What a drill asks an agent to inject (POST /v1/faults).
struct FaultRequest
{
    FaultKind kind = FaultKind::Cpu;
    QString target;
    QJsonObject parameters;
    int durationSeconds = 0;
    QString idempotencyKey; // the same key never injects a second fault
    QString drillId;
};

// Typed protocol v1 calls to one agent over the shared CurlEngine. Every callback runs on
// the owner's thread from the event loop, never from inside the call that started it, and
// never after the client is destroyed or the request was cancelled.
class AgentClient final : public QObject
{
    Q_OBJECT
public:
    using RequestId = quint64;
    template<typename T>
    using Callback = std::function<void(std::optional<T>, const AgentError &)>;

    AgentClient(CurlEngine &engine, AgentConnection connection, QObject *parent = nullptr);
    ~AgentClient() override;

    const AgentConnection &connection() const { return m_connection; }
    // Requests in flight were made with the old connection: they are cancelled.
    void setConnection(AgentConnection connection);

    RequestId fetchSite(Callback<SiteInfo> done);
    RequestId fetchTopology(Callback<TopologySnapshot> done);
    // Long-poll: waitSeconds 0..60; the request's own timeout is stretched to fit the wait.
    RequestId fetchChanges(quint64 since, const QString &epoch, int waitSeconds, Callback<TopologyChanges> done);
    RequestId fetchOperations(Callback<QList<OperationSpec>> done);
    RequestId startAction(const QString &operation, const QJsonObject &parameters, const QString &idempotencyKey,
                          Callback<ActionRecord> done);
    RequestId fetchAction(const QString &id, Callback<ActionRecord> done);
    RequestId findActionByKey(const QString &key, Callback<std::optional<ActionRecord>> done);
    RequestId cancelAction(const QString &id, Callback<ActionRecord> done);
    RequestId fetchActionLog(const QString &id, qint64 offset, Callback<ActionLogChunk> done);

    RequestId injectFault(const FaultRequest &request, Callback<FaultRecord> done);
    RequestId revertFault(const QString &id, const QString &reason, Callback<FaultRecord> done);
    RequestId fetchFault(const QString &id, Callback<FaultRecord> done);
    RequestId fetchFaults(bool all, Callback<QList<FaultRecord>> done); // all: ended ones too (the last 200)
    RequestId fetchFaultLimits(Callback<FaultLimits> done);
    // A call of a feature's own family (inspections, ...), whose service reads its own wire types.
    // body is sent unless the method is GET.
    using JsonCallback = std::function<void(const QJsonObject &, const AgentError &)>;
    RequestId requestJson(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done);

    // The callback of a cancelled request is never called.
    void cancel(RequestId id);
    void cancelAll();
    int pendingCount() const { return int(m_pending.size()); }

private:
    using JsonDone = std::function<void(const QJsonObject &, const AgentError &)>;
    // holdSeconds: how long the agent may rightly keep the answer back (a long-poll's wait).
    RequestId get(const QString &path, int holdSeconds, JsonDone done);
    RequestId send(const QByteArray &method, const QString &path, const QByteArray &body, int holdSeconds,
                   JsonDone done);
    void finished(RequestId id);

    QPointer<CurlEngine> m_engine; // may go first at shutdown; then there is nothing to cancel
    AgentConnection m_connection;
    QList<RequestId> m_pending;
};

} // namespace Haven
