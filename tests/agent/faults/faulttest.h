// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers of the fault tests: requests and the states of faults at a real agent.

#include "agenttest.h"
#include "protocol/protocol.h"

#include <QJsonArray>

namespace Haven::Test {

inline QJsonObject faultRequest(const QString &kind, const QString &target, const QJsonObject &parameters, int seconds,
                                const QString &key = {})
{
    QJsonObject request{{QStringLiteral("kind"), kind},
                        {QStringLiteral("parameters"), parameters},
                        {QStringLiteral("durationSeconds"), seconds}};
    if (!target.isEmpty())
        request.insert(QStringLiteral("target"), target);
    if (!key.isEmpty())
        request.insert(QStringLiteral("idempotencyKey"), key);
    return request;
}

inline QJsonObject cpuRequest(const QString &target, int seconds, const QString &key = {})
{
    return faultRequest(QStringLiteral("cpu"), target, {{QStringLiteral("percent"), 90}}, seconds, key);
}

inline QJsonObject faultOf(const HttpResult &result)
{
    return result.json().value(QStringLiteral("fault")).toObject();
}

inline QString faultState(const HttpClient &client, const QString &id)
{
    return fetchFault(client, id).value(QStringLiteral("state")).toString();
}

// The faults in effect (GET /v1/faults), -1 when the agent did not answer.
inline int faultsInEffect(const HttpClient &client)
{
    const HttpResult result = client.get(QStringLiteral("/v1/faults"));
    return result.status == 200 ? int(result.json().value(QStringLiteral("faults")).toArray().size()) : -1;
}

} // namespace Haven::Test
