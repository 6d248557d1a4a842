// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol.h"

#include "core/enumnames.h"
#include "core/jsonfields.h"

#include <QJsonArray>

#include <array>
#include <cmath>
#include <utility>

namespace Haven {

namespace {

constexpr EnumNames<Layer, 5> layerNames{{{Layer::Business, QLatin1StringView("business")},
                                          {Layer::Middleware, QLatin1StringView("middleware")},
                                          {Layer::Storage, QLatin1StringView("storage")},
                                          {Layer::Database, QLatin1StringView("database")},
                                          {Layer::Physical, QLatin1StringView("physical")}}};
constexpr EnumNames<ComponentStatus, 5> statusNames{{{ComponentStatus::Ok, QLatin1StringView("ok")},
                                                     {ComponentStatus::Warning, QLatin1StringView("warning")},
                                                     {ComponentStatus::Critical, QLatin1StringView("critical")},
                                                     {ComponentStatus::Down, QLatin1StringView("down")},
                                                     {ComponentStatus::Unknown, QLatin1StringView("unknown")}}};
constexpr EnumNames<ActionState, 5> actionNames{{{ActionState::Pending, QLatin1StringView("pending")},
                                                 {ActionState::Running, QLatin1StringView("running")},
                                                 {ActionState::Succeeded, QLatin1StringView("succeeded")},
                                                 {ActionState::Failed, QLatin1StringView("failed")},
                                                 {ActionState::Cancelled, QLatin1StringView("cancelled")}}};
constexpr EnumNames<ReplicationRole, 2> roleNames{{{ReplicationRole::Primary, QLatin1StringView("primary")},
                                                   {ReplicationRole::Standby, QLatin1StringView("standby")}}};
constexpr EnumNames<ReplicationState, 3> replicationNames{{{ReplicationState::Healthy, QLatin1StringView("healthy")},
                                                           {ReplicationState::Lagging, QLatin1StringView("lagging")},
                                                           {ReplicationState::Broken, QLatin1StringView("broken")}}};
constexpr EnumNames<FaultKind, 6> faultNames{{{FaultKind::Cpu, QLatin1StringView("cpu")},
                                              {FaultKind::Memory, QLatin1StringView("memory")},
                                              {FaultKind::Network, QLatin1StringView("network")},
                                              {FaultKind::ProcessKill, QLatin1StringView("process_kill")},
                                              {FaultKind::HostDown, QLatin1StringView("host_down")},
                                              {FaultKind::SiteDark, QLatin1StringView("site_dark")}}};
constexpr EnumNames<FaultState, 8> faultStateNames{{{FaultState::Injecting, QLatin1StringView("injecting")},
                                                    {FaultState::Active, QLatin1StringView("active")},
                                                    {FaultState::Reverting, QLatin1StringView("reverting")},
                                                    {FaultState::Expired, QLatin1StringView("expired")},
                                                    {FaultState::Reverted, QLatin1StringView("reverted")},
                                                    {FaultState::Failed, QLatin1StringView("failed")},
                                                    {FaultState::RevertFailed, QLatin1StringView("revert_failed")},
                                                    {FaultState::Orphaned, QLatin1StringView("orphaned")}}};

QJsonObject metricsToJson(const QMap<QString, double> &metrics)
{
    QJsonObject json;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
        json.insert(it.key(), std::round(it.value() * 100.0) / 100.0);
    return json;
}

bool metricsFromJson(const QJsonObject &json, QMap<QString, double> *metrics, JsonFields &fields, const QString &key)
{
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!it.value().isDouble()) {
            fields.fail(key, QStringLiteral("%1 is not a number").arg(it.key()));
            return false;
        }
        metrics->insert(it.key(), it.value().toDouble());
    }
    return true;
}

template<typename T>
QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

template<typename T>
bool listFromJson(const QJsonArray &array, QList<T> *out, QString *error, const QString &path)
{
    out->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!array.at(i).isObject()) {
            *error = itemPath + QStringLiteral(": expected an object");
            return false;
        }
        std::optional<T> item = T::fromJson(array.at(i).toObject(), error, itemPath);
        if (!item)
            return false;
        out->append(std::move(*item));
    }
    return true;
}

QStringList stringList(const QJsonArray &array, JsonFields &fields, const QString &key)
{
    QStringList list;
    for (const QJsonValue &value : array) {
        if (!value.isString()) {
            fields.fail(key, QStringLiteral("expected an array of strings"));
            return {};
        }
        list.append(value.toString());
    }
    return list;
}

template<typename T>
std::optional<T> finish(const JsonFields &fields, QString *error, T value)
{
    if (!fields.ok()) {
        if (error)
            *error = fields.error();
        return std::nullopt;
    }
    return value;
}

QMap<QString, double> trafficFromJson(const QJsonObject &json, JsonFields &fields)
{
    QMap<QString, double> traffic;
    metricsFromJson(json, &traffic, fields, QStringLiteral("traffic"));
    return traffic;
}

} // namespace

QString toString(Layer layer)
{
    return nameOf(layerNames, layer);
}
QString toString(ComponentStatus status)
{
    return nameOf(statusNames, status);
}
QString toString(ActionState state)
{
    return nameOf(actionNames, state);
}
QString toString(ReplicationRole role)
{
    return nameOf(roleNames, role);
}
QString toString(ReplicationState state)
{
    return nameOf(replicationNames, state);
}
QString toString(FaultKind kind)
{
    return nameOf(faultNames, kind);
}
QString toString(FaultState state)
{
    return nameOf(faultStateNames, state);
}

std::optional<Layer> layerFromString(QStringView text)
{
    return valueOf(layerNames, text);
}
std::optional<ComponentStatus> componentStatusFromString(QStringView text)
{
    return valueOf(statusNames, text);
}
std::optional<ActionState> actionStateFromString(QStringView text)
{
    return valueOf(actionNames, text);
}
std::optional<ReplicationRole> replicationRoleFromString(QStringView text)
{
    return valueOf(roleNames, text);
}
std::optional<ReplicationState> replicationStateFromString(QStringView text)
{
    return valueOf(replicationNames, text);
}
std::optional<FaultKind> faultKindFromString(QStringView text)
{
    return valueOf(faultNames, text);
}
std::optional<FaultState> faultStateFromString(QStringView text)
{
    return valueOf(faultStateNames, text);
}

QString allowedLayers()
{
    return allowedNames(layerNames);
}
QString allowedFaultKinds()
{
    return allowedNames(faultNames);
}

bool isFinal(ActionState state)
{
    return state == ActionState::Succeeded || state == ActionState::Failed || state == ActionState::Cancelled;
}

bool isInEffect(FaultState state)
{
    return state == FaultState::Injecting || state == FaultState::Active || state == FaultState::Reverting
           || state == FaultState::RevertFailed || state == FaultState::Orphaned;
}

ComponentStatus worse(ComponentStatus a, ComponentStatus b)
{
    auto rank = [](ComponentStatus s) {
        switch (s) {
        case ComponentStatus::Ok:
            return 0;
        case ComponentStatus::Unknown:
            return 1;
        case ComponentStatus::Warning:
            return 2;
        case ComponentStatus::Critical:
            return 3;
        case ComponentStatus::Down:
            return 4;
        }
        return 1;
    };
    return rank(a) >= rank(b) ? a : b;
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromIso(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

// --- Alert -------------------------------------------------------------------------------

QJsonObject Alert::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("message"), message},
            {QStringLiteral("since"), isoTime(since)}};
}

std::optional<Alert> Alert::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    Alert a;
    a.id = f.requiredString(QStringLiteral("id"));
    a.severity = f.requiredString(QStringLiteral("severity"));
    a.message = f.optionalString(QStringLiteral("message"));
    a.since = timeFromIso(f.optionalString(QStringLiteral("since")));
    return finish(f, error, std::move(a));
}

// --- Component ---------------------------------------------------------------------------

QJsonObject Component::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("layer"), toString(layer)},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("productGroup"), productGroup},
            {QStringLiteral("host"), host},
            {QStringLiteral("status"), toString(status)},
            {QStringLiteral("metrics"), metricsToJson(metrics)},
            {QStringLiteral("alerts"), arrayOf(alerts)},
            {QStringLiteral("revision"), static_cast<qint64>(revision)}};
}

std::optional<Component> Component::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    Component c;
    c.id = f.requiredString(QStringLiteral("id"));
    c.name = f.optionalString(QStringLiteral("name"), c.id);
    c.layer = f.requiredEnum<Layer>(QStringLiteral("layer"), layerFromString, allowedLayers());
    c.kind = f.optionalString(QStringLiteral("kind"));
    c.productGroup = f.optionalString(QStringLiteral("productGroup"));
    c.host = f.optionalString(QStringLiteral("host"));
    c.status = f.requiredEnum<ComponentStatus>(QStringLiteral("status"), componentStatusFromString,
                                               allowedNames(statusNames));
    metricsFromJson(f.optionalObject(QStringLiteral("metrics")), &c.metrics, f, QStringLiteral("metrics"));
    c.revision = static_cast<quint64>(f.optionalInteger(QStringLiteral("revision"), 0));
    const QJsonArray alerts = f.optionalArray(QStringLiteral("alerts"));
    if (f.ok() && !listFromJson(alerts, &c.alerts, error, f.pathOf(QStringLiteral("alerts"))))
        return std::nullopt;
    return finish(f, error, std::move(c));
}

// --- Dependency --------------------------------------------------------------------------

QJsonObject Dependency::toJson() const
{
    return {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
}

std::optional<Dependency> Dependency::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    Dependency d;
    d.from = f.requiredString(QStringLiteral("from"));
    d.to = f.requiredString(QStringLiteral("to"));
    return finish(f, error, std::move(d));
}

// --- ReplicationLink ---------------------------------------------------------------------

QJsonObject ReplicationLink::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("from"),
                      QJsonObject{{QStringLiteral("site"), fromSite}, {QStringLiteral("component"), fromComponent}}},
                     {QStringLiteral("to"),
                      QJsonObject{{QStringLiteral("site"), toSite}, {QStringLiteral("component"), toComponent}}},
                     {QStringLiteral("role"), toString(role)},
                     {QStringLiteral("lagSeconds"), std::round(lagSeconds * 100.0) / 100.0},
                     {QStringLiteral("state"), toString(state)},
                     {QStringLiteral("revision"), static_cast<qint64>(revision)}};
    // Only what the site reports, so that a console reads "not reported" as such.
    if (writtenPosition > 0 || appliedPosition > 0) {
        json.insert(QStringLiteral("writtenPosition"), static_cast<qint64>(writtenPosition));
        json.insert(QStringLiteral("appliedPosition"), static_cast<qint64>(appliedPosition));
    }
    if (writtenAt.isValid())
        json.insert(QStringLiteral("writtenAt"), isoTime(writtenAt));
    if (appliedAt.isValid())
        json.insert(QStringLiteral("appliedAt"), isoTime(appliedAt));
    return json;
}

std::optional<ReplicationLink> ReplicationLink::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    ReplicationLink l;
    l.id = f.requiredString(QStringLiteral("id"));
    JsonFields from(f.requiredObject(QStringLiteral("from")), f.pathOf(QStringLiteral("from")));
    JsonFields to(f.requiredObject(QStringLiteral("to")), f.pathOf(QStringLiteral("to")));
    if (f.ok()) {
        l.fromSite = from.requiredString(QStringLiteral("site"));
        l.fromComponent = from.requiredString(QStringLiteral("component"));
        l.toSite = to.requiredString(QStringLiteral("site"));
        l.toComponent = to.requiredString(QStringLiteral("component"));
        if (!from.ok())
            f.fail(QStringLiteral("from"), from.error());
        if (!to.ok())
            f.fail(QStringLiteral("to"), to.error());
    }
    l.role = f.requiredEnum<ReplicationRole>(QStringLiteral("role"), replicationRoleFromString, allowedNames(roleNames));
    l.lagSeconds = f.requiredNumber(QStringLiteral("lagSeconds"));
    l.state = f.requiredEnum<ReplicationState>(QStringLiteral("state"), replicationStateFromString,
                                               allowedNames(replicationNames));
    l.revision = static_cast<quint64>(f.optionalInteger(QStringLiteral("revision"), 0));
    l.writtenPosition = static_cast<quint64>(
        std::max<qint64>(0, f.optionalInteger(QStringLiteral("writtenPosition"), 0)));
    l.appliedPosition = static_cast<quint64>(
        std::max<qint64>(0, f.optionalInteger(QStringLiteral("appliedPosition"), 0)));
    l.writtenAt = timeFromIso(f.optionalString(QStringLiteral("writtenAt")));
    l.appliedAt = timeFromIso(f.optionalString(QStringLiteral("appliedAt")));
    return finish(f, error, std::move(l));
}

// --- SiteInfo ----------------------------------------------------------------------------

QJsonObject SiteInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("region"), region},
            {QStringLiteral("city"), city},
            {QStringLiteral("agentVersion"), agentVersion},
            {QStringLiteral("protocolVersion"), protocolVersion},
            {QStringLiteral("backend"), backend},
            {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilities)}};
}

std::optional<SiteInfo> SiteInfo::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    SiteInfo s;
    s.id = f.requiredString(QStringLiteral("id"));
    s.name = f.optionalString(QStringLiteral("name"), s.id);
    s.region = f.optionalString(QStringLiteral("region"));
    s.city = f.optionalString(QStringLiteral("city"));
    s.agentVersion = f.optionalString(QStringLiteral("agentVersion"));
    s.protocolVersion = static_cast<int>(f.requiredInteger(QStringLiteral("protocolVersion")));
    s.backend = f.optionalString(QStringLiteral("backend"));
    s.capabilities = stringList(f.optionalArray(QStringLiteral("capabilities")), f, QStringLiteral("capabilities"));
    return finish(f, error, std::move(s));
}

// --- TopologySnapshot --------------------------------------------------------------------

QJsonObject TopologySnapshot::toJson() const
{
    return {{QStringLiteral("site"), siteId},
            {QStringLiteral("epoch"), epoch},
            {QStringLiteral("revision"), static_cast<qint64>(revision)},
            {QStringLiteral("components"), arrayOf(components)},
            {QStringLiteral("dependencies"), arrayOf(dependencies)},
            {QStringLiteral("replication"), arrayOf(replication)},
            {QStringLiteral("traffic"), metricsToJson(traffic)}};
}

std::optional<TopologySnapshot> TopologySnapshot::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    TopologySnapshot t;
    t.siteId = f.requiredString(QStringLiteral("site"));
    t.epoch = f.requiredString(QStringLiteral("epoch"));
    t.revision = static_cast<quint64>(f.requiredInteger(QStringLiteral("revision")));
    const QJsonArray components = f.requiredArray(QStringLiteral("components"));
    const QJsonArray dependencies = f.optionalArray(QStringLiteral("dependencies"));
    const QJsonArray replication = f.optionalArray(QStringLiteral("replication"));
    t.traffic = trafficFromJson(f.optionalObject(QStringLiteral("traffic")), f);
    if (!f.ok())
        return finish(f, error, std::move(t));
    if (!listFromJson(components, &t.components, error, QStringLiteral("components"))
        || !listFromJson(dependencies, &t.dependencies, error, QStringLiteral("dependencies"))
        || !listFromJson(replication, &t.replication, error, QStringLiteral("replication")))
        return std::nullopt;
    return t;
}

// --- TopologyChanges ---------------------------------------------------------------------

bool TopologyChanges::isEmpty() const
{
    return !full && components.isEmpty() && removedComponents.isEmpty() && replication.isEmpty()
           && removedReplication.isEmpty() && !dependencies && !traffic;
}

QJsonObject TopologyChanges::toJson() const
{
    QJsonObject json{{QStringLiteral("site"), siteId},
                     {QStringLiteral("epoch"), epoch},
                     {QStringLiteral("since"), static_cast<qint64>(since)},
                     {QStringLiteral("revision"), static_cast<qint64>(revision)},
                     {QStringLiteral("full"), full},
                     {QStringLiteral("components"), arrayOf(components)},
                     {QStringLiteral("removedComponents"), QJsonArray::fromStringList(removedComponents)},
                     {QStringLiteral("replication"), arrayOf(replication)},
                     {QStringLiteral("removedReplication"), QJsonArray::fromStringList(removedReplication)}};
    if (dependencies)
        json.insert(QStringLiteral("dependencies"), arrayOf(*dependencies));
    if (traffic)
        json.insert(QStringLiteral("traffic"), metricsToJson(*traffic));
    return json;
}

std::optional<TopologyChanges> TopologyChanges::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    TopologyChanges c;
    c.siteId = f.requiredString(QStringLiteral("site"));
    c.epoch = f.requiredString(QStringLiteral("epoch"));
    c.since = static_cast<quint64>(f.requiredInteger(QStringLiteral("since")));
    c.revision = static_cast<quint64>(f.requiredInteger(QStringLiteral("revision")));
    c.full = f.optionalBool(QStringLiteral("full"), false);
    const QJsonArray components = f.optionalArray(QStringLiteral("components"));
    const QJsonArray replication = f.optionalArray(QStringLiteral("replication"));
    c.removedComponents = stringList(f.optionalArray(QStringLiteral("removedComponents")), f,
                                     QStringLiteral("removedComponents"));
    c.removedReplication = stringList(f.optionalArray(QStringLiteral("removedReplication")), f,
                                      QStringLiteral("removedReplication"));
    if (json.contains(QStringLiteral("traffic")))
        c.traffic = trafficFromJson(f.requiredObject(QStringLiteral("traffic")), f);
    const bool hasDependencies = json.contains(QStringLiteral("dependencies"));
    const QJsonArray dependencies = f.optionalArray(QStringLiteral("dependencies"));
    if (!f.ok())
        return finish(f, error, std::move(c));
    if (!listFromJson(components, &c.components, error, QStringLiteral("components"))
        || !listFromJson(replication, &c.replication, error, QStringLiteral("replication")))
        return std::nullopt;
    if (hasDependencies) {
        QList<Dependency> list;
        if (!listFromJson(dependencies, &list, error, QStringLiteral("dependencies")))
            return std::nullopt;
        c.dependencies = std::move(list);
    }
    return c;
}

// --- OperationSpec -----------------------------------------------------------------------

QJsonObject OperationSpec::toJson() const
{
    QJsonObject json{{QStringLiteral("code"), code},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("description"), description},
                     {QStringLiteral("layer"), toString(layer)},
                     {QStringLiteral("parameters"), parameters},
                     {QStringLiteral("reversible"), reversible}};
    if (!inverse.isEmpty())
        json.insert(QStringLiteral("inverse"), inverse);
    return json;
}

std::optional<OperationSpec> OperationSpec::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    OperationSpec o;
    o.code = f.requiredString(QStringLiteral("code"));
    o.name = f.optionalString(QStringLiteral("name"), o.code);
    o.description = f.optionalString(QStringLiteral("description"));
    o.layer = f.requiredEnum<Layer>(QStringLiteral("layer"), layerFromString, allowedLayers());
    o.parameters = f.optionalObject(QStringLiteral("parameters"));
    o.reversible = f.optionalBool(QStringLiteral("reversible"), false);
    o.inverse = f.optionalString(QStringLiteral("inverse"));
    if (f.ok() && o.reversible && o.inverse.isEmpty())
        f.fail(QStringLiteral("inverse"), QStringLiteral("a reversible operation must name its inverse"));
    return finish(f, error, std::move(o));
}

QString validateParameters(const QJsonObject &schema, const QJsonObject &parameters)
{
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const QJsonArray required = schema.value(QStringLiteral("required")).toArray();
    for (const QJsonValue &name : required) {
        const QJsonValue value = parameters.value(name.toString());
        if (value.isUndefined() || value.isNull())
            return QStringLiteral("parameter \"%1\" is required").arg(name.toString());
    }
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        if (!properties.contains(it.key()))
            return QStringLiteral("unknown parameter \"%1\"").arg(it.key());
        const QJsonObject rule = properties.value(it.key()).toObject();
        const QString type = rule.value(QStringLiteral("type")).toString();
        const QJsonValue value = it.value();
        bool typeOk = true;
        if (type == QLatin1StringView("string"))
            typeOk = value.isString();
        else if (type == QLatin1StringView("number"))
            typeOk = value.isDouble();
        else if (type == QLatin1StringView("integer"))
            typeOk = value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
        else if (type == QLatin1StringView("boolean"))
            typeOk = value.isBool();
        else if (type == QLatin1StringView("object"))
            typeOk = value.isObject();
        else if (type == QLatin1StringView("array"))
            typeOk = value.isArray();
        if (!typeOk)
            return QStringLiteral("parameter \"%1\" must be of type %2").arg(it.key(), type);
        const QJsonArray allowed = rule.value(QStringLiteral("enum")).toArray();
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            QStringList names;
            for (const QJsonValue &v : allowed)
                names.append(v.toVariant().toString());
            return QStringLiteral("parameter \"%1\" must be one of %2").arg(it.key(), names.join(QStringLiteral(", ")));
        }
        if (value.isDouble()) {
            const QJsonValue minimum = rule.value(QStringLiteral("minimum"));
            const QJsonValue maximum = rule.value(QStringLiteral("maximum"));
            if (minimum.isDouble() && value.toDouble() < minimum.toDouble())
                return QStringLiteral("parameter \"%1\" must be at least %2").arg(it.key()).arg(minimum.toDouble());
            if (maximum.isDouble() && value.toDouble() > maximum.toDouble())
                return QStringLiteral("parameter \"%1\" must be at most %2").arg(it.key()).arg(maximum.toDouble());
        }
    }
    return {};
}

// --- ActionRecord ------------------------------------------------------------------------

QJsonObject ActionRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("idempotencyKey"), idempotencyKey},
            {QStringLiteral("operation"), operation},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("state"), toString(state)},
            {QStringLiteral("created"), isoTime(created)},
            {QStringLiteral("started"), isoTime(started)},
            {QStringLiteral("finished"), isoTime(finished)},
            {QStringLiteral("message"), message},
            {QStringLiteral("logSize"), logSize}};
}

std::optional<ActionRecord> ActionRecord::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    ActionRecord a;
    a.id = f.requiredString(QStringLiteral("id"));
    a.idempotencyKey = f.requiredString(QStringLiteral("idempotencyKey"));
    a.operation = f.requiredString(QStringLiteral("operation"));
    a.parameters = f.optionalObject(QStringLiteral("parameters"));
    a.state = f.requiredEnum<ActionState>(QStringLiteral("state"), actionStateFromString, allowedNames(actionNames));
    a.created = timeFromIso(f.optionalString(QStringLiteral("created")));
    a.started = timeFromIso(f.optionalString(QStringLiteral("started")));
    a.finished = timeFromIso(f.optionalString(QStringLiteral("finished")));
    a.message = f.optionalString(QStringLiteral("message"));
    a.logSize = f.optionalInteger(QStringLiteral("logSize"), 0);
    return finish(f, error, std::move(a));
}

// --- FaultRecord -------------------------------------------------------------------------

QJsonObject FaultRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), toString(kind)},
            {QStringLiteral("target"), target},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("durationSeconds"), durationSeconds},
            {QStringLiteral("state"), toString(state)},
            {QStringLiteral("injected"), isoTime(injected)},
            {QStringLiteral("expires"), isoTime(expires)},
            {QStringLiteral("ended"), isoTime(ended)},
            {QStringLiteral("endReason"), endReason},
            {QStringLiteral("idempotencyKey"), idempotencyKey},
            {QStringLiteral("drillId"), drillId},
            {QStringLiteral("revertAttempts"), revertAttempts},
            {QStringLiteral("revertConfirmed"), revertConfirmed},
            {QStringLiteral("revertError"), revertError},
            {QStringLiteral("remainingSeconds"), remainingSeconds}};
}

std::optional<FaultRecord> FaultRecord::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    FaultRecord r;
    r.id = f.requiredString(QStringLiteral("id"));
    r.kind = f.requiredEnum<FaultKind>(QStringLiteral("kind"), faultKindFromString, allowedFaultKinds());
    r.target = f.optionalString(QStringLiteral("target"));
    r.parameters = f.optionalObject(QStringLiteral("parameters"));
    r.durationSeconds = static_cast<int>(f.requiredInteger(QStringLiteral("durationSeconds")));
    r.state = f.requiredEnum<FaultState>(QStringLiteral("state"), faultStateFromString, allowedNames(faultStateNames));
    r.injected = timeFromIso(f.optionalString(QStringLiteral("injected")));
    r.expires = timeFromIso(f.optionalString(QStringLiteral("expires")));
    r.ended = timeFromIso(f.optionalString(QStringLiteral("ended")));
    r.endReason = f.optionalString(QStringLiteral("endReason"));
    r.idempotencyKey = f.optionalString(QStringLiteral("idempotencyKey"));
    r.drillId = f.optionalString(QStringLiteral("drillId"));
    r.revertAttempts = static_cast<int>(f.optionalInteger(QStringLiteral("revertAttempts"), 0));
    r.revertConfirmed = f.optionalBool(QStringLiteral("revertConfirmed"), false);
    r.revertError = f.optionalString(QStringLiteral("revertError"));
    r.remainingSeconds = static_cast<int>(f.optionalInteger(QStringLiteral("remainingSeconds"), 0));
    return finish(f, error, std::move(r));
}

// --- FaultLimits -------------------------------------------------------------------------

QJsonObject FaultKindLimits::toJson() const
{
    return {{QStringLiteral("kind"), toString(kind)},
            {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
            {QStringLiteral("parameters"), parameters}};
}

std::optional<FaultKindLimits> FaultKindLimits::fromJson(const QJsonObject &json, QString *error, const QString &path)
{
    JsonFields f(json, path);
    FaultKindLimits k;
    k.kind = f.requiredEnum<FaultKind>(QStringLiteral("kind"), faultKindFromString, allowedFaultKinds());
    k.targets = stringList(f.optionalArray(QStringLiteral("targets")), f, QStringLiteral("targets"));
    k.parameters = f.optionalObject(QStringLiteral("parameters"));
    return finish(f, error, std::move(k));
}

QJsonObject FaultLimits::toJson() const
{
    return {{QStringLiteral("minDurationSeconds"), minDurationSeconds},
            {QStringLiteral("maxDurationSeconds"), maxDurationSeconds},
            {QStringLiteral("maxActive"), maxActive},
            {QStringLiteral("active"), active},
            {QStringLiteral("allowSelfIsolation"), allowSelfIsolation},
            {QStringLiteral("ownHosts"), QJsonArray::fromStringList(ownHosts)},
            {QStringLiteral("kinds"), arrayOf(kinds)}};
}

std::optional<FaultLimits> FaultLimits::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    FaultLimits l;
    l.minDurationSeconds = int(f.optionalInteger(QStringLiteral("minDurationSeconds"), DefaultMinDurationSeconds));
    l.maxDurationSeconds = int(f.optionalInteger(QStringLiteral("maxDurationSeconds"), DefaultMaxDurationSeconds));
    l.maxActive = int(f.optionalInteger(QStringLiteral("maxActive"), DefaultMaxActive));
    l.active = int(f.optionalInteger(QStringLiteral("active"), 0));
    l.allowSelfIsolation = f.optionalBool(QStringLiteral("allowSelfIsolation"), false);
    l.ownHosts = stringList(f.optionalArray(QStringLiteral("ownHosts")), f, QStringLiteral("ownHosts"));
    const QJsonArray kinds = f.optionalArray(QStringLiteral("kinds"));
    if (!f.ok())
        return finish(f, error, std::move(l));
    if (!listFromJson(kinds, &l.kinds, error, QStringLiteral("kinds")))
        return std::nullopt;
    return l;
}

// --- InspectionResult --------------------------------------------------------------------

QJsonObject InspectionResult::toJson() const
{
    return {{QStringLiteral("verdict"), verdict},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("evidence"), evidence},
            {QStringLiteral("durationMs"), durationMs},
            {QStringLiteral("details"), details}};
}

std::optional<InspectionResult> InspectionResult::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields f(json);
    InspectionResult r;
    r.verdict = f.requiredString(QStringLiteral("verdict"));
    r.summary = f.optionalString(QStringLiteral("summary"));
    r.evidence = f.optionalString(QStringLiteral("evidence"));
    r.durationMs = f.optionalInteger(QStringLiteral("durationMs"), 0);
    r.details = f.optionalObject(QStringLiteral("details"));
    return finish(f, error, std::move(r));
}

QJsonObject errorBody(const QString &code, const QString &message)
{
    return {
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

} // namespace Haven
