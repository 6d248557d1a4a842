// SPDX-License-Identifier: GPL-3.0-or-later
// The hooks catalog (docs/hooks-backend.md): operations, fault hooks and the topology hook.
#include "fuzzsupport.h"

#include "agent/hooks/hooksbackend.h"

using namespace Haven;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Fuzz::onJsonObject(data, size, [](const QJsonObject &json) {
        // "/" as the base: relative commands resolve to paths that are not executable, which is
        // a refusal with a message, as for a real catalog with a typo.
        QString error;
        if (!HooksCatalog::fromJson(json, QStringLiteral("/"), &error))
            Fuzz::require(!error.isEmpty(), "a refused catalog says why");
    });
}
