// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/notify/chatnotifier.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Haven {

class SecretStore;

// Notifications: the chat robots that get report digests (DingTalk, WeCom, a generic JSON
// webhook) with their signing secret kept in the secret store, and the queue: what waits, what
// was sent, what failed and why, with "Retry" for a message that gave up.
class InspectionNotificationsPage final : public QWidget
{
    Q_OBJECT
public:
    InspectionNotificationsPage(ChatNotifier &notifier, SecretStore *secrets, QWidget *parent = nullptr);

    void reload();
    bool saveWebhook();
    QTableWidget *webhookTable() const { return m_webhooks; }
    QTableWidget *queueTable() const { return m_queue; }
    QString summary() const;

private:
    ChatNotifier &m_notifier;
    SecretStore *m_secrets;
    QTableWidget *m_webhooks;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QLineEdit *m_secretName;
    QLineEdit *m_secret;
    QTableWidget *m_queue;
    QLabel *m_summary;
    QLabel *m_message;
};

} // namespace Haven
