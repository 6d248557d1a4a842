// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTabWidget>

namespace Haven {

class ChatNotifier;
class InspectionNotificationsPage;
class InspectionReportsPage;
class InspectionRulesPage;
class InspectionService;
class InspectionTasksPage;
class SecretStore;

// The inspection center (巡检中心): rules, tasks and schedules, reports, notifications.
class InspectionsPage final : public QTabWidget
{
    Q_OBJECT
public:
    InspectionsPage(InspectionService &service, ChatNotifier &notifier, SecretStore *secrets, QWidget *parent = nullptr);

    InspectionRulesPage *rules() const { return m_rules; }
    InspectionTasksPage *tasks() const { return m_tasks; }
    InspectionReportsPage *reports() const { return m_reports; }
    InspectionNotificationsPage *notifications() const { return m_notifications; }

private:
    InspectionRulesPage *m_rules;
    InspectionTasksPage *m_tasks;
    InspectionReportsPage *m_reports;
    InspectionNotificationsPage *m_notifications;
};

} // namespace Haven
