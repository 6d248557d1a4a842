// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

namespace Haven {

class TopologyState;

// What each fault kind accepts (docs/agent-protocol.md "Inject"): its parameter schema with
// bounds, and what its target may name. The same for every backend.
FaultKindLimits faultKindLimits(FaultKind kind);

// Empty when the parameters fit the kind's schema and bounds, otherwise the first problem.
QString checkFaultParameters(const FaultRecord &fault);

// Empty when the target names what the kind acts on in this topology: a component id or a
// host that one of its components runs on.
QString checkFaultTarget(const FaultRecord &fault, const TopologyState &topology);

// The hosts the target stands for: itself when it is a host, else the host of the component.
QStringList hostsOfTarget(const QString &target, const TopologyState &topology);

} // namespace Haven
