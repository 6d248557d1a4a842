// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrl>

namespace Haven {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

} // namespace

QByteArray ChatRequest::dingTalkSign(qint64 timestampMs, const QByteArray &secret)
{
    return hmac(secret, QByteArray::number(timestampMs) + '\n' + secret).toBase64();
}

QString ChatRequest::dingTalkUrl(const QString &url, qint64 timestampMs, const QByteArray &secret)
{
    if (secret.isEmpty())
        return url;
    const QString sign = QString::fromLatin1(
        QUrl::toPercentEncoding(QString::fromLatin1(dingTalkSign(timestampMs, secret))));
    return url + (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
           + QStringLiteral("timestamp=%1&sign=%2").arg(timestampMs).arg(sign);
}

QByteArray ChatRequest::genericSignature(qint64 timestampMs, const QByteArray &body, const QByteArray &secret)
{
    return "sha256=" + hmac(secret, QByteArray::number(timestampMs) + '.' + body).toHex();
}

CurlRequest ChatRequest::build(const ChatWebhook &webhook, const ChatMessage &message, const QByteArray &secret,
                               qint64 timestampMs)
{
    CurlRequest request;
    request.method = "POST";
    request.url = webhook.url;
    request.headers = {"Content-Type: application/json; charset=utf-8"};
    request.timeoutMs = 15'000;
    request.maxResponseBytes = 64 * 1024;
    QJsonObject body;
    switch (webhook.kind) {
    case ChatWebhookKind::DingTalk:
        request.url = dingTalkUrl(webhook.url, timestampMs, secret);
        body = {{QStringLiteral("msgtype"), QStringLiteral("markdown")},
                {QStringLiteral("markdown"),
                 QJsonObject{{QStringLiteral("title"), message.title}, {QStringLiteral("text"), message.text}}}};
        break;
    case ChatWebhookKind::WeCom:
        body = {{QStringLiteral("msgtype"), QStringLiteral("markdown")},
                {QStringLiteral("markdown"), QJsonObject{{QStringLiteral("content"), message.text}}}};
        break;
    case ChatWebhookKind::Generic:
        body = {{QStringLiteral("source"), QStringLiteral("haven")},
                {QStringLiteral("id"), message.id},
                {QStringLiteral("title"), message.title},
                {QStringLiteral("text"), message.text},
                {QStringLiteral("created"), message.created.toUTC().toString(Qt::ISODateWithMs)}};
        break;
    }
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (webhook.kind == ChatWebhookKind::Generic && !secret.isEmpty()) {
        request.headers.append("X-Haven-Timestamp: " + QByteArray::number(timestampMs));
        request.headers.append("X-Haven-Signature: " + genericSignature(timestampMs, request.body, secret));
    }
    return request;
}

QString ChatRequest::problem(const ChatWebhook &webhook, const CurlResponse &response)
{
    if (response.curlCode != 0)
        return tr("%1 cannot be reached: %2").arg(webhook.url.section(QLatin1Char('?'), 0, 0), response.curlError);
    if (response.httpStatus < 200 || response.httpStatus > 299)
        return tr("the webhook answered HTTP %1: %2")
            .arg(response.httpStatus)
            .arg(QString::fromUtf8(response.body.left(200)));
    if (webhook.kind == ChatWebhookKind::Generic)
        return {};
    // DingTalk and WeCom answer 200 with {"errcode": 0, "errmsg": "ok"}; anything else is refused.
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (!answer.contains(QStringLiteral("errcode")))
        return tr("the robot's answer has no errcode: %1").arg(QString::fromUtf8(response.body.left(200)));
    const int code = answer.value(QStringLiteral("errcode")).toInt();
    if (code != 0)
        return tr("the robot refused the message (errcode %1: %2)")
            .arg(code)
            .arg(answer.value(QStringLiteral("errmsg")).toString());
    return {};
}

} // namespace Haven
