// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatnotifier.h"

#include "chatrequest.h"

#include "app/agents/curlengine.h"
#include "app/executions/executionengine.h"

#include <QTimer>
#include <QUrl>

namespace Haven {

ChatNotifier::ChatNotifier(LocalStore &store, CurlEngine &engine, SecretLookup secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(&engine)
    , m_secrets(std::move(secrets))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ChatNotifier::pump);
    // Messages left from the last session go out once the event loop runs.
    QTimer::singleShot(0, this, &ChatNotifier::pump);
}

ChatNotifier::~ChatNotifier() = default;

void ChatNotifier::setLimits(const Limits &limits)
{
    m_limits = limits;
}

QList<ChatWebhook> ChatNotifier::webhooks()
{
    return NotificationRepository(m_store).webhooks();
}

bool ChatNotifier::saveWebhook(const ChatWebhook &webhook, const Operator &who, QString *error)
{
    const QUrl url(webhook.url);
    if (webhook.id.trimmed().isEmpty() || webhook.name.trimmed().isEmpty()) {
        *error = tr("A webhook needs an id and a name.");
        return false;
    }
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.host().isEmpty()) {
        *error = tr("\"%1\" is not an http:// or https:// address; copy the robot's webhook address again.")
                     .arg(webhook.url);
        return false;
    }
    // The audit record names the secret, never holds it; the URL's query (an access token) stays out.
    const AuditEntry audit{who.user,
                           QStringLiteral("webhook.save"),
                           {{QStringLiteral("webhook"), webhook.id},
                            {QStringLiteral("kind"), toString(webhook.kind)},
                            {QStringLiteral("host"), url.host()},
                            {QStringLiteral("secret"), webhook.secretName},
                            {QStringLiteral("from"), who.host}}};
    if (!NotificationRepository(m_store).saveWebhook(webhook, {audit})) {
        *error = tr("The webhook could not be saved (%1).").arg(m_store.status().problem);
        return false;
    }
    Q_EMIT queueChanged();
    return true;
}

bool ChatNotifier::deleteWebhook(const QString &id, const Operator &who)
{
    const AuditEntry audit{who.user,
                           QStringLiteral("webhook.delete"),
                           {{QStringLiteral("webhook"), id}, {QStringLiteral("from"), who.host}}};
    const bool ok = NotificationRepository(m_store).deleteWebhook(id, {audit});
    Q_EMIT queueChanged();
    return ok;
}

int ChatNotifier::enqueue(const QStringList &webhookIds, const QString &title, const QString &text)
{
    NotificationRepository repository(m_store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int queued = 0;
    for (const QString &id : webhookIds) {
        const std::optional<ChatWebhook> webhook = repository.webhook(id);
        if (webhook && webhook->enabled && repository.enqueue(id, title, text, now) > 0)
            ++queued;
    }
    if (queued > 0) {
        Q_EMIT queueChanged();
        pump();
    }
    return queued;
}

bool ChatNotifier::retry(qint64 messageId)
{
    const bool ok = NotificationRepository(m_store).markAttemptFailed(messageId, tr("retried by hand"),
                                                                      QDateTime::currentDateTimeUtc());
    Q_EMIT queueChanged();
    pump();
    return ok;
}

QList<ChatMessage> ChatNotifier::messages(int limit)
{
    return NotificationRepository(m_store).messages(limit);
}

int ChatNotifier::queuedCount()
{
    return NotificationRepository(m_store).queuedCount();
}

int ChatNotifier::failedCount()
{
    return NotificationRepository(m_store).failedCount();
}

int ChatNotifier::sentInWindow(const QString &webhookId, qint64 nowMs)
{
    if (!m_recent.contains(webhookId))
        m_recent.insert(webhookId, NotificationRepository(m_store).sentSince(webhookId, nowMs - m_limits.windowMs));
    QList<qint64> &times = m_recent[webhookId];
    times.removeIf([&](qint64 time) { return time <= nowMs - m_limits.windowMs; });
    return int(times.size());
}

void ChatNotifier::pump()
{
    if (!m_engine)
        return;
    NotificationRepository repository(m_store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QHash<QString, ChatWebhook> webhooks;
    for (const ChatWebhook &webhook : repository.webhooks())
        webhooks.insert(webhook.id, webhook);
    for (const ChatMessage &message : repository.due(now)) {
        if (m_busy.contains(message.webhookId))
            continue; // one at a time per robot keeps the digests in order
        const auto webhook = webhooks.constFind(message.webhookId);
        if (webhook == webhooks.cend()) {
            repository.markAttemptFailed(message.id, tr("the webhook was removed"), {});
            continue;
        }
        if (sentInWindow(message.webhookId, nowMs) >= m_limits.messagesPerWindow)
            continue;
        m_busy.insert(message.webhookId);
        m_recent[message.webhookId].append(nowMs);
        const ChatWebhook target = *webhook;
        if (target.secretName.isEmpty()) {
            send(target, message, {});
            continue;
        }
        m_secrets(target.secretName, this,
                  [this, target, message](std::optional<QByteArray> secret, const QString &problem) {
            if (!secret)
                return finished(message,
                                tr("the signing secret \"%1\" cannot be read: %2").arg(target.secretName, problem));
            send(target, message, *secret);
        });
    }
    schedule();
}

void ChatNotifier::send(const ChatWebhook &webhook, const ChatMessage &message, const QByteArray &secret)
{
    if (!m_engine)
        return;
    const CurlRequest request = ChatRequest::build(webhook, message, secret, QDateTime::currentMSecsSinceEpoch());
    m_engine->start(request, [this, webhook, message](const CurlResponse &response) {
        finished(message, ChatRequest::problem(webhook, response));
    });
}

void ChatNotifier::finished(const ChatMessage &message, const QString &problem)
{
    m_busy.remove(message.webhookId);
    NotificationRepository repository(m_store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (problem.isEmpty()) {
        repository.markSent(message.id, now);
    } else {
        const int attempt = message.attempts + 1;
        QDateTime next;
        if (attempt < m_limits.maxAttempts) {
            const qint64 delay = std::min<qint64>(qint64(m_limits.firstRetryMs) << std::min(attempt - 1, 20),
                                                  m_limits.maxRetryMs);
            next = now.addMSecs(delay);
        }
        repository.markAttemptFailed(message.id, problem, next);
    }
    Q_EMIT queueChanged();
    pump();
}

void ChatNotifier::schedule()
{
    // Wake for the next due message or for the rate window to open, whichever comes first.
    const QDateTime next = NotificationRepository(m_store).nextDue();
    if (!next.isValid()) {
        m_timer->stop();
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    qint64 wait = next.toMSecsSinceEpoch() - nowMs;
    if (wait <= 0) {
        // Due but held back: by a robot's rate window (wake when it opens) or a send on its way
        // (finished() pumps again).
        std::optional<qint64> opens;
        for (auto it = m_recent.cbegin(); it != m_recent.cend(); ++it) {
            if (it.value().size() >= m_limits.messagesPerWindow) {
                const qint64 at = it.value().first() + m_limits.windowMs - nowMs;
                opens = std::min(opens.value_or(at), at);
            }
        }
        wait = opens.value_or(1000);
    }
    m_timer->start(int(std::clamp<qint64>(wait, 50, 60'000)));
}

} // namespace Haven
