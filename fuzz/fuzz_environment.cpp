// SPDX-License-Identifier: GPL-3.0-or-later
// The environment file (docs/environment.md): regions, sites, agent addresses and pins.
#include "fuzzsupport.h"

#include "models/environment/environment.h"

using namespace Haven;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> json = Fuzz::jsonObject(data, size);
    if (!json)
        return 0;
    QHash<QString, QByteArray> tokens;
    QString error;
    const std::optional<Environment> environment = Environment::fromJson(*json, &tokens, &error);
    if (!environment) {
        Fuzz::require(!error.isEmpty(), "a refused environment says why");
        return 0;
    }
    const QList<FieldError> problems = environment->validate();
    Q_UNUSED(problems);
    // Written without secrets, read back equal.
    QString again;
    const std::optional<Environment> reread = Environment::fromJson(environment->toJson(), nullptr, &again);
    Fuzz::require(reread.has_value(), "a written environment reads back");
    Fuzz::require(*reread == *environment, "a written environment reads back equal");
    return 0;
}
