// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Protocol v1 between the console and haven-agent (docs/agent-protocol.md).
// Plain value types with JSON conversion; shared by the agent and the console.

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Haven {

inline constexpr int ProtocolVersion = 1;

enum class Layer { Business, Middleware, Storage, Database, Physical };
enum class ComponentStatus { Ok, Warning, Critical, Down, Unknown };
enum class ActionState { Pending, Running, Succeeded, Failed, Cancelled };
enum class ReplicationRole { Primary, Standby };
enum class ReplicationState { Healthy, Lagging, Broken };
enum class FaultKind { Cpu, Memory, Network, ProcessKill, HostDown, SiteDark };
// revert_failed: a revert failed and is being retried; orphaned: the agent gave up confirming
// the revert, so the effect may still be there (a loud alert until someone reverts it).
enum class FaultState { Active, Expired, Reverted, Injecting, Reverting, Failed, RevertFailed, Orphaned };

QString toString(Layer layer);
QString toString(ComponentStatus status);
QString toString(ActionState state);
QString toString(ReplicationRole role);
QString toString(ReplicationState state);
QString toString(FaultKind kind);
QString toString(FaultState state);

std::optional<Layer> layerFromString(QStringView text);
std::optional<ComponentStatus> componentStatusFromString(QStringView text);
std::optional<ActionState> actionStateFromString(QStringView text);
std::optional<ReplicationRole> replicationRoleFromString(QStringView text);
std::optional<ReplicationState> replicationStateFromString(QStringView text);
std::optional<FaultKind> faultKindFromString(QStringView text);
std::optional<FaultState> faultStateFromString(QStringView text);

// "a | b | c" lists for error messages.
QString allowedLayers();
QString allowedFaultKinds();

bool isFinal(ActionState state);
// True while the fault's effect may be present: injecting, active, reverting, revert_failed, orphaned.
bool isInEffect(FaultState state);
// The worse of two statuses (down > critical > warning > unknown > ok).
ComponentStatus worse(ComponentStatus a, ComponentStatus b);

QString isoTime(const QDateTime &time); // empty for a null time
QDateTime timeFromIso(const QString &text);

struct Alert
{
    QString id;
    QString severity; // "warning" or "critical"
    QString message;
    QDateTime since;

    QJsonObject toJson() const;
    static std::optional<Alert> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
    friend bool operator==(const Alert &, const Alert &) = default;
};

struct Component
{
    QString id;
    QString name;
    Layer layer = Layer::Business;
    QString kind;
    QString productGroup;
    QString host;
    ComponentStatus status = ComponentStatus::Unknown;
    QMap<QString, double> metrics; // cpu, memory, qps, latencyMs, capacity (percent)
    QList<Alert> alerts;
    quint64 revision = 0;

    QJsonObject toJson() const;
    static std::optional<Component> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
    friend bool operator==(const Component &, const Component &) = default;
};

// "from depends on to": to must be started before from.
struct Dependency
{
    QString from;
    QString to;

    QJsonObject toJson() const;
    static std::optional<Dependency> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
    friend bool operator==(const Dependency &, const Dependency &) = default;
};

// Data flows from the primary (from) to the standby (to). role is the reporting site's side.
struct ReplicationLink
{
    QString id;
    QString fromSite;
    QString fromComponent;
    QString toSite;
    QString toComponent;
    ReplicationRole role = ReplicationRole::Primary;
    double lagSeconds = 0;
    ReplicationState state = ReplicationState::Healthy;
    quint64 revision = 0;
    // For RPO: opaque, monotonically increasing positions (0: not reported) and the time of the
    // newest write at the primary and of the newest transaction applied at the standby (null:
    // not reported). Data lost if the primary fails at T = writtenAt(primary at T) - appliedAt.
    quint64 writtenPosition = 0;
    quint64 appliedPosition = 0;
    QDateTime writtenAt;
    QDateTime appliedAt;

    QJsonObject toJson() const;
    static std::optional<ReplicationLink> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
    friend bool operator==(const ReplicationLink &, const ReplicationLink &) = default;
};

struct SiteInfo
{
    QString id;
    QString name;
    QString region;
    QString city;
    QString agentVersion;
    int protocolVersion = ProtocolVersion;
    QString backend; // "simulated" or "hooks"
    QStringList capabilities;

    QJsonObject toJson() const;
    static std::optional<SiteInfo> fromJson(const QJsonObject &json, QString *error);
};

struct TopologySnapshot
{
    QString siteId;
    QString epoch; // changes when the agent's revision counter restarts
    quint64 revision = 0;
    QList<Component> components;
    QList<Dependency> dependencies;
    QList<ReplicationLink> replication;
    QMap<QString, double> traffic; // product group -> share of its traffic served here, percent

    QJsonObject toJson() const;
    static std::optional<TopologySnapshot> fromJson(const QJsonObject &json, QString *error);
};

// The answer to "what changed since revision N". full means: forget what you have.
struct TopologyChanges
{
    QString siteId;
    QString epoch;
    quint64 since = 0;
    quint64 revision = 0;
    bool full = false;
    QList<Component> components;
    QStringList removedComponents;
    QList<ReplicationLink> replication;
    QStringList removedReplication;
    std::optional<QList<Dependency>> dependencies;
    std::optional<QMap<QString, double>> traffic;

    bool isEmpty() const;
    QJsonObject toJson() const;
    static std::optional<TopologyChanges> fromJson(const QJsonObject &json, QString *error);
};

struct OperationSpec
{
    QString code;
    QString name;
    QString description;
    Layer layer = Layer::Business;
    QJsonObject parameters; // a JSON Schema subset, see validateParameters()
    bool reversible = false;
    QString inverse;

    QJsonObject toJson() const;
    static std::optional<OperationSpec> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

// Checks parameters against the schema subset used by the catalog: an object with
// "properties" (each with "type" string|number|integer|boolean|object|array and optional
// "enum", "minimum", "maximum") and "required". Unknown parameters are refused.
// Returns an empty string when the parameters fit, otherwise the first problem.
QString validateParameters(const QJsonObject &schema, const QJsonObject &parameters);

struct ActionRecord
{
    QString id;
    QString idempotencyKey;
    QString operation;
    QJsonObject parameters;
    ActionState state = ActionState::Pending;
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    QString message;
    qint64 logSize = 0;

    QJsonObject toJson() const;
    static std::optional<ActionRecord> fromJson(const QJsonObject &json, QString *error);
};

struct FaultRecord
{
    QString id;
    FaultKind kind = FaultKind::Cpu;
    QString target; // component id, host name, or empty for the whole site
    QJsonObject parameters;
    int durationSeconds = 0;
    FaultState state = FaultState::Active;
    QDateTime injected;
    QDateTime expires;
    QDateTime ended;
    QString endReason;
    QString idempotencyKey; // the console's key: the same key never injects twice
    QString drillId;        // opaque, sent by the console and echoed
    int revertAttempts = 0;
    bool revertConfirmed = false; // the agent re-checked that the effect is gone
    QString revertError;          // why the last revert attempt failed, empty if none did
    int remainingSeconds = 0;     // to the deadline when answered; 0 once the fault ended

    QJsonObject toJson() const;
    static std::optional<FaultRecord> fromJson(const QJsonObject &json, QString *error);
};

// What one fault kind accepts at this agent (GET /v1/faults/limits).
struct FaultKindLimits
{
    FaultKind kind = FaultKind::Cpu;
    QStringList targets;    // what the target may name: "component", "host"; empty: no target
    QJsonObject parameters; // schema subset of validateParameters(), with minimum/maximum

    QJsonObject toJson() const;
    static std::optional<FaultKindLimits> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

// The bounds the agent enforces on POST /v1/faults, for the console's preflight.
struct FaultLimits
{
    static constexpr int DefaultMinDurationSeconds = 1;
    static constexpr int DefaultMaxDurationSeconds = 4 * 3600;
    static constexpr int DefaultMaxActive = 8;

    int minDurationSeconds = DefaultMinDurationSeconds;
    int maxDurationSeconds = DefaultMaxDurationSeconds;
    int maxActive = DefaultMaxActive; // faults in effect at once (409 beyond)
    int active = 0;                   // in effect now
    bool allowSelfIsolation = false;  // host_down/site_dark of the agent's own host allowed
    QStringList ownHosts;             // the hosts the agent runs on
    QList<FaultKindLimits> kinds;

    QJsonObject toJson() const;
    static std::optional<FaultLimits> fromJson(const QJsonObject &json, QString *error);
};

struct InspectionResult
{
    QString verdict; // "pass", "fail" or "error"
    QString summary;
    QString evidence;
    qint64 durationMs = 0;
    QJsonObject details;

    QJsonObject toJson() const;
    static std::optional<InspectionResult> fromJson(const QJsonObject &json, QString *error);
};

// The single error shape: {"error":{"code":...,"message":...}}.
QJsonObject errorBody(const QString &code, const QString &message);

} // namespace Haven
