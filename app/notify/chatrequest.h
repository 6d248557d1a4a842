// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/agents/curlengine.h"
#include "models/inspections/notificationrepository.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Haven {

// What each chat service expects, as its documentation says (docs/notifications.md): the request
// for one message and how to read the answer. Pure, so tests check signatures byte for byte.
class ChatRequest final
{
    Q_DECLARE_TR_FUNCTIONS(ChatRequest)

public:
    // DingTalk custom robot signing: base64(HmacSHA256(key = secret, "timestamp\nsecret")).
    static QByteArray dingTalkSign(qint64 timestampMs, const QByteArray &secret);
    // The URL with &timestamp=...&sign=... (URL-encoded) when secret is set.
    static QString dingTalkUrl(const QString &url, qint64 timestampMs, const QByteArray &secret);
    // Generic webhook signature header value: "sha256=" + hex HmacSHA256(secret, "timestamp.body").
    static QByteArray genericSignature(qint64 timestampMs, const QByteArray &body, const QByteArray &secret);

    static CurlRequest build(const ChatWebhook &webhook, const ChatMessage &message, const QByteArray &secret,
                             qint64 timestampMs);
    // Empty when the service took the message; otherwise why not, for the queue page.
    static QString problem(const ChatWebhook &webhook, const CurlResponse &response);
};

} // namespace Haven
