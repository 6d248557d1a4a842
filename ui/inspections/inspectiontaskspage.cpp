// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectiontaskspage.h"

#include "app/executions/executionengine.h"
#include "app/notify/chatnotifier.h"
#include "models/inspections/inspectiontext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Haven {

namespace {

QStringList checkedIds(const QListWidget *list)
{
    QStringList ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids.append(list->item(i)->data(Qt::UserRole).toString());
    }
    return ids;
}

void setChecked(QListWidget *list, const QStringList &ids)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(ids.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                : Qt::Unchecked);
}

} // namespace

InspectionTasksPage::InspectionTasksPage(InspectionService &service, ChatNotifier *notifier, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_notifier(notifier)
    , m_table(new QTableWidget(this))
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_rules(new QListWidget(this))
    , m_scheduleKind(new QComboBox(this))
    , m_every(new QSpinBox(this))
    , m_cron(new QLineEdit(this))
    , m_windowed(new QCheckBox(tr("Only between"), this))
    , m_from(new QTimeEdit(QTime(8, 0), this))
    , m_to(new QTimeEdit(QTime(20, 0), this))
    , m_concurrency(new QSpinBox(this))
    , m_softFailures(new QSpinBox(this))
    , m_recoveries(new QSpinBox(this))
    , m_enabled(new QCheckBox(tr("Enabled"), this))
    , m_notify(new QListWidget(this))
    , m_message(new QLabel(this))
{
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Task"), tr("Schedule"), tr("Rules"), tr("At the agents")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_scheduleKind->addItem(tr("Every N minutes"));
    m_scheduleKind->addItem(tr("Cron expression"));
    m_every->setRange(1, 10080);
    m_every->setSuffix(tr(" min"));
    m_cron->setPlaceholderText(QStringLiteral("0 7 * * *"));
    m_cron->setEnabled(false);
    m_concurrency->setRange(1, 16);
    m_softFailures->setRange(1, 20);
    m_recoveries->setRange(1, 20);
    m_from->setDisplayFormat(QStringLiteral("HH:mm"));
    m_to->setDisplayFormat(QStringLiteral("HH:mm"));
    m_message->setWordWrap(true);

    auto *newTask = new QPushButton(tr("New task"), this);
    auto *deleteButton = new QPushButton(tr("Delete"), this);
    auto *runButton = new QPushButton(tr("Run now"), this);
    auto *saveButton = new QPushButton(tr("Save and push"), this);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {newTask, deleteButton, runButton})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(m_message);

    auto *schedule = new QHBoxLayout;
    schedule->addWidget(m_scheduleKind);
    schedule->addWidget(m_every);
    schedule->addWidget(m_cron, 1);
    auto *window = new QHBoxLayout;
    window->addWidget(m_windowed);
    window->addWidget(m_from);
    window->addWidget(new QLabel(tr("and"), this));
    window->addWidget(m_to);
    window->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Rules"), m_rules);
    form->addRow(tr("Schedule"), schedule);
    form->addRow(tr("Time window"), window);
    form->addRow(tr("Checks at once"), m_concurrency);
    form->addRow(tr("Failures before a hard problem"), m_softFailures);
    form->addRow(tr("Successes before it clears"), m_recoveries);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Send digests to"), m_notify);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form, 1);
    rightLayout->addWidget(saveButton, 0, Qt::AlignRight);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_scheduleKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_every->setEnabled(index == 0);
        m_cron->setEnabled(index == 1);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_table->selectedItems().isEmpty())
            return;
        if (const std::optional<InspectionTaskSpec> task = m_service.task(
                m_table->selectedItems().first()->data(Qt::UserRole).toString()))
            show(*task);
    });
    connect(newTask, &QPushButton::clicked, this, [this] {
        InspectionTaskSpec task;
        task.id = QStringLiteral("new-task");
        task.name = tr("New task");
        task.schedule.everyMinutes = 60;
        m_table->clearSelection();
        show(task);
    });
    connect(saveButton, &QPushButton::clicked, this, &InspectionTasksPage::save);
    connect(runButton, &QPushButton::clicked, this, &InspectionTasksPage::runNow);
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        if (!m_table->selectedItems().isEmpty())
            m_message->setText(
                m_service
                    .deleteTask(m_table->selectedItems().first()->data(Qt::UserRole).toString(), Operator::current())
                    .message);
    });
    connect(&m_service, &InspectionService::tasksChanged, this, &InspectionTasksPage::reload);
    connect(&m_service, &InspectionService::rulesChanged, this, &InspectionTasksPage::reload);
    connect(&m_service, &InspectionService::pushStateChanged, this, &InspectionTasksPage::reload);
    reload();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

QString InspectionTasksPage::pushText(const QString &taskId)
{
    int holding = 0;
    QStringList problems;
    const QList<InspectionPush> pushes = m_service.pushes(taskId);
    for (const InspectionPush &push : pushes) {
        if (push.revision > 0)
            ++holding;
        if (!push.error.isEmpty())
            problems.append(push.error);
    }
    QString text = tr("%n site(s)", nullptr, holding);
    if (!problems.isEmpty())
        text += QStringLiteral(" — ") + problems.first();
    return text;
}

void InspectionTasksPage::reload()
{
    const QString current = m_table->selectedItems().isEmpty()
                                ? QString()
                                : m_table->selectedItems().first()->data(Qt::UserRole).toString();
    const QList<InspectionTaskSpec> tasks = m_service.tasks();
    {
        QSignalBlocker block(m_table);
        m_table->setRowCount(int(tasks.size()));
        for (int row = 0; row < tasks.size(); ++row) {
            const InspectionTaskSpec &task = tasks.at(row);
            auto *name = new QTableWidgetItem(task.name);
            name->setData(Qt::UserRole, task.id);
            m_table->setItem(row, 0, name);
            m_table->setItem(row, 1, new QTableWidgetItem(InspectionText::schedule(task.schedule)));
            m_table->setItem(row, 2, new QTableWidgetItem(QString::number(task.ruleIds.size())));
            m_table->setItem(row, 3, new QTableWidgetItem(pushText(task.id)));
            if (task.id == current)
                m_table->selectRow(row);
        }
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setStretchLastSection(true);
    }
    const QStringList rules = checkedIds(m_rules);
    m_rules->clear();
    for (const InspectionRule &rule : m_service.rules()) {
        auto *item = new QListWidgetItem(rule.name, m_rules);
        item->setData(Qt::UserRole, rule.id);
        item->setCheckState(rules.contains(rule.id) ? Qt::Checked : Qt::Unchecked);
    }
    const QStringList notify = checkedIds(m_notify);
    m_notify->clear();
    if (m_notifier) {
        for (const ChatWebhook &webhook : m_notifier->webhooks()) {
            auto *item = new QListWidgetItem(webhook.name, m_notify);
            item->setData(Qt::UserRole, webhook.id);
            item->setCheckState(notify.contains(webhook.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void InspectionTasksPage::selectTask(const QString &id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == id)
            m_table->selectRow(row);
    }
}

void InspectionTasksPage::show(const InspectionTaskSpec &task)
{
    m_revision = task.revision;
    m_id->setText(task.id);
    m_name->setText(task.name);
    setChecked(m_rules, task.ruleIds);
    m_scheduleKind->setCurrentIndex(task.schedule.everyMinutes > 0 ? 0 : 1);
    m_every->setValue(std::max(1, task.schedule.everyMinutes));
    m_cron->setText(task.schedule.cron);
    m_windowed->setChecked(task.window.has_value());
    if (task.window) {
        m_from->setTime(task.window->from);
        m_to->setTime(task.window->to);
    }
    m_concurrency->setValue(task.concurrency);
    m_softFailures->setValue(task.softFailures);
    m_recoveries->setValue(task.recoveries);
    m_enabled->setChecked(task.enabled);
    setChecked(m_notify, task.notify);
}

InspectionTaskSpec InspectionTasksPage::editedTask() const
{
    InspectionTaskSpec task;
    task.id = m_id->text().trimmed();
    task.name = m_name->text().trimmed();
    task.revision = m_revision;
    task.ruleIds = checkedIds(m_rules);
    if (m_scheduleKind->currentIndex() == 0)
        task.schedule.everyMinutes = m_every->value();
    else
        task.schedule.cron = m_cron->text().trimmed();
    if (m_windowed->isChecked())
        task.window = InspectionWindow{m_from->time(), m_to->time()};
    task.concurrency = m_concurrency->value();
    task.softFailures = m_softFailures->value();
    task.recoveries = m_recoveries->value();
    task.enabled = m_enabled->isChecked();
    task.notify = checkedIds(m_notify);
    return task;
}

bool InspectionTasksPage::save()
{
    const InspectionTaskSpec task = editedTask();
    const InspectionService::Outcome outcome = m_service.saveTask(task, Operator::current());
    m_message->setText(outcome.message);
    if (outcome)
        selectTask(task.id);
    return outcome.ok;
}

void InspectionTasksPage::runNow()
{
    if (!m_table->selectedItems().isEmpty())
        m_message->setText(
            m_service.runNow(m_table->selectedItems().first()->data(Qt::UserRole).toString(), Operator::current())
                .message);
}

} // namespace Haven
