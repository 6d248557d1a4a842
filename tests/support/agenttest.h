// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the protocol tests that talk to a real haven-agent.

#include "agentprocess.h"
#include "httpclient.h"
#include "waituntil.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <QUuid>

#include <curl/curl.h>

namespace Haven::Test {

// A file under tests/data.
inline QString testData(const QString &name)
{
    return QStringLiteral(HAVEN_TEST_DATA_DIR "/") + name;
}

// The public-key pin (sha256//...) of a PEM certificate, as haven-agent --pin prints it.
inline QString pinOf(const QString &certificatePath)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath);
    if (certificates.isEmpty())
        return {};
    const QByteArray spki = certificates.first().publicKey().toDer();
    return QStringLiteral("sha256//")
           + QString::fromLatin1(QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64());
}

// A fresh idempotency key.
inline QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QJsonObject actionRequest(const QString &operation, const QJsonObject &parameters, const QString &key)
{
    return {{QStringLiteral("operation"), operation},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("idempotencyKey"), key}};
}

// The action's JSON as GET /v1/actions/{id} reports it (empty when it cannot be read).
inline QJsonObject fetchAction(const HttpClient &client, const QString &id)
{
    return client.get(QStringLiteral("/v1/actions/") + id).json().value(QStringLiteral("action")).toObject();
}

inline QString actionState(const HttpClient &client, const QString &id)
{
    return fetchAction(client, id).value(QStringLiteral("state")).toString();
}

inline bool isFinalState(const QString &state)
{
    return state == QLatin1StringView("succeeded") || state == QLatin1StringView("failed")
           || state == QLatin1StringView("cancelled");
}

// The action once it reached a final state, or its last known state on timeout.
inline QJsonObject waitForFinalAction(const HttpClient &client, const QString &id, int timeoutMs)
{
    QJsonObject action;
    waitUntil(
        [&] {
        action = fetchAction(client, id);
        return isFinalState(action.value(QStringLiteral("state")).toString());
        },
        timeoutMs);
    return action;
}

inline QJsonObject fetchFault(const HttpClient &client, const QString &id)
{
    return client.get(QStringLiteral("/v1/faults/") + id).json().value(QStringLiteral("fault")).toObject();
}

inline QJsonObject topology(const HttpClient &client)
{
    return client.get(QStringLiteral("/v1/topology")).json();
}

inline QJsonObject componentOf(const QJsonObject &topologyJson, const QString &id)
{
    const QJsonArray components = topologyJson.value(QStringLiteral("components")).toArray();
    for (const QJsonValue &component : components) {
        if (component.toObject().value(QStringLiteral("id")).toString() == id)
            return component.toObject();
    }
    return {};
}

// libcurl's global state must be set up before any thread uses it.
inline void initCurl()
{
    static const bool done = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    Q_UNUSED(done)
}

} // namespace Haven::Test

// Starts an agent or fails the test with what the agent printed.
#define HAVEN_START_AGENT(agent, options) QVERIFY2((agent).start(options), qPrintable((agent).output()))
