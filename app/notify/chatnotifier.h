// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/inspections/notificationrepository.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class QTimer;

namespace Haven {

class CurlEngine;
struct Operator;

// Sends chat digests from the durable queue in the local store: one message at a time per
// webhook, at most rateLimit() messages per window per webhook (DingTalk documents 20 a
// minute), failures retried with exponential backoff and shown on the Notifications page.
// What is still queued when the console closes goes out after it starts again.
class ChatNotifier final : public QObject
{
    Q_OBJECT
public:
    // Looks up a webhook's signing secret by name (the secret store in the console); calls back
    // later with the secret, or nullopt and why not.
    using SecretLookup = std::function<void(const QString &secretName, QObject *context,
                                            std::function<void(std::optional<QByteArray>, const QString &)>)>;

    struct Limits
    {
        int messagesPerWindow = 20; // DingTalk: 20 messages a minute per robot
        int windowMs = 60'000;
        int firstRetryMs = 30'000; // then doubling
        int maxRetryMs = 3'600'000;
        int maxAttempts = 10; // then the message has failed for good
    };

    ChatNotifier(LocalStore &store, CurlEngine &engine, SecretLookup secrets, QObject *parent = nullptr);
    ~ChatNotifier() override;

    void setLimits(const Limits &limits);
    const Limits &limits() const { return m_limits; }

    QList<ChatWebhook> webhooks();
    bool saveWebhook(const ChatWebhook &webhook, const Operator &who, QString *error);
    bool deleteWebhook(const QString &id, const Operator &who);

    // Queues one message for each webhook id (unknown and disabled ones are skipped); returns
    // how many were queued.
    int enqueue(const QStringList &webhookIds, const QString &title, const QString &text);
    // A failed message goes back to the queue for one more round of attempts.
    bool retry(qint64 messageId);
    QList<ChatMessage> messages(int limit = 200);
    int queuedCount();
    int failedCount();

    // Looks at the queue now (also done on a timer and after each send).
    void pump();

Q_SIGNALS:
    void queueChanged();

private:
    void send(const ChatWebhook &webhook, const ChatMessage &message, const QByteArray &secret);
    void finished(const ChatMessage &message, const QString &problem);
    int sentInWindow(const QString &webhookId, qint64 nowMs);
    void schedule();

    LocalStore &m_store;
    QPointer<CurlEngine> m_engine;
    SecretLookup m_secrets;
    Limits m_limits;
    QTimer *m_timer;
    QSet<QString> m_busy;                   // webhooks with a message on its way
    QHash<QString, QList<qint64>> m_recent; // webhook id → send times (ms) in the current window
};

} // namespace Haven
