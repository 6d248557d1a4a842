// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionspage.h"

#include "inspectionnotificationspage.h"
#include "inspectionreportspage.h"
#include "inspectionrulespage.h"
#include "inspectiontaskspage.h"

namespace Haven {

InspectionsPage::InspectionsPage(InspectionService &service, ChatNotifier &notifier, SecretStore *secrets,
                                 QWidget *parent)
    : QTabWidget(parent)
    , m_rules(new InspectionRulesPage(service, this))
    , m_tasks(new InspectionTasksPage(service, &notifier, this))
    , m_reports(new InspectionReportsPage(service, this))
    , m_notifications(new InspectionNotificationsPage(notifier, secrets, this))
{
    addTab(m_rules, tr("Rules"));
    addTab(m_tasks, tr("Tasks and schedules"));
    addTab(m_reports, tr("Reports"));
    addTab(m_notifications, tr("Notifications"));
    // A new robot is offered to the tasks at once.
    connect(&notifier, &ChatNotifier::queueChanged, m_tasks, &InspectionTasksPage::reload);
}

} // namespace Haven
