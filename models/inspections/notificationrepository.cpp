// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationrepository.h"

namespace Haven {

namespace {

QString stateName(ChatMessageState state)
{
    switch (state) {
    case ChatMessageState::Queued:
        return QStringLiteral("queued");
    case ChatMessageState::Sent:
        return QStringLiteral("sent");
    case ChatMessageState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

ChatMessageState stateFromName(const QString &name)
{
    if (name == QLatin1String("sent"))
        return ChatMessageState::Sent;
    if (name == QLatin1String("failed"))
        return ChatMessageState::Failed;
    return ChatMessageState::Queued;
}

QDateTime timeOf(const SqliteStatement &statement, int column)
{
    return statement.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(statement.integer(column));
}

const QByteArray MessageColumns
    = "id, webhook_id, title, text, created_ms, state, attempts, next_ms, last_error, sent_ms";

QList<ChatMessage> readMessages(SqliteStatement &select)
{
    QList<ChatMessage> list;
    while (select.next()) {
        ChatMessage message;
        message.id = select.integer(0);
        message.webhookId = select.text(1);
        message.title = select.text(2);
        message.text = select.text(3);
        message.created = timeOf(select, 4);
        message.state = stateFromName(select.text(5));
        message.attempts = int(select.integer(6));
        message.nextAttempt = timeOf(select, 7);
        message.lastError = select.text(8);
        message.sent = timeOf(select, 9);
        list.append(message);
    }
    return list;
}

} // namespace

QString toString(ChatWebhookKind kind)
{
    switch (kind) {
    case ChatWebhookKind::DingTalk:
        return QStringLiteral("dingtalk");
    case ChatWebhookKind::WeCom:
        return QStringLiteral("wecom");
    case ChatWebhookKind::Generic:
        return QStringLiteral("generic");
    }
    return {};
}

std::optional<ChatWebhookKind> chatWebhookKindFromString(QStringView text)
{
    for (ChatWebhookKind kind : {ChatWebhookKind::DingTalk, ChatWebhookKind::WeCom, ChatWebhookKind::Generic}) {
        if (text == toString(kind))
            return kind;
    }
    return std::nullopt;
}

FeatureSchema NotificationRepository::schema()
{
    return {QStringLiteral("notifications"), {R"(CREATE TABLE chat_webhooks (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    url TEXT NOT NULL,
                    secret_name TEXT NOT NULL DEFAULT '',
                    enabled INTEGER NOT NULL DEFAULT 1);
                CREATE TABLE chat_queue (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    webhook_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    created_ms INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_ms INTEGER,
                    last_error TEXT NOT NULL DEFAULT '',
                    sent_ms INTEGER);
                CREATE INDEX chat_queue_due ON chat_queue (state, next_ms);)"}};
}

NotificationRepository::NotificationRepository(LocalStore &store)
    : m_store(store)
{ }

QList<ChatWebhook> NotificationRepository::webhooks()
{
    QList<ChatWebhook> list;
    SqliteStatement select(m_store.database(),
                           "SELECT id, name, kind, url, secret_name, enabled FROM chat_webhooks ORDER BY name, id");
    while (select.next()) {
        list.append({select.text(0), select.text(1),
                     chatWebhookKindFromString(select.text(2)).value_or(ChatWebhookKind::Generic), select.text(3),
                     select.text(4), select.integer(5) != 0});
    }
    return list;
}

std::optional<ChatWebhook> NotificationRepository::webhook(const QString &id)
{
    for (const ChatWebhook &webhook : webhooks()) {
        if (webhook.id == id)
            return webhook;
    }
    return std::nullopt;
}

bool NotificationRepository::saveWebhook(const ChatWebhook &webhook, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement upsert(m_store.database(), "INSERT OR REPLACE INTO chat_webhooks (id, name, kind, url, "
                                                   "secret_name, enabled) VALUES (?, ?, ?, ?, ?, ?)");
        if (!upsert.bind(1, webhook.id)
                 .bind(2, webhook.name)
                 .bind(3, toString(webhook.kind))
                 .bind(4, webhook.url)
                 .bind(5, webhook.secretName)
                 .bind(6, qint64(webhook.enabled ? 1 : 0))
                 .run())
            return false;
        for (const AuditEntry &entry : audit) {
            if (!m_store.insertAudit(entry))
                return false;
        }
        return true;
    });
}

bool NotificationRepository::deleteWebhook(const QString &id, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM chat_webhooks WHERE id = ?");
        SqliteStatement drop(m_store.database(), "DELETE FROM chat_queue WHERE webhook_id = ? AND state = 'queued'");
        if (!remove.bind(1, id).run() || !drop.bind(1, id).run())
            return false;
        for (const AuditEntry &entry : audit) {
            if (!m_store.insertAudit(entry))
                return false;
        }
        return true;
    });
}

qint64 NotificationRepository::enqueue(const QString &webhookId, const QString &title, const QString &text,
                                       const QDateTime &now)
{
    qint64 id = 0;
    m_store.write([&] {
        SqliteStatement insert(m_store.database(),
                               "INSERT INTO chat_queue (webhook_id, title, text, created_ms, state, "
                               "next_ms) VALUES (?, ?, ?, ?, 'queued', ?)");
        if (!insert.bind(1, webhookId)
                 .bind(2, title)
                 .bind(3, text)
                 .bind(4, now.toMSecsSinceEpoch())
                 .bind(5, now.toMSecsSinceEpoch())
                 .run())
            return false;
        SqliteStatement last(m_store.database(), "SELECT last_insert_rowid()");
        id = last.next() ? last.integer(0) : 0;
        return id > 0;
    });
    return id;
}

QList<ChatMessage> NotificationRepository::due(const QDateTime &now, int limit)
{
    SqliteStatement select(m_store.database(), "SELECT " + MessageColumns
                                                   + " FROM chat_queue WHERE state = 'queued' AND next_ms <= ? "
                                                     "ORDER BY id LIMIT ?");
    select.bind(1, now.toMSecsSinceEpoch()).bind(2, qint64(limit));
    return readMessages(select);
}

QList<ChatMessage> NotificationRepository::messages(int limit)
{
    SqliteStatement select(m_store.database(), "SELECT " + MessageColumns + " FROM chat_queue ORDER BY id DESC LIMIT ?");
    select.bind(1, qint64(limit));
    return readMessages(select);
}

QDateTime NotificationRepository::nextDue()
{
    SqliteStatement select(m_store.database(), "SELECT MIN(next_ms) FROM chat_queue WHERE state = 'queued'");
    return select.next() ? timeOf(select, 0) : QDateTime();
}

bool NotificationRepository::markSent(qint64 id, const QDateTime &when)
{
    return m_store.write([&] {
        SqliteStatement update(m_store.database(), "UPDATE chat_queue SET state = 'sent', sent_ms = ?, "
                                                   "attempts = attempts + 1, last_error = '' WHERE id = ?");
        return update.bind(1, when.toMSecsSinceEpoch()).bind(2, id).run();
    });
}

bool NotificationRepository::markAttemptFailed(qint64 id, const QString &error, const QDateTime &nextAttempt)
{
    return m_store.write([&] {
        SqliteStatement update(m_store.database(), "UPDATE chat_queue SET state = ?, attempts = attempts + 1, "
                                                   "last_error = ?, next_ms = ? WHERE id = ?");
        update.bind(1, stateName(nextAttempt.isValid() ? ChatMessageState::Queued : ChatMessageState::Failed))
            .bind(2, error);
        if (nextAttempt.isValid())
            update.bind(3, nextAttempt.toMSecsSinceEpoch());
        else
            update.bindNull(3);
        return update.bind(4, id).run();
    });
}

QList<qint64> NotificationRepository::sentSince(const QString &webhookId, qint64 since)
{
    SqliteStatement select(m_store.database(), "SELECT sent_ms FROM chat_queue WHERE webhook_id = ? AND state = 'sent' "
                                               "AND sent_ms > ? ORDER BY sent_ms");
    select.bind(1, webhookId).bind(2, since);
    QList<qint64> times;
    while (select.next())
        times.append(select.integer(0));
    return times;
}

int NotificationRepository::queuedCount()
{
    SqliteStatement select(m_store.database(), "SELECT COUNT(*) FROM chat_queue WHERE state = 'queued'");
    return select.next() ? int(select.integer(0)) : 0;
}

int NotificationRepository::failedCount()
{
    SqliteStatement select(m_store.database(), "SELECT COUNT(*) FROM chat_queue WHERE state = 'failed'");
    return select.next() ? int(select.integer(0)) : 0;
}

} // namespace Haven
