// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated site's profile (docs/simulated-profile.md), as the agent reads it at start.
#include "fuzzsupport.h"

#include "agent/simulated/simulatedsite.h"

using namespace Haven;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Fuzz::onJsonObject(data, size, [](const QJsonObject &profile) {
        QString error;
        if (!SimulatedSite::fromJson(profile, 1, &error))
            Fuzz::require(!error.isEmpty(), "a refused profile says why");
    });
}
