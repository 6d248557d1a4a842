// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionsfeature.h"

#include "inspectionreportspage.h"
#include "inspectionspage.h"

#include "app/session/consolesession.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"

namespace Haven {

InspectionsFeature::InspectionsFeature(ConsoleSession &session, Shell &shell, QObject *parent)
    : QObject(parent)
{
    auto *page = new InspectionsPage(session.inspections(), session.notifier(), &session.secrets());
    shell.addPage(QStringLiteral("inspections"), tr("Inspection center"), page);
    Navigator &navigator = shell.navigator();
    shell.addDestination(QStringLiteral("inspection-report"), [page, &navigator](const QString &taskId) {
        navigator.showPage(QStringLiteral("inspections"));
        page->setCurrentWidget(page->reports());
        page->reports()->selectTask(taskId);
    });
}

InspectionsFeature::~InspectionsFeature() = default;

} // namespace Haven
