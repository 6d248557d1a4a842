// SPDX-License-Identifier: GPL-3.0-or-later
#include "features.h"

#include "mainwindow.h"

#include "app/session/consolesession.h"
#include "ui/dashboard/dashboardfeature.h"
#include "ui/drills/drillsfeature.h"
#include "ui/environment/environmentfeature.h"
#include "ui/executions/executionsfeature.h"
#include "ui/inspections/inspectionsfeature.h"
#include "ui/plans/plansfeature.h"

namespace Haven {

void addConsoleFeatures(ConsoleSession &session, Shell &shell, QObject *owner)
{
    new DashboardFeature(session, shell, owner);
    new PlansFeature(session, shell, owner);
    new ExecutionsFeature(session, shell, owner);
    new InspectionsFeature(session, shell, owner);
    new DrillsFeature(session, shell, owner);
    new EnvironmentFeature(session, shell, owner);
}

std::unique_ptr<MainWindow> createConsoleWindow(ConsoleSession &session)
{
    auto window = std::make_unique<MainWindow>(session.topology(), session.mode());
    addConsoleFeatures(session, *window, window.get());
    return window;
}

} // namespace Haven
