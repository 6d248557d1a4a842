// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionnotificationspage.h"

#include "app/agents/secretstore.h"
#include "app/executions/executionengine.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Haven {

namespace {

QString kindName(ChatWebhookKind kind)
{
    switch (kind) {
    case ChatWebhookKind::DingTalk:
        return InspectionNotificationsPage::tr("DingTalk robot");
    case ChatWebhookKind::WeCom:
        return InspectionNotificationsPage::tr("WeCom robot");
    case ChatWebhookKind::Generic:
        return InspectionNotificationsPage::tr("JSON webhook");
    }
    return {};
}

QString stateName(ChatMessageState state)
{
    switch (state) {
    case ChatMessageState::Queued:
        return InspectionNotificationsPage::tr("Queued");
    case ChatMessageState::Sent:
        return InspectionNotificationsPage::tr("Sent");
    case ChatMessageState::Failed:
        return InspectionNotificationsPage::tr("Failed");
    }
    return {};
}

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *widget = new QTableWidget(parent);
    widget->setColumnCount(int(headers.size()));
    widget->setHorizontalHeaderLabels(headers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setSelectionMode(QAbstractItemView::SingleSelection);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setStretchLastSection(true);
    return widget;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("MM-dd HH:mm:ss")) : QString();
}

} // namespace

InspectionNotificationsPage::InspectionNotificationsPage(ChatNotifier &notifier, SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_notifier(notifier)
    , m_secrets(secrets)
    , m_webhooks(table({tr("Robot"), tr("Kind"), tr("Address"), tr("Signed")}, this))
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_secretName(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_queue(table({tr("Queued"), tr("Robot"), tr("Report"), tr("State"), tr("Attempts"), tr("Next attempt"),
                     tr("Last problem")},
                    this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
{
    for (ChatWebhookKind kind : {ChatWebhookKind::DingTalk, ChatWebhookKind::WeCom, ChatWebhookKind::Generic})
        m_kind->addItem(kindName(kind), int(kind));
    m_url->setPlaceholderText(QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=…"));
    m_secretName->setPlaceholderText(tr("e.g. ops-robot (empty: unsigned)"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("stored in the secret store, never in the database"));
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_summary->setFont(big);
    m_message->setWordWrap(true);

    auto *save = new QPushButton(tr("Save robot"), this);
    auto *remove = new QPushButton(tr("Delete robot"), this);
    auto *retry = new QPushButton(tr("Retry"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Webhook address"), m_url);
    form->addRow(tr("Signing secret name"), m_secretName);
    form->addRow(tr("Signing secret"), m_secret);
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch();
    formButtons->addWidget(remove);
    formButtons->addWidget(save);
    auto *top = new QHBoxLayout;
    top->addWidget(m_webhooks, 3);
    auto *editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addLayout(formButtons);
    editor->addStretch();
    top->addLayout(editor, 2);
    auto *queueHeader = new QHBoxLayout;
    queueHeader->addWidget(m_summary, 1);
    queueHeader->addWidget(retry);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 2);
    layout->addLayout(queueHeader);
    layout->addWidget(m_queue, 3);
    layout->addWidget(m_message);

    connect(m_webhooks, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_webhooks->selectedItems().isEmpty())
            return;
        const QString id = m_webhooks->selectedItems().first()->data(Qt::UserRole).toString();
        for (const ChatWebhook &webhook : m_notifier.webhooks()) {
            if (webhook.id != id)
                continue;
            m_id->setText(webhook.id);
            m_name->setText(webhook.name);
            m_kind->setCurrentIndex(m_kind->findData(int(webhook.kind)));
            m_url->setText(webhook.url);
            m_secretName->setText(webhook.secretName);
            m_secret->clear();
        }
    });
    connect(save, &QPushButton::clicked, this, &InspectionNotificationsPage::saveWebhook);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!m_id->text().isEmpty())
            m_notifier.deleteWebhook(m_id->text(), Operator::current());
    });
    connect(retry, &QPushButton::clicked, this, [this] {
        if (!m_queue->selectedItems().isEmpty())
            m_notifier.retry(m_queue->selectedItems().first()->data(Qt::UserRole).toLongLong());
    });
    connect(&m_notifier, &ChatNotifier::queueChanged, this, &InspectionNotificationsPage::reload);
    reload();
}

void InspectionNotificationsPage::reload()
{
    const QList<ChatWebhook> webhooks = m_notifier.webhooks();
    QHash<QString, QString> names;
    {
        QSignalBlocker block(m_webhooks);
        m_webhooks->setRowCount(int(webhooks.size()));
        for (int row = 0; row < webhooks.size(); ++row) {
            const ChatWebhook &webhook = webhooks.at(row);
            names.insert(webhook.id, webhook.name);
            auto *name = new QTableWidgetItem(webhook.name);
            name->setData(Qt::UserRole, webhook.id);
            m_webhooks->setItem(row, 0, name);
            m_webhooks->setItem(row, 1, new QTableWidgetItem(kindName(webhook.kind)));
            // The host only: the query holds the robot's access token.
            m_webhooks->setItem(row, 2, new QTableWidgetItem(QUrl(webhook.url).host()));
            m_webhooks->setItem(row, 3, new QTableWidgetItem(webhook.secretName.isEmpty() ? tr("No") : tr("Yes")));
        }
    }
    const QList<ChatMessage> messages = m_notifier.messages(200);
    m_queue->setRowCount(int(messages.size()));
    for (int row = 0; row < messages.size(); ++row) {
        const ChatMessage &message = messages.at(row);
        const QStringList cells{timeText(message.created),
                                names.value(message.webhookId, message.webhookId),
                                message.title,
                                stateName(message.state),
                                QString::number(message.attempts),
                                message.state == ChatMessageState::Queued ? timeText(message.nextAttempt) : QString(),
                                message.lastError};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, message.id);
            if (message.state == ChatMessageState::Failed)
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_queue->setItem(row, column, item);
        }
    }
    m_queue->resizeColumnsToContents();
    m_summary->setText(summary());
}

QString InspectionNotificationsPage::summary() const
{
    const int failed = m_notifier.failedCount();
    const QString queued = tr("%n message(s) waiting", nullptr, m_notifier.queuedCount());
    return failed > 0 ? queued + QStringLiteral(", ") + tr("%n failed", nullptr, failed) : queued;
}

bool InspectionNotificationsPage::saveWebhook()
{
    ChatWebhook webhook;
    webhook.id = m_id->text().trimmed();
    webhook.name = m_name->text().trimmed();
    webhook.kind = ChatWebhookKind(m_kind->currentData().toInt());
    webhook.url = m_url->text().trimmed();
    webhook.secretName = m_secretName->text().trimmed();
    QString error;
    if (!m_notifier.saveWebhook(webhook, Operator::current(), &error)) {
        m_message->setText(error);
        return false;
    }
    m_message->setText(tr("Saved the robot \"%1\".").arg(webhook.name));
    if (m_secrets && !webhook.secretName.isEmpty() && !m_secret->text().isEmpty()) {
        m_secrets->write(ChatWebhook::secretKeyFor(webhook.secretName), m_secret->text().toUtf8(), this,
                         [this](bool ok, const QString &problem) {
            if (!ok)
                m_message->setText(tr("The robot was saved, but its secret was not stored: %1").arg(problem));
        });
        m_secret->clear();
    }
    return true;
}

} // namespace Haven
