// SPDX-License-Identifier: GPL-3.0-or-later
#include "wallfeature.h"

#include "app/session/consolesession.h"
#include "ui/executions/executionsfeature.h"

namespace Haven {

std::unique_ptr<WallWindow> createWallWindow(ConsoleSession &session, const WallWindow::Options &options)
{
    return std::make_unique<WallWindow>(session.topology(), session.executions(), session.mode(),
                                        session.readinessThresholds(),
                                        ExecutionsFeature::createWallView(session.executions()), options);
}

} // namespace Haven
