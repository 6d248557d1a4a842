// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wallwindow.h"

#include <memory>

namespace Haven {

class ConsoleSession;

// The wall's wiring (haven --wall): a window of its own, not a page of the console, given
// the services it shows and the switchover dashboard for an active execution.
std::unique_ptr<WallWindow> createWallWindow(ConsoleSession &session, const WallWindow::Options &options = {});

} // namespace Haven
