// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/site/topologystate.h"
#include "protocol/protocol.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace Haven {

class JsonFields;

// What a running operation reported: a log line, or its end (finalState set).
struct OperationEvent
{
    quint64 run = 0;
    QString logLine;
    std::optional<ActionState> finalState;
    QString message;
};

// A whole datacenter modelled from a profile (docs/simulated-profile.md).
// Pure logic: no timers, no I/O after loading. Time only moves through advance(), and all
// randomness comes from the seed, so a test can replay a site exactly. Every visible change
// is written into topology(), whose revisions drive the agent's change feed.
class SimulatedSite final
{
public:
    // Metric drift is sampled on this grid, so advance(0.25) four times equals advance(1).
    static constexpr double SampleSeconds = 1.0;

    static std::unique_ptr<SimulatedSite> fromJson(const QJsonObject &profile, quint32 seed, QString *error);
    static std::unique_ptr<SimulatedSite> fromFile(const QString &path, quint32 seed, QString *error);
    ~SimulatedSite();

    SiteInfo siteInfo() const; // without agentVersion and capabilities: the agent knows those
    QStringList productGroups() const { return m_productGroups; }
    const TopologyState &topology() const { return m_topology; }
    // Components in start order: every component comes after the ones it depends on.
    QStringList startOrder() const { return m_startOrder; }

    double elapsed() const { return m_now; } // simulated seconds since loading
    // The simulated wall clock that stamps alerts: the start time plus elapsed().
    QDateTime currentTime() const;
    void setStartTime(const QDateTime &time);
    void advance(double seconds);

    QList<OperationSpec> operations() const;
    // Refuses what can never run here (unknown product group, component or operation).
    // Problems that depend on the moment (no standby left) make the run fail instead.
    QString checkOperation(const QString &code, const QJsonObject &parameters) const;
    // Returns the run id, or 0 with *error set. The first step runs at the next advance().
    quint64 startOperation(const QString &code, const QJsonObject &parameters, QString *error);
    // The run stops when its next step is due and logs what state it left behind.
    void cancelOperation(quint64 run);
    bool isRunning(quint64 run) const;
    QList<OperationEvent> takeEvents();

    static QList<FaultKind> supportedFaults();
    QString checkFault(const FaultRecord &fault) const; // empty when the fault can be applied
    QString applyFault(const FaultRecord &fault);       // empty on success
    void revertFault(const QString &faultId);
    QStringList activeFaults() const;
    // What of the fault still acts on the site; empty once it is gone.
    QString faultEffect(const QString &faultId) const;
    // Faults whose revert the agent could not confirm: a critical alert on their targets.
    void setOrphanedFaults(const QList<FaultRecord> &faults);
    // The wall clock that stamps replication (writtenAt, appliedAt), so that sites running at
    // different speeds agree on it; by default the simulated clock, currentTime().
    void setWallClock(std::function<QDateTime()> clock);

private:
    struct Band
    {
        double warning = 0;
        double critical = 0;
    };
    struct Thresholds
    {
        Band cpu{80, 95};
        Band memory{85, 95};
        Band capacity{75, 90};
        Band latencyFactor{3, 10}; // multiples of the component's baseline latency
        double laggingSeconds = 5;
    };
    struct ComponentModel
    {
        Component identity; // id, name, layer, kind, productGroup, host; status and metrics unused
        QMap<QString, double> baseline;
        QMap<QString, double> deviation; // mean-reverting noise around the baseline
        double lastMoved = 0;
        double startSeconds = 0;
        QString stoppedBy; // the operation that stopped it, empty while it runs
        QHash<QString, QDateTime> alertSince;
    };
    struct LinkModel
    {
        QString id;
        QString component;
        QString peerSite;
        QString peerComponent;
        ReplicationRole role = ReplicationRole::Primary;
        double baseLag = 0;
        double deviation = 0;
        double lastMoved = 0;
        double backlog = 0; // seconds of data not yet applied: grows while broken, drains after
        quint64 writtenPosition = 0;
        quint64 appliedPosition = 0;
    };
    struct ActiveFault
    {
        FaultRecord record;
        QStringList components;
        QSet<QString> restarted; // killed processes that an operation started again
    };
    struct StepResult
    {
        enum class Kind { Next, Again, Succeed, Fail };
        Kind kind = Kind::Next;
        double wait = 0; // simulated seconds before the next (or the same) step runs
        QString message; // the run's final message when this step ends it

        static StepResult next(double wait = 0, const QString &message = {}) { return {Kind::Next, wait, message}; }
        static StepResult again(double wait) { return {Kind::Again, wait, {}}; }
        static StepResult succeed(const QString &message) { return {Kind::Succeed, 0, message}; }
        static StepResult fail(const QString &message) { return {Kind::Fail, 0, message}; }
    };
    using Step = std::function<StepResult()>;
    struct Run
    {
        quint64 id = 0;
        QString operation;
        QList<Step> steps;
        qsizetype next = 0;
        double dueAt = 0;
        bool cancelRequested = false;
        std::function<QString()> stateLeft; // for the cancellation message
    };

    explicit SimulatedSite(const QString &siteId);
    bool load(const QJsonObject &profile, quint32 seed, QString *error);
    bool readThresholds(JsonFields &root, QString *error);
    bool readComponents(JsonFields &root, QString *error);
    bool readDependencies(JsonFields &root, QString *error);
    bool orderComponents(QString *error);
    bool readReplication(JsonFields &root, QString *error);
    bool readTraffic(JsonFields &root, QString *error);

    // Drift and replication dynamics on the sample grid.
    void sample();
    void moveComponent(ComponentModel &model);
    void moveLink(LinkModel &link);
    double gaussian();
    void runDueSteps();
    void publish();

    Component componentState(ComponentModel &model);
    ReplicationLink linkState(const LinkModel &link) const;
    LinkModel *linkById(const QString &id);
    QMap<QString, double> metricsOf(const ComponentModel &model) const;
    QString downReason(const ComponentModel &model) const;
    bool isDown(const QString &componentId) const;
    bool isBroken(const LinkModel &link) const;
    double networkLatencyMs(const QString &componentId) const;
    double networkLossPercent(const QString &componentId) const;
    double lagOf(const LinkModel &link) const;
    void moveReplicationPositions(LinkModel &link) const;
    QStringList faultTargets(const QString &target) const;
    static QString orphanMessage(const FaultRecord &fault);

    // Operations: each builds the steps of a run.
    void log(quint64 run, const QString &line);
    QStringList applicationComponents(const QString &group) const;
    QString describe(const QString &componentId) const;
    QList<qsizetype> replicatedLinks(std::optional<Layer> layer, const QString &group, const QString &component) const;
    bool refuseEmptyGroup(Run &run, const QString &group, const QStringList &components);
    Step stopStep(quint64 run, const QString &componentId, const QString &operation);
    Step startStep(quint64 run, const QString &componentId);
    Step trafficRamp(quint64 run, const QString &group, double target);
    void planTrafficCut(Run &run, const QString &group);
    void planTrafficRestore(Run &run, const QString &group, std::optional<double> share);
    void planAppStop(Run &run, const QString &group);
    void planAppStart(Run &run, const QString &group);
    void planAppRestart(Run &run, const QString &group);
    void planRoleSwitch(Run &run, Layer layer, ReplicationRole to, const QString &group, const QString &component);
    void planHealthCheck(Run &run, const QString &group, std::optional<Layer> layer);
    void planWaitSeconds(Run &run, double seconds);
    void planWaitReplication(Run &run, const QString &group, double maxLag, double timeout);
    QString applicationState(const QStringList &components) const;
    QString roleState(Layer layer, const QString &group, const QString &component) const;

    TopologyState m_topology;
    QString m_name;
    QString m_region;
    QString m_city;
    QStringList m_productGroups;
    Thresholds m_thresholds;
    QHash<QString, ComponentModel> m_components;
    QStringList m_componentIds; // profile order: every walk over components uses it, for determinism
    QStringList m_startOrder;
    QList<Dependency> m_dependencies;
    QHash<QString, QStringList> m_dependsOn; // component -> what it needs running
    QList<LinkModel> m_links;
    QMap<QString, double> m_initialTraffic;
    QMap<QString, double> m_traffic;
    QMap<QString, double> m_shareBeforeCut;
    QMap<QString, ActiveFault> m_faults;
    QList<FaultRecord> m_orphans;
    std::function<QDateTime()> m_wallClock;

    QRandomGenerator m_random; // drift only, so faults and operations never change the drift
    double m_now = 0;
    quint64 m_samples = 0;
    QDateTime m_startTime;
    std::map<quint64, Run> m_runs;
    quint64 m_nextRunId = 1;
    QList<OperationEvent> m_events;
};

} // namespace Haven
