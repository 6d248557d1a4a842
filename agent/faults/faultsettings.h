// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

namespace Haven {

// The [faults] section of the agent's configuration (installer/agent.conf).
struct FaultSettings
{
    int maxActive = FaultLimits::DefaultMaxActive;
    bool allowSelfIsolation = false;
    QStringList ownHosts;   // besides the machine's host name
    int revertAttempts = 5; // per round, before the fault is orphaned
    int firstRetryMs = 1000;
    int maxRetryMs = 30000;
};

} // namespace Haven
