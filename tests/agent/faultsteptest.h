// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/site/sitebackend.h"

#include <QSignalSpy>

namespace Haven::Test {

// Runs one fault step (inject or revert) to its end; its error, empty on success.
inline QString runStep(std::unique_ptr<FaultExecution> step)
{
    QSignalSpy spy(step.get(), &FaultExecution::finished);
    step->start();
    return spy.size() > 0 || spy.wait(15000) ? spy.at(0).at(0).toString() : QStringLiteral("no answer in 15 s");
}

} // namespace Haven::Test
