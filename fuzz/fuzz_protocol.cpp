// SPDX-License-Identifier: GPL-3.0-or-later
// Every protocol v1 reader, as the console reads agents' answers and the agent reads requests.
// What a reader accepts must survive its writer: toJson() read back gives the same value.
#include "fuzzsupport.h"

#include "protocol/protocol.h"

#include <QJsonArray>

using namespace Haven;

namespace {

template<typename T>
void roundTrip(const QJsonObject &json, const char *what)
{
    QString error;
    const std::optional<T> value = T::fromJson(json, &error);
    if (!value) {
        Fuzz::require(!error.isEmpty(), what);
        return;
    }
    QString again;
    const std::optional<T> reread = T::fromJson(value->toJson(), &again);
    Fuzz::require(reread.has_value(), what);
    if constexpr (requires(const T &a, const T &b) { a == b; })
        Fuzz::require(*reread == *value, what);
}

template<typename T>
void roundTripWithPath(const QJsonObject &json, const char *what)
{
    QString error;
    const std::optional<T> value = T::fromJson(json, &error, QStringLiteral("x"));
    if (!value) {
        Fuzz::require(!error.isEmpty(), what);
        return;
    }
    QString again;
    const std::optional<T> reread = T::fromJson(value->toJson(), &again, QStringLiteral("x"));
    Fuzz::require(reread.has_value(), what);
    if constexpr (requires(const T &a, const T &b) { a == b; })
        Fuzz::require(*reread == *value, what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> json = Fuzz::jsonObject(data, size);
    if (!json)
        return 0;
    roundTripWithPath<Alert>(*json, "Alert round trip");
    roundTripWithPath<Component>(*json, "Component round trip");
    roundTripWithPath<Dependency>(*json, "Dependency round trip");
    roundTripWithPath<ReplicationLink>(*json, "ReplicationLink round trip");
    roundTripWithPath<OperationSpec>(*json, "OperationSpec round trip");
    roundTrip<SiteInfo>(*json, "SiteInfo round trip");
    roundTrip<TopologySnapshot>(*json, "TopologySnapshot round trip");
    roundTrip<TopologyChanges>(*json, "TopologyChanges round trip");
    roundTrip<ActionRecord>(*json, "ActionRecord round trip");
    roundTrip<FaultRecord>(*json, "FaultRecord round trip");
    roundTrip<InspectionResult>(*json, "InspectionResult round trip");
    // The catalog's parameter schemas check what consoles send.
    const QString problem = validateParameters(json->value(QStringLiteral("schema")).toObject(),
                                               json->value(QStringLiteral("parameters")).toObject());
    Q_UNUSED(problem);
    return 0;
}
