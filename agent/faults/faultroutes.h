// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Haven {

class FaultManager;
class RouteTable;

// /v1/faults: inject, list, read, revert. They answer while the site is dark, so that the
// drill's coordinator can always end the drill.
void addFaultRoutes(RouteTable &table, FaultManager &faults);

} // namespace Haven
