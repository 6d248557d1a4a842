// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/localstore.h"

#include <QDateTime>

#include <optional>

namespace Haven {

enum class ChatWebhookKind { DingTalk, WeCom, Generic };

QString toString(ChatWebhookKind kind);
std::optional<ChatWebhookKind> chatWebhookKindFromString(QStringView text);

// A chat robot that gets inspection digests. The signing secret (DingTalk) is kept in the
// secret store under secretName, never here.
struct ChatWebhook
{
    QString id;
    QString name;
    ChatWebhookKind kind = ChatWebhookKind::Generic;
    QString url;
    QString secretName; // empty: unsigned
    bool enabled = true;

    static QString secretKeyFor(const QString &secretName) { return QStringLiteral("webhook/%1").arg(secretName); }
};

enum class ChatMessageState { Queued, Sent, Failed };

// One digest waiting for, or delivered to, one webhook.
struct ChatMessage
{
    qint64 id = 0;
    QString webhookId;
    QString title;
    QString text; // markdown
    QDateTime created;
    ChatMessageState state = ChatMessageState::Queued;
    int attempts = 0;
    QDateTime nextAttempt;
    QString lastError;
    QDateTime sent;
};

// The chat webhooks and the durable queue of digests, in the local store, so that what was not
// delivered when the console closed goes out after it starts again.
class NotificationRepository final
{
public:
    static FeatureSchema schema();

    explicit NotificationRepository(LocalStore &store);

    QList<ChatWebhook> webhooks(); // sorted by name
    std::optional<ChatWebhook> webhook(const QString &id);
    bool saveWebhook(const ChatWebhook &webhook, const QList<AuditEntry> &audit = {});
    bool deleteWebhook(const QString &id, const QList<AuditEntry> &audit = {});

    // 0 on failure.
    qint64 enqueue(const QString &webhookId, const QString &title, const QString &text, const QDateTime &now);
    // Queued messages whose next attempt is due, oldest first.
    QList<ChatMessage> due(const QDateTime &now, int limit = 100);
    // The newest messages in any state, newest first.
    QList<ChatMessage> messages(int limit = 200);
    QDateTime nextDue(); // null when nothing is queued
    bool markSent(qint64 id, const QDateTime &when);
    // Another attempt at nextAttempt, or (null) none: the message failed for good.
    bool markAttemptFailed(qint64 id, const QString &error, const QDateTime &nextAttempt);
    // When messages to webhookId were sent since since (ms since the epoch), oldest first: the
    // rate window survives a restart.
    QList<qint64> sentSince(const QString &webhookId, qint64 since);
    int queuedCount();
    int failedCount();

private:
    LocalStore &m_store;
};

} // namespace Haven
