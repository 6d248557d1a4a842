// SPDX-License-Identifier: GPL-3.0-or-later
// The plan file format (docs/plan-format.md), as an import reads a file from anywhere.
#include "fuzzsupport.h"

#include "models/plans/planformat.h"
#include "models/plans/planvalidator.h"

using namespace Haven;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const PlanFormat::ImportResult imported = PlanFormat::fromBytes(Fuzz::bytes(data, size));
    if (!imported.plan) {
        Fuzz::require(!imported.error.isEmpty(), "a refused plan file says why");
        return 0;
    }
    // A plan that was read is written back the same way and reads back equal.
    const QByteArray written = PlanFormat::toBytes(*imported.plan);
    const PlanFormat::ImportResult reread = PlanFormat::fromBytes(written);
    Fuzz::require(reread.plan.has_value(), "a written plan reads back");
    Fuzz::require(*reread.plan == *imported.plan, "a written plan reads back equal");
    Fuzz::require(PlanFormat::toBytes(*reread.plan) == written, "writing is stable");
    return 0;
}
