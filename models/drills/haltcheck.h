// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Halt conditions read against the live picture, and the measures a drill takes from it (the
// traffic a product group is served again with). Pure functions of the topology, so a drill
// runner can call them on every feed change and on its timer, and tests can call them directly.

#include "blastradius.h"

#include <functional>
#include <optional>

namespace Haven {

class FleetTopology;

struct HaltContext
{
    const FleetTopology *topology = nullptr;
    const BlastRadius *radius = nullptr;
    const ExpectedOutcome *expected = nullptr;
    qint64 elapsedMs = 0;
    // A named boolean source (an inspection rule's last verdict, ...): nullopt when unknown.
    std::function<std::optional<bool>(const QString &name)> signal;

    // A failure the drill causes or expects: it does not halt the drill.
    bool isExpectedFailure(const QString &site, const Component &component) const;
};

struct HaltReading
{
    bool tripped = false;
    bool known = true; // false: no data to judge (a source that never answered)
    QString value;     // the live value, for the drill page ("42.0 %", "sha-db-1 down")
    QString reason;    // when tripped: why, for the run's end reason
};

HaltReading checkHalt(const HaltCondition &condition, const HaltContext &context);

// The share (percent) of a product group's traffic served by sites that are not dark in the
// drill, are not unreachable, and whose business components of the group are all ok or warning.
double servedShare(const FleetTopology &topology, const BlastRadius &radius, const QString &group);
// Every site's share of the group, whatever its health.
double totalShare(const FleetTopology &topology, const QString &group);

} // namespace Haven
