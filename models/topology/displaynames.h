// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleettopology.h"
#include "protocol/protocol.h"

namespace Haven::DisplayNames {

// What people read for the protocol's words, translated (业务层, 在线, ...).
QString layer(Layer layer);
QString status(ComponentStatus status);
QString reachability(Reachability reachability);

} // namespace Haven::DisplayNames
