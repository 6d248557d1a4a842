// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Haven {

class ActionManager;
class RouteTable;

// /v1/actions: start, list, read, follow the log, cancel (docs/agent-protocol.md).
void addActionRoutes(RouteTable &table, ActionManager &actions);

} // namespace Haven
