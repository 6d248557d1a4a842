// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrunner.h"

namespace Haven {

// An http or http-steps check (docs/inspections.md, "HTTP probes"): each step's request with
// ${name} and ${secret:NAME} filled in, cookies kept from step to step, its conditions judged,
// values extracted for the next steps. Secrets never appear in the output or the evidence.
std::unique_ptr<InspectionRunner> createHttpProbe(const InspectionCheck &check, const InspectionContext &context,
                                                  InspectionRunner::Refusal *refusal);

} // namespace Haven
