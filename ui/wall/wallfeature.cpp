// SPDX-License-Identifier: GPL-3.0-or-later
#include "wallfeature.h"

#include "app/drills/drillservice.h"
#include "app/session/consolesession.h"
#include "ui/drills/drillsfeature.h"
#include "ui/executions/executionsfeature.h"

namespace Haven {

std::unique_ptr<WallWindow> createWallWindow(ConsoleSession &session, const WallWindow::Options &options)
{
    auto window = std::make_unique<WallWindow>(session.topology(), session.executions(), session.mode(),
                                               session.readinessThresholds(),
                                               ExecutionsFeature::createWallView(session.executions()), options);
    DrillService &drills = session.drills();
    window->setDrillView(DrillsFeature::createWallView(drills, session.executions()),
                         [&drills] { return drills.hasActiveRun(); });
    return window;
}

} // namespace Haven
